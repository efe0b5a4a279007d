"""The README's first command, step by step, through the real `pulumi` CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from _harness.real_cli import RealEngine
from _samples import Program, run_file
from ampeco_emulator import EmulatorServer

pytestmark = pytest.mark.slow

QUICKSTART = Path(__file__).resolve().parents[2] / "examples" / "quickstart" / "__main__.py"


def _counts(tenant: EmulatorServer) -> dict[str, int]:
    state = httpx.get(f"{tenant.url}/_emulator/state").json()
    return {k: len(v) for k, v in state.items() if isinstance(v, list) and v}


def test_quickstart_preview_up_no_changes_refresh_and_destroy(
        make_real_engine: Callable[..., RealEngine], tenant: EmulatorServer) -> None:
    engine = make_real_engine(project="ampeco-quickstart")
    program = Program(run_file, {"path": str(QUICKSTART)})

    assert engine.preview(program).ops() == {"create": 18}
    assert _counts(tenant) == {}  # a preview writes nothing

    up = engine.up(program)
    assert up.ops() == {"create": 18}
    assert _counts(tenant) == {"id_tags": 3, "locations": 1, "charging_zones": 1, "charge_points": 2,
                               "evses": 4, "connectors": 4, "tariffs": 3, "tariff_groups": 1}
    assert up.outputs["location_id"] == engine.resource("depot-sofia").id

    # The CLI's own guards: each exits non-zero if anything would change.
    engine.cli("preview", "--expect-no-changes")
    engine.cli("refresh", "--expect-no-changes", "--yes")
    engine.cli("up", "--expect-no-changes", "--yes")

    assert engine.destroy().ops() == {"delete": 18}
    assert _counts(tenant) == {}
