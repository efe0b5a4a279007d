"""The official contract, ready to validate against: API 3.110.0 for the eight resources' paths,
with the allow-list applied, and adapters from httpx requests/responses to openapi-core.

Validation is strict: ``additionalProperties`` defaults to forbidden, so a body field the spec does
not know (sent by the client or answered by the emulator) is a violation too. To make that work
with the spec's ``allOf`` schemas, their object members are merged into one schema first (the same
reading CORRECTIONS.md uses: properties united, ``required`` united with the outer one).
"""

from __future__ import annotations

import copy
import functools
import gzip
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from contract.allowlist import ALLOWLIST

SPEC_NAME = "ampeco-public-api-3.110.0.json"
REPO = Path(__file__).resolve().parents[2]
VENDORED_SPEC = Path(__file__).resolve().parent / "openapi" / f"{SPEC_NAME}.gz"
"""AMPECO's official spec as published (gzip -9 -n of the file in ../shared/ampeco-api/openapi/)."""
HOST = "https://example.com"  # the spec's server is https://{tenantUrl}

R = "/public-api/resources"
A = "/public-api/actions"
SCOPE: tuple[str, ...] = (
    f"{R}/id-tags/v2.0", f"{R}/id-tags/v2.0/{{idTag}}",
    f"{R}/locations/v2.0", f"{R}/locations/v2.0/{{location}}",
    f"{R}/locations/v2.0/{{location}}/charging-zones",
    f"{R}/locations/v2.0/{{location}}/charging-zones/{{chargingZone}}",
    f"{R}/charge-points/v2.0", f"{R}/charge-points/v2.0/{{chargePoint}}",
    f"{R}/charge-points/v2.0/{{chargePoint}}/evses", f"{R}/charge-points/v2.0/{{chargePoint}}/evses/{{evse}}",
    f"{R}/evses/v2.1", f"{R}/evses/v2.1/{{evse}}",
    f"{R}/charge-points/v2.0/{{chargePoint}}/evses/{{evse}}/connectors",
    f"{R}/charge-points/v2.0/{{chargePoint}}/evses/{{evse}}/connectors/{{connector}}",
    f"{R}/tariffs/v1.0", f"{R}/tariffs/v1.0/{{tariff}}",
    f"{R}/tariff-groups/v1.0", f"{R}/tariff-groups/v1.0/{{tariffGroup}}",
    f"{R}/partners/v2.0", f"{R}/partners/v2.0/{{partner}}",
    f"{R}/user-groups/v1.0", f"{R}/user-groups/v1.0/{{userGroup}}",
    f"{R}/taxes/v2.0", f"{R}/taxes/v2.0/{{tax}}",
    f"{R}/circuits/v2.0", f"{R}/circuits/v2.0/{{circuit}}",
    f"{A}/circuit/v2.0/{{circuit}}/attach-charge-point",
    f"{A}/circuit/v2.0/{{circuit}}/detach-charge-point/{{chargePoint}}",
    f"{A}/circuit/v2.0/{{circuit}}/set-charge-point-priority/{{chargePoint}}",
    "/public-api/notifications/v2.0", "/public-api/notifications/v2.0/{notification}",
    f"{R}/configuration-templates/v1.0", f"{R}/configuration-templates/v1.0/{{template}}",
    f"{R}/configuration-templates/v1.0/{{template}}/variables",
    f"{R}/configuration-templates/v1.0/{{template}}/variables/{{variable}}",
)
"""Every path of the resources the provider manages and the actions it uses (their other
sub-resources and actions are out of scope)."""
METHODS = ("get", "post", "put", "patch", "delete")


@functools.cache
def official() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gzip.decompress(VENDORED_SPEC.read_bytes()))
    return data


