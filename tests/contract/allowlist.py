"""THE allow-list: every place where the contract tests do not take API 3.110.0 literally.

Each entry is an edit of the (scoped) official spec with a reason, of one of two kinds:

- ``SPEC``: the spec contradicts itself or the API it documents (an impossible schema, a parameter
  style that cannot be serialised, a status the API surely answers but the operation omits);
- ``INFERRED``: the emulator answers something the spec does not document, by an inference kept in
  an emulator module's ``INFERRED`` table (so a correction of the inference removes the entry).

Nothing else loosens the checks: every entry must change the spec (``test_allowlist`` fails on a
stale one), and validation stays strict everywhere else (unknown fields are violations too).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

SPEC = "spec"
INFERRED = "inferred"

Node = dict[str, Any]
_METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Allowance:
    kind: Literal["spec", "inferred"]
    what: str
    reason: str
    edit: Callable[[Node], int]
    """Edits the spec in place; returns how many places it changed (0 means the entry is stale)."""

    def apply(self, spec: Node) -> int:
        return self.edit(spec)


def _operations(spec: Node, methods: tuple[str, ...] = _METHODS, path_has: str = "",
                path_ends: str | tuple[str, ...] = "") -> Iterator[tuple[str, str, Node]]:
    for path, item in spec["paths"].items():
        if path_has not in path or not path.endswith(path_ends):
            continue
        for method in methods:
            if method in item:
                yield path, method, item[method]


def _parameters(spec: Node) -> Iterator[Node]:
    for item in spec["paths"].values():
        yield from item.get("parameters", [])
        for method in _METHODS:
            yield from item.get(method, {}).get("parameters", [])


def _explode_deep_objects(spec: Node) -> int:
    changed = 0
    for param in _parameters(spec):
        if param.get("style") == "deepObject" and param["schema"].get("type") == "object" and "explode" not in param:
            param["explode"] = True
            changed += 1
    return changed


def _include_as_form_array(spec: Node) -> int:
    changed = 0
    for param in _parameters(spec):
        if param["name"] == "include" and param.get("style") == "deepObject" and param["schema"].get("type") == "array":
            param.update(name="include[]", style="form", explode=True)
            changed += 1
    return changed


def _add_response(status: str, description: str, methods: tuple[str, ...], path_has: str = "",
                  path_ends: str | tuple[str, ...] = "", body: Node | None = None) -> Callable[[Node], int]:
    schema = body or {"type": "object", "properties": {"message": {"type": "string"}}, "required": ["message"]}

    def edit(spec: Node) -> int:
        changed = 0
        for _, _, op in _operations(spec, methods, path_has, path_ends):
            if status not in op["responses"]:
                op["responses"][status] = {"description": description,
                                           "content": {"application/json": {"schema": schema}}}
                changed += 1
        return changed

    return edit


def _nullable_in_response(prop: str, path_has: str) -> Callable[[Node], int]:
    """``data.<prop>`` (and each ``data[]`` item's) nullable in the 2xx responses of the matching paths."""

    def edit(spec: Node) -> int:
        changed = 0
        for _, _, op in _operations(spec, path_has=path_has):
            for status, response in op["responses"].items():
                if not status.startswith("2"):
                    continue
                for media in response.get("content", {}).values():
                    data = media["schema"].get("properties", {}).get("data", {})
                    for node in (data, data.get("items", {})):
                        for schema in _object_members(node):
                            target = schema.get("properties", {}).get(prop)
                            if target is not None and not target.get("nullable"):
                                target["nullable"] = True
                                changed += 1
        return changed

    return edit


def _object_members(node: Node) -> Iterator[Node]:
    yield node
    yield from node.get("allOf", [])


def _walk(node: Any) -> Iterator[Node]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _time_format_as_hh_mm(spec: Node) -> int:
    changed = 0
    for node in _walk(spec["paths"]):
        if node.get("type") == "string" and node.get("format") == "time":
            del node["format"]
            node.setdefault("pattern", r"^\d{2}:\d{2}$")
            changed += 1
    return changed


def _null_in_nullable_enums(spec: Node) -> int:
    changed = 0
    for node in _walk(spec["paths"]):
        enum = node.get("enum")
        if node.get("nullable") is True and isinstance(enum, list) and None not in enum:
            enum.append(None)
            changed += 1
    return changed


def _empty_cursor_allowed(spec: Node) -> int:
    changed = 0
    for param in _parameters(spec):
        if param["name"] == "cursor" and param.get("in") == "query" and not param.get("allowEmptyValue"):
            param["allowEmptyValue"] = True
            changed += 1
    return changed


def _add_400_for_query_builder(spec: Node) -> int:
    changed = 0
    for path, _, op in _operations(spec):
        params = [*spec["paths"][path].get("parameters", []), *op.get("parameters", [])]
        names = {p["name"] for p in params}
        if names & {"filter", "include", "include[]"} and "400" not in op["responses"]:
            op["responses"]["400"] = {"description": "Filter or include not allowed (inferred)",
                                      "content": {"application/json": {"schema": _MESSAGE}}}
            changed += 1
    return changed


_CP_INCLUDES_WITHOUT_SCHEMA = ("smartCharging", "smartChargingPreferences", "personalSmartChargingPreferences",
                               "availablePersonalSmartChargingModes")


def _charge_point_includes_in_responses(spec: Node) -> int:
    changed = 0
    for _, _, op in _operations(spec, path_has="/charge-points/v2.0", path_ends=("/v2.0", "/{chargePoint}")):
        for status, response in op["responses"].items():
            if not status.startswith("2"):
                continue
            for media in response.get("content", {}).values():
                data = media["schema"].get("properties", {}).get("data", {})
                for node in (data, data.get("items", {})):
                    for schema in _object_members(node):
                        props = schema.get("properties")
                        if props is None or "name" not in props:
                            continue
                        for name in _CP_INCLUDES_WITHOUT_SCHEMA:
                            if name not in props:
                                props[name] = {"nullable": True, "readOnly": True}  # any JSON value
                                changed += 1
    return changed


def _tariff_listing_single_result(spec: Node) -> int:
    changed = 0
    for _, _, op in _operations(spec, ("get",), path_ends="/tariffs/v1.0"):
        for media in op["responses"]["200"].get("content", {}).values():
            data = media["schema"]["properties"]["data"]
            if data.get("type") == "array":
                single = {**data["items"], "nullable": True}
                media["schema"]["properties"]["data"] = {"oneOf": [data, single]}
                changed += 1
    return changed


def _decimal_multiples_in_responses(spec: Node) -> int:
    changed = 0
    for _, _, op in _operations(spec):
        for status, response in op["responses"].items():
            if status.startswith("2"):
                for node in _walk(response.get("content", {})):
                    if isinstance(node.get("multipleOf"), float):
                        del node["multipleOf"]
                        changed += 1
    return changed


def _one_of_as_any_of(method: str, path_ends: str) -> Callable[[Node], int]:
    def edit(spec: Node) -> int:
        changed = 0
        for _, _, op in _operations(spec, (method,), path_ends=path_ends):
            for media in op.get("requestBody", {}).get("content", {}).values():
                schema = media["schema"]
                if "oneOf" in schema:
                    schema["anyOf"] = schema.pop("oneOf")
                    changed += 1
        return changed

    return edit


_MESSAGE = {"type": "object", "properties": {"message": {"type": "string"}}, "required": ["message"]}

_VALIDATION_422 = {
    "type": "object",
    "properties": {"message": {"type": "string"},
                   "errors": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}},
    "required": ["message"],
}

