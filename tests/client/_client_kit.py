"""Shared helpers for the client tests (imported by conftest and test modules)."""

from __future__ import annotations

from collections.abc import Callable

import httpx

# Recognisable in any message it might leak into.
SECRET_TOKEN = "SECRET-tok-7c1d9e-DO-NOT-PRINT"
MOCK_TENANT = "https://tenant.example.test"

Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """Records each request the mock transport saw and each wait the policy computed."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.waits: list[float] = []

    @property
    def count(self) -> int:
        return len(self.requests)


def sequence(*steps: httpx.Response | Exception) -> Handler:
    """A handler answering with each step in turn (an exception is raised); the last repeats."""
    remaining = list(steps)

    def handler(request: httpx.Request) -> httpx.Response:
        step = remaining.pop(0) if len(remaining) > 1 else remaining[0]
        if isinstance(step, Exception):
            raise type(step)(str(step), request=request)  # type: ignore[call-arg]
        return httpx.Response(step.status_code, headers=step.headers, content=step.content)

    return handler


def data(obj: object, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json={"data": obj})
