"""Every default of the client, named, and the two config objects built from them.

``Timeouts`` says how long one HTTP attempt may take; ``RetryPolicy`` says which failures are
tried again, how long to wait between tries, and when to give up. Both are frozen, compare by
value, and print readably::

    >>> Timeouts(read=60)
    Timeouts(connect=5.0, read=60.0, write=30.0, pool=10.0)
    >>> RetryPolicy(max_attempts=3)
    RetryPolicy(max_attempts=3, max_total_seconds=60.0, backoff_base=0.25, backoff_cap=8.0, retry_after_cap=30.0)

Tests remove the sleeping without touching anything else::

    waits: list[float] = []
    RetryPolicy(sleep=waits.append)      # records each computed wait instead of sleeping
    DEFAULT_RETRY.without_waiting()      # same policy, sleeps nothing
    set_testing(True)                    # every policy with the default sleep sleeps nothing
                                         # (AMPECO_NO_BACKOFF=1 does it for a whole process tree)

Above the retries of one call sits the deadline of one operation (``_deadline``,
``DEFAULT_OPERATION_TIMEOUT``), which the transport respects too.
"""

from __future__ import annotations

import dataclasses
import os
import random
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from pulumi_ampeco.errors import ConfigurationError

__all__ = [
    "DEFAULT_BACKOFF_BASE",
    "DEFAULT_BACKOFF_CAP",
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_MAX_ATTEMPTS",
    "DEFAULT_MAX_CONNECTIONS",
    "DEFAULT_MAX_KEEPALIVE_CONNECTIONS",
    "DEFAULT_MAX_TOTAL_SECONDS",
    "DEFAULT_OPERATION_TIMEOUT",
    "DEFAULT_PER_PAGE",
    "DEFAULT_POOL_TIMEOUT",
    "DEFAULT_READ_TIMEOUT",
    "DEFAULT_RETRY",
    "DEFAULT_RETRY_AFTER_CAP",
    "DEFAULT_TIMEOUTS",
    "DEFAULT_WRITE_TIMEOUT",
    "MAX_PER_PAGE",
    "NO_BACKOFF_ENV",
    "NO_RETRY",
    "RETRYABLE_STATUSES",
    "RetryPolicy",
    "Timeouts",
    "normalize_tenant_url",
    "set_testing",
]

# --- timeouts (seconds, per attempt) -------------------------------------------------------
DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_READ_TIMEOUT = 30.0
DEFAULT_WRITE_TIMEOUT = 30.0
DEFAULT_POOL_TIMEOUT = 10.0

# --- retries ----------------------------------------------------------------------------------
DEFAULT_MAX_ATTEMPTS = 5            # requests per call, the first one included
DEFAULT_MAX_TOTAL_SECONDS = 60.0    # no new attempt starts (and no wait begins) past this
DEFAULT_BACKOFF_BASE = 0.25         # first backoff ceiling; doubles per retry ("full jitter")
DEFAULT_BACKOFF_CAP = 8.0           # ceiling of any backoff wait
DEFAULT_RETRY_AFTER_CAP = 30.0      # a server's Retry-After is honoured up to this
# 500 too: GET/PUT/PATCH/DELETE are idempotent, and a tenant's transient 500 would otherwise fail the
# whole run. POST: only 429 (rejected before work); a POST 5xx is ambiguous (AmbiguousWriteError).
RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})

# --- one provider operation (a create, an update, ...: every call, attempt and wait in it) ------
DEFAULT_OPERATION_TIMEOUT = 120.0   # nothing new starts past it, and attempts are cut to fit in it

# --- connection pool and paging -----------------------------------------------------------
DEFAULT_MAX_CONNECTIONS = 10
DEFAULT_MAX_KEEPALIVE_CONNECTIONS = 10
DEFAULT_PER_PAGE = 100
MAX_PER_PAGE = 100                  # the API accepts 1..100


@dataclasses.dataclass(frozen=True)
class Timeouts:
    """Per-attempt timeouts in seconds, as httpx understands them.

    ============================  ================================================
    ``Timeouts()``                connect 5 s, read 30 s, write 30 s, pool 10 s
    ``Timeouts(read=120)``        a slow tenant: only the read limit changes
    ``Timeouts(read=0.1)``        tests: provoke a read timeout quickly
    ============================  ================================================

    ``pool`` is how long a thread waits for a free pooled connection.
    """

    connect: float = DEFAULT_CONNECT_TIMEOUT
    read: float = DEFAULT_READ_TIMEOUT
    write: float = DEFAULT_WRITE_TIMEOUT
    pool: float = DEFAULT_POOL_TIMEOUT

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ValueError(f"Timeouts.{field.name} must be a positive number of seconds, got {value!r}")
            object.__setattr__(self, field.name, float(value))

    def as_httpx(self) -> httpx.Timeout:
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)


def _no_sleep(seconds: float) -> None:
    """The testing switch: compute every wait, sleep none of it."""


NO_BACKOFF_ENV = "AMPECO_NO_BACKOFF"
"""Set to 1 (tests, CI) and no retry wait of the default sleep is slept, in this process and in the
processes it starts (the provider, ``pulumi-ampeco export``)."""

_testing = False


def set_testing(enabled: bool = True) -> None:
    """Turn every default retry wait off (``True``) or back on, in this process (as ``stamina.set_testing``).

    Policies given their own ``sleep`` keep it: a test recording the waits still sees them.
    """
    global _testing
    _testing = enabled


def _sleep(seconds: float) -> None:
    """The default sleep: ``time.sleep``, unless the testing switch or ``AMPECO_NO_BACKOFF`` is on."""
    if _testing or os.environ.get(NO_BACKOFF_ENV, "").strip() not in ("", "0"):
        return
    time.sleep(seconds)


