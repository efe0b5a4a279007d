"""Fixtures of the reliability tests: the admin API, a non-sleeping client, the provider process."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from _harness import Engine, ProviderProcess
from _reliability_kit import Admin, make_client
from ampeco_emulator import EmulatorServer
from pulumi_ampeco.client import AmpecoClient

TOKEN_KEY = "ampeco:apiToken"
URL_KEY = "ampeco:tenantUrl"


@pytest.fixture
def admin(tenant: EmulatorServer) -> Admin:
    return Admin(tenant.url)


@pytest.fixture
def client(tenant: EmulatorServer) -> Iterator[AmpecoClient]:
    with make_client(tenant.url, tenant.token) as made:
        yield made


@pytest.fixture(scope="session")
def provider_process() -> Iterator[ProviderProcess]:
    with ProviderProcess(project="reliability") as process:
        yield process


@pytest.fixture
def make_engine(provider_process: ProviderProcess, tenant: EmulatorServer) -> Callable[..., Engine]:
    """``make_engine(**extra stack config)``: an engine on the tenant whose retries barely wait."""

    def make(**extra: str) -> Engine:
        config = {URL_KEY: tenant.url, TOKEN_KEY: tenant.token, "ampeco:retryBackoffSeconds": "0.01", **extra}
        return Engine(provider_process, project="reliability", stack="dev", config=config,
                      secret_config_keys=(TOKEN_KEY,))

    return make


@pytest.fixture
def fresh_engine(tenant: EmulatorServer) -> Iterator[Callable[..., Engine]]:
    """``fresh_engine(**stack config)``: an engine on its own new provider process.

    The dynamic provider server configures each provider once per process, so a test that needs
    other config (a wrong token, another URL, other retry settings) needs its own process.
    ``ampeco:tenantUrl`` and ``ampeco:apiToken`` default to the emulator's.
    """
    processes: list[ProviderProcess] = []

    def make(**config: str) -> Engine:
        process = ProviderProcess(project="reliability").start()
        processes.append(process)
        full = {URL_KEY: tenant.url, TOKEN_KEY: tenant.token, **config}
        return Engine(process, project="reliability", stack="dev", config=full, secret_config_keys=(TOKEN_KEY,))

    yield make
    for process in processes:
        process.stop()
