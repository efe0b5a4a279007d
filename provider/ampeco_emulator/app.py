"""The Starlette app: the admin API, the request log and fault injection, then the public API.

Order for a request outside ``/_emulator/`` (as Laravel behind a proxy does it): logged ->
fault injection (the proxy in front of the tenant) -> the public API's routes (``routes.py``:
404 / 405, token, body, handler). Everything under ``/_emulator/`` is the admin API
(``admin.py``). Every error, wherever raised, becomes a response in ``responses.on_error``.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware.exceptions import ExceptionMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import admin
from .faults import HTML_PAGE, STATUS_MESSAGES, FaultRule
from .responses import ERROR_HANDLERS, json_response, render_error
from .routes import api_router
from .state import REQUEST_LOG_LIMIT, Emulator

__all__ = ["ABORT_EXTENSION", "REQUEST_LOG_LIMIT", "Emulator", "create_app", "json_response", "render_error"]

ABORT_EXTENSION = "ampeco.abort"  # scope["extensions"][...]: a callable resetting the TCP connection


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


class _Captured:
    """An inner app's response, held back so a fault can replace or drop it."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def send(self, message: Message) -> None:
        self.messages.append(message)

    @property
    def status(self) -> int:
        return int(next(m["status"] for m in self.messages if m["type"] == "http.response.start"))

    @property
    def body(self) -> bytes:
        return b"".join(m.get("body", b"") for m in self.messages if m["type"] == "http.response.body")


class LoggedAndFaulted:
    """The public API behind the request log and the fault injector (a proxy in front of the tenant)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        emulator: Emulator = scope["app"].state.emulator
        emulator.in_flight += 1
        try:
            await self._serve(scope, receive, send, emulator)
        finally:
            emulator.in_flight -= 1

    async def _serve(self, scope: Scope, receive: Receive, send: Send, emulator: Emulator) -> None:
        request = Request(scope, receive)
        method, path = request.method, scope["path"]
        entry: dict[str, Any] = {
            "method": method,
            "path": path,
            "query": scope.get("query_string", b"").decode("latin-1"),
            "status": None,
            "fault": None,
            "in_flight": emulator.in_flight,  # requests being served when this one arrived, itself included
        }
        emulator.requests.append(entry)
        rule = emulator.faults.pick(method, path)
        kind = rule.fault if rule is not None else None
        entry["fault"] = kind
        if rule is not None:
            early: Response | None = None
            if kind == "latency":
                await asyncio.sleep(rule.seconds)
            elif kind == "reset_before":
                early = _abort(request)
            elif kind == "status":
                entry["status"] = rule.status
                early = _fault_response(rule)
            elif kind == "non_json":
                entry["status"] = 200
                early = Response(HTML_PAGE.format(title="Welcome"), status_code=200, media_type="text/html")
            if early is not None:
                await early(scope, receive, send)
                return
        captured = _Captured()
        await self.app(scope, receive, captured.send)
        entry["status"] = captured.status
        if kind == "reset_after":
            await _abort(request)(scope, receive, send)
            return
        if kind == "no_envelope" and captured.status < 300 and captured.body:
            payload = json.loads(captured.body)
            data = payload.get("data", payload) if isinstance(payload, dict) else payload
            entry["status"] = 200
            await json_response(200, data)(scope, receive, send)
            return
        for message in captured.messages:
            await send(message)


def _with_errors(app: ASGIApp) -> ASGIApp:
    """``app`` with every exception rendered by ``responses.on_error``."""
    return ExceptionMiddleware(app, handlers=ERROR_HANDLERS)


def create_app(token: str, state_file: str | Path | None = None, base_tariffs: str = "per-group") -> Starlette:
    """The emulator as an ASGI app. ``app.state.emulator`` is its :class:`Emulator`.

    ``base_tariffs``: ``per-group`` or ``tenant-wide`` (``store.BASE_TARIFF_MODES``).
    """
    app = Starlette(routes=[
        Mount("/_emulator", app=_with_errors(Router(admin.routes()))),
        Mount("", app=LoggedAndFaulted(_with_errors(api_router()))),
    ])
    app.state.emulator = Emulator(token, state_file, base_tariffs)
    return app
