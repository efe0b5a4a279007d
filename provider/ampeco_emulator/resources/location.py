"""Locations — ``/public-api/resources/locations/v2.0`` (REFERENCE.md §3; API 3.110.0)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..store import Obj, Tenant
from ..validation import Field, Validator, load_schema, msg_invalid, msg_required_if, override
from ._base import LAST_UPDATED_FILTERS, Ctx, Matcher, Resource, contains, eq, ids_text, is_set, never
from ._geo import COUNTRIES, STATES

# Documented in 3.110.0 (so not listed below): geoposition ranges; isAlwaysOpen=false requires
# hours; no createdAt; status is response-only; geoposition is optional on PATCH; parkingType /
# accessMethods / facilities: null clears, [] is stored, duplicates are removed, omitted when unset;
# externalAppData is writable and returned with include[]=externalAppData.
INFERRED = {
    "state": "must be a code of the location's country when the country is US/AU/CA/UM/RO; "
    "any state for another country is 422 'The selected state is invalid.'",
    "tags": "read back as [] when never set",
    "status": "always 'enabled'",
    "delete": "refused (422) while a charge point has this locationId; the location's charging "
    "zones are deleted with it",
    "filter[partnerId]": "locations carry no partner, so only filter[partnerId]=null matches",
    "includes": "locationImage -> null, images -> [] (the emulator stores no images)",
    "roamingOperatorId": "null for a location that is not roaming (3.110.0 requires it, not nullable)",
}
DEDUPLICATED = ("accessMethods", "facilities")


class Location(Resource):
    key = "location"
    collection = "locations"
    model = "Location"
    path = "/public-api/resources/locations/v2.0"
    param = "location"
    timestamps = ("lastUpdatedAt",)
    response_fields = (
        "id", "name", "shortDescription", "description", "additionalDescription", "geoposition",
        "address", "streetAddress", "city", "region", "state", "country", "postCode", "workingHours",
        "timezone", "externalId", "roamingOperatorId", "lastUpdatedAt", "roaming", "tags", "status",
        "parkingType", "accessMethods", "facilities",
    )  # fmt: skip
    response_nulls = frozenset({"city", "roamingOperatorId"})
    filters: Mapping[str, Matcher] = {
        "country": eq("country"),
        "state": eq("state"),
        "region": eq("region"),
        "city": eq("city"),
        "partnerId": never,
        "externalId": eq("externalId"),
        "tag": contains("tags"),
        "roaming": is_set("roamingOperatorId"),
        **LAST_UPDATED_FILTERS,
    }
    defaults: Mapping[str, Any] = {"tags": []}
    INFERRED = INFERRED

    def __init__(self) -> None:
        self.includes = {
            "chargingZones": self._zones,
            "locationImage": lambda tenant, obj: None,
            "images": lambda tenant, obj: [],
            "externalAppData": lambda tenant, obj: obj.get("externalAppData"),
        }
        super().__init__()

    def build_schema(self) -> dict[str, Field]:
        schema = load_schema(self.key)
        schema = override(schema, "country", enum=tuple(sorted(COUNTRIES)))
        schema = override(schema, "geoposition.latitude", between=(-90, 90))
        schema = override(schema, "geoposition.longitude", between=(-180, 180))
        schema = override(schema, "timezone", fmt="timezone")
        for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
            schema = override(schema, f"workingHours.hours.{day}.start", fmt="time")
            schema = override(schema, f"workingHours.hours.{day}.end", fmt="time")
        return schema

    def check(self, tenant: Tenant, v: Validator, new: Obj, sent: Obj, current: Obj | None, ctx: Ctx) -> None:
        state = new.get("state")
        changed = "state" in sent or "country" in sent
        if (
            state is not None
            and v.ok("state")
            and changed
            and state not in STATES.get(new.get("country") or "", ())
        ):
            v.add("state", msg_invalid("state"))
        hours = new.get("workingHours")
        if isinstance(hours, dict) and hours.get("isAlwaysOpen") is False and not hours.get("hours"):
            path = "workingHours.hours"
            v.add(path, msg_required_if(path, "workingHours.isAlwaysOpen", "false"))

    def on_create(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        obj["status"] = "enabled"
        obj["roaming"] = None
        _deduplicate(obj)

    def on_update(self, tenant: Tenant, new: Obj, current: Obj, sent: Obj, ctx: Ctx) -> None:
        _deduplicate(new)

    def refuse_delete(self, tenant: Tenant, obj: Obj) -> str | None:
        users = [cp for cp in tenant["charge_points"] if cp.get("locationId") == obj["id"]]
        if users:
            return f"The location is used by charge point(s) {ids_text(users)} and cannot be deleted."
        return None

    def cascade(self, tenant: Tenant, obj: Obj) -> None:
        from .charging_zone import RESOURCE as ZONES

        for zone in [z for z in tenant["charging_zones"] if z.get("locationId") == obj["id"]]:
            ZONES.remove(tenant, zone)

    def _zones(self, tenant: Tenant, obj: Obj) -> list[dict[str, Any]]:
        from .charging_zone import RESOURCE as ZONES

        return [
            ZONES.present(tenant, z, (), Ctx())
            for z in tenant["charging_zones"]
            if z.get("locationId") == obj["id"]
        ]


def _deduplicate(obj: Obj) -> None:
    for name in DEDUPLICATED:
        if isinstance(obj.get(name), list):
            obj[name] = list(dict.fromkeys(obj[name]))


RESOURCE = Location()
