"""The provider process's connection to its tenant: stack config in, one pooled client out.

The engine starts one provider process per run and unpickles one provider instance per resource
type; all of them share this module's state, so there is one ``httpx`` pool per tenant, built on
first use. Nothing here is ever pickled into state: instances keep only their ``kind``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping

from pulumi_ampeco.client import AmpecoClient, RetryPolicy, Timeouts
from pulumi_ampeco.config import API_TOKEN_ENV, API_TOKEN_KEY, TENANT_URL_ENV, TENANT_URL_KEY, TenantConfig

# Optional tuning knobs, read from stack config (``pulumi config set ampeco:maxAttempts 8``).
MAX_ATTEMPTS_KEY = "ampeco:maxAttempts"
READ_TIMEOUT_KEY = "ampeco:readTimeoutSeconds"
BACKOFF_BASE_KEY = "ampeco:retryBackoffSeconds"
CONFIG_KEYS = (TENANT_URL_KEY, API_TOKEN_KEY, MAX_ATTEMPTS_KEY, READ_TIMEOUT_KEY, BACKOFF_BASE_KEY)

_lock = threading.Lock()
_stack_config: dict[str, str] = {}
_clients: dict[tuple[str, str, tuple[str, ...]], AmpecoClient] = {}
# Every API call asks for the client: remember which one the current config and environment give
# (resolving and validating them again costs more than a loopback round trip's worth of Python).
_last: tuple[tuple[object, ...], AmpecoClient] | None = None


def configure(values: Mapping[str, str | None]) -> None:
    """Remember the stack config the engine sent (called from ``ResourceProvider.configure``)."""
    with _lock:
        _stack_config.clear()
        _stack_config.update({k: v for k, v in values.items() if v is not None})


def client() -> AmpecoClient:
    """The shared client for the configured tenant; raises ConfigurationError when there is none."""
    global _last
    with _lock:
        config = dict(_stack_config)
        inputs = (*config.items(), os.environ.get(TENANT_URL_ENV), os.environ.get(API_TOKEN_ENV))
        if _last is not None and _last[0] == inputs and not _last[1].closed:
            return _last[1]
    tenant = TenantConfig.resolve(config)
    tuning = tuple(config.get(k, "") for k in (MAX_ATTEMPTS_KEY, READ_TIMEOUT_KEY, BACKOFF_BASE_KEY))
    key = (tenant.url, tenant.token, tuning)
    with _lock:
        found = _clients.get(key)
        if found is None or found.closed:
            found = _clients[key] = AmpecoClient(
                tenant.url, tenant.token, timeouts=_timeouts(config), retry=_retry(config)
            )
        _last = (inputs, found)
        return found


def _timeouts(config: Mapping[str, str]) -> Timeouts:
    read = config.get(READ_TIMEOUT_KEY)
    return Timeouts(read=float(read)) if read else Timeouts()


def _retry(config: Mapping[str, str]) -> RetryPolicy:
    kwargs: dict[str, float | int] = {}
    if attempts := config.get(MAX_ATTEMPTS_KEY):
        kwargs["max_attempts"] = int(attempts)
    if base := config.get(BACKOFF_BASE_KEY):
        kwargs["backoff_base"] = float(base)
    return RetryPolicy(**kwargs)  # type: ignore[arg-type]
