"""Every resource through the engine's steps: create, no-op, update, replace, preview with unknown
parents, drift, out-of-band delete, removal, adopt, bad input. One table row per resource; every test
runs on both engines (the imitation in tests/_harness and the real `pulumi` CLI), which must agree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from _harness import DeploymentError, Engine
from _samples import (
    Program,
    charge_point_subject,
    charging_zone_subject,
    connector_subject,
    evse_subject,
    exported_location,
    id_tag_subject,
    location_subject,
    nothing,
    tariff_group_subject,
    tariff_subject,
)
from pulumi_ampeco.specs import REGISTRY

from resources.tests_support import TenantApi


@dataclass
class Case:
    kind: str
    program: Callable[[dict[str, Any]], None]
    """Declares the subject (named "subject", with these extra args) and the parents it needs (_samples)."""
    update: dict[str, Any]
    drift: tuple[str, dict[str, Any]]
    """An out-of-band change: (method, wire body) sent to the subject's path."""
    drifted_field: str
    invalid: tuple[str, Any]
    replace: dict[str, Any] | None = None
    replace_reason: str = ""
    base: dict[str, Any] = field(default_factory=dict)


CASES = [
    Case("IdTag", id_tag_subject, update={"id_label": "Card 1b", "status": "disabled"},
         drift=("PATCH", {"idLabel": "tampered"}), drifted_field="id_label", invalid=("type", "barcode")),
    Case("Location", location_subject, update={"city": "Plovdiv", "tags": ["x"]},
         drift=("PATCH", {"city": "Tampered", "geoposition": {"latitude": 42.69, "longitude": 23.32}}),
         drifted_field="city", invalid=("country", "XX")),
    Case("ChargingZone", charging_zone_subject, update={"name": "Staff only"}, drift=("PATCH", {"status": "disabled"}),
         drifted_field="status", invalid=("status", "maybe"), replace={"site": "b"}, replace_reason="location_id"),
    Case("ChargePoint", charge_point_subject, update={"name": "CP renamed", "tags": ["c"]},
         drift=("PATCH", {"name": "tampered"}), drifted_field="name", invalid=("status", "broken"),
         replace={"communication_mode": "none"}, replace_reason="communication_mode"),
    Case("Evse", evse_subject, update={"label": "Right", "power_options": {"max_power": 11000, "phases": "three_phase"}},
         drift=("PATCH", {"label": "tampered"}), drifted_field="label", invalid=("current_type", "hvdc"),
         replace={"cp": "b"}, replace_reason="charge_point_id"),
    Case("Connector", connector_subject, update={"format": "cable"}, drift=("PATCH", {"status": "disabled"}),
         drifted_field="status", invalid=("type", "type9"), replace={"evse": "b"}, replace_reason="evse_id"),
    Case("Tariff", tariff_subject, update={"pricing": {"price_per_kwh": 0.35, "price_period_in_minutes": 15,
                                                "price_per_period": 0.02}},
         drift=("PUT", {"name": "Standard", "type": "free"}), drifted_field="type",
         invalid=("pricing", {"price_period_in_minutes": 7})),
    Case("TariffGroup", tariff_group_subject, update={"order": "21"}, drift=("PUT", {"name": "tampered"}),
         drifted_field="name", invalid=("tariff_ids", ["x"])),
]
IDS = [c.kind for c in CASES]


def program_for(case: Case, **extra: Any) -> Program:
    return Program(case.program, extra)


def subject_path(engine: Engine, case: Case) -> str:
    entry = engine.resource("subject")
    spec = REGISTRY[case.kind]
    params = {k: entry.outputs[k] for k in ("location_id", "charge_point_id", "evse_id")
              if f"{{{k}}}" in spec.collection}
    return spec.item_path(params, entry.id)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_create_then_second_up_is_a_no_op(case: Case, engine: Engine, api: TenantApi) -> None:
    created = engine.up(program_for(case))
    assert set(created.ops()) == {"create"}
    api.clear_log()
    again = engine.up(program_for(case))
    assert again.changes() == [], again.summary()
    assert api.writes() == []
    assert engine.preview(program_for(case)).changes() == []


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_changed_argument_updates_in_place_keeping_the_id(case: Case, engine: Engine, api: TenantApi) -> None:
    engine.up(program_for(case))
    before = engine.resource("subject").id
    preview = engine.preview(program_for(case, **case.update))
    assert preview.step("subject").op == "update"
    api.clear_log()
    plan = engine.up(program_for(case, **case.update))
    step = plan.step("subject")
    assert step.op == "update" and step.id == before
    assert len(api.writes()) == 1  # one PATCH/PUT
    assert engine.up(program_for(case, **case.update)).changes() == []


