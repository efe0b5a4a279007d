"""Charge points, their EVSEs (nested and v2.1) and connectors."""

from __future__ import annotations

import httpx
from _emulator_kit import CHARGE_POINTS, EVSES_V21, TARIFF_GROUPS, connectors_path, evse_body, evses_path


def test_charge_point_create_computes_server_fields(make) -> None:
    cp = make.charge_point(capabilities=["meter_values", "display_messages"], security={"desiredProfile": 1})
    assert cp["networkStatus"] == "never_connected"
    assert cp["hardwareStatus"] == "unavailable"
    assert cp["capabilities"] == ["meter_values"]
    assert cp["security"] == {
        "desiredProfile": 1,
        "currentProfile": 0,
        "desiredProfileStatus": "pending",
    }  # hardwareEnabledProfile has no value, so it is left out (3.110.0: not nullable)
    assert cp["communicationMode"] == "direct_ocpp"
    assert isinstance(cp["sharingCode"], str) and len(cp["sharingCode"]) == 8
    assert cp["tags"] == []
    assert cp["createdAt"] and cp["lastUpdatedAt"]


def test_charge_point_keeps_a_sent_sharing_code(make) -> None:
    assert make.charge_point(sharingCode="SHARE123")["sharingCode"] == "SHARE123"


def test_public_charge_point_needs_location(api: httpx.Client) -> None:
    response = api.post(CHARGE_POINTS, json={"name": "cp", "type": "public", "status": "enabled"})
    assert response.json()["errors"] == {
        "locationId": ["The location id field is required when type is public."]
    }


def test_personal_charge_point_needs_digit_pin(api: httpx.Client) -> None:
    body = {"name": "cp", "type": "personal", "status": "enabled"}
    assert api.post(CHARGE_POINTS, json=body).json()["errors"] == {
        "pin": ["The pin field is required when type is personal."]
    }
    assert api.post(CHARGE_POINTS, json={**body, "pin": "12ab"}).json()["errors"] == {
        "pin": ["The pin format is invalid."]
    }
    assert api.post(CHARGE_POINTS, json={**body, "pin": "1234"}).status_code == 201


