"""The client against the real emulator over a real socket: errors, paging, retries, faults."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from _client_kit import Recorder
from ampeco_emulator import EmulatorServer
from pulumi_ampeco.client import AmpecoClient, RetryPolicy, Timeouts
from pulumi_ampeco.errors import (
    AmbiguousWriteError,
    ApiError,
    ApiStatusError,
    ApiTransportError,
    AuthenticationError,
    MalformedResponseError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    UnprocessableError,
)

TAGS = "/public-api/resources/id-tags/v2.0"
LOCATIONS = "/public-api/resources/locations/v2.0"


def tag_body(uid: str, **extra: object) -> dict[str, object]:
    return {"idTagUid": uid, "status": "enabled", "type": "rfid", **extra}


class Admin:
    """The emulator's admin API (no auth): faults and the request log."""

    def __init__(self, url: str) -> None:
        self.url = url

    def faults(self, *rules: dict[str, Any], seed: int = 42) -> None:
        httpx.post(f"{self.url}/_emulator/faults", json={"seed": seed, "rules": list(rules)}).raise_for_status()

    def clear_faults(self) -> None:
        httpx.delete(f"{self.url}/_emulator/faults").raise_for_status()

    def state(self) -> dict[str, list[dict[str, Any]]]:
        state: dict[str, list[dict[str, Any]]] = httpx.get(f"{self.url}/_emulator/state").raise_for_status().json()
        return state

    def load_state(self, state: dict[str, list[dict[str, Any]]]) -> None:
        httpx.put(f"{self.url}/_emulator/state", json=state).raise_for_status()

    def requests(self, method: str | None = None) -> list[dict[str, Any]]:
        log = httpx.get(f"{self.url}/_emulator/requests").raise_for_status().json()["data"]
        return [r for r in log if method is None or r["method"] == method]


@pytest.fixture
def admin(tenant: EmulatorServer) -> Admin:
    return Admin(tenant.url)


@pytest.fixture
def connect(tenant: EmulatorServer, recorder: Recorder) -> Iterator[Callable[..., AmpecoClient]]:
    """``connect(**RetryPolicy overrides, token=..., timeouts=...)``: a client for the emulator whose
    retry waits are recorded in ``recorder.waits`` instead of slept."""
    clients: list[AmpecoClient] = []

    def make(*, token: str | None = None, timeouts: Timeouts | None = None, url: str | None = None,
             **policy: Any) -> AmpecoClient:
        retry = RetryPolicy(sleep=recorder.waits.append, random=lambda: 1.0, **policy)
        client = AmpecoClient(url or tenant.url + "/", token or tenant.token, retry=retry,
                              timeouts=timeouts or Timeouts())
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def find_tags(client: AmpecoClient, uid: str) -> list[dict[str, object]]:
    return list(client.list(TAGS, filters={"idTagUid": uid}))


# --- the happy path -------------------------------------------------------------------------

def test_create_get_update_delete_round_trip(connect: Callable[..., AmpecoClient]) -> None:
    client = connect()
    created = client.create(TAGS, tag_body("04A1", idLabel="front desk"))
    assert created["idTagUid"] == "04A1" and isinstance(created["id"], int)
    path = f"{TAGS}/{created['id']}"
    assert client.get(path) == created
    updated = client.update(path, {"status": "disabled"})
    assert updated["status"] == "disabled" and updated["idLabel"] == "front desk"
    client.delete(path)
    with pytest.raises(NotFoundError):
        client.get(path)
    assert client.stats.by_method == {"POST": 1, "GET": 2, "PATCH": 1, "DELETE": 1}


# --- each error class from a real response ----------------------------------------------------

def test_wrong_token_raises_authentication_error_after_exactly_one_request(
        connect: Callable[..., AmpecoClient], admin: Admin) -> None:
    client = connect(token="wrong-token-123")
    with pytest.raises(AuthenticationError) as info:
        client.get(f"{TAGS}/1")
    assert info.value.status == 401 and info.value.api_message
    assert len(admin.requests()) == 1 and client.stats.requests == 1
    assert "wrong-token-123" not in str(info.value)


def test_missing_object_raises_not_found_error(connect: Callable[..., AmpecoClient]) -> None:
    with pytest.raises(NotFoundError) as info:
        connect().get(f"{TAGS}/999999")
    assert info.value.status == 404 and info.value.path == f"{TAGS}/999999"


