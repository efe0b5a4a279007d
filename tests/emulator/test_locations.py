"""Locations and their charging zones."""

from __future__ import annotations

import httpx
from _emulator_kit import CHARGE_POINTS, LOCATIONS, location_body, zones_path


def test_location_create_returns_every_field_with_status_enabled(make) -> None:
    location = make.location(externalId="site-1")
    assert location["status"] == "enabled"
    assert location["externalId"] == "site-1"
    assert location["tags"] == []
    assert location["city"] is None
    assert "chargingZones" not in location
    assert "createdAt" not in location
    assert location["geoposition"] == {"latitude": 42.69, "longitude": 23.32}


def test_patch_location_without_geoposition_is_accepted(api: httpx.Client, make) -> None:
    location = make.location()
    response = api.patch(f"{LOCATIONS}/{location['id']}", json={"city": "Sofia"})
    assert response.status_code == 200  # 3.110.0: geoposition is optional on PATCH
    assert response.json()["data"]["city"] == "Sofia"
    assert response.json()["data"]["geoposition"] == location["geoposition"]


def test_patch_location_with_partial_geoposition_is_422(api: httpx.Client, make) -> None:
    location = make.location()
    response = api.patch(
        f"{LOCATIONS}/{location['id']}", json={"city": "Sofia", "geoposition": {"latitude": 1}}
    )
    assert response.json()["errors"] == {
        "geoposition.longitude": ["The geoposition.longitude field is required."]
    }


def test_patch_location_with_geoposition_merges_fields(api: httpx.Client, make) -> None:
    location = make.location(city="Plovdiv", postCode="4000")
    body = {"city": "Sofia", "geoposition": {"latitude": 42.7, "longitude": 23.3}}
    data = api.patch(f"{LOCATIONS}/{location['id']}", json=body).json()["data"]
    assert data["city"] == "Sofia"
    assert data["postCode"] == "4000"
    assert data["geoposition"] == {"latitude": 42.7, "longitude": 23.3}


def test_country_and_state_are_checked(api: httpx.Client) -> None:
    assert api.post(LOCATIONS, json=location_body(country="XX")).json()["errors"] == {
        "country": ["The selected country is invalid."]
    }
    assert api.post(LOCATIONS, json=location_body(country="US", state="CA")).status_code == 201
    assert api.post(LOCATIONS, json=location_body(country="US", state="NSW")).json()["errors"] == {
        "state": ["The selected state is invalid."]
    }


def test_latitude_out_of_range_is_422(api: httpx.Client) -> None:
    body = location_body(geoposition={"latitude": 123, "longitude": 0})
    assert api.post(LOCATIONS, json=body).json()["errors"] == {
        "geoposition.latitude": ["The geoposition.latitude must be between -90 and 90."]
    }


def test_working_hours_closed_needs_hours(api: httpx.Client) -> None:
    body = location_body(workingHours={"isAlwaysOpen": False})
    assert list(api.post(LOCATIONS, json=body).json()["errors"]) == ["workingHours.hours"]
    hours = {"monday": [{"start": "08:00", "end": "18:00"}]}
    body = location_body(workingHours={"isAlwaysOpen": False, "hours": hours})
    data = api.post(LOCATIONS, json=body).json()["data"]
    assert data["workingHours"]["hours"]["monday"] == [{"start": "08:00", "end": "18:00"}]
    assert "sunday" not in data["workingHours"]["hours"]  # never sent: left out


def test_invalid_timezone_is_422(api: httpx.Client) -> None:
    assert list(api.post(LOCATIONS, json=location_body(timezone="Mars/Base")).json()["errors"]) == [
        "timezone"
    ]
    assert api.post(LOCATIONS, json=location_body(timezone="Europe/Sofia")).status_code == 201


def test_location_charging_zones_only_with_include(api: httpx.Client, make) -> None:
    location = make.location()
    zone = make.zone(location["id"])
    plain = api.get(f"{LOCATIONS}/{location['id']}").json()["data"]
    assert "chargingZones" not in plain
    included = api.get(f"{LOCATIONS}/{location['id']}", params={"include[]": "chargingZones"}).json()["data"]
    assert included["chargingZones"] == [zone]
    listed = api.get(LOCATIONS, params={"include[]": "chargingZones"}).json()["data"]
    assert listed[0]["chargingZones"] == [zone]


