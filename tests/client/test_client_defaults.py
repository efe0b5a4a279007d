"""Named defaults, config objects, backoff arithmetic, Retry-After parsing, URL and token checks."""

from __future__ import annotations

import pickle
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest
from _client_kit import SECRET_TOKEN
from hypothesis import given
from hypothesis import strategies as st
from pulumi_ampeco import client as client_pkg
from pulumi_ampeco.client import (
    DEFAULT_BACKOFF_BASE,
    DEFAULT_BACKOFF_CAP,
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_MAX_TOTAL_SECONDS,
    DEFAULT_POOL_TIMEOUT,
    DEFAULT_READ_TIMEOUT,
    DEFAULT_RETRY,
    DEFAULT_RETRY_AFTER_CAP,
    DEFAULT_TIMEOUTS,
    DEFAULT_WRITE_TIMEOUT,
    AmpecoClient,
    BearerAuth,
    RetryPolicy,
    Timeouts,
    normalize_tenant_url,
)
from pulumi_ampeco.client._transport import Outcome, classify_exception, classify_status, parse_retry_after
from pulumi_ampeco.errors import ConfigurationError


def test_public_names_are_sorted_and_all_exported() -> None:
    assert client_pkg.__all__ == sorted(client_pkg.__all__, key=lambda n: (not n.isupper(), n))
    for name in client_pkg.__all__:
        assert hasattr(client_pkg, name)


def test_default_timeouts_are_the_named_constants() -> None:
    assert DEFAULT_TIMEOUTS == Timeouts(connect=5.0, read=30.0, write=30.0, pool=10.0)
    assert (DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_WRITE_TIMEOUT, DEFAULT_POOL_TIMEOUT) == (
        5.0, 30.0, 30.0, 10.0)
    assert DEFAULT_TIMEOUTS.as_httpx() == httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=10.0)


def test_default_retry_policy_is_the_named_constants() -> None:
    assert DEFAULT_RETRY.max_attempts == DEFAULT_MAX_ATTEMPTS == 5
    assert DEFAULT_RETRY.max_total_seconds == DEFAULT_MAX_TOTAL_SECONDS == 60.0
    assert DEFAULT_RETRY.backoff_base == DEFAULT_BACKOFF_BASE == 0.25
    assert DEFAULT_RETRY.backoff_cap == DEFAULT_BACKOFF_CAP == 8.0
    assert DEFAULT_RETRY.retry_after_cap == DEFAULT_RETRY_AFTER_CAP == 30.0


def test_config_objects_have_readable_reprs() -> None:
    assert repr(Timeouts(read=60)) == "Timeouts(connect=5.0, read=60.0, write=30.0, pool=10.0)"
    assert repr(RetryPolicy(max_attempts=3)) == (
        "RetryPolicy(max_attempts=3, max_total_seconds=60.0, backoff_base=0.25, backoff_cap=8.0, "
        "retry_after_cap=30.0)")


def test_retry_policy_without_waiting_keeps_numbers_and_drops_sleep() -> None:
    policy = RetryPolicy(max_attempts=2).without_waiting()
    assert policy == RetryPolicy(max_attempts=2)
    assert policy.sleep(100.0) is None  # returns at once


@pytest.mark.parametrize("kwargs", [{"connect": 0}, {"read": -1}, {"pool": "5"}, {"write": True}])
def test_timeouts_refuse_non_positive_or_non_numeric_values(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="Timeouts"):
        Timeouts(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("kwargs", [{"max_attempts": 0}, {"max_attempts": 1.5}, {"backoff_cap": -1}])
def test_retry_policy_refuses_nonsense(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="RetryPolicy"):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]


def test_backoff_doubles_from_base_up_to_cap_at_full_jitter_ceiling() -> None:
    policy = RetryPolicy(random=lambda: 1.0)
    assert [policy.backoff(n) for n in range(1, 8)] == [0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


@given(retry=st.integers(min_value=1, max_value=60), r=st.floats(min_value=0.0, max_value=1.0))
def test_backoff_with_full_jitter_stays_between_zero_and_ceiling(retry: int, r: float) -> None:
    policy = RetryPolicy(random=lambda: r)
    wait = policy.backoff(retry)
    assert 0.0 <= wait <= min(DEFAULT_BACKOFF_CAP, DEFAULT_BACKOFF_BASE * 2 ** (retry - 1))


def test_retry_after_replaces_backoff_and_is_capped() -> None:
    policy = RetryPolicy(random=lambda: 1.0)
    assert policy.wait_before(1, retry_after=3.0) == 3.0
    assert policy.wait_before(1, retry_after=0.0) == 0.0
    assert policy.wait_before(4, retry_after=120.0) == DEFAULT_RETRY_AFTER_CAP


@pytest.mark.parametrize(("header", "expected"), [
    ("7", 7.0), (" 1.5 ", 1.5), ("0", 0.0), ("-3", None), ("soon", None), ("", None), (None, None),
    ("nan", None), ("inf", None),
])
def test_retry_after_parses_delta_seconds(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header) == expected


def test_retry_after_parses_http_dates_relative_to_now() -> None:
    now = datetime(2025, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after(format_datetime(now + timedelta(seconds=12), usegmt=True), now=now) == 12.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=12), usegmt=True), now=now) == 0.0


