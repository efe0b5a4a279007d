"""Shared fixtures: one emulator per test session on a free port (a real socket), reset before each test."""

from __future__ import annotations

import os
from collections.abc import Iterator

import httpx
import pytest
from ampeco_emulator import EmulatorServer

TEST_TOKEN = "test-token-5f2b9c1e"


@pytest.fixture(scope="session")
def emulator() -> Iterator[EmulatorServer]:
    server = EmulatorServer(token=TEST_TOKEN, port=0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see a developer's real tenant."""
    for name in list(os.environ):
        if name.startswith("AMPECO_"):
            monkeypatch.delenv(name)


@pytest.fixture
def tenant(emulator: EmulatorServer) -> Iterator[EmulatorServer]:
    """The emulator, emptied (state, faults, request log) before the test."""
    httpx.post(f"{emulator.url}/_emulator/reset").raise_for_status()
    yield emulator