@pytest.mark.parametrize("case", [c for c in CASES if c.replace], ids=[c.kind for c in CASES if c.replace])
def test_immutable_change_replaces_with_a_new_id(case: Case, engine: Engine, api: TenantApi) -> None:
    assert case.replace is not None
    engine.up(program_for(case))
    old = engine.resource("subject").id
    old_path = subject_path(engine, case)
    plan = engine.up(program_for(case, **case.replace))
    step = plan.step("subject")
    assert step.op == "replace" and case.replace_reason in step.replaces
    assert engine.resource("subject").id != old or subject_path(engine, case) != old_path
    assert api.client.get(old_path).status_code == 404
    assert engine.up(program_for(case, **case.replace)).changes() == []


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_preview_of_fresh_program_creates_nothing(case: Case, engine: Engine, api: TenantApi) -> None:
    plan = engine.preview(program_for(case))
    assert set(plan.ops()) == {"create"}
    assert plan.step("subject").error is None
    assert api.writes() == []


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_refresh_shows_back_office_drift_and_next_up_reverts_it(case: Case, engine: Engine, api: TenantApi) -> None:
    engine.up(program_for(case))
    path = subject_path(engine, case)
    declared = engine.resource("subject").outputs[case.drifted_field]
    method, body = case.drift
    api.send(method, path, body)
    refreshed = engine.refresh()
    step = refreshed.step("subject")
    assert step.op == "refresh-changed" and case.drifted_field in step.changed_keys
    preview = engine.preview(program_for(case))
    assert preview.step("subject").op == "update"
    assert case.drifted_field in preview.step("subject").changed_keys
    engine.up(program_for(case))
    live = engine.resource("subject").outputs
    assert live[case.drifted_field] == declared
    assert engine.up(program_for(case)).changes() == []


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_out_of_band_delete_is_dropped_on_refresh_and_recreated(case: Case, engine: Engine,
                                                                 api: TenantApi) -> None:
    engine.up(program_for(case))
    api.send("DELETE", subject_path(engine, case))
    assert engine.refresh().step("subject").op == "delete"
    assert engine.up(program_for(case)).step("subject").op == "create"
    assert api.client.get(subject_path(engine, case)).status_code == 200


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_resource_removed_from_program_is_deleted(case: Case, engine: Engine, api: TenantApi) -> None:
    engine.up(program_for(case))
    path = subject_path(engine, case)
    everything = len(engine.state)
    plan = engine.up(Program(nothing))
    assert plan.ops() == {"delete": everything}
    assert api.client.get(path).status_code == 404
    assert engine.state == {}


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_adopt_takes_over_existing_object_then_no_op(case: Case, engine: Engine, api: TenantApi) -> None:
    engine.up(program_for(case))  # the object and its parents exist; forget the subject, keep it on the tenant
    path = subject_path(engine, case)
    object_id = engine.resource("subject").id
    engine.forget("subject")
    api.clear_log()
    plan = engine.up(program_for(case, adopt_id=int(object_id), **case.update))
    step = plan.step("subject")
    assert step.op == "create" and step.id == object_id
    writes = api.writes()
    assert len(writes) == 1 and writes[0].split()[0] in ("PATCH", "PUT")  # read, then one update
    assert api.client.get(path).status_code == 200
    assert engine.up(program_for(case, adopt_id=int(object_id), **case.update)).changes() == []
    assert engine.up(program_for(case, **case.update)).changes() == []  # dropping adopt_id does nothing


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_invalid_input_is_rejected_at_check_naming_the_field(case: Case, engine: Engine, api: TenantApi) -> None:
    name, value = case.invalid
    with pytest.raises(DeploymentError) as failed:
        engine.preview(program_for(case, **{name: value}))
    assert name in str(failed.value)
    assert api.writes() == []


def test_stack_exports_see_real_ids(engine: Engine) -> None:
    plan = engine.up(Program(exported_location))
    assert plan.outputs["site"] == engine.resource("site").id
