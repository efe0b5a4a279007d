"""The comment fits GitHub's 65,536 characters whatever the size of the change, and says what it left out.

Sizes are pinned; time is not (the machine is shared). Memory is pinned loosely, as a guard against
reading the whole preview into objects again.
"""

from __future__ import annotations

import json
import re
import tracemalloc
from pathlib import Path

import pytest
from _summary_kit import LIMIT, digest, many, renamed, step
from pulumi_ampeco.summary import load_preview, parse_preview, render_markdown


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _listed(markdown: str, section: str) -> list[str]:
    """The resource lines of one section (its heading starts with ``section``)."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(section) or f"<summary>{section}" in line)
    found = []
    for line in lines[start + 1:]:
        if line.startswith(("#### ", "<details>")):
            break
        if line.startswith("- ") and not line.startswith(("- …", "- _")):
            found.append(line)
    return found


@pytest.mark.parametrize("count", [1_000, 2_000, 100_000])
def test_any_number_of_updates_fits_with_totals_counts_and_what_was_left_out(count: int) -> None:
    markdown = render_markdown(parse_preview(many(count)))

    assert _units(markdown) <= LIMIT
    assert f"**{count} to update, 1 unchanged**" in markdown
    assert f"| `ChargePoint` | {count} |" in markdown
    listed = len(_listed(markdown, "#### Updates"))
    cut = re.search(r"Not listed: (\d+) updates\.", markdown)
    left_out = int(cut.group(1)) if cut else 0
    assert listed + left_out == count and listed > 300
    if left_out:
        assert f"- … and {left_out} more updates not listed, to fit the comment limit" in markdown
    assert "Shortened to fit GitHub's comment limit" in markdown


def test_names_are_kept_before_field_details_so_hundreds_of_updates_are_all_listed() -> None:
    markdown = render_markdown(parse_preview(many(800)))

    assert _units(markdown) <= LIMIT
    updates = _listed(markdown, "#### Updates")
    assert len(updates) == 800
    assert "- _Field changes not shown for the rest, to fit the comment limit:_" in markdown
    assert '  - `name`: `"Charge point 0"` → `"Charge point 0 (renamed)"`' in markdown  # the first keep theirs
    assert "Listed without their field changes:" in markdown and "Not listed" not in markdown


def test_deletions_come_before_updates_and_updates_before_creates_when_cutting() -> None:
    steps = ([renamed(i, op="delete") for i in range(200)] + [renamed(i) for i in range(200, 5200)]
             + [renamed(i, op="create") for i in range(5200, 10200)])
    markdown = render_markdown(parse_preview(digest(*steps)))

    assert _units(markdown) <= LIMIT
    assert "**5000 to create, 5000 to update, 200 to delete**" in markdown
    assert len(_listed(markdown, "#### ⚠ Deletions and replacements")) == 200  # all of them
    assert 0 < len(_listed(markdown, "#### Updates")) < 5000
    assert "Not listed:" in markdown and "5000 creates" in markdown  # the least important go first
    assert markdown.index("#### ⚠ Deletions") < markdown.index("#### Updates")


def test_a_huge_value_or_name_costs_only_its_shown_length() -> None:
    big = "x" * 2_000_000
    text = digest(step("update", "Location", "n" * 200_000, old={"address": big}, new={"address": big + "y"},
                       diffReasons=["address", "y" * 100_000]))

    markdown = render_markdown(parse_preview(text))

    assert len(markdown) < 3_000
    assert "…" in markdown


def test_many_types_keep_a_bounded_table_with_a_row_for_the_rest() -> None:
    steps = [{"op": "create", "urn": f"urn:pulumi:dev::p::pkg:mod:Type{i:04}::r{i}",
              "newState": {"type": f"pkg:mod:Type{i:04}" + "T" * 60}} for i in range(3_000)]

    markdown = render_markdown(parse_preview(digest(*steps)))

    assert _units(markdown) <= LIMIT
    assert "| … 2900 more types | 2900 |" in markdown


def test_a_smaller_limit_is_kept_too() -> None:
    markdown = render_markdown(parse_preview(many(2_000)), max_chars=10_000)

    assert _units(markdown) <= 10_000
    assert "**2000 to update, 1 unchanged**" in markdown


def test_names_with_wide_characters_are_counted_as_github_counts_them() -> None:
    steps = [step("create", "IdTag", f"🚗{i:05}" + "🔌" * 30) for i in range(3_000)]

    markdown = render_markdown(parse_preview(digest(*steps)))

    assert _units(markdown) <= LIMIT < len(markdown.encode("utf-16-le"))


def _peak_memory(path: Path) -> int:
    tracemalloc.start()
    try:
        markdown = render_markdown(load_preview(path))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        assert _units(markdown) <= LIMIT


def _padded_preview(path: Path, padding: int) -> int:
    """500 updates whose states carry an unchanged ``description`` of ``padding`` characters."""
    steps = [renamed(i) for i in range(500)]
    for item in steps:
        for state in (item["oldState"], item["newState"]):
            state["inputs"] = {**state["inputs"], "description": "d" * padding}
            state["outputs"] = dict(state["inputs"])
    path.write_text(json.dumps({"steps": steps, "changeSummary": {"update": 500}}, indent=4))
    return path.stat().st_size


def test_memory_does_not_grow_with_what_the_steps_carry_beyond_their_diff(tmp_path: Path) -> None:
    """The input is streamed: a step's values are dropped once read, except the ones its diff names."""
    small = _padded_preview(tmp_path / "small.json", 100)
    large = _padded_preview(tmp_path / "large.json", 10_000)

    small_peak, large_peak = _peak_memory(tmp_path / "small.json"), _peak_memory(tmp_path / "large.json")

    assert large > 20_000_000 > 10 * small
    assert large_peak - small_peak < 4_000_000  # the read buffer (1 MB chunks) and one step, not the file
