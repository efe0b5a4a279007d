"""The declaration words the resources beyond the first eight needed, read generically: an
ActionDriven resource (written by actions, read through its parent's include[]), a SubCollection
argument (written item by item), string ids (id_type), and references inside nested objects.
Pure, or over a recording fake client that answers as the API does."""

from __future__ import annotations

from typing import Any

from pulumi_ampeco._engine import operations
from pulumi_ampeco._engine.check import check_inputs
from pulumi_ampeco._engine.endpoints import endpoints
from pulumi_ampeco.errors import NotFoundError
from pulumi_ampeco.specs import REGISTRY
from pulumi_ampeco.specs._schema import model_meta

MEMBER = REGISTRY["CircuitChargePoint"]
TEMPLATE = REGISTRY["ConfigurationTemplate"]
NOTIFICATION = REGISTRY["Notification"]
CIRCUIT = "/public-api/resources/circuits/v2.0/7"
ACTIONS = "/public-api/actions/circuit/v2.0/7"


class FakeTenant:
    """The calls operations make, answered from a circuit's memberships and a template's variables."""

    def __init__(self) -> None:
        self.members: list[dict[str, Any]] = []
        self.variables: list[dict[str, Any]] = []
        self.calls: list[tuple[str, str, Any]] = []

    def get(self, path: str, *, include: tuple[str, ...] = ()) -> dict[str, Any]:
        self.calls.append(("GET", path, tuple(include)))
        if path == CIRCUIT:
            return {"id": 7, "name": "Main", **({"chargePointPriorities": self.members} if include else {})}
        return {"id": 3, "name": "T", "ocppVersion": "ocpp 1.6"}

    def list(self, path: str, **_: Any) -> Any:
        self.calls.append(("LIST", path, None))
        return iter(list(self.variables))

    def action(self, path: str, body: dict[str, Any] | None = None) -> None:
        self.calls.append(("ACTION", path, body))
        if path.endswith("/attach-charge-point"):
            self.members.append({"id": body["chargePointId"], "priority": body.get("priority", 1), "evses": []})
        elif "/set-charge-point-priority/" in path:
            next(m for m in self.members if m["id"] == int(path.rsplit("/", 1)[1]))["priority"] = body["priority"]
        elif "/detach-charge-point/" in path:
            self.members = [m for m in self.members if m["id"] != int(path.rsplit("/", 1)[1])]

    def create(self, path: str, body: dict[str, Any], **_: Any) -> dict[str, Any]:
        self.calls.append(("POST", path, body))
        item = {"id": len(self.variables) + 100, **body}
        self.variables.append(item)
        return item

    def update(self, path: str, body: dict[str, Any], *, method: str = "PATCH", **_: Any) -> dict[str, Any]:
        self.calls.append((method, path, body))
        if "/variables/" in path:
            item = next(v for v in self.variables if v["id"] == int(path.rsplit("/", 1)[1]))
            item.update(body)
            return item
        return {"id": 3, "name": "T", "ocppVersion": "ocpp 1.6", **body}

    def delete(self, path: str) -> None:
        self.calls.append(("DELETE", path, None))
        self.variables = [v for v in self.variables if v["id"] != int(path.rsplit("/", 1)[1])]

    def writes(self) -> list[str]:
        return [f"{m} {p}" for m, p, _ in self.calls if m not in ("GET", "LIST")]


def checked(spec: Any, args: dict[str, Any]) -> dict[str, Any]:
    inputs, failures = check_inputs(spec, args)
    assert not failures, failures
    return inputs


# -- ActionDriven ----------------------------------------------------------------------------------


def test_an_action_driven_create_posts_its_action_then_reads_the_item_its_parent_lists() -> None:
    tenant = FakeTenant()
    object_id, outs = operations.create(MEMBER, tenant, checked(MEMBER, {"circuit_id": 7, "charge_point_id": 5,
                                                                         "priority": 2}))
    assert object_id == "5"  # the id the API knows it by: its charge point's
    assert tenant.calls[0] == ("ACTION", f"{ACTIONS}/attach-charge-point", {"chargePointId": 5, "priority": 2})
    assert tenant.calls[1] == ("GET", CIRCUIT, ("chargePointPriorities",))
    assert outs["charge_point_id"] == 5 and outs["priority"] == 2 and outs["circuit_id"] == 7


def test_an_action_driven_update_and_delete_are_their_actions_on_the_objects_id() -> None:
    tenant = FakeTenant()
    inputs = checked(MEMBER, {"circuit_id": 7, "charge_point_id": 5, "priority": 2})
    _, outs = operations.create(MEMBER, tenant, inputs)
    outs = operations.update(MEMBER, tenant, "5", outs, {**inputs, "priority": 1.5})
    assert outs["priority"] == 1.5
    operations.delete(MEMBER, tenant, "5", outs)
    assert tenant.writes() == [f"ACTION {ACTIONS}/attach-charge-point",
                               f"ACTION {ACTIONS}/set-charge-point-priority/5",
                               f"ACTION {ACTIONS}/detach-charge-point/5"]
    assert operations.read(MEMBER, tenant, "5", outs) is None  # not listed any more: gone