def test_invalid_body_raises_unprocessable_error_with_field_errors(connect: Callable[..., AmpecoClient]) -> None:
    with pytest.raises(UnprocessableError) as info:
        connect().create(TAGS, {"idTagUid": "04A1", "status": "bogus"})
    err = info.value
    assert err.status == 422 and "status" in err.field_errors and "type" in err.field_errors
    assert str(err).startswith(f"POST {TAGS} -> 422: ")


def test_duplicate_natural_key_raises_unprocessable_error(connect: Callable[..., AmpecoClient]) -> None:
    client = connect()
    client.create(TAGS, tag_body("DUP"))
    with pytest.raises(UnprocessableError, match="idTagUid"):
        client.create(TAGS, tag_body("DUP"))


def test_unknown_include_raises_a_plain_status_error(connect: Callable[..., AmpecoClient]) -> None:
    with pytest.raises(ApiStatusError) as info:
        list(connect().list(TAGS, include=["nonsense"]))
    assert type(info.value) is ApiStatusError and info.value.status == 400


@pytest.mark.parametrize(("status", "cls"), [(429, RateLimitedError), (500, ServerError), (502, ServerError),
                                             (503, ServerError), (504, ServerError)])
def test_injected_status_raises_its_error_class(connect: Callable[..., AmpecoClient], admin: Admin,
                                                status: int, cls: type[ApiStatusError]) -> None:
    admin.faults({"fault": "status", "status": status, "probability": 1.0, "methods": ["GET"]})
    with pytest.raises(cls) as info:
        connect(max_attempts=1).get(f"{TAGS}/1")
    assert type(info.value) is cls and info.value.status == status


# --- pagination ----------------------------------------------------------------------------------

def _bulk_create(client: AmpecoClient, bodies: list[dict[str, object]]) -> None:
    chunks = [bodies[i::4] for i in range(4)]
    errors: list[BaseException] = []

    def work(chunk: list[dict[str, object]]) -> None:
        try:
            for body in chunk:
                client.create(TAGS, body)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(chunk,)) for chunk in chunks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_listing_250_tags_follows_three_cursor_pages_with_filters(
        connect: Callable[..., AmpecoClient], admin: Admin) -> None:
    client = connect()
    client.create(TAGS, tag_body("TEMPLATE", status="disabled"))
    # Seed through the admin state API (fast), from the emulator's own stored shape.
    template = admin.state()["id_tags"][0]
    rows = [{**template, "id": i + 2, "idTagUid": f"TAG{i:04d}", "status": "enabled"} for i in range(250)]
    rows += [{**template, "id": 300 + i, "idTagUid": f"OFF{i:02d}"} for i in range(6)]
    admin.load_state({"id_tags": [template, *rows]})
    httpx.delete(f"{admin.url}/_emulator/requests").raise_for_status()

    tags = list(client.list(TAGS, filters={"status": "enabled", "type": "rfid"}))
    assert len(tags) == 250 and len({t["id"] for t in tags}) == 250
    assert {t["status"] for t in tags} == {"enabled"}

    queries = [dict(parse_qsl(g["query"], keep_blank_values=True)) for g in admin.requests("GET")]
    assert len(queries) == 3
    assert [q["cursor"] != "" for q in queries] == [False, True, True]
    for q in queries:
        assert (q["per_page"], q["filter[status]"], q["filter[type]"]) == ("100", "enabled", "rfid")


def test_listing_with_a_small_page_size_and_natural_key_filter(connect: Callable[..., AmpecoClient]) -> None:
    client = connect()
    for i in range(5):
        client.create(TAGS, tag_body(f"K{i}"))
    assert [t["idTagUid"] for t in client.list(TAGS, per_page=2)] == [f"K{i}" for i in range(5)]
    assert [t["idTagUid"] for t in find_tags(client, "K3")] == ["K3"]
    assert find_tags(client, "absent") == []


def test_listing_passes_includes_through(connect: Callable[..., AmpecoClient], admin: Admin) -> None:
    client = connect()
    list(client.list(LOCATIONS, include=["images", "externalAppData"], filters={"name": None}))
    query = parse_qsl(admin.requests("GET")[0]["query"], keep_blank_values=True)
    assert [v for k, v in query if k == "include[]"] == ["images", "externalAppData"]


# --- retries ---------------------------------------------------------------------------------

