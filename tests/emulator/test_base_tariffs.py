"""The two kinds of tenant (the emulator option ``base_tariffs``): each tariff group with its own free
base tariff (per-group, the reference's), or one free tariff and one default group that every group
and EVSE shares (tenant-wide). Chosen at start (EmulatorServer, --base-tariffs) or through
PUT /_emulator/settings (a new empty tenant of that kind)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from ampeco_emulator import EmulatorServer

TARIFFS = "/public-api/resources/tariffs/v1.0"
GROUPS = "/public-api/resources/tariff-groups/v1.0"
CPS = "/public-api/resources/charge-points/v2.0"


@pytest.fixture
def wide(emulator: EmulatorServer) -> Iterator[httpx.Client]:
    admin = f"{emulator.url}/_emulator"
    assert httpx.put(f"{admin}/settings", json={"baseTariffs": "tenant-wide"}).json() == {"baseTariffs": "tenant-wide"}
    with httpx.Client(base_url=emulator.url, headers={"Authorization": f"Bearer {emulator.token}"}) as client:
        yield client
    httpx.put(f"{admin}/settings", json={"baseTariffs": "per-group"}).raise_for_status()


def _post(client: httpx.Client, path: str, body: dict[str, object]) -> dict[str, object]:
    response = client.post(path, json=body)
    assert response.status_code == 201, response.text
    data: dict[str, object] = response.json()["data"]
    return data


def test_a_tenant_wide_tenant_starts_with_one_free_tariff_and_a_default_group(wide: httpx.Client) -> None:
    [free] = wide.get(TARIFFS).json()["data"]
    [default] = wide.get(GROUPS).json()["data"]
    assert free["type"] == "free" and default["tariffIds"] == [free["id"]]


def test_every_group_gets_the_same_free_tariff_in_front(wide: httpx.Client) -> None:
    [free] = wide.get(TARIFFS).json()["data"]
    mine = _post(wide, TARIFFS, {"name": "Standard", "type": "flat rate", "pricing": {"pricePerSession": 2}})
    a = _post(wide, GROUPS, {"name": "A", "tariffIds": [mine["id"]]})
    b = _post(wide, GROUPS, {"name": "B"})
    assert a["tariffIds"] == [free["id"], mine["id"]] and b["tariffIds"] == [free["id"]]
    assert len(wide.get(TARIFFS).json()["data"]) == 2  # no tariff per group
    assert wide.delete(f"{GROUPS}/{a['id']}").status_code == 204
    assert wide.get(f"{TARIFFS}/{free['id']}").status_code == 200  # the shared tariff stays


def test_an_evse_without_a_group_gets_the_tenant_default_group(wide: httpx.Client) -> None:
    [default] = wide.get(GROUPS).json()["data"]
    site = _post(wide, "/public-api/resources/locations/v2.0", {
        "name": [{"locale": "en", "translation": "Depot"}], "address": [{"locale": "en", "translation": "1 Main"}],
        "country": "BG", "geoposition": {"latitude": 42.7, "longitude": 23.3}})
    cp = _post(wide, CPS, {"name": "CP", "type": "public", "status": "enabled", "locationId": site["id"]})
    evse = _post(wide, f"{CPS}/{cp['id']}/evses", {"networkId": "1", "physicalReference": "P", "currentType": "ac",
                                                   "status": "enabled"})
    assert evse["tariffGroupId"] == default["id"]
    assert len(wide.get(GROUPS).json()["data"]) == 1


def test_the_default_group_of_a_tenant_wide_tenant_cannot_be_deleted(wide: httpx.Client) -> None:
    [default] = wide.get(GROUPS).json()["data"]
    response = wide.delete(f"{GROUPS}/{default['id']}")
    assert response.status_code == 422 and "default tariff group" in response.json()["message"]


def test_reset_keeps_the_kind_of_tenant(wide: httpx.Client, emulator: EmulatorServer) -> None:
    httpx.post(f"{emulator.url}/_emulator/reset").raise_for_status()
    assert len(wide.get(GROUPS).json()["data"]) == 1


def test_an_unknown_kind_of_tenant_is_refused(emulator: EmulatorServer) -> None:
    response = httpx.put(f"{emulator.url}/_emulator/settings", json={"baseTariffs": "shared"})
    assert response.status_code == 400 and "per-group, tenant-wide" in response.json()["message"]


def test_the_kind_of_tenant_is_an_option_of_the_server_and_survives_the_state_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    state = tmp_path / "tenant.json"
    with EmulatorServer(token="t", base_tariffs="tenant-wide", state_file=state) as server:
        headers = {"Authorization": "Bearer t"}
        assert len(httpx.get(f"{server.url}{GROUPS}", headers=headers).json()["data"]) == 1
        httpx.post(f"{server.url}{GROUPS}", json={"name": "A"}, headers=headers).raise_for_status()
    with EmulatorServer(token="t", base_tariffs="tenant-wide", state_file=state) as server:
        groups = httpx.get(f"{server.url}{GROUPS}", headers={"Authorization": "Bearer t"}).json()["data"]
        assert [g["name"] for g in groups] == ["Default", "A"] and groups[0]["tariffIds"] == groups[1]["tariffIds"]


def test_a_per_group_tenant_is_what_the_reference_describes(tenant: EmulatorServer) -> None:
    headers = {"Authorization": f"Bearer {tenant.token}"}
    assert httpx.get(f"{tenant.url}{GROUPS}", headers=headers).json()["data"] == []
    a = httpx.post(f"{tenant.url}{GROUPS}", json={"name": "A"}, headers=headers).json()["data"]
    b = httpx.post(f"{tenant.url}{GROUPS}", json={"name": "B"}, headers=headers).json()["data"]
    assert a["tariffIds"] != b["tariffIds"]