ALLOWLIST: tuple[Allowance, ...] = (
    Allowance(
        SPEC, "`format: time` on HH:MM values (working hours, tariff start times)",
        "JSON Schema's `time` is RFC 3339 full-time (HH:MM:SS with an offset), yet the spec's own examples "
        "(\"01:00\") and every other time field of the API (pattern ^\\d{2}:\\d{2}$) are HH:MM: read as that pattern.",
        _time_format_as_hh_mm),
    Allowance(
        SPEC, "nullable enums without null (parkingType, vehicleType-like fields)",
        "OpenAPI 3.0.3 requires null in the enum of a nullable enum field; the spec marks these nullable and "
        "documents that null clears them (\"null clears\"), but lists only the non-null values.",
        _null_in_nullable_enums),
    Allowance(
        SPEC, "`cursor` query parameter: empty value not allowed",
        "The cursor descriptions say to send it empty to engage cursor pagination (`?cursor=`), which OpenAPI "
        "forbids unless allowEmptyValue is set.",
        _empty_cursor_allowed),
    Allowance(
        SPEC, "`filter` query parameters: deepObject without `explode: true`",
        "OpenAPI defines deepObject only with explode=true (the default for non-form styles is false), "
        "so as written no `filter[...]` value could be read; the API's filters are `filter[name]=value`.",
        _explode_deep_objects),
    Allowance(
        SPEC, "`include` query parameters: deepObject style on an array",
        "deepObject applies to objects only; the API (and every include description) uses "
        "`include[]=a&include[]=b`, i.e. a form-exploded array named `include[]`.",
        _include_as_form_array),
    Allowance(
        SPEC, "location responses: `roamingOperatorId` required but not nullable",
        "A location that is not roaming has no roaming operator, and the spec offers no value for it; "
        "the API (a Laravel resource) answers null.",
        _nullable_in_response("roamingOperatorId", "/locations/v2.0")),
    Allowance(
        SPEC, "EVSE responses: `roamingOperatorId` required but not nullable",
        "As for locations: an EVSE that is not roaming has no roaming operator; the API answers null.",
        _nullable_in_response("roamingOperatorId", "/evses")),
    Allowance(
        SPEC, "id tag PATCH and DELETE: no 404 documented",
        "Every other read, update and delete of the eight resources documents 404 for an unknown id, and "
        "the id-tag read does too; route model binding answers 404 before the handler runs.",
        _add_response("404", "Not found (route model binding)", ("patch", "delete"), path_ends="/{idTag}")),
    Allowance(
        SPEC, "charging zone PATCH, POST and listing: no 404 documented",
        "The zone read and delete document 404 for an unknown id; an unknown location (the parent in the "
        "path) or zone is the same route model binding 404 on these operations.",
        _add_response("404", "Not found (route model binding)", ("get", "post", "patch"), path_has="/charging-zones")),
    Allowance(
        INFERRED, "listings and includes: 400 for a filter or include the resource does not allow",
        "The `filter` objects leave additionalProperties open, so any `filter[x]` is valid by the spec; the "
        "emulator answers 400 as Spatie's QueryBuilder does (InvalidFilterQuery / InvalidIncludeQuery, inferred: "
        "_transport 'unknown filter or include').",
        _add_400_for_query_builder),
    Allowance(
        SPEC, "charge point responses: four `include[]` values have no schema",
        "include[] accepts smartCharging, smartChargingPreferences, personalSmartChargingPreferences and "
        "availablePersonalSmartChargingModes, but the response schema has no property for them; read as "
        "present with any value (the emulator answers null or []).",
        _charge_point_includes_in_responses),
    Allowance(
        SPEC, "tariff listing with filter[userId]: one tariff, not a list",
        "filter[userId] \"returns a single tariff of the group (no meta or link props)\", as the parameter says, "
        "while the 200 schema allows only a list; read as either (null when the group has no tariff).",
        _tariff_listing_single_result),
    Allowance(
        INFERRED, "tariff listing: 422 for filter[userId] without a valid filter[tariffGroupId]",
        "The spec says filter[userId] \"can only be used with tariffGroupId\" but documents no 422 on this "
        "listing; the emulator refuses it as Laravel validation would (tariff INFERRED 'filter[userId]').",
        _add_response("422", "filter[userId] needs filter[tariffGroupId] (inferred)", ("get",),
                      path_ends="/tariffs/v1.0", body=_VALIDATION_422)),
    Allowance(
        INFERRED, "DELETE of a referenced object: 422",
        "The emulator refuses to delete a location, zone, charge point (OCPP master), tariff, tariff group or "
        "circuit (the parent of another) that another object still references (its modules' INFERRED 'delete' "
        "entries); 3.110.0 documents no refusal for these (for partners and taxes it uses 409), so the real answer "
        "is unknown.",
        _add_response("422", "Refused: still referenced (inferred)", ("delete",), body=_VALIDATION_422,
                      path_ends=("/{location}", "/{chargingZone}", "/charge-points/v2.0/{chargePoint}", "/{tariff}",
                                 "/{tariffGroup}", "/{circuit}"))),
    Allowance(
        SPEC, "`multipleOf` on decimal amounts in responses (circuit currents, priorities)",
        "JSON Schema checks multipleOf by dividing binary floats, so 4609.2 (a multiple of 0.1 in decimal, "
        "as the API means it) fails (4609.2 / 0.1 = 46092.00000000001); requests keep the check, answers echo "
        "what a request carried.",
        _decimal_multiples_in_responses),
    Allowance(
        INFERRED, "configuration template PATCH: 422 for an invalid body",
        "The PATCH documents no failure status for its body (create documents 409); the emulator refuses a "
        "name that is not a string, as Laravel validation does (configuration_template INFERRED).",
        _add_response("422", "Invalid body (inferred)", ("patch",), path_ends="/configuration-templates/v1.0/{template}",
                      body=_VALIDATION_422)),
    Allowance(
        SPEC, "configuration template variable POST: no 404 documented",
        "The variables listing and PATCH document 404 for an unknown template; a POST under an unknown template is "
        "the same route model binding 404.",
        _add_response("404", "Not found (route model binding)", ("post",), path_ends="/{template}/variables")),
    Allowance(
        SPEC, "configuration template variable PATCH body: a oneOf whose variants both take a value-only body",
        "Every field of both variants is optional on PATCH and the OCPP 2.0.1 variant does not forbid other "
        "fields, so the most common update ({\"value\": \"600\"}) matches both and no body changing a value is "
        "valid by oneOf; the template's OCPP version picks the variant: read as anyOf.",
        _one_of_as_any_of("patch", "/{template}/variables/{variable}")),
)