def test_an_action_driven_object_not_listed_by_its_parent_is_not_found() -> None:
    tenant = FakeTenant()
    at = endpoints(MEMBER, tenant, {"circuit_id": 7})
    try:
        at.get("5")
    except NotFoundError as missing:
        assert "CircuitChargePoint 5 is not in chargePointPriorities" in str(missing)
    else:
        raise AssertionError("expected NotFoundError")


def test_a_natural_key_lookup_of_an_action_driven_kind_searches_its_parents_listing() -> None:
    tenant = FakeTenant()
    tenant.members.append({"id": 5, "priority": 3, "evses": []})
    found = operations.find_existing(MEMBER, endpoints(MEMBER, tenant, {"circuit_id": 7}),
                                     {"charge_point_id": 5})
    assert found is not None and found["chargePointId"] == 5


# -- SubCollection ---------------------------------------------------------------------------------


def test_a_sub_collection_is_left_out_of_the_create_body_and_written_item_by_item_after() -> None:
    tenant = FakeTenant()
    variables = [{"key_name": "HeartbeatInterval", "value": "300"}, {"key_name": "X", "value": "1"}]
    tenant_create_body: list[Any] = []
    original = tenant.create

    def create(path: str, body: dict[str, Any], **kw: Any) -> dict[str, Any]:
        if path.endswith("/v1.0"):
            tenant_create_body.append(body)
            return {"id": 3, **body}
        return original(path, body, **kw)

    tenant.create = create  # type: ignore[method-assign]
    _, outs = operations.create(TEMPLATE, tenant, checked(TEMPLATE, {"name": "T", "ocpp_version": "ocpp 1.6",
                                                                     "variables": variables}))
    assert tenant_create_body == [{"name": "T", "ocppVersion": "ocpp 1.6"}]
    assert [{k: v[k] for k in ("key_name", "value")} for v in outs["variables"]] == variables


def test_changed_items_are_patched_missing_ones_created_and_undeclared_ones_deleted() -> None:
    tenant = FakeTenant()
    tenant.variables = [{"id": 1, "keyName": "HeartbeatInterval", "value": "300"},
                        {"id": 2, "keyName": "Old", "value": "1"}]
    at = endpoints(TEMPLATE, tenant, {})
    fmeta = model_meta(TEMPLATE.model).fields["variables"]
    held = at.sync_items(3, fmeta, [{"key_name": "HeartbeatInterval", "value": "600"},
                                    {"key_name": "New", "value": "2"}])
    writes = tenant.writes()
    base = "/public-api/resources/configuration-templates/v1.0/3/variables"
    assert sorted(writes) == sorted([f"DELETE {base}/2", f"PATCH {base}/1", f"POST {base}"])
    assert sorted(v["keyName"] for v in held) == ["HeartbeatInterval", "New"]
    tenant.calls.clear()
    at.sync_items(3, fmeta, [{"key_name": "HeartbeatInterval", "value": "600"}, {"key_name": "New", "value": "2"}])
    assert tenant.writes() == []  # equal items are not written


def test_a_put_body_never_carries_a_sub_collection() -> None:
    meta = model_meta(TEMPLATE.model)
    body = operations.put_body(meta, {"name": "T", "variables": [{"key_name": "A", "value": "1"}]},
                               {"id": 3, "name": "T", "variables": [{"id": 1, "keyName": "A", "value": "0"}]}, None)
    assert body == {"name": "T"}


# -- id_type ---------------------------------------------------------------------------------------


def test_a_kind_whose_api_ids_are_strings_takes_adopt_id_as_a_string() -> None:
    args = {"via": "webhook", "notifications": ["evse.changed"], "webhook": {"callback_url": "https://x.test/h"}}
    assert check_inputs(NOTIFICATION, {**args, "adopt_id": "17"})[0]["adopt_id"] == "17"
    assert check_inputs(NOTIFICATION, {**args, "adopt_id": 17.0})[0]["adopt_id"] == "17"  # as protobuf sends it
    assert [f.property for f in check_inputs(NOTIFICATION, {**args, "adopt_id": ""})[1]] == ["adopt_id"]
    assert NOTIFICATION.object_id(17.0) == "17" and MEMBER.object_id("5") == 5


# -- check names nested problems by Python name ----------------------------------------------------


def test_a_missing_nested_field_is_named_by_its_python_name_not_its_wire_alias() -> None:
    failures = check_inputs(NOTIFICATION, {"via": "webhook", "notifications": ["evse.changed"], "webhook": {}})[1]
    assert [(f.property, f.reason) for f in failures] == [("webhook.callback_url", "is required")]
