"""An object handed from one resource to another in one run is not deleted by the one that let go.

The engine deletes resources that left the program after it has created the new ones, so the new
owner has already taken the object over (``adopt_existing``, ``adopt_id``) when the old one's delete
comes: that delete must not take the object away from its new owner. On both engines.
"""

from __future__ import annotations

from _harness import Engine
from _samples import (
    ID_TAG_ARGS,
    Program,
    card_moved_out_of_a_set,
    id_tag_named,
    id_tag_set_subject,
    many_id_tags,
    nothing,
)

from resources._resources_kit import TenantApi

TAGS = "/public-api/resources/id-tags/v2.0"


def cards(api: TenantApi) -> dict[str, int]:
    """uid -> id of every card of the tenant."""
    return {c["idTagUid"]: c["id"] for c in api.listing(TAGS)}


def test_cards_of_id_tag_resources_moved_into_a_set_are_handed_over_without_a_write(
        engine: Engine, api: TenantApi) -> None:
    engine.up(Program(many_id_tags, {"count": 3, "prefix": "04H"}))
    before = cards(api)
    assert len(before) == 3
    api.clear_log()
    into_set = Program(id_tag_set_subject, {"count": 0, "adopt_existing": True,
                                            "change": {uid: {"id_label": f"Card {int(uid[3:])}"} for uid in before}})

    moved = engine.up(into_set)

    assert moved.ops() == {"create": 1, "delete": 3}
    assert cards(api) == before  # the same cards, none deleted or made again
    assert api.writes() == []  # they already held the declared values
    assert {uid: int(i) for uid, i in engine.resource("subject").outputs["ids"].items()} == before
    assert engine.up(into_set).changes() == []
    engine.up(Program(nothing))
    assert cards(api) == {}  # the set owns them now: removing it deletes them


def test_a_resource_renamed_with_its_adopt_id_keeps_the_object(engine: Engine, api: TenantApi) -> None:
    engine.up(Program(id_tag_named, {"name": "old"}))
    (object_id,) = cards(api).values()
    api.clear_log()

    renamed = engine.up(Program(id_tag_named, {"name": "new", "adopt_id": object_id}))

    assert renamed.ops() == {"create": 1, "delete": 1}
    assert cards(api) == {ID_TAG_ARGS["id_tag_uid"]: object_id}
    assert api.writes() == []
    engine.up(Program(nothing))
    assert cards(api) == {}


def test_a_card_dropped_from_the_program_is_still_deleted(engine: Engine, api: TenantApi) -> None:
    """The hand-over is only for objects another resource of the run holds."""
    engine.up(Program(many_id_tags, {"count": 2, "prefix": "04D"}))
    engine.up(Program(many_id_tags, {"count": 1, "prefix": "04D"}))
    assert list(cards(api)) == ["04D0000000"]


def test_a_card_moved_out_of_a_set_into_its_own_id_tag_is_kept_when_the_set_depends_on_it(
        engine: Engine, api: TenantApi) -> None:
    engine.up(Program(id_tag_set_subject, {"count": 3}))
    before = cards(api)
    api.clear_log()

    engine.up(Program(card_moved_out_of_a_set, {"count": 3, "uid": "04S00001", "adopt_id": before["04S00001"]}))

    assert cards(api) == before
    assert api.writes() == []
    assert "04S00001" not in engine.resource("subject").outputs["ids"]
    assert engine.resource("moved").id == str(before["04S00001"])
