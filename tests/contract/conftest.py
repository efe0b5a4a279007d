"""Contract-test fixtures: an authenticated client for the emulator that checks every exchange
against the official spec as it happens."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from ampeco_emulator import EmulatorServer

from contract import _contract_kit as kit


@pytest.fixture(scope="session")
def contract_spec() -> dict:
    return kit.contract()


class Exchanges:
    """Every request/response an httpx client made, with what the spec says about each."""

    def __init__(self) -> None:
        self.seen: list[httpx.Response] = []

    def hook(self, response: httpx.Response) -> None:
        response.read()
        self.seen.append(response)

    def violations(self, *, requests: bool = True, responses: bool = True) -> list[kit.Violation]:
        """Every response checked; a request only when it succeeded (the 4xx ones are meant to be bad)."""
        found: list[kit.Violation] = []
        for response in self.seen:
            if requests and response.is_success:
                found += kit.request_violations(response.request)
            if responses:
                found += kit.response_violations(response)
        return found

    def operations(self) -> set[tuple[str, str]]:
        return {op for r in self.seen if (op := kit.template_of(r.request.method, r.request.url.path))}

    def statuses(self) -> set[tuple[str, str, int]]:
        out = set()
        for r in self.seen:
            op = kit.template_of(r.request.method, r.request.url.path)
            if op:
                out.add((*op, r.status_code))
        return out


@pytest.fixture
def exchanges() -> Exchanges:
    return Exchanges()


@pytest.fixture
def api(tenant: EmulatorServer, exchanges: Exchanges) -> Iterator[httpx.Client]:
    kit.openapi()  # fail (or skip) before any request when the spec is missing
    with httpx.Client(base_url=tenant.url, headers={"Authorization": f"Bearer {tenant.token}"},
                      event_hooks={"response": [exchanges.hook]}, timeout=10) as client:
        yield client
