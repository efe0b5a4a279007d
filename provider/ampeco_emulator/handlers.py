"""Generic CRUD handlers: resolve path ids -> call the resource -> wrap in the envelope.

A handler takes an :class:`ApiRequest` (plain Python values) and returns an :class:`ApiResult`;
``routes.py`` does the HTTP. The resource modules hold every rule.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .errors import BadRequest, model_not_found
from .listing import Source, paginate, parse_paging, parse_query
from .resources import RESOURCES, Ctx, Resource
from .store import Collection, Obj, Tenant


@dataclasses.dataclass
class ApiRequest:
    tenant: Tenant
    params: Mapping[str, str]
    query: Sequence[tuple[str, str]]
    body: Any
    url: str  # absolute URL of the path, without query


@dataclasses.dataclass
class ApiResult:
    status: int
    payload: Any = None
    mutated: bool = False


Handler = Callable[[ApiRequest], ApiResult]

# path parameter -> (collection, Laravel model, parent parameter, field naming the parent)
PARAMS: dict[str, tuple[str, str, str | None, str | None]] = {
    r.param: (r.collection, r.model, *(r.parent or (None, None))) for r in RESOURCES.values()
}


def resolve(tenant: Tenant, params: Mapping[str, str]) -> dict[str, Obj]:
    """Every path id -> its object, in path order; a child under the wrong parent is a 404."""
    found: dict[str, Obj] = {}
    for name, raw in params.items():
        collection, model, parent, field = PARAMS[name]
        obj = tenant[collection].get(int(raw)) if raw.isdigit() else None
        if obj is None:
            raise model_not_found(model, raw)
        if (
            parent is not None
            and field is not None
            and parent in found
            and obj.get(field) != found[parent]["id"]
        ):
            raise model_not_found(model, raw)
        found[name] = obj
    return found


def _body(req: ApiRequest) -> Mapping[str, Any]:
    if not isinstance(req.body, dict):
        raise BadRequest("The request body must be a JSON object.")
    return req.body


def _includes(resource: Resource, req: ApiRequest, variant: str | None) -> list[str]:
    _, includes = parse_query(req.query)
    resource.check_query({}, includes, variant)
    return includes


def list_handler(
    resource: Resource,
    *,
    variant: str | None = None,
    scope: tuple[str, str] | None = None,  # (parent parameter, field naming the parent)
    paginated: bool = True,
) -> Handler:
    def handle(req: ApiRequest) -> ApiResult:
        tenant = req.tenant
        parents = resolve(tenant, req.params)
        filters, includes = parse_query(req.query)
        resource.check_query(filters, includes, variant)
        ctx = Ctx(parents, variant)
        single = getattr(resource, "single_result", None)
        if single is not None:
            payload = single(tenant, filters)
            if payload is not None:
                return ApiResult(200, payload)
        paging = parse_paging(req.query) if paginated else None
        allowed = resource.allowed_filters(variant)
        checks = [(allowed[name], values) for name, values in filters.items()]
        if scope is not None:
            parent_id = parents[scope[0]]["id"]
            field = scope[1]
            checks.insert(0, (lambda t, o, v: o.get(field) == parent_id, []))

        def keep(obj: Obj) -> bool:
            return all(match(tenant, obj, values) for match, values in checks)

        def present(obj: Obj) -> dict[str, Any]:
            return resource.present(tenant, obj, includes, ctx)

        collection = tenant[resource.collection]
        source = _indexed_source(tenant, resource, filters) or Source(collection.after, collection.before)
        if paging is None:
            return ApiResult(200, {"data": [present(o) for o in source.after(0) if keep(o)]})
        return ApiResult(200, paginate(source, keep, present, paging, req.url, req.query))

    return handle


def _indexed_source(tenant: Tenant, resource: Resource, filters: Mapping[str, list[str]]) -> Source | None:
    """Answer a natural-key filter from the unique index instead of a scan."""
    for name, path in resource.indexed_filters.items():
        if name in filters:
            index = tenant.unique.get((resource.collection, path), {})
            hits = Collection(resource.collection)
            for value in filters[name]:
                ident = index.get(value)
                obj = tenant[resource.collection].get(ident) if ident is not None else None
                if obj is not None and obj["id"] not in hits.objects:
                    hits.add(obj)
            return Source(hits.after, hits.before)
    return None


def create_handler(resource: Resource, *, variant: str | None = None) -> Handler:
    def handle(req: ApiRequest) -> ApiResult:
        parents = resolve(req.tenant, req.params)
        ctx = Ctx(parents, variant)
        includes = _includes(resource, req, variant)
        obj = resource.create(req.tenant, _body(req), ctx)
        return ApiResult(201, {"data": resource.present(req.tenant, obj, includes, ctx)}, mutated=True)

    return handle


def read_handler(resource: Resource, param: str, *, variant: str | None = None) -> Handler:
    def handle(req: ApiRequest) -> ApiResult:
        found = resolve(req.tenant, req.params)
        ctx = Ctx(found, variant)
        includes = _includes(resource, req, variant)
        return ApiResult(200, {"data": resource.present(req.tenant, found[param], includes, ctx)})

    return handle


def update_handler(resource: Resource, param: str, *, variant: str | None = None) -> Handler:
    def handle(req: ApiRequest) -> ApiResult:
        found = resolve(req.tenant, req.params)
        ctx = Ctx(found, variant)
        includes = _includes(resource, req, variant)
        obj = resource.update(req.tenant, found[param], _body(req), ctx)
        return ApiResult(200, {"data": resource.present(req.tenant, obj, includes, ctx)}, mutated=True)

    return handle


def action_handler(resource: Resource, name: str) -> Handler:
    """POST an action: the resource's method ``name`` on the path's objects; 202 with no body."""
    act = getattr(resource, name)

    def handle(req: ApiRequest) -> ApiResult:
        found = resolve(req.tenant, req.params)
        act(req.tenant, found, _body(req))
        return ApiResult(202, None, mutated=True)

    return handle


def delete_handler(resource: Resource, param: str) -> Handler:
    def handle(req: ApiRequest) -> ApiResult:
        found = resolve(req.tenant, req.params)
        resource.delete(req.tenant, found[param])
        return ApiResult(204, None, mutated=True)

    return handle
