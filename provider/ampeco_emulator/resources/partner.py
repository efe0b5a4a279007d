"""Partners — ``/public-api/resources/partners/v2.0`` (REFERENCE-EXTRA.md §5; API 3.110.0)."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from ..errors import Conflict
from ..store import Obj, Tenant
from ..validation import Field, load_schema, override
from ._base import LAST_UPDATED_FILTERS, Ctx, Matcher, Resource, eq, get_path
from ._geo import COUNTRIES

# Documented in 3.110.0 (so not listed below): every options / notifications flag and
# corporateBilling.enabled default to false; businessName falls back to name; DELETE may answer 409.
INFERRED = {
    "defaults": "the documented false defaults are filled in whenever notifications / options / "
    "corporateBilling are stored without them (on create and after a PATCH)",
    "nested objects in a PATCH": "replace the stored object whole (then the defaults are filled in)",
    "businessName": "read back as name while never set",
    "externalId": "not unique (3.110.0 states no uniqueness)",
    "state": "any string (not checked against the country)",
    "delete": "refused (409) while an id tag, charge point (partner.id), tariff (partner.id or "
    "restrictions.applyToUsersOfPartners), tariff group or user group refers to the partner",
}

DEFAULTS: Mapping[str, Mapping[str, Any]] = {
    "notifications": {"technical": {"chargePointFaults": False}, "billing": {"settlementReports": False}},
    "options": {"createUsers": False, "addUserBalance": False, "supplierOnReceipts": False,
                "allowToControlTariffs": False, "allowToControlTariffGroups": False},
    "corporateBilling": {"enabled": False},
    "bankDetails": {},
}


def _with_defaults(value: Any, default: Mapping[str, Any]) -> Any:
    out = dict(value) if isinstance(value, dict) else {}
    for key, fallback in default.items():
        if isinstance(fallback, Mapping):
            out[key] = _with_defaults(out.get(key), fallback)
        elif out.get(key) is None:
            out[key] = fallback
    return out


class Partner(Resource):
    key = "partner"
    collection = "partners"
    model = "Partner"
    path = "/public-api/resources/partners/v2.0"
    param = "partner"
    timestamps = ("lastUpdatedAt",)
    response_fields = (
        "id", "name", "businessName", "regNo", "vatNo", "address", "postcode", "city", "country", "region",
        "state", "contactDetails", "notifications", "monthlyPlatformFee", "options", "corporateBilling",
        "externalId", "lastUpdatedAt", "bankDetails",
    )  # fmt: skip
    filters: Mapping[str, Matcher] = {
        "country": eq("country"),
        "regNo": eq("regNo"),
        "externalId": eq("externalId"),
        **LAST_UPDATED_FILTERS,
    }
    INFERRED = INFERRED

    def build_schema(self) -> dict[str, Field]:
        return override(load_schema(self.key), "country", enum=tuple(sorted(COUNTRIES)))

    def on_create(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        self._defaults(obj)

    def on_update(self, tenant: Tenant, new: Obj, current: Obj, sent: Obj, ctx: Ctx) -> None:
        self._defaults(new)

    @staticmethod
    def _defaults(obj: Obj) -> None:
        for name, default in DEFAULTS.items():
            obj[name] = _with_defaults(obj.get(name), default)

    def present(self, tenant: Tenant, obj: Obj, includes: Any, ctx: Ctx) -> dict[str, Any]:
        shown = copy.copy(obj)
        if shown.get("businessName") is None:
            shown["businessName"] = shown.get("name")
        return super().present(tenant, shown, includes, ctx)

    def refuse_delete(self, tenant: Tenant, obj: Obj) -> str | None:
        pid = obj["id"]
        users = [f"id tag {o['id']}" for o in tenant["id_tags"] if o.get("partnerId") == pid]
        users += [f"charge point {o['id']}" for o in tenant["charge_points"] if get_path(o, "partner.id") == pid]
        users += [f"tariff {o['id']}" for o in tenant["tariffs"] if get_path(o, "partner.id") == pid
                  or pid in (get_path(o, "restrictions.applyToUsersOfPartners") or [])]
        users += [f"tariff group {o['id']}" for o in tenant["tariff_groups"] if o.get("partnerId") == pid]
        users += [f"user group {o['id']}" for o in tenant["user_groups"] if o.get("partnerId") == pid]
        if users:
            raise Conflict(f"The partner is used by {', '.join(users)} and cannot be deleted.")
        return None


RESOURCE = Partner()

