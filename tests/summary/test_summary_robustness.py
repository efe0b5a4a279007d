"""No input makes ``summarize`` print a traceback, and odd counts never make a comment claim less.

Unreadable input is one line on stderr and exit code 1; usage errors exit 2 (click's convention).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _summary_kit import LIMIT, NETWORK, digest, renamed, step, urn
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pulumi_ampeco.cli.summarize import summarize
from pulumi_ampeco.summary import PreviewError, parse_preview, render_markdown

DEEP = "[" * 50_000 + "]" * 50_000


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _summarised(text: str, **options: Any) -> str | None:
    """The comment for ``text``, or None when it is rejected as not a preview (PreviewError)."""
    try:
        digest_ = parse_preview(text)
    except PreviewError as exc:
        assert "\n" not in str(exc)
        return None
    return render_markdown(digest_, **options)


def _run(tmp_path: Path, content: str | bytes, *args: str) -> Any:
    path = tmp_path / "preview.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return CliRunner().invoke(summarize, [str(path), *args])


# ------------------------------------------------------------------------------ deep nesting


@pytest.mark.parametrize("text", [
    DEEP,
    '{"steps": [{"op": "update", "urn": "u", "newState": {"inputs": {"a": ' + DEEP + "}}}]}",
    '{"diagnostics": ' + DEEP + "}",
])
def test_json_nested_50000_deep_is_rejected_in_one_line(text: str) -> None:
    with pytest.raises(PreviewError, match="nested too deeply"):
        parse_preview(text)


def test_an_event_line_nested_50000_deep_is_skipped_and_said() -> None:
    deep = '{"summaryEvent": ' + '{"a":' * 50_000 + "1" + "}" * 50_001
    text = '{"sequence": 1, "preludeEvent": {"config": {}}}\n' + deep + "\n"

    digest_ = parse_preview(text)
    markdown = render_markdown(digest_)

    assert digest_.unreadable_lines == 1 and not digest_.complete
    assert "1 line(s) of the event stream could not be read and were skipped" in markdown


def test_the_command_rejects_deep_json_with_one_line_and_exit_1(tmp_path: Path) -> None:
    result = _run(tmp_path, DEEP)

    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
    assert "nested too deeply" in result.output


def test_a_value_nested_as_deep_as_json_allows_is_shown_cut_at_a_fixed_depth() -> None:
    deep = json.loads("[" * 700 + "1" + "]" * 700)
    text = digest(step("update", "Location", "hq", old={"geo": deep}, new={"geo": 2}, diffReasons=["geo"]))

    markdown = render_markdown(parse_preview(text))

    assert "  - `geo`: `" + "[" * 16 + "[…]" + "]" * 16 + "` → `2`" in markdown


# ------------------------------------------------------------------------------ wrong types


@pytest.mark.parametrize("document", [
    {"steps": [{"op": "update", "urn": "u", "oldState": 5, "newState": [], "detailedDiff": "x",
                "diffReasons": {"a": 1}, "replaceReasons": 7}]},
    {"steps": [{"op": "delete", "urn": urn("IdTag", "t"), "oldState": {"inputs": [1], "outputs": "x",
                                                                        "protect": "yes", "type": 5}}]},
    {"steps": [], "changeSummary": [1, 2], "diagnostics": {"a": 1}, "config": 5, "duration": "x"},
    {"steps": [{"op": "update", "urn": "u", "detailedDiff": {"a": 5, "b": {"kind": 7, "inputDiff": "x"}}}]},
    {"diagnostics": [{"severity": 5, "message": "m"}, {"severity": "error", "message": 5}, None, []]},
    {"steps": None, "changeSummary": {"update": "three", "create": 1.5, "delete": True, "same": None}},
    {"steps": [{"op": "create", "urn": "u", "newState": {"type": "x:y:IdTagSet", "inputs": {"tags": [1]}}}]},
    {"events": [{"resourcePreEvent": {"metadata": {"op": 5}}}, {"summaryEvent": {"resourceChanges": 5}}]},
    {"steps": [{"op": "update\n| x |", "urn": "u\n#### fake"}]},
])
def test_values_of_the_wrong_type_are_ignored_not_fatal(document: dict[str, Any]) -> None:
    markdown = _summarised(json.dumps(document))

    assert markdown is not None and _units(markdown) <= LIMIT
    assert "\n#### fake" not in markdown and "\n| x |" not in markdown


@pytest.mark.parametrize(("text", "message"), [
    ("{" * 3 + "1", "not JSON"),
    ('{"steps": [{"op": "update", "urn": "u"}, 12345' + "6" * 5_000 + "]}", "unreadable JSON value"),
    ('"just a string"', "the input is a string"),
    ("[1, 2, 3]", "not a `pulumi preview --json` document"),
    ("\x00\x01\x02", "not JSON"),
])
def test_text_that_is_no_preview_is_rejected_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(PreviewError, match=message):
        parse_preview(text)


# ------------------------------------------------------------------------------ counts


def test_negative_or_non_integer_counts_are_ignored_and_said() -> None:
    markdown = render_markdown(parse_preview(digest(renamed(1), renamed(2),
                                                    changeSummary={"update": -5, "create": "x", "same": 4})))

    assert "**2 to update, 4 unchanged**" in markdown
    assert "not counts, ignored: create = a string, update = -5" in markdown
    assert "-5 to update" not in markdown


def test_a_change_summary_below_the_steps_never_shows_fewer_changes_and_says_so() -> None:
    markdown = render_markdown(parse_preview(digest(renamed(1), renamed(2), renamed(3),
                                                    changeSummary={"update": 1, "same": 7})))

    assert "**3 to update, 7 unchanged**" in markdown
    assert "disagrees with the steps listed here (update: summary 1, steps 3); the larger count is shown" \
        in markdown


def test_a_change_summary_above_the_steps_is_believed_and_the_gap_said() -> None:
    markdown = render_markdown(parse_preview(digest(renamed(1, op="delete"), changeSummary={"delete": 10})))

    assert "**10 to delete**" in markdown
    assert "delete: summary 10, steps 1" in markdown


def test_unchanged_resources_without_steps_are_not_a_disagreement() -> None:
    markdown = render_markdown(parse_preview(NETWORK.read_text()))

    assert "disagrees" not in markdown


def test_hundreds_of_invented_operations_keep_the_totals_line_and_the_limit() -> None:
    steps = [step(f"op-{i:03}", "IdTag", f"t{i}", new={}) for i in range(300)]
    summary = {f"op-{i:03}": 1 for i in range(300)} | {f"x-{i:04}": 5 for i in range(5_000)}

    markdown = render_markdown(parse_preview(digest(*steps, changeSummary=summary)))

    assert _units(markdown) <= LIMIT
    assert "**1 op-000, 1 op-001, " in markdown and ", 25288 in 5288 other operations**" in markdown
    assert "| Type | op-000 |" in markdown and "| other |" in markdown


# ------------------------------------------------------------------------------ truncated files


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.99])
def test_a_truncated_preview_file_is_one_error_line_and_exit_1(tmp_path: Path, fraction: float) -> None:
    text = NETWORK.read_text()

    result = _run(tmp_path, text[: int(len(text) * fraction)])

    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "truncated: the input ends before the JSON document is complete" in result.output


@pytest.mark.parametrize(("content", "expected"), [
    (b"\xff\xfe{\x00}\x00", "it is UTF-16"),
    (b'{"steps": [\xff]}', "not UTF-8"),
    ("", "empty input"),
])
def test_undecodable_files_are_one_error_line_and_exit_1(tmp_path: Path, content: bytes | str,
                                                         expected: str) -> None:
    result = _run(tmp_path, content)

    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and expected in result.output


def test_a_directory_is_one_error_line_and_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(summarize, [str(tmp_path)])

    assert result.exit_code == 1 and result.output.startswith(f"Error: cannot read {tmp_path}")


def test_a_limit_too_small_to_hold_a_comment_is_a_usage_error(tmp_path: Path) -> None:
    result = _run(tmp_path, NETWORK.read_text(), "--max-chars", "10")

    assert result.exit_code == 2


# ------------------------------------------------------------------------------ any input at all

_LEAVES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
_JSON = st.recursive(_LEAVES, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                           max_size=4),
                     max_leaves=20)
_OPS = st.sampled_from(["create", "update", "delete", "replace", "same", "create-replacement", "delete-replaced",
                        "read", "import", "discard"]) | st.text(max_size=10)
_KEYS = st.sampled_from(["name", "pin", "password", "tags", "adopt_id", "__provider", "network.password",
                         "a.b[0]", 'tags["04AB"]', "tags.04AB.status"]) | st.text(max_size=8)
_TYPES = st.sampled_from(["pulumi-python:dynamic/ampeco:IdTag", "pulumi-python:dynamic/ampeco:IdTagSet",
                          "pulumi:pulumi:Stack"]) | _JSON
_STATE = st.fixed_dictionaries({}, optional={
    "type": _TYPES, "inputs": st.dictionaries(_KEYS, _JSON, max_size=5) | _JSON,
    "outputs": st.dictionaries(_KEYS, _JSON, max_size=5) | _JSON, "protect": _JSON, "retainOnDelete": _JSON})
_DIFF = st.dictionaries(_KEYS, st.fixed_dictionaries({"kind": st.sampled_from(
    ["add", "update", "delete", "add-replace", "update-replace", "delete-replace"]) | _JSON},
    optional={"inputDiff": _JSON}) | _JSON, max_size=5) | _JSON
_URNS = st.builds(lambda k, n: urn(k, n), st.sampled_from(["IdTag", "IdTagSet", "Location"]), st.text(max_size=10))
_STEP = st.fixed_dictionaries({"op": _OPS, "urn": _URNS | st.text(max_size=20)}, optional={
    "oldState": _STATE, "newState": _STATE, "detailedDiff": _DIFF, "diffReasons": st.lists(_KEYS) | _JSON,
    "replaceReasons": st.lists(_KEYS) | _JSON, "provider": _JSON})
_DIAGNOSTIC = st.fixed_dictionaries({"severity": st.sampled_from(["error", "warning", "info"]) | _JSON,
                                     "message": st.text(max_size=40) | _JSON}, optional={"urn": _URNS | _JSON})
_DOCUMENT = st.fixed_dictionaries({}, optional={
    "steps": st.lists(_STEP | _JSON, max_size=6) | _JSON, "changeSummary": st.dictionaries(_OPS, _JSON) | _JSON,
    "diagnostics": st.lists(_DIAGNOSTIC | _JSON, max_size=4) | _JSON, "config": _JSON, "duration": _JSON,
    "maybeCorrupt": _JSON})
_EVENT = st.one_of(
    st.builds(lambda m: {"resourcePreEvent": {"metadata": m}}, st.fixed_dictionaries(
        {"op": _OPS, "urn": _URNS}, optional={"old": _STATE, "new": _STATE, "diffs": _JSON, "keys": _JSON,
                                             "detailedDiff": _DIFF, "type": _TYPES}) | _JSON),
    st.builds(lambda d: {"diagnosticEvent": d}, _DIAGNOSTIC | _JSON),
    st.builds(lambda s: {"summaryEvent": s}, st.fixed_dictionaries({}, optional={
        "resourceChanges": st.dictionaries(_OPS, _JSON) | _JSON, "result": _JSON, "durationSeconds": _JSON})),
    st.builds(lambda c: {"preludeEvent": {"config": c}}, _JSON),
)
_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_JSON)
def test_any_json_value_gives_a_comment_within_the_limit_or_a_one_line_rejection(value: Any) -> None:
    markdown = _summarised(json.dumps(value))

    assert markdown is None or _units(markdown) <= LIMIT


@_SETTINGS
@given(_DOCUMENT, st.sampled_from([LIMIT, 1_000]))
def test_any_digest_shaped_document_gives_a_comment_within_the_limit(document: dict[str, Any], limit: int) -> None:
    markdown = _summarised(json.dumps(document), max_chars=limit)

    assert markdown is None or _units(markdown) <= limit


@_SETTINGS
@given(st.lists(_EVENT, max_size=8), st.integers(min_value=0, max_value=200), st.text(max_size=30))
def test_any_event_stream_cut_anywhere_among_log_lines_gives_a_comment_or_a_rejection(
        events: list[dict[str, Any]], cut: int, noise: str) -> None:
    text = noise + "\n" + "\n".join(json.dumps(e) for e in events) + "\n"
    text = text[: len(text) - cut] if cut < len(text) else text

    markdown = _summarised(text)

    assert markdown is None or _units(markdown) <= LIMIT
