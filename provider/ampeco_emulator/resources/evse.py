"""EVSEs — nested ``/charge-points/v2.0/{chargePoint}/evses`` and standalone ``/evses/v2.1`` (§4.1)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..store import Obj, Tenant
from ..validation import Field, Validator, load_schema, msg_prohibited
from ._base import LAST_UPDATED_FILTERS, Ctx, IncludeFn, KeyFn, Matcher, Resource, eq, is_set

INFERRED = {
    "default tariff group": "an EVSE created without tariffGroupId (or PATCHed to null) gets the tenant's "
    "default tariff group, created on first need with its own free base tariff",
    "networkId uniqueness": "unique within the charge point (422 'The network id has already been taken.')",
    "chargePointId": "not updatable: a v2.1 PATCH with a different chargePointId is 422 prohibited",
    "allowsReservation": "forced true whenever bookingEnabled is true after the create/update",
    "hardwareStatus": "'available'",
    "delete": "its connectors are deleted with it; an EVSE is deleted with its charge point",
    "includes": "chargingProfile -> null, externalAppData (v2.1) -> null, connectors -> the connector objects",
    "roamingOperatorId": "null for an EVSE that is not roaming (3.110.0 requires it, not nullable)",
}

V21 = "v2.1"
V21_FILTERS: dict[str, Matcher] = {
    "chargePointId": eq("chargePointId"),
    "physicalReference": eq("physicalReference"),
    "externalId": eq("externalId"),
    "roaming": is_set("roamingOperatorId"),
    "roamingOperatorIds": eq("roamingOperatorId"),
    "hasTariffGroup": is_set("tariffGroupId"),
    "hasRoamingTariffIds": is_set("roaming.tariffIds"),
    **LAST_UPDATED_FILTERS,
}
HARDWARE_STATUS = "available"


def _connectors(tenant: Tenant, obj: Obj) -> list[dict[str, Any]]:
    from .connector import RESOURCE as CONNECTORS

    return [
        CONNECTORS.present(tenant, c, (), Ctx())
        for c in tenant["connectors"]
        if c.get("_evseId") == obj["id"]
    ]


class Evse(Resource):
    key = "evse"
    collection = "evses"
    model = "Evse"
    path = "/public-api/resources/charge-points/v2.0/{chargePoint}/evses"
    param = "evse"
    parent = ("chargePoint", "chargePointId")
    # standalone v2.1: body and response carry chargePointId
    variants: Mapping[str, str] = {"v2.1": "/public-api/resources/evses/v2.1"}
    response_fields = (
        "id", "physicalReference", "label", "currentType", "networkId", "status",
        "midMeterCertificationEndYear", "tariffGroupId", "allowsReservation", "bookingEnabled",
        "powerOptions", "externalId", "roamingOperatorId", "roaming", "hardwareStatus", "createdAt",
        "lastUpdatedAt",
    )  # fmt: skip
    response_nulls = frozenset({"roamingOperatorId", "hardwareStatus"})
    unique: Mapping[str, KeyFn] = {
        "networkId": lambda o: (
            (o["chargePointId"], o["networkId"]) if o.get("networkId") is not None else None
        )
    }
    INFERRED = INFERRED

    def build_schema(self) -> dict[str, Field]:
        return load_schema(self.key)

    def create_schema(self, variant: str | None) -> Mapping[str, Field]:
        if variant == V21:
            return {"chargePointId": Field("chargePointId", "integer", required=True), **self.schema}
        return self.schema

    def update_schema(self, variant: str | None) -> Mapping[str, Field]:
        schema = super().update_schema(variant)
        if variant == V21:
            return {"chargePointId": Field("chargePointId", "integer"), **schema}
        return schema

    def response_fields_for(self, variant: str | None) -> tuple[str, ...]:
        if variant == V21:
            return ("id", "chargePointId", *self.response_fields[1:])
        return self.response_fields

    def includes_for(self, variant: str | None) -> Mapping[str, IncludeFn]:
        base: dict[str, IncludeFn] = {"chargingProfile": lambda tenant, obj: None, "connectors": _connectors}
        if variant == V21:
            base["externalAppData"] = lambda tenant, obj: None
        return base

    def allowed_filters(self, variant: str | None) -> Mapping[str, Matcher]:
        return V21_FILTERS if variant == V21 else {}

    def prepare(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        if "chargePoint" in ctx.parents:
            obj["chargePointId"] = ctx.parents["chargePoint"]["id"]

    def check(self, tenant: Tenant, v: Validator, new: Obj, sent: Obj, current: Obj | None, ctx: Ctx) -> None:
        if current is None:
            self.check_exists(tenant, v, "chargePointId", new.get("chargePointId"), "charge_points")
        elif sent.get("chargePointId") not in (None, current["chargePointId"]):
            v.add("chargePointId", msg_prohibited("chargePointId"))
        self.check_exists(tenant, v, "tariffGroupId", new.get("tariffGroupId"), "tariff_groups")

    def on_create(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        self._effects(tenant, obj)
        obj.update(roamingOperatorId=None, roaming=None, hardwareStatus=HARDWARE_STATUS)

    def on_update(self, tenant: Tenant, new: Obj, current: Obj, sent: Obj, ctx: Ctx) -> None:
        new["chargePointId"] = current["chargePointId"]
        self._effects(tenant, new)

    @staticmethod
    def _effects(tenant: Tenant, obj: Obj) -> None:
        if obj.get("tariffGroupId") is None:
            from .tariff_group import ensure_default_group

            obj["tariffGroupId"] = ensure_default_group(tenant)
        if obj.get("bookingEnabled") is True:
            obj["allowsReservation"] = True

    def cascade(self, tenant: Tenant, obj: Obj) -> None:
        from .connector import RESOURCE as CONNECTORS

        for connector in [c for c in tenant["connectors"] if c.get("_evseId") == obj["id"]]:
            CONNECTORS.remove(tenant, connector)


RESOURCE = Evse()
