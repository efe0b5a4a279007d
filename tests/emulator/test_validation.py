"""422 validation in Laravel's shape: message summary + per-field errors keyed by dot path."""

from __future__ import annotations

import httpx
import pytest
from _emulator_kit import (
    CHARGE_POINTS,
    ID_TAGS,
    LOCATIONS,
    TARIFF_GROUPS,
    TARIFFS,
    evse_body,
    evses_path,
    id_tag_body,
    location_body,
)


def test_missing_required_field_is_422_with_field_error(api: httpx.Client) -> None:
    response = api.post(ID_TAGS, json={"status": "enabled", "type": "rfid"})
    assert response.status_code == 422
    assert response.json() == {
        "message": "The id tag uid field is required.",
        "errors": {"idTagUid": ["The id tag uid field is required."]},
    }


def test_several_errors_are_summarised_in_the_message(api: httpx.Client) -> None:
    body = api.post(ID_TAGS, json={}).json()
    assert body["message"] == "The id tag uid field is required. (and 2 more errors)"
    assert set(body["errors"]) == {"idTagUid", "status", "type"}


def test_bad_enum_is_422_naming_the_field(api: httpx.Client) -> None:
    response = api.post(ID_TAGS, json=id_tag_body(status="lost"))
    assert response.status_code == 422
    assert response.json()["errors"] == {"status": ["The selected status is invalid."]}


def test_emaid_cannot_be_created(api: httpx.Client) -> None:
    response = api.post(ID_TAGS, json=id_tag_body(type="emaid"))
    assert response.json()["errors"] == {"type": ["The selected type is invalid."]}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("userId", "12", "The user id must be an integer."),
        ("userId", 1.5, "The user id must be an integer."),
        ("userId", True, "The user id must be an integer."),
        ("idLabel", 5, "The id label must be a string."),
        ("expireAt", "next tuesday", "The expire at is not a valid date."),
    ],
)
def test_wrong_type_is_422(api: httpx.Client, field: str, value: object, message: str) -> None:
    response = api.post(ID_TAGS, json=id_tag_body(**{field: value}))
    assert response.status_code == 422
    assert response.json()["errors"] == {field: [message]}


def test_boolean_and_number_and_array_type_messages(api: httpx.Client, make) -> None:
    cp = make.charge_point()
    body = evse_body(allowsReservation="yes", powerOptions={"maxPower": "22kW", "maxAmperage": "32A"})
    errors = api.post(evses_path(cp["id"]), json=body).json()["errors"]
    assert errors == {
        "allowsReservation": ["The allows reservation field must be true or false."],
        "powerOptions.maxPower": ["The power options.max power must be an integer."],
        "powerOptions.maxAmperage": ["The power options.max amperage must be a number."],
    }
    errors = api.post(LOCATIONS, json=location_body(tags="a,b")).json()["errors"]
    assert errors == {"tags": ["The tags must be an array."]}


def test_nested_field_errors_use_dot_paths(api: httpx.Client) -> None:
    response = api.post(LOCATIONS, json=location_body(geoposition={"latitude": "north"}))
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "geoposition.latitude": ["The geoposition.latitude must be a number."],
        "geoposition.longitude": ["The geoposition.longitude field is required."],
    }


def test_nested_enum_error_uses_dot_path(api: httpx.Client, make) -> None:
    cp = make.charge_point()
    response = api.post(evses_path(cp["id"]), json=evse_body(powerOptions={"maxVoltage": "231"}))
    assert response.json()["errors"] == {
        "powerOptions.maxVoltage": ["The selected power options.max voltage is invalid."]
    }


def test_array_item_errors_use_index_paths(api: httpx.Client) -> None:
    pricing = {"multiPricePerKwh": [{"firstKwh": 0, "feePerKwh": 0.3}, {"feePerKwh": 0.2}]}
    response = api.post(TARIFFS, json={"name": "t", "type": "standard", "pricing": pricing})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["pricing.multiPricePerKwh.1.firstKwh"]