def _call(client: AmpecoClient, method: str, path: str) -> None:
    if method == "GET":
        client.get(path)
    elif method == "PATCH":
        client.update(path, {"idLabel": "retried"})
    else:
        client.delete(path)


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
def test_injected_429_is_retried_after_the_servers_retry_after(
        connect: Callable[..., AmpecoClient], admin: Admin, recorder: Recorder, method: str) -> None:
    client = connect()
    path = f"{TAGS}/{client.create(TAGS, tag_body('R429'))['id']}"
    admin.faults({"fault": "status", "status": 429, "retry_after": 1, "probability": 1.0,
                  "methods": [method], "path": "id-tags", "times": 2})
    _call(client, method, path)
    assert recorder.waits == [1.0, 1.0]
    statuses = [r["status"] for r in admin.requests(method)]
    assert statuses[:2] == [429, 429] and len(statuses) == 3 and 200 <= statuses[2] < 300
    assert client.stats.retries == 2


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
@pytest.mark.parametrize("fault", [{"fault": "status", "status": 503}, {"fault": "reset_before"},
                                   {"fault": "reset_after"}], ids=["503", "reset_before", "reset_after"])
def test_idempotent_calls_survive_transient_faults(connect: Callable[..., AmpecoClient], admin: Admin,
                                                   recorder: Recorder, method: str,
                                                   fault: dict[str, Any]) -> None:
    client = connect()
    path = f"{TAGS}/{client.create(TAGS, tag_body('T1'))['id']}"
    admin.faults({**fault, "probability": 1.0, "methods": [method], "path": "id-tags", "times": 2})
    _call(client, method, path)  # a retried DELETE that meets 404 after a lost response succeeds
    assert len(admin.requests(method)) == 3
    assert recorder.waits == [0.25, 0.5]
    if method == "DELETE":
        with pytest.raises(NotFoundError):
            client.get(path)


def test_post_reset_after_send_raises_ambiguous_write_error_while_the_object_exists(
        connect: Callable[..., AmpecoClient], admin: Admin) -> None:
    client = connect()
    admin.faults({"fault": "reset_after", "probability": 1.0, "methods": ["POST"], "times": 1})
    with pytest.raises(AmbiguousWriteError) as info:
        client.create(TAGS, tag_body("AMB1"))
    assert info.value.status is None and "may or may not have been created" in str(info.value)
    assert len(admin.requests("POST")) == 1
    assert [t["idTagUid"] for t in find_tags(client, "AMB1")] == ["AMB1"]


def test_post_500_raises_ambiguous_write_error_with_status_and_is_not_retried(
        connect: Callable[..., AmpecoClient], admin: Admin) -> None:
    client = connect()
    admin.faults({"fault": "status", "status": 500, "probability": 1.0, "methods": ["POST"], "times": 1})
    with pytest.raises(AmbiguousWriteError) as info:
        client.create(TAGS, tag_body("AMB2"))
    assert info.value.status == 500
    assert len(admin.requests("POST")) == 1
    # This emulator fails before processing, so the engine's natural-key lookup finds nothing.
    assert find_tags(client, "AMB2") == []


def test_post_429_is_retried_and_creates_exactly_one_object(
        connect: Callable[..., AmpecoClient], admin: Admin, recorder: Recorder) -> None:
    client = connect()
    admin.faults({"fault": "status", "status": 429, "retry_after": 2, "probability": 1.0,
                  "methods": ["POST"], "times": 1})
    created = client.create(TAGS, tag_body("P429"))
    assert created["idTagUid"] == "P429" and recorder.waits == [2.0]
    assert [r["status"] for r in admin.requests("POST")] == [429, 201]
    assert len(find_tags(client, "P429")) == 1


def test_post_reset_before_processing_leaves_nothing_behind(
        connect: Callable[..., AmpecoClient], admin: Admin) -> None:
    """A reset looks the same to the client whether it came before or after processing, so a
    POST must not be resent: it is ambiguous, and the lookup finds nothing to adopt."""
    client = connect()
    admin.faults({"fault": "reset_before", "probability": 1.0, "methods": ["POST"], "times": 1})
    with pytest.raises(AmbiguousWriteError):
        client.create(TAGS, tag_body("RB1"))
    assert len(admin.requests("POST")) == 1
    assert find_tags(client, "RB1") == []


def test_unreachable_tenant_raises_transport_error_naming_url_after_bounded_attempts(
        connect: Callable[..., AmpecoClient], recorder: Recorder) -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = connect(url=f"http://127.0.0.1:{port}/", max_attempts=3)
    with pytest.raises(ApiTransportError) as info:
        client.get(f"{TAGS}/1")
    message = str(info.value)
    assert f"http://127.0.0.1:{port}" in message and "3 attempts" in message
    assert client.stats.requests == 3 and recorder.waits == [0.25, 0.5]
    with pytest.raises(ApiTransportError):  # a POST that never connected is not ambiguous
        client.create(TAGS, tag_body("X"))


