"""Byte-exact edge cases over httpx.MockTransport: what a real server cannot produce on demand
(exceptions at precise moments, odd bodies, fake clocks, thousands of calls from threads)."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest
from _client_kit import MOCK_TENANT, SECRET_TOKEN, Recorder, data, sequence
from hypothesis import given, settings
from hypothesis import strategies as st
from pulumi_ampeco.client import AmpecoClient, RetryPolicy
from pulumi_ampeco.errors import (
    AmbiguousWriteError,
    ApiError,
    ApiStatusError,
    ApiTransportError,
    AuthenticationError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    UnprocessableError,
)

MakeClient = Callable[..., AmpecoClient]
TAGS = "/public-api/resources/id-tags/v2.0"
TAG = f"{TAGS}/12"


# --- request shape --------------------------------------------------------------------------

def test_requests_carry_bearer_token_accept_and_json_body(mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(data({"id": 12}, 201)))
    assert client.create(TAGS, {"idTagUid": "04A1", "label": "ü"}, include=["user"]) == {"id": 12}
    request = recorder.requests[0]
    assert request.method == "POST"
    assert request.headers["Authorization"] == f"Bearer {SECRET_TOKEN}"
    assert request.headers["Accept"] == "application/json"
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == {"idTagUid": "04A1", "label": "ü"}
    assert str(request.url) == f"{MOCK_TENANT}{TAGS}?include%5B%5D=user"


def test_tenant_url_trailing_slash_and_path_prefix_are_joined_cleanly(
        mock_client: MakeClient, recorder: Recorder) -> None:
    mock_client(sequence(data({"id": 12})), tenant=MOCK_TENANT + "/").get(TAG)
    mock_client(sequence(data({"id": 12})), tenant=MOCK_TENANT + "/prefix/").get(TAG)
    assert [str(r.url) for r in recorder.requests] == [f"{MOCK_TENANT}{TAG}", f"{MOCK_TENANT}/prefix{TAG}"]


@pytest.mark.parametrize("path", ["public-api/x", "https://evil.test/x", "//evil.test/x", "/x?a=1", "/a b"])
def test_only_absolute_api_paths_are_accepted(mock_client: MakeClient, recorder: Recorder, path: str) -> None:
    client = mock_client(sequence(data({})))
    with pytest.raises(ValueError, match="absolute API path"):
        client.get(path)
    with pytest.raises(ValueError):
        client.list(path)
    assert recorder.count == 0


def test_update_uses_patch_by_default_and_put_on_request(mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(data({"id": 12})))
    client.update(TAG, {"status": "disabled"})
    client.update(TAG, {"status": "disabled"}, method="PUT")
    client.replace(TAG, {"status": "disabled"})
    assert [r.method for r in recorder.requests] == ["PATCH", "PUT", "PUT"]
    with pytest.raises(ValueError):
        client.update(TAG, {}, method="POST")  # type: ignore[arg-type]


# --- envelope ---------------------------------------------------------------------------------

@pytest.mark.parametrize("status", [200, 202, 204])
@pytest.mark.parametrize("body", [b"", b'{"data": null}'])
def test_delete_succeeds_on_any_success_status_with_empty_or_json_body(
        mock_client: MakeClient, status: int, body: bytes, recorder: Recorder) -> None:
    mock_client(sequence(httpx.Response(status, content=body))).delete(TAG)
    assert recorder.count == 1


@pytest.mark.parametrize("second", [httpx.Response(204), httpx.Response(404, json={"message": "No query results"})])
def test_delete_answered_by_a_non_json_page_is_sent_again(
        mock_client: MakeClient, recorder: Recorder, second: httpx.Response) -> None:
    mock_client(sequence(httpx.Response(200, content=b"<html>ok</html>"), second)).delete(TAG)
    assert recorder.count == 2


def test_delete_answered_twice_by_a_non_json_page_is_malformed(mock_client: MakeClient) -> None:
    page = httpx.Response(200, content=b"<html>ok</html>")
    with pytest.raises(MalformedResponseError):
        mock_client(sequence(page, httpx.Response(200, content=b"<html>ok</html>"))).delete(TAG)


@pytest.mark.parametrize(("content", "shown"), [
    (b"<html><body><h1>Welcome to nginx</h1></body></html>", "Welcome to nginx"),
    (b'{"id": 12}', '{"id": 12}'),
    (b'{"data": [1]}', '{"data": [1]}'),
    (b"", "an empty body"),
    (b"[1, 2]", "[1, 2]"),
])
def test_success_without_a_data_object_is_malformed(mock_client: MakeClient, content: bytes, shown: str) -> None:
    client = mock_client(sequence(httpx.Response(200, content=content)))
    with pytest.raises(MalformedResponseError) as info:
        client.get(TAG)
    assert info.value.status == 200 and info.value.method == "GET" and info.value.path == TAG
    assert shown in str(info.value)


def test_malformed_snippet_is_short(mock_client: MakeClient) -> None:
    client = mock_client(sequence(httpx.Response(200, content=b"<p>" + b"x" * 5000 + b"</p>")))
    with pytest.raises(MalformedResponseError) as info:
        client.create(TAGS, {})
    assert len(info.value.detail) < 300
    assert "x" * 199 in info.value.detail and "x" * 201 not in info.value.detail


# --- error mapping --------------------------------------------------------------------------

@pytest.mark.parametrize(("status", "cls"), [
    (400, ApiStatusError), (401, AuthenticationError), (403, PermissionDeniedError), (404, NotFoundError),
    (405, ApiStatusError), (409, ApiStatusError), (422, UnprocessableError), (429, RateLimitedError),
    (500, ServerError), (501, ServerError),
])
def test_each_status_maps_to_its_error_class_after_one_request(
        mock_client: MakeClient, recorder: Recorder, status: int, cls: type[ApiStatusError]) -> None:
    client = mock_client(sequence(httpx.Response(status, json={"message": "nope"})), max_attempts=1)
    with pytest.raises(cls) as info:
        client.get(TAG)
    assert type(info.value) is cls and info.value.status == status and info.value.api_message == "nope"
    assert recorder.count == 1


def test_laravel_validation_body_becomes_field_errors(mock_client: MakeClient) -> None:
    body = {"message": "The given data was invalid.",
            "errors": {"geoposition.latitude": ["The latitude must be between -90 and 90."],
                       "name": "The name field is required."}}
    client = mock_client(sequence(httpx.Response(422, json=body)))
    with pytest.raises(UnprocessableError) as info:
        client.update(TAG, {})
    err = info.value
    assert err.api_message == "The given data was invalid."
    assert err.field_errors == {"geoposition.latitude": ["The latitude must be between -90 and 90."],
                                "name": ["The name field is required."]}
    assert str(err) == (f"PATCH {TAG} -> 422: geoposition.latitude: The latitude must be between -90 and 90.; "
                        "name: The name field is required.")


def test_html_error_page_from_a_proxy_becomes_a_short_message(mock_client: MakeClient) -> None:
    page = b"<html><head><title>502 Bad Gateway</title></head><body>" + b"<p>pad</p>" * 200 + b"</body></html>"
    client = mock_client(sequence(httpx.Response(502, content=page)), max_attempts=1)
    with pytest.raises(ServerError) as info:
        client.get(TAG)
    assert info.value.api_message is not None
    assert info.value.api_message.startswith("502 Bad Gateway") and len(info.value.api_message) <= 200


def test_empty_error_body_falls_back_to_the_reason_phrase(mock_client: MakeClient) -> None:
    with pytest.raises(PermissionDeniedError, match="403: Forbidden"):
        mock_client(sequence(httpx.Response(403))).get(TAG)


def test_redirect_is_not_followed_and_the_error_says_where_it_points(
        mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(httpx.Response(301, headers={"Location": "https://tenant.example.test/x"})))
    with pytest.raises(ApiStatusError, match="301: redirected to https://tenant.example.test/x; set the tenant URL"):
        client.get(TAG)
    assert recorder.count == 1


def test_rate_limited_error_carries_retry_after_seconds_or_http_date(mock_client: MakeClient) -> None:
    client = mock_client(sequence(httpx.Response(429, headers={"Retry-After": "7"})), max_attempts=1)
    with pytest.raises(RateLimitedError) as info:
        client.get(TAG)
    assert info.value.retry_after == 7.0
    when = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=100), usegmt=True)
    client = mock_client(sequence(httpx.Response(429, headers={"Retry-After": when})), max_attempts=1)
    with pytest.raises(RateLimitedError) as info:
        client.get(TAG)
    assert info.value.retry_after is not None and 95 <= info.value.retry_after <= 100


# --- retries ------------------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["GET", "PATCH", "PUT", "DELETE"])
@pytest.mark.parametrize("failure", [
    httpx.Response(503), httpx.Response(502), httpx.Response(504), httpx.Response(429),
    httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), httpx.PoolTimeout("busy"),
    httpx.ReadTimeout("slow"), httpx.ReadError("reset"), httpx.RemoteProtocolError("hung up"),
], ids=lambda f: f"status{f.status_code}" if isinstance(f, httpx.Response) else type(f).__name__)
def test_idempotent_methods_retry_transient_failures_then_succeed(
        mock_client: MakeClient, recorder: Recorder, method: str, failure: httpx.Response | Exception) -> None:
    client = mock_client(sequence(failure, failure, data({"id": 12})))
    call = {"GET": lambda: client.get(TAG), "PATCH": lambda: client.update(TAG, {}),
            "PUT": lambda: client.replace(TAG, {}), "DELETE": lambda: client.delete(TAG)}[method]
    call()
    assert recorder.count == 3
    assert recorder.waits == [0.25, 0.5]  # full-jitter ceilings, random fixed at 1.0
    assert client.stats.requests == 3 and client.stats.retries == 2
    assert client.stats.by_method == {method: 3}


@pytest.mark.parametrize("failure", [httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"),
                                     httpx.PoolTimeout("busy"), httpx.Response(429)],
                         ids=["ConnectError", "ConnectTimeout", "PoolTimeout", "status429"])
def test_post_is_retried_when_it_surely_never_reached_the_server(
        mock_client: MakeClient, recorder: Recorder, failure: httpx.Response | Exception) -> None:
    client = mock_client(sequence(failure, data({"id": 1}, 201)))
    assert client.create(TAGS, {"idTagUid": "A"}) == {"id": 1}
    assert recorder.count == 2


@pytest.mark.parametrize("failure", [httpx.ReadTimeout("timed out"), httpx.ReadError("reset by peer"),
                                     httpx.RemoteProtocolError("Server disconnected"),
                                     httpx.WriteTimeout("w"), httpx.WriteError("w")],
                         ids=lambda f: type(f).__name__)
def test_post_failure_after_send_raises_ambiguous_write_error_without_retry(
        mock_client: MakeClient, recorder: Recorder, failure: Exception) -> None:
    client = mock_client(sequence(failure, data({"id": 1}, 201)))
    with pytest.raises(AmbiguousWriteError) as info:
        client.create(TAGS, {"idTagUid": "A"})
    assert recorder.count == 1 and info.value.status is None
    assert type(failure).__name__ in str(info.value) and "may or may not have been created" in str(info.value)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_post_5xx_raises_ambiguous_write_error_with_status_without_retry(
        mock_client: MakeClient, recorder: Recorder, status: int) -> None:
    client = mock_client(sequence(httpx.Response(status, json={"message": "Server Error"}), data({"id": 1})))
    with pytest.raises(AmbiguousWriteError) as info:
        client.create(TAGS, {})
    assert recorder.count == 1 and info.value.status == status
    assert str(info.value).startswith(f"POST {TAGS} -> {status}: Server Error")


def test_post_429_then_reset_after_send_is_ambiguous(mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(httpx.Response(429), httpx.ReadError("reset")))
    with pytest.raises(AmbiguousWriteError):
        client.create(TAGS, {})
    assert recorder.count == 2


def test_server_error_on_an_idempotent_update_is_retried(mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(httpx.Response(500, json={"message": "Server Error"}), data({"id": 12})))
    assert client.update(TAG, {"status": "disabled"}) == {"id": 12}
    assert recorder.count == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
def test_non_transient_statuses_are_never_retried(mock_client: MakeClient, recorder: Recorder, status: int) -> None:
    client = mock_client(sequence(httpx.Response(status)))
    with pytest.raises(ApiStatusError):
        client.update(TAG, {})
    assert recorder.count == 1 and recorder.waits == []


def test_attempts_are_capped_then_the_last_status_is_raised(mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(httpx.Response(503, json={"message": "down"})))
    with pytest.raises(ServerError, match="503: down"):
        client.get(TAG)
    assert recorder.count == 5
    assert recorder.waits == [0.25, 0.5, 1.0, 2.0]


def test_connect_failures_are_capped_and_name_the_tenant_and_attempts(
        mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(httpx.ConnectError("[Errno 111] Connection refused")), max_attempts=3)
    with pytest.raises(ApiTransportError) as info:
        client.get(TAG)
    assert recorder.count == 3
    message = str(info.value)
    assert MOCK_TENANT in message and "3 attempts" in message and "Connection refused" in message
    assert message.startswith(f"GET {TAG}: ")


def test_total_time_cap_stops_retrying_before_the_attempt_cap(mock_client: MakeClient, recorder: Recorder) -> None:
    now = [0.0]

    def sleep(seconds: float) -> None:
        recorder.waits.append(seconds)
        now[0] += seconds

    retry = RetryPolicy(max_attempts=10, max_total_seconds=2.0, sleep=sleep, clock=lambda: now[0],
                        random=lambda: 1.0)

    def handler(request: httpx.Request) -> httpx.Response:
        recorder.requests.append(request)
        return httpx.Response(503)

    client = AmpecoClient(MOCK_TENANT, SECRET_TOKEN, retry=retry, transport=httpx.MockTransport(handler))
    with pytest.raises(ServerError):
        client.get(TAG)
    # 0.25 + 0.5 + 1.0 = 1.75 s waited; a further 2.0 s wait would pass the 2 s budget.
    assert recorder.waits == [0.25, 0.5, 1.0] and recorder.count == 4


def test_retry_after_overrides_backoff_and_is_capped(mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(httpx.Response(429, headers={"Retry-After": "3"}),
                                  httpx.Response(503, headers={"Retry-After": "600"}),
                                  httpx.Response(503, headers={"Retry-After": "soon"}),
                                  data({"id": 12})))
    client.get(TAG)
    assert recorder.waits == [3.0, 30.0, 1.0]  # hint, capped hint, then backoff for retry 3


def test_retry_after_past_the_time_budget_gives_up_with_rate_limited_error(
        mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(httpx.Response(429, headers={"Retry-After": "20"})), max_total_seconds=10)
    with pytest.raises(RateLimitedError) as info:
        client.get(TAG)
    assert recorder.count == 1 and info.value.retry_after == 20.0


def test_wrong_token_gives_one_authentication_error_and_no_retry(mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(httpx.Response(401, json={"message": "Unauthenticated."})))
    with pytest.raises(AuthenticationError, match="401: Unauthenticated."):
        client.get(TAG)
    with pytest.raises(AuthenticationError):
        list(client.list(TAGS))
    assert recorder.count == 2


def test_delete_404_after_a_lost_response_is_success(mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(httpx.ReadError("reset after processing"), httpx.Response(404)))
    client.delete(TAG)  # no NotFoundError: the lost first attempt did the delete
    assert recorder.count == 2


def test_delete_404_after_only_a_refused_connection_is_still_not_found(
        mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(httpx.ConnectError("refused"), httpx.Response(404)))
    with pytest.raises(NotFoundError):
        client.delete(TAG)


def test_plain_delete_404_is_not_found(mock_client: MakeClient) -> None:
    with pytest.raises(NotFoundError):
        mock_client(sequence(httpx.Response(404, json={"message": "No query results"}))).delete(TAG)


def test_get_404_after_a_lost_response_is_still_not_found(mock_client: MakeClient) -> None:
    with pytest.raises(NotFoundError):
        mock_client(sequence(httpx.ReadError("reset"), httpx.Response(404))).get(TAG)


def test_unsupported_protocol_is_a_transport_error_without_retry(mock_client: MakeClient, recorder: Recorder) -> None:
    with pytest.raises(ApiTransportError, match="1 attempt in"):
        mock_client(sequence(httpx.UnsupportedProtocol("nope"))).get(TAG)
    assert recorder.count == 1


@pytest.mark.parametrize(("method", "cls"), [("GET", ApiTransportError), ("POST", AmbiguousWriteError)])
def test_garbled_compressed_body_is_mapped_not_leaked(mock_client: MakeClient, method: str,
                                                      cls: type[ApiError]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(b"not gzip"))

    client = mock_client(handler)
    with pytest.raises(cls, match="DecodingError"):
        if method == "GET":
            client.get(TAG)
        else:
            client.create(TAGS, {})


# --- listing -------------------------------------------------------------------------------

def test_listing_follows_next_links_lazily(mock_client: MakeClient, recorder: Recorder) -> None:
    pages = {
        "": {"data": [{"id": 1}, {"id": 2}], "links": {"next": f"{MOCK_TENANT}{TAGS}?per_page=2&cursor=p2"},
             "meta": {"next_cursor": "p2"}},
        "p2": {"data": [{"id": 3}], "links": {"next": None}, "meta": {"next_cursor": None}},
    }

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=pages[request.url.params["cursor"]])

    iterator = mock_client(handler).list(TAGS, filters={"status": "enabled"}, include=["user"], per_page=2)
    assert recorder.count == 0  # nothing sent before iteration
    assert next(iterator) == {"id": 1}
    assert recorder.count == 1
    assert list(iterator) == [{"id": 2}, {"id": 3}]
    assert [r.url.params.get("cursor") for r in recorder.requests] == ["", "p2"]
    assert all(r.url.params.get("filter[status]") == "enabled" for r in recorder.requests)
    assert all(r.url.params.get_list("include[]") == ["user"] for r in recorder.requests)


def test_listing_without_links_is_a_single_page(mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(httpx.Response(200, json={"data": [{"id": 7}, {"id": 8}]})))
    assert list(client.list(f"{TAGS}/1/evses/2/connectors")) == [{"id": 7}, {"id": 8}]
    assert recorder.count == 1


def test_listing_follows_meta_next_cursor_without_links(mock_client: MakeClient, recorder: Recorder) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.params["cursor"] == "":
            return httpx.Response(200, json={"data": [{"id": 1}], "meta": {"next_cursor": "c2"}})
        return httpx.Response(200, json={"data": [{"id": 2}], "meta": {"next_cursor": None}})

    assert [t["id"] for t in mock_client(handler).list(TAGS)] == [1, 2]


def test_listing_refuses_a_next_link_to_another_host_without_sending_the_token(
        mock_client: MakeClient, recorder: Recorder) -> None:
    client = mock_client(sequence(httpx.Response(200, json={
        "data": [{"id": 1}], "links": {"next": "https://evil.test/collect?cursor=2"}})))
    with pytest.raises(MalformedResponseError, match="evil.test"):
        list(client.list(TAGS))
    assert [r.url.host for r in recorder.requests] == ["tenant.example.test"]


def test_listing_page_without_data_list_is_malformed(mock_client: MakeClient) -> None:
    client = mock_client(sequence(httpx.Response(200, json={"items": []})))
    with pytest.raises(MalformedResponseError, match='"data" list'):
        list(client.list(TAGS))


def test_listing_retries_a_failed_second_page(mock_client: MakeClient, recorder: Recorder) -> None:
    first = httpx.Response(200, json={"data": [{"id": 1}], "links": {"next": f"{MOCK_TENANT}{TAGS}?cursor=2"}})
    last = httpx.Response(200, json={"data": [{"id": 2}], "links": {"next": None}})
    client = mock_client(sequence(first, httpx.Response(503), last))
    assert [t["id"] for t in client.list(TAGS)] == [1, 2]
    assert recorder.count == 3


# --- the token never leaks -----------------------------------------------------------------

ECHO = {"message": f"bad token {SECRET_TOKEN}", "errors": {f"h.{SECRET_TOKEN}": [f"Bearer {SECRET_TOKEN}"]}}
LEAKY_STEPS: list[httpx.Response | Exception] = [
    httpx.Response(401, json=ECHO), httpx.Response(403, json=ECHO), httpx.Response(404, json=ECHO),
    httpx.Response(422, json=ECHO), httpx.Response(429, json=ECHO), httpx.Response(500, json=ECHO),
    httpx.Response(503, content=f"<pre>Authorization: Bearer {SECRET_TOKEN}</pre>".encode()),
    httpx.Response(200, content=f"<html>{SECRET_TOKEN}</html>".encode()),
    httpx.Response(200, json={"token": SECRET_TOKEN}),
    httpx.ConnectError(f"refused {SECRET_TOKEN}"), httpx.ReadTimeout(f"slow {SECRET_TOKEN}"),
    httpx.RemoteProtocolError(f"bad {SECRET_TOKEN}"), httpx.LocalProtocolError(f"Illegal header {SECRET_TOKEN}"),
]


@pytest.mark.parametrize("step", LEAKY_STEPS, ids=lambda s: getattr(s, "status_code", type(s).__name__))
@pytest.mark.parametrize("method", ["GET", "LIST", "POST", "PATCH", "DELETE"])
def test_no_error_message_contains_the_token(mock_client: MakeClient, step: httpx.Response | Exception,
                                             method: str) -> None:
    client = mock_client(sequence(step), max_attempts=2)
    call = {"GET": lambda: client.get(TAG), "LIST": lambda: list(client.list(TAGS)),
            "POST": lambda: client.create(TAGS, {}), "PATCH": lambda: client.update(TAG, {}),
            "DELETE": lambda: client.delete(TAG)}[method]
    try:
        call()
    except ApiError as err:
        everything = " ".join([str(err), repr(err), repr(vars(err))])
        assert SECRET_TOKEN not in everything
        assert "Authorization" not in str(err) or "Bearer ***" in str(err)
        assert err.__cause__ is None and (err.__context__ is None or err.__suppress_context__)
    else:
        assert method == "DELETE"  # a 200 body is ignored on delete


TRANSPORT_ERRORS = [httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ReadTimeout,
                    httpx.WriteTimeout, httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError,
                    httpx.LocalProtocolError, httpx.UnsupportedProtocol, httpx.ProxyError, httpx.NetworkError,
                    httpx.TimeoutException, httpx.ProtocolError, httpx.TransportError]


@settings(max_examples=60, deadline=None)
@given(errors=st.lists(st.sampled_from(TRANSPORT_ERRORS), min_size=1, max_size=6),
       method=st.sampled_from(["GET", "POST", "PATCH", "PUT", "DELETE"]))
def test_httpx_exceptions_never_escape(errors: list[type[httpx.TransportError]], method: str) -> None:
    steps = iter(errors)

    def handler(request: httpx.Request) -> httpx.Response:
        exc = next(steps, None)
        if exc is None:
            return httpx.Response(200, json={"data": {"id": 1}})
        raise exc("boom", request=request)

    client = AmpecoClient(MOCK_TENANT, SECRET_TOKEN, retry=RetryPolicy(random=lambda: 0.0).without_waiting(),
                          transport=httpx.MockTransport(handler))
    with client:
        try:
            if method == "POST":
                client.create(TAGS, {})
            elif method == "GET":
                client.get(TAG)
            elif method == "DELETE":
                client.delete(TAG)
            else:
                client.update(TAG, {}, method=method)  # type: ignore[arg-type]
        except ApiError as err:
            assert isinstance(err, (ApiTransportError, AmbiguousWriteError))
            if method != "POST":
                assert not isinstance(err, AmbiguousWriteError)
        except httpx.HTTPError as exc:  # pragma: no cover - the failure being tested for
            pytest.fail(f"httpx exception escaped: {exc!r}")


# --- stats, threads, lifecycle, logging -----------------------------------------------------

def test_stats_are_exact_under_concurrent_use(mock_client: MakeClient) -> None:
    flaky = threading.local()

    def handler(request: httpx.Request) -> httpx.Response:
        flaky.n = getattr(flaky, "n", 0) + 1
        if flaky.n % 2:  # every thread's odd-numbered attempt is a 503, so each call retries once
            return httpx.Response(503)
        return httpx.Response(200, json={"data": {"id": 1}})

    client = mock_client(handler)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(50):
                client.get(TAG)
                client.update(TAG, {})
        except Exception as exc:  # noqa: BLE001 - collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    snapshot = client.stats.snapshot()
    assert snapshot.requests == 8 * 50 * 2 * 2
    assert snapshot.retries == 8 * 50 * 2
    assert snapshot.by_method == {"GET": 400 * 2, "PATCH": 400 * 2}
    assert snapshot.by_status == {503: 800, 200: 800}


def test_closed_client_refuses_calls_and_context_manager_closes(mock_client: MakeClient) -> None:
    with mock_client(sequence(data({"id": 1}))) as client:
        assert client.get(TAG) == {"id": 1}
    assert client.closed
    with pytest.raises(RuntimeError, match="closed"):
        client.get(TAG)
    client.close()  # idempotent


def test_debug_log_names_method_path_status_attempt_and_never_the_token(
        mock_client: MakeClient, caplog: pytest.LogCaptureFixture) -> None:
    client = mock_client(sequence(httpx.Response(503), data({"id": 1})))
    with caplog.at_level(logging.DEBUG, logger="pulumi_ampeco.client"):
        client.get(TAG)
    lines = [r.getMessage() for r in caplog.records if r.name == "pulumi_ampeco.client"]
    assert any(f"GET {TAG} -> 503 (attempt 1/5" in line for line in lines)
    assert any(f"GET {TAG} -> 200 (attempt 2/5" in line for line in lines)
    assert any("retrying GET" in line for line in lines)
    assert not any(SECRET_TOKEN in line or "Authorization" in line for line in lines)
