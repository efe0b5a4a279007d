"""Every resource through the engine's steps: create, no-op, update, replace, preview with unknown
parents, drift, out-of-band delete, removal, adopt, bad input. One table row per resource."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_ampeco as ampeco
import pytest
from _harness import DeploymentError, Engine
from pulumi_ampeco.specs import REGISTRY

from resources.tests_support import TenantApi


def en(text: str) -> list[dict[str, str]]:
    return [{"locale": "en", "translation": text}]


LOCATION_ARGS: dict[str, Any] = {
    "name": en("Depot"), "address": en("1 Main St"), "country": "BG", "city": "Sofia",
    "geoposition": {"latitude": 42.69, "longitude": 23.32}, "external_id": "depot",
}


def location(resource_name: str = "site", **overrides: Any) -> ampeco.Location:
    return ampeco.Location(resource_name, **{**LOCATION_ARGS, "external_id": f"ext-{resource_name}", **overrides})


def charge_point(resource_name: str = "cp", site: ampeco.Location | None = None,
                 **overrides: Any) -> ampeco.ChargePoint:
    name = resource_name
    site = site or location()
    args = {"name": "CP", "type": "public", "status": "enabled", "location_id": site.id,
            "communication_mode": "direct_ocpp", "network": {"id": f"NET-{name}", "protocol": "ocpp 1.6"},
            "tags": ["b", "a"], "capabilities": ["meter_values"]}
    return ampeco.ChargePoint(name, **{**args, **overrides})


def evse(resource_name: str = "evse", cp: ampeco.ChargePoint | None = None, **overrides: Any) -> ampeco.Evse:
    name = resource_name
    cp = cp or charge_point()
    args = {"charge_point_id": cp.id, "network_id": "1", "physical_reference": "P-1", "current_type": "ac",
            "status": "enabled", "label": "Left", "power_options": {"max_power": 22000, "phases": "three_phase"}}
    return ampeco.Evse(name, **{**args, **overrides})


@dataclass
class Case:
    kind: str
    program: Callable[[dict[str, Any]], None]
    """Declares the subject (named "subject", with these extra args) and the parents it needs."""
    update: dict[str, Any]
    drift: tuple[str, dict[str, Any]]
    """An out-of-band change: (method, wire body) sent to the subject's path."""
    drifted_field: str
    invalid: tuple[str, Any]
    replace: dict[str, Any] | None = None
    replace_reason: str = ""
    base: dict[str, Any] = field(default_factory=dict)


def _id_tag(extra: dict[str, Any]) -> None:
    ampeco.IdTag("subject", **{"id_tag_uid": "04AA0001", "status": "enabled", "type": "rfid",
                              "id_label": "Card 1", "payment_method_id": "auto", **extra})


def _location(extra: dict[str, Any]) -> None:
    ampeco.Location("subject", **{**LOCATION_ARGS, "working_hours": {"is_always_open": True}, **extra})


def _zone(extra: dict[str, Any]) -> None:
    sites = {"a": location("site-a"), "b": location("site-b")}
    parent = sites[extra.pop("site", "a")]
    ampeco.ChargingZone("subject", **{"location_id": parent.id, "name": "Staff", "status": "enabled", **extra})


def _charge_point(extra: dict[str, Any]) -> None:
    charge_point("subject", **extra)


def _evse(extra: dict[str, Any]) -> None:
    site = location()
    cps = {"a": charge_point("cp-a", site=site), "b": charge_point("cp-b", site=site)}
    group = ampeco.TariffGroup("group", name="Group")
    evse("subject", cp=cps[extra.pop("cp", "a")], tariff_group_id=group.id, **extra)


def _connector(extra: dict[str, Any]) -> None:
    cp = charge_point("cp")
    evses = {"a": evse("evse-a", cp=cp), "b": evse("evse-b", cp=cp, network_id="2", physical_reference="P-2")}
    ampeco.Connector("subject", **{"charge_point_id": cp.id, "evse_id": evses[extra.pop("evse", "a")].id,
                                   "type": "type2", "format": "socket", "status": "enabled", **extra})


