"""An IdTagSet converges under faults: 45% of the tenant's requests fail (429 with Retry-After,
500, 503, resets before and after the write, latency) while a set of 300 cards is created, then
changed (10 updated, 5 removed, 5 added), then destroyed.

Each failed run is one line naming the set and what failed, and leaves the state holding what it
did (a partial failure), so re-runs only finish the rest. At the end of each phase the tenant holds
exactly the set's cards, each once, at the ids the state records (0 duplicates, 0 orphans), a card
made in the back office is never touched, another ``up`` sends no request and a refresh finds no
drift. A POST whose answer was lost and whose lookup failed too is recorded as pending and
resolved by the next run without a duplicate. Both engines; the numbers are printed for
docs/scale.md.
"""

from __future__ import annotations

import collections
import json
import os
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from _harness import DeploymentError, Engine
from _harness.real_cli import RealEngine
from _reliability_kit import Admin
from _samples import Program, id_tag_set_subject, nothing, set_cards
from ampeco_emulator import EmulatorServer
from test_convergence import FAULTS

TAGS = "/public-api/resources/id-tags/v2.0"
CARDS = 300
MAX_RUNS = 8
MAX_DESTROY_RUNS = 12
SEED = int(os.environ.get("RELIABILITY_SEED", "20240601"))
CHANGE = {**{f"04S{i:05d}": {"status": "disabled", "id_label": f"Moved {i}"} for i in range(10)},
          **{f"04SADD{i:02d}": {} for i in range(5)}}
DROP = [f"04S{i:05d}" for i in range(CARDS - 5, CARDS)]
OUTSIDER = "04OUTSIDER"
FAULT_RATE = 0.45
"""Far worse than the 20% of test_convergence: with the client's retries and the lookups after a lost
answer, a set rides out 20% in one run; at 45% some members fail, and the re-runs finish the rest."""
PER_RULE = 1 - (1 - FAULT_RATE) ** (1 / len(FAULTS))


@pytest.fixture(params=["harness", pytest.param("real", marks=pytest.mark.slow)])
def engine(request: pytest.FixtureRequest, fresh_engine: Callable[..., Engine]) -> Engine | RealEngine:
    config = {"ampeco:retryBackoffSeconds": "0.02"}
    if request.param == "real":
        make: Callable[..., RealEngine] = request.getfixturevalue("make_real_engine")
        return make(project="set-reliability", config=config)
    return fresh_engine(**config)


def program(**extra: Any) -> Program:
    return Program(id_tag_set_subject, {"count": CARDS, **extra})


def converge(engine: Engine, prog: Program, runs: int, *, destroy: bool = False) -> list[str]:
    """Run until it succeeds; every failure one line naming the set's operation. Returns them."""
    failures: list[str] = []
    for _ in range(runs):
        try:
            engine.destroy() if destroy else engine.up(prog)
            return failures
        except DeploymentError as failed:
            for error in failed.errors:
                assert "Traceback" not in error and "\n" not in error, error
                assert re.search(r"pulumi_ampeco\.\S+Error: IdTagSet (create|update|delete) failed: ", error), error
            failures += failed.errors
    pytest.fail(f"no convergence in {runs} runs: {failures}")


def live_cards(admin: Admin) -> list[dict[str, Any]]:
    return admin.state()["id_tags"]


def assert_exactly_the_set(engine: Engine, admin: Admin, expected: set[str]) -> None:
    """The tenant holds each expected card once, at the id the state records, and the outsider."""
    cards = live_cards(admin)
    uids = [c["idTagUid"] for c in cards]
    duplicates = [uid for uid, n in collections.Counter(uids).items() if n > 1]
    assert duplicates == [], f"duplicates: {duplicates}"
    assert set(uids) == expected | {OUTSIDER}, f"orphans: {set(uids) - expected - {OUTSIDER}}; missing: {expected - set(uids)}"
    outputs = engine.resource("subject").outputs
    by_uid = {c["idTagUid"]: c["id"] for c in cards}
    assert {uid: int(i) for uid, i in outputs["ids"].items()} == {uid: by_uid[uid] for uid in expected}
    assert not outputs.get("__pending")


