#!/usr/bin/env python
"""Benchmarks: the provider's own cost, side by side with the bare HTTP requests (``make bench``).

Prints one table, measured in one run against the AMPECO emulator on loopback (the emulator runs
in its own process):

1. Provider overhead: N id tags created, read, updated and deleted through AmpecoProvider's own
   create/read/update/delete, against the same requests sent by a bare ``httpx.Client`` loop.
   Interleaved in blocks and repeated; goal: time ratio <= 1.10.
2. The engine's path: the same operations through the real ``python -m pulumi.dynamic`` gRPC
   server, with 1 and with 4 concurrent callers (the server runs 4 worker threads).
3. API calls per operation, counted by the emulator, per resource type: create, read (the Read
   RPC), refresh, update, delete, adopt (declared = live) and adopt with a change, no-op up.
4. Check + diff cost of a charge point, an EVSE with two connectors and a tariff with full
   pricing, in-process: median and p99 of an unchanged resource, median with one change.
5. Cold start in fresh interpreters: ``import pulumi_ampeco`` (and a program's imports, and the
   provider process's work before its first answer) against ``import pulumi``; the size of the
   pickled provider.
6. Export of a tenant with many id tags and charge points (seeded with PUT /_emulator/state):
   pages fetched per type, wall time against a bare paging loop, peak memory (tracemalloc).
7. The whole `pulumi up` of N new id tags (100, 500, 2000) through the real CLI, against a bare
   httpx loop making the same N POSTs at the provider's concurrency (4) and against the harness;
   CPU seconds per process (engine, program, provider), the share of checkpoint writes
   (PULUMI_SKIP_CHECKPOINTS), growth with N, a no-op up and a refresh of the largest, --parallel.
8. ``ampeco.IdTagSet`` of N cards (1,000, 10,000, 100,000) through the real CLI: create, a no-op up,
   an up with 10 changed cards and a refresh; API requests, wall time, the provider process's peak
   memory and the state's size; against a bare httpx loop making the same requests at the set's
   concurrency, and against one IdTag resource per card at the sizes where that is practical.
9. A ``Network`` of S sites x 5 charge points x 2 EVSEs x 2 connectors (26 resources a site, up to
   1,000 sites = 26,000 resources) through the real CLI: preview, up, no-op up, refresh; the curve
   of time against size, where the time goes, and what checkpoints cost.

    .venv/bin/python tests/benchmarks/run.py            # the full run (~50 min; items 7-9 are the real CLI)
    .venv/bin/python tests/benchmarks/run.py --quick    # tiny sizes, for the smoke test
    .venv/bin/python tests/benchmarks/run.py --json out.json

Timings are for reading, never asserted; ``tests/test_benchmark_smoke.py`` checks only that the
table prints and that the API-call counts are the minimum.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import gc
import itertools
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]  # the helper modules, and tests/_harness

import httpx
from _bench_tenant import Tenant, calls_by_kind, pages_by_kind, running_tenant, seed_big_tenant

PHASES = ("create", "read", "update", "delete")
TAG_PATH = "/public-api/resources/id-tags/v2.0"


@dataclass(frozen=True)
class Size:
    ops: int              # id tags per cycle in items 1 and 2
    rounds: int           # repetitions of items 1, 2 and 6
    block: int            # item 1 alternates bare/provider every `block` operations
    diff_samples: int     # item 4
    cold_repeats: int     # item 5 (fresh interpreters per command)
    export_tags: int      # item 6
    export_cps: int
    real_tags: tuple[int, ...] = (100, 500, 2000)  # item 7
    set_cards: tuple[int, ...] = (1_000, 10_000, 100_000)  # item 8
    per_card_up_to: int = 2_000  # item 8: one IdTag resource per card up to this many
    network_sites: tuple[int, ...] = (10, 40, 160, 1_000)  # item 9 (26 resources a site)
    checkpointed_sites: int = 40  # item 9: with the file backend's checkpoint per step up to this many


FULL = Size(ops=500, rounds=5, block=50, diff_samples=5000, cold_repeats=10,
            export_tags=10_000, export_cps=1_000)
QUICK = Size(ops=20, rounds=1, block=10, diff_samples=200, cold_repeats=1, export_tags=1_000, export_cps=100,
             real_tags=(5, 10), set_cards=(20, 250), per_card_up_to=20, network_sites=(1, 2), checkpointed_sites=2)


@dataclass
class Report:
    rows: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def row(self, item: str, measure: str, result: str, goal: str = "", met: bool | None = None) -> None:
        self.rows.append((item, measure, result, goal, "" if met is None else ("yes" if met else "NO")))

    def table(self) -> str:
        header = ("#", "Measure", "Result", "Goal", "Met")
        widths = [max(len(r[i]) for r in [header, *self.rows]) for i in range(5)]
        lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |",
                 "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
        lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in self.rows]
        return "\n".join(lines)


def us(seconds: float) -> str:
    return f"{seconds * 1e6:,.0f} µs"


def progress(text: str) -> None:
    print(f"  .. {text}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Items 1 and 2: the same id-tag cycles, bare and through the provider.


def tag_args(prefix: str, i: int, label: str = "Card") -> dict[str, Any]:
    return {"id_tag_uid": f"{prefix}{i:06d}", "status": "enabled", "type": "rfid", "id_label": f"{label} {i}"}


class BareCycle:
    """What a hand-written script would send: POST, GET, PATCH (the changed field), DELETE."""

    def __init__(self, client: httpx.Client, prefix: str, n: int) -> None:
        self.client, self.n = client, n
        self.bodies = [{"idTagUid": a["id_tag_uid"], "status": "enabled", "type": "rfid", "idLabel": a["id_label"]}
                       for a in (tag_args(prefix, i) for i in range(n))]
        self.ids: list[Any] = [None] * n

    def create(self, i: int) -> None:
        response = self.client.post(TAG_PATH, json=self.bodies[i])
        response.raise_for_status()
        self.ids[i] = response.json()["data"]["id"]

    def read(self, i: int) -> None:
        response = self.client.get(f"{TAG_PATH}/{self.ids[i]}")
        response.raise_for_status()
        response.json()["data"]

    def update(self, i: int) -> None:
        response = self.client.patch(f"{TAG_PATH}/{self.ids[i]}", json={"idLabel": f"New {i}"})
        response.raise_for_status()
        response.json()["data"]

    def delete(self, i: int) -> None:
        self.client.delete(f"{TAG_PATH}/{self.ids[i]}").raise_for_status()


class ProviderCycle:
    """AmpecoProvider's own create/read/update/delete, with inputs as check returned them."""

    def __init__(self, provider: Any, prefix: str, n: int) -> None:
        self.provider, self.n = provider, n
        self.inputs = [provider.check({}, tag_args(prefix, i)).inputs for i in range(n)]
        self.changed = [provider.check({}, tag_args(prefix, i, "New")).inputs for i in range(n)]
        self.ids: list[str] = [""] * n
        self.outs: list[dict[str, Any]] = [{}] * n

    def create(self, i: int) -> None:
        result = self.provider.create(self.inputs[i])
        self.ids[i], self.outs[i] = result.id, result.outs

    def read(self, i: int) -> None:
        self.provider.read(self.ids[i], self.outs[i])

    def update(self, i: int) -> None:
        self.outs[i] = self.provider.update(self.ids[i], self.outs[i], self.changed[i]).outs

    def delete(self, i: int) -> None:
        self.provider.delete(self.ids[i], self.outs[i])


