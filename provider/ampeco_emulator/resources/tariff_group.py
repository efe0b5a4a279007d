"""Tariff groups — ``/public-api/resources/tariff-groups/v1.0``, updated with PUT (§5)."""

from __future__ import annotations

from collections.abc import Mapping

from ..store import TENANT_WIDE, Obj, Tenant
from ..validation import Field, Validator, load_schema, msg_invalid
from ._base import LAST_UPDATED_FILTERS, Ctx, Matcher, Resource, eq, ids_text

INFERRED = {
    "base tariff": "create adds a new free tariff (name BASE_TARIFF_NAME, type 'free') at tariffIds[0] "
    "(lowest priority); ids sent in the body follow it in their order. With the emulator option "
    "base_tariffs='tenant-wide' (store.BASE_TARIFF_MODES) it is instead the tenant's one free tariff, the "
    "same for every group",
    "PUT without the base tariff": "the base tariff is kept at index 0 (empty groups are not allowed)",
    "PUT": "full replacement: partnerId not sent is reset to null",
    "tariffIds": "every id must be an existing tariff (422 'The selected tariff ids.N is invalid.'); "
    "duplicates are 422",
    "delete": "refused (422) while an EVSE has this tariffGroupId; the group's base tariff is deleted "
    "with it unless another group lists it",
    "default tariff group": "created on first need (an EVSE without tariffGroupId), named "
    "DEFAULT_GROUP_NAME, with its own base tariff; an ordinary group otherwise. Tenant-wide: the tenant "
    "starts with it (holding the tenant's free tariff, named BASE_TARIFF_NAME) and it cannot be deleted",
}

BASE_TARIFF_NAME = "Free"
DEFAULT_GROUP_NAME = "Default"


class TariffGroup(Resource):
    key = "tariff_group"
    collection = "tariff_groups"
    model = "TariffGroup"
    path = "/public-api/resources/tariff-groups/v1.0"
    param = "tariffGroup"
    update_method = "PUT"
    timestamps = ("lastUpdatedAt",)
    response_fields = ("id", "name", "tariffIds", "partnerId", "lastUpdatedAt")
    filters: Mapping[str, Matcher] = {"partnerId": eq("partnerId"), **LAST_UPDATED_FILTERS}
    INFERRED = INFERRED

    def build_schema(self) -> dict[str, Field]:
        return load_schema(self.key)

    def check(self, tenant: Tenant, v: Validator, new: Obj, sent: Obj, current: Obj | None, ctx: Ctx) -> None:
        seen: set[int] = set()
        for i, tariff_id in enumerate(sent.get("tariffIds") or []):
            path = f"tariffIds.{i}"
            if not v.ok(path) or not v.ok("tariffIds"):
                continue
            if tariff_id in seen:
                v.add(path, f"The tariff ids.{i} field has a duplicate value.")
            elif tenant["tariffs"].get(tariff_id) is None:
                v.add(path, msg_invalid(path))
            seen.add(tariff_id)

    def on_create(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        from .tariff import RESOURCE as TARIFFS

        if tenant.base_tariffs == TENANT_WIDE:
            base_id = tenant_free_tariff(tenant)
        else:
            base_id = TARIFFS.create(tenant, {"name": BASE_TARIFF_NAME, "type": "free"}, Ctx())["id"]
        obj["_baseTariffId"] = base_id
        obj["tariffIds"] = [base_id, *[t for t in obj.get("tariffIds") or [] if t != base_id]]

    def on_update(self, tenant: Tenant, new: Obj, current: Obj, sent: Obj, ctx: Ctx) -> None:
        base_id = current.get("_baseTariffId")
        ids = list(new.get("tariffIds") or [])
        if base_id is not None and base_id not in ids and tenant["tariffs"].get(base_id) is not None:
            ids.insert(0, base_id)
        new["tariffIds"] = ids

    def refuse_delete(self, tenant: Tenant, obj: Obj) -> str | None:
        if tenant.base_tariffs == TENANT_WIDE and obj["id"] == tenant.default_tariff_group_id:
            return "The default tariff group of the tenant cannot be deleted."
        users = [e for e in tenant["evses"] if e.get("tariffGroupId") == obj["id"]]
        if users:
            return f"The tariff group is assigned to EVSE(s) {ids_text(users)} and cannot be deleted."
        return None

    def cascade(self, tenant: Tenant, obj: Obj) -> None:
        from .tariff import RESOURCE as TARIFFS

        base = tenant["tariffs"].get(obj.get("_baseTariffId") or 0)
        if base is not None:
            others = [
                g
                for g in tenant["tariff_groups"]
                if g["id"] != obj["id"] and base["id"] in (g.get("tariffIds") or [])
            ]
            if not others:
                TARIFFS.remove(tenant, base)
        if tenant.default_tariff_group_id == obj["id"]:
            tenant.default_tariff_group_id = None


RESOURCE = TariffGroup()


def tenant_free_tariff(tenant: Tenant) -> int:
    """Tenant-wide: the tenant's one free tariff, made with the tenant."""
    from .tariff import RESOURCE as TARIFFS

    current = tenant.tenant_free_tariff_id
    if current is not None and tenant["tariffs"].get(current) is not None:
        return current
    tariff = TARIFFS.create(tenant, {"name": BASE_TARIFF_NAME, "type": "free"}, Ctx())
    tariff["_tenantFree"] = True
    tenant.tenant_free_tariff_id = tariff["id"]
    return int(tariff["id"])


def prepare_tenant(tenant: Tenant) -> Tenant:
    """A tenant's own objects at its start: tenant-wide, the free tariff and the default group."""
    if tenant.base_tariffs == TENANT_WIDE:
        tenant_free_tariff(tenant)
        ensure_default_group(tenant)
    return tenant


def ensure_default_group(tenant: Tenant) -> int:
    """The tenant's default tariff group, created on first need (inferred)."""
    current = tenant.default_tariff_group_id
    if current is not None and tenant["tariff_groups"].get(current) is not None:
        return current
    group = RESOURCE.create(tenant, {"name": DEFAULT_GROUP_NAME}, Ctx())
    group["_default"] = True
    tenant.default_tariff_group_id = group["id"]
    return int(group["id"])
