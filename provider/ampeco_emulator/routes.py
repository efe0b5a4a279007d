"""The public API's routes, read off each resource's ``path`` / ``param`` / ``variants``, on Starlette's router.

Each resource is served at ``path`` (GET lists, POST creates) and ``path/{param}`` (GET reads,
``update_method`` updates, DELETE deletes), each as far as its ``operations`` say, plus a POST per
``actions`` entry (202, no body); a variant (EVSE ``v2.1``) adds the same at its own
path. Paths are exactly the reference's (REFERENCE.md §2-§5). For one request (as Laravel does
it): route match (404 / 405) -> bearer token (401) -> JSON body (400) -> handler (which raises
404 / 422) -> JSON response. A path that matches with another method is a 405 listing the
supported methods (GET implies HEAD, as in Laravel); anything else is a 404. A trailing slash is
ignored, as Laravel does.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route, Router
from starlette.types import Receive, Scope, Send

from .errors import BadRequest, MethodNotAllowed, Unauthenticated, route_not_found
from .handlers import (
    ApiRequest,
    Handler,
    action_handler,
    create_handler,
    delete_handler,
    list_handler,
    read_handler,
    update_handler,
)
from .resources import RESOURCES, Resource
from .responses import json_response
from .state import Emulator

__all__ = ["MAX_BODY_DEPTH", "ORIGINAL_PATH", "api_router", "parse_json_body", "table"]

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
ORIGINAL_PATH = "ampeco.original_path"
"""Scope key: the request's path as sent (routing sees it without a trailing slash)."""


def table(resources: Mapping[str, Resource] = RESOURCES) -> list[tuple[str, str, Handler]]:
    """Every (method, path template, handler), in resource order."""
    rows: list[tuple[str, str, Handler]] = []
    for r in resources.values():
        item = f"{r.path}/{{{r.param}}}"
        crud = [
            ("list", "GET", r.path, list_handler(r, scope=r.parent, paginated=r.paginated)),
            ("create", "POST", r.path, create_handler(r)),
            ("read", "GET", item, read_handler(r, r.param)),
            ("update", r.update_method, item, update_handler(r, r.param)),
            ("delete", "DELETE", item, delete_handler(r, r.param)),
        ]
        rows += [(method, path, handler) for op, method, path, handler in crud if op in r.operations]
        rows += [("POST", path, action_handler(r, name)) for path, name in r.actions.items()]
        for variant, path in r.variants.items():
            item = f"{path}/{{{r.param}}}"
            rows += [
                ("GET", path, list_handler(r, variant=variant)),
                ("POST", path, create_handler(r, variant=variant)),
                ("GET", item, read_handler(r, r.param, variant=variant)),
                (r.update_method, item, update_handler(r, r.param, variant=variant)),
                ("DELETE", item, delete_handler(r, r.param)),
            ]
    return rows


class _Endpoint:
    """One path's handlers by method, as an ASGI app on a Starlette ``Route``: it answers Laravel's
    405 itself, listing the methods in the order the table declares them."""

    def __init__(self) -> None:
        self.handlers: dict[str, Handler] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response = await self.respond(request)
        await response(scope, receive, send)

    async def respond(self, request: Request) -> Response:
        method, path = request.method, request.scope["path"]
        handler = self.handlers.get("GET" if method == "HEAD" else method)
        if handler is None:
            supported: list[str] = []
            for name in self.handlers:
                supported += [name, "HEAD"] if name == "GET" else [name]
            raise MethodNotAllowed(
                f"The {method} method is not supported for route {path.lstrip('/')}. "
                f"Supported methods: {', '.join(supported)}."
            )
        emulator: Emulator = request.app.state.emulator
        _authenticate(emulator, request)
        body = await _read_body(request) if method in BODY_METHODS else None
        url = request.url
        result = handler(ApiRequest(
            tenant=emulator.tenant,
            params=request.path_params,
            query=request.query_params.multi_items(),
            body=body,
            url=f"{url.scheme}://{url.netloc}{request.scope.get(ORIGINAL_PATH, path)}",
        ))
        if result.mutated:
            emulator.persist()
        return json_response(result.status, result.payload)


def _authenticate(emulator: Emulator, request: Request) -> None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), emulator.token.encode()):
        raise Unauthenticated()


async def _read_body(request: Request) -> Any:
    raw = await request.body()
    if not raw.strip():
        return {}
    content_type = request.headers.get("content-type", "")
    if "json" not in content_type.lower():
        raise BadRequest("The request body must be JSON, sent with Content-Type: application/json.")
    return parse_json_body(raw)


MAX_BODY_DEPTH = 64
"""Deepest nesting of objects and lists a body may have (inferred: the API's deepest is ~6)."""


def parse_json_body(raw: bytes) -> Any:
    """A JSON body, or BadRequest: not JSON, or nested deeper than MAX_BODY_DEPTH (which would
    otherwise exhaust the recursion of the parser or of the validation: a 500)."""
    try:
        body = json.loads(raw)
    except RecursionError:
        raise BadRequest(f"The request body is nested too deeply (more than {MAX_BODY_DEPTH} levels).") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequest(f"The request body is not valid JSON: {exc}.") from exc
    if _depth_exceeds(body, MAX_BODY_DEPTH):
        raise BadRequest(f"The request body is nested too deeply (more than {MAX_BODY_DEPTH} levels).")
    return body


def _depth_exceeds(value: Any, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


async def _not_found(scope: Scope, receive: Receive, send: Send) -> None:
    raise route_not_found(scope["path"])


class _SlashTolerant(Router):
    """Starlette's router, matching a path without its trailing slash (Laravel ignores it)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"]
        if len(path) > 1 and path.endswith("/"):
            scope = {**scope, ORIGINAL_PATH: path, "path": path.rstrip("/")}
        await super().__call__(scope, receive, send)


def api_router(resources: Mapping[str, Resource] = RESOURCES) -> Router:
    endpoints: dict[str, _Endpoint] = {}
    for method, template, handler in table(resources):
        endpoints.setdefault(template, _Endpoint()).handlers[method] = handler
    routes = [Route(template, endpoint) for template, endpoint in endpoints.items()]
    return _SlashTolerant(routes, redirect_slashes=False, default=_not_found)
