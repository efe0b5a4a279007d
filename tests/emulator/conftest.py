"""Fixtures for the emulator contract tests: an httpx client with the token, and object factories."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from _emulator_kit import Factory
from ampeco_emulator import EmulatorServer


@pytest.fixture(scope="session")
def _api_client(emulator: EmulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=emulator.url,
        headers={"Authorization": f"Bearer {emulator.token}", "Accept": "application/json"},
        timeout=10,
    ) as client:
        yield client


@pytest.fixture(scope="session")
def _admin_client(emulator: EmulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"{emulator.url}/_emulator", timeout=10) as client:
        yield client


@pytest.fixture
def api(tenant: EmulatorServer, _api_client: httpx.Client) -> httpx.Client:
    """A client for the emptied emulator, authenticated like a real integration."""
    return _api_client


@pytest.fixture
def admin(tenant: EmulatorServer, _admin_client: httpx.Client) -> httpx.Client:
    """A client for the admin API (``/_emulator``) of the emptied emulator."""
    return _admin_client


@pytest.fixture
def make(api: httpx.Client) -> Factory:
    return Factory(api)
