"""A section in set form: ``id_tags: {csv: cards.csv}`` (or ``tags:`` inline) is one IdTagSet; its
members are read, checked and written like the section's objects, and export writes a tenant with
more than ``export_above`` cards that way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from ampeco_emulator import EmulatorServer
from pulumi_ampeco.client import AmpecoClient
from pulumi_ampeco.errors import SpecProblemsError
from pulumi_ampeco.export import export_network
from pulumi_ampeco.network import load, write
from pulumi_ampeco.specs import SETS

TAGS = "/public-api/resources/id-tags/v2.0"
ABOVE = SETS["IdTagSet"].export_above


def spec_file(tmp_path: Path, text: str, cards: str | None = None) -> Path:
    if cards is not None:
        (tmp_path / "cards.csv").write_text(cards)
    path = tmp_path / "network.yaml"
    path.write_text(text)
    return path


def test_a_csv_file_makes_the_section_one_set_whose_rows_are_checked_and_refer_by_name(tmp_path: Path) -> None:
    path = spec_file(tmp_path, "partners:\n  acme: {name: Acme}\nid_tags:\n  csv: cards.csv\n",
                     "id_tag_uid,status,type,partner,id_label\n04A1,enabled,rfid,acme,Van 1\n04A2,disabled,rfid,,\n")
    spec = load(path)
    assert list(spec.sets) == ["id_tags"] and spec.sets["id_tags"].csv == "cards.csv"
    members = {o.names[-1]: o for o in spec.members("id_tags")}
    assert sorted(members) == ["04A1", "04A2"]
    assert members["04A1"].refs == {"partner_id": "partners.acme"} and members["04A1"].args["id_label"] == "Van 1"
    assert "id_label" not in members["04A2"].args


def test_bad_rows_are_named_by_key_file_and_line_and_bad_names_by_key(tmp_path: Path) -> None:
    path = spec_file(tmp_path, "id_tags:\n  csv: cards.csv\n",
                     "id_tag_uid,status,type,partner\n04A1,maybe,rfid,\n04A2,enabled,rfid,nobody\n")
    with pytest.raises(SpecProblemsError) as failed:
        load(path)
    text = str(failed.value)
    assert "id_tags.04A1 (cards.csv line 2): status: must be one of" in text
    assert "id_tags.04A2 (cards.csv line 3): partner: 'nobody' is not defined in partners" in text


@pytest.mark.parametrize(("cards", "problem"), [
    ("status,type\nenabled,rfid\n", "no id_tag_uid column"),
    ("id_tag_uid,status,colour\n04A1,enabled,red\n", "unknown column(s) 'colour'"),
    ("id_tag_uid,status,type\n04A1,enabled,rfid\n04A1,disabled,rfid\n", "line 3: id_tag_uid '04A1' is on line 2"),
    ("id_tag_uid,status,type\n04A1,enabled\n", "line 2: 2 cells, the header has 3"),
])
def test_a_csv_file_that_is_not_a_member_list_is_one_problem_naming_the_line(
        tmp_path: Path, cards: str, problem: str) -> None:
    with pytest.raises(SpecProblemsError) as failed:
        load(spec_file(tmp_path, "id_tags:\n  csv: cards.csv\n", cards))
    assert "id_tags: csv:" in str(failed.value) and problem in str(failed.value)


def test_inline_members_and_csv_rows_merge_and_a_key_in_both_is_refused(tmp_path: Path) -> None:
    text = "id_tags:\n  csv: cards.csv\n  adopt_existing: true\n  tags:\n    04B1: {status: enabled, type: rfid}\n"
    spec = load(spec_file(tmp_path, text, "id_tag_uid,status,type\n04A1,enabled,rfid\n"))
    assert sorted(o.names[-1] for o in spec.members("id_tags")) == ["04A1", "04B1"]
    assert spec.sets["id_tags"].adopt_existing is True
    with pytest.raises(SpecProblemsError, match="'04A1' is in cards.csv too"):
        load(spec_file(tmp_path, text.replace("04B1", "04A1"), "id_tag_uid,status,type\n04A1,enabled,rfid\n"))


def test_the_usual_form_stays_the_usual_form_even_with_cards_named_like_set_keys() -> None:
    spec = load({"id_tags": {"csv": {"id_tag_uid": "04A1", "status": "enabled", "type": "rfid"},
                             "tags": {"id_tag_uid": "04A2", "status": "enabled", "type": "rfid"}}})
    assert spec.sets == {} and sorted(spec.objects) == ["id_tags.csv", "id_tags.tags"]


def test_set_form_refuses_other_keys_and_per_member_adopt_id() -> None:
    with pytest.raises(SpecProblemsError) as failed:
        load({"id_tags": {"tags": {"04A1": {"status": "enabled", "type": "rfid", "adopt_id": 7}}, "colour": "red"}})
    text = str(failed.value)
    assert "id_tags: colour: unknown key of the set form" in text
    assert "id_tags.04A1: adopt_id: members of a set are not adopted one by one" in text


def test_set_form_is_written_one_member_a_line_and_read_back_the_same() -> None:
    spec = load({"partners": {"acme": {"name": "Acme"}},
                 "id_tags": {"tags": {"04A3": {"status": "enabled", "type": "rfid", "partner": "acme"},
                                      "04A1": {"status": "enabled", "type": "rfid", "id_label": "Van: 1"}}}})
    text = write(spec)
    assert "  tags:\n    04A1: {status: enabled, type: rfid, id_label: 'Van: 1'}\n" \
           "    04A3: {status: enabled, type: rfid, partner: acme}\n" in text
    assert write(load(yaml.safe_load(text))) == text


def seed_cards(tenant: EmulatorServer, count: int) -> None:
    with httpx.Client(base_url=tenant.url, headers={"Authorization": f"Bearer {tenant.token}"}) as api:
        for i in range(count):
            api.post(TAGS, json={"idTagUid": f"04E{i:05d}", "status": "enabled", "type": "rfid"}).raise_for_status()


def exported(tenant: EmulatorServer, **options: Any) -> str:
    with AmpecoClient(tenant.url, tenant.token) as client:
        return export_network(client, types=["id_tag"], **options).text


def test_export_writes_more_than_export_above_cards_as_one_set(tenant: EmulatorServer) -> None:
    seed_cards(tenant, ABOVE)
    assert "tags" not in yaml.safe_load(exported(tenant))["id_tags"]  # one IdTag each, up to the threshold
    with httpx.Client(base_url=tenant.url, headers={"Authorization": f"Bearer {tenant.token}"}) as api:
        api.post(TAGS, json={"idTagUid": "04F00000", "status": "enabled", "type": "rfid"}).raise_for_status()
    data = yaml.safe_load(exported(tenant))
    assert list(data["id_tags"]) == ["tags"] and len(data["id_tags"]["tags"]) == ABOVE + 1
    assert data["id_tags"]["tags"]["04E00000"] == {"status": "enabled", "type": "rfid"}
    assert len(load(data).members("id_tags")) == ABOVE + 1
    adopting = yaml.safe_load(exported(tenant, adopt=True))
    assert adopting["id_tags"]["adopt_existing"] is True and "adopt_id" not in str(adopting)
