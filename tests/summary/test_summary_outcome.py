"""A failed, cancelled or cut-off preview is never summarised as a plan, let alone as "No changes"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _summary_kit import EVENTS, NETWORK, digest, error, event_lines, renamed, step
from click.testing import CliRunner
from pulumi_ampeco.cli.summarize import summarize
from pulumi_ampeco.summary import parse_preview, render_markdown


def _render(text: str) -> str:
    return render_markdown(parse_preview(text))


def _body(markdown: str) -> list[str]:
    """The comment's lines after the marker and title."""
    return [line for line in markdown.splitlines()[2:] if line.strip()]


# ------------------------------------------------------------------------------- failures


def test_a_preview_with_only_error_diagnostics_leads_with_the_failure_not_no_changes() -> None:
    markdown = _render(json.dumps({"diagnostics": [error("could not load network.yaml: line 3")]}))

    assert "No changes" not in markdown
    assert markdown.splitlines()[1] == "### ❌ Pulumi preview failed"
    body = _body(markdown)
    assert body[0] == "**The preview failed (1 error): it is not known what would change.**"
    assert body[1] == "- **error**: `could not load network.yaml: line 3`"


def test_errors_beside_steps_and_a_change_summary_come_before_the_changes() -> None:
    text = digest(renamed(1), step("delete", "IdTag", "t1", old={"id_tag_uid": "04AB"}),
                  changeSummary={"update": 1, "delete": 1, "same": 3},
                  diagnostics=[{"urn": renamed(1)["urn"], "severity": "warning", "message": "warning: slow\n"},
                               error("ChargePoint create failed: 422", renamed(1)["urn"])])

    markdown = _render(text)

    assert markdown.splitlines()[1] == "### ❌ Pulumi preview failed: `ampeco-network` / `prod`"
    failure = markdown.index("**The preview failed (1 error): the changes below are only those planned")
    first_error = markdown.index("- **error** `cp-000001`: `ChargePoint create failed: 422`")
    totals = markdown.index("Planned before the preview stopped: **1 to update, 1 to delete, 3 unchanged**")
    assert failure < first_error < totals < markdown.index("#### ⚠ Deletions and replacements (1)")
    assert "No changes" not in markdown
    assert "- **warning** `cp-000001`: `slow`" in markdown  # warnings stay at the end


def test_only_the_first_errors_are_listed_and_the_rest_counted() -> None:
    markdown = _render(json.dumps({"diagnostics": [error(f"problem {i}") for i in range(30)]}))

    assert "The preview failed (30 errors)" in markdown
    assert markdown.count("- **error**:") == 10
    assert "- … and 20 more errors" in markdown


def test_a_failed_preview_with_no_steps_never_claims_no_changes_even_with_unchanged_counts() -> None:
    markdown = _render(json.dumps({"changeSummary": {"same": 24}, "diagnostics": [error("boom")]}))

    assert "No changes" not in markdown and "✅" not in markdown
    assert "Planned before the preview stopped: **24 unchanged**" in markdown


# ------------------------------------------------------------------------- event streams


def test_an_event_stream_cut_off_before_its_summary_event_is_reported_incomplete() -> None:
    lines = [line for line in event_lines() if "summaryEvent" not in line and "cancelEvent" not in line]

    markdown = _render("".join(lines))

    assert markdown.splitlines()[1] == "### ⚠ Pulumi preview incomplete: `myproject` / `dev`"
    assert "**The preview is incomplete: the event stream ends before the engine's summary" in markdown
    assert "No changes" not in markdown
    assert "- ⚠ **delete** `BucketObject` `myobject`" in markdown


def test_an_event_stream_cut_in_the_middle_of_a_line_is_incomplete_too() -> None:
    text = "".join(event_lines()[:5]) + '{"sequence":6,"timestamp":1700000005,"resOutp'

    digest_ = parse_preview(text)

    assert not digest_.complete
    assert "Pulumi preview incomplete" in render_markdown(digest_)


