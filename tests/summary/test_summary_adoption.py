"""A create that carries ``adopt_id`` takes over an existing object: listed and counted as an adoption."""

from __future__ import annotations

import json

from _summary_kit import digest, step
from pulumi_ampeco._engine import check
from pulumi_ampeco.specs import REGISTRY
from pulumi_ampeco.summary import ADOPT_ID, parse_preview, render_markdown

UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"


def _adoption(name: str, object_id: object, kind: str = "IdTag") -> dict[str, object]:
    return step("create", kind, name, new={"id_tag_uid": name.upper(), "status": "enabled", ADOPT_ID: object_id})


def _render(text: str) -> str:
    return render_markdown(parse_preview(text))


def test_the_summary_reads_the_input_name_the_provider_declares() -> None:
    assert ADOPT_ID == check.ADOPT_ID


def test_a_create_with_the_checked_inputs_of_an_adopting_resource_reads_as_an_adoption() -> None:
    """What the provider's check returns is what the engine puts in the create step's new inputs."""
    inputs, failures = check.check_inputs(REGISTRY["IdTag"], {"id_tag_uid": "04AB0001", "status": "enabled",
                                                              "type": "rfid", ADOPT_ID: "1234"})
    assert not failures
    markdown = _render(digest(step("create", "IdTag", "fleet-1", new=inputs)))

    assert "- `IdTag` `fleet-1` — takes over existing object 1234, no create" in markdown
    assert "**1 to adopt**" in markdown


def test_adoptions_are_listed_apart_from_creates_and_before_them() -> None:
    text = digest(_adoption("tag-b", 1235), _adoption("tag-a", 1234),
                  step("create", "IdTag", "tag-new", new={"id_tag_uid": "04FF"}),
                  changeSummary={"create": 3, "same": 10})

    markdown = _render(text)

    assert "**1 to create, 2 to adopt, 10 unchanged**" in markdown
    adoptions = markdown.index("#### Adoptions (2)")
    assert adoptions < markdown.index("- `IdTag` `tag-a` — takes over existing object 1234, no create") \
        < markdown.index("- `IdTag` `tag-b` — takes over existing object 1235, no create") \
        < markdown.index("#### Creates (1)") < markdown.index("- `IdTag` `tag-new`")
    assert "updated in place" in markdown  # an adoption may still change the object it takes over


def test_the_table_has_an_adopt_column() -> None:
    markdown = _render(digest(_adoption("tag-a", 1234), step("create", "IdTag", "tag-new", new={})))

    assert "| Type | create | adopt |" in markdown
    assert "| `IdTag` | 1 | 1 |" in markdown


def test_the_first_preview_after_export_adopt_shows_no_create_at_all() -> None:
    steps = [_adoption(f"tag-{i:04}", 5000 + i) for i in range(300)]
    steps += [step("create", "Location", f"site-{i}", new={"name": f"S{i}", ADOPT_ID: 100 + i}) for i in range(20)]

    markdown = _render(digest(*steps, changeSummary={"create": 320, "same": 1}))

    assert "**320 to adopt, 1 unchanged**" in markdown
    assert "to create" not in markdown and "#### Creates" not in markdown


def test_adoptions_never_hide_creates_the_engine_counted_beyond_the_steps() -> None:
    markdown = _render(digest(_adoption("tag-a", 1234), changeSummary={"create": 3}))

    assert "**2 to create, 1 to adopt**" in markdown
    assert "create: summary 3, steps 1" in markdown


def test_an_adopt_id_known_only_after_apply_still_reads_as_an_adoption() -> None:
    markdown = _render(digest(_adoption("tag-a", UNKNOWN)))

    assert "- `IdTag` `tag-a` — takes over existing object (an id known after apply), no create" in markdown


def test_an_update_that_still_carries_adopt_id_is_a_plain_update() -> None:
    old = {"id_tag_uid": "04AB", "status": "enabled", ADOPT_ID: 1234}
    text = digest(step("update", "IdTag", "tag-a", old=old, new={**old, "status": "disabled"}, diffReasons=["status"]))

    markdown = _render(text)

    assert "**1 to update**" in markdown and "adopt" not in markdown.replace(f"`{ADOPT_ID}`", "")


def test_a_null_adopt_id_is_a_real_create() -> None:
    markdown = _render(json.dumps({"steps": [step("create", "IdTag", "t", new={ADOPT_ID: None})]}))

    assert "**1 to create**" in markdown
