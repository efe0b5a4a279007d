"""Convergence under faults: ``up`` of a 211-object network (all eight kinds) through the real
provider process while 20% of the tenant's requests fail (429 with Retry-After, 500, 503, reset
before processing, reset after committing, added latency).

Each run either succeeds or fails with clear errors; re-runs converge. The tenant then holds
exactly the declared objects (no duplicate, no orphan), another ``up`` changes nothing and sends
no request, and a refresh finds no drift. ``destroy`` under the same faults converges to an empty
tenant. The numbers (runs, requests, faults per kind, time) are printed for docs/reliability.md.
"""

from __future__ import annotations

import collections
import json
import os
import re
import time
from collections.abc import Callable
from typing import Any

import pulumi_ampeco as ampeco
import pytest
from _harness import DeploymentError, Engine
from _reliability_kit import COLLECTION, Admin, declared_objects, en

FAULT_RATE = 0.20
FAULTS: list[dict[str, Any]] = [
    {"fault": "status", "status": 429, "retry_after": 1},
    {"fault": "status", "status": 500},
    {"fault": "status", "status": 503},
    {"fault": "reset_before"},
    {"fault": "reset_after"},
    {"fault": "latency", "seconds": 0.05},
]
# Rules are rolled in turn until one fires: each at p gives 1 - (1 - p)^6 = 20% in all.
PER_RULE = 1 - (1 - FAULT_RATE) ** (1 / len(FAULTS))
MAX_RUNS = 6
MAX_DESTROY_RUNS = 30
SEED = int(os.environ.get("RELIABILITY_SEED", "20240601"))  # another seed: another bad day

LOCATIONS, ZONES_PER_LOCATION, CPS_PER_LOCATION, EVSES_PER_CP = 4, 2, 5, 2
CONNECTOR_TYPES = ("type2", "ccs2")  # a connector is known by its type within its EVSE
TARIFFS, GROUPS, ID_TAGS = 6, 3, 50
EXPECTED = {
    "Location": LOCATIONS, "ChargingZone": LOCATIONS * ZONES_PER_LOCATION, "Tariff": TARIFFS,
    "TariffGroup": GROUPS, "ChargePoint": LOCATIONS * CPS_PER_LOCATION,
    "Evse": LOCATIONS * CPS_PER_LOCATION * EVSES_PER_CP,
    "Connector": LOCATIONS * CPS_PER_LOCATION * EVSES_PER_CP * len(CONNECTOR_TYPES), "IdTag": ID_TAGS,
}


def network() -> None:
    tariffs = [ampeco.Tariff(f"tariff-{t}", name=f"Tariff {t}", type="duration+energy",
                             pricing={"price_per_kwh": 0.30 + t / 100, "price_period_in_minutes": 15,
                                      "price_per_period": 0.02})
               for t in range(TARIFFS)]
    groups = [ampeco.TariffGroup(f"group-{g}", name=f"Group {g}",
                                 tariff_ids=[tariffs[2 * g].id, tariffs[2 * g + 1].id])
              for g in range(GROUPS)]
    for loc in range(LOCATIONS):
        site = ampeco.Location(f"site-{loc}", name=en(f"Site {loc}"), address=en(f"{loc} Main St"), country="BG",
                               city="Sofia", geoposition={"latitude": 42.6 + loc / 100, "longitude": 23.3},
                               external_id=f"site-{loc}")
        for z in range(ZONES_PER_LOCATION):
            ampeco.ChargingZone(f"site-{loc}-zone-{z}", location_id=site.id, name=f"Zone {z}", status="enabled")
        for c in range(CPS_PER_LOCATION):
            name = f"cp-{loc}-{c}"
            extra = {"integrated_at": "2024-03-01T10:00:00Z"} if c == 0 else {}  # create = POST + PATCH
            cp = ampeco.ChargePoint(name, name=name.upper(), type="public", status="enabled", location_id=site.id,
                                    communication_mode="direct_ocpp",
                                    network={"id": name.upper(), "protocol": "ocpp 1.6"}, tags=["fleet"], **extra)
            for e in range(1, EVSES_PER_CP + 1):
                evse = ampeco.Evse(f"{name}-evse-{e}", charge_point_id=cp.id, network_id=str(e),
                                   physical_reference=f"{name.upper()}-{e}", current_type="ac", status="enabled",
                                   tariff_group_id=groups[(loc + c) % GROUPS].id)
                for plug in CONNECTOR_TYPES:
                    ampeco.Connector(f"{name}-evse-{e}-{plug}", charge_point_id=cp.id, evse_id=evse.id,
                                     type=plug, status="enabled")
    for i in range(ID_TAGS):
        ampeco.IdTag(f"card-{i}", id_tag_uid=f"04C0{i:04X}", status="enabled", type="rfid", id_label=f"Card {i}")


