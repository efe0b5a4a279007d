"""Where API 3.110.0 corrected the old reference (CORRECTIONS.md), the emulator follows 3.110.0."""

from __future__ import annotations

import httpx
import pytest
from _emulator_kit import CHARGE_POINTS, LOCATIONS, TARIFFS, evse_body, evses_path, location_body


@pytest.mark.parametrize("max_power", [22000.5, 22000.0, "22000"])
def test_evse_max_power_that_is_not_an_integer_is_422(api: httpx.Client, make, max_power: object) -> None:
    cp = make.charge_point()
    response = api.post(evses_path(cp["id"]), json=evse_body(powerOptions={"maxPower": max_power}))
    assert response.status_code == 422
    assert response.json()["errors"] == {"powerOptions.maxPower": ["The power options.max power must be an integer."]}


def test_evse_accepts_integer_max_power_and_277_volts(api: httpx.Client, make) -> None:
    cp = make.charge_point()
    evse = make.evse(cp["id"], powerOptions={"maxPower": 22000, "maxVoltage": "277"})
    assert evse["powerOptions"] == {"maxPower": 22000, "maxVoltage": "277"}


@pytest.mark.parametrize("body", [{"tags": None}, {"workingHours": None}, {"description": None}])
def test_patch_location_with_null_for_a_field_that_is_not_nullable_is_422(api: httpx.Client, make,
                                                                         body: dict[str, object]) -> None:
    location = make.location(tags=["a"])
    response = api.patch(f"{LOCATIONS}/{location['id']}", json=body)
    assert response.status_code == 422
    assert list(response.json()["errors"]) == list(body)


def test_patch_location_null_clears_a_nullable_field(api: httpx.Client, make) -> None:
    location = make.location(city="Sofia", parkingType="ON_STREET")
    data = api.patch(f"{LOCATIONS}/{location['id']}", json={"city": None, "parkingType": None}).json()["data"]
    assert "parkingType" not in data and data["city"] is None  # city: required in the response, nullable


def test_location_new_fields_are_stored_deduplicated_and_omitted_when_unset(api: httpx.Client, make) -> None:
    plain = make.location()
    assert not {"parkingType", "accessMethods", "facilities"} & set(plain)
    location = make.location(parkingType="PARKING_LOT", accessMethods=["OPEN", "TOKEN", "OPEN"], facilities=[])
    assert location["accessMethods"] == ["OPEN", "TOKEN"]
    assert location["facilities"] == []
    bad = api.post(LOCATIONS, json=location_body(facilities=["CASINO"])).json()["errors"]
    assert bad == {"facilities.0": ["The selected facilities.0 is invalid."]}


def test_location_external_app_data_is_writable_and_read_with_include(api: httpx.Client, make) -> None:
    location = make.location(externalAppData={"crm": {"id": "A-7"}})
    assert "externalAppData" not in location
    path = f"{LOCATIONS}/{location['id']}"
    included = api.get(path, params={"include[]": "externalAppData"}).json()["data"]
    assert included["externalAppData"] == {"crm": {"id": "A-7"}}


def test_charge_point_pin_and_name_limits(api: httpx.Client, make) -> None:
    location = make.location()
    body = {"name": "x" * 256, "type": "personal", "status": "enabled", "pin": "12345", "locationId": location["id"]}
    errors = api.post(CHARGE_POINTS, json=body).json()["errors"]
    assert errors == {
        "name": ["The name must not be greater than 255 characters."],
        "pin": ["The pin must not be greater than 4 characters."],
    }


def test_charge_point_flags_read_back_their_documented_defaults(make) -> None:
    cp = make.charge_point(user={"id": 3})
    assert (cp["autoStartWithoutAuthorization"], cp["disableAutoStartEmulation"]) == (False, False)
    assert (cp["enableAutoFaultRecovery"], cp["usesRenewableEnergy"]) == (True, False)
    assert cp["user"] == {"id": 3, "automaticFirmwareUpdatesEnabled": True}
    assert cp["network"] == {}  # required in the response


def test_tariff_limits_time_pattern_and_date_restrictions(api: httpx.Client) -> None:
    body = {
        "name": "t", "type": "standard_tod",
        "display": {"defaultPriceInformation": "x" * 151},
        "pricing": {"timePeriods": [{"startTime": "08:00:00", "endTime": "18:00"}], "averagePowerIdleThreshold": 10**6},
        "restrictions": {"startDate": "2027-01-01T00:00:00Z"},
    }  # fmt: skip
    errors = api.post(TARIFFS, json=body).json()["errors"]
    assert errors == {
        "display.defaultPriceInformation": ["The display.default price information must not be greater than 150 characters."],
        "pricing.timePeriods.0.startTime": ["The pricing.time periods.0.start time format is invalid."],
        "pricing.averagePowerIdleThreshold": ["The pricing.average power idle threshold must not be greater than 999999.99."],
        "restrictions.startDate": ["The restrictions.start date does not match the format Y-m-d."],
    }  # fmt: skip


@pytest.mark.parametrize("field", ["connectionFeeMinimumSessionDuration", "durationFeeGracePeriod"])
def test_tariff_minutes_must_be_integers(api: httpx.Client, field: str) -> None:
    body = {"name": "t", "type": "duration+energy", "pricing": {field: 2.5}}
    assert list(api.post(TARIFFS, json=body).json()["errors"]) == [f"pricing.{field}"]


def test_tariff_locale_maps_are_writable_and_a_put_without_them_deletes_them(api: httpx.Client, make) -> None:
    tariff = make.tariff(description={"en": "Cheap", "pt_BR": "Barato"}, learnMoreUrl={"en": "https://x.test"},
                         externalId="t-1")
    assert tariff["description"] == {"en": "Cheap", "pt_BR": "Barato"}
    assert tariff["externalId"] == "t-1"
    data = api.put(f"{TARIFFS}/{tariff['id']}", json={"name": tariff["name"], "type": "free",
                                                     "description": {"en": "Cheap"}}).json()["data"]
    assert data["description"] == {"en": "Cheap"}  # the locale not sent is deleted
    assert "learnMoreUrl" not in data and "externalId" not in data


def test_delete_answers_204_with_an_empty_body(api: httpx.Client, make) -> None:
    tariff = make.tariff()
    response = api.delete(f"{TARIFFS}/{tariff['id']}")
    assert response.status_code == 204 and response.content == b""
