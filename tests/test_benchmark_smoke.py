"""The benchmark still runs: `tests/benchmarks/run.py --quick` prints its table, and the API calls it
counts per operation are the minimum. No timing is asserted here (see docs/benchmarks.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).parent / "benchmarks" / "run.py"


def test_quick_benchmark_prints_the_table_and_counts_the_minimum_api_calls(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(RUN), "--quick", "--only", "123456", "--json", str(out)],
                          check=False, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    table = done.stdout
    assert "| # | Measure" in table
    for item in "123456":
        assert f"\n| {item} |" in table, f"item {item} missing from the table"
    data = json.loads(out.read_text())
    counts, minimum = data["item3"]["counts"], data["item3"]["minimum"]
    assert set(counts) >= {"IdTag", "Location", "ChargingZone", "ChargePoint", "Evse", "Connector", "Tariff",
                           "TariffGroup"}
    assert counts == minimum
    assert data["item1"]["requests_per_op"] == 1.0
    pages, expected = data["item6"]["pages"]["export"], data["item6"]["expected_pages"]
    assert {kind: pages.get(kind, 0) for kind in expected} == expected


@pytest.mark.slow
def test_quick_benchmark_of_the_real_cli_prints_its_rows(tmp_path: Path, pulumi_cli: Path) -> None:
    """Items 7-9 (the real `pulumi up`) run: a no-op up makes no write, a refresh one request per tag; a
    set's no-op up no write and 10 changed cards 10 writes; the network rows print for every size."""
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(RUN), "--quick", "--only", "789", "--json", str(out)],
                          check=False, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    for item in "789":
        assert f"\n| {item} |" in done.stdout, f"item {item} missing from the table"
    data = json.loads(out.read_text())
    item7 = data["item7"]
    assert item7["noop_writes"] == 0 and item7["noop_requests"] <= 1  # at most the run's credential check
    assert item7["refresh_requests"] == max(int(n) for n in item7["sizes"])
    for n, row in data["item8"]["sizes"].items():
        writes = {phase: sum(v for k, v in row[phase]["requests"].items() if k != "GET")
                  for phase in ("create", "noop", "change")}
        assert writes == {"create": int(n), "noop": 0, "change": 10}, (n, writes)
        assert row["refresh"]["requests"].get("GET", 0) <= -(-int(n) // 100) + 1  # pages, and the credential check
    assert sorted(int(s) for s in data["item9"]["sizes"]) == [1, 2]
