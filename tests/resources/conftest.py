"""Resource tests go program -> real provider process -> emulator over real sockets, and back."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from _harness import Engine, ProviderProcess
from ampeco_emulator import EmulatorServer

from resources.tests_support import TenantApi

TOKEN_KEY = "ampeco:apiToken"


@pytest.fixture(scope="session")
def provider_process() -> Iterator[ProviderProcess]:
    with ProviderProcess(project="lifecycle") as process:
        yield process


@pytest.fixture
def engine(provider_process: ProviderProcess, tenant: EmulatorServer) -> Engine:
    config = {"ampeco:tenantUrl": tenant.url, TOKEN_KEY: tenant.token}
    return Engine(provider_process, project="lifecycle", stack="dev", config=config,
                  secret_config_keys=(TOKEN_KEY,))


@pytest.fixture
def api(tenant: EmulatorServer) -> Iterator[TenantApi]:
    with httpx.Client(base_url=tenant.url, headers={"Authorization": f"Bearer {tenant.token}"}) as client:
        yield TenantApi(client)
