"""The YAML network spec: loading, validation (every problem, by file, object and field), dumping.

Pure: no tenant, no Pulumi engine. That a bad spec stops a Network before anything is registered
is tested in test_network.py.
"""

from __future__ import annotations

import copy
import textwrap
from pathlib import Path
from typing import Any

import pytest
from pulumi_ampeco.errors import SpecError
from pulumi_ampeco.network import ConfigRef, Existing, SpecProblemsError, dump, load, parse, render
from pulumi_ampeco.network._yaml import load_text


def parse_yaml(text: str) -> Any:
    return load_text(text, "network.yaml")


def en(text: str) -> list[dict[str, str]]:
    return [{"locale": "en", "translation": text}]


def network() -> dict[str, Any]:
    return {
        "locations": {"depot": {
            "name": en("Depot"), "address": en("1 Main St"), "country": "BG",
            "geoposition": {"latitude": 42.7, "longitude": 23.3}, "external_id": "depot",
            "charging_zones": {"staff": {"name": "Staff", "status": "enabled"}},
        }},
        "tariffs": {"ac": {"name": "AC", "type": "duration+energy", "pricing": {"price_per_kwh": 0.3}},
                    "night": {"name": "Night", "type": "free"}},
        "tariff_groups": {"public": {"name": "Public", "tariffs": ["night", "ac"]}},
        "charge_points": {
            "cp-1": {"name": "CP 1", "type": "public", "status": "enabled", "location": "depot",
                     "charging_zone": "staff", "communication_mode": "direct_ocpp",
                     "network": {"id": "CP-1", "protocol": "ocpp 1.6", "password": {"config": "cp-1-password"}},
                     "evses": {"1": {"network_id": "1", "physical_reference": "P1", "current_type": "ac",
                                     "status": "enabled", "tariff_group": "public",
                                     "connectors": {"type2": {"type": "type2"}}}}},
            "sat": {"name": "Satellite", "type": "public", "status": "enabled", "location": "depot",
                    "communication_mode": "via_ocpp_connected_charge_point", "ocpp_connected_charge_point": "cp-1"},
        },
        "id_tags": {"card": {"id_tag_uid": "04A1", "status": "enabled", "type": "rfid", "adopt_id": 7}},
    }


LOCATION: dict[str, Any] = {"name": en("Depot"), "address": en("1 Main St"), "country": "BG",
                            "geoposition": {"latitude": 42.7, "longitude": 23.3}}


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(SpecProblemsError) as failed:
        parse(data)
    return [str(p) for p in failed.value.problems]


def test_valid_spec_resolves_references_and_orders_parents_before_children() -> None:
    spec = load(network())
    assert list(spec.objects) == [
        "locations.depot", "locations.depot.charging_zones.staff", "tariffs.ac", "tariffs.night",
        "tariff_groups.public", "charge_points.cp-1", "charge_points.sat", "charge_points.cp-1.evses.1",
        "charge_points.cp-1.evses.1.connectors.type2", "id_tags.card",
    ]
    cp = spec.objects["charge_points.cp-1"]
    assert cp.refs == {"location_id": "locations.depot", "charging_zone_id": "locations.depot.charging_zones.staff"}
    assert cp.args["network"]["password"] == ConfigRef("cp-1-password")
    assert spec.objects["tariff_groups.public"].refs == {"tariff_ids": ["tariffs.night", "tariffs.ac"]}
    connector = spec.objects["charge_points.cp-1.evses.1.connectors.type2"]
    assert connector.parents == {"evse_id": "charge_points.cp-1.evses.1", "charge_point_id": "charge_points.cp-1"}
    assert connector.key == "cp-1/1/type2"
    assert spec.objects["id_tags.card"].adopt_id == 7
    assert spec.config_keys() == ["cp-1-password"]