def test_unknown_include_is_400(api: httpx.Client) -> None:
    response = api.get(LOCATIONS, params={"include[]": "evses"})
    assert response.status_code == 400
    assert response.json()["message"].startswith("Requested include(s) `evses` are not allowed.")


def test_charging_zone_has_location_id_from_path(make) -> None:
    location = make.location()
    zone = make.zone(location["id"], additionalInfo={"enabled": True})
    assert zone["locationId"] == location["id"]
    assert zone["additionalInfo"] == {"enabled": True}  # title, description unset: left out
    assert set(zone) == {"id", "name", "locationId", "status", "additionalInfo"}


def test_charging_zone_under_wrong_location_is_404(api: httpx.Client, make) -> None:
    first, second = make.location(), make.location()
    zone = make.zone(first["id"])
    response = api.get(f"{zones_path(second['id'])}/{zone['id']}")
    assert response.status_code == 404
    assert (
        response.json()["message"] == f"No query results for model [App\\Models\\ChargingZone] {zone['id']}"
    )


def test_charging_zone_listing_is_scoped_to_the_location(api: httpx.Client, make) -> None:
    first, second = make.location(), make.location()
    mine = make.zone(first["id"])
    make.zone(second["id"])
    assert [z["id"] for z in api.get(zones_path(first["id"])).json()["data"]] == [mine["id"]]


def test_charging_zone_bad_status_is_422(api: httpx.Client, make) -> None:
    location = make.location()
    response = api.post(zones_path(location["id"]), json={"name": "z", "status": "on"})
    assert response.json()["errors"] == {"status": ["The selected status is invalid."]}


def test_delete_location_referenced_by_charge_point_is_422(api: httpx.Client, make) -> None:
    location = make.location()
    cp = make.charge_point(location["id"])
    response = api.delete(f"{LOCATIONS}/{location['id']}")
    assert response.status_code == 422
    assert str(cp["id"]) in response.json()["message"]
    assert api.get(f"{LOCATIONS}/{location['id']}").status_code == 200


def test_delete_charging_zone_referenced_by_charge_point_is_422(api: httpx.Client, make) -> None:
    location = make.location()
    zone = make.zone(location["id"])
    make.charge_point(location["id"], chargingZoneId=zone["id"])
    assert api.delete(f"{zones_path(location['id'])}/{zone['id']}").status_code == 422


def test_deleting_a_location_deletes_its_zones(api: httpx.Client, admin: httpx.Client, make) -> None:
    location = make.location()
    make.zone(location["id"])
    assert api.delete(f"{LOCATIONS}/{location['id']}").status_code == 204
    assert admin.get("/state").json()["charging_zones"] == []


def test_location_filters(api: httpx.Client, make) -> None:
    make.location(externalId="ext-a", tags=["north"], city="Sofia")
    make.location(externalId="ext-b", tags=["south"])
    assert [
        x["externalId"] for x in api.get(LOCATIONS, params={"filter[externalId]": "ext-b"}).json()["data"]
    ] == ["ext-b"]
    assert [x["externalId"] for x in api.get(LOCATIONS, params={"filter[tag]": "north"}).json()["data"]] == [
        "ext-a"
    ]
    assert len(api.get(LOCATIONS, params={"filter[city]": "Sofia"}).json()["data"]) == 1


def test_charge_point_zone_must_belong_to_its_location(api: httpx.Client, make) -> None:
    first, second = make.location(), make.location()
    zone = make.zone(first["id"])
    body = {
        "name": "cp",
        "type": "public",
        "status": "enabled",
        "locationId": second["id"],
        "chargingZoneId": zone["id"],
    }
    assert api.post(CHARGE_POINTS, json=body).json()["errors"] == {
        "chargingZoneId": ["The selected charging zone id is invalid."]
    }