def kind_of(entry_type: str) -> str:
    return entry_type.split(":")[-1]


def assert_clear(errors: list[str]) -> None:
    """A failed run's errors: one line each, naming the resource, the operation and the API call."""
    for error in errors:
        assert "Traceback" not in error and "\n" not in error, error
        assert re.search(r"pulumi_ampeco\.\S+Error: \w+ (create|update|read|delete) failed: ", error), error


def assert_tenant_matches_state(engine: Engine, admin: Admin) -> None:
    """Exactly the declared objects: every one in state exists once, nothing else exists."""
    live = declared_objects(admin.state())
    in_state: dict[str, list[int]] = collections.defaultdict(list)
    for entry in engine.state.values():
        in_state[kind_of(entry.type)].append(int(entry.id))
    for kind, expected in EXPECTED.items():
        ids = sorted(in_state[kind])
        assert len(ids) == expected == len(set(ids)), (kind, len(ids))
        assert sorted(o["id"] for o in live[COLLECTION[kind]]) == ids, f"{kind}: duplicates or orphans"


@pytest.fixture
def engine(fresh_engine: Callable[..., Engine]) -> Engine:
    return fresh_engine(**{"ampeco:retryBackoffSeconds": "0.02"})


def test_up_of_211_objects_with_a_fifth_of_requests_faulted_converges_to_exactly_the_declaration(
        engine: Engine, admin: Admin, capsys: pytest.CaptureFixture[str]) -> None:
    assert sum(EXPECTED.values()) == 211
    admin.faults(*[{**rule, "probability": PER_RULE} for rule in FAULTS], seed=SEED)
    started = time.monotonic()
    failed_runs: list[list[str]] = []
    for _run in range(MAX_RUNS):
        try:
            engine.up(network)
            break
        except DeploymentError as failed:
            assert_clear(failed.errors)
            failed_runs.append(failed.errors)
    else:
        pytest.fail(f"no convergence in {MAX_RUNS} runs: {failed_runs}")
    up_seconds = time.monotonic() - started
    log = admin.requests()
    faulted = admin.faulted()

    assert_tenant_matches_state(engine, admin)
    # The update-only field arrived too (POST + PATCH, or an adopted POST + PATCH).
    for cp in admin.state()["charge_points"]:
        assert (cp.get("integratedAt") is not None) == cp["name"].endswith("-0"), cp["name"]

    admin.clear_log()
    assert engine.up(network).changes() == []  # faults still on: nothing to do, so nothing sent
    assert admin.requests() == []
    admin.clear_faults()
    outputs_before = {urn: entry.outputs for urn, entry in engine.state.items()}
    engine.refresh()
    assert {urn: entry.outputs for urn, entry in engine.state.items()} == outputs_before  # no drift
    assert engine.preview(network).changes() == []

    admin.faults(*[{**rule, "probability": PER_RULE} for rule in FAULTS], seed=SEED + 1)
    admin.clear_log()
    started = time.monotonic()
    destroy_runs = 0
    while engine.state:
        destroy_runs += 1
        assert destroy_runs <= MAX_DESTROY_RUNS, "destroy did not converge"
        try:
            engine.destroy()
        except DeploymentError as failed:
            assert_clear(failed.errors)
    destroy_seconds = time.monotonic() - started
    destroy_log, destroy_faulted = admin.requests(), admin.faulted()
    admin.clear_faults()
    leftover = declared_objects(admin.state())
    assert {k: v for k, v in leftover.items() if v} == {}, "orphans after destroy"

    numbers = {
        "objects": sum(EXPECTED.values()), "up_runs": len(failed_runs) + 1,
        "up_failures": [e for run in failed_runs for e in run], "up_seconds": round(up_seconds, 1),
        "up_requests": len(log), "up_faulted": sum(faulted.values()), "up_faults": dict(faulted),
        "up_by_method": dict(collections.Counter(r["method"] for r in log)),
        "fault_free_up_requests": sum(EXPECTED.values()) + LOCATIONS,  # a POST each, a PATCH per integrated_at
        "destroy_runs": destroy_runs, "destroy_seconds": round(destroy_seconds, 1),
        "destroy_requests": len(destroy_log), "destroy_faulted": sum(destroy_faulted.values()),
        "destroy_by_method": dict(collections.Counter(r["method"] for r in destroy_log)),
        "destroy_faults": dict(destroy_faulted),
    }
    with capsys.disabled():
        print("\nconvergence:", json.dumps(numbers))