class GrpcCycle:
    """The same calls as the engine makes them: gRPC to ``python -m pulumi.dynamic``."""

    def __init__(self, process: Any, provider: Any, blob: str, prefix: str, n: int) -> None:
        self.process, self.n = process, n
        self.urns = [f"urn:pulumi:bench::bench::pulumi-python:dynamic/ampeco:IdTag::{prefix}-{i}" for i in range(n)]
        self.inputs = [{**provider.check({}, tag_args(prefix, i)).inputs, "__provider": blob} for i in range(n)]
        self.changed = [{**provider.check({}, tag_args(prefix, i, "New")).inputs, "__provider": blob}
                        for i in range(n)]
        self.ids: list[str] = [""] * n
        self.outs: list[dict[str, Any]] = [{}] * n

    def create(self, i: int) -> None:
        result = self.process.create(self.urns[i], self.inputs[i])
        self.ids[i], self.outs[i] = result.id, result.outputs

    def read(self, i: int) -> None:
        self.process.read(self.urns[i], self.ids[i], self.outs[i], self.inputs[i])

    def update(self, i: int) -> None:
        self.outs[i] = self.process.update(self.urns[i], self.ids[i], self.outs[i], self.changed[i], self.inputs[i])

    def delete(self, i: int) -> None:
        self.process.delete(self.urns[i], self.ids[i], self.outs[i], self.changed[i])


def bare_client(tenant: Tenant, connections: int = 1) -> httpx.Client:
    return httpx.Client(base_url=tenant.url, timeout=60,
                        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
                        headers={"Authorization": f"Bearer {tenant.token}", "Accept": "application/json"})


def item1(tenant: Tenant, size: Size, report: Report) -> float:
    """Returns the provider's in-process operations per second (item 2 compares with it)."""
    from pulumi_ampeco._engine import session
    from pulumi_ampeco._engine.provider import AmpecoProvider

    session.configure(tenant.config)
    provider = AmpecoProvider("IdTag")
    wall = {(v, p): 0.0 for v in ("bare", "provider") for p in PHASES}
    cpu = dict(wall)
    round_ratios = []
    requests_per_op = 0.0
    with bare_client(tenant) as client:
        for warm in (BareCycle(client, "WB", 5), ProviderCycle(provider, "WP", 5)):  # pools, caches, lazy imports
            for phase in PHASES:
                for i in range(5):
                    getattr(warm, phase)(i)
        for rnd in range(size.rounds):
            tenant.clear_log()
            cycles = {"bare": BareCycle(client, f"B{rnd}-", size.ops),
                      "provider": ProviderCycle(provider, f"P{rnd}-", size.ops)}
            this_round = {"bare": 0.0, "provider": 0.0}
            for phase in PHASES:
                for b, start in enumerate(range(0, size.ops, size.block)):
                    indexes = range(start, min(size.ops, start + size.block))
                    order = ("bare", "provider") if (b + rnd) % 2 == 0 else ("provider", "bare")
                    for variant in order:
                        fn = getattr(cycles[variant], phase)
                        t0, c0 = time.perf_counter(), time.process_time()
                        for i in indexes:
                            fn(i)
                        elapsed = time.perf_counter() - t0
                        wall[variant, phase] += elapsed
                        cpu[variant, phase] += time.process_time() - c0
                        this_round[variant] += elapsed
            round_ratios.append(this_round["provider"] / this_round["bare"])
            # both variants' requests: 1.0 when the provider, like the bare loop, makes one per operation
            requests_per_op = len([r for r in tenant.requests() if r["path"].startswith(TAG_PATH)]) / (8 * size.ops)
    n_ops = 4 * size.ops * size.rounds
    bare_total = sum(wall["bare", p] for p in PHASES)
    prov_total = sum(wall["provider", p] for p in PHASES)
    ratio = prov_total / bare_total
    bare_cpu = sum(cpu["bare", p] for p in PHASES) / n_ops
    prov_cpu = sum(cpu["provider", p] for p in PHASES) / n_ops
    report.row("1", f"bare httpx.Client: {size.ops} id tags x C/R/U/D, x{size.rounds}",
               f"{bare_total:.2f} s ({us(bare_total / n_ops)}/op)")
    report.row("1", "AmpecoProvider create/read/update/delete, same ops",
               f"{prov_total:.2f} s ({us(prov_total / n_ops)}/op)")
    report.row("1", "ratio provider / bare (wall)",
               f"{ratio:.3f} (rounds {min(round_ratios):.2f}-{max(round_ratios):.2f})", "<= 1.10", ratio <= 1.10)
    per_phase = ", ".join(f"{p} {wall['provider', p] / wall['bare', p]:.2f}" for p in PHASES)
    report.row("1", "ratio per operation", per_phase)
    report.row("1", "client-side CPU per op: bare / provider",
               f"{us(bare_cpu)} / {us(prov_cpu)} ({(prov_cpu - bare_cpu) * 1e6:+,.0f} µs)")
    report.data["item1"] = {"bare_s": bare_total, "provider_s": prov_total, "ratio": ratio,
                            "round_ratios": round_ratios, "ops": n_ops, "bare_cpu_per_op": bare_cpu,
                            "provider_cpu_per_op": prov_cpu,
                            "per_phase": {p: [wall["bare", p], wall["provider", p]] for p in PHASES},
                            "requests_per_op": requests_per_op}
    return n_ops / prov_total


