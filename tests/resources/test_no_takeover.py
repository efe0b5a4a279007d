"""Never take over an object the program did not create or adopt: a card made in the back office, or
the same natural key declared twice, is an error naming the existing object and ``adopt_id``, on
both engines. (Lost responses, resolved to what the provider's own POST made: tests/reliability.)"""

from __future__ import annotations

from _harness import Engine
from _harness.real_cli import RealEngine
from _samples import ID_TAG_ARGS, Program, id_tag_subject, two_id_tags_with_one_uid

from resources._resources_kit import TenantApi

TAGS = "/public-api/resources/id-tags/v2.0"


def test_a_card_made_in_the_back_office_is_not_taken_over_nor_deleted_by_destroy(
        engine: Engine | RealEngine, api: TenantApi) -> None:
    made = api.send("POST", TAGS, {"idTagUid": ID_TAG_ARGS["id_tag_uid"], "status": "enabled", "type": "rfid",
                                   "idLabel": ID_TAG_ARGS["id_label"]}).json()["data"]
    plan = engine.up(Program(id_tag_subject), raise_on_error=False)
    assert plan.error is not None
    assert f"IdTag {made['id']} with id_tag_uid '{ID_TAG_ARGS['id_tag_uid']}' already exists" in plan.error
    assert f"set adopt_id={made['id']}" in plan.error and "did not create it" in plan.error
    assert engine.state == {}
    engine.destroy()
    assert api.get(f"{TAGS}/{made['id']}")["idTagUid"] == ID_TAG_ARGS["id_tag_uid"]


def test_the_same_uid_declared_twice_makes_one_card_and_fails_the_second(
        engine: Engine | RealEngine, api: TenantApi) -> None:
    plan = engine.up(Program(two_id_tags_with_one_uid), raise_on_error=False)
    first = engine.resource("card-a").id
    assert plan.error is not None and f"IdTag {first} with id_tag_uid '04TWICE' already exists" in plan.error
    assert f"adopt_id={first}" in plan.error and "declared twice in this program" in plan.error
    assert plan.step("card-a").op == "create" and plan.step("card-b").error
    assert [e.name for e in engine.state.values()] == ["card-a"]
    assert len([t for t in api.client.get(TAGS).json()["data"] if t["idTagUid"] == "04TWICE"]) == 1
