"""Id tags — ``/public-api/resources/id-tags/v2.0`` (REFERENCE.md §2)."""

from __future__ import annotations

from collections.abc import Mapping

from ..validation import Field, load_schema
from ._base import LAST_UPDATED_FILTERS, KeyFn, Matcher, Resource, date_cmp, eq

# Inferred behaviour (not read in a source) -> what the emulator does.
INFERRED = {
    "idTagUid uniqueness": "unique per tenant, case-sensitive; a taken uid is 422 'has already been taken'",
    "filter[expireAt]": "tags whose expireAt >= the given date (tags without expiry never match)",
    "filter[partnerId]=null": "matches tags without a partner",
}


class IdTag(Resource):
    key = "id_tag"
    collection = "id_tags"
    model = "IdTag"
    path = "/public-api/resources/id-tags/v2.0"
    param = "idTag"
    response_fields = (
        "id", "idTagUid", "idLabel", "expireAt", "createdAt", "status", "type", "vehicleType",
        "paymentMethodId", "userId", "externalId", "partnerId", "lastUpdatedAt",
    )  # fmt: skip
    filters: Mapping[str, Matcher] = {
        "idTagUid": eq("idTagUid"),
        "idLabel": eq("idLabel"),
        "userId": eq("userId"),
        "expireAt": date_cmp("expireAt", True, "expireAt"),
        "status": eq("status"),
        "type": eq("type"),
        "partnerId": eq("partnerId"),
        **LAST_UPDATED_FILTERS,
    }
    indexed_filters: Mapping[str, str] = {"idTagUid": "idTagUid"}
    unique: Mapping[str, KeyFn] = {"idTagUid": lambda o: o.get("idTagUid")}
    INFERRED = INFERRED

    def build_schema(self) -> dict[str, Field]:
        return load_schema(self.key)


RESOURCE = IdTag()