def test_a_finished_event_stream_is_complete() -> None:
    digest_ = parse_preview(EVENTS.read_text())

    assert digest_.complete and not digest_.failed
    assert render_markdown(digest_).splitlines()[1] == "### Pulumi preview: `myproject` / `dev`"


def _summary_event(result: str) -> str:
    return json.dumps({"sequence": 8, "summaryEvent": {"maybeCorrupt": False, "durationSeconds": 1,
                                                       "resourceChanges": {"same": 1}, "result": result}})


def test_a_summary_event_that_says_failed_is_a_failure_without_any_error_line() -> None:
    lines = [line for line in event_lines() if "summaryEvent" not in line]

    markdown = _render("".join(lines) + _summary_event("failed") + "\n")

    assert "### ❌ Pulumi preview failed" in markdown
    assert "**The preview failed (the engine reports a failure)" in markdown


def test_a_cancelled_preview_says_so() -> None:
    lines = [line for line in event_lines() if "summaryEvent" not in line]

    markdown = _render("".join(lines) + _summary_event("canceled") + "\n")

    assert "### ⚠ Pulumi preview cancelled" in markdown
    assert "No changes" not in markdown


def test_error_diagnostic_events_make_the_stream_a_failure() -> None:
    diagnostic = {"sequence": 7, "diagnosticEvent": {"urn": "", "prefix": "error: ", "message": "update failed",
                                                     "color": "never", "severity": "error"}}
    lines = event_lines()

    markdown = _render("".join(lines[:-2]) + json.dumps(diagnostic) + "\n" + "".join(lines[-2:]))

    assert "- **error**: `update failed`" in markdown
    assert "### ❌ Pulumi preview failed" in markdown


# ------------------------------------------------------------------------------------- CLI


def test_the_command_exits_3_on_a_failed_preview_and_still_prints_the_whole_comment(tmp_path: Path) -> None:
    path = tmp_path / "preview.json"
    path.write_text(json.dumps({"diagnostics": [error("boom")]}))

    result = CliRunner().invoke(summarize, [str(path)])

    assert result.exit_code == 3
    assert result.stdout == _render(path.read_text())
    assert result.stderr == "Error: the preview failed (1 error); the comment lists why\n"


def test_the_comment_file_is_written_when_the_preview_failed(tmp_path: Path) -> None:
    path, out = tmp_path / "preview.json", tmp_path / "comment.md"
    path.write_text(digest(renamed(1), diagnostics=[error("boom")]))

    result = CliRunner().invoke(summarize, [str(path), "--out", str(out)])

    assert result.exit_code == 3
    assert out.read_text(encoding="utf-8").startswith("<!-- pulumi-ampeco:summarize -->\n### ❌ Pulumi preview failed")


def test_the_command_exits_3_on_a_cut_off_event_stream(tmp_path: Path) -> None:
    path = tmp_path / "events.ndjson"
    path.write_text("".join(event_lines()[:6]))

    result = CliRunner().invoke(summarize, [str(path)])

    assert result.exit_code == 3
    assert result.stderr.startswith("Error: the preview is incomplete")
    assert "Pulumi preview incomplete" in result.stdout


@pytest.mark.parametrize("fixture", [NETWORK, EVENTS])
def test_the_command_exits_0_on_a_finished_preview(fixture: Path) -> None:
    result = CliRunner().invoke(summarize, [str(fixture)])

    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_a_failed_resource_operation_in_a_real_stream_is_a_failure_and_names_the_resource() -> None:
    """Pulumi's own sample: the only sign of failure is ``resOpFailedEvent`` ("1 errored")."""
    markdown = _render((Path(__file__).parent / "fixtures" / "real_pulumi_engine_events_failed_operation.ndjson")
                       .read_text())

    assert markdown.splitlines()[1] == "### ❌ Pulumi preview failed: `test` / `dev`"
    assert "**The preview failed (1 failed operation):" in markdown
    assert "- **failed** `test-x`: update" in markdown
    assert "update: summary 0, steps 1" in markdown  # the engine counted it as nothing
    assert "> ⚠ Pulumi reports that one or more resources may be corrupt." in markdown
