"""Where the tenant comes from: stack config first, then the environment, else one clear error."""

from __future__ import annotations

import pulumi_ampeco as ampeco
import pytest
from _harness import DeploymentError, Engine, ProviderProcess
from ampeco_emulator import EmulatorServer


def one_tag() -> None:
    ampeco.IdTag("card", id_tag_uid="04CF0001", status="enabled", type="rfid")


def test_missing_tenant_configuration_is_one_actionable_error() -> None:
    with ProviderProcess(project="cfg") as process:
        engine = Engine(process, project="cfg", stack="dev", config={})
        with pytest.raises(DeploymentError) as failed:
            engine.up(one_tag)
    message = str(failed.value)
    assert "ampeco:tenantUrl" in message and "AMPECO_TENANT_URL" in message
    assert "ampeco:apiToken" in message and "AMPECO_API_TOKEN" in message


def test_environment_is_used_when_stack_config_is_absent(tenant: EmulatorServer) -> None:
    env = {"AMPECO_TENANT_URL": tenant.url, "AMPECO_API_TOKEN": tenant.token}
    with ProviderProcess(project="cfg", env=env) as process:
        engine = Engine(process, project="cfg", stack="dev", config={})
        assert engine.up(one_tag).ops() == {"create": 1}


def test_stack_config_wins_over_the_environment(tenant: EmulatorServer) -> None:
    env = {"AMPECO_TENANT_URL": "http://127.0.0.1:9", "AMPECO_API_TOKEN": "wrong-token"}
    config = {"ampeco:tenantUrl": tenant.url, "ampeco:apiToken": tenant.token}
    with ProviderProcess(project="cfg", env=env) as process:
        engine = Engine(process, project="cfg", stack="dev", config=config, secret_config_keys=("ampeco:apiToken",))
        assert engine.up(one_tag).ops() == {"create": 1}
