"""RetryTransport: the one place where attempts are repeated, waited for, and counted.

It wraps any httpx transport (``httpx.HTTPTransport`` in production, ``httpx.MockTransport`` in
byte-exact tests) and applies one ``RetryPolicy``. It returns the last response, whatever its
status; mapping statuses to errors is the client's job. When no response arrived at all it
raises ``TransportFailure`` (private, never seen outside the client), which records whether the
request may have reached the server.

Each returned response carries two extensions the client reads:

* ``"ampeco.attempts"``: how many requests this call took;
* ``"ampeco.maybe_applied"``: an earlier attempt was sent but its response was lost, so the
  server may already have done the work (a retried DELETE that then gets 404 has succeeded).

Inside an operation's deadline (``_deadline``) no retry and no wait starts that would end past it,
and each attempt's timeouts are cut to the time left; a call stopped by it says so
(``TransportFailure.deadline``).
"""

from __future__ import annotations

import dataclasses
import email.utils
import enum
import logging
import math
import threading
from collections.abc import Mapping
from datetime import datetime, timezone

import httpx

from pulumi_ampeco.client._config import RETRYABLE_STATUSES, RetryPolicy
from pulumi_ampeco.client._deadline import Deadline, current_deadline

__all__ = [
    "ClientStats",
    "Outcome",
    "RetryTransport",
    "StatsSnapshot",
    "TransportFailure",
    "classify_exception",
    "classify_status",
    "parse_retry_after",
]

logger = logging.getLogger("pulumi_ampeco.client")

ATTEMPTS = "ampeco.attempts"
MAYBE_APPLIED = "ampeco.maybe_applied"


class Outcome(enum.Enum):
    """What to do with the result of one attempt."""

    DONE = "done"            # hand the response to the client (success or a final error status)
    RETRY = "retry"          # safe to send again
    AMBIGUOUS = "ambiguous"  # a POST that may have been applied: stop, never resend


# Failures where the request surely never left (no connection, or no pooled slot).
_NOT_SENT: tuple[type[httpx.TransportError], ...] = (httpx.ConnectError, httpx.ConnectTimeout,
                                                     httpx.PoolTimeout)
# Failures after (part of) the request was written: the server may have acted on it.
_MAYBE_SENT: tuple[type[httpx.TransportError], ...] = (httpx.ReadTimeout, httpx.WriteTimeout,
                                                       httpx.ReadError, httpx.WriteError,
                                                       httpx.RemoteProtocolError, httpx.NetworkError)


def _maybe_sent(exc: httpx.TransportError) -> bool:
    return isinstance(exc, _MAYBE_SENT) and not isinstance(exc, _NOT_SENT)  # ConnectError is a NetworkError


def classify_status(method: str, status: int) -> Outcome:
    """Retry 429/500/502/503/504 for idempotent methods; for POST only 429 (refused before work)."""
    if status not in RETRYABLE_STATUSES:
        return Outcome.DONE
    if method.upper() == "POST" and status != 429:
        return Outcome.DONE  # the client raises AmbiguousWriteError for a POST 5xx
    return Outcome.RETRY


def classify_exception(method: str, exc: httpx.TransportError) -> Outcome:
    """Connect/pool failures are always safe to retry; the rest only for idempotent methods."""
    if isinstance(exc, _NOT_SENT):
        return Outcome.RETRY
    if _maybe_sent(exc):
        return Outcome.AMBIGUOUS if method.upper() == "POST" else Outcome.RETRY
    return Outcome.DONE  # e.g. UnsupportedProtocol, LocalProtocolError, ProxyError: not transient


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header: delta-seconds or an HTTP-date; None if unusable."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


class TransportFailure(Exception):
    """No response: carries the last httpx error, the attempts made and whether it may have
    been applied. Raised by RetryTransport and converted by the client; never escapes it."""

    def __init__(self, error: httpx.TransportError, *, attempts: int, elapsed: float,
                 maybe_applied: bool, deadline: Deadline | None = None) -> None:
        super().__init__(f"{type(error).__name__} after {attempts} attempt(s)")
        self.error = error
        self.attempts = attempts
        self.elapsed = elapsed
        self.maybe_applied = maybe_applied
        self.deadline = deadline
        """The operation's deadline, when it is what stopped the retries."""


@dataclasses.dataclass(frozen=True)
class StatsSnapshot:
    """The counters at one moment."""

    requests: int
    retries: int
    by_method: Mapping[str, int]
    by_status: Mapping[int, int]


