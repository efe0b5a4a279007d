"""The Starlette app: auth, body parsing, the envelope, faults, the request log, and ONE error renderer.

Order for a ``/public-api/...`` request (as Laravel does it): fault injection (a proxy in front of
the tenant) -> route match (404 / 405) -> bearer token (401) -> JSON body (400) -> handler (which
raises 404 / 422) -> JSON response. Everything under ``/_emulator/`` is the admin API (``admin.py``).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from . import persistence
from .errors import BadRequest, EmulatorError, Unauthenticated
from .faults import HTML_PAGE, STATUS_MESSAGES, FaultRule, Faults
from .handlers import ApiRequest
from .routes import ROUTER
from .store import Tenant

logger = logging.getLogger("ampeco_emulator")

ABORT_EXTENSION = "ampeco.abort"  # scope["extensions"][...]: a callable resetting the TCP connection
REQUEST_LOG_LIMIT = 200_000
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
API_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


class Emulator:
    """Everything one app instance holds: token, tenant, faults, request log, state file."""

    def __init__(self, token: str, state_file: str | Path | None = None) -> None:
        self.token = token
        self.state_file = Path(state_file) if state_file is not None else None
        self.tenant = persistence.load(self.state_file) if self.state_file else Tenant()
        self.faults = Faults()
        self.requests: deque[dict[str, Any]] = deque(maxlen=REQUEST_LOG_LIMIT)

    def reset(self) -> None:
        self.tenant = Tenant()
        self.faults.clear()
        self.requests.clear()
        self.persist()

    def load_state(self, dump: Any) -> None:
        self.tenant = persistence.tenant_from_dump(dump)
        self.persist()

    def persist(self) -> None:
        if self.state_file is not None:
            persistence.save(self.tenant, self.state_file)


# ---------------------------------------------------------------- responses


def json_response(status: int, payload: Any, headers: dict[str, str] | None = None) -> Response:
    if status == 204:
        return Response(status_code=204, headers=headers)
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def render_error(exc: EmulatorError) -> Response:
    """The ONE place an emulator error becomes Laravel-style JSON."""
    return json_response(exc.status, exc.body(), exc.headers)


class _Aborted(Response):
    """Sends nothing: the connection was reset; let uvicorn notice before the app returns."""

    def __init__(self) -> None:
        super().__init__(status_code=599)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        for _ in range(3):
            await asyncio.sleep(0)


def _abort(request: Request) -> Response:
    abort: Callable[[], None] | None = request.scope.get("extensions", {}).get(ABORT_EXTENSION)
    if abort is None:  # not served by EmulatorServer's protocol: the closest we can do
        return Response("connection reset emulation unavailable", status_code=500)
    abort()
    return _Aborted()


def _fault_response(rule: FaultRule) -> Response:
    status = rule.status or 500
    headers = {}
    if rule.retry_after is not None:
        value = rule.retry_after
        headers["Retry-After"] = str(int(value)) if float(value).is_integer() else str(value)
    title = f"{status} {STATUS_MESSAGES[status]}"
    if rule.html:
        return Response(
            HTML_PAGE.format(title=title), status_code=status, media_type="text/html", headers=headers
        )
    return json_response(status, {"message": STATUS_MESSAGES[status]}, headers)


# ---------------------------------------------------------------- the public API


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
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequest(f"The request body is not valid JSON: {exc}.") from exc


async def _process(emulator: Emulator, request: Request) -> Response:
    method = request.method
    path = request.scope["path"]
    try:
        handler, params = ROUTER.match(method, path)
        _authenticate(emulator, request)
        body = await _read_body(request) if method in BODY_METHODS else None
        url = request.url
        api_request = ApiRequest(
            tenant=emulator.tenant,
            params=params,
            query=request.query_params.multi_items(),
            body=body,
            url=f"{url.scheme}://{url.netloc}{path}",
        )
        result = handler(api_request)
        if result.mutated:
            emulator.persist()
        return json_response(result.status, result.payload)
    except EmulatorError as exc:
        return render_error(exc)
    except Exception:  # a bug in the emulator: answer like Laravel does in production
        logger.exception("emulator error on %s %s", method, path)
        return render_error(EmulatorError("Server Error"))


async def api_endpoint(request: Request) -> Response:
    emulator: Emulator = request.app.state.emulator
    method, path = request.method, request.scope["path"]
    entry: dict[str, Any] = {
        "method": method,
        "path": path,
        "query": request.scope.get("query_string", b"").decode("latin-1"),
        "status": None,
        "fault": None,
    }
    emulator.requests.append(entry)
    rule = emulator.faults.pick(method, path)
    kind = rule.fault if rule is not None else None
    entry["fault"] = kind
    if rule is not None:
        if kind == "latency":
            await asyncio.sleep(rule.seconds)
        elif kind == "reset_before":
            return _abort(request)
        elif kind == "status":
            entry["status"] = rule.status
            return _fault_response(rule)
        elif kind == "non_json":
            entry["status"] = 200
            return Response(HTML_PAGE.format(title="Welcome"), status_code=200, media_type="text/html")
    response = await _process(emulator, request)
    entry["status"] = response.status_code
    if kind == "reset_after":
        return _abort(request)
    if kind == "no_envelope" and response.status_code < 300 and response.body:
        payload = json.loads(bytes(response.body))
        data = payload.get("data", payload) if isinstance(payload, dict) else payload
        entry["status"] = 200
        return json_response(200, data)
    return response


def create_app(token: str, state_file: str | Path | None = None) -> Starlette:
    """The emulator as an ASGI app. ``app.state.emulator`` is its :class:`Emulator`."""
    from . import admin

    emulator = Emulator(token, state_file)
    app = Starlette(
        routes=[
            Mount("/_emulator", routes=admin.routes()),
            Route("/{path:path}", api_endpoint, methods=API_METHODS),
        ]
    )
    app.state.emulator = emulator
    return app