def test_problem_in_a_file_names_the_file_the_object_and_the_field(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_text(textwrap.dedent("""\
        id_tags:
          card: {id_tag_uid: 04A1, status: on-hold, type: rfid}
    """), encoding="utf-8")
    with pytest.raises(SpecError) as failed:
        load(path)
    assert (failed.value.file, failed.value.obj, failed.value.field) == (str(path), "id_tags.card", "status")
    assert str(failed.value) == f"{path}: id_tags.card: status: must be one of 'enabled', 'disabled' or 'suspended'"


def test_bad_enum_in_a_nested_child_names_its_path() -> None:
    data = network()
    data["charge_points"]["cp-1"]["evses"]["1"]["connectors"]["type2"]["type"] = "type-9"
    [problem] = problems(data)
    assert problem.startswith("charge_points.cp-1.evses.1.connectors.type2: type: must be one of 'type1', 'type2'")


def test_nested_field_error_names_the_dotted_field() -> None:
    data = network()
    data["charge_points"]["cp-1"]["network"]["protocol"] = "ocpp 9"
    data["locations"]["depot"]["geoposition"]["latitude"] = 123
    assert problems(data) == [
        "locations.depot: geoposition.latitude: input should be less than or equal to 90",
        "charge_points.cp-1: network.protocol: must be one of 'ocpp 1.5', 'ocpp 1.6', 'ocpp 1.6 soap' or 'ocpp 2.0.1'",
    ]


def test_unknown_reference_is_reported_with_the_names_defined() -> None:
    data = network()
    data["charge_points"]["cp-1"]["location"] = "depot-x"
    data["tariff_groups"]["public"]["tariffs"] = ["ac", "dc"]
    assert problems(data) == [
        "tariff_groups.public: tariffs: 'dc' is not defined in tariffs (defined: ac, night)",
        "charge_points.cp-1: location: 'depot-x' is not defined in locations (defined: depot)",
    ]


def test_charging_zone_is_looked_up_within_the_charge_points_location() -> None:
    data = network()
    data["charge_points"]["cp-1"]["charging_zone"] = "roof"
    assert problems(data) == [
        "charge_points.cp-1: charging_zone: 'roof' is not defined in locations.depot.charging_zones (defined: staff)"]
    del data["charge_points"]["cp-1"]["location"]
    assert "charge_points.cp-1: charging_zone: needs `location`" in problems(data)[0]


def test_unknown_key_is_reported_with_the_allowed_keys() -> None:
    data = network()
    data["id_tags"]["card"]["colour"] = "red"
    [problem] = problems(data)
    assert problem.startswith("id_tags.card: colour: unknown key for IdTag; allowed: id_tag_uid, status, type,")
    assert problem.endswith("partner, adopt_id")  # partner_id refers to a partner of the spec by name


def test_unknown_section_is_reported() -> None:
    data = network()
    data["chargers"] = {}
    assert problems(data) == [("chargers: unknown section; sections are partners, user_groups, locations, taxes, "
                              "tariffs, tariff_groups, charge_points, circuits, id_tags, notifications, "
                              "configuration_templates")]


def test_numeric_id_instead_of_a_logical_name_is_refused() -> None:
    data = network()
    data["charge_points"]["cp-1"]["evses"]["1"]["tariff_group_id"] = 12
    [problem] = problems(data)
    assert problem == ("charge_points.cp-1.evses.1: tariff_group_id: refer to the tariff group by its logical "
                       "name instead of an id: `tariff_group: <name>`")


def test_parent_id_in_a_nested_child_is_refused() -> None:
    data = network()
    data["locations"]["depot"]["charging_zones"]["staff"]["location_id"] = 3
    assert problems(data) == [("locations.depot.charging_zones.staff: location_id: is implied by nesting the "
                              "ChargingZone under its parent; remove it")]


def test_computed_field_is_refused_as_output_only() -> None:
    data = network()
    data["id_tags"]["card"]["created_at"] = "2024-01-01T00:00:00Z"
    assert problems(data) == [("id_tags.card: created_at: is computed by AMPECO and cannot be set; "
                              "it is an output only")]


def test_secret_written_in_clear_is_refused() -> None:
    data = network()
    data["charge_points"]["cp-1"]["network"]["password"] = "hunter2"
    data["charge_points"]["home"] = {"name": "Home", "type": "personal", "status": "enabled", "pin": "1234"}
    found = problems(data)
    assert [p.split(": is a secret")[0] for p in found] == ["charge_points.cp-1: network.password",
                                                            "charge_points.home: pin"]
    assert all("hunter2" not in p and "1234" not in p for p in found)


def test_secret_from_config_counts_as_given_for_required_fields() -> None:
    data = network()
    data["charge_points"]["home"] = {"name": "Home", "type": "personal", "status": "enabled",
                                     "pin": {"config": "home-pin"}}
    assert load(data).objects["charge_points.home"].args["pin"] == ConfigRef("home-pin")
    del data["charge_points"]["home"]["pin"]
    assert problems(data) == ["charge_points.home: pin: is required when type is 'personal'"]


def test_charge_points_referring_to_each_other_in_a_cycle_are_refused() -> None:
    data = network()
    data["charge_points"]["cp-1"]["ocpp_connected_charge_point"] = "sat"
    assert problems(data) == [("charge_points.cp-1: ocpp_connected_charge_point: charge points refer to each other "
                              "in a cycle: charge_points.cp-1 -> charge_points.sat -> charge_points.cp-1")]


def test_every_problem_is_reported_at_once_in_file_order() -> None:
    data = network()
    data["tariffs"]["ac"]["type"] = "cheap"
    data["charge_points"]["cp-1"]["status"] = "broken"
    data["id_tags"]["card"]["adopt_id"] = "abc"
    with pytest.raises(SpecProblemsError) as failed:
        parse(data, file="net.yaml")
    assert [(p.obj, p.field) for p in failed.value.problems] == [
        ("tariffs.ac", "type"), ("charge_points.cp-1", "status"), ("id_tags.card", "adopt_id")]
    assert str(failed.value).startswith("net.yaml: 3 problems:\n  - tariffs.ac: type: must be one of")


def test_bad_logical_name_is_refused() -> None:
    data = network()
    data["tariffs"]["two words"] = data["tariffs"].pop("night")
    found = problems(data)
    assert found[0] == ("tariffs: 'two words' is not a valid logical name (letters, digits, '-', '_' and '.', "
                        "starting with a letter or digit)")


def test_duplicate_key_in_a_file_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text("id_tags:\n  card: {id_tag_uid: a, status: enabled, type: rfid}\n"
                    "  card: {id_tag_uid: b, status: enabled, type: rfid}\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"n.yaml: line 3: key 'card' appears twice in the same mapping"):
        load(path)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text("id_tags:\n  card: [unclosed\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"n.yaml: not valid YAML: line \d+: "):
        load(path)


def test_missing_file_is_a_spec_error(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="nope.yaml: no such file"):
        load(tmp_path / "nope.yaml")


def test_unquoted_time_of_day_and_numeric_evse_key_read_as_written(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text(textwrap.dedent("""\
        tariffs:
          night: {name: Night, type: duration+energy time of day, day_tariff_start: 07:00, night_tariff_start: 22:00}
        charge_points:
          cp:
            name: CP
            type: personal
            status: enabled
            pin: {config: cp-pin}
            evses:
              1: {network_id: '1', physical_reference: P, current_type: ac, status: enabled}
    """), encoding="utf-8")
    spec = load(path)
    assert spec.objects["tariffs.night"].args["night_tariff_start"] == "22:00"
    assert "charge_points.cp.evses.1" in spec.objects


def test_dump_writes_a_file_that_loads_back_to_the_same_tree(tmp_path: Path) -> None:
    data = network()
    text = dump(data, header="a header\nsecond line")
    assert text.startswith("# a header\n# second line\nlocations:\n")
    assert "password: {config: cp-1-password}" in text
    assert "      '1':\n" in text  # a name that looks like a number stays a string
    path = tmp_path / "n.yaml"
    path.write_text(text, encoding="utf-8")
    import yaml

    assert yaml.safe_load(text) == data
    assert list(load(path).objects) == list(load(copy.deepcopy(data)).objects)


# --- the C (libyaml) emitter, used when it writes the same text as the pure-Python one ----------

_LIBYAML = pytest.mark.skipif(not getattr(__import__("yaml"), "__with_libyaml__", False), reason="no libyaml")


def _both(data: dict[Any, Any]) -> tuple[str, str]:
    from pulumi_ampeco.network._yaml import _dump_body, _dumper

    return _dump_body(data, _dumper(pure=False)), _dump_body(data, _dumper(pure=True))


@_LIBYAML
def test_c_emitter_writes_the_same_text_as_the_pure_one_for_a_spec() -> None:
    import yaml
    from pulumi_ampeco.network._yaml import _dumper

    assert issubclass(_dumper(pure=False), yaml.CSafeDumper)
    data: dict[Any, Any] = network()
    data["tariffs"]["night"].update(day_tariff_start="07:00", night_tariff_start="22:00")
    data["locations"]["depot"].update(
        name=[*en("Depot Sofia"), {"locale": "bg", "translation": "Депо София"}, {"locale": "zh", "translation": "中"}],
        description=en("Line one\nline two:  indented\n"), detailed_description=en("a\r\nb\tc"),
        extra={"yes": "no", "on": "1.0", "#x": " lead", "tail ": "- x", "k" * 122: "'q' \"d\"", "é" * 61: "x" * 1500})
    c_text, pure_text = _both(data)
    assert c_text == pure_text
    assert "night_tariff_start: '22:00'" in c_text
    assert dump(data, header="h") == "# h\n" + pure_text


@_LIBYAML
@pytest.mark.parametrize("data", [
    {"name": "Fast charger 🔌"}, {"name": "a\x85b"}, {"name": "a\u2028b"}, {"name": "ends\n\n"}, {"name": "\n"},
    {"name": "word " * 300 + "\x00"}, {"name": "x" * 1501}, {"": 1}, {"k" * 123: 1}, {"Ж" * 62: 1}, {"a\rb": 1},
], ids=["emoji", "nel", "line-separator", "kept-block", "newline", "control", "long", "empty-key", "long-key",
        "long-key-bytes", "cr-key"])
def test_strings_the_c_emitter_writes_differently_are_written_by_the_pure_one(data: dict[Any, Any]) -> None:
    from pulumi_ampeco.network._yaml import _dump_body, _dumper, _NeedsPureEmitter

    with pytest.raises(_NeedsPureEmitter):
        _dump_body(data, _dumper(pure=False))
    assert dump(data) == _dump_body(data, _dumper(pure=True))


# --- cost ------------------------------------------------------------------------------------


def test_resolving_references_costs_the_same_per_object_however_many_there_are(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every charge point refers to the location; resolving must not look at every object each time."""
    from pulumi_ampeco.network import _parse

    calls = 0
    real_path = _parse._path

    def counting_path(*parts: str) -> str:
        nonlocal calls
        calls += 1
        return real_path(*parts)

    monkeypatch.setattr(_parse, "_path", counting_path)

    def cost(n: int) -> int:
        nonlocal calls
        data = network()
        data["charge_points"] = {f"cp-{i}": {"name": f"CP {i}", "type": "public", "status": "enabled",
                                              "location": "depot", "charging_zone": "staff"} for i in range(n)}
        data["id_tags"] = {f"t-{i}": {"id_tag_uid": f"U{i}", "status": "enabled", "type": "rfid"} for i in range(n)}
        calls = 0
        parse(data)
        return calls

    small, large = cost(50), cost(200)
    assert large - small == 3 * (cost(100) - small)  # linear: 150 more objects cost 3x what 50 more do


# --- references inside nested objects --------------------------------------------------------


def with_partners_and_taxes() -> dict[str, Any]:
    data = network()
    data["partners"] = {"acme": {"name": "Acme"}}
    data["taxes"] = {"vat": {"name": "VAT", "percentage": 20}}
    data["user_groups"] = {"fleet": {"name": "Fleet", "partner": "acme"}}
    data["tariffs"]["ac"]["pricing"]["tax"] = "vat"
    data["tariffs"]["ac"]["restrictions"] = {"apply_to_user_groups": ["fleet"], "apply_to_users_of_partners": ["acme"]}
    data["charge_points"]["cp-1"]["partner"] = {"partner": "acme", "access_type": "private_view_public_use"}
    return data


def test_references_inside_nested_objects_resolve_by_logical_name() -> None:
    spec = load(with_partners_and_taxes())
    tariff = spec.objects["tariffs.ac"]
    assert tariff.refs == {"pricing.tax_id": "taxes.vat", "restrictions.apply_to_user_group_ids": ["user_groups.fleet"],
                           "restrictions.apply_to_users_of_partners": ["partners.acme"]}
    assert tariff.args["pricing"] == {"price_per_kwh": 0.3} and "restrictions" not in tariff.args
    cp = spec.objects["charge_points.cp-1"]
    assert cp.refs["partner.id"] == "partners.acme" and cp.args["partner"] == {"access_type": "private_view_public_use"}
    order = list(spec.objects)
    assert order.index("taxes.vat") < order.index("tariffs.ac") and order.index("partners.acme") < order.index(
        "user_groups.fleet") < order.index("tariffs.ac")


def test_nested_references_are_written_back_where_they_were_read() -> None:
    data = with_partners_and_taxes()
    written = render(load(copy.deepcopy(data)))
    assert written == data
    assert written["tariffs"]["ac"]["pricing"] == {"price_per_kwh": 0.3, "tax": "vat"}
    assert written["charge_points"]["cp-1"]["partner"] == {"partner": "acme", "access_type": "private_view_public_use"}


def test_a_numeric_id_inside_a_nested_object_is_refused_naming_its_key() -> None:
    data = with_partners_and_taxes()
    del data["tariffs"]["ac"]["pricing"]["tax"]
    data["tariffs"]["ac"]["pricing"]["tax_id"] = 5
    assert problems(data) == [("tariffs.ac: pricing.tax_id: refer to the tax by its logical name instead of an id: "
                               "`pricing.tax: <name>`")]


def test_an_unknown_name_inside_a_nested_object_is_reported_with_the_names_defined() -> None:
    data = with_partners_and_taxes()
    data["tariffs"]["ac"]["pricing"]["tax"] = "sales-tax"
    data["charge_points"]["cp-1"]["partner"]["partner"] = "umbrella"
    assert problems(data) == [
        "tariffs.ac: pricing.tax: 'sales-tax' is not defined in taxes (defined: vat)",
        "charge_points.cp-1: partner.partner: 'umbrella' is not defined in partners (defined: acme)",
    ]


def test_a_bad_value_beside_a_nested_reference_is_still_reported() -> None:
    data = with_partners_and_taxes()
    data["tariffs"]["ac"]["pricing"]["tax"] = "sales-tax"
    data["tariffs"]["ac"]["pricing"]["price_per_kwh"] = -1
    found = problems(data)
    assert found[0] == "tariffs.ac: pricing.tax: 'sales-tax' is not defined in taxes (defined: vat)"
    assert found[1].startswith("tariffs.ac: pricing.price_per_kwh: input should be greater than or equal to 0")
def test_two_objects_with_the_same_natural_key_are_refused_naming_both() -> None:
    spec = {
        "id_tags": {
            "card-a": {"id_tag_uid": "04A1", "status": "enabled", "type": "rfid"},
            "card-b": {"id_tag_uid": "04A1", "status": "disabled", "type": "rfid"},
        },
        "locations": {
            "depot": {**LOCATION, "external_id": "depot"},
            "depot-copy": {**LOCATION, "external_id": "depot"},
        },
    }
    with pytest.raises(SpecError) as failed:
        load(spec)
    message = str(failed.value)
    assert "id_tags.card-b: id_tag_uid: '04A1' is also the id_tag_uid of id_tags.card-a" in message
    assert "locations.depot-copy: external_id: 'depot' is also the external_id of locations.depot" in message


def test_a_nested_natural_key_repeats_freely_across_parents_but_not_within_one() -> None:
    cp = {"name": "CP", "type": "public", "status": "enabled", "location": "depot", "communication_mode": "none"}
    evse = {"physical_reference": "P", "current_type": "ac", "status": "enabled"}
    spec = {
        "locations": {"depot": {**LOCATION, "external_id": "depot"}},
        "charge_points": {
            "cp-1": {**cp, "external_id": "cp-1", "evses": {"a": {**evse, "network_id": "1"},
                                                              "b": {**evse, "network_id": "2"}}},
            "cp-2": {**cp, "external_id": "cp-2", "evses": {"a": {**evse, "network_id": "1"},
                                                              "b": {**evse, "network_id": "1"}}},
        },
    }
    with pytest.raises(SpecError) as failed:
        load(spec)
    assert str(failed.value).endswith(
        "charge_points.cp-2.evses.b: network_id: '1' is also the network_id of charge_points.cp-2.evses.a: two "
        "EVSEs cannot share it (it identifies one object on the tenant); give one of them another network_id")


def test_a_reference_may_name_an_object_the_spec_does_not_manage_by_its_natural_key() -> None:
    data = network()
    data["charge_points"]["cp-1"]["evses"]["1"]["tariff_group"] = {"existing": {"name": "Default"}}
    data["tariff_groups"]["public"]["tariffs"] = ["night", {"existing": {"name": "Free"}}, "ac"]
    spec = load(data)
    evse = spec.objects["charge_points.cp-1.evses.1"]
    assert evse.refs["tariff_group_id"] == Existing("TariffGroup", "name", "Default")
    assert spec.objects["tariff_groups.public"].refs["tariff_ids"] == [
        "tariffs.night", Existing("Tariff", "name", "Free"), "tariffs.ac"]
    text = dump(render(spec))
    assert "        tariff_group:\n          existing:\n            name: Default\n" in text
    assert load(parse_yaml(text)).objects["charge_points.cp-1.evses.1"].refs == evse.refs


@pytest.mark.parametrize(("value", "reason"), [
    ({"existing": {"colour": "red"}}, "'colour' is not a natural key of a tariff group; natural keys: name"),
    ({"existing": {"name": "A", "partner_id": 3}}, "or {existing: {<natural key>: <value>}} for one it does not manage"),
    ({"existing": "Default"}, "natural keys of a tariff group: name"),
    ({"existing": {"name": ["x"]}}, "name: must be a value (text or number), not a list"),
])
def test_a_malformed_existing_reference_names_what_is_allowed(value: Any, reason: str) -> None:
    data = network()
    data["charge_points"]["cp-1"]["evses"]["1"]["tariff_group"] = value
    found = problems(data)
    assert len(found) == 1 and found[0].startswith("charge_points.cp-1.evses.1: tariff_group: ") and reason in found[0]


def test_an_existing_object_looked_up_within_another_cannot_be_named() -> None:
    data = network()
    data["charge_points"]["cp-1"]["charging_zone"] = {"existing": {"name": "Staff"}}
    assert problems(data) == [("charge_points.cp-1: charging_zone: an existing charging zone cannot be named here: "
                              "it is looked up within the location; name one of the spec's")]
