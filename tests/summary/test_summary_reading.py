"""The reader streams its input and finds the preview among CI log lines, in either format."""

from __future__ import annotations

import io
import json

import pytest
from _summary_kit import EVENTS, FIXTURES, NETWORK, digest, renamed
from pulumi_ampeco.summary import load_preview, parse_preview, read_preview, render_markdown


class _Trickle(io.TextIOBase):
    """A stream that hands out a few characters per read, as a slow pipe would."""

    def __init__(self, text: str, size: int) -> None:
        self._text, self._pos, self._size = text, 0, size

    def readable(self) -> bool:
        return True

    def read(self, n: int | None = -1) -> str:
        piece = self._text[self._pos:self._pos + self._size]
        self._pos += len(piece)
        return piece


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.*json")), ids=lambda p: p.name)
@pytest.mark.parametrize("size", [1, 3, 7, 64])
def test_reading_a_few_characters_at_a_time_gives_the_same_digest(fixture: object, size: int) -> None:
    text = fixture.read_text()  # type: ignore[attr-defined]

    assert read_preview(_Trickle(text, size)) == parse_preview(text)


def test_numbers_and_literals_split_across_reads_are_read_whole() -> None:
    text = json.dumps({"changeSummary": {"update": 123456789, "same": 42}, "maybeCorrupt": True})

    assert read_preview(_Trickle(text, 1)).change_summary == {"update": 123456789, "same": 42}


def test_log_lines_that_look_like_json_before_the_preview_are_skipped() -> None:
    text = ("[INFO] Running pulumi preview\n{not json at all\n"
            '{"level": "info", "msg": "a structured log line"}\n' + NETWORK.read_text() + "\n[INFO] done\n")

    assert render_markdown(parse_preview(text)) == render_markdown(load_preview(NETWORK))


def test_log_lines_between_events_are_skipped() -> None:
    lines = EVENTS.read_text().splitlines(keepends=True)
    noisy = "".join(line + "::debug::between events\n" for line in lines)

    assert parse_preview("##[group]preview\n" + noisy) == parse_preview("".join(lines))


def test_events_as_a_json_list_or_wrapped_in_an_object_read_as_the_stream() -> None:
    events = [json.loads(line) for line in EVENTS.read_text().splitlines()]
    expected = render_markdown(load_preview(EVENTS))

    assert render_markdown(parse_preview(json.dumps(events))) == expected
    assert render_markdown(parse_preview(json.dumps({"events": events}, indent=2))) == expected


def test_a_byte_order_mark_is_ignored() -> None:
    assert parse_preview("\ufeff" + NETWORK.read_text()) == load_preview(NETWORK)


def test_duplicate_events_of_one_step_count_once() -> None:
    lines = EVENTS.read_text().splitlines(keepends=True)

    assert parse_preview("".join(lines[:3] + lines[2:])) == parse_preview("".join(lines))


def test_steps_beyond_what_a_comment_can_show_keep_no_field_details() -> None:
    parsed = parse_preview(digest(*(renamed(i) for i in range(5_000))))

    kept = [s for s in parsed.steps if s.details_kept]
    assert len(kept) == 4_096
    assert {s.name for s in kept} == {f"cp-{i:06}" for i in range(4_096)}  # the first in listing order
    assert all(s.old_state is None and s.detailed_diff is None for s in parsed.steps if not s.details_kept)
