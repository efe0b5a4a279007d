"""Configuration templates — ``/public-api/resources/configuration-templates/v1.0``
(REFERENCE-EXTRA.md §11; API 3.110.0). Their variables are ``configuration_template_variable``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import Conflict, Unprocessable
from ..store import Obj, Tenant
from ..validation import Field, load_schema, optional
from ._base import Ctx, Matcher, Resource

# Documented in 3.110.0 (so not listed below): ocppVersion is create-only (the PATCH body has
# name only); filter[ocppVersion] takes ocpp1.6 / ocpp2.0.1 (no space) while bodies say "ocpp 1.6".
INFERRED = {
    "ocppVersion in a PATCH": "ignored, as any field the PATCH body does not declare",
    "409 on create": "the answer to an invalid body (3.110.0 documents 409 'The payload you provided is invalid' "
    "and no 422), with the field errors; names need not be unique",
    "delete": "its variables are deleted with it",
    "PATCH": "an invalid body is 422 (3.110.0 documents no failure status for it)",
    "filter[lastUpdatedAfter|Before]": "not offered (3.110.0 documents only ocppVersion)",
}


def _ocpp_version(tenant: Tenant, obj: Obj, values: list[str]) -> bool:
    return str(obj.get("ocppVersion") or "").replace(" ", "") in [v.replace(" ", "") for v in values]


class ConfigurationTemplate(Resource):
    key = "configuration_template"
    collection = "configuration_templates"
    model = "ConfigurationTemplate"
    path = "/public-api/resources/configuration-templates/v1.0"
    param = "template"
    timestamps = ("lastUpdatedAt",)
    response_fields = ("id", "name", "ocppVersion", "lastUpdatedAt")
    filters: Mapping[str, Matcher] = {"ocppVersion": _ocpp_version}
    INFERRED = INFERRED

    def build_schema(self) -> dict[str, Field]:
        return load_schema(self.key)

    def update_schema(self, variant: str | None) -> Mapping[str, Field]:
        return optional({"name": self.schema["name"]})

    def create(self, tenant: Tenant, body: Mapping[str, Any], ctx: Ctx) -> Obj:
        try:
            return super().create(tenant, body, ctx)
        except Unprocessable as invalid:  # this create documents an invalid payload as 409
            raise Conflict(invalid.message, invalid.errors) from None

    def cascade(self, tenant: Tenant, obj: Obj) -> None:
        from .configuration_template_variable import RESOURCE as VARIABLES

        for variable in [o for o in tenant[VARIABLES.collection] if o.get("_templateId") == obj["id"]]:
            VARIABLES.remove(tenant, variable)


RESOURCE = ConfigurationTemplate()

