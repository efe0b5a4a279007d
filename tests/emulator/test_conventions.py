"""Transport conventions every resource shares: auth, envelope, 404/405, body parsing, timestamps."""

from __future__ import annotations

import re

import httpx
from _emulator_kit import CHARGE_POINTS, ID_TAGS, TARIFFS, id_tag_body
from ampeco_emulator import EmulatorServer

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")


def test_missing_token_is_401(tenant: EmulatorServer) -> None:
    response = httpx.get(f"{tenant.url}{ID_TAGS}")
    assert response.status_code == 401
    assert response.json() == {"message": "Unauthenticated."}


def test_wrong_token_is_401(tenant: EmulatorServer) -> None:
    response = httpx.post(
        f"{tenant.url}{ID_TAGS}", json=id_tag_body(), headers={"Authorization": "Bearer nope"}
    )
    assert response.status_code == 401
    assert response.json() == {"message": "Unauthenticated."}


def test_unauthenticated_request_creates_nothing(tenant: EmulatorServer, api: httpx.Client) -> None:
    httpx.post(f"{tenant.url}{ID_TAGS}", json=id_tag_body())
    assert api.get(ID_TAGS).json()["data"] == []


def test_id_tag_create_returns_server_computed_fields(api: httpx.Client) -> None:
    response = api.post(ID_TAGS, json=id_tag_body(idTagUid="04A2B3C4"))
    assert response.status_code == 201
    data = response.json()["data"]
    assert isinstance(data["id"], int)
    assert TIMESTAMP.match(data["createdAt"])
    assert TIMESTAMP.match(data["lastUpdatedAt"])
    assert data["idTagUid"] == "04A2B3C4"
    # a field without a value is left out, not null (3.110.0 marks most response fields not nullable)
    assert not {"idLabel", "vehicleType", "userId"} & set(data)
    assert None not in data.values()


def test_single_object_is_wrapped_in_data(api: httpx.Client, make) -> None:
    tag = make.id_tag()
    body = api.get(f"{ID_TAGS}/{tag['id']}").json()
    assert list(body) == ["data"]
    assert body["data"] == tag


def test_ids_count_up_per_collection(make) -> None:
    first, second = make.id_tag(), make.id_tag()
    tariff = make.tariff()
    assert second["id"] == first["id"] + 1
    assert tariff["id"] == 1


def test_last_updated_at_changes_on_every_update(api: httpx.Client, make) -> None:
    tag = make.id_tag()
    stamps = {tag["lastUpdatedAt"]}
    for label in ("a", "b", "c"):
        stamps.add(
            api.patch(f"{ID_TAGS}/{tag['id']}", json={"idLabel": label}).json()["data"]["lastUpdatedAt"]
        )
    assert len(stamps) == 4


def test_unknown_id_is_404(api: httpx.Client) -> None:
    response = api.get(f"{CHARGE_POINTS}/99")
    assert response.status_code == 404
    assert response.json() == {"message": "No query results for model [App\\Models\\ChargePoint] 99"}


def test_non_numeric_id_is_404(api: httpx.Client) -> None:
    assert api.get(f"{ID_TAGS}/abc").status_code == 404


def test_unknown_route_is_404(api: httpx.Client) -> None:
    response = api.get("/public-api/resources/id-tags/v9.9")
    assert response.status_code == 404
    assert "could not be found" in response.json()["message"]


def test_wrong_method_is_405(api: httpx.Client, make) -> None:
    tag = make.id_tag()
    response = api.put(f"{ID_TAGS}/{tag['id']}", json={})
    assert response.status_code == 405
    assert response.json() == {
        "message": f"The PUT method is not supported for route public-api/resources/id-tags/v2.0/{tag['id']}. "
        "Supported methods: GET, HEAD, PATCH, DELETE."
    }


def test_patch_on_put_resource_is_405(api: httpx.Client, make) -> None:
    tariff = make.tariff()
    response = api.patch(f"{TARIFFS}/{tariff['id']}", json={"name": "x"})
    assert response.status_code == 405
    assert response.json()["message"].endswith("Supported methods: GET, HEAD, PUT, DELETE.")


def test_delete_is_204_with_empty_body_and_then_404(api: httpx.Client, make) -> None:
    tag = make.id_tag()
    response = api.delete(f"{ID_TAGS}/{tag['id']}")
    assert response.status_code == 204
    assert response.content == b""
    assert api.get(f"{ID_TAGS}/{tag['id']}").status_code == 404
    assert api.delete(f"{ID_TAGS}/{tag['id']}").status_code == 404


def test_non_json_body_is_400_with_message(api: httpx.Client) -> None:
    response = api.post(ID_TAGS, content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["message"]


def test_body_without_json_content_type_is_400(api: httpx.Client) -> None:
    response = api.post(ID_TAGS, content=b'{"idTagUid": "x"}', headers={"Content-Type": "text/plain"})
    assert response.status_code == 400


def test_json_array_body_is_400(api: httpx.Client) -> None:
    assert api.post(ID_TAGS, json=[1, 2]).status_code == 400


def test_unknown_body_fields_are_ignored(api: httpx.Client) -> None:
    response = api.post(ID_TAGS, json=id_tag_body(colour="red", id=999, createdAt="1999-01-01T00:00:00Z"))
    assert response.status_code == 201
    data = response.json()["data"]
    assert "colour" not in data
    assert data["id"] != 999
    assert not data["createdAt"].startswith("1999")


def test_head_is_served_like_get(api: httpx.Client, make) -> None:
    tag = make.id_tag()
    response = api.head(f"{ID_TAGS}/{tag['id']}")
    assert response.status_code == 200
    assert response.content == b""
