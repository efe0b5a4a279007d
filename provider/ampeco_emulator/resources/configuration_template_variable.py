"""Configuration template variables — ``/configuration-templates/v1.0/{template}/variables``
(REFERENCE-EXTRA.md §12; API 3.110.0): list, create, PATCH and DELETE; no single read."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import Conflict
from ..store import Obj, Tenant
from ..validation import Field, Validator, load_schema, optional
from ._base import OPERATIONS, Ctx, KeyFn, Matcher, Resource

# Documented in 3.110.0 (so not listed below): the body is a oneOf by OCPP version (1.6: keyName
# and value; 2.0.1: value, variableName, component, and optional variableType, variableInstance,
# componentInstance, evseId, connectorId); a 1.6 variable has no other keys; duplicates are 409.
INFERRED = {
    "variant": "chosen by the template's ocppVersion; a field of the other variant is 422 prohibited",
    "duplicate": "same keyName (1.6), or same component, componentInstance, variableName, variableInstance, "
    "evseId and connectorId (2.0.1) in the template: 409",
    "2.0.1 responses": "the nullable fields are always present (null when unset), as the response requires them",
}

VARIANTS = {"ocpp 1.6": "OCPP 1.6", "ocpp 2.0.1": "OCPP 2.0.1"}
KEYS = {"ocpp 1.6": ("keyName",),
        "ocpp 2.0.1": ("component", "componentInstance", "variableName", "variableInstance", "evseId", "connectorId")}
RESPONSE = {"ocpp 1.6": ("id", "keyName", "value", "lastUpdatedAt"),
            "ocpp 2.0.1": ("id", "value", "variableName", "variableType", "variableInstance", "component",
                           "componentInstance", "evseId", "connectorId", "lastUpdatedAt")}


def _version(ctx: Ctx, obj: Obj | None = None) -> str:
    template = ctx.parents.get("template")
    return str(template.get("ocppVersion")) if template is not None else str((obj or {}).get("_ocppVersion"))


class ConfigurationTemplateVariable(Resource):
    key = "configuration_template_variable"
    collection = "configuration_template_variables"
    model = "ConfigurationTemplateVariable"
    path = "/public-api/resources/configuration-templates/v1.0/{template}/variables"
    param = "variable"
    parent = ("template", "_templateId")
    operations = OPERATIONS - {"read"}
    timestamps = ("lastUpdatedAt",)
    filters: Mapping[str, Matcher] = {}
    unique: Mapping[str, KeyFn] = {
        "variable": lambda o: json.dumps([o.get("_templateId"),
                                          *[o.get(k) for k in KEYS.get(str(o.get("_ocppVersion")), ())]])
    }
    INFERRED = INFERRED

    def build_schema(self) -> dict[str, Field]:
        return {**load_schema(self.key, variant="OCPP 1.6"), **load_schema(self.key, variant="OCPP 2.0.1")}

    def _variant(self, version: str | None, *, update: bool) -> dict[str, Field]:
        own = load_schema(self.key, variant=VARIANTS.get(version or "", "OCPP 1.6"))
        schema = {name: f if name in own else Field(name, f.type, prohibited=True) for name, f in self.schema.items()}
        schema.update(own)
        return optional(schema) if update else schema

    # The body's variant is the template's OCPP version: it travels as the call's API variant.
    def create(self, tenant: Tenant, body: Mapping[str, Any], ctx: Ctx) -> Obj:
        return super().create(tenant, body, Ctx(ctx.parents, _version(ctx)))

    def update(self, tenant: Tenant, current: Obj, body: Mapping[str, Any], ctx: Ctx) -> Obj:
        return super().update(tenant, current, body, Ctx(ctx.parents, _version(ctx, current)))

    def create_schema(self, variant: str | None) -> Mapping[str, Field]:
        return self._variant(variant, update=False) if variant in VARIANTS else self.schema

    def update_schema(self, variant: str | None) -> Mapping[str, Field]:
        return self._variant(variant, update=True) if variant in VARIANTS else optional(self.schema)

    def prepare(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        obj["_templateId"] = ctx.parents["template"]["id"]
        obj["_ocppVersion"] = _version(ctx)

    def check_unique(self, tenant: Tenant, v: Validator, new: Obj, current: Obj | None) -> None:
        key = self.unique["variable"](new)
        owner = tenant.unique.get((self.collection, "variable"), {}).get(key)
        if owner is not None and (current is None or owner != current["id"]) and not v.errors:
            raise Conflict("The configuration template already has this variable.")

    def present(self, tenant: Tenant, obj: Obj, includes: Iterable[str], ctx: Ctx) -> dict[str, Any]:
        fields = RESPONSE.get(obj.get("_ocppVersion") or "", RESPONSE["ocpp 1.6"])
        out = {name: obj.get(name) for name in fields}
        if fields is RESPONSE["ocpp 1.6"]:
            return {k: v for k, v in out.items() if v is not None}
        return out


RESOURCE = ConfigurationTemplateVariable()