def _run_phases(cycle: Any, n: int, workers: int) -> dict[str, float]:
    times = {}
    with ThreadPoolExecutor(workers) if workers > 1 else contextlib.nullcontext() as pool:
        for phase in PHASES:
            fn = getattr(cycle, phase)
            t0 = time.perf_counter()
            if pool is None:
                for i in range(n):
                    fn(i)
            else:
                list(pool.map(fn, range(n)))
            times[phase] = time.perf_counter() - t0
    return times


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of another process (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return math.nan
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def item2(tenant: Tenant, size: Size, report: Report, provider_ops_per_s: float) -> None:
    from _bench_null_provider import NullProvider
    from _harness import ProviderProcess, serialize_provider
    from pulumi_ampeco._engine.provider import AmpecoProvider

    provider = AmpecoProvider("IdTag")
    blob, null_blob = serialize_provider(provider), serialize_provider(NullProvider())
    wall: dict[str, float] = {}
    cpu: dict[str, list[float]] = {}  # this process (the engine's stand-in), provider process, emulator
    with ProviderProcess(project="bench", pythonpath=[HERE]) as process, \
            bare_client(tenant, connections=4) as client:
        process.configure(tenant.config, secret_keys=("ampeco:apiToken",))
        assert process.pid is not None
        pids = (process.pid, tenant.proc.pid)
        variants: dict[str, tuple[Callable[[str, int], Any], int]] = {
            "grpc x1": (lambda prefix, n: GrpcCycle(process, provider, blob, prefix, n), 1),
            "grpc x4": (lambda prefix, n: GrpcCycle(process, provider, blob, prefix, n), 4),
            "null x1": (lambda prefix, n: GrpcCycle(process, provider, null_blob, prefix, n), 1),
            "null x4": (lambda prefix, n: GrpcCycle(process, provider, null_blob, prefix, n), 4),
            "bare x4": (lambda prefix, n: BareCycle(client, prefix, n), 4),
        }
        for name, (make, workers) in variants.items():  # warm-up: the provider's imports, gRPC, pools
            _run_phases(make(f"W{name[0]}{workers}-", 8), 8, workers)
        names = list(variants)
        for rnd in range(size.rounds):
            for name in names[rnd % len(names):] + names[:rnd % len(names)]:
                make, workers = variants[name]
                cycle = make(f"G{rnd}{name[0]}{workers}-", size.ops)
                before = [time.process_time(), *(cpu_seconds(pid) for pid in pids)]
                times = _run_phases(cycle, size.ops, workers)
                after = [time.process_time(), *(cpu_seconds(pid) for pid in pids)]
                wall[name] = wall.get(name, 0.0) + sum(times.values())
                spent = [b - a for a, b in zip(before, after)]
                cpu[name] = [x + y for x, y in zip(cpu.get(name, [0.0, 0.0, 0.0]), spent)]
    n_ops = 4 * size.ops * size.rounds
    ops = {name: n_ops / wall[name] for name in wall}
    for name, label in (("grpc x1", "gRPC provider server, 1 caller"),
                        ("grpc x4", "gRPC provider server, 4 concurrent callers")):
        report.row("2", label, f"{ops[name]:,.0f} ops/s; x{ops[name] / provider_ops_per_s:.2f} item 1's provider "
                               f"({provider_ops_per_s:,.0f} ops/s)")
    report.row("2", "(floor: a provider doing nothing, 1 / 4 callers)",
               f"{ops['null x1']:,.0f} / {ops['null x4']:,.0f} ops/s (no API calls)")
    report.row("2", "(bare httpx, 4 threads: the API's limit for x4)", f"{ops['bare x4']:,.0f} ops/s")
    per_op = {name: [c / n_ops for c in cpu[name]] for name in cpu}
    report.row("2", "CPU per op, 1 caller: engine stand-in / provider process / emulator",
               " / ".join(us(c) for c in per_op["grpc x1"]) + "  (null provider: "
               + " / ".join(us(c) for c in per_op["null x1"][:2]) + ")")
    report.data["item2"] = {"ops_per_s": ops, "item1_provider_ops_per_s": provider_ops_per_s,
                            "cpu_per_op": per_op}


# ---------------------------------------------------------------------------------------------
# Item 3: API calls per operation, per resource type.

COUNT_COLUMNS = ("create", "read", "refresh", "update", "delete", "adopt", "adopt+change", "no-op up")
MINIMUM = {"create": 1, "read": 1, "refresh": 1, "update": 1, "delete": 1, "adopt": 1, "adopt+change": 2,
           "no-op up": 0}


def _count_calls(tenant: Tenant, process: Any, case: Any) -> dict[str, int]:
    """The subject's API calls for each step, through the engine harness and the real provider process."""
    from _harness import Engine

    tenant.reset()
    engine = Engine(process, project="bench", stack="counts", config=tenant.config,
                    secret_config_keys=("ampeco:apiToken",))
    got: dict[str, int] = {}

    def measure(label: str, action: Callable[[], Any]) -> None:
        tenant.clear_log()
        action()
        got[label] = calls_by_kind(tenant.requests())[case.kind]

    def adopt(**extra: Any) -> None:
        object_id = int(engine.resource("subject").id)
        del engine.state[engine.resource("subject").urn]
        plan = engine.up(case.program(adopt_id=object_id, **extra))
        assert plan.step("subject").id == str(object_id), plan.summary()

    measure("create", lambda: engine.up(case.program()))
    measure("no-op up", lambda: engine.up(case.program()))
    entry = engine.resource("subject")
    measure("read", lambda: process.read(entry.urn, entry.id, entry.outputs, entry.inputs))
    measure("refresh", engine.refresh)
    measure("update", lambda: engine.up(case.program(**case.update)))
    measure("adopt", lambda: adopt(**case.update))  # declared = live: read it, nothing to send
    measure("adopt+change", adopt)                  # differs: read it, then one update
    measure("delete", engine.destroy)
    return got


def _credential_check_calls(tenant: Tenant, process: Any, case: Any) -> int:
    """What the run's credential check costs: a preview of creates makes no other call. It is made
    once per provider process, so the counts per operation below do not include it."""
    from _harness import Engine

    tenant.reset()
    tenant.clear_log()
    Engine(process, project="bench", stack="check", config=tenant.config,
           secret_config_keys=("ampeco:apiToken",)).preview(case.program())
    return len(tenant.requests())


def item3(tenant: Tenant, report: Report) -> None:
    from _bench_programs import CASES
    from _harness import ProviderProcess

    with ProviderProcess(project="bench") as process:
        checks = _credential_check_calls(tenant, process, CASES[0])
        counts = {case.name: _count_calls(tenant, process, case) for case in CASES}
    from pulumi_ampeco.specs import REGISTRY

    report.row("3", "credential check: API calls per run (a preview of creates)", str(checks), "1", checks == 1)
    report.data["item3_credential_check"] = checks

    expected_create = {"ChargePoint + integrated_at": 2}
    # A PUT sends the whole object, so it first reads what the tenant holds now: what the program
    # does not manage goes back as it is (never wiped by a stale state).
    expected_update = {case.name: 2 for case in CASES if REGISTRY[case.kind].update_method == "PUT"}
    minimum = {name: dict(MINIMUM, create=expected_create.get(name, 1), update=expected_update.get(name, 1))
               for name in counts}
    for name, got in counts.items():
        cells = "/".join(str(got[c]) for c in COUNT_COLUMNS)
        goal = "/".join(str(minimum[name][c]) for c in COUNT_COLUMNS)
        report.row("3", f"{name}: " + "/".join(COUNT_COLUMNS), cells, goal, got == minimum[name])
    report.data["item3"] = {"columns": list(COUNT_COLUMNS), "counts": counts, "minimum": minimum}


# ---------------------------------------------------------------------------------------------
# Item 4: check + diff cost.


def _real_outputs(tenant: Tenant) -> dict[str, tuple[Any, dict[str, Any], dict[str, Any]]]:
    """Creates one of each object through the provider: kind label -> (provider, news, outputs)."""
    from _bench_programs import FULL_PRICING
    from pulumi_ampeco._engine import session
    from pulumi_ampeco._engine.provider import AmpecoProvider

    tenant.reset()
    session.configure(tenant.config)

    def make(kind: str, news: dict[str, Any]) -> tuple[Any, dict[str, Any], dict[str, Any], str]:
        provider = AmpecoProvider(kind)
        checked = provider.check({}, news)
        assert not checked.failures, checked.failures
        created = provider.create(checked.inputs)
        return provider, news, created.outs, created.id

    en = [{"locale": "en", "translation": "Depot"}]
    _, _, _, site = make("Location", {"name": en, "address": en, "country": "BG",
                                      "geoposition": {"latitude": 42.69, "longitude": 23.32}})
    _, _, _, group = make("TariffGroup", {"name": "Public"})
    cp = make("ChargePoint", {
        "name": "Depot 1", "type": "public", "status": "enabled", "location_id": site,
        "communication_mode": "direct_ocpp", "external_id": "cp-1", "network_type": "ethernet",
        "network": {"id": "DEPOT-SOF-01", "protocol": "ocpp 1.6", "password": "s3cret-pass"},
        "tags": ["depot", "ac", "staff"], "capabilities": ["meter_values", "remote_start_stop_capable"],
        "security": {"desired_profile": 1.0}, "auto_start_without_authorization": False,
        "enable_auto_fault_recovery": True, "uses_renewable_energy": True})
    evse = make("Evse", {
        "charge_point_id": cp[3], "network_id": "1", "physical_reference": "SOF-1-1", "current_type": "ac",
        "status": "enabled", "tariff_group_id": group, "label": "Left", "booking_enabled": False,
        "power_options": {"max_power": 22000, "phases": "three_phase", "max_voltage": "400",
                          "max_amperage": 32.0}, "external_id": "evse-1"})
    connectors = [make("Connector", {"charge_point_id": cp[3], "evse_id": evse[3], "type": plug,
                                     "format": fmt, "status": "enabled"})
                  for plug, fmt in (("type2", "socket"), ("ccs2", "cable"))]
    tariff = make("Tariff", {
        "name": "Standard AC", "type": "duration+energy", "pricing": {
            **FULL_PRICING, "multi_price_per_kwh": [{"first_kwh": 0.0, "last_kwh": 20.0, "fee_per_kwh": 0.3},
                                                    {"first_kwh": 20.0, "fee_per_kwh": 0.25}]},
        "restrictions": {"start_date": "2027-01-01", "apply_to_ad_hoc_users": True},
        "stop_session": {"time_limit_minutes": 600.0}, "display": {"price_information": "0.32 EUR/kWh"}})
    return {"cp": cp[:3], "evse": evse[:3], "connector1": connectors[0][:3], "connector2": connectors[1][:3],
            "tariff": tariff[:3]}


def item4(tenant: Tenant, size: Size, report: Report) -> None:
    objects = _real_outputs(tenant)
    changes = {"cp": ("name", "Depot 1b"), "evse": ("label", "Right"), "tariff": ("name", "Standard AC 2")}
    cases = {"ChargePoint": ["cp"], "Evse + 2 Connectors": ["evse", "connector1", "connector2"],
             "Tariff (full pricing)": ["tariff"]}
    results = {}
    for label, parts in cases.items():
        def sample(changed: bool, parts: Sequence[str] = parts) -> float:
            t0 = time.perf_counter()
            for part in parts:
                provider, news, outs = objects[part]
                if changed and part in changes:
                    news = {**news, changes[part][0]: changes[part][1]}
                checked = provider.check(news, news)  # olds: the engine sends the old inputs
                diff = provider.diff("1", outs, checked.inputs)
                assert (diff.changes is False) != (changed and part in changes), (part, diff)
            return time.perf_counter() - t0

        for _ in range(50):
            sample(False)
            sample(True)
        same = sorted(sample(False) for _ in range(size.diff_samples))
        changed = sorted(sample(True) for _ in range(max(size.diff_samples // 5, 20)))
        p99 = same[min(len(same) - 1, math.ceil(len(same) * 0.99) - 1)]
        median = statistics.median(same)
        results[label] = {"median": median, "p99": p99, "changed_median": statistics.median(changed)}
        report.row("4", f"check + diff, {label}",
                   f"median {us(median)}, p99 {us(p99)}; one change: median {us(statistics.median(changed))}",
                   "< 1 ms", p99 < 1e-3)
    report.data["item4"] = results


# ---------------------------------------------------------------------------------------------
# Item 5: cold start.

CLASSES = ("IdTag", "Location", "ChargingZone", "ChargePoint", "Evse", "Connector", "Tariff", "TariffGroup")


_SLOW_PYTHON_ENV = {"PYTHONPROFILEIMPORTTIME", "PYTHONTRACEMALLOC", "PYTHONDEVMODE", "PYTHONMALLOC",
                    "PYTHONDONTWRITEBYTECODE", "PYTHONASYNCIODEBUG"}


def _timed(code: str) -> str:
    return ("import time\n_t0 = time.perf_counter()\n" + code +
            "\nprint(time.perf_counter() - _t0)")


def item5(size: Size, report: Report) -> None:
    from pulumi.dynamic.dynamic import serialize_provider
    from pulumi_ampeco._engine.provider import AmpecoProvider

    blob = serialize_provider(AmpecoProvider("IdTag"))
    raw = base64.b64decode(blob)
    commands = {
        "pulumi": "import pulumi",
        "pulumi_ampeco": "import pulumi_ampeco",
        "program": "import pulumi_ampeco as ampeco\n" + "".join(f"ampeco.{c}\n" for c in CLASSES),
        "server": "import pulumi, pulumi.dynamic, dill",
        "provider": ("import pulumi, pulumi.dynamic, dill, base64\n"
                     f"p = dill.loads(base64.b64decode({blob!r}))\n"
                     "r = p.check({}, {'id_tag_uid': '04A1', 'status': 'enabled', 'type': 'rfid'})\n"
                     "p.diff('1', dict(r.inputs), r.inputs)"),
    }
    env = {k: v for k, v in os.environ.items() if k not in _SLOW_PYTHON_ENV}
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for rnd in range(size.cold_repeats + 1):
        for name, code in commands.items():
            out = subprocess.run([sys.executable, "-c", _timed(code)], capture_output=True, text=True, env=env,
                                 check=True).stdout
            if rnd:  # the first round warms the OS file cache
                samples[name].append(float(out.strip().splitlines()[-1]))
    median = {name: statistics.median(values) for name, values in samples.items()}
    ratio = median["pulumi_ampeco"] / median["pulumi"]
    program = median["program"] / median["pulumi"]
    provider = median["provider"] / median["server"]
    report.row("5", "import pulumi (baseline)", f"{median['pulumi'] * 1e3:.0f} ms")
    report.row("5", "import pulumi_ampeco / import pulumi",
               f"{median['pulumi_ampeco'] * 1e3:.0f} ms; ratio {ratio:.2f}", "<= 1.25", ratio <= 1.25)
    report.row("5", "program: import pulumi_ampeco + its 8 resource classes / import pulumi",
               f"{median['program'] * 1e3:.0f} ms; ratio {program:.2f}", "<= 1.25", program <= 1.25)
    report.row("5", "provider process: unpickle + first check/diff / import pulumi.dynamic",
               f"{median['provider'] * 1e3:.0f} ms vs {median['server'] * 1e3:.0f} ms; ratio {provider:.2f}")
    report.row("5", "pickled provider (dill bytes; base64 in state)", f"{len(raw)} B; {len(blob)} chars")
    report.data["item5"] = {"median_s": median, "ratio": ratio, "program_ratio": program,
                            "provider_ratio": provider, "pickle_bytes": len(raw), "pickle_b64_chars": len(blob)}


# ---------------------------------------------------------------------------------------------
# Item 6: export.


def _bare_pages(client: httpx.Client, path: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    url: str | None = f"{path}?per_page=100&cursor="
    while url:
        body = client.get(url).json()
        items.extend(body["data"])
        url = (body.get("links") or {}).get("next")
    return items


def _peak(fn: Callable[[], Any]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@contextlib.contextmanager
def _logged(tenant: Tenant) -> Iterator[dict[str, Any]]:
    tenant.clear_log()
    out: dict[str, Any] = {}
    yield out
    log = tenant.requests()
    out["pages"] = dict(pages_by_kind(log))
    out["requests"] = len(log)


def item6(tenant: Tenant, size: Size, report: Report) -> None:
    from pulumi_ampeco.client import AmpecoClient
    from pulumi_ampeco.export import export_network
    from pulumi_ampeco.specs import REGISTRY

    seed_big_tenant(tenant, size.export_tags, size.export_cps)
    paths = {"IdTag": REGISTRY["IdTag"].collection, "ChargePoint": REGISTRY["ChargePoint"].collection}
    types = ["id_tag", "charge_point"]  # and what they need: the location (and its charging zones)
    expected = {"IdTag": math.ceil(size.export_tags / 100), "ChargePoint": math.ceil(size.export_cps / 100),
                "Location": 1, "ChargingZone": 1}

    with bare_client(tenant) as bare, AmpecoClient(tenant.url, tenant.token) as client:
        variants: dict[str, Callable[[], Any]] = {
            "bare": lambda: [_bare_pages(bare, p) for p in paths.values()],
            "list": lambda: [list(client.list(p, per_page=100)) for p in paths.values()],
            "export": lambda: export_network(client, types=types),
        }
        wall = {name: [] for name in variants}  # type: dict[str, list[float]]
        pages: dict[str, dict[str, int]] = {}
        for name, fn in variants.items():  # warm-up, and the page counts
            with _logged(tenant) as logged:
                fn()
            pages[name] = logged["pages"]
        for rnd in range(max(size.rounds, 2 * size.rounds - 1)):  # the export only every other round
            names = [n for n in variants if n != "export" or rnd % 2 == 0]
            for name in names[rnd % len(names):] + names[:rnd % len(names)]:
                gc.collect()
                t0 = time.perf_counter()
                variants[name]()
                wall[name].append(time.perf_counter() - t0)
        peaks = {name: _peak(fn) for name, fn in variants.items()}
        exported = export_network(client, types=types)
    best = {name: statistics.median(v) for name, v in wall.items()}
    n = f"{size.export_tags:,} id tags + {size.export_cps:,} charge points"
    ok_pages = all(pages["export"].get(k, 0) == v for k, v in expected.items())
    report.row("6", f"export pages fetched ({n})",
               ", ".join(f"{k} {pages['export'].get(k, 0)}" for k in expected),
               ", ".join(f"{k} {v}" for k, v in expected.items()), ok_pages)
    report.row("6", "wall: bare paging loop / AmpecoClient.list",
               f"{best['bare']:.2f} s / {best['list']:.2f} s; ratio {best['list'] / best['bare']:.2f}")
    report.row("6", "wall: export_network (listing + spec + YAML)",
               f"{best['export']:.2f} s; x{best['export'] / best['bare']:.2f} the bare loop")
    report.row("6", "peak memory (tracemalloc): bare / list / export",
               " / ".join(f"{peaks[k] / 2**20:.1f} MiB" for k in ("bare", "list", "export")))
    report.data["item6"] = {"pages": pages, "expected_pages": expected, "wall_s": best, "peak_bytes": peaks,
                            "exported_objects": exported.counts}


# ---------------------------------------------------------------------------------------------
# Item 7: the whole `pulumi up` of N id tags through the real CLI.


def _bare_requests(tenant: Tenant, calls: list[tuple[str, str, dict[str, Any] | None]], workers: int = 4) -> float:
    """The same requests as the program's, from a bare pooled client at the same concurrency (the
    provider's 4 for one resource per card, a set's 8)."""
    with bare_client(tenant, connections=workers) as client, ThreadPoolExecutor(workers) as pool:
        started = time.perf_counter()
        list(pool.map(lambda c: client.request(c[0], c[1], json=c[2]).raise_for_status(), calls))
        return time.perf_counter() - started


def _bare_posts(tenant: Tenant, n: int, prefix: str) -> float:
    """The same N POSTs as ``many_id_tags``'s."""
    return _bare_requests(tenant, [("POST", TAG_PATH, {"idTagUid": f"{prefix}{i:07d}", "status": "enabled",
                                                       "type": "rfid", "idLabel": f"Card {i}"}) for i in range(n)])


def _bare_gets(tenant: Tenant, ids: list[str]) -> float:
    return _bare_requests(tenant, [("GET", f"{TAG_PATH}/{i}", None) for i in ids])


def item7(tenant: Tenant, size: Size, report: Report) -> None:
    from _bench_real import describe, state_bytes, timed, usage_by_role
    from _harness import Engine, ProviderProcess
    from _samples import Program, many_id_tags

    bench = RealBench.start(tenant, report, "7")
    if bench is None:
        return
    data: dict[str, Any] = {"sizes": {}}
    per_tag: dict[int, float] = {}
    real_engine = bench.engine
    t_empty = bench.empty_up()
    report.row("7", "fixed cost of one `pulumi up` (empty program: engine, language host, program start)",
               f"{t_empty:.2f} s")

    for n in size.real_tags:
        program = Program(many_id_tags, {"count": n})
        tenant.reset()
        bare = _bare_posts(tenant, n, "F")
        tenant.reset()
        with ProviderProcess(project="bench") as process:
            harness = Engine(process, project="bench", config=tenant.config, secret_config_keys=("ampeco:apiToken",))
            t_harness, _ = timed(lambda h=harness, p=program: h.up(p))
        tenant.reset()
        engine = real_engine(f"up-{n}")
        with usage_by_role(engine.dir) as usage:
            t_real, plan = timed(lambda e=engine, p=program: e.up(p))
        cpu = usage.cpu
        assert plan.ops() == {"create": n}, plan.ops()
        checkpoint = state_bytes(engine.dir.parent)
        tenant.reset()
        fast = real_engine(f"skip-checkpoints-{n}", skip_checkpoints=True)
        with usage_by_role(fast.dir) as usage_fast:
            t_fast, _ = timed(lambda e=fast, p=program: e.up(p))
        cpu_fast = usage_fast.cpu
        per_tag[n] = (t_real - t_empty) / n
        data["sizes"][n] = {"bare_s": bare, "harness_s": t_harness, "real_s": t_real, "real_cpu_s": dict(cpu),
                            "skip_checkpoints_s": t_fast, "skip_checkpoints_cpu_s": dict(cpu_fast),
                            "checkpoint_bytes": checkpoint}
        report.row("7", f"up of {n:,} new id tags: real CLI / bare POST loop (4 conns)",
                   f"{t_real:.1f} s / {bare:.2f} s = x{t_real / bare:.1f}; harness {t_harness:.1f} s")
        report.row("7", f"  where it goes (CPU s: {describe(cpu)})",
                   f"checkpoints: {t_real - t_fast:.1f} s of {t_real:.1f} s (PULUMI_SKIP_CHECKPOINTS: {t_fast:.1f} s, "
                   f"x{t_fast / bare:.1f} bare); state {checkpoint / 2**20:.1f} MiB")
    sizes = sorted(per_tag)
    growth = per_tag[sizes[-1]] / per_tag[sizes[0]]
    report.row("7", f"growth: time per tag beyond the fixed cost, at {sizes[-1]:,} / at {sizes[0]:,}",
               f"x{growth:.1f} ({per_tag[sizes[0]] * 1e3:.1f} ms -> {per_tag[sizes[-1]] * 1e3:.1f} ms per tag)",
               "1.0 = linear", None)

    # The biggest fleet again: a no-op up and a refresh, and what the CLI's knobs do to an up.
    n = sizes[-1]
    program = Program(many_id_tags, {"count": n})
    tenant.reset()
    engine = real_engine(f"steady-{n}")
    engine.up(program)
    tenant.clear_log()
    t_noop, noop = timed(lambda: engine.up(program))
    noop_log = tenant.requests()
    noop_requests = len(noop_log)
    noop_writes = sum(r["method"] != "GET" for r in noop_log)
    tenant.clear_log()
    t_refresh, _ = timed(lambda: engine.refresh())
    refresh_requests = len(tenant.requests())
    bare_refresh = _bare_gets(tenant, [e.id for e in engine.state.values()])
    report.row("7", f"no-op up of {n:,} tags: time, API requests (the run's credential check is one GET)",
               f"{t_noop:.1f} s, {noop_writes} writes, {noop_requests} requests", "0 writes, <= 1 request",
               noop_writes == 0 and noop_requests <= 1 and set(noop.ops()) == {"same"})
    report.row("7", f"refresh of {n:,} tags: real CLI / bare GET loop",
               f"{t_refresh:.1f} s / {bare_refresh:.2f} s = x{t_refresh / bare_refresh:.1f}; {refresh_requests} requests",
               f"{n} requests", refresh_requests == n)
    knobs: dict[str, float] = {}
    mid = size.real_tags[len(size.real_tags) // 2]
    for label, flags in (("--parallel 4", ["--parallel", "4"]), ("--parallel 8 (default)", []),
                         ("--parallel 32", ["--parallel", "32"])):
        tenant.reset()
        knob = real_engine(f"knob-{label.split()[1]}")
        knobs[label], _ = timed(lambda e=knob, f=flags: e.up(Program(many_id_tags, {"count": mid}), *f))
    report.row("7", f"up of {mid:,} tags by --parallel (engine's default 8; the provider serves 4 at once)",
               ", ".join(f"{k}: {v:.1f} s" for k, v in knobs.items()))
    data.update(empty_up_s=t_empty, per_tag_s=per_tag, noop_s=t_noop, noop_requests=noop_requests,
                noop_writes=noop_writes, refresh_s=t_refresh, refresh_requests=refresh_requests,
                bare_refresh_s=bare_refresh, parallel_s=knobs, growth=growth)
    report.data["item7"] = data
    bench.close()


# ---------------------------------------------------------------------------------------------
# Items 8 and 9: fleets as one resource, and big networks, through the real CLI.


class RealBench:
    """Projects of the pinned CLI against the bench tenant, each in its own directory; None without a CLI."""

    def __init__(self, tenant: Tenant, bin_dir: Path) -> None:
        from _harness.real_cli import ROOT, program_venv

        self.tenant, self.bin_dir = tenant, bin_dir
        self.venv = program_venv(ROOT / ".tools" / "e2e")
        self.work = Path(os.environ.get("TMPDIR", "/tmp")) / f"ampeco-bench-{os.getpid()}"

    @classmethod
    def start(cls, tenant: Tenant, report: Report, item: str) -> RealBench | None:
        from _harness.real_cli import pulumi_env  # tools/pulumi_env.py, put on the path by real_cli

        bin_dir = pulumi_env.find_cli()
        if bin_dir is None:
            report.row(item, "through the real CLI", f"skipped: no Pulumi CLI {pulumi_env.pinned_version()}")
            return None
        return cls(tenant, bin_dir)

    def engine(self, label: str, *, skip_checkpoints: bool = False) -> Any:
        from _harness.real_cli import RealEngine

        engine = RealEngine(self.bin_dir, self.venv, self.work / label, tenant_url=self.tenant.url,
                            token=self.tenant.token, project="bench")
        engine.timeout = 3 * 3600.0
        if skip_checkpoints:
            engine.env["PULUMI_SKIP_CHECKPOINTS"] = "true"
        return engine

    def empty_up(self) -> float:
        """The fixed cost of one `pulumi up` (an empty program), the median of three."""
        from _bench_real import timed
        from _samples import Program, nothing

        empty = self.engine("empty")
        return statistics.median(timed(lambda: empty.up(Program(nothing)))[0] for _ in range(3))

    def close(self, engine: Any | None = None) -> None:
        """Remove one project's directory (its state can be hundreds of MiB), or all of them."""
        import shutil

        shutil.rmtree(engine.dir.parent if engine is not None else self.work, ignore_errors=True)


def _methods(log: list[dict[str, Any]]) -> dict[str, int]:
    return dict(Counter(r["method"] for r in log))


def _writes(counts: dict[str, int]) -> int:
    return sum(v for k, v in counts.items() if k != "GET")


def _mib(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB" if n >= 2**20 else f"{n / 2**10:,.0f} KiB"


def item8(tenant: Tenant, size: Size, report: Report) -> None:
    from _bench_real import state_bytes, timed, usage_by_role
    from _samples import Program, id_tag_set_subject, many_id_tags, set_cards
    from pulumi_ampeco._engine.sets import DEFAULT_CONCURRENCY

    bench = RealBench.start(tenant, report, "8")
    if bench is None:
        return
    t_empty = bench.empty_up()
    workers = DEFAULT_CONCURRENCY
    data: dict[str, Any] = {"empty_up_s": t_empty, "concurrency": workers, "sizes": {}}
    report.row("8", "fixed cost of one `pulumi up` (empty program), subtracted as 'beyond the CLI'", f"{t_empty:.2f} s")
    for n in size.set_cards:
        progress(f"8: IdTagSet of {n:,} cards")
        cards = set_cards(n)
        changed = {uid: {"id_label": f"Changed {i}"} for i, uid in enumerate(list(cards)[:10])}
        # The bare loop first: the same POSTs, then the same listing, then the same 10 PATCHes.
        tenant.reset()
        posts = [("POST", TAG_PATH, {"idTagUid": uid, "status": "enabled", "type": "rfid", "idLabel": a["id_label"]})
                 for uid, a in cards.items()]
        bare_create = _bare_requests(tenant, posts, workers)
        with bare_client(tenant) as client:
            bare_refresh, listed = timed(lambda c=client: _bare_pages(c, TAG_PATH))
        del posts, listed

        tenant.reset()
        engine = bench.engine(f"set-{n}")
        program = Program(id_tag_set_subject, {"count": n})
        row: dict[str, Any] = {"bare_create_s": bare_create, "bare_refresh_s": bare_refresh}
        phases = (("create", partial(engine.up, program)), ("noop", partial(engine.up, program)),
                  ("change", partial(engine.up, Program(id_tag_set_subject, {"count": n, "change": changed}))),
                  ("refresh", engine.refresh))
        for phase, run in phases:
            tenant.clear_log()
            with usage_by_role(engine.dir) as usage:
                t, _ = timed(run)
            counts = _methods(tenant.requests())
            row[phase] = {"s": t, "requests": counts, "provider_peak_bytes": usage.peak.get("provider", 0),
                          "cpu_s": dict(usage.cpu), "state_bytes": state_bytes(engine.dir.parent)}
        bench.close(engine)
        if n <= size.per_card_up_to:
            tenant.reset()
            per_card = bench.engine(f"per-card-{n}")
            row["per_card_create_s"], _ = timed(partial(per_card.up, Program(many_id_tags, {"count": n})))
            row["per_card_state_bytes"] = state_bytes(per_card.dir.parent)
            bench.close(per_card)
        data["sizes"][n] = row

        create, noop, change, refresh = row["create"], row["noop"], row["change"], row["refresh"]
        net = create["s"] - t_empty
        report.row("8", f"IdTagSet of {n:,}: create, real CLI / bare POST loop ({workers} conns)",
                   f"{create['s']:.1f} s / {bare_create:.1f} s = x{create['s'] / bare_create:.2f}; beyond the CLI "
                   f"x{net / bare_create:.2f}; {_writes(create['requests']):,} writes",
                   "<= 1.3x beyond the CLI", net / bare_create <= 1.3)
        if "per_card_create_s" in row:
            report.row("8", f"  the same {n:,} cards as one IdTag resource each (real CLI)",
                       f"{row['per_card_create_s']:.1f} s = x{row['per_card_create_s'] / create['s']:.1f} the set; "
                       f"state {_mib(row['per_card_state_bytes'])} (set: {_mib(create['state_bytes'])})")
        noop_requests = sum(noop["requests"].values())
        report.row("8", f"  no-op up of {n:,}: time, API requests", f"{noop['s']:.1f} s, {noop_requests} requests "
                   f"({_writes(noop['requests'])} writes)", "0 writes; 1 GET: the run's credential check",
                   _writes(noop["requests"]) == 0 and noop_requests <= 1)
        report.row("8", f"  up of {n:,} with 10 changed cards: time, writes",
                   f"{change['s']:.1f} s, {_writes(change['requests'])} writes ({change['requests']})", "10 writes",
                   _writes(change["requests"]) == 10)
        pages = math.ceil(n / 100)
        net = refresh["s"] - t_empty
        report.row("8", f"  refresh of {n:,}: real CLI / bare paging loop",
                   f"{refresh['s']:.1f} s / {bare_refresh:.1f} s = x{refresh['s'] / bare_refresh:.2f}; beyond the "
                   f"CLI x{net / bare_refresh:.2f}; {sum(refresh['requests'].values())} requests",
                   f"<= 1.3x beyond the CLI; {pages} pages (+1 check)",
                   net / bare_refresh <= 1.3 and refresh["requests"].get("GET", 0) <= pages + 1)
        report.row("8", f"  provider peak memory, state size at {n:,}",
                   f"create {_mib(create['provider_peak_bytes'])}, refresh {_mib(refresh['provider_peak_bytes'])}; "
                   f"state {_mib(create['state_bytes'])}")
    sizes = sorted(data["sizes"])
    if len(sizes) >= 3:
        peaks = [data["sizes"][n]["create"]["provider_peak_bytes"] for n in sizes]
        slopes = [(peaks[i + 1] - peaks[i]) / (sizes[i + 1] - sizes[i]) for i in range(len(sizes) - 1)]
        report.row("8", "provider memory per card, between successive sizes",
                   ", ".join(f"{s / 1024:.1f} KiB" for s in slopes), "linear: about equal",
                   max(slopes) <= 1.5 * max(min(slopes), 1.0))
    report.data["item8"] = data
    bench.close()


def item9(tenant: Tenant, size: Size, report: Report) -> None:
    from _bench_real import describe, state_bytes, timed, usage_by_role
    from _samples import Program, big_network

    bench = RealBench.start(tenant, report, "9")
    if bench is None:
        return
    data: dict[str, Any] = {"sizes": {}}
    for sites in size.network_sites:
        resources = 26 * sites
        progress(f"9: Network of {sites:,} sites ({resources:,} resources)")
        program = Program(big_network, {"locations": sites})
        row: dict[str, Any] = {"resources": resources}
        if sites <= size.checkpointed_sites:
            tenant.reset()
            checkpointed = bench.engine(f"net-ckpt-{sites}")
            row["up_checkpointed_s"], _ = timed(partial(checkpointed.up, program))
            bench.close(checkpointed)
        tenant.reset()
        engine = bench.engine(f"net-{sites}", skip_checkpoints=True)
        phases = (("preview", partial(engine.preview, program)), ("up", partial(engine.up, program)),
                  ("noop", partial(engine.up, program)), ("refresh", engine.refresh))
        for phase, run in phases:
            tenant.clear_log()
            with usage_by_role(engine.dir) as usage:
                t, _ = timed(run)
            row[phase] = {"s": t, "requests": sum(_methods(tenant.requests()).values()), "cpu_s": dict(usage.cpu),
                          "peak_bytes": dict(usage.peak)}
        row["state_bytes"] = state_bytes(engine.dir.parent)
        bench.close(engine)
        data["sizes"][sites] = row
        up = row["up"]
        checkpointed_text = (f"; with a checkpoint per step {row['up_checkpointed_s']:.1f} s"
                             if "up_checkpointed_s" in row else "")
        report.row("9", f"Network of {resources:,} resources: preview / up / no-op up / refresh (no checkpoints)",
                   " / ".join(f"{row[p]['s']:.1f} s" for p in ("preview", "up", "noop", "refresh")) + checkpointed_text)
        report.row("9", f"  up of {resources:,}: CPU s ({describe(up['cpu_s'])}), peak memory, state",
                   f"engine {_mib(up['peak_bytes'].get('engine', 0))}, program {_mib(up['peak_bytes'].get('program', 0))}, "
                   f"provider {_mib(up['peak_bytes'].get('provider', 0))}; {up['requests']:,} API requests; "
                   f"state {_mib(row['state_bytes'])}")
    sizes = sorted(data["sizes"])
    if len(sizes) >= 2:
        # The curve: the time each further resource costs between successive sizes (flat = linear).
        counts = [data["sizes"][s]["resources"] for s in sizes]
        spans = ", ".join(f"{a:,}-{b:,}" for a, b in itertools.pairwise(counts))
        for phase in ("preview", "up", "noop", "refresh"):
            times = [data["sizes"][s][phase]["s"] for s in sizes]
            slopes = [(t2 - t1) / (n2 - n1) * 1e3 for t1, t2, n1, n2 in zip(times, times[1:], counts, counts[1:])]
            data.setdefault("ms_per_resource", {})[phase] = slopes
            report.row("9", f"  {phase}: ms per further resource, between {spans}", ", ".join(f"{v:.1f}" for v in slopes),
                       "flat = linear")
    report.data["item9"] = data
    bench.close()


# ---------------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "-"

    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": str(os.cpu_count()),
        "cpu": model,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pulumi": version("pulumi"),
        "httpx": version("httpx"),
        "pydantic": version("pydantic"),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes (the smoke test)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument("--only", default="123456789", help="items to run, e.g. 13 (default: all)")
    args = parser.parse_args(argv)
    size = QUICK if args.quick else FULL
    report = Report()
    report.data["machine"] = info = machine()
    report.data["size"] = size.__dict__
    started = time.perf_counter()
    with running_tenant() as tenant:
        provider_ops = None
        if "1" in args.only or "2" in args.only:
            progress("1: provider overhead")
            provider_ops = item1(tenant, size, report)
        if "2" in args.only:
            progress("2: through the gRPC provider server")
            assert provider_ops is not None
            item2(tenant, size, report, provider_ops)
        if "3" in args.only:
            progress("3: API calls per operation")
            item3(tenant, report)
        later: dict[str, tuple[str, Callable[[], None]]] = {
            "4": ("check + diff", lambda: item4(tenant, size, report)),
            "5": ("cold start", lambda: item5(size, report)),
            "6": ("export", lambda: item6(tenant, size, report)),
            "7": ("pulumi up through the real CLI", lambda: item7(tenant, size, report)),
            "8": ("IdTagSet through the real CLI", lambda: item8(tenant, size, report)),
            "9": ("a big Network through the real CLI", lambda: item9(tenant, size, report)),
        }
        for item, (title, run) in later.items():
            if item in args.only:
                progress(f"{item}: {title}")
                run()
    report.data["elapsed_s"] = time.perf_counter() - started
    print(f"pulumi-ampeco benchmarks{' (--quick)' if args.quick else ''}: {info['date']}; {info['cpus']} CPUs, "
          f"{info['cpu']}; {info['os']}; Python {info['python']}, pulumi {info['pulumi']}, "
          f"httpx {info['httpx']}, pydantic {info['pydantic']}; emulator on loopback, own process\n")
    print(report.table())
    print(f"\n({report.data['elapsed_s']:.0f} s)")
    if args.json:
        Path(args.json).write_text(json.dumps(report.data, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