def test_read_timeout_is_retried_then_raises_transport_error(
        connect: Callable[..., AmpecoClient], admin: Admin) -> None:
    admin.faults({"fault": "latency", "seconds": 0.6, "probability": 1.0, "methods": ["GET"]})
    client = connect(timeouts=Timeouts(read=0.1), max_attempts=2)
    with pytest.raises(ApiTransportError, match="ReadTimeout") as info:
        client.get(f"{TAGS}/1")
    assert "2 attempts" in str(info.value)


def test_read_timeout_once_then_success(connect: Callable[..., AmpecoClient], admin: Admin) -> None:
    client = connect(timeouts=Timeouts(read=0.2))
    created = client.create(TAGS, tag_body("SLOW"))
    admin.faults({"fault": "latency", "seconds": 0.6, "probability": 1.0, "methods": ["GET"], "times": 1})
    assert client.get(f"{TAGS}/{created['id']}") == created
    assert client.stats.by_method["GET"] == 2


def test_post_read_timeout_raises_ambiguous_write_error_after_one_request(
        connect: Callable[..., AmpecoClient], admin: Admin) -> None:
    admin.faults({"fault": "latency", "seconds": 0.4, "probability": 1.0, "methods": ["POST"], "times": 1})
    client = connect(timeouts=Timeouts(read=0.1))
    with pytest.raises(AmbiguousWriteError, match="ReadTimeout") as info:
        client.create(TAGS, tag_body("LATE"))
    assert info.value.status is None
    assert len(admin.requests("POST")) == 1 and client.stats.requests == 1


# --- malformed responses -------------------------------------------------------------------

@pytest.mark.parametrize("fault", ["non_json", "no_envelope"])
def test_malformed_success_raises_malformed_response_error_without_retry(
        connect: Callable[..., AmpecoClient], admin: Admin, fault: str) -> None:
    client = connect()
    created = client.create(TAGS, tag_body("M1"))
    admin.faults({"fault": fault, "probability": 1.0, "methods": ["GET"]})
    with pytest.raises(MalformedResponseError) as info:
        client.get(f"{TAGS}/{created['id']}")
    err = info.value
    assert err.status == 200 and err.method == "GET" and err.path == f"{TAGS}/{created['id']}"
    assert len(err.detail) < 400
    with pytest.raises(MalformedResponseError):
        list(client.list(TAGS))
    assert len(admin.requests("GET")) == 2


# --- the token never leaks -----------------------------------------------------------------

SCENARIOS: list[tuple[str, dict[str, Any] | None]] = [
    ("GET", {"fault": "status", "status": 500}), ("GET", {"fault": "status", "status": 429}),
    ("GET", {"fault": "non_json"}), ("GET", {"fault": "no_envelope"}), ("GET", {"fault": "reset_after"}),
    ("GET", None), ("POST", {"fault": "reset_after"}), ("POST", {"fault": "status", "status": 503}),
    ("POST", None), ("PATCH", {"fault": "reset_before"}), ("DELETE", {"fault": "status", "status": 502}),
]


@pytest.mark.parametrize(("method", "fault"), SCENARIOS)
def test_token_appears_in_no_error_message(connect: Callable[..., AmpecoClient], admin: Admin,
                                           tenant: EmulatorServer, method: str,
                                           fault: dict[str, Any] | None) -> None:
    client = connect(max_attempts=2)
    if fault is not None:
        admin.faults({**fault, "probability": 1.0, "methods": [method]})
    with pytest.raises(ApiError) as info:
        if method == "GET":
            client.get(f"{TAGS}/999")
        elif method == "POST":
            client.create(TAGS, {"idTagUid": "X"} if fault is None else tag_body("X"))
        elif method == "PATCH":
            client.update(f"{TAGS}/999", {})
        else:
            client.delete(f"{TAGS}/999")
    err = info.value
    for text in (str(err), repr(err), repr(vars(err))):
        assert tenant.token not in text
        assert "Authorization" not in text and "Bearer" not in text


def test_concurrent_clients_threads_count_every_request(connect: Callable[..., AmpecoClient]) -> None:
    client = connect()
    _bulk_create(client, [tag_body(f"C{i}") for i in range(40)])
    results: list[int] = []
    lock = threading.Lock()

    def read_all() -> None:
        n = sum(1 for _ in client.list(TAGS, per_page=10))
        with lock:
            results.append(n)

    threads = [threading.Thread(target=read_all) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [40] * 4
    assert client.stats.requests == 40 + 4 * 4 and client.stats.by_method == {"POST": 40, "GET": 16}
