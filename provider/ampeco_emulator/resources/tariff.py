"""Tariffs — ``/public-api/resources/tariffs/v1.0``, updated with PUT (full replacement) (§5)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import validation_failed
from ..store import Obj, Tenant
from ..validation import Field, Validator, load_schema, msg_required_if
from ._base import Ctx, Matcher, Resource, eq, get_path, ids_text

INFERRED = {
    "PUT": "full replacement: every optional field not sent is reset to null",
    "currency": "the tenant currency (EUR), not writable",
    "write-only fields": "pricing.flexibleMarkUpAsFixedPerKwh.defaultPrice is stored as sent (0 when not sent "
    "is not filled in) and never returned, as 3.110.0 marks it writeOnly",
    "locale maps": "description / additionalInformation / learnMoreUrl are replaced whole by a create or "
    "PUT (3.110.0: a locale not sent is deleted); a null locale value is stored as sent",
    "pricing.fallbackElectricityRateId": "required when pricing.chargePointElectricityRate is false",
    "filter[tariffGroupId]": "tariffs listed in that group's tariffIds, by id",
    "filter[userId]": "only with filter[tariffGroupId] (else 422); returns {'data': tariff} (no links/meta): "
    "the highest-index tariff of the group without audience restrictions, else the group's first tariff",
    "delete": "refused (422) while a tariff group lists the tariff in tariffIds",
}

AUDIENCE_KEYS = (
    "applyToUsersOfChargePointOwner", "applyToUsersOfChargePointPartner", "applyToUsersOfAllRoamingEmsps",
    "applyToAdHocUsers", "applyToUsersOfPartners", "applyToUsersWithGroups", "applyToUserGroupIds",
    "applyToUsersWithSubscriptions",
)  # fmt: skip


def _in_group(tenant: Tenant, obj: Obj, values: list[str]) -> bool:
    for value in values:
        group = tenant["tariff_groups"].get(int(value)) if value.isdigit() else None
        if group is not None and obj["id"] in (group.get("tariffIds") or []):
            return True
    return False


class Tariff(Resource):
    key = "tariff"
    collection = "tariffs"
    model = "Tariff"
    path = "/public-api/resources/tariffs/v1.0"
    param = "tariff"
    update_method = "PUT"
    timestamps = ("lastUpdatedAt",)
    response_fields = (
        "id", "name", "type", "dayTariffStart", "nightTariffStart", "pricing", "stopSession", "restrictions",
        "partner", "display", "integrationId", "currency", "description", "additionalInformation",
        "learnMoreUrl", "externalId", "lastUpdatedAt",
    )  # fmt: skip
    filters: Mapping[str, Matcher] = {
        "tariffGroupId": _in_group,
        "userId": lambda tenant, obj, values: True,  # handled by single_result
        "type": eq("type"),
        "partnerId": eq("partner.id"),
    }
    INFERRED = INFERRED

    def build_schema(self) -> dict[str, Field]:
        return load_schema(self.key)

    def check(self, tenant: Tenant, v: Validator, new: Obj, sent: Obj, current: Obj | None, ctx: Ctx) -> None:
        pricing = new.get("pricing")
        if isinstance(pricing, dict) and pricing.get("chargePointElectricityRate") is False:
            path = "pricing.fallbackElectricityRateId"
            if pricing.get("fallbackElectricityRateId") is None and v.ok(path):
                v.add(path, msg_required_if(path, "pricing.chargePointElectricityRate", "false"))

    def on_create(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        obj["currency"] = tenant.currency

    def refuse_delete(self, tenant: Tenant, obj: Obj) -> str | None:
        groups = [g for g in tenant["tariff_groups"] if obj["id"] in (g.get("tariffIds") or [])]
        if groups:
            return f"The tariff is used by tariff group(s) {ids_text(groups)} and cannot be deleted."
        return None

    def single_result(self, tenant: Tenant, filters: dict[str, list[str]]) -> dict[str, Any] | None:
        """``filter[userId]`` + ``filter[tariffGroupId]``: the one tariff that applies to the user."""
        if "userId" not in filters:
            return None
        if "tariffGroupId" not in filters:
            path = "filter.tariffGroupId"
            raise validation_failed(
                {path: ["The filter.tariff group id field is required when filter.user id is present."]}
            )
        value = filters["tariffGroupId"][0]
        group = tenant["tariff_groups"].get(int(value)) if value.isdigit() else None
        if group is None:
            raise validation_failed(
                {"filter.tariffGroupId": ["The selected filter.tariff group id is invalid."]}
            )
        tariffs = [tenant["tariffs"].get(i) for i in group.get("tariffIds") or []]
        tariffs = [t for t in tariffs if t is not None]
        chosen = None
        for tariff in reversed(tariffs):
            if not any(get_path(tariff, f"restrictions.{k}") for k in AUDIENCE_KEYS):
                chosen = tariff
                break
        if chosen is None and tariffs:
            chosen = tariffs[0]
        return {"data": self.present(tenant, chosen, (), Ctx()) if chosen else None}


RESOURCE = Tariff()