@pytest.mark.parametrize(("method", "status", "outcome"), [
    ("GET", 429, Outcome.RETRY), ("GET", 502, Outcome.RETRY), ("GET", 503, Outcome.RETRY),
    ("GET", 504, Outcome.RETRY), ("PATCH", 503, Outcome.RETRY), ("PUT", 504, Outcome.RETRY),
    ("DELETE", 502, Outcome.RETRY), ("POST", 429, Outcome.RETRY), ("POST", 503, Outcome.DONE),
    ("POST", 502, Outcome.DONE), ("GET", 500, Outcome.RETRY), ("DELETE", 500, Outcome.RETRY),
    ("POST", 500, Outcome.DONE), ("GET", 401, Outcome.DONE),
    ("GET", 403, Outcome.DONE), ("GET", 404, Outcome.DONE), ("PATCH", 422, Outcome.DONE),
    ("GET", 200, Outcome.DONE),
])
def test_status_classification(method: str, status: int, outcome: Outcome) -> None:
    assert classify_status(method, status) is outcome


@pytest.mark.parametrize(("exc", "get", "post"), [
    (httpx.ConnectError, Outcome.RETRY, Outcome.RETRY),
    (httpx.ConnectTimeout, Outcome.RETRY, Outcome.RETRY),
    (httpx.PoolTimeout, Outcome.RETRY, Outcome.RETRY),
    (httpx.ReadTimeout, Outcome.RETRY, Outcome.AMBIGUOUS),
    (httpx.WriteTimeout, Outcome.RETRY, Outcome.AMBIGUOUS),
    (httpx.ReadError, Outcome.RETRY, Outcome.AMBIGUOUS),
    (httpx.WriteError, Outcome.RETRY, Outcome.AMBIGUOUS),
    (httpx.RemoteProtocolError, Outcome.RETRY, Outcome.AMBIGUOUS),
    (httpx.UnsupportedProtocol, Outcome.DONE, Outcome.DONE),
    (httpx.LocalProtocolError, Outcome.DONE, Outcome.DONE),
])
def test_exception_classification_retries_posts_only_when_nothing_was_sent(
        exc: type[httpx.TransportError], get: Outcome, post: Outcome) -> None:
    assert classify_exception("GET", exc("x")) is get
    assert classify_exception("POST", exc("x")) is post


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.ampeco.com", "https://example.ampeco.com"),
    ("https://example.ampeco.com/", "https://example.ampeco.com"),
    ("  http://127.0.0.1:8080// ", "http://127.0.0.1:8080"),
    ("https://proxy.example/tenant-a/", "https://proxy.example/tenant-a"),
])
def test_tenant_url_is_normalized_without_trailing_slash(url: str, expected: str) -> None:
    assert normalize_tenant_url(url) == expected


@pytest.mark.parametrize(("url", "fragment"), [
    ("", "empty"), ("example.ampeco.com", "did you mean https://example.ampeco.com"),
    ("ftp://example.com", "https://"), ("https://", "no host"), ("https://host:99999", "not a valid"),
    ("https://host/?a=1", "query"),
])
def test_bad_tenant_urls_raise_configuration_error(url: str, fragment: str) -> None:
    with pytest.raises(ConfigurationError, match=fragment):
        normalize_tenant_url(url)


def test_tenant_url_with_credentials_is_refused_without_echoing_them() -> None:
    with pytest.raises(ConfigurationError) as info:
        normalize_tenant_url(f"https://admin:{SECRET_TOKEN}@example.ampeco.com")
    assert SECRET_TOKEN not in str(info.value)


def test_bearer_auth_never_shows_the_token() -> None:
    auth = BearerAuth(SECRET_TOKEN)
    assert SECRET_TOKEN not in repr(auth) and SECRET_TOKEN not in str(auth)
    assert SECRET_TOKEN not in repr(vars(auth)) if hasattr(auth, "__dict__") else True
    with pytest.raises(TypeError, match="not picklable"):
        pickle.dumps(auth)


def test_bearer_auth_sets_the_authorization_header() -> None:
    request = httpx.Request("GET", "https://x.test/")
    flow = BearerAuth(f"  {SECRET_TOKEN}\n").auth_flow(request)
    assert next(flow).headers["Authorization"] == f"Bearer {SECRET_TOKEN}"


@pytest.mark.parametrize("token", ["", "   ", "abc def", "abc\ndef", "t\u00f6ken"])
def test_unusable_tokens_are_refused_without_being_echoed(token: str) -> None:
    with pytest.raises(ConfigurationError, match="token") as info:
        BearerAuth(token)
    if token.strip():
        assert token.strip() not in str(info.value)


def test_client_repr_masks_the_token_and_client_refuses_pickling() -> None:
    client = AmpecoClient("https://example.ampeco.com/", SECRET_TOKEN)
    try:
        assert SECRET_TOKEN not in repr(client)
        assert "https://example.ampeco.com" in repr(client)
        with pytest.raises(TypeError):
            pickle.dumps(client)
    finally:
        client.close()
