"""`pulumi-ampeco emulator`: a state file that cannot be loaded stops it with one line, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pulumi_ampeco.cli import main


@pytest.mark.parametrize(("content", "why"), [
    ("{not json", "is not JSON (Expecting property name enclosed in double quotes"),
    ("[1, 2]", "the state must be a JSON object of collection -> list of objects, not a list"),
    ('{"chargers": []}', "unknown collection(s) chargers; collections are id_tags"),
    ('{"id_tags": [{"id": "one"}]}', "id_tags[0] needs an integer id >= 1, got 'one'"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply to be a state file"),
])
def test_a_state_file_that_is_not_a_state_fails_in_one_line(tmp_path: Path, content: str, why: str) -> None:
    state = tmp_path / "tenant.json"
    state.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["emulator", "--port", "0", "--token", "t", "--state-file", str(state)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: --state-file: {state}") and why in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
