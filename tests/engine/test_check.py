"""check: every bad argument reported at once, by its snake_case name, with allowed values; no I/O."""

from __future__ import annotations

import pytest
from pulumi.runtime.rpc import UNKNOWN
from pulumi_ampeco._engine.check import check_inputs
from pulumi_ampeco.specs import REGISTRY

CHARGE_POINT = REGISTRY["ChargePoint"]
ID_TAG = REGISTRY["IdTag"]
EVSE = REGISTRY["Evse"]


def failures(spec, news):
    return {f.property: f.reason for f in check_inputs(spec, news)[1]}


def test_valid_id_tag_passes_and_is_normalised():
    inputs, problems = check_inputs(ID_TAG, {"id_tag_uid": "04A1", "status": "enabled", "type": "rfid",
                                             "user_id": "12", "partner_id": 3.0})
    assert problems == []
    assert inputs["user_id"] == 12 and inputs["partner_id"] == 3


def test_bad_enum_names_the_field_and_the_allowed_values():
    reasons = failures(ID_TAG, {"id_tag_uid": "04A1", "status": "on", "type": "rfid"})
    assert "'enabled', 'disabled' or 'suspended'" in reasons["status"]


def test_every_bad_field_is_reported_at_once():
    reasons = failures(ID_TAG, {"id_tag_uid": 5, "status": "on", "type": "card", "expire_at": "2027-13-01"})
    assert set(reasons) == {"id_tag_uid", "status", "type", "expire_at"}


def test_missing_required_field_is_reported():
    assert failures(ID_TAG, {"status": "enabled", "type": "rfid"}) == {"id_tag_uid": "is required"}


def test_unknown_argument_is_rejected_naming_it():
    assert "not an argument of IdTag" in failures(ID_TAG, {"id_tag_uid": "a", "status": "enabled", "type": "rfid",
                                                             "colour": "red"})["colour"]


def test_computed_output_cannot_be_set():
    assert "output only" in failures(ID_TAG, {"id_tag_uid": "a", "status": "enabled", "type": "rfid",
                                              "created_at": "2020-01-01T00:00:00Z"})["created_at"]


def test_nested_field_error_names_the_dotted_path():
    reasons = failures(CHARGE_POINT, {"name": "A", "type": "private", "status": "enabled", "location_id": 1,
                                      "network": {"id": "X", "port": 70000, "protocol": "ocpp 9"}})
    assert set(reasons) == {"network.port", "network.protocol"}
    assert "65535" in reasons["network.port"]


def test_list_item_error_names_the_index():
    reasons = failures(CHARGE_POINT, {"name": "A", "type": "private", "status": "enabled", "location_id": 1,
                                      "capabilities": ["meter_values", "teleport"]})
    assert list(reasons) == ["capabilities[1]"]


def test_conditionally_required_field_is_reported_with_the_condition():
    reasons = failures(CHARGE_POINT, {"name": "A", "type": "personal", "status": "enabled"})
    assert reasons == {"pin": "is required when type is 'personal'"}


def test_unknown_values_during_preview_are_accepted():
    inputs, problems = check_inputs(EVSE, {"charge_point_id": UNKNOWN, "network_id": "1", "physical_reference": "A",
                                           "current_type": "ac", "status": "enabled", "tariff_group_id": UNKNOWN})
    assert problems == []
    assert inputs["charge_point_id"] == UNKNOWN


def test_unknown_condition_does_not_trigger_conditional_requirement():
    assert failures(CHARGE_POINT, {"name": "A", "type": UNKNOWN, "status": "enabled"}) == {}


@pytest.mark.parametrize("value", ["abc", 0, -3, True, 1.5])
def test_adopt_id_must_be_a_positive_integer(value):
    assert "adopt_id" in failures(ID_TAG, {"id_tag_uid": "a", "status": "enabled", "type": "rfid", "adopt_id": value})


def test_integral_float_from_protobuf_is_an_int():
    inputs, problems = check_inputs(CHARGE_POINT, {"name": "A", "type": "private", "status": "enabled",
                                                   "location_id": 7.0, "security": {"desired_profile": 1.0}})
    assert problems == []
    assert inputs["location_id"] == 7 and inputs["security"] == {"desired_profile": 1}
