"""The admin API under ``/_emulator/`` (no token): reset, state dump/load, request log, faults.

Errors are raised, not rendered: the app's one error handler (``responses.on_error``) answers them.

=========================  ===================================================================
``POST /_emulator/reset``   a new empty tenant; clears faults and the request log
``GET  /_emulator/state``   ``{"<collection>": [objects...]}`` (objects as stored)
``PUT  /_emulator/state``   load such a dump (ids continue after the highest id)
``GET  /_emulator/requests`` ``{"data": [{"method","path","query","status","fault"}...]}``
``DELETE /_emulator/requests`` clear the request log
``POST /_emulator/faults``  ``{"seed": 42, "rules": [...]}`` replaces the rules (see faults.py)
``GET  /_emulator/faults``  the rules with how often each fired
``DELETE /_emulator/faults`` no more faults
``GET  /_emulator/inferred`` every inferred behaviour, per resource
``GET  /_emulator/settings`` ``{"baseTariffs": "per-group" | "tenant-wide"}``
``PUT  /_emulator/settings`` change them: a new empty tenant of that kind (as a reset)
=========================  ===================================================================
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .errors import BadRequest
from .persistence import StateError
from .resources import ALL_INFERRED
from .responses import json_response
from .routes import parse_json_body
from .state import Emulator


def _emulator(request: Request) -> Emulator:
    emulator: Emulator = request.app.state.emulator
    return emulator


async def _json(request: Request) -> Any:
    return parse_json_body(await request.body() or b"{}")


async def reset(request: Request) -> Response:
    _emulator(request).reset()
    return json_response(200, {"message": "The tenant was reset."})


async def get_state(request: Request) -> Response:
    return json_response(200, _emulator(request).tenant.dump())


async def put_state(request: Request) -> Response:
    dump = await _json(request)
    try:
        _emulator(request).load_state(dump)
    except StateError as exc:
        raise BadRequest(f"Invalid state: {exc}") from None
    return json_response(200, {"message": "State loaded."})


async def get_requests(request: Request) -> Response:
    return json_response(200, {"data": list(_emulator(request).requests)})


async def clear_requests(request: Request) -> Response:
    _emulator(request).requests.clear()
    return Response(status_code=204)


async def set_faults(request: Request) -> Response:
    faults = _emulator(request).faults
    faults.configure(await _json(request))
    return json_response(200, faults.to_json())


async def get_faults(request: Request) -> Response:
    return json_response(200, _emulator(request).faults.to_json())


async def clear_faults(request: Request) -> Response:
    _emulator(request).faults.clear()
    return Response(status_code=204)


async def get_settings(request: Request) -> Response:
    return json_response(200, {"baseTariffs": _emulator(request).base_tariffs})


async def put_settings(request: Request) -> Response:
    body = await _json(request)
    if not isinstance(body, dict) or set(body) - {"baseTariffs"}:
        raise BadRequest('Settings are {"baseTariffs": "per-group" | "tenant-wide"}.')
    try:
        _emulator(request).reset(body.get("baseTariffs"))
    except ValueError as exc:
        raise BadRequest(f"{exc}.") from None
    return json_response(200, {"baseTariffs": _emulator(request).base_tariffs})


async def inferred(request: Request) -> Response:
    return json_response(200, ALL_INFERRED)


def routes() -> list[Route]:
    return [
        Route("/reset", reset, methods=["POST"]),
        Route("/state", get_state, methods=["GET"]),
        Route("/state", put_state, methods=["PUT"]),
        Route("/requests", get_requests, methods=["GET"]),
        Route("/requests", clear_requests, methods=["DELETE"]),
        Route("/faults", set_faults, methods=["POST"]),
        Route("/faults", get_faults, methods=["GET"]),
        Route("/faults", clear_faults, methods=["DELETE"]),
        Route("/inferred", inferred, methods=["GET"]),
        Route("/settings", get_settings, methods=["GET"]),
        Route("/settings", put_settings, methods=["PUT"]),
    ]
