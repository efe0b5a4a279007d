"""TenantConfig.resolve: stack config first, then environment, else an actionable error."""

from __future__ import annotations

import pickle

import pytest
from _client_kit import SECRET_TOKEN
from ampeco_emulator import EmulatorServer
from pulumi_ampeco.client import normalize_tenant_url
from pulumi_ampeco.config import TenantConfig
from pulumi_ampeco.errors import ConfigurationError

URL = "https://example.ampeco.com"


@pytest.fixture(autouse=True)
def _no_ampeco_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AMPECO_TENANT_URL", raising=False)
    monkeypatch.delenv("AMPECO_API_TOKEN", raising=False)


def test_resolve_reads_stack_config_keys() -> None:
    config = TenantConfig.resolve({"ampeco:tenantUrl": URL + "/", "ampeco:apiToken": SECRET_TOKEN})
    assert config == TenantConfig(URL, SECRET_TOKEN)
    assert config.url == URL


def test_resolve_accepts_pulumis_internal_config_key_form() -> None:
    config = TenantConfig.resolve({"ampeco:config:tenantUrl": URL, "ampeco:config:apiToken": SECRET_TOKEN})
    assert config.url == URL and config.token == SECRET_TOKEN


def test_resolve_falls_back_to_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AMPECO_TENANT_URL", URL)
    monkeypatch.setenv("AMPECO_API_TOKEN", SECRET_TOKEN + "\n")
    assert TenantConfig.resolve(None) == TenantConfig(URL, SECRET_TOKEN)


def test_stack_config_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AMPECO_TENANT_URL", "https://env.example")
    monkeypatch.setenv("AMPECO_API_TOKEN", "env-token")
    config = TenantConfig.resolve({"ampeco:tenantUrl": URL, "ampeco:apiToken": SECRET_TOKEN})
    assert config == TenantConfig(URL, SECRET_TOKEN)


def test_each_value_resolves_independently(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AMPECO_API_TOKEN", SECRET_TOKEN)
    assert TenantConfig.resolve({"ampeco:tenantUrl": URL}) == TenantConfig(URL, SECRET_TOKEN)


def test_empty_stack_config_value_counts_as_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AMPECO_TENANT_URL", URL)
    monkeypatch.setenv("AMPECO_API_TOKEN", SECRET_TOKEN)
    assert TenantConfig.resolve({"ampeco:tenantUrl": "", "ampeco:apiToken": " "}).url == URL


def test_missing_everything_names_both_ways_to_set_both_values() -> None:
    with pytest.raises(ConfigurationError) as info:
        TenantConfig.resolve({})
    message = str(info.value)
    assert "pulumi config set ampeco:tenantUrl https://" in message
    assert "pulumi config set --secret ampeco:apiToken" in message
    assert "AMPECO_TENANT_URL" in message and "AMPECO_API_TOKEN" in message


def test_missing_token_only_names_the_token() -> None:
    with pytest.raises(ConfigurationError) as info:
        TenantConfig.resolve({"ampeco:tenantUrl": URL})
    message = str(info.value)
    assert "API token is not set" in message and "--secret ampeco:apiToken" in message
    assert "AMPECO_API_TOKEN" in message and "ampeco:tenantUrl" not in message


def test_malformed_url_names_where_it_came_from(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AMPECO_TENANT_URL", "example.ampeco.com")
    with pytest.raises(ConfigurationError, match="AMPECO_TENANT_URL.*did you mean https://example"):
        TenantConfig.resolve({"ampeco:apiToken": SECRET_TOKEN})
    with pytest.raises(ConfigurationError, match="ampeco:tenantUrl.*https://"):
        TenantConfig.resolve({"ampeco:tenantUrl": "ftp://x", "ampeco:apiToken": SECRET_TOKEN})


def test_token_with_inner_whitespace_is_refused_without_echo() -> None:
    with pytest.raises(ConfigurationError, match="ampeco:apiToken") as info:
        TenantConfig.resolve({"ampeco:tenantUrl": URL, "ampeco:apiToken": "SECRET part two"})
    assert "SECRET part two" not in str(info.value)


def test_repr_and_str_mask_the_token_and_pickling_is_refused() -> None:
    config = TenantConfig(URL, SECRET_TOKEN)
    assert repr(config) == "TenantConfig(url='https://example.ampeco.com', token='***')"
    assert SECRET_TOKEN not in str(config)
    with pytest.raises(TypeError, match="not picklable"):
        pickle.dumps(config)


@pytest.mark.parametrize("given", ["https://example.ampeco.com/public-api", "https://example.ampeco.com/public-api/",
                                   "https://example.ampeco.com/Public-API"])
def test_tenant_url_given_as_the_api_base_means_the_tenant(given: str) -> None:
    assert normalize_tenant_url(given) == "https://example.ampeco.com"


def test_tenant_url_pointing_into_the_api_is_refused_with_the_url_to_use() -> None:
    with pytest.raises(ConfigurationError) as failed:
        normalize_tenant_url("https://example.ampeco.com/public-api/resources/id-tags/v2.0", setting="ampeco:tenantUrl")
    assert "ampeco:tenantUrl must be the tenant's address, not an API path" in str(failed.value)
    assert "use 'https://example.ampeco.com'" in str(failed.value)


def test_api_base_tenant_url_reaches_the_api(tenant: EmulatorServer) -> None:
    """Before: "The route public-api/public-api/resources/... could not be found"."""
    from pulumi_ampeco.client import AmpecoClient

    with AmpecoClient(f"{tenant.url}/public-api", tenant.token) as client:
        assert list(client.list("/public-api/resources/id-tags/v2.0")) == []