def test_integer_enum_is_checked(api: httpx.Client) -> None:
    response = api.post(
        TARIFFS, json={"name": "t", "type": "duration+energy", "pricing": {"pricePeriodInMinutes": 7}}
    )
    assert list(response.json()["errors"]) == ["pricing.pricePeriodInMinutes"]


def test_time_fields_must_be_hh_mm(api: httpx.Client) -> None:
    response = api.post(TARIFFS, json={"name": "t", "type": "free", "dayTariffStart": "7am"})
    assert response.json()["errors"] == {
        "dayTariffStart": ["The day tariff start does not match the format H:i."]
    }


def test_unknown_referenced_id_is_422(api: httpx.Client) -> None:
    body = {"name": "cp", "type": "public", "status": "enabled", "locationId": 4242}
    response = api.post(CHARGE_POINTS, json=body)
    assert response.status_code == 422
    assert response.json()["errors"] == {"locationId": ["The selected location id is invalid."]}


def test_unknown_tariff_in_group_is_422_with_index(api: httpx.Client, make) -> None:
    tariff = make.tariff()
    response = api.post(TARIFF_GROUPS, json={"name": "g", "tariffIds": [tariff["id"], 999]})
    assert response.json()["errors"] == {"tariffIds.1": ["The selected tariff ids.1 is invalid."]}


def test_taken_id_tag_uid_is_422(api: httpx.Client, make) -> None:
    make.id_tag(idTagUid="CAFE01")
    response = api.post(ID_TAGS, json=id_tag_body(idTagUid="CAFE01"))
    assert response.status_code == 422
    assert response.json() == {
        "message": "The id tag uid has already been taken.",
        "errors": {"idTagUid": ["The id tag uid has already been taken."]},
    }


def test_patch_to_a_taken_id_tag_uid_is_422(api: httpx.Client, make) -> None:
    make.id_tag(idTagUid="CAFE02")
    other = make.id_tag()
    response = api.patch(f"{ID_TAGS}/{other['id']}", json={"idTagUid": "CAFE02"})
    assert response.status_code == 422


def test_patch_keeping_own_id_tag_uid_is_fine(api: httpx.Client, make) -> None:
    tag = make.id_tag()
    assert api.patch(f"{ID_TAGS}/{tag['id']}", json={"idTagUid": tag["idTagUid"]}).status_code == 200


def test_deleted_id_tag_uid_can_be_reused(api: httpx.Client, make) -> None:
    tag = make.id_tag(idTagUid="CAFE03")
    api.delete(f"{ID_TAGS}/{tag['id']}")
    assert api.post(ID_TAGS, json=id_tag_body(idTagUid="CAFE03")).status_code == 201


def test_empty_string_required_field_counts_as_missing(api: httpx.Client) -> None:
    response = api.post(ID_TAGS, json=id_tag_body(idTagUid=""))
    assert response.json()["errors"] == {"idTagUid": ["The id tag uid field is required."]}


def test_null_clears_an_optional_field(api: httpx.Client, make) -> None:
    tag = make.id_tag(idLabel="front door")
    data = api.patch(f"{ID_TAGS}/{tag['id']}", json={"idLabel": None}).json()["data"]
    assert "idLabel" not in data


def test_failed_validation_changes_nothing(api: httpx.Client, make) -> None:
    tag = make.id_tag(idLabel="keep")
    api.patch(f"{ID_TAGS}/{tag['id']}", json={"idLabel": "new", "status": "bogus"})
    assert api.get(f"{ID_TAGS}/{tag['id']}").json()["data"]["idLabel"] == "keep"


def test_date_times_are_read_back_in_utc(api: httpx.Client) -> None:
    data = api.post(ID_TAGS, json=id_tag_body(expireAt="2030-06-01T12:00:00+02:00")).json()["data"]
    assert data["expireAt"] == "2030-06-01T10:00:00.000000Z"
