"""User groups — ``/public-api/resources/user-groups/v1.0`` (REFERENCE-EXTRA.md §9; API 3.110.0)."""

from __future__ import annotations

from collections.abc import Mapping

from ..store import Obj, Tenant
from ..validation import Field, Validator, load_schema
from ._base import LAST_UPDATED_FILTERS, Ctx, Matcher, Resource, eq, get_path, is_set

# Documented in 3.110.0 (so not listed below): PATCH requires name; description at most 2000
# characters, externalId 255; filters noPartner, partnerId, lastUpdatedAfter/Before.
INFERRED = {
    "partnerId": "must be an existing partner (422 'The selected partner id is invalid.'); the emulator has "
    "no users, so it can always change",
    "filter[noPartner]": "true: groups without a partner; false: groups with one",
    "delete": "refused (422) while a tariff (restrictions.applyToUserGroupIds) or a location "
    "(workingHours.alwaysOpenForUserGroupIds) lists the group",
}


def _no_partner(tenant: Tenant, obj: Obj, values: list[str]) -> bool:
    return is_set("partnerId")(tenant, obj, ["false" if v.lower() in ("true", "1") else "true" for v in values])


class UserGroup(Resource):
    key = "user_group"
    collection = "user_groups"
    model = "UserGroup"
    path = "/public-api/resources/user-groups/v1.0"
    param = "userGroup"
    timestamps = ("lastUpdatedAt",)
    response_fields = ("id", "name", "partnerId", "description", "externalId", "lastUpdatedAt")
    filters: Mapping[str, Matcher] = {
        "noPartner": _no_partner,
        "partnerId": eq("partnerId"),
        **LAST_UPDATED_FILTERS,
    }
    INFERRED = INFERRED

    def build_schema(self) -> dict[str, Field]:
        return load_schema(self.key)

    def update_schema(self, variant: str | None) -> Mapping[str, Field]:
        return self.schema  # the PATCH body requires name too (update_required_fields)

    def check(self, tenant: Tenant, v: Validator, new: Obj, sent: Obj, current: Obj | None, ctx: Ctx) -> None:
        self.check_exists(tenant, v, "partnerId", sent.get("partnerId"), "partners")

    def refuse_delete(self, tenant: Tenant, obj: Obj) -> str | None:
        gid = obj["id"]
        users = [f"tariff {t['id']}" for t in tenant["tariffs"]
                 if gid in (get_path(t, "restrictions.applyToUserGroupIds") or [])]
        users += [f"location {loc['id']}" for loc in tenant["locations"]
                  if gid in (get_path(loc, "workingHours.alwaysOpenForUserGroupIds") or [])]
        if users:
            return f"The user group is used by {', '.join(users)} and cannot be deleted."
        return None


RESOURCE = UserGroup()