class ClientStats:
    """Thread-safe counters: ``requests`` sent (every attempt), ``retries``, ``by_method``
    (attempts per HTTP method), ``by_status`` (responses per status code)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests = 0
        self._retries = 0
        self._by_method: dict[str, int] = {}
        self._by_status: dict[int, int] = {}

    def record_attempt(self, method: str, *, retry: bool) -> None:
        with self._lock:
            self._requests += 1
            self._retries += int(retry)
            self._by_method[method] = self._by_method.get(method, 0) + 1

    def record_status(self, status: int) -> None:
        with self._lock:
            self._by_status[status] = self._by_status.get(status, 0) + 1

    @property
    def requests(self) -> int:
        with self._lock:
            return self._requests

    @property
    def retries(self) -> int:
        with self._lock:
            return self._retries

    @property
    def by_method(self) -> dict[str, int]:
        with self._lock:
            return dict(self._by_method)

    @property
    def by_status(self) -> dict[int, int]:
        with self._lock:
            return dict(self._by_status)

    def snapshot(self) -> StatsSnapshot:
        with self._lock:
            return StatsSnapshot(self._requests, self._retries, dict(self._by_method),
                                 dict(self._by_status))

    def reset(self) -> None:
        with self._lock:
            self._requests = self._retries = 0
            self._by_method.clear()
            self._by_status.clear()

    def __repr__(self) -> str:
        s = self.snapshot()
        return f"ClientStats(requests={s.requests}, retries={s.retries}, by_method={s.by_method})"


class RetryTransport(httpx.BaseTransport):
    """Sends through ``inner`` and repeats what ``policy`` allows; see the module docstring."""

    def __init__(self, inner: httpx.BaseTransport, *, policy: RetryPolicy,
                 stats: ClientStats | None = None) -> None:
        self._inner = inner
        self.policy = policy
        self.stats = stats if stats is not None else ClientStats()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        policy = self.policy
        method = request.method.upper()
        path = request.url.path
        start = policy.clock()
        deadline = current_deadline()
        attempt = 0
        maybe_applied = False
        while True:
            attempt += 1
            if deadline is not None:
                _fit_timeouts(request, deadline)
            self.stats.record_attempt(method, retry=attempt > 1)
            sent_at = policy.clock()
            try:
                response = self._inner.handle_request(request)
                try:
                    response.read()  # body read errors are part of this attempt
                except BaseException:
                    response.close()
                    raise
            except httpx.TransportError as exc:
                outcome = classify_exception(method, exc)
                logger.debug("%s %s -> %s (attempt %d/%d, %.3f s)", method, path, type(exc).__name__,
                             attempt, policy.max_attempts, policy.clock() - sent_at)
                maybe_applied = maybe_applied or _maybe_sent(exc)
                wait = self._next_wait(outcome, attempt, start, None)
                stopped_by = None
                if wait is not None and deadline is not None and not deadline.allows(wait):
                    wait, stopped_by = None, deadline
                if wait is None:
                    raise TransportFailure(exc, attempts=attempt, elapsed=policy.clock() - start,
                                           maybe_applied=maybe_applied, deadline=stopped_by) from None
                logger.debug("retrying %s %s in %.2f s after %s", method, path, wait, type(exc).__name__)
                policy.sleep(wait)
                continue

            self.stats.record_status(response.status_code)
            logger.debug("%s %s -> %d (attempt %d/%d, %.3f s)", method, path, response.status_code,
                         attempt, policy.max_attempts, policy.clock() - sent_at)
            outcome = classify_status(method, response.status_code)
            hint = parse_retry_after(response.headers.get("Retry-After")) if outcome is Outcome.RETRY \
                else None
            wait = self._next_wait(outcome, attempt, start, hint)
            if wait is not None and deadline is not None and not deadline.allows(wait):
                wait = None  # the operation's deadline: hand back this answer rather than wait past it
            if wait is None:
                response.extensions = {**response.extensions, ATTEMPTS: attempt, MAYBE_APPLIED: maybe_applied}
                return response
            response.close()
            # A gateway error may come after the backend did the work; a 429 never does.
            maybe_applied = maybe_applied or response.status_code >= 500
            logger.debug("retrying %s %s in %.2f s after status %d", method, path, wait,
                         response.status_code)
            policy.sleep(wait)

    def _next_wait(self, outcome: Outcome, attempt: int, start: float, hint: float | None) -> float | None:
        """The wait before the next attempt, or None to stop here."""
        policy = self.policy
        if outcome is not Outcome.RETRY or attempt >= policy.max_attempts:
            return None
        wait = policy.wait_before(attempt, hint)
        if policy.clock() - start + wait > policy.max_total_seconds:
            return None
        return wait

    def close(self) -> None:
        self._inner.close()


def _fit_timeouts(request: httpx.Request, deadline: Deadline) -> None:
    """Cut this attempt's timeouts (httpx reads them from the request) so that together they fit in
    the deadline's time left: waiting for a pooled connection, connecting, writing and reading one
    after another then end by the deadline (each read of a body that arrives in many chunks may
    take its read timeout again; API responses are one page)."""
    left = max(deadline.remaining(), 0.001)
    current = request.extensions.get("timeout") or {}
    phases = {name: left if current.get(name) is None else float(current[name])
              for name in ("pool", "connect", "write", "read")}
    total = sum(phases.values())
    scale = left / total if total > left else 1.0
    request.extensions["timeout"] = {name: value * scale for name, value in phases.items()}
