"""`pulumi preview --json` of real changes, as the GitOps workflow feeds it to `pulumi-ampeco summarize`.

The same previews are kept as fixtures (tests/cli/fixtures/real_cli_*.json, made with
:func:`real_previews`), so the summarize tests work on what the real CLI prints, without it; a test
checks they still have the shape the pinned CLI prints.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from _harness.real_cli import RealEngine
from _samples import Program, id_tag_set_subject, id_tag_subject, mixed_changes
from ampeco_emulator import EmulatorServer
from click.testing import CliRunner
from pulumi_ampeco.cli import main as cli

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parents[1] / "cli" / "fixtures"


def real_previews(engine: RealEngine, tenant: EmulatorServer) -> dict[str, str]:
    """preview --json texts: a mixed change (update, replace, delete, create, adopt) and a failed check."""
    engine.up(Program(mixed_changes))
    created = httpx.post(f"{tenant.url}/public-api/resources/id-tags/v2.0",
                         headers={"Authorization": f"Bearer {tenant.token}"},
                         json={"idTagUid": "04MIX0D", "status": "enabled", "type": "rfid"})
    created.raise_for_status()
    adopt_id = created.json()["data"]["id"]
    engine._program(Program(mixed_changes, {"after": True, "adopt_id": adopt_id}))
    mixed = engine.cli("preview", "--json").stdout
    engine._program(Program(id_tag_subject, {"type": "barcode"}))
    failed = engine.cli("preview", "--json", check=False).stdout
    return {"mixed_changes": mixed, "check_failure": failed}


def _summarize(tmp_path: Path, text: str) -> tuple[int, str]:
    path = tmp_path / "preview.json"
    path.write_text(text)
    result = CliRunner().invoke(cli, ["summarize", str(path)])
    return result.exit_code, result.output


def test_summary_of_a_real_preview_names_every_kind_of_change(
        make_real_engine: Callable[..., RealEngine], tenant: EmulatorServer, tmp_path: Path) -> None:
    previews = real_previews(make_real_engine(), tenant)
    digest = json.loads(previews["mixed_changes"])
    ops = {s["urn"].rsplit("::", 1)[1]: s["op"] for s in digest["steps"] if "ampeco" in s["urn"]}
    assert ops == {"cp-keep": "update", "cp-move": "replace", "card-b": "delete", "card-c": "create",
                   "card-d": "create"}
    code, summary = _summarize(tmp_path, previews["mixed_changes"])
    assert code == 0, summary
    for name in ("cp-keep", "cp-move", "card-b", "card-c"):
        assert name in summary
    assert "communication_mode" in summary  # why cp-move is replaced


def test_real_fixtures_are_what_the_cli_prints_today(make_real_engine: Callable[..., RealEngine],
                                                     tenant: EmulatorServer) -> None:
    """The kept fixtures have the shape the pinned CLI prints (same keys, same step ops)."""
    previews = real_previews(make_real_engine(), tenant)
    for name, text in previews.items():
        kept = json.loads((FIXTURES / f"real_cli_{name}.json").read_text())
        fresh = json.loads(text)
        assert set(kept) == set(fresh), name
        assert sorted(s["op"] for s in kept.get("steps", [])) == sorted(s["op"] for s in fresh.get("steps", [])), name


def test_summary_of_a_real_failed_preview_leads_with_the_failure_and_exits_3(
        make_real_engine: Callable[..., RealEngine], tenant: EmulatorServer, tmp_path: Path) -> None:
    """The CLI prints error diagnostics beside steps and a changeSummary of {"same": 1}: not "No changes"."""
    failed = real_previews(make_real_engine(), tenant)["check_failure"]
    code, summary = _summarize(tmp_path, failed)
    assert code == 3
    assert "### ❌ Pulumi preview failed" in summary.split("\n\n")[0]  # the header, before anything else
    assert "No changes" not in summary
    assert "barcode" in summary  # the error itself


def test_summary_of_a_real_preview_of_a_set_counts_its_members_with_the_first_uids(
        make_real_engine: Callable[..., RealEngine], tmp_path: Path) -> None:
    """The engine diffs a set's ``tags`` per uid (``tags.04S00001.status``: the CLI writes keys of
    letters and digits with a dot); the summary turns that into counts and the first uids, not a
    line per card."""
    engine = make_real_engine()
    engine.up(Program(id_tag_set_subject, {"count": 40}))
    change = {"04S00001": {"status": "disabled"}, "04S00002": {"id_label": "Renamed"}, "04SNEW01": {}}
    engine._program(Program(id_tag_set_subject, {"count": 40, "change": change, "drop": ["04S00039"]}))
    text = engine.cli("preview", "--json", "--diff").stdout
    step = next(s for s in json.loads(text)["steps"] if s["urn"].endswith("::subject"))
    assert step["op"] == "update"
    assert set(step["detailedDiff"]) == {"tags.04S00001.status", "tags.04S00002.id_label", "tags.04SNEW01",
                                         "tags.04S00039"}
    code, summary = _summarize(tmp_path, text)
    assert code == 0, summary
    assert "`tags`: 1 added, 2 changed, 1 removed (40 after)" in summary
    assert "`04SNEW01`" in summary and "`04S00039`" in summary
    assert "tags.04S" not in summary and 'tags["' not in summary
