"""The README's first command applies examples/quickstart; here it goes through the engine's steps."""

from __future__ import annotations

import runpy
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from _harness import Engine, ProviderProcess
from ampeco_emulator import EmulatorServer

ROOT = Path(__file__).resolve().parents[2]
QUICKSTART = ROOT / "examples" / "quickstart" / "__main__.py"


@pytest.fixture
def engine(tenant: EmulatorServer) -> Iterator[Engine]:
    with ProviderProcess(project="ampeco-quickstart") as process:
        yield Engine(process, project="ampeco-quickstart", stack="demo",
                     config={"ampeco:tenantUrl": tenant.url, "ampeco:apiToken": tenant.token},
                     secret_config_keys=("ampeco:apiToken",))


def quickstart() -> None:
    runpy.run_path(str(QUICKSTART))


def test_quickstart_preview_up_no_op_up_and_destroy(engine: Engine, tenant: EmulatorServer) -> None:
    preview = engine.preview(quickstart)
    assert preview.ops() == {"create": 18}
    up = engine.up(quickstart)
    assert up.ops() == {"create": 18}
    state = httpx.get(f"{tenant.url}/_emulator/state").json()
    assert {k: len(v) for k, v in state.items() if isinstance(v, list) and v} == {
        "id_tags": 3, "locations": 1, "charging_zones": 1, "charge_points": 2, "evses": 4, "connectors": 4,
        "tariffs": 3, "tariff_groups": 1,  # the group's free base tariff is the third tariff
    }
    assert up.outputs["location_id"] == engine.resource("depot-sofia").id
    assert engine.up(quickstart).changes() == []
    assert engine.destroy().ops() == {"delete": 18}
    state = httpx.get(f"{tenant.url}/_emulator/state").json()
    assert all(v == [] for v in state.values() if isinstance(v, list))


def _bare_machine(tmp_path: Path) -> dict[str, str]:
    """No pulumi and no Go on PATH, and no CLI built: a contributor's fresh laptop."""
    import os

    bare = tmp_path / "bin"
    bare.mkdir()
    for tool in ("bash", "sh", "sed", "dirname", "basename", "env", "make", "cat"):
        found = shutil.which(tool)
        if found:
            (bare / tool).symlink_to(found)
    return {**os.environ, "PATH": str(bare), "PULUMI_AMPECO_TOOLS": str(tmp_path / "no-tools")}


def test_demo_without_pulumi_cli_stops_with_one_line_on_how_to_get_it(tmp_path: Path) -> None:
    demo = QUICKSTART.parent / "demo.py"
    result = subprocess.run([sys.executable, str(demo)], env=_bare_machine(tmp_path), capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Pulumi CLI" in lines[0] and "install" in lines[0] and "make pulumi-cli" in lines[0]


def test_make_demo_without_go_or_pulumi_says_so_before_installing_anything(tmp_path: Path) -> None:
    result = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "demo", "VENV=" + str(tmp_path / "venv")],
                            env=_bare_machine(tmp_path), capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode != 0
    assert not (tmp_path / "venv").exists()  # the check came first: no venv, no pip
    lines = [line for line in result.stderr.strip().splitlines() if not line.startswith("make")]
    assert len(lines) == 1 and "Pulumi CLI" in lines[0] and "Go" in lines[0]
