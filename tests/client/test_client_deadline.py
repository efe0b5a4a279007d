"""One deadline for one operation: the transport starts no retry or wait past it and cuts each
attempt's timeouts to the time left; the client sends nothing once it has passed. Without a
deadline nothing changes. And the switch that turns every default retry sleep off."""

from __future__ import annotations

import httpx
import pytest
from _client_kit import MOCK_TENANT, SECRET_TOKEN
from pulumi_ampeco.client import (
    NO_BACKOFF_ENV,
    AmpecoClient,
    RetryPolicy,
    Timeouts,
    current_deadline,
    operation_deadline,
    set_testing,
)
from pulumi_ampeco.errors import ApiTransportError, ServerError

TAG = "/public-api/resources/id-tags/v2.0/12"


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


def client_over(handler: httpx.MockTransport, clock: FakeClock, **policy: float) -> AmpecoClient:
    retry = RetryPolicy(sleep=clock.sleep, clock=clock, random=lambda: 1.0, **policy)  # type: ignore[arg-type]
    return AmpecoClient(MOCK_TENANT, SECRET_TOKEN, retry=retry, transport=handler, timeouts=Timeouts(read=30))


def test_retries_stop_at_the_operation_deadline_before_the_attempt_cap() -> None:
    clock = FakeClock()
    sent: list[float] = []
    budgets: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(clock.now)
        budgets.append(sum(request.extensions["timeout"].values()))
        clock.now += 0.05  # each attempt takes 0.05 s
        return httpx.Response(503)

    client = client_over(httpx.MockTransport(handler), clock, max_attempts=10, backoff_base=0.25)
    with operation_deadline(1.0, clock=clock), pytest.raises(ServerError):
        client.get(TAG)
    # waits 0.25 and 0.5 fit in 1 s; the next (1.0) would end past the deadline, so it never starts
    assert clock.waits == [0.25, 0.5] and len(sent) == 3
    assert sent[-1] < 1.0
    # each attempt's timeouts together fit in what is left of the second (a real transport enforces them)
    assert [round(t, 2) for t in budgets] == [1.0, 0.7, 0.15]


def test_without_a_deadline_the_same_failures_use_every_attempt() -> None:
    clock = FakeClock()
    client = client_over(httpx.MockTransport(lambda r: httpx.Response(503)), clock, max_attempts=4,
                         backoff_base=0.25)
    with pytest.raises(ServerError):
        client.get(TAG)
    assert clock.waits == [0.25, 0.5, 1.0]


def test_each_attempt_timeout_is_cut_to_the_time_left() -> None:
    seen: list[dict[str, float]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.extensions["timeout"]))
        return httpx.Response(200, json={"data": {"id": 12}})

    client = AmpecoClient(MOCK_TENANT, SECRET_TOKEN, transport=httpx.MockTransport(handler),
                          timeouts=Timeouts(connect=5, read=30, write=30, pool=10))
    client.get(TAG)
    with operation_deadline(2.0):
        client.get(TAG)
    assert seen[0] == {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 10.0}
    assert 1.9 < sum(seen[1].values()) <= 2.0  # pool, connect, write and read one after another: by the deadline
    assert seen[1]["read"] / seen[1]["connect"] == pytest.approx(30 / 5)


def test_nothing_is_sent_once_the_deadline_has_passed() -> None:
    sent: list[httpx.Request] = []
    client = AmpecoClient(MOCK_TENANT, SECRET_TOKEN,
                          transport=httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(201)))
    with operation_deadline(0.0), pytest.raises(ApiTransportError) as failed:
        client.create("/public-api/resources/id-tags/v2.0", {"idTagUid": "x"})
    assert sent == [] and "not sent" in str(failed.value) and "deadline of 0 s" in str(failed.value)


def test_a_real_read_timeout_is_cut_by_the_deadline() -> None:
    """A tenant that never answers: the read timeout is 30 s, the operation's deadline 0.3 s."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(server.accept()[0]), daemon=True).start()
    url = f"http://127.0.0.1:{server.getsockname()[1]}"
    with AmpecoClient(url, SECRET_TOKEN, retry=RetryPolicy(max_attempts=5)) as client, \
            operation_deadline(0.3), pytest.raises(ApiTransportError) as failed:
        client.get(TAG)
    server.close()
    for conn in accepted:
        conn.close()
    # Cut by the deadline, not by the 30 s read timeout, and no second attempt after it.
    assert "the operation's deadline of 0.3 s was reached" in str(failed.value)
    assert len(accepted) == 1


def test_a_nested_deadline_never_extends_the_outer_one() -> None:
    with operation_deadline(1.0) as outer, operation_deadline(60.0) as inner:
        assert inner is outer and current_deadline() is outer
    assert current_deadline() is None


def test_the_testing_switch_turns_every_default_sleep_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import pulumi_ampeco.client._config as config

    slept: list[float] = []
    monkeypatch.setattr(config.time, "sleep", slept.append)
    policy = RetryPolicy()
    monkeypatch.delenv(NO_BACKOFF_ENV, raising=False)
    policy.sleep(5.0)
    assert slept == [5.0]  # switch off: the real sleep
    set_testing(True)
    try:
        policy.sleep(5.0)
    finally:
        set_testing(False)
    monkeypatch.setenv(NO_BACKOFF_ENV, "1")
    policy.sleep(5.0)
    assert slept == [5.0]


def test_a_policy_with_its_own_sleep_keeps_it_under_the_switch() -> None:
    waits: list[float] = []
    set_testing(True)
    try:
        RetryPolicy(sleep=waits.append).sleep(2.0)
    finally:
        set_testing(False)
    assert waits == [2.0]
