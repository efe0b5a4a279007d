"""Every resource through the engine's steps: create, no-op, update, replace, preview with unknown
parents, drift, out-of-band delete, removal, adopt, bad input. One table row per resource; every test
runs on both engines (the imitation in tests/_harness and the real `pulumi` CLI), which must agree.

Where a subject lives, and what a back-office user does to it, is read off its declaration
(``Where``): a collection's item path, or, for an action-driven resource (a charge point on a
circuit), its parent's ``include[]`` listing and the update / delete actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from _harness import DeploymentError, Engine
from _samples import (
    OCPP201_VARIABLES,
    Program,
    charge_point_subject,
    charging_zone_subject,
    circuit_charge_point_subject,
    circuit_subject,
    configuration_template_subject,
    connector_subject,
    evse_subject,
    exported_location,
    id_tag_subject,
    location_subject,
    nothing,
    notification_subject,
    partner_subject,
    tariff_group_subject,
    tariff_subject,
    tax_subject,
    user_group_subject,
)
from pulumi_ampeco.specs import REGISTRY
from pulumi_ampeco.specs._base import ResourceSpec, integral

from resources._resources_kit import TenantApi


@dataclass
class Case:
    kind: str
    program: Callable[[dict[str, Any]], None]
    """Declares the subject (named "subject", with these extra args) and the parents it needs (_samples)."""
    update: dict[str, Any]
    drift: tuple[str, dict[str, Any]]
    """An out-of-band change: (method, wire body) sent to the subject's path (its update action's, if it has one)."""
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
    Case("Partner", partner_subject, update={"city": "Plovdiv", "vat_no": "BG123456789"},
         drift=("PATCH", {"city": "Tampered"}), drifted_field="city", invalid=("country", "XX")),
    Case("UserGroup", user_group_subject, update={"description": "Fleet and staff"},
         drift=("PATCH", {"name": "Fleet", "description": "tampered"}), drifted_field="description",
         invalid=("description", "x" * 2001)),
    Case("Tax", tax_subject, update={"percentage": 9.5}, drift=("PATCH", {"name": "tampered"}), drifted_field="name",
         invalid=("percentage", "twenty")),
    Case("Circuit", circuit_subject, update={"max_current": 32, "parent": "b"}, drift=("PATCH", {"maxCurrent": 40}),
         drifted_field="max_current", invalid=("phases", "four_phase")),
    Case("CircuitChargePoint", circuit_charge_point_subject, update={"priority": 1.5},
         drift=("POST", {"priority": 5}), drifted_field="priority", invalid=("priority", -1),
         replace={"cp": "b"}, replace_reason="charge_point_id"),
    Case("Notification", notification_subject,
         update={"notifications": ["chargePoint.changed", "evse.changed", "idTag.changed"]},
         drift=("PUT", {"via": "webhook", "notifications": ["idTag.changed"],
                        "webhook": {"callbackUrl": "https://hooks.example.com/ampeco"}}),
         drifted_field="notifications", invalid=("via", "email")),
    Case("ConfigurationTemplate", configuration_template_subject, update={"name": "Fleet defaults v2"},
         drift=("PATCH", {"name": "tampered"}), drifted_field="name", invalid=("ocpp_version", "ocpp 3"),
         replace={"ocpp_version": "ocpp 2.0.1", "variables": OCPP201_VARIABLES}, replace_reason="ocpp_version"),
]
IDS = [c.kind for c in CASES]


def program_for(case: Case, **extra: Any) -> Program:
    return Program(case.program, extra)


@dataclass(frozen=True)
class Where:
    """Where one object lives in the API, read off its declaration: the calls a back-office user
    (or a test) makes to see, change or delete it there."""

    spec: ResourceSpec
    params: dict[str, Any]
    object_id: str

    @property
    def path(self) -> str:
        """Its item path; for an action-driven resource, its parent's (the one that lists it)."""
        if self.spec.actions is not None:
            return self.spec.collection_path(self.params)
        return self.spec.item_path(self.params, self.object_id)

    def _action(self, which: str) -> str:
        actions = self.spec.actions
        assert actions is not None
        values = {**{k: integral(v) for k, v in self.params.items()}, actions.id: self.object_id}
        return str(getattr(actions, which).path.format(**values))

    def exists(self, api: TenantApi) -> bool:
        actions = self.spec.actions
        params = {"include[]": actions.listed_in} if actions is not None else None
        response: httpx.Response = api.client.get(self.path, params=params)
        assert response.status_code in (200, 404), response.text
        if response.status_code == 404 or actions is None:
            return response.status_code == 200
        return any(str(item["id"]) == self.object_id for item in response.json()["data"][actions.listed_in])

    def change(self, api: TenantApi, method: str, body: dict[str, Any]) -> None:
        api.send(method, self._action("update") if self.spec.actions is not None else self.path, body)

    def delete(self, api: TenantApi) -> None:
        if self.spec.actions is not None:
            api.send("POST", self._action("delete"), {})
        else:
            api.send("DELETE", self.path)

    @property
    def update_method(self) -> str:
        """The method of its one update request: PATCH or PUT, or the update action's POST."""
        return "POST" if self.spec.actions is not None else self.spec.update_method


def where(engine: Engine, case: Case) -> Where:
    entry = engine.resource("subject")
    spec = REGISTRY[case.kind]
    params = {k: entry.outputs[k] for k in spec.path_params_in_order}
    return Where(spec, params, entry.id)


def subject_path(engine: Engine, case: Case) -> str:
    return where(engine, case).path


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
    old = where(engine, case)
    plan = engine.up(program_for(case, **case.replace))
    step = plan.step("subject")
    assert step.op == "replace" and case.replace_reason in step.replaces
    assert where(engine, case) != old
    assert not old.exists(api) and where(engine, case).exists(api)
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
    declared = engine.resource("subject").outputs[case.drifted_field]
    method, body = case.drift
    where(engine, case).change(api, method, body)
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
    where(engine, case).delete(api)
    assert engine.refresh().step("subject").op == "delete"
    assert engine.up(program_for(case)).step("subject").op == "create"
    assert where(engine, case).exists(api)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_resource_removed_from_program_is_deleted(case: Case, engine: Engine, api: TenantApi) -> None:
    engine.up(program_for(case))
    subject = where(engine, case)
    everything = len(engine.state)
    plan = engine.up(Program(nothing))
    assert plan.ops() == {"delete": everything}
    assert not subject.exists(api)
    assert engine.state == {}


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_adopt_takes_over_existing_object_then_no_op(case: Case, engine: Engine, api: TenantApi) -> None:
    engine.up(program_for(case))  # the object and its parents exist; forget the subject, keep it on the tenant
    subject = where(engine, case)
    object_id = engine.resource("subject").id
    adopt_id = REGISTRY[case.kind].object_id(object_id)
    engine.forget("subject")
    api.clear_log()
    plan = engine.up(program_for(case, adopt_id=adopt_id, **case.update))
    step = plan.step("subject")
    assert step.op == "create" and step.id == object_id
    writes = api.writes()
    assert len(writes) == 1 and writes[0].split()[0] == subject.update_method  # read, then one update
    assert subject.exists(api)
    assert engine.up(program_for(case, adopt_id=adopt_id, **case.update)).changes() == []
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
