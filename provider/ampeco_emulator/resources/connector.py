"""Connectors — ``/charge-points/v2.0/{chargePoint}/evses/{evse}/connectors`` (§4.2)."""

from __future__ import annotations

from collections.abc import Mapping

from ..store import Obj, Tenant
from ..validation import Field, load_schema
from ._base import Ctx, Matcher, Resource

# Documented in 3.110.0: the listing is {"data": [...]} only (no paging, no filters); the response
# is {id, type, format, status} (no timestamps).
INFERRED = {
    "parent delete": "connectors are deleted with their EVSE",
}


class Connector(Resource):
    key = "connector"
    collection = "connectors"
    model = "Connector"
    path = "/public-api/resources/charge-points/v2.0/{chargePoint}/evses/{evse}/connectors"
    param = "connector"
    parent = ("evse", "_evseId")
    paginated = False  # listing is {"data": [...]} only
    timestamps = ()
    response_fields = ("id", "type", "format", "status")
    filters: Mapping[str, Matcher] = {}
    INFERRED = INFERRED

    def build_schema(self) -> dict[str, Field]:
        return load_schema(self.key)

    def prepare(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        obj["_evseId"] = ctx.parents["evse"]["id"]


RESOURCE = Connector()
