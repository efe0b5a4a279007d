"""IdTagSet through the engine's steps, on both engines (the imitation and the real `pulumi` CLI):
create, no-op, update of only what changed, drift and its revert, a member deleted in the back
office, removal, adopt, bad input at check, a CSV file, and a failure part-way that the state
records so the next `up` finishes the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _harness import DeploymentError, Engine
from _samples import Program, id_tag_set_from_csv, id_tag_set_subject, network_spec, nothing, set_cards

from resources._resources_kit import TenantApi

TAGS = "/public-api/resources/id-tags/v2.0"


def program(**extra: Any) -> Program:
    return Program(id_tag_set_subject, extra)


def tenant_cards(api: TenantApi) -> dict[str, dict[str, Any]]:
    """uid -> the card as the API holds it (every card of the tenant)."""
    return {c["idTagUid"]: c for c in api.listing(TAGS)}


def ids(engine: Engine) -> dict[str, int]:
    return {uid: int(i) for uid, i in engine.resource("subject").outputs["ids"].items()}


def writes(api: TenantApi) -> list[str]:
    return sorted(w.split()[0] for w in api.writes())


def test_set_create_makes_one_card_per_member_then_a_second_up_is_a_no_op(engine: Engine, api: TenantApi) -> None:
    created = engine.up(program(count=5))
    assert created.ops() == {"create": 1}
    cards = tenant_cards(api)
    assert sorted(cards) == sorted(set_cards(5))
    assert ids(engine) == {uid: card["id"] for uid, card in cards.items()}
    api.clear_log()
    assert engine.up(program(count=5)).changes() == []
    assert api.writes() == []
    assert engine.preview(program(count=5)).changes() == []


def test_update_writes_only_the_members_that_changed(engine: Engine, api: TenantApi) -> None:
    engine.up(program(count=6))
    before = ids(engine)
    change = {"04S00001": {"status": "disabled"}, "04S00002": {"id_label": "Renamed"}, "04SNEW01": {}}
    preview = engine.preview(program(count=6, change=change, drop=["04S00005"]))
    step = preview.step("subject")
    assert step.op == "update" and step.changed_keys == ["tags"]
    if engine.kind == "harness":  # the engine's own input diff, per member and field
        assert step.detailed_diff == ["tags.04S00001.status", "tags.04S00002.id_label", "tags.04S00005",
                                      "tags.04SNEW01"]
    api.clear_log()
    engine.up(program(count=6, change=change, drop=["04S00005"]))
    assert writes(api) == ["DELETE", "PATCH", "PATCH", "POST"]  # k changed members: k writes
    after = ids(engine)
    assert {uid: after[uid] for uid in before if uid != "04S00005"} == {
        uid: i for uid, i in before.items() if uid != "04S00005"}  # the same cards, updated in place
    cards = tenant_cards(api)
    assert "04S00005" not in cards and cards["04SNEW01"]["id"] == after["04SNEW01"]
    assert cards["04S00001"]["status"] == "disabled" and cards["04S00002"]["idLabel"] == "Renamed"
    assert engine.up(program(count=6, change=change, drop=["04S00005"])).changes() == []


def test_refresh_shows_drift_per_member_and_the_next_up_reverts_it(engine: Engine, api: TenantApi) -> None:
    engine.up(program(count=4))
    card = ids(engine)["04S00002"]
    api.send("PATCH", f"{TAGS}/{card}", {"idLabel": "tampered"})
    refreshed = engine.refresh()
    step = refreshed.step("subject")
    assert step.op == "refresh-changed" and "tags" in step.changed_keys
    assert engine.resource("subject").inputs["tags"]["04S00002"]["id_label"] == "tampered"
    preview = engine.preview(program(count=4))
    assert preview.step("subject").op == "update"
    if engine.kind == "harness":
        assert preview.step("subject").detailed_diff == ["tags.04S00002.id_label"]
    api.clear_log()
    engine.up(program(count=4))
    assert api.writes() == [f"PATCH {TAGS}/{card}"]
    assert tenant_cards(api)["04S00002"]["idLabel"] == "Card 2"
    assert engine.up(program(count=4)).changes() == []


def test_refresh_with_no_change_writes_back_the_inputs_as_they_were(engine: Engine, api: TenantApi) -> None:
    change = {"04S00000": {"expire_at": "2027-12-31T23:59:59Z", "payment_method_id": "auto"}}
    engine.up(program(count=2, change=change))
    inputs = engine.resource("subject").inputs["tags"]
    assert engine.refresh().step("subject").op == "same"
    assert engine.resource("subject").inputs["tags"] == inputs
    assert engine.preview(program(count=2, change=change)).changes() == []


def test_member_deleted_in_the_back_office_is_dropped_on_refresh_and_created_again(
        engine: Engine, api: TenantApi) -> None:
    engine.up(program(count=3))
    gone = ids(engine)["04S00001"]
    api.send("DELETE", f"{TAGS}/{gone}")
    assert engine.refresh().step("subject").op == "refresh-changed"
    assert "04S00001" not in engine.resource("subject").outputs["ids"]
    api.clear_log()
    engine.up(program(count=3))
    assert api.writes() == [f"POST {TAGS}"]
    assert tenant_cards(api)["04S00001"]["id"] == ids(engine)["04S00001"] != gone


def test_member_deleted_in_the_back_office_and_changed_in_the_program_is_created_again(
        engine: Engine, api: TenantApi) -> None:
    engine.up(program(count=3))
    api.send("DELETE", f"{TAGS}/{ids(engine)['04S00001']}")
    engine.up(program(count=3, change={"04S00001": {"status": "disabled"}}))  # its PATCH finds it gone
    assert tenant_cards(api)["04S00001"]["status"] == "disabled"
    assert engine.up(program(count=3, change={"04S00001": {"status": "disabled"}})).changes() == []


def test_removing_the_set_deletes_its_members_and_nothing_else(engine: Engine, api: TenantApi) -> None:
    api.send("POST", TAGS, {"idTagUid": "04OTHER", "status": "enabled", "type": "rfid"})
    engine.up(program(count=4))
    assert engine.up(Program(nothing)).ops() == {"delete": 1}
    assert sorted(tenant_cards(api)) == ["04OTHER"]
    assert engine.state == {}


def test_existing_card_with_a_uid_of_the_set_is_refused_naming_it_and_the_rest_is_recorded(
        engine: Engine, api: TenantApi) -> None:
    other = api.send("POST", TAGS, {"idTagUid": "04S00002", "status": "disabled", "type": "rfid"}).json()["data"]
    with pytest.raises(DeploymentError) as failed:
        engine.up(program(count=4))
    message = str(failed.value)
    assert "04S00002" in message and f"IdTag {other['id']}" in message and "adopt_existing" in message
    assert tenant_cards(api)["04S00002"] == other  # not touched
    # The other three were made, and the state says so: the next up does only what is left.
    recorded = engine.resource("subject").outputs["ids"]
    assert sorted(recorded) == ["04S00000", "04S00001", "04S00003"]
    assert engine.resource("subject").init_errors
    api.clear_log()
    with pytest.raises(DeploymentError):
        engine.up(program(count=4))
    assert api.writes() == [f"POST {TAGS}"]  # only the refused one is tried again
    api.clear_log()
    engine.up(program(count=4, adopt_existing=True))
    assert api.writes() == [f"PATCH {TAGS}/{other['id']}"]  # taken over, brought to the declaration
    assert ids(engine)["04S00002"] == other["id"]
    assert tenant_cards(api)["04S00002"]["status"] == "enabled"
    assert engine.up(program(count=4, adopt_existing=True)).changes() == []
    assert engine.up(program(count=4)).changes() == []  # dropping the policy changes nothing
    engine.up(Program(nothing))
    assert tenant_cards(api) == {}  # adopted, so owned: deleted with the set


def test_bad_members_are_rejected_at_check_each_named_by_uid_and_field(engine: Engine, api: TenantApi) -> None:
    change = {"04S00001": {"status": "maybe"}, "04S00002": {"colour": "red"}, "04S00003": {"type": "emaid"}}
    with pytest.raises(DeploymentError) as failed:
        engine.preview(program(count=4, change=change))
    message = str(failed.value)
    assert 'tags["04S00001"].status' in message and "enabled" in message
    assert 'tags["04S00002"].colour' in message
    assert 'tags["04S00003"].type' in message and "adopt_existing" in message
    assert api.writes() == []


def test_an_empty_set_is_refused_unless_allowed(engine: Engine, api: TenantApi) -> None:
    engine.up(program(count=2))
    with pytest.raises(DeploymentError) as failed:
        engine.up(program(count=0))
    assert "allow_empty" in str(failed.value)
    assert len(tenant_cards(api)) == 2
    engine.up(program(count=0, allow_empty=True))
    assert tenant_cards(api) == {}


def test_a_csv_file_with_a_header_row_is_the_set_and_editing_it_updates_only_those_rows(
        engine: Engine, api: TenantApi, tmp_path: Path) -> None:
    cards = tmp_path / "cards.csv"
    cards.write_text("id_tag_uid,status,type,id_label,user_id\n04C1,enabled,rfid,Van 1,\n04C2,enabled,rfid,,\n")
    done = engine.up(Program(id_tag_set_from_csv, {"path": str(cards)}))
    assert sorted(done.outputs["ids"]) == ["04C1", "04C2"]
    live = tenant_cards(api)
    assert live["04C1"]["idLabel"] == "Van 1" and live["04C2"].get("idLabel") is None
    cards.write_text("id_tag_uid,status,type,id_label\n04C1,enabled,rfid,Van 1\n04C2,disabled,rfid,\n")
    api.clear_log()
    engine.up(Program(id_tag_set_from_csv, {"path": str(cards)}))
    assert api.writes() == [f"PATCH {TAGS}/{live['04C2']['id']}"]
    cards.write_text("id_tag_uid,status,colour\n04C1,enabled,red\n")
    with pytest.raises(DeploymentError) as failed:
        engine.preview(Program(id_tag_set_from_csv, {"path": str(cards)}))
    assert "cards.csv" in str(failed.value) and "colour" in str(failed.value)


def test_a_failure_part_way_is_recorded_and_the_next_up_does_only_what_is_left(engine: Engine, api: TenantApi) -> None:
    engine.up(program(count=6))
    wanted = {"count": 6, "change": {"04S00001": {"status": "disabled"}, "04SNEW01": {}, "04SNEW02": {}},
              "drop": ["04S00005"]}
    # Every POST fails (503: not processed), so the two new cards cannot be made; the rest can.
    api.client.post("/_emulator/faults", json={"rules": [{"fault": "status", "status": 503, "methods": ["POST"],
                                                          "path": f"^{TAGS}$"}]}).raise_for_status()
    with pytest.raises(DeploymentError) as failed:
        engine.up(program(**wanted))
    assert "04SNEW01" in str(failed.value) and "04SNEW02" in str(failed.value)
    recorded = engine.resource("subject").outputs
    assert sorted(recorded["ids"]) == ["04S00000", "04S00001", "04S00002", "04S00003", "04S00004"]
    assert recorded["tags"]["04S00001"]["status"] == "disabled"
    api.client.delete("/_emulator/faults").raise_for_status()
    api.clear_log()
    engine.up(program(**wanted))
    assert writes(api) == ["POST", "POST"]  # the PATCH and the DELETE were done and recorded
    cards = tenant_cards(api)
    assert sorted(cards) == ["04S00000", "04S00001", "04S00002", "04S00003", "04S00004", "04SNEW01", "04SNEW02"]
    assert ids(engine) == {uid: card["id"] for uid, card in cards.items()}
    assert not engine.resource("subject").outputs.get("__pending")
    assert engine.up(program(**wanted)).changes() == []


def test_a_network_spec_whose_id_tags_are_a_csv_file_is_one_set_and_a_row_edit_is_one_write(
        engine: Engine, api: TenantApi, tmp_path: Path) -> None:
    spec = tmp_path / "network.yaml"
    spec.write_text("partners:\n  acme: {name: Acme, external_id: acme}\nid_tags:\n  csv: cards.csv\n")
    cards = tmp_path / "cards.csv"
    cards.write_text("id_tag_uid,status,type,partner\n04N1,enabled,rfid,acme\n04N2,enabled,rfid,\n")
    plan = engine.up(Program(network_spec, {"path": str(spec)}))
    assert plan.step("net/id_tags").op == "create" and plan.step("net/acme").op == "create"
    partner = engine.resource("net/acme").id
    live = tenant_cards(api)
    assert sorted(live) == ["04N1", "04N2"] and str(live["04N1"]["partnerId"]) == partner
    cards.write_text("id_tag_uid,status,type,partner\n04N1,enabled,rfid,acme\n04N2,disabled,rfid,\n")
    api.clear_log()
    engine.up(Program(network_spec, {"path": str(spec)}))
    assert api.writes() == [f"PATCH {TAGS}/{live['04N2']['id']}"]


def test_an_exported_tenant_of_many_cards_is_taken_over_by_its_set_without_a_single_write(
        engine: Engine, api: TenantApi, tmp_path: Path) -> None:
    from pulumi_ampeco.client import AmpecoClient
    from pulumi_ampeco.export import export_network

    for i in range(120):
        api.send("POST", TAGS, {"idTagUid": f"04X{i:04d}", "status": "enabled", "type": "rfid", "idLabel": f"X {i}"})
    base, token = str(api.client.base_url).rstrip("/"), api.client.headers["Authorization"].split()[-1]
    with AmpecoClient(base, token) as client:
        text = export_network(client, types=["id_tag"], adopt=True).text
    assert "adopt_existing: true" in text and "  tags:\n" in text
    spec = tmp_path / "network.yaml"
    spec.write_text(text)
    api.clear_log()
    engine.up(Program(network_spec, {"path": str(spec)}))
    assert api.writes() == []  # all taken over as they are: one listing, no POST, no PATCH
    assert len(engine.resource("net/id_tags").outputs["ids"]) == 120
    assert engine.up(Program(network_spec, {"path": str(spec)})).changes() == []
