"""A create whose outcome is unknown never makes a duplicate: the engine looks the object up by its
natural key and takes it when it matches, else sends the POST again. A create cleanly refused as
"already taken" never takes the existing object over: it fails naming it and adopt_id.

Unit level: ``operations.create`` with the real client against the emulator, one fault injected on
the POST of the collection under test, for every resource kind. Then the same through the real
provider process and engine, with every POST's response lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pulumi_ampeco as ampeco
import pytest
from _harness import DeploymentError, Engine
from _reliability_kit import (
    COLLECTION,
    KINDS,
    Admin,
    checked,
    collection_regex,
    create_parents,
    declared_objects,
    en,
    sample_args,
)
from pulumi_ampeco._engine import operations
from pulumi_ampeco._engine.claims import Claims
from pulumi_ampeco._engine.operations import MAX_POSTS, AlreadyExistsError
from pulumi_ampeco._engine.state import path_params
from pulumi_ampeco.client import AmpecoClient
from pulumi_ampeco.errors import AmbiguousWriteError, ServerError, UnprocessableError
from pulumi_ampeco.specs import REGISTRY

# Faults after which the POST was NOT applied (the provider must send it again) ...
NOT_APPLIED = {
    "status-500": {"fault": "status", "status": 500},
    "status-503": {"fault": "status", "status": 503},
    "reset-before": {"fault": "reset_before"},
}
# ... and the one after which it WAS applied but the response was lost (it must adopt).
APPLIED = {"fault": "reset_after"}

# Kinds whose natural key the emulator enforces: a second create is refused "already taken".
ENFORCED = ["IdTag", "ChargePoint", "Evse", "CircuitChargePoint"]
# A non-key field and another valid value for it, per kind (to make an existing object differ).
OTHER_VALUE = {
    "IdTag": ("id_label", "Someone else's card"), "Location": ("city", "Plovdiv"),
    "ChargingZone": ("status", "disabled"), "ChargePoint": ("name", "Someone else's CP"),
    "Evse": ("label", "Someone else's EVSE"), "Connector": ("format", "cable"),
    "Tariff": ("pricing", {"price_per_kwh": 0.5, "price_period_in_minutes": 15, "price_per_period": 0.02}), "TariffGroup": ("tariff_ids", "__a tariff__"),
    "Partner": ("city", "Plovdiv"), "UserGroup": ("description", "Someone else's group"), "Tax": ("percentage", 9),
    "Circuit": ("max_current", 32), "CircuitChargePoint": ("priority", 3),
    "Notification": ("notifications", ["idTag.changed"]), "ConfigurationTemplate": ("ocpp_version", "ocpp 2.0.1"),
}


class Subject:
    """One object of ``kind`` about to be created, with its parents already on the tenant."""

    def __init__(self, kind: str, client: AmpecoClient, admin: Admin, **extra: Any) -> None:
        self.kind, self.client, self.admin = kind, client, admin
        self.spec = REGISTRY[kind]
        parents = create_parents(client, kind)
        self.inputs = checked(kind, {**sample_args(kind, "1", **parents), **extra})
        self.collection = self.spec.collection_path(path_params(self.spec, self.inputs))
        # where a create POSTs: the collection, or an action-driven kind's create action
        actions = self.spec.actions
        self.create_path = self.collection if actions is None else actions.create.path.format(**self.inputs)
        self.before = {o["id"] for o in self.objects()}

    def objects(self) -> list[dict[str, Any]]:
        return declared_objects(self.admin.state())[COLLECTION[self.kind]]

    def new_objects(self) -> list[dict[str, Any]]:
        return [o for o in self.objects() if o["id"] not in self.before]

    def fault_on_post(self, rule: Mapping[str, Any], times: int | None = 1) -> None:
        self.admin.faults({**rule, "methods": ["POST"], "path": collection_regex(self.create_path), "times": times})

    def posts(self) -> list[dict[str, Any]]:
        return self.admin.requests("POST", collection_regex(self.create_path))

    def create(self) -> tuple[str, dict[str, Any]]:
        return operations.create(self.spec, self.client, self.inputs)


@pytest.fixture
def subject(client: AmpecoClient, admin: Admin) -> Callable[..., Subject]:
    return lambda kind, **extra: Subject(kind, client, admin, **extra)


@pytest.mark.parametrize("kind", KINDS)
def test_lost_create_response_adopts_the_object_the_post_made_and_makes_no_duplicate(
        kind: str, subject: Callable[..., Subject]) -> None:
    s = subject(kind)
    s.fault_on_post(APPLIED)
    object_id, outs = s.create()
    made = s.new_objects()
    assert [o["id"] for o in made] == [int(object_id)]
    assert len(s.posts()) == 1  # adopted, not sent again
    assert s.posts()[0]["fault"] == "reset_after"
    # The outputs are the object's, as a normal create would give them.
    assert operations.read(s.spec, s.client, object_id, outs) == outs


@pytest.mark.parametrize("fault", list(NOT_APPLIED), ids=list(NOT_APPLIED))
@pytest.mark.parametrize("kind", KINDS)
def test_create_the_tenant_failed_before_applying_is_sent_again_and_makes_one_object(
        kind: str, fault: str, subject: Callable[..., Subject]) -> None:
    s = subject(kind)
    s.fault_on_post(NOT_APPLIED[fault])
    object_id, _ = s.create()
    assert [o["id"] for o in s.new_objects()] == [int(object_id)]
    assert [p["fault"] for p in s.posts()] == [NOT_APPLIED[fault]["fault"], None]


@pytest.mark.parametrize("kind", KINDS)
def test_lost_create_response_is_adopted_even_when_the_first_lookups_fail(
        kind: str, subject: Callable[..., Subject], admin: Admin) -> None:
    s = subject(kind)
    path = collection_regex(s.collection)
    admin.faults({**APPLIED, "methods": ["POST"], "path": path, "times": 1},
                 {"fault": "status", "status": 500, "methods": ["GET"], "path": path, "times": 2})
    object_id, _ = s.create()
    assert [o["id"] for o in s.new_objects()] == [int(object_id)]
    assert len(s.posts()) == 1
    assert [r["status"] for r in admin.requests("GET", path)] == [500, 500, 200]


def test_lost_create_response_whose_lookup_keeps_failing_says_the_object_may_exist(
        subject: Callable[..., Subject], admin: Admin) -> None:
    s = subject("Tariff")
    path = collection_regex(s.collection)
    admin.faults({**APPLIED, "methods": ["POST"], "path": path, "times": 1},
                 {"fault": "status", "status": 500, "methods": ["GET"], "path": path})
    with pytest.raises(AmbiguousWriteError) as failed:
        s.create()
    message = str(failed.value)
    assert "Tariff may exist now" in message and "adopt_id" in message and "'Tariff 1'" in message
    assert len(s.posts()) == 1  # never POSTed again blindly


@pytest.mark.parametrize("kind", ["Location", "Connector"])
def test_create_failing_ambiguously_every_time_stops_after_three_posts_and_leaves_nothing(
        kind: str, subject: Callable[..., Subject]) -> None:
    s = subject(kind)
    s.fault_on_post(NOT_APPLIED["status-500"], times=None)
    with pytest.raises(AmbiguousWriteError) as failed:
        s.create()
    assert f"{MAX_POSTS} POSTs failed" in str(failed.value)
    assert len(s.posts()) == MAX_POSTS
    assert s.new_objects() == []


def test_lost_response_of_a_charge_point_with_update_only_fields_is_adopted_then_patched(
        subject: Callable[..., Subject], admin: Admin) -> None:
    s = subject("ChargePoint", integrated_at="2024-03-01T10:00:00Z", manufactured_at="2023-12-01T00:00:00Z")
    s.fault_on_post(APPLIED)
    object_id, outs = s.create()
    [made] = s.new_objects()
    assert made["id"] == int(object_id)
    assert made["integratedAt"].startswith("2024-03-01") and outs["integrated_at"].startswith("2024-03-01")
    assert [r["method"] for r in admin.requests() if r["method"] != "GET"][-2:] == ["POST", "PATCH"]


def test_lost_create_response_without_a_natural_key_asks_for_adopt_id(subject: Callable[..., Subject]) -> None:
    s = subject("ChargePoint", network=None)  # neither network.id nor external_id declared
    s.fault_on_post(APPLIED)
    with pytest.raises(AmbiguousWriteError) as failed:
        s.create()
    assert "no natural key" in str(failed.value) and "adopt_id" in str(failed.value)
    assert len(s.new_objects()) == 1 and len(s.posts()) == 1  # made once, never sent again


# --- "has already been taken" -----------------------------------------------------------------


def _make_existing(s: Subject, differ: bool) -> int:
    """The object as a back-office user made it (the same declaration, or one field different)."""
    inputs = dict(s.inputs)
    if differ:
        name, value = OTHER_VALUE[s.kind]
        if value == "__a tariff__":
            tariff_id, _ = operations.create(REGISTRY["Tariff"], s.client,
                                             checked("Tariff", sample_args("Tariff", "x")))
            value = [int(tariff_id)]
        inputs = checked(s.kind, {**inputs, name: value})
    object_id, _ = operations.create(s.spec, s.client, inputs)
    s.before = {o["id"] for o in s.objects()}
    s.admin.clear_log()
    return int(object_id)


@pytest.mark.parametrize("differ", [False, True], ids=["matching", "differing"])
@pytest.mark.parametrize("kind", ENFORCED)
def test_already_taken_create_never_takes_the_existing_object_over_and_names_adopt_id(
        kind: str, differ: bool, subject: Callable[..., Subject]) -> None:
    """A card made in the back office is not this program's, even when it matches the declaration:
    taking it over silently would show it as "create" and delete it on the next destroy."""
    s = subject(kind)
    existing = _make_existing(s, differ=differ)
    with pytest.raises(AlreadyExistsError) as failed:
        s.create()
    message = str(failed.value)
    key = REGISTRY[kind].natural_key[0]
    assert f"{kind} {existing} with {key}" in message and "this program did not create it" in message
    assert f"set adopt_id={existing}" in message and "declared twice in this program" in message
    assert s.new_objects() == []
    assert [p["status"] for p in s.posts()] == [422]


@pytest.mark.parametrize("kind", ENFORCED)
def test_two_resources_with_the_same_key_do_not_share_one_object(
        kind: str, subject: Callable[..., Subject]) -> None:
    s = subject(kind)
    run = Claims()
    object_id, _ = operations.create(s.spec, s.client, s.inputs, claims=run)
    with pytest.raises(AlreadyExistsError) as failed:
        operations.create(s.spec, s.client, s.inputs, claims=run)
    key = REGISTRY[kind].natural_key[0]
    assert f"{kind} {object_id} with {key}" in str(failed.value) and "declared twice" in str(failed.value)
    assert [o["id"] for o in s.new_objects()] == [int(object_id)]


@pytest.mark.parametrize("kind", ENFORCED)
def test_lost_response_of_a_second_create_with_the_same_key_is_not_taken_for_its_own(
        kind: str, subject: Callable[..., Subject]) -> None:
    """The first resource made the object; the second one's POST was refused but its answer lost:
    the object found is the first one's, not the second's."""
    s = subject(kind)
    run = Claims()
    object_id, _ = operations.create(s.spec, s.client, s.inputs, claims=run)
    s.fault_on_post(APPLIED)
    with pytest.raises(AlreadyExistsError, match="created by another resource of this program in this run"):
        operations.create(s.spec, s.client, s.inputs, claims=run)
    assert [o["id"] for o in s.new_objects()] == [int(object_id)]


def test_lost_response_finding_an_object_created_long_before_does_not_take_it(
        subject: Callable[..., Subject], admin: Admin) -> None:
    """A card made in the back office yesterday is not what a POST made a moment ago."""
    s = subject("IdTag")
    existing = _make_existing(s, differ=False)
    state = admin.state()
    for tag in state["id_tags"]:
        tag["createdAt"] = "2020-01-01T00:00:00.000000Z"
    admin.load(state)
    s.fault_on_post(APPLIED)
    with pytest.raises(AlreadyExistsError) as failed:
        s.create()
    assert f"set adopt_id={existing}" in str(failed.value) and "before this create" in str(failed.value)


def test_create_whose_follow_up_update_fails_deletes_the_half_made_object(
        subject: Callable[..., Subject], admin: Admin) -> None:
    """The engine keeps nothing of a failed create: an object left behind would be an orphan, and the
    next run could not create it again ("already taken") without taking over what it cannot see."""
    s = subject("ChargePoint", integrated_at="2024-03-01T10:00:00Z")
    admin.clear_log()
    admin.faults({"fault": "status", "status": 503, "methods": ["PATCH"]})
    with pytest.raises(ServerError) as failed:
        s.create()
    assert "was deleted again, so nothing is left behind" in str(failed.value)
    assert s.new_objects() == []
    writes = [r["method"] for r in admin.requests() if r["method"] != "GET"]
    assert writes == ["POST", *["PATCH"] * s.client.retry.max_attempts, "DELETE"]


class _RefusingClient:
    """The real client, except that the first create (a POST to a collection or a create action)
    is refused "already taken" without being sent: a tenant enforcing the natural key of a kind the
    emulator does not enforce it for."""

    def __init__(self, inner: AmpecoClient, field: str) -> None:
        self._inner, self._field, self.refused = inner, field, 0

    def _refuse_first(self, path: str) -> None:
        if not self.refused:
            self.refused += 1
            raise UnprocessableError(method="POST", path=path, status=422,
                                     field_errors={self._field: [f"The {self._field} has already been taken."]})

    def create(self, path: str, body: Mapping[str, object], **kw: Any) -> dict[str, object]:
        self._refuse_first(path)
        return self._inner.create(path, body, **kw)

    def action(self, path: str, body: Mapping[str, object] | None = None) -> None:
        self._refuse_first(path)
        self._inner.action(path, body)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@pytest.mark.parametrize("differ", [False, True], ids=["matching", "differing"])
@pytest.mark.parametrize("kind", [k for k in KINDS if k not in ENFORCED])
def test_already_taken_refusal_names_the_existing_object_for_every_other_kind(
        kind: str, differ: bool, subject: Callable[..., Subject]) -> None:
    s = subject(kind)
    existing = _make_existing(s, differ=differ)
    refusing = _RefusingClient(s.client, REGISTRY[kind].natural_key[0])
    with pytest.raises(AlreadyExistsError, match=f"set adopt_id={existing}"):
        operations.create(s.spec, refusing, s.inputs)  # type: ignore[arg-type]
    assert s.new_objects() == [] and s.posts() == [] and refusing.refused == 1


# --- the same through the real provider process and engine --------------------------------------


def network_of_every_kind() -> None:
    site = ampeco.Location("site", name=en("Depot"), address=en("1 Main St"), country="BG",
                           geoposition={"latitude": 42.69, "longitude": 23.32}, external_id="depot")
    ampeco.ChargingZone("zone", location_id=site.id, name="Staff", status="enabled")
    tariff = ampeco.Tariff("tariff", name="Standard", type="flat rate", pricing={"price_per_session": 2})
    group = ampeco.TariffGroup("group", name="Public", tariff_ids=[tariff.id])
    cp = ampeco.ChargePoint("cp", name="CP 1", type="public", status="enabled", location_id=site.id,
                            communication_mode="direct_ocpp", network={"id": "NET-1", "protocol": "ocpp 1.6"},
                            integrated_at="2024-03-01T10:00:00Z")
    evse = ampeco.Evse("evse", charge_point_id=cp.id, network_id="1", physical_reference="P-1",
                       current_type="ac", status="enabled", tariff_group_id=group.id)
    ampeco.Connector("connector", charge_point_id=cp.id, evse_id=evse.id, type="type2", status="enabled")
    partner = ampeco.Partner("partner", name="Acme", external_id="acme")
    ampeco.IdTag("tag", id_tag_uid="04AB0001", status="enabled", type="rfid", partner_id=partner.id)
    ampeco.UserGroup("group-of-users", name="Fleet", partner_id=partner.id)
    ampeco.Tax("tax", name="VAT", percentage=20)
    circuit = ampeco.Circuit("circuit", name="Main", phases="three_phase", max_current=63)
    ampeco.CircuitChargePoint("on-circuit", circuit_id=circuit.id, charge_point_id=cp.id, priority=2)
    ampeco.Notification("hook", via="webhook", notifications=["chargePoint.changed"],
                        webhook={"callback_url": "https://hooks.example.com/a"})
    ampeco.ConfigurationTemplate("template", name="Defaults", ocpp_version="ocpp 1.6",
                                 variables=[{"key_name": "HeartbeatInterval", "value": "300"},
                                            {"key_name": "MeterValueSampleInterval", "value": "60"}])


EVERY_KIND = 15
POSTS = EVERY_KIND + 2  # and the template's two variables, POSTed once it exists


@pytest.fixture
def engine(make_engine: Callable[..., Engine]) -> Iterator[Engine]:
    yield make_engine()


def test_up_whose_every_create_response_is_lost_adopts_each_object_once(engine: Engine, admin: Admin) -> None:
    admin.faults({**APPLIED, "methods": ["POST"]})
    plan = engine.up(network_of_every_kind)
    assert plan.ops() == {"create": EVERY_KIND}
    posts = admin.requests("POST")
    assert len(posts) == POSTS and all(p["fault"] == "reset_after" for p in posts)
    state = declared_objects(admin.state())
    for entry in engine.state.values():
        kind = entry.type.split(":")[-1]
        assert [o["id"] for o in state[COLLECTION[kind]]] == [int(entry.id)], kind
    assert len(state["configuration_template_variables"]) == 2
    assert engine.up(network_of_every_kind).changes() == []


def test_up_whose_creates_are_refused_before_being_applied_makes_each_object_once(
        engine: Engine, admin: Admin) -> None:
    admin.faults({"fault": "status", "status": 500, "methods": ["POST"], "probability": 0.3}, seed=7)
    for _run in range(6):
        try:
            engine.up(network_of_every_kind)
            break
        except DeploymentError as failed:  # three 500s in a row for one object: a clear error, then a re-run
            assert "3 POSTs failed" in str(failed) and "so none was created" in str(failed)
    else:
        pytest.fail("six runs did not converge")
    state = declared_objects(admin.state())
    assert sum(len(v) for k, v in state.items() if k in COLLECTION.values()) == EVERY_KIND
    assert len(state["configuration_template_variables"]) == 2
    assert engine.up(network_of_every_kind).changes() == []


# --- sub-collection items ------------------------------------------------------------------------


def test_lost_response_of_a_template_variable_is_found_by_its_key_and_makes_no_duplicate(
        subject: Callable[..., Subject], admin: Admin) -> None:
    variables = [{"key_name": "HeartbeatInterval", "value": "300"}, {"key_name": "MeterValueSampleInterval", "value": "60"}]
    s = subject("ConfigurationTemplate", variables=variables)
    admin.faults({**APPLIED, "methods": ["POST"], "path": r"/variables$", "times": 1})
    object_id, outs = s.create()
    held = declared_objects(admin.state())["configuration_template_variables"]
    assert sorted(v["keyName"] for v in held) == ["HeartbeatInterval", "MeterValueSampleInterval"]  # no duplicate
    assert [p["fault"] for p in admin.requests("POST", r"/variables$")] == ["reset_after", None]
    assert sorted(v["key_name"] for v in outs["variables"]) == ["HeartbeatInterval", "MeterValueSampleInterval"]
    assert operations.read(s.spec, s.client, object_id, outs) == outs
