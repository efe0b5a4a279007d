"""`pulumi-ampeco summarize`: the PR comment made from `pulumi preview --json`."""

from __future__ import annotations

import copy
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pulumi_ampeco.cli.summarize import summarize
from pulumi_ampeco.summary import (
    PreviewError,
    load_preview,
    parse_preview,
    parse_property_path,
    render_markdown,
)

FIXTURES = Path(__file__).parent / "fixtures"
NETWORK = FIXTURES / "ampeco_network_change.json"
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
STACK = "urn:pulumi:prod::ampeco-network::"


def _render(path: Path) -> str:
    return render_markdown(load_preview(path))


def _table(markdown: str) -> dict[str, dict[str, int]]:
    """The counts table as {short type: {op: count}}."""
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    ops = [cell.strip() for cell in rows[0].strip("|").split("|")][1:]
    table: dict[str, dict[str, int]] = {}
    for row in rows[2:]:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        table[cells[0].strip("`")] = {op: int(n) for op, n in zip(ops, cells[1:]) if n != "·"}
    return table


def _digest(*steps: dict[str, Any], **extra: Any) -> str:
    return json.dumps({"steps": list(steps), **extra})


def _step(op: str, kind: str, name: str, *, old: dict[str, Any] | None = None,
          new: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    urn = f"{STACK}pulumi-python:dynamic/ampeco:{kind}::{name}"
    step: dict[str, Any] = {"op": op, "urn": urn, **fields}
    state = {"urn": urn, "custom": True, "type": f"pulumi-python:dynamic/ampeco:{kind}"}
    if old is not None:
        step["oldState"] = {**state, "inputs": old, "outputs": old}
    if new is not None:
        step["newState"] = {**state, "inputs": new}
    return step


# ----------------------------------------------------------------------------------- counts


def test_the_table_counts_each_resource_type_per_operation() -> None:
    table = _table(_render(NETWORK))

    assert table == {
        "ChargePoint": {"create": 1, "update": 1, "replace": 1},
        "ChargingZone": {"update": 1},
        "Connector": {"create": 1},
        "Evse": {"create": 1, "update": 1, "delete": 1},
        "IdTag": {"update": 1, "delete": 1},
        "Location": {"update": 1},
        "Tariff": {"update": 1},
    }


def test_the_heading_totals_come_from_the_engines_change_summary_including_unchanged() -> None:
    markdown = _render(NETWORK)

    assert "**3 to create, 6 to update, 1 to replace, 2 to delete, 12 unchanged**" in markdown
    assert "### Pulumi preview: `ampeco-network` / `prod`" in markdown


def test_without_a_change_summary_the_heading_counts_the_steps() -> None:
    text = _digest(_step("delete", "Evse", "e1", old={"maxPower": 11000}),
                   _step("create", "Evse", "e2", new={"maxPower": 22000}))

    assert "**1 to create, 1 to delete**" in render_markdown(parse_preview(text))


def test_replacement_sub_steps_of_one_resource_count_as_one_replacement() -> None:
    old, new = {"communicationMode": "ocpp-1.6j"}, {"communicationMode": "ocpp-2.0.1"}
    text = _digest(
        _step("create-replacement", "ChargePoint", "cp-1", old=old, new=new,
              replaceReasons=["communicationMode"]),
        _step("replace", "ChargePoint", "cp-1", old=old, new=new, replaceReasons=["communicationMode"]),
        _step("delete-replaced", "ChargePoint", "cp-1", old=old),
    )

    markdown = render_markdown(parse_preview(text))

    assert _table(markdown) == {"ChargePoint": {"replace": 1}}
    assert markdown.count("**replace** `ChargePoint` `cp-1`") == 1


# ------------------------------------------------------------------------- order and flags


def test_deletions_and_replacements_come_first_and_are_flagged() -> None:
    markdown = _render(NETWORK)

    destructive = markdown.index("#### ⚠ Deletions and replacements (3)")
    assert destructive < markdown.index("#### Updates (6)") < markdown.index("#### Creates (3)")
    flagged = [line for line in markdown.splitlines() if line.startswith("- ⚠")]
    assert flagged == [
        "- ⚠ **delete** `Evse` `cp-hamburg-007-evse-2`",
        "- ⚠ **delete** `IdTag` `tag-lost-0042`",
        "- ⚠ **replace** `ChargePoint` `cp-berlin-001` — forced by `communication_mode`",
    ]


def test_a_replacement_shows_the_field_that_forces_it_old_to_new() -> None:
    markdown = _render(NETWORK)

    assert '  - `communication_mode`: `"none"` → `"direct_ocpp"` _(forces replacement)_' in markdown


def test_a_protected_resource_that_would_be_deleted_is_called_out() -> None:
    step = _step("delete", "Location", "hq", old={"name": "HQ"})
    step["oldState"]["protect"] = True

    markdown = render_markdown(parse_preview(_digest(step)))

    assert "- ⚠ **delete** `Location` `hq` (protected" in markdown


def test_output_does_not_depend_on_the_order_of_the_steps() -> None:
    raw = json.loads(NETWORK.read_text())
    shuffled = copy.deepcopy(raw)
    random.Random(7).shuffle(shuffled["steps"])

    assert render_markdown(parse_preview(json.dumps(shuffled))) == _render(NETWORK)


# ------------------------------------------------------------------------- changed fields


def test_updates_show_each_changed_field_old_to_new_from_the_detailed_diff() -> None:
    markdown = _render(NETWORK)

    assert "- `Tariff` `standard-ac`" in markdown
    assert '  - `name`: `"Standard AC"` → `"Standard AC 2025"`' in markdown
    assert "  - `pricing.connection_fee`: (none) → `1.5`" in markdown


def test_updates_without_a_detailed_diff_use_the_diff_reasons() -> None:
    markdown = _render(NETWORK)

    assert '  - `additional_info`: `"Level -1"` → `"Level -1, bays 1-12"`' in markdown
    assert '  - `name`: `"Zone A"` → `"Zone A (load-managed)"`' in markdown


def test_nested_property_paths_show_the_nested_values() -> None:
    markdown = _render(NETWORK)

    assert "  - `pricing.price_per_kwh`: `0.35` → `0.39`" in markdown
    assert "  - `geoposition.latitude`: `52.525` → `52.5251`" in markdown
    assert '  - `name[0].translation`: `"Berlin Hauptbahnhof"` → `"Berlin Central Station"`' in markdown
    assert '  - `tags[2]`: (none) → `"fleet"`' in markdown


def test_a_deleted_property_reads_removed() -> None:
    markdown = _render(FIXTURES / "real_drift_adopter_small_scale_10_replace.json")

    assert '  - `environment`: `{"DRIFT":"true"}` → (removed)' in markdown


def test_property_paths_parse_like_pulumis_property_path_strings() -> None:
    assert parse_property_path('tags["kubernetes.io/name"][0].value') == ["tags", "kubernetes.io/name", 0,
                                                                          "value"]
    assert parse_property_path("network.password") == ["network", "password"]
    assert parse_property_path("triggers[12]") == ["triggers", 12]


def test_long_values_are_truncated() -> None:
    text = _digest(_step("update", "Location", "hq", old={"address": "a" * 300}, new={"address": "b" * 300},
                         diffReasons=["address"]))

    line = next(ln for ln in render_markdown(parse_preview(text)).splitlines() if "`address`" in ln)

    assert "a" * 300 not in line and "…" in line
    assert len(line) < 200


# ------------------------------------------------------------------------------- secrets


def test_fields_named_like_secrets_are_masked_whatever_their_value() -> None:
    markdown = _render(NETWORK)

    assert "  - `network.password`: `***` → `***`" in markdown
    assert "  - `pin`: `***` → `***`" in markdown
    for clear in ("Old-Cp-Pass-7731", "New-Cp-Pass-0042", "4711-Berlin-Pin"):
        assert clear not in markdown


@pytest.mark.parametrize("name", ["apiToken", "api_token", "token", "secret", "client_secret", "password",
                                  "PIN", "pin_code", "apiKey"])
def test_any_field_named_like_a_secret_is_masked(name: str) -> None:
    step = _step("update", "ChargePoint", "cp-1", old={name: "Clear-Old-4242"}, new={name: "Clear-New-4242"},
                 diffReasons=[name])

    markdown = render_markdown(parse_preview(_digest(step)))

    assert f"  - `{name}`: `***` → `***`" in markdown
    assert "Clear-" not in markdown


@pytest.mark.parametrize("name", ["spin", "pinned", "tokenizer_url", "keyId", "description"])
def test_ordinary_fields_are_not_masked(name: str) -> None:
    step = _step("update", "ChargePoint", "cp-1", old={name: "a"}, new={name: "b"}, diffReasons=[name])

    assert f'  - `{name}`: `"a"` → `"b"`' in render_markdown(parse_preview(_digest(step)))


def test_secret_placeholders_and_signature_objects_are_masked() -> None:
    sig = {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
           "plaintext": '"hunter2-plain"'}
    text = _digest(_step("update", "ChargePoint", "cp-1",
                         old={"settings": {"auth": sig, "label": "a"}, "note": "[secret]"},
                         new={"settings": {"auth": "[secret]", "label": "b"}, "note": "[secret]"},
                         diffReasons=["note", "settings"]))

    markdown = render_markdown(parse_preview(text))

    assert "hunter2-plain" not in markdown and "[secret]" not in markdown
    assert "  - `note`: `***` → `***`" in markdown
    assert '  - `settings`: `{"auth":"***","label":"a"}` → `{"auth":"***","label":"b"}`' in markdown


def test_a_clear_secret_leaked_into_another_place_is_scrubbed_too() -> None:
    step = _step("update", "IdTag", "t1", old={"pin": "Pin-Leak-9999", "label": "x"},
                 new={"pin": "Pin-Leak-9999", "label": "y"}, diffReasons=["label"])
    diagnostic = {"urn": step["urn"], "severity": "error", "message": "rejected pin Pin-Leak-9999"}

    markdown = render_markdown(parse_preview(_digest(step, diagnostics=[diagnostic])))

    assert "Pin-Leak-9999" not in markdown
    assert "rejected pin ***" in markdown


def test_values_unknown_until_apply_read_known_after_apply() -> None:
    markdown = _render(FIXTURES / "real_drift_adopter_small_scale_10_replace.json")

    assert '  - `id`: `"5f5ebe921192cfa126f880e0f6919c2cd68b634e"` → (known after apply)' in markdown
    assert UNKNOWN not in markdown


def test_the_dynamic_provider_property_is_never_shown() -> None:
    markdown = _render(NETWORK)

    assert "__provider" not in markdown
    evse = markdown.split("- `Evse` `cp-berlin-001-evse-1`\n", 1)[1].splitlines()[0]
    assert "no user-visible field changes" in evse


# ---------------------------------------------------------------------------- short cases


def test_a_preview_with_only_unchanged_resources_says_no_changes() -> None:
    markdown = _render(FIXTURES / "ampeco_no_changes.json")

    assert "✅ **No changes.** 24 resources unchanged." in markdown
    assert "|" not in markdown and "⚠" not in markdown


def test_many_creates_are_collapsed_in_a_details_block() -> None:
    steps = [_step("create", "Connector", f"c{i:02}", new={"type": "Type2"}) for i in range(12)]

    markdown = render_markdown(parse_preview(_digest(*steps)))

    assert "<details><summary>Creates (12)</summary>" in markdown and "</details>" in markdown
    assert markdown.index("`c00`") < markdown.index("`c11`")


def test_warnings_and_errors_are_listed_with_their_resource() -> None:
    markdown = _render(NETWORK)

    assert "#### Diagnostics (1)" in markdown
    assert "- **warning** `cp-berlin-001`: `communication_mode changes from none to direct_ocpp" in markdown


def test_type_names_that_clash_when_shortened_keep_their_full_token() -> None:
    steps = [{"op": "create", "urn": f"urn:pulumi:dev::p::{t}::b{i}", "newState": {"type": t}}
             for i, t in enumerate(("aws:s3/bucket:Bucket", "gcp:storage/bucket:Bucket"))]

    table = _table(render_markdown(parse_preview(_digest(*steps))))

    assert set(table) == {"aws:s3/bucket:Bucket", "gcp:storage/bucket:Bucket"}


# ------------------------------------------------------------------------------ input forms


def test_preview_json_after_ci_log_lines_is_found() -> None:
    text = "Run pulumi preview --json\n::group::preview\n" + NETWORK.read_text() + "\n::endgroup::\n"

    assert render_markdown(parse_preview(text)) == _render(NETWORK)


def test_an_engine_event_stream_folds_into_the_same_summary() -> None:
    markdown = _render(FIXTURES / "real_pulumi_engine_events_destroy.ndjson")

    assert _table(markdown) == {"Bucket": {"delete": 1}, "BucketObject": {"delete": 1}}
    assert "**2 to delete, 1 unchanged**" in markdown


@pytest.mark.parametrize(("fixture", "heading", "table"), [
    ("real_drift_adopter_small_scale_10_replace.json",
     "**1 to create, 1 to update, 2 to replace, 1 to delete, 7 unchanged**",
     {"Command": {"create": 1, "update": 1}, "PrivateKey": {"replace": 1},
      "RandomString": {"replace": 1, "delete": 1}}),
    ("real_drift_adopter_aws_secret_input.json",
     "**3 to update, 2 unchanged**",
     {"Parameter": {"update": 3}}),
])
def test_real_public_samples_render_with_their_counts(fixture: str, heading: str,
                                                       table: dict[str, dict[str, int]]) -> None:
    markdown = _render(FIXTURES / fixture)

    assert heading in markdown
    assert _table(markdown) == table
    assert "[secret]" not in markdown and UNKNOWN not in markdown


def test_the_real_tls_replacement_without_a_detailed_diff_is_explained_by_its_replace_reasons() -> None:
    markdown = _render(FIXTURES / "real_drift_adopter_small_scale_10_replace.json")

    assert "- ⚠ **replace** `PrivateKey` `tls-key-0` — forced by `algorithm`, `ecdsaCurve`" in markdown
    assert '  - `algorithm`: `"ECDSA"` → `"RSA"` _(forces replacement)_' in markdown
    assert "  - `privateKeyPem`: `***` → `***`" in markdown


def test_load_preview_takes_a_path_or_the_json_text() -> None:
    assert load_preview(str(NETWORK)) == load_preview(NETWORK.read_text())


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty input"),
    ("hello world", "not JSON"),
    ('{"name": "tsconfig"}', "not a `pulumi preview --json` document"),
    ('{"steps": {"op": "create"}}', '"steps" is an object, not a list'),
    ('{"steps": [{"op": "create"}]}', 'step 0 has no "op" and "urn"'),
])
def test_text_that_is_not_a_preview_is_rejected_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(PreviewError, match=re.escape(message)):
        parse_preview(text)


