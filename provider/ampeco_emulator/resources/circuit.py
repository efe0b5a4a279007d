"""Circuits — ``/public-api/resources/circuits/v2.0`` and the charge-point actions on them
(``/public-api/actions/circuit/v2.0/{circuit}/...``) (REFERENCE-EXTRA.md §1; API 3.110.0).

A charge point's membership is not a field: the attach, set-priority and detach actions write it
(202, no body) and ``include[]=chargePointPriorities`` reads it (``{id, priority, evses}``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import model_not_found
from ..store import Obj, Tenant
from ..validation import (
    Field,
    Validator,
    load_action_schema,
    load_schema,
    msg_invalid,
    msg_required_if,
    msg_taken,
    override,
)
from ._base import LAST_UPDATED_FILTERS, Ctx, IncludeFn, Matcher, Resource, ids_text

# Documented in 3.110.0 (so not listed below): electricalConfiguration defaults to star; a circuit
# has its parent's electrical configuration; phaseRotation is required in multi-level DLM for
# three_phase and connectedPhase for single_phase / split_phase; currents in steps of 0.1; the
# include[] relations are returned only when asked for; actions answer 202 with no body.
INFERRED = {
    "multi-level DLM": "means a circuit with a parentCircuitId (the phase rules apply to it); the parent must "
    "exist and not be the circuit itself or one of its descendants (422 'The selected parent circuit id is "
    "invalid.')",
    "attach": "the charge point must exist (422 'The selected charge point id is invalid.'); attaching one "
    "already on this circuit is 422 'The charge point id has already been taken.', one on another circuit 422 "
    "too (detach it first); priority defaults to 1; electrical configurations are not compared (a charge "
    "point has none in 3.110.0)",
    "detach / set priority": "a charge point not on the circuit is 404",
    "chargePointPriorities": "in attach order; evses is [] (per-EVSE priorities are not emulated); a charge "
    "point deleted since is not listed",
    "other includes": "userPriorities -> [], socPriorities -> null, consumption and unmanagedLoad -> [] "
    "(nothing is measured)",
    "lastUpdatedAt": "kept for filter[lastUpdatedAfter|Before], not in the response (3.110.0 has no such field)",
    "delete": "refused (422) while another circuit names it as parentCircuitId; its charge points are detached",
    "loadBalancingIntegration.fields": "keeps startDate and installationId only (the two variants' keys)",
}

DEFAULT_PRIORITY = 1
MULTI_LEVEL_PHASE_FIELD = {"three_phase": "phaseRotation", "single_phase": "connectedPhase",
                           "split_phase": "connectedPhase"}


class Circuit(Resource):
    key = "circuit"
    collection = "circuits"
    model = "Circuit"
    path = "/public-api/resources/circuits/v2.0"
    param = "circuit"
    timestamps = ("lastUpdatedAt",)
    response_fields = (
        "id", "name", "parentCircuitId", "phases", "phaseRotation", "connectedPhase", "electricalConfiguration",
        "maxVoltage", "maxCurrent", "minChargePointCurrent", "setSessionLimitToZeroOnIdle", "electricityMeterId",
        "offlineReservedCurrent", "loadBalancingIntegration",
    )  # fmt: skip
    filters: Mapping[str, Matcher] = dict(LAST_UPDATED_FILTERS)
    defaults: Mapping[str, Any] = {"electricalConfiguration": "star"}
    _ACTIONS = "/public-api/actions/circuit/v2.0/{circuit}"
    actions: Mapping[str, str] = {
        f"{_ACTIONS}/attach-charge-point": "attach",
        f"{_ACTIONS}/detach-charge-point/{{chargePoint}}": "detach",
        f"{_ACTIONS}/set-charge-point-priority/{{chargePoint}}": "set_priority",
    }
    INFERRED = INFERRED

    def __init__(self) -> None:
        self.includes: Mapping[str, IncludeFn] = {
            "chargePointPriorities": self._priorities,
            "userPriorities": lambda tenant, obj: [],
            "socPriorities": lambda tenant, obj: None,
            "consumption": lambda tenant, obj: [],
            "unmanagedLoad": lambda tenant, obj: [],
        }
        super().__init__()
        self.attach_schema = load_action_schema(self.key, "attach_charge_point")
        self.priority_schema = load_action_schema(self.key, "set_charge_point_priority")

    def build_schema(self) -> dict[str, Field]:
        # loadBalancingIntegration.fields is a oneOf of {startDate} (DREEV) and {installationId*} (Zaptec):
        # stored as the keys of either, as Laravel's validated() keeps only the keys it has rules for.
        fields = Field("fields", "object", nested={"startDate": Field("startDate", "string", fmt="date", nullable=True),
                                                   "installationId": Field("installationId", "string")})
        return override(load_schema(self.key), "loadBalancingIntegration.fields", **vars(fields))

    def check(self, tenant: Tenant, v: Validator, new: Obj, sent: Obj, current: Obj | None, ctx: Ctx) -> None:
        parent_id = new.get("parentCircuitId")
        if parent_id is None or not v.ok("parentCircuitId"):
            return
        parent = tenant["circuits"].get(int(parent_id))
        if parent is None or (current is not None and self._descends(tenant, parent, current["id"])):
            v.add("parentCircuitId", msg_invalid("parentCircuitId"))
            return
        if parent.get("electricalConfiguration") != (new.get("electricalConfiguration") or "star"):
            v.add("electricalConfiguration", "The electrical configuration must be the parent circuit's.")
        needed = MULTI_LEVEL_PHASE_FIELD.get(new.get("phases") or "")
        if needed and new.get(needed) is None and v.ok(needed):
            v.add(needed, msg_required_if(needed, "phases", new.get("phases")))

    @staticmethod
    def _descends(tenant: Tenant, circuit: Obj, ancestor_id: int) -> bool:
        seen: set[int] = set()
        node: Obj | None = circuit
        while node is not None and node["id"] not in seen:
            if node["id"] == ancestor_id:
                return True
            seen.add(node["id"])
            parent = node.get("parentCircuitId")
            node = tenant["circuits"].get(parent) if parent is not None else None
        return False

    def on_create(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        obj["_chargePoints"] = []

    def on_update(self, tenant: Tenant, new: Obj, current: Obj, sent: Obj, ctx: Ctx) -> None:
        new["_chargePoints"] = current.get("_chargePoints") or []

    def refuse_delete(self, tenant: Tenant, obj: Obj) -> str | None:
        children = [c for c in tenant["circuits"] if c.get("parentCircuitId") == obj["id"]]
        if children:
            return f"The circuit is the parent of circuit(s) {ids_text(children)} and cannot be deleted."
        return None

    # -- memberships -------------------------------------------------------------------------

    def _members(self, tenant: Tenant, circuit: Obj) -> list[dict[str, Any]]:
        members = circuit.setdefault("_chargePoints", [])
        members[:] = [m for m in members if tenant["charge_points"].get(m["id"]) is not None]
        return members

    def _priorities(self, tenant: Tenant, circuit: Obj) -> list[dict[str, Any]]:
        return [{"id": m["id"], "priority": m["priority"], "evses": []} for m in self._members(tenant, circuit)]

    def _member(self, tenant: Tenant, found: Mapping[str, Obj]) -> dict[str, Any]:
        cp = found["chargePoint"]
        member = next((m for m in self._members(tenant, found["circuit"]) if m["id"] == cp["id"]), None)
        if member is None:
            raise model_not_found("ChargePoint", cp["id"])
        return member

    def attach(self, tenant: Tenant, found: Mapping[str, Obj], body: Mapping[str, Any]) -> None:
        v = Validator()
        sent = v.clean_object(self.attach_schema, body)
        cp_id = sent.get("chargePointId")
        if v.ok("chargePointId") and (cp_id is None or tenant["charge_points"].get(cp_id) is None):
            v.add("chargePointId", msg_invalid("chargePointId"))
        circuit = found["circuit"]
        if v.ok("chargePointId"):
            if any(m["id"] == cp_id for m in self._members(tenant, circuit)):
                v.add("chargePointId", msg_taken("chargePointId"))
            else:
                other = next((c for c in tenant["circuits"] if c["id"] != circuit["id"]
                              and any(m["id"] == cp_id for m in self._members(tenant, c))), None)
                if other is not None:
                    v.add("chargePointId", f"The charge point is attached to circuit {other['id']}; detach it first.")
        v.raise_if_errors(self.attach_schema)
        priority = sent.get("priority")
        self._members(tenant, circuit).append(
            {"id": cp_id, "priority": DEFAULT_PRIORITY if priority is None else priority})
        circuit["lastUpdatedAt"] = tenant.now()

    def detach(self, tenant: Tenant, found: Mapping[str, Obj], body: Mapping[str, Any]) -> None:
        member = self._member(tenant, found)
        self._members(tenant, found["circuit"]).remove(member)
        found["circuit"]["lastUpdatedAt"] = tenant.now()

    def set_priority(self, tenant: Tenant, found: Mapping[str, Obj], body: Mapping[str, Any]) -> None:
        member = self._member(tenant, found)
        v = Validator()
        sent = v.clean_object(self.priority_schema, body)
        v.raise_if_errors(self.priority_schema)
        member["priority"] = sent["priority"]
        found["circuit"]["lastUpdatedAt"] = tenant.now()


RESOURCE = Circuit()

