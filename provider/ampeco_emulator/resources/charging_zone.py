"""Charging zones — ``/public-api/resources/locations/v2.0/{location}/charging-zones`` (§3)."""

from __future__ import annotations

from collections.abc import Mapping

from ..store import Obj, Tenant
from ..validation import Field, load_schema
from ._base import Ctx, Matcher, Resource, ids_text

INFERRED = {
    "name uniqueness": "none enforced (natural key within the location is client-side only)",
    "delete": "refused (422) while a charge point has this chargingZoneId",
    "parent delete": "zones are deleted with their location",
}


class ChargingZone(Resource):
    key = "charging_zone"
    collection = "charging_zones"
    model = "ChargingZone"
    path = "/public-api/resources/locations/v2.0/{location}/charging-zones"
    param = "chargingZone"
    parent = ("location", "locationId")
    timestamps = ()
    response_fields = ("id", "name", "locationId", "status", "additionalInfo")
    filters: Mapping[str, Matcher] = {}
    INFERRED = INFERRED

    def build_schema(self) -> dict[str, Field]:
        return load_schema(self.key)

    def prepare(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        obj["locationId"] = ctx.parents["location"]["id"]

    def refuse_delete(self, tenant: Tenant, obj: Obj) -> str | None:
        users = [cp for cp in tenant["charge_points"] if cp.get("chargingZoneId") == obj["id"]]
        if users:
            return f"The charging zone is used by charge point(s) {ids_text(users)} and cannot be deleted."
        return None


RESOURCE = ChargingZone()