@dataclasses.dataclass(frozen=True)
class RetryPolicy:
    """Which failures are tried again, how long to wait in between, and when to stop.

    Retried, for GET, PUT, PATCH and DELETE: statuses 429, 500, 502, 503 and 504; connection
    failures (connect error or timeout, pool timeout, read timeout, reset, a server that hung up).
    A POST is retried only when it surely never reached the server: connect error or timeout,
    pool timeout, or a 429. Any other POST failure may have created the object and is raised as
    ``AmbiguousWriteError`` by the client, never retried. 401/403/404/422 are never retried.

    Waits: full jitter, ``random() * min(backoff_cap, backoff_base * 2 ** (retry - 1))``; a
    ``Retry-After`` header replaces the backoff, capped at ``retry_after_cap``. Two caps end the
    loop, whichever comes first: ``max_attempts`` requests, or ``max_total_seconds`` (no wait
    starts that would end past it). One attempt may itself last up to its timeouts. Inside a
    provider operation, its deadline (``_deadline.operation_deadline``) stops the loop sooner and
    cuts each attempt's timeouts to the time left.

    ``sleep``, ``clock`` and ``random`` are injectable: ``sleep=waits.append`` records the
    computed waits, ``without_waiting()`` removes them, and ``random=lambda: 1.0`` makes the
    backoff deterministic.
    """

    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    max_total_seconds: float = DEFAULT_MAX_TOTAL_SECONDS
    backoff_base: float = DEFAULT_BACKOFF_BASE
    backoff_cap: float = DEFAULT_BACKOFF_CAP
    retry_after_cap: float = DEFAULT_RETRY_AFTER_CAP
    sleep: Callable[[float], object] = dataclasses.field(default=_sleep, repr=False, compare=False)
    clock: Callable[[], float] = dataclasses.field(default=time.monotonic, repr=False, compare=False)
    random: Callable[[], float] = dataclasses.field(default=random.random, repr=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.max_attempts, bool) or not isinstance(self.max_attempts, int) \
                or self.max_attempts < 1:
            raise ValueError(f"RetryPolicy.max_attempts must be an int >= 1, got {self.max_attempts!r}")
        for name in ("max_total_seconds", "backoff_base", "backoff_cap", "retry_after_cap"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"RetryPolicy.{name} must be a number >= 0, got {value!r}")
            object.__setattr__(self, name, float(value))

    def backoff(self, retry: int) -> float:
        """Seconds to wait before retry number ``retry`` (1 for the first retry), no hint given."""
        ceiling = min(self.backoff_cap, self.backoff_base * 2.0 ** max(retry - 1, 0))
        return max(0.0, min(ceiling, self.random() * ceiling))

    def wait_before(self, retry: int, retry_after: float | None = None) -> float:
        """The wait before retry number ``retry``: the server's hint (capped) or the backoff."""
        if retry_after is not None:
            return max(0.0, min(retry_after, self.retry_after_cap))
        return self.backoff(retry)

    def without_waiting(self) -> RetryPolicy:
        """The same policy with every wait computed but none slept (for tests)."""
        return dataclasses.replace(self, sleep=_no_sleep)


DEFAULT_TIMEOUTS = Timeouts()
DEFAULT_RETRY = RetryPolicy()
NO_RETRY = RetryPolicy(max_attempts=1)


def normalize_tenant_url(url: str, *, setting: str = "tenant URL") -> str:
    """``https://host[:port][/prefix]`` without a trailing slash, or ConfigurationError.

    ``https://host/public-api`` (the API's base, as its reference gives it) is the tenant
    ``https://host``; a URL that goes further into the API (``.../public-api/resources/...``) is
    refused with the tenant URL to use instead.

    ``setting`` names where the value came from in the message (e.g. ``ampeco:tenantUrl``).
    """
    if not isinstance(url, str) or not url.strip():
        raise ConfigurationError(f"{setting} is empty; expected an URL such as https://example.ampeco.com")
    text = url.strip()
    shown = repr(text) if "@" not in text else "(an URL with an '@', not shown)"
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        raise ConfigurationError(f"{setting} is not a valid URL: {shown}") from None
    if parts.username is not None or parts.password is not None:
        # Credentials in the URL would be sent and printed; the token has its own setting.
        raise ConfigurationError(f"{setting} must not contain a user name or password")
    if parts.scheme not in ("http", "https"):
        hint = f"; did you mean https://{text}?" if not parts.scheme or "://" not in text else ""
        raise ConfigurationError(
            f"{setting} must start with https:// (or http:// for a local emulator), got {shown}{hint}"
        )
    if not parts.hostname:
        raise ConfigurationError(f"{setting} has no host: {shown}; expected e.g. https://example.ampeco.com")
    if parts.query or parts.fragment:
        raise ConfigurationError(f"{setting} must not have a query or fragment: {shown}")
    path = parts.path.rstrip("/")
    # The API reference gives the base URL as https://<tenant-host>/public-api/, and every path the
    # client sends starts with /public-api: a tenant URL given that way means the tenant itself.
    if path.lower().endswith(API_BASE):
        path = path[: -len(API_BASE)]
    elif f"{API_BASE}/" in path.lower():
        root = f"{parts.scheme}://{parts.netloc}{path[: path.lower().index(API_BASE)]}"
        raise ConfigurationError(
            f"{setting} must be the tenant's address, not an API path: {shown}; use {root!r} "
            "(the API's paths, /public-api/..., are added to it)")
    return f"{parts.scheme}://{parts.netloc}{path}"


API_BASE = "/public-api"
"""The API's base path under the tenant URL; every API path starts with it."""
