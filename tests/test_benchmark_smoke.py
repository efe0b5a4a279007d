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
    """Item 7 (the real `pulumi up`) runs: a no-op up makes no request, a refresh one per tag."""
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(RUN), "--quick", "--only", "7", "--json", str(out)],
                          check=False, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "\n| 7 |" in done.stdout
    data = json.loads(out.read_text())["item7"]
    assert data["noop_writes"] == 0 and data["noop_requests"] <= 1  # at most the run's credential check
    assert data["refresh_requests"] == max(int(n) for n in data["sizes"])