def test_patch_charge_point_communication_mode_is_422(api: httpx.Client, make) -> None:
    cp = make.charge_point()
    response = api.patch(f"{CHARGE_POINTS}/{cp['id']}", json={"communicationMode": "none"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"communicationMode": ["The communication mode field is prohibited."]}
    response = api.patch(
        f"{CHARGE_POINTS}/{cp['id']}", json={"sharingCode": "X", "ocppConnectedChargePointId": 1}
    )
    assert set(response.json()["errors"]) == {"sharingCode", "ocppConnectedChargePointId"}


def test_integrated_at_only_accepted_on_patch(api: httpx.Client, make) -> None:
    cp = make.charge_point(integratedAt="2024-01-01T00:00:00Z")
    assert "integratedAt" not in cp
    data = api.patch(f"{CHARGE_POINTS}/{cp['id']}", json={"integratedAt": "2024-01-01T00:00:00Z"}).json()[
        "data"
    ]
    assert data["integratedAt"] == "2024-01-01T00:00:00.000000Z"


def test_patch_charge_point_tags_replace_the_list(api: httpx.Client, make) -> None:
    cp = make.charge_point(tags=["a", "b"])
    data = api.patch(f"{CHARGE_POINTS}/{cp['id']}", json={"tags": ["c"]}).json()["data"]
    assert data["tags"] == ["c"]


def test_patch_charge_point_nested_object_replaces_it(api: httpx.Client, make) -> None:
    cp = make.charge_point(network={"id": "CP-N1", "protocol": "ocpp 1.6", "password": "s3cret"})
    data = api.patch(f"{CHARGE_POINTS}/{cp['id']}", json={"network": {"id": "CP-N1"}}).json()["data"]
    assert data["network"] == {"id": "CP-N1"}  # protocol and password are gone
    assert data["name"] == cp["name"]


def test_taken_network_id_is_422(api: httpx.Client, make) -> None:
    make.charge_point(network={"id": "CP-TAKEN"})
    location = make.location()
    body = {
        "name": "x",
        "type": "public",
        "status": "enabled",
        "locationId": location["id"],
        "network": {"id": "CP-TAKEN"},
    }
    assert api.post(CHARGE_POINTS, json=body).json()["errors"] == {
        "network.id": ["The network.id has already been taken."]
    }


def test_filter_network_id_matches_network_id(api: httpx.Client, make) -> None:
    cp = make.charge_point(network={"id": "CP-FIND"})
    make.charge_point(network={"id": "CP-OTHER"})
    found = api.get(CHARGE_POINTS, params={"filter[networkId]": "CP-FIND"}).json()["data"]
    assert [x["id"] for x in found] == [cp["id"]]
    assert api.get(CHARGE_POINTS, params={"filter[networkId]": "nope"}).json()["data"] == []


def test_satellite_charge_point_needs_an_existing_master(api: httpx.Client, make) -> None:
    master = make.charge_point()
    body = {"name": "sat", "type": "public", "status": "enabled", "locationId": master["locationId"]}
    response = api.post(CHARGE_POINTS, json={**body, "communicationMode": "via_ocpp_connected_charge_point"})
    assert list(response.json()["errors"]) == ["ocppConnectedChargePointId"]
    sat = api.post(
        CHARGE_POINTS,
        json={
            **body,
            "communicationMode": "via_ocpp_connected_charge_point",
            "ocppConnectedChargePointId": master["id"],
        },
    ).json()["data"]
    assert sat["ocppConnectedChargePointId"] == master["id"]
    assert api.delete(f"{CHARGE_POINTS}/{master['id']}").status_code == 422


def test_evse_without_tariff_group_gets_default(api: httpx.Client, make) -> None:
    cp = make.charge_point()
    evse = make.evse(cp["id"])
    assert evse["tariffGroupId"] is not None
    group = api.get(f"{TARIFF_GROUPS}/{evse['tariffGroupId']}").json()["data"]
    assert len(group["tariffIds"]) == 1
    assert make.evse(cp["id"], networkId="2")["tariffGroupId"] == group["id"]


def test_evse_with_unknown_tariff_group_is_422(api: httpx.Client, make) -> None:
    cp = make.charge_point()
    response = api.post(evses_path(cp["id"]), json=evse_body(tariffGroupId=77))
    assert response.json()["errors"] == {"tariffGroupId": ["The selected tariff group id is invalid."]}


def test_booking_enabled_turns_on_allows_reservation(api: httpx.Client, make) -> None:
    cp = make.charge_point()
    evse = make.evse(cp["id"], bookingEnabled=True, allowsReservation=False)
    assert evse["allowsReservation"] is True
    other = make.evse(cp["id"], networkId="2")
    data = api.patch(f"{evses_path(cp['id'])}/{other['id']}", json={"bookingEnabled": True}).json()["data"]
    assert data["allowsReservation"] is True


def test_evse_network_id_is_unique_within_charge_point(api: httpx.Client, make) -> None:
    first, second = make.charge_point(), make.charge_point()
    make.evse(first["id"], networkId="1")
    assert api.post(evses_path(first["id"]), json=evse_body(networkId="1")).json()["errors"] == {
        "networkId": ["The network id has already been taken."]
    }
    assert api.post(evses_path(second["id"]), json=evse_body(networkId="1")).status_code == 201


def test_evse_served_nested_and_standalone(api: httpx.Client, make) -> None:
    cp = make.charge_point()
    evse = make.evse(cp["id"])
    assert "chargePointId" not in evse
    standalone = api.get(f"{EVSES_V21}/{evse['id']}").json()["data"]
    assert standalone["chargePointId"] == cp["id"]
    assert {k: v for k, v in standalone.items() if k != "chargePointId"} == evse
    assert evse["hardwareStatus"] == "available" and evse["roamingOperatorId"] is None


def test_standalone_evse_create_requires_charge_point_id(api: httpx.Client, make) -> None:
    assert api.post(EVSES_V21, json=evse_body()).json()["errors"] == {
        "chargePointId": ["The charge point id field is required."]
    }
    assert api.post(EVSES_V21, json=evse_body(chargePointId=999)).json()["errors"] == {
        "chargePointId": ["The selected charge point id is invalid."]
    }
    cp = make.charge_point()
    created = api.post(EVSES_V21, json=evse_body(chargePointId=cp["id"])).json()["data"]
    assert created["chargePointId"] == cp["id"]
    listed = api.get(EVSES_V21, params={"filter[chargePointId]": cp["id"]}).json()["data"]
    assert [e["id"] for e in listed] == [created["id"]]


def test_evse_under_wrong_charge_point_is_404(api: httpx.Client, make) -> None:
    first, second = make.charge_point(), make.charge_point()
    evse = make.evse(first["id"])
    assert api.get(f"{evses_path(second['id'])}/{evse['id']}").status_code == 404


def test_evse_connectors_only_with_include(api: httpx.Client, make) -> None:
    cp = make.charge_point()
    evse = make.evse(cp["id"])
    connector = make.connector(cp["id"], evse["id"], format="cable")
    path = f"{evses_path(cp['id'])}/{evse['id']}"
    assert "connectors" not in api.get(path).json()["data"]
    assert api.get(path, params={"include[]": "connectors"}).json()["data"]["connectors"] == [connector]
    v21 = api.get(f"{EVSES_V21}/{evse['id']}", params={"include[]": "connectors"}).json()["data"]
    assert v21["connectors"] == [connector]


def test_nested_evse_listing_has_no_filters(api: httpx.Client, make) -> None:
    cp = make.charge_point()
    response = api.get(evses_path(cp["id"]), params={"filter[physicalReference]": "x"})
    assert response.status_code == 400


def test_connector_listing_is_data_only(api: httpx.Client, make) -> None:
    cp = make.charge_point()
    evse = make.evse(cp["id"])
    connector = make.connector(cp["id"], evse["id"])
    body = api.get(connectors_path(cp["id"], evse["id"])).json()
    assert body == {"data": [connector]}
    assert connector == {"id": connector["id"], "type": "type2"}  # format, status unset: left out


def test_connector_under_wrong_evse_is_404(api: httpx.Client, make) -> None:
    cp = make.charge_point()
    first, second = make.evse(cp["id"]), make.evse(cp["id"], networkId="2")
    connector = make.connector(cp["id"], first["id"])
    assert api.get(f"{connectors_path(cp['id'], second['id'])}/{connector['id']}").status_code == 404
    assert api.get(f"{connectors_path(cp['id'], first['id'])}/{connector['id']}").status_code == 200


def test_connector_bad_type_is_422(api: httpx.Client, make) -> None:
    cp = make.charge_point()
    evse = make.evse(cp["id"])
    response = api.post(connectors_path(cp["id"], evse["id"]), json={"type": "type9"})
    assert response.json()["errors"] == {"type": ["The selected type is invalid."]}


def test_deleting_a_charge_point_deletes_its_evses_and_connectors(
    api: httpx.Client, admin: httpx.Client, make
) -> None:
    cp = make.charge_point()
    evse = make.evse(cp["id"])
    make.connector(cp["id"], evse["id"])
    assert api.delete(f"{CHARGE_POINTS}/{cp['id']}").status_code == 204
    state = admin.get("/state").json()
    assert state["evses"] == [] and state["connectors"] == []
    assert api.get(f"{EVSES_V21}/{evse['id']}").status_code == 404


def test_delete_tariff_group_used_by_evse_is_422(api: httpx.Client, make) -> None:
    group = make.tariff_group()
    cp = make.charge_point()
    evse = make.evse(cp["id"], tariffGroupId=group["id"])
    response = api.delete(f"{TARIFF_GROUPS}/{group['id']}")
    assert response.status_code == 422
    assert str(evse["id"]) in response.json()["message"]
