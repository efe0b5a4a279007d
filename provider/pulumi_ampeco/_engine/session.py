"""The provider process's connection to its tenant: stack config in, one pooled client out.

The engine starts one provider process per run and unpickles one provider instance per resource
type; all of them share this module's state, so there is one ``httpx`` pool per tenant, built on
first use. Nothing here is ever pickled into state: instances keep only their ``kind``.

Per run (a provider process) it also keeps: the objects created here (``claims``, so that a lost
response is never resolved to another resource's object), each operation's deadline (``operation_timeout``), and whether the tenant accepted
the token (``check_credentials``: one listing of one object, once per run, so that a preview with
a wrong token fails instead of passing without a single API call).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping

from pulumi_ampeco._engine.claims import Claims
from pulumi_ampeco.client import (
    DEFAULT_MAX_CONNECTIONS,
    DEFAULT_OPERATION_TIMEOUT,
    AmpecoClient,
    RetryPolicy,
    Timeouts,
)
from pulumi_ampeco.config import API_TOKEN_ENV, API_TOKEN_KEY, TENANT_URL_ENV, TENANT_URL_KEY, TenantConfig
from pulumi_ampeco.errors import ApiError, ApiTransportError, AuthenticationError, ConfigurationError

# Optional tuning knobs, read from stack config (``pulumi config set ampeco:maxAttempts 8``).
MAX_ATTEMPTS_KEY = "ampeco:maxAttempts"
READ_TIMEOUT_KEY = "ampeco:readTimeoutSeconds"
BACKOFF_BASE_KEY = "ampeco:retryBackoffSeconds"
OPERATION_TIMEOUT_KEY = "ampeco:operationTimeoutSeconds"
SET_CONCURRENCY_KEY = "ampeco:setConcurrency"
CONFIG_KEYS = (TENANT_URL_KEY, API_TOKEN_KEY, MAX_ATTEMPTS_KEY, READ_TIMEOUT_KEY, BACKOFF_BASE_KEY,
               OPERATION_TIMEOUT_KEY, SET_CONCURRENCY_KEY)
MAX_SET_CONCURRENCY = DEFAULT_MAX_CONNECTIONS
"""A set's member operations in flight at once cannot usefully exceed the client's connection pool."""

_lock = threading.Lock()
_stack_config: dict[str, str] = {}
_clients: dict[tuple[str, str, tuple[str, ...]], AmpecoClient] = {}
# Every API call asks for the client: remember which one the current config and environment give
# (resolving and validating them again costs more than a loopback round trip's worth of Python).
_last: tuple[tuple[object, ...], AmpecoClient] | None = None
_configured = False
_claims = Claims()
_credentials: dict[int, ApiError | None] = {}
"""id(client) -> the outcome of its credential check (None: accepted)."""
_credentials_lock = threading.Lock()


def configure(values: Mapping[str, str | None]) -> None:
    """Remember the stack config the engine sent (called from ``ResourceProvider.configure``)."""
    global _configured
    with _lock:
        _stack_config.clear()
        _stack_config.update({k: v for k, v in values.items() if v is not None})
        _configured = True


def start_run() -> None:
    """Forget the run before: its stack config, its claims, its credential check.

    Under the real engine a provider process serves one run, so this never happens there; the
    imitation engine (tests/_harness) reuses one process for many runs and calls it between them,
    so that they see what a fresh process would. Pooled clients stay open (they hold no run's state).
    """
    global _configured, _claims
    with _lock:
        _stack_config.clear()
        _configured = False
        _claims = Claims()
    with _credentials_lock:
        _credentials.clear()


def configured() -> bool:
    """Whether the engine configured this process (a provider used in-process never is)."""
    return _configured


def claims() -> Claims:
    """The objects this provider process created."""
    return _claims


def _config_number(key: str, parse: Callable[[str], float], valid: Callable[[float], bool], wanted: str) -> float | None:
    """A numeric stack config value, None when unset; a bad one is a ConfigurationError naming it."""
    with _lock:
        value = _stack_config.get(key)
    if not value:
        return None
    try:
        number = parse(value)
    except ValueError:
        number = None
    if number is None or not valid(number):
        raise ConfigurationError(f"{key} must be {wanted}, got {value!r}")
    return number


def operation_timeout() -> float:
    """Seconds one provider operation may take, every call, retry and wait in it included."""
    seconds = _config_number(OPERATION_TIMEOUT_KEY, float, lambda v: v > 0, "a positive number of seconds")
    return DEFAULT_OPERATION_TIMEOUT if seconds is None else seconds


def set_concurrency(default: int) -> int:
    """How many member operations of a set (``IdTagSet``) run at once: ``ampeco:setConcurrency``,
    1 to MAX_SET_CONCURRENCY, else ``default``."""
    count = _config_number(SET_CONCURRENCY_KEY, int, lambda v: 1 <= v <= MAX_SET_CONCURRENCY,
                           f"a whole number from 1 to {MAX_SET_CONCURRENCY}")
    return default if count is None else int(count)


def check_credentials(client: AmpecoClient, path: str) -> None:
    """Raise the tenant's refusal of the token, asking it once per client (so once per run).

    Costs one GET of ``path`` for one object, and nothing when another call of this client already
    succeeded. A 401 (and a tenant that cannot be reached) is raised to the first caller only: that
    one error fails the run, and the checks of the other resources do not repeat it. A 403 means
    the token is valid (it may only not read ``path``); any other failure is left to the calls
    that follow.
    """
    if client.authenticated:
        return
    with _credentials_lock:
        key = id(client)
        if key in _credentials:
            return
        outcome = _credentials[key] = _probe(client, path)
    if outcome is not None:
        raise outcome


def _probe(client: AmpecoClient, path: str) -> ApiError | None:
    try:
        next(iter(client.list(path, per_page=1)), None)
    except (AuthenticationError, ApiTransportError) as exc:
        return exc
    except ApiError:
        pass  # 403 (valid token), 5xx, a strange answer: not the token's fault
    return None


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


def close_clients() -> None:
    """Close every pooled client (their sockets); the next call builds a new one. For a process's end."""
    global _last
    with _lock:
        clients, _last = list(_clients.values()), None
        _clients.clear()
    for each in clients:
        each.close()


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