def test_a_set_of_300_cards_with_a_fifth_of_requests_faulted_converges_without_duplicates_or_orphans(
        engine: Engine, admin: Admin, tenant: EmulatorServer, capsys: pytest.CaptureFixture[str]) -> None:
    outsider = httpx_post(tenant, {"idTagUid": OUTSIDER, "status": "enabled", "type": "rfid"})
    numbers: dict[str, Any] = {"cards": CARDS, "engine": engine.kind}
    for phase, prog, expected in (
            ("create", program(), set(set_cards(CARDS))),
            ("update", program(change=CHANGE, drop=DROP), (set(set_cards(CARDS)) | set(CHANGE)) - set(DROP))):
        admin.faults(*[{**rule, "probability": PER_RULE} for rule in FAULTS], seed=SEED + len(numbers))
        admin.clear_log()
        started = time.monotonic()
        failures = converge(engine, prog, MAX_RUNS)
        numbers[phase] = {"runs": len(failures) + 1, "seconds": round(time.monotonic() - started, 1),
                          "requests": len(admin.requests()), "faulted": sum(admin.faulted().values()),
                          "by_method": dict(collections.Counter(r["method"] for r in admin.requests()))}
        assert_exactly_the_set(engine, admin, expected)
        admin.clear_log()
        assert engine.up(prog).changes() == []  # faults still on: nothing to do, so nothing written
        assert [r for r in admin.requests() if r["method"] != "GET"] == []
        admin.clear_faults()
        engine.refresh()
        assert engine.preview(prog).changes() == []  # no drift
    cards = {c["idTagUid"]: c for c in live_cards(admin)}
    assert cards["04S00003"]["status"] == "disabled" and cards["04S00003"]["idLabel"] == "Moved 3"
    assert cards["04SADD01"]["status"] == "enabled" and "04S00299" not in cards

    admin.faults(*[{**rule, "probability": PER_RULE} for rule in FAULTS], seed=SEED + 7)
    admin.clear_log()
    started = time.monotonic()
    failures = converge(engine, Program(nothing), MAX_DESTROY_RUNS)
    numbers["delete"] = {"runs": len(failures) + 1, "seconds": round(time.monotonic() - started, 1),
                         "requests": len(admin.requests()), "faulted": sum(admin.faulted().values())}
    admin.clear_faults()
    assert [c["idTagUid"] for c in live_cards(admin)] == [OUTSIDER]
    left = live_cards(admin)[0]
    assert {k: left.get(k) for k in outsider} == outsider  # never touched
    with capsys.disabled():
        print("\nset convergence:", json.dumps(numbers))


def test_a_lost_create_whose_lookup_failed_too_is_pending_and_resolved_by_the_next_run_without_a_duplicate(
        engine: Engine, admin: Admin) -> None:
    # The POST of 04S00001 commits and its answer is lost; every GET then fails, so the set cannot
    # tell whether the card was made: the run fails, recording it as pending.
    admin.faults({"fault": "reset_after", "methods": ["POST"], "times": 1},
                 {"fault": "status", "status": 503, "methods": ["GET"]})
    with pytest.raises(DeploymentError) as failed:
        engine.up(Program(id_tag_set_subject, {"count": 1, "prefix": "04P"}))
    assert "04P00000" in str(failed.value)
    pending = engine.resource("subject").outputs.get("__pending") or {}
    assert list(pending) == ["04P00000"]
    admin.clear_faults()
    admin.clear_log()
    engine.up(Program(id_tag_set_subject, {"count": 1, "prefix": "04P"}))
    assert [r["method"] for r in admin.requests() if r["method"] != "GET"] == []  # found, not POSTed again
    cards = [c for c in live_cards(admin) if c["idTagUid"] == "04P00000"]
    assert len(cards) == 1
    outputs = engine.resource("subject").outputs
    assert int(outputs["ids"]["04P00000"]) == cards[0]["id"] and not outputs.get("__pending")


def httpx_post(tenant: EmulatorServer, body: dict[str, Any]) -> dict[str, Any]:
    import httpx

    response = httpx.post(f"{tenant.url}{TAGS}", json=body, headers={"Authorization": f"Bearer {tenant.token}"})
    response.raise_for_status()
    data: dict[str, Any] = response.json()["data"]
    return data
