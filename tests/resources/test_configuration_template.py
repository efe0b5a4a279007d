"""A configuration template's variables: a sub-collection of the API, declared whole as a list
argument (``SubCollection``), read by listing it and written item by item. On both engines."""

from __future__ import annotations

from typing import Any

from _harness import Engine
from _samples import OCPP16_VARIABLES, OCPP201_VARIABLES, Program, configuration_template_subject

from resources._resources_kit import TenantApi

TEMPLATES = "/public-api/resources/configuration-templates/v1.0"


def template(**extra: Any) -> Program:
    return Program(configuration_template_subject, extra)


def variables(engine: Engine, api: TenantApi) -> list[dict[str, Any]]:
    path = f"{TEMPLATES}/{engine.resource('subject').id}/variables"
    items: list[dict[str, Any]] = api.client.get(path).json()["data"]
    return items


def test_changed_variables_are_written_item_by_item_and_the_template_is_not(engine: Engine, api: TenantApi) -> None:
    engine.up(template())
    api.clear_log()
    wanted = [{"key_name": "HeartbeatInterval", "value": "600"}, {"key_name": "WebSocketPingInterval", "value": "30"}]
    plan = engine.up(template(variables=wanted))
    assert plan.step("subject").op == "update" and "variables" in plan.step("subject").changed_keys
    writes = api.writes()
    assert sorted(w.split()[0] for w in writes) == ["DELETE", "PATCH", "POST"]  # 60 s gone, 300 -> 600, ping new
    assert all("/variables" in w for w in writes)
    assert sorted((v["keyName"], v["value"]) for v in variables(engine, api)) == [
        ("HeartbeatInterval", "600"), ("WebSocketPingInterval", "30")]
    assert engine.up(template(variables=wanted)).changes() == []


def test_a_variable_changed_in_the_back_office_is_drift_that_the_next_up_reverts(engine: Engine,
                                                                                   api: TenantApi) -> None:
    engine.up(template())
    heartbeat = next(v for v in variables(engine, api) if v["keyName"] == "HeartbeatInterval")
    api.send("PATCH", f"{TEMPLATES}/{engine.resource('subject').id}/variables/{heartbeat['id']}", {"value": "999"})
    step = engine.refresh().step("subject")
    assert step.op == "refresh-changed" and "variables" in step.changed_keys
    assert engine.up(template()).step("subject").op == "update"
    assert {v["keyName"]: v["value"] for v in variables(engine, api)}["HeartbeatInterval"] == "300"
    assert engine.up(template()).changes() == []


def test_removing_the_variables_argument_deletes_every_variable(engine: Engine, api: TenantApi) -> None:
    engine.up(template())
    assert len(variables(engine, api)) == len(OCPP16_VARIABLES)
    engine.up(template(variables=None))
    assert variables(engine, api) == []
    assert engine.up(template(variables=None)).changes() == []


def test_variables_a_program_does_not_declare_are_never_touched(engine: Engine, api: TenantApi) -> None:
    engine.up(template(variables=None))
    path = f"{TEMPLATES}/{engine.resource('subject').id}/variables"
    api.send("POST", path, {"keyName": "SetInTheBackOffice", "value": "1"})
    engine.refresh()
    assert engine.up(template(variables=None, name="Renamed")).step("subject").op == "update"
    assert [v["keyName"] for v in variables(engine, api)] == ["SetInTheBackOffice"]


def test_ocpp_2_0_1_variables_read_back_as_declared(engine: Engine, api: TenantApi) -> None:
    program = template(ocpp_version="ocpp 2.0.1", variables=OCPP201_VARIABLES)
    engine.up(program)
    [held] = variables(engine, api)
    assert (held["component"], held["variableName"], held["variableType"]) == ("OCPPCommCtrlr", "HeartbeatInterval",
                                                                                 "Actual")
    assert engine.up(program).changes() == []
    engine.refresh()
    assert engine.preview(program).changes() == []
