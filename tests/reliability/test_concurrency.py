"""The engine calls the provider from several threads at once (the SDK's server runs 4 calls at a
time). These tests fire 16 to 48 calls at one fresh provider process from as many threads, and check
every answer and the tenant afterwards: the provider shares nothing unsafely between threads
(one client pool, lazily built models and adapters, the provider cache, the retry counters).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import pytest
from _harness import ProviderProcess, serialize_provider
from _reliability_kit import COLLECTION, Admin, declared_objects, sample_args
from ampeco_emulator import EmulatorServer
from pulumi_ampeco._engine.provider import AmpecoProvider

T = TypeVar("T")
THREADS = 24
LATENCY = 0.1


class Driver:
    """Calls one provider process the way the engine does, for any kind and object name."""

    def __init__(self, process: ProviderProcess) -> None:
        self.process = process
        self.blobs = {kind: serialize_provider(AmpecoProvider(kind)) for kind in COLLECTION}

    @staticmethod
    def urn(kind: str, name: str) -> str:
        return f"urn:pulumi:dev::reliability::pulumi-python:dynamic/ampeco:{kind}::{name}"

    def check(self, kind: str, name: str, args: dict[str, Any]) -> dict[str, Any]:
        inputs, failures = self.process.check(self.urn(kind, name), {}, {"__provider": self.blobs[kind], **args})
        assert failures == [], failures
        return inputs

    def create(self, kind: str, name: str, args: dict[str, Any]) -> tuple[str, dict[str, Any], dict[str, Any]]:
        inputs = self.check(kind, name, args)
        created = self.process.create(self.urn(kind, name), inputs)
        return created.id, created.outputs, inputs


def all_at_once(calls: list[Callable[[], T]]) -> list[T]:
    """Run every call in its own thread, released together by a barrier; results in call order."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], T]) -> T:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


@pytest.fixture
def driver(tenant: EmulatorServer) -> Iterator[Driver]:
    """A new provider process, so first-use paths (provider cache, client, models) race too."""
    with ProviderProcess(project="reliability") as process:
        process.configure({"ampeco:tenantUrl": tenant.url, "ampeco:apiToken": tenant.token,
                           "ampeco:retryBackoffSeconds": "0.01"}, secret_keys=["ampeco:apiToken"])
        yield Driver(process)


def top_level_objects(n: int) -> list[tuple[str, str, dict[str, Any]]]:
    kinds = ["IdTag", "Location", "Tariff", "TariffGroup"]
    out = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        out.append((kind, f"{kind.lower()}-{i}", sample_args(kind, str(i))))
    return out


def test_concurrent_creates_of_four_kinds_each_make_exactly_their_object(driver: Driver, admin: Admin) -> None:
    admin.faults({"fault": "latency", "seconds": LATENCY})  # every request slow: calls overlap for sure
    wanted = top_level_objects(THREADS)
    results = all_at_once([lambda k=k, n=n, a=a: driver.create(k, n, a) for k, n, a in wanted])
    # The tenant saw the calls overlap, and never more than the SDK server's 4 worker threads at once.
    overlap = max(r["in_flight"] for r in admin.requests())
    assert 1 < overlap <= 4, f"at most {overlap} requests in flight at once"
    state = declared_objects(admin.state())
    ids_by_kind: dict[str, set[int]] = {}
    for (kind, _, args), (object_id, outputs, _inputs) in zip(wanted, results):
        ids_by_kind.setdefault(kind, set()).add(int(object_id))
        [live] = [o for o in state[COLLECTION[kind]] if o["id"] == int(object_id)]
        # each answer belongs to its own call: the outputs carry this call's arguments
        for name in ("id_tag_uid", "external_id", "name"):
            if name in args:
                assert outputs[name] == args[name]
        if kind == "IdTag":
            assert live["idTagUid"] == args["id_tag_uid"]
    for kind, ids in ids_by_kind.items():
        assert {o["id"] for o in state[COLLECTION[kind]]} == ids  # nothing more, nothing less
    assert len(admin.requests("POST")) == THREADS


