"""A small, synchronous AMPECO API client over httpx: paths, envelope, paging, retries, errors.

::

    from pulumi_ampeco.client import AmpecoClient, RetryPolicy, Timeouts

    with AmpecoClient("https://example.ampeco.com", token, timeouts=Timeouts(read=60)) as client:
        tag = client.get("/public-api/resources/id-tags/v2.0/12")

Layers, each only looking down: ``AmpecoClient`` (``_client.py``) over ``RetryTransport``
(``_transport.py``) over ``httpx.HTTPTransport``. Defaults are the ``DEFAULT_*`` constants of
``_config.py``. Errors come from ``pulumi_ampeco.errors``; no httpx exception escapes.
This package imports neither pulumi nor anything of pulumi_ampeco but its errors.
"""

import sys

if "httpx" not in sys.modules and "httpx._main" not in sys.modules:
    # httpx imports its command-line client (click, rich, pygments: ~55 ms, more than the rest of
    # httpx) whenever those happen to be installed (encode/httpx#3547). We never run it: a None
    # entry makes that import fail, which httpx handles with a stub `httpx.main`. The entry is
    # removed right after, so a later `import httpx._main` works as usual.
    sys.modules["httpx._main"] = None  # type: ignore[assignment]
    try:
        import httpx  # noqa: F401
    finally:
        if sys.modules.get("httpx._main", 0) is None:
            del sys.modules["httpx._main"]

from pulumi_ampeco.client._auth import BearerAuth
from pulumi_ampeco.client._client import AmpecoClient
from pulumi_ampeco.client._config import (
    DEFAULT_BACKOFF_BASE,
    DEFAULT_BACKOFF_CAP,
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_MAX_CONNECTIONS,
    DEFAULT_MAX_KEEPALIVE_CONNECTIONS,
    DEFAULT_MAX_TOTAL_SECONDS,
    DEFAULT_OPERATION_TIMEOUT,
    DEFAULT_PER_PAGE,
    DEFAULT_POOL_TIMEOUT,
    DEFAULT_READ_TIMEOUT,
    DEFAULT_RETRY,
    DEFAULT_RETRY_AFTER_CAP,
    DEFAULT_TIMEOUTS,
    DEFAULT_WRITE_TIMEOUT,
    MAX_PER_PAGE,
    NO_BACKOFF_ENV,
    NO_RETRY,
    RETRYABLE_STATUSES,
    RetryPolicy,
    Timeouts,
    normalize_tenant_url,
    set_testing,
)
from pulumi_ampeco.client._deadline import Deadline, current_deadline, operation_deadline
from pulumi_ampeco.client._transport import ClientStats, RetryTransport, StatsSnapshot

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
    "AmpecoClient",
    "BearerAuth",
    "ClientStats",
    "Deadline",
    "RetryPolicy",
    "RetryTransport",
    "StatsSnapshot",
    "Timeouts",
    "current_deadline",
    "normalize_tenant_url",
    "operation_deadline",
    "set_testing",
]
