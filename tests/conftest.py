"""Shared fixtures: one emulator per test session on a free port (a real socket), reset before each test;
the real Pulumi CLI and the virtualenv its programs run in, for the tests that go through it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from _harness.real_cli import ROOT, RealEngine, cli_or_skip, program_venv
from ampeco_emulator import EmulatorServer
from pulumi_ampeco.client import NO_BACKOFF_ENV

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
    """Tests never see a developer's real tenant; and no retry waits of the default sleep are slept,
    here or in the provider processes and CLIs the test starts (tests that measure waits give the
    policy their own ``sleep``)."""
    for name in list(os.environ):
        if name.startswith("AMPECO_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv(NO_BACKOFF_ENV, "1")


@pytest.fixture
def tenant(emulator: EmulatorServer) -> Iterator[EmulatorServer]:
    """The emulator, emptied (state, faults, request log) before the test."""
    httpx.post(f"{emulator.url}/_emulator/reset").raise_for_status()
    yield emulator


@pytest.fixture(scope="session")
def pulumi_cli() -> Path:
    """The directory of the pinned `pulumi` (skips without it; fails where AMPECO_REQUIRE_REAL_ENGINE is set)."""
    return cli_or_skip()


@pytest.fixture(scope="session")
def real_program_venv(pulumi_cli: Path) -> Path:
    """A virtualenv with this checkout installed as a wheel: what real programs and their provider run in."""
    return program_venv(ROOT / ".tools" / "e2e")


@pytest.fixture
def make_real_engine(pulumi_cli: Path, real_program_venv: Path, tenant: EmulatorServer,
                     tmp_path: Path) -> Callable[..., RealEngine]:
    """A new Pulumi project + stack on the real CLI, configured for the emulated tenant."""
    made = 0

    def make(**kwargs: Any) -> RealEngine:
        nonlocal made
        made += 1
        settings = {"tenant_url": tenant.url, "token": tenant.token, **kwargs}
        return RealEngine(pulumi_cli, real_program_venv, tmp_path / f"real-{made}", **settings)

    return make


@pytest.fixture(scope="session", autouse=True)
def _pooled_clients_closed() -> Iterator[None]:
    """Tests that call the engine in-process share its pooled clients; their sockets close at the end."""
    yield
    from pulumi_ampeco._engine import session

    session.close_clients()
