"""diff: only managed fields, canonical comparison, no perpetual diffs; pure, no I/O."""

from __future__ import annotations

from pulumi.runtime.rpc import UNKNOWN
from pulumi_ampeco._engine.diff import compare
from pulumi_ampeco.specs import REGISTRY

CP = REGISTRY["ChargePoint"]
TAG = REGISTRY["IdTag"]
GROUP = REGISTRY["TariffGroup"]
EVSE = REGISTRY["Evse"]
LOCATION = REGISTRY["Location"]


def test_same_values_are_no_change():
    assert not compare(TAG, {"status": "enabled"}, {"status": "enabled", "created_at": "x"})


def test_changed_field_is_reported_as_changed_not_replaced():
    changes = compare(TAG, {"status": "disabled"}, {"status": "enabled"})
    assert changes.changed == ["status"] and changes.replaces == []


def test_int_and_float_are_the_same_number():
    assert not compare(EVSE, {"mid_meter_certification_end_year": 2030}, {"mid_meter_certification_end_year": 2030.0})


def test_unmanaged_server_fields_are_ignored():
    assert not compare(EVSE, {"status": "enabled"}, {"status": "enabled", "tariff_group_id": 9, "hardware_status": "x"})


def test_equivalent_values_are_no_change():
    assert not compare(TAG, {"payment_method_id": "auto"}, {})


def test_nested_server_computed_keys_are_ignored():
    live = {"security": {"desired_profile": 1, "current_profile": 0, "desired_profile_status": "pending"}}
    assert not compare(CP, {"security": {"desired_profile": 1}}, live)


def test_unordered_list_order_is_no_change():
    assert not compare(CP, {"tags": ["a", "b"]}, {"tags": ["b", "a"]})


def test_ordered_list_order_is_a_change():
    assert compare(GROUP, {"tariff_ids": [1, 2]}, {"tariff_ids": [2, 1]}).changed == ["tariff_ids"]


def test_server_prepended_base_tariff_is_not_a_change():
    assert not compare(GROUP, {"tariff_ids": [5, 6]}, {"tariff_ids": [4, 5, 6]})


def test_server_added_capability_is_not_a_change():
    assert not compare(CP, {"capabilities": ["meter_values"]}, {"capabilities": ["display_messages", "meter_values"]})


def test_timestamps_compare_by_instant():
    assert not compare(TAG, {"expire_at": "2027-01-01T00:00:00Z"}, {"expire_at": "2027-01-01T00:00:00.000000Z"})


def test_empty_list_and_absent_are_the_same():
    assert not compare(CP, {"tags": []}, {})


def test_immutable_change_replaces():
    changes = compare(CP, {"communication_mode": "direct_ocpp"}, {"communication_mode": "none"})
    assert changes.replaces == ["communication_mode"]


def test_unknown_value_counts_as_change_and_replaces_when_immutable():
    changes = compare(CP, {"communication_mode": UNKNOWN, "name": UNKNOWN}, {"communication_mode": "none", "name": "A"})
    assert sorted(changes.changed) == ["communication_mode", "name"] and changes.replaces == ["communication_mode"]


def test_removed_argument_is_reset_to_null():
    changes = compare(TAG, {"status": "enabled"}, {"status": "enabled", "id_label": "old"}, ["status", "id_label"])
    assert changes.removed == ["id_label"]


def test_removed_server_default_argument_is_just_unmanaged():
    assert not compare(EVSE, {}, {"tariff_group_id": 3}, ["tariff_group_id"])


def test_translations_compare_as_sets_of_entries():
    want = {"name": [{"locale": "en", "translation": "A"}, {"locale": "bg", "translation": "Б"}]}
    live = {"name": [{"locale": "bg", "translation": "Б"}, {"locale": "en", "translation": "A"}]}
    assert not compare(LOCATION, want, live)


def test_changed_nested_value_names_the_path():
    changes = compare(LOCATION, {"geoposition": {"latitude": 1.0, "longitude": 2.0}},
                      {"geoposition": {"latitude": 1.0, "longitude": 3.0}})
    assert changes.details["geoposition"] == ["geoposition['longitude']"]