def scoped(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``spec`` with the managed resources' paths only."""
    out = copy.deepcopy(dict(spec))
    out["paths"] = {p: v for p, v in out["paths"].items() if p in SCOPE}
    return out


@functools.cache
def contract() -> dict[str, Any]:
    """The spec the tests validate against: scoped, allow-list applied, allOf merged, variant
    wrappers opened (their members stay strict)."""
    spec = scoped(official())
    for entry in ALLOWLIST:
        entry.apply(spec)
    return open_variant_wrappers(merge_all_of(spec))


def open_variant_wrappers(node: Any) -> Any:
    """An object schema that is only a ``oneOf``/``anyOf`` of object schemas (a template
    variable: OCPP 1.6 or 2.0.1) declares no properties of its own: forbidding additional ones on
    it would refuse every value, so the strictness is its members' (read as the spec means it)."""
    if isinstance(node, list):
        return [open_variant_wrappers(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: open_variant_wrappers(v) for k, v in node.items()}
    if ("oneOf" in node or "anyOf" in node) and "properties" not in node and "additionalProperties" not in node:
        node["additionalProperties"] = True
    return node


@functools.cache
def openapi() -> OpenAPI:
    return OpenAPI.from_dict(contract(), config=Config(additional_properties_default_policy="forbid"))


def operations(spec: Mapping[str, Any] | None = None) -> list[tuple[str, str]]:
    """(METHOD, path template) of every operation in scope."""
    spec = spec or contract()
    return [(m.upper(), p) for p, item in spec["paths"].items() for m in METHODS if m in item]


def merge_all_of(node: Any) -> Any:
    if isinstance(node, list):
        return [merge_all_of(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: merge_all_of(v) for k, v in node.items()}
    members = node.get("allOf")
    if isinstance(members, list) and all(isinstance(m, dict) and set(m) <= _OBJECT_KEYS for m in members):
        merged: dict[str, Any] = {k: v for k, v in node.items() if k != "allOf"}
        properties: dict[str, Any] = {}
        required: list[str] = list(node.get("required", []))
        for member in members:
            properties.update(member.get("properties", {}))
            required += [r for r in member.get("required", []) if r not in required]
            for key in ("type", "description", "nullable"):
                if key in member and key not in merged:
                    merged[key] = member[key]
        merged["properties"] = {**properties, **node.get("properties", {})}
        if required:
            merged["required"] = required
        return merged
    return node


_OBJECT_KEYS = {"type", "properties", "required", "description", "nullable", "title"}


# --- httpx -> openapi-core -----------------------------------------------------------------------


class _Request:
    """An ``httpx.Request`` as openapi-core's Request protocol (host normalised to the spec's server)."""

    def __init__(self, request: httpx.Request) -> None:
        self.host_url = HOST
        self.path = request.url.path
        self.method = request.method.lower()
        self.body = request.content or None
        self.content_type = request.headers.get("content-type", "application/json")
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(list(request.url.params.multi_items())),
            header=Headers(dict(request.headers)), cookie=ImmutableMultiDict(), path={})


class _Response:
    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.headers = Headers(dict(response.headers))
        self.content_type = response.headers.get("content-type", "")
        self.data = response.content


@dataclass(frozen=True)
class Violation:
    side: str  # request | response
    method: str
    path: str
    status: int | None
    detail: str

    def __str__(self) -> str:
        status = f" -> {self.status}" if self.status is not None else ""
        return f"{self.side} {self.method} {self.path}{status}: {self.detail}"


def _details(error: Exception) -> Iterator[str]:
    cause = error.__cause__
    schema_errors = getattr(cause, "schema_errors", None)
    if schema_errors:
        for se in schema_errors:
            where = ".".join(str(p) for p in se.absolute_path) or "(body)"
            yield f"{where}: {se.message}"
        return
    text = f"{type(error).__name__}: {error}"
    if cause is not None:
        text += f" ({type(cause).__name__}: {cause})"
    yield text


def request_violations(request: httpx.Request) -> list[Violation]:
    req = _Request(request)
    return [Violation("request", request.method, request.url.path, None, d)
            for e in openapi().iter_request_errors(req) for d in _details(e)]


def response_violations(response: httpx.Response) -> list[Violation]:
    req, resp = _Request(response.request), _Response(response)
    return [Violation("response", response.request.method, response.request.url.path, response.status_code, d)
            for e in openapi().iter_response_errors(req, resp) for d in _details(e)]


def template_of(method: str, path: str) -> tuple[str, str] | None:
    """The (METHOD, template) in scope that a concrete request path matches."""
    parts = path.rstrip("/").split("/")
    for m, template in operations():
        t_parts = template.split("/")
        if m == method and len(t_parts) == len(parts) and all(
                t.startswith("{") or t == p for t, p in zip(t_parts, parts)):
            return m, template
    return None


def report(violations: Iterable[Violation]) -> str:
    return "\n".join(sorted({str(v) for v in violations}))
