"""Fixtures for client tests: a MockTransport-backed client factory that never sleeps."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from _client_kit import MOCK_TENANT, SECRET_TOKEN, Handler, Recorder
from pulumi_ampeco.client import AmpecoClient, RetryPolicy, Timeouts


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def mock_client(recorder: Recorder) -> Iterator[Callable[..., AmpecoClient]]:
    """``mock_client(handler, **RetryPolicy overrides)``: a client over httpx.MockTransport that
    records requests and waits and never sleeps."""
    clients: list[AmpecoClient] = []

    def make(handler: Handler, *, tenant: str = MOCK_TENANT, timeouts: Timeouts | None = None,
             **policy: object) -> AmpecoClient:
        def recording(request: httpx.Request) -> httpx.Response:
            recorder.requests.append(request)
            return handler(request)

        retry = RetryPolicy(sleep=recorder.waits.append, random=lambda: 1.0, **policy)  # type: ignore[arg-type]
        client = AmpecoClient(tenant, SECRET_TOKEN, retry=retry, timeouts=timeouts or Timeouts(),
                              transport=httpx.MockTransport(recording))
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
