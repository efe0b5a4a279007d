"""Tariffs and tariff groups: PUT replacement, the base tariff, references."""

from __future__ import annotations

import httpx
from _emulator_kit import TARIFF_GROUPS, TARIFFS


def test_tariff_create_sets_tenant_currency(make) -> None:
    tariff = make.tariff(pricing={"pricePerSession": 2.5})
    assert tariff["currency"] == "EUR"
    assert tariff["pricing"]["pricePerSession"] == 2.5
    assert "pricePerKwh" not in tariff["pricing"]  # unset: left out
    assert "restrictions" not in tariff


def test_put_tariff_resets_omitted_fields(api: httpx.Client, make) -> None:
    tariff = make.tariff(pricing={"pricePerSession": 2.5}, display={"priceInformation": "2.50 per session"})
    response = api.put(f"{TARIFFS}/{tariff['id']}", json={"name": "renamed", "type": "free"})
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["name"] == "renamed" and data["type"] == "free"
    assert "pricing" not in data and "display" not in data
    assert data["id"] == tariff["id"] and data["currency"] == "EUR"


def test_put_tariff_requires_name_and_type(api: httpx.Client, make) -> None:
    tariff = make.tariff()
    response = api.put(f"{TARIFFS}/{tariff['id']}", json={"pricing": {"pricePerKwh": 0.3}})
    assert set(response.json()["errors"]) == {"name", "type"}


def test_electricity_rate_fallback_required(api: httpx.Client) -> None:
    body = {"name": "t", "type": "energy tou", "pricing": {"chargePointElectricityRate": False}}
    assert list(api.post(TARIFFS, json=body).json()["errors"]) == ["pricing.fallbackElectricityRateId"]


def test_tariff_group_create_adds_free_base_tariff(api: httpx.Client, make) -> None:
    mine = make.tariff()
    group = make.tariff_group(tariffIds=[mine["id"]])
    assert len(group["tariffIds"]) == 2
    base_id, second = group["tariffIds"]
    assert second == mine["id"]
    base = api.get(f"{TARIFFS}/{base_id}").json()["data"]
    assert base["type"] == "free"


def test_put_tariff_group_keeps_base_tariff_when_omitted(api: httpx.Client, make) -> None:
    first, second = make.tariff(), make.tariff()
    group = make.tariff_group(tariffIds=[first["id"]], partnerId=7)
    base_id = group["tariffIds"][0]
    body = {"name": "renamed", "tariffIds": [second["id"], first["id"]]}
    data = api.put(f"{TARIFF_GROUPS}/{group['id']}", json=body).json()["data"]
    assert data["tariffIds"] == [base_id, second["id"], first["id"]]
    assert "partnerId" not in data  # PUT resets what is not sent
    data = api.put(f"{TARIFF_GROUPS}/{group['id']}", json={"name": "again"}).json()["data"]
    assert data["tariffIds"] == [base_id]


def test_put_tariff_group_requires_name(api: httpx.Client, make) -> None:
    group = make.tariff_group()
    response = api.put(f"{TARIFF_GROUPS}/{group['id']}", json={"tariffIds": []})
    assert response.json()["errors"] == {"name": ["The name field is required."]}


def test_delete_tariff_in_a_group_is_422(api: httpx.Client, make) -> None:
    tariff = make.tariff()
    group = make.tariff_group(tariffIds=[tariff["id"]])
    response = api.delete(f"{TARIFFS}/{tariff['id']}")
    assert response.status_code == 422
    assert str(group["id"]) in response.json()["message"]


def test_deleting_a_group_deletes_its_base_tariff(api: httpx.Client, make) -> None:
    group = make.tariff_group()
    base_id = group["tariffIds"][0]
    assert api.delete(f"{TARIFF_GROUPS}/{group['id']}").status_code == 204
    assert api.get(f"{TARIFFS}/{base_id}").status_code == 404


def test_duplicate_tariff_ids_are_422(api: httpx.Client, make) -> None:
    tariff = make.tariff()
    response = api.post(TARIFF_GROUPS, json={"name": "g", "tariffIds": [tariff["id"], tariff["id"]]})
    assert list(response.json()["errors"]) == ["tariffIds.1"]


def test_tariff_filters_by_group_and_type(api: httpx.Client, make) -> None:
    flat = make.tariff()
    make.tariff(type="standard")
    group = make.tariff_group(tariffIds=[flat["id"]])
    in_group = api.get(TARIFFS, params={"filter[tariffGroupId]": group["id"]}).json()["data"]
    assert sorted(t["id"] for t in in_group) == sorted(group["tariffIds"])
    standard = api.get(TARIFFS, params={"filter[type]": "standard"}).json()["data"]
    assert [t["type"] for t in standard] == ["standard"]


def test_tariff_for_user_returns_one_tariff_without_meta(api: httpx.Client, make) -> None:
    tariff = make.tariff()
    group = make.tariff_group(tariffIds=[tariff["id"]])
    body = api.get(TARIFFS, params={"filter[tariffGroupId]": group["id"], "filter[userId]": 5}).json()
    assert body == {"data": api.get(f"{TARIFFS}/{tariff['id']}").json()["data"]}
    assert api.get(TARIFFS, params={"filter[userId]": 5}).status_code == 422
