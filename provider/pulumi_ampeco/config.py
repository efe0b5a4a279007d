"""Where the tenant URL and API token come from: stack config, then environment, else an error.

=====================  ===========================  =====================
value                  stack config (first)         environment (second)
=====================  ===========================  =====================
tenant URL             ``ampeco:tenantUrl``         ``AMPECO_TENANT_URL``
API token              ``ampeco:apiToken`` secret   ``AMPECO_API_TOKEN``
=====================  ===========================  =====================
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from typing import NoReturn

from pulumi_ampeco.client._auth import validate_token
from pulumi_ampeco.client._config import normalize_tenant_url
from pulumi_ampeco.errors import ConfigurationError

__all__ = [
    "API_TOKEN_ENV",
    "API_TOKEN_KEY",
    "TENANT_URL_ENV",
    "TENANT_URL_KEY",
    "TenantConfig",
]

TENANT_URL_KEY = "ampeco:tenantUrl"
API_TOKEN_KEY = "ampeco:apiToken"
TENANT_URL_ENV = "AMPECO_TENANT_URL"
API_TOKEN_ENV = "AMPECO_API_TOKEN"

_HOW_TO = {
    TENANT_URL_KEY: f"pulumi config set {TENANT_URL_KEY} https://<your-tenant>.ampeco.com",
    API_TOKEN_KEY: f"pulumi config set --secret {API_TOKEN_KEY} <token>",
}
_ENV = {TENANT_URL_KEY: TENANT_URL_ENV, API_TOKEN_KEY: API_TOKEN_ENV}

TOKEN_HINT = (f"the API token comes from the secret stack config {API_TOKEN_KEY} "
              f"(`{_HOW_TO[API_TOKEN_KEY]}`), else the environment variable {API_TOKEN_ENV}")
"""What a person needs to know after a 401: where the token that was refused came from."""


def _from_config(config: Mapping[str, str] | None, key: str) -> str | None:
    """The value under ``ampeco:x`` (or Pulumi's internal ``ampeco:config:x``), if non-empty."""
    if not config:
        return None
    namespace, name = key.split(":", 1)
    for candidate in (key, f"{namespace}:config:{name}"):
        value = config.get(candidate)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _from_env(key: str) -> str | None:
    value = os.environ.get(_ENV[key])
    return value if value and value.strip() else None


@dataclasses.dataclass(frozen=True, repr=False)
class TenantConfig:
    """The tenant to talk to: a normalized URL (no trailing slash) and the API token."""

    url: str
    token: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", normalize_tenant_url(self.url, setting=TENANT_URL_KEY))
        object.__setattr__(self, "token", validate_token(self.token))

    @classmethod
    def resolve(cls, config: Mapping[str, str] | None = None) -> TenantConfig:
        """Each value from the stack config mapping first, then the environment.

        Raises ConfigurationError naming every missing value and both ways to set it.
        """
        found: dict[str, tuple[str, str]] = {}
        missing: list[str] = []
        for key in (TENANT_URL_KEY, API_TOKEN_KEY):
            if (value := _from_config(config, key)) is not None:
                found[key] = (value, key)
            elif (value := _from_env(key)) is not None:
                found[key] = (value, _ENV[key])
            else:
                missing.append(key)
        if missing:
            # One line: the engine and most CI logs show a provider error's last line first.
            what = " and ".join("tenant URL" if k == TENANT_URL_KEY else "API token" for k in missing)
            commands = " and ".join(f"`{_HOW_TO[k]}`" for k in missing)
            env = " and ".join(_ENV[k] for k in missing)
            verb = "is" if len(missing) == 1 else "are"
            raise ConfigurationError(f"AMPECO {what} {verb} not set: run {commands}, or set {env} in the environment.")
        url, url_source = found[TENANT_URL_KEY]
        token, token_source = found[API_TOKEN_KEY]
        try:
            token = validate_token(token)
        except ConfigurationError as exc:
            raise ConfigurationError(f"{token_source}: {exc}") from None
        return cls(normalize_tenant_url(url, setting=url_source), token)

    def __repr__(self) -> str:
        return f"TenantConfig(url={self.url!r}, token='***')"

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        raise TypeError("TenantConfig is not picklable: it would write the API token out")
