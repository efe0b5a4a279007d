"""Taxes — ``/public-api/resources/taxes/v2.0`` (REFERENCE-EXTRA.md §7; API 3.110.0)."""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import Conflict
from ..store import Obj, Tenant
from ..validation import Field, load_schema
from ._base import Matcher, Resource, get_path

# Documented in 3.110.0 (so not listed below): no listing filters; DELETE may answer 409.
INFERRED = {
    "taxIdentificationNumberId": "any integer (the emulator keeps no tax identification numbers)",
    "percentage": "any number (no range is documented)",
    "delete": "refused (409) while a tariff's pricing.taxID is the tax",
}


class Tax(Resource):
    key = "tax"
    collection = "taxes"
    model = "Tax"
    path = "/public-api/resources/taxes/v2.0"
    param = "tax"
    timestamps = ("lastUpdatedAt",)
    response_fields = ("id", "name", "displayName", "percentage", "taxIdentificationNumberId", "lastUpdatedAt")
    filters: Mapping[str, Matcher] = {}
    INFERRED = INFERRED

    def build_schema(self) -> dict[str, Field]:
        return load_schema(self.key)

    def refuse_delete(self, tenant: Tenant, obj: Obj) -> str | None:
        users = [t for t in tenant["tariffs"] if get_path(t, "pricing.taxID") == obj["id"]]
        if users:
            raise Conflict(f"The tax is used by tariff(s) {', '.join(str(t['id']) for t in users)} "
                           "and cannot be deleted.")
        return None


RESOURCE = Tax()