# ------------------------------------------------------------------------------------- CLI


def test_the_command_prints_the_markdown_for_a_file() -> None:
    result = CliRunner().invoke(summarize, [str(NETWORK)])

    assert result.exit_code == 0, result.output
    assert result.stdout == _render(NETWORK)


def test_the_command_reads_standard_input_when_given_a_dash() -> None:
    result = CliRunner().invoke(summarize, ["-"], input=NETWORK.read_text())

    assert result.exit_code == 0, result.output
    assert result.stdout == _render(NETWORK)


def test_the_command_writes_to_the_out_file(tmp_path: Path) -> None:
    out = tmp_path / "comment.md"

    result = CliRunner().invoke(summarize, [str(NETWORK), "--out", str(out)])

    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == _render(NETWORK)


@pytest.mark.parametrize(("content", "expected"), [
    (None, "cannot read"),
    ("Resources:\n    + 3 to create\n", "not JSON"),
    ('{"resources": []}', "not a `pulumi preview --json` document"),
    (b"\xff\xfe{", "not UTF-8"),
])
def test_expected_failures_print_one_error_line_and_exit_1(
        tmp_path: Path, content: str | bytes | None, expected: str) -> None:
    path = tmp_path / "preview.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)

    result = CliRunner().invoke(summarize, [str(path)])

    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and expected in lines[0]


def test_a_missing_argument_is_a_usage_error_with_exit_2() -> None:
    result = CliRunner().invoke(summarize, [])

    assert result.exit_code == 2
    assert "PREVIEW_JSON" in result.output


def test_a_clear_secret_is_scrubbed_before_a_long_value_is_truncated() -> None:
    leak = "x" * 50 + "Pass-Word-123456789"
    step = _step("update", "ChargePoint", "cp-1", old={"password": "Pass-Word-123456789", "url": "a"},
                 new={"password": "Pass-Word-123456789", "url": leak}, diffReasons=["url"])

    markdown = render_markdown(parse_preview(_digest(step)))

    assert "Pass-Wo" not in markdown