def _tariff(extra: dict[str, Any]) -> None:
    ampeco.Tariff("subject", **{"name": "Standard", "type": "duration+energy",
                                "pricing": {"price_per_kwh": 0.3, "price_period_in_minutes": 15,
                                            "price_per_period": 0.02},
                                "restrictions": {"start_date": "2027-01-01"}, **extra})


def _tariff_group(extra: dict[str, Any]) -> None:
    t1 = ampeco.Tariff("t1", name="T1", type="free")
    t2 = ampeco.Tariff("t2", name="T2", type="flat rate", pricing={"price_per_session": 2})
    order = extra.pop("order", "12")
    ids = [t1.id, t2.id] if order == "12" else [t2.id, t1.id]
    ampeco.TariffGroup("subject", **{"name": "Public", "tariff_ids": ids, **extra})


CASES = [
    Case("IdTag", _id_tag, update={"id_label": "Card 1b", "status": "disabled"},
         drift=("PATCH", {"idLabel": "tampered"}), drifted_field="id_label", invalid=("type", "barcode")),
    Case("Location", _location, update={"city": "Plovdiv", "tags": ["x"]},
         drift=("PATCH", {"city": "Tampered", "geoposition": {"latitude": 42.69, "longitude": 23.32}}),
         drifted_field="city", invalid=("country", "XX")),
    Case("ChargingZone", _zone, update={"name": "Staff only"}, drift=("PATCH", {"status": "disabled"}),
         drifted_field="status", invalid=("status", "maybe"), replace={"site": "b"}, replace_reason="location_id"),
    Case("ChargePoint", _charge_point, update={"name": "CP renamed", "tags": ["c"]},
         drift=("PATCH", {"name": "tampered"}), drifted_field="name", invalid=("status", "broken"),
         replace={"communication_mode": "none"}, replace_reason="communication_mode"),
    Case("Evse", _evse, update={"label": "Right", "power_options": {"max_power": 11000, "phases": "three_phase"}},
         drift=("PATCH", {"label": "tampered"}), drifted_field="label", invalid=("current_type", "hvdc"),
         replace={"cp": "b"}, replace_reason="charge_point_id"),
    Case("Connector", _connector, update={"format": "cable"}, drift=("PATCH", {"status": "disabled"}),
         drifted_field="status", invalid=("type", "type9"), replace={"evse": "b"}, replace_reason="evse_id"),
    Case("Tariff", _tariff, update={"pricing": {"price_per_kwh": 0.35, "price_period_in_minutes": 15,
                                                "price_per_period": 0.02}},
         drift=("PUT", {"name": "Standard", "type": "free"}), drifted_field="type",
         invalid=("pricing", {"price_period_in_minutes": 7})),
    Case("TariffGroup", _tariff_group, update={"order": "21"}, drift=("PUT", {"name": "tampered"}),
         drifted_field="name", invalid=("tariff_ids", ["x"])),
]
IDS = [c.kind for c in CASES]


def program_for(case: Case, **extra: Any) -> Callable[[], None]:
    return lambda: case.program(dict(extra))


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
    plan = engine.up(lambda: None)
    assert plan.ops() == {"delete": everything}
    assert api.client.get(path).status_code == 404
    assert engine.state == {}


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_adopt_takes_over_existing_object_then_no_op(case: Case, engine: Engine, api: TenantApi) -> None:
    engine.up(program_for(case))  # the object and its parents exist; forget the subject, keep it on the tenant
    path = subject_path(engine, case)
    object_id = engine.resource("subject").id
    del engine.state[engine.resource("subject").urn]
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
    def program() -> None:
        site = location()
        pulumi.export("site", site.id)

    plan = engine.up(program)
    assert plan.outputs["site"] == engine.resource("site").id
