"""Responses: JSON bodies, and the ONE place an error becomes a response (Laravel's shape).

``on_error`` is the exception handler of the whole app, public API and admin API alike: an
emulator error renders as ``{"message": ..., "errors": ...}`` with its status, Starlette's own
routing errors (an unknown admin path, a wrong method there) the same way, and anything else, a
bug in the emulator, as Laravel answers in production: 500 ``{"message": "Server Error"}``.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from .errors import EmulatorError

__all__ = ["ERROR_HANDLERS", "json_response", "on_error", "render_error"]

logger = logging.getLogger("ampeco_emulator")


def json_response(status: int, payload: Any, headers: dict[str, str] | None = None) -> Response:
    if status == 204 or (status == 202 and payload is None):  # deleted; an action accepted (no body)
        return Response(status_code=status, headers=headers)
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def render_error(exc: EmulatorError) -> Response:
    return json_response(exc.status, exc.body(), exc.headers)


async def on_error(request: Request, exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        error = EmulatorError(exc.detail, headers=dict(exc.headers or {}))
        error.status = exc.status_code
        exc = error
    if not isinstance(exc, EmulatorError):
        logger.exception("emulator error on %s %s", request.method, request.url.path, exc_info=exc)
        exc = EmulatorError("Server Error")
    return render_error(exc)


ERROR_HANDLERS: dict[Any, Any] = {HTTPException: on_error, Exception: on_error}
"""For ``ExceptionMiddleware``: every exception goes through ``on_error`` (Starlette's own
HTTPException is named too, as the middleware would otherwise answer it in plain text)."""