def test_concurrent_reads_updates_deletes_and_child_creates_all_get_their_own_answer(
        driver: Driver, admin: Admin) -> None:
    made = [(k, n, driver.create(k, n, a)) for k, n, a in top_level_objects(16)]
    admin.faults({"fault": "latency", "seconds": LATENCY})
    calls: list[Callable[[], Any]] = []
    expected: list[Callable[[Any], None]] = []
    for i, (kind, name, (object_id, outputs, inputs)) in enumerate(made):
        urn = driver.urn(kind, name)
        if i % 4 == 0:  # read
            calls.append(lambda u=urn, o=object_id, out=outputs, inp=inputs: driver.process.read(u, o, out, inp))
            expected.append(lambda r, o=object_id, out=outputs: (r.id == o and r.outputs == out) or _fail(r))
        elif i % 4 == 1:  # update: a field of its own
            field_name = {"IdTag": "id_label", "Location": "city", "Tariff": "name", "TariffGroup": "name"}[kind]
            new_value = f"{field_name}-{i}-updated"
            news = driver.check(kind, name, {**sample_args(kind, str(i)), field_name: new_value})
            calls.append(lambda u=urn, o=object_id, out=outputs, n=news, inp=inputs:
                         driver.process.update(u, o, out, n, inp))
            expected.append(lambda r, f=field_name, v=new_value: r[f] == v or _fail(r))
        elif i % 4 == 2:  # delete
            calls.append(lambda u=urn, o=object_id, out=outputs, inp=inputs: driver.process.delete(u, o, out, inp))
            expected.append(lambda r: r is None or _fail(r))
        else:  # a child under a fresh parent, or another top-level object
            child = ("ChargingZone", f"zone-{i}", sample_args("ChargingZone", str(i), location_id=int(object_id))) \
                if kind == "Location" else (kind, f"{name}-again", sample_args(kind, f"{i}-again"))
            calls.append(lambda c=child: driver.create(*c))
            expected.append(lambda r, c=child: _carries(r[1], c[2]) or _fail(r))
    assert len(calls) >= 16
    results = all_at_once(calls)
    for check, result in zip(expected, results):
        check(result)
    state = declared_objects(admin.state())
    deleted = {(k, int(r[0])) for i, (k, _, r) in enumerate(made) if i % 4 == 2}
    for kind, object_id in deleted:
        assert object_id not in {o["id"] for o in state[COLLECTION[kind]]}
    for i, (kind, _, (object_id, _, _)) in enumerate(made):
        if i % 4 == 1:
            [live] = [o for o in state[COLLECTION[kind]] if o["id"] == int(object_id)]
            assert f"-{i}-updated" in str(live)


def _carries(outputs: dict[str, Any], args: dict[str, Any]) -> bool:
    """The outputs are those of the object these arguments made (by its identifying fields)."""
    keys = [k for k in ("id_tag_uid", "external_id", "name") if k in args]
    return bool(keys) and all(outputs.get(k) == args[k] for k in keys)


def _fail(result: Any) -> None:
    raise AssertionError(f"unexpected answer: {result!r}")


def test_concurrent_checks_and_diffs_answer_as_they_do_one_at_a_time(driver: Driver) -> None:
    from _reliability_kit import KINDS

    parents = {"location_id": 1, "charge_point_id": 2, "evse_id": 3, "tariff_group_id": 4, "tariff_ids": 5,
               "partner_id": 6, "circuit_id": 7}
    cases = []
    for i in range(48):
        kind = KINDS[i % len(KINDS)]
        args = sample_args(kind, str(i), **parents)
        if i % 3 == 0:
            args["status"] = "no-such-status"  # a failure naming its field
        cases.append((kind, f"obj-{i}", args))

    def check(kind: str, name: str, args: dict[str, Any]) -> Any:
        return driver.process.check(driver.urn(kind, name), {}, {"__provider": driver.blobs[kind], **args})

    concurrent = all_at_once([lambda c=c: check(*c) for c in cases])
    one_by_one = [check(*c) for c in cases]
    assert concurrent == one_by_one
    for (kind, _, args), (inputs, failures) in zip(cases, concurrent):
        if args.get("status") == "no-such-status":
            assert [f[0] for f in failures] == ["status"]
        else:
            assert failures == [] and inputs.get("name", args.get("name")) == args.get("name")
    # Diff of each against itself (no change) and against a changed copy (a change), all at once
    diffs = all_at_once([
        lambda k=k, n=n, a=a, changed=changed: driver.process.diff(
            driver.urn(k, n), "1", {**a, "__provider": driver.blobs[k]},
            {**a, "__provider": driver.blobs[k], **({_changeable(k): "changed"} if changed else {})}, a)
        for (k, n, a), changed in [(c, bool(j % 2)) for j, c in enumerate(cases) if "no-such" not in str(c[2])]
    ])
    flags = [bool(j % 2) for j, c in enumerate(cases) if "no-such" not in str(c[2])]
    assert [d.changes != "none" for d in diffs] == flags


def _changeable(kind: str) -> str:
    return {"IdTag": "id_label", "Location": "city", "ChargingZone": "name", "ChargePoint": "name",
            "Evse": "label", "Connector": "format", "Tariff": "name", "TariffGroup": "name", "Partner": "city",
            "UserGroup": "description", "Tax": "name", "Circuit": "name", "CircuitChargePoint": "priority",
            "Notification": "via", "ConfigurationTemplate": "name"}[kind]
