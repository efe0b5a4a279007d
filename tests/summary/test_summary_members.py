"""A resource owning many members through one mapping input (a future ``IdTagSet``'s ``tags``, keyed by
uid) is summarised as counts of added, changed and removed members with the first few ids of each."""

from __future__ import annotations

import json

from _summary_kit import LIMIT, digest, step
from pulumi_ampeco.summary import PreviewDigest, parse_preview, render_markdown


def _tags(uids: range | list[str], status: str = "enabled") -> dict[str, dict[str, str]]:
    return {str(uid) if isinstance(uid, str) else f"04{uid:06X}": {"status": status, "type": "rfid"} for uid in uids}


def _render(text: str, **options: object) -> str:
    return render_markdown(parse_preview(text, **options))  # type: ignore[arg-type]


def test_member_changes_from_the_detailed_diff_are_counted_with_the_first_ids() -> None:
    old = {"tags": _tags(["04A1", "04A2", "04A3"]), "partner_id": 7}
    new = {"tags": {**_tags(["04A1", "04A4", "04A5"]), "04A2": {"status": "disabled", "type": "rfid"}},
           "partner_id": 8}
    text = digest(step("update", "IdTagSet", "fleet-cards", old=old, new=new, detailedDiff={
        'tags["04A2"].status': {"kind": "update", "inputDiff": True},
        'tags["04A3"]': {"kind": "delete", "inputDiff": True},
        'tags["04A4"]': {"kind": "add", "inputDiff": True},
        'tags["04A5"]': {"kind": "add", "inputDiff": True},
        "partner_id": {"kind": "update", "inputDiff": True},
    }))

    markdown = _render(text)

    assert "- `IdTagSet` `fleet-cards` — `tags`: 2 added, 1 changed, 1 removed (4 after)" in markdown
    assert "  - added: `04A4`, `04A5`" in markdown
    assert "  - changed: `04A2`" in markdown
    assert "  - removed: `04A3`" in markdown
    assert "  - `partner_id`: `7` → `8`" in markdown
    assert 'tags["' not in markdown  # no field line per member


def test_without_member_paths_in_the_diff_the_old_and_new_inputs_are_compared() -> None:
    old = {"tags": _tags(range(5_000))}
    new = {"tags": {**_tags(range(1_000, 6_000)), **_tags(range(4_990, 5_000), status="disabled")}}
    text = digest(step("update", "IdTagSet", "all-cards", old=old, new=new, diffReasons=["tags"]))

    markdown = _render(text)

    assert "— `tags`: 1000 added, 10 changed, 1000 removed (5000 after)" in markdown
    assert "  - added: `04001388`, `04001389`, `0400138A`, `0400138B`, `0400138C` and 995 more" in markdown
    assert "  - changed: `0400137E`, `0400137F`, `04001380`, `04001381`, `04001382` and 5 more" in markdown
    assert "  - removed: `04000000`, `04000001`, `04000002`, `04000003`, `04000004` and 995 more" in markdown
    assert len(markdown) < 2_000


def test_creating_and_deleting_a_set_counts_all_its_members() -> None:
    text = digest(step("create", "IdTagSet", "new-cards", new={"tags": _tags(range(3_000))}),
                  step("delete", "IdTagSet", "old-cards", old={"tags": _tags(range(2_000))}))

    markdown = _render(text)

    assert "- ⚠ **delete** `IdTagSet` `old-cards` — `tags`: 2000 removed (0 after)" in markdown
    assert "- `IdTagSet` `new-cards` — `tags`: 3000 added (3000 after)" in markdown


def test_thousands_of_sets_with_thousands_of_members_stay_within_the_limit() -> None:
    steps = [step("update", "IdTagSet", f"set-{i:04}", old={"tags": _tags(range(500))},
                  new={"tags": _tags(range(250, 750))}, diffReasons=["tags"]) for i in range(400)]

    markdown = _render(digest(*steps))

    assert len(markdown.encode("utf-16-le")) // 2 <= LIMIT
    assert "**400 to update**" in markdown
    assert "Shortened to fit GitHub's comment limit" in markdown
    # the counts are on the resource's own line, so they stay when the ids under it are folded away
    assert "- `IdTagSet` `set-0399` — `tags`: 250 added, 250 removed (500 after)" in markdown


def test_secret_or_unknown_members_are_said_not_guessed() -> None:
    text = digest(step("update", "IdTagSet", "a", old={"tags": "[secret]"}, new={"tags": "[secret]"},
                       diffReasons=["tags"]),
                  step("create", "IdTagSet", "b", new={"tags": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}))

    markdown = _render(text)

    assert "- `IdTagSet` `a` — `tags`: members are secret" in markdown
    assert "- `IdTagSet` `b` — `tags`: members known after apply" in markdown


def test_any_type_can_declare_its_member_mapping() -> None:
    old = {"parts": {"p1": 1, "p2": 2}}
    new = {"parts": {"p2": 3, "p3": 4}}
    text = json.dumps({"steps": [{"op": "update", "urn": "urn:pulumi:dev::p::acme:index:Kit::kit",
                                  "oldState": {"type": "acme:index:Kit", "inputs": old},
                                  "newState": {"type": "acme:index:Kit", "inputs": new},
                                  "diffReasons": ["parts"]}]})

    digest_: PreviewDigest = parse_preview(text, member_maps={"Kit": "parts"})

    assert "- `Kit` `kit` — `parts`: 1 added, 1 changed, 1 removed (2 after)" in render_markdown(digest_)
    assert parse_preview(text).steps[0].members is None  # not declared: an ordinary field
