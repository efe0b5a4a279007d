"""Paths, sample bodies and a factory shared by the emulator contract tests."""

from __future__ import annotations

import itertools
from typing import Any

import httpx

R = "/public-api/resources"
ID_TAGS = f"{R}/id-tags/v2.0"
LOCATIONS = f"{R}/locations/v2.0"
CHARGE_POINTS = f"{R}/charge-points/v2.0"
EVSES_V21 = f"{R}/evses/v2.1"
TARIFFS = f"{R}/tariffs/v1.0"
TARIFF_GROUPS = f"{R}/tariff-groups/v1.0"

_counter = itertools.count(1)


def unique(prefix: str) -> str:
    return f"{prefix}-{next(_counter)}"


def zones_path(location_id: int) -> str:
    return f"{LOCATIONS}/{location_id}/charging-zones"


def evses_path(cp_id: int) -> str:
    return f"{CHARGE_POINTS}/{cp_id}/evses"


def connectors_path(cp_id: int, evse_id: int) -> str:
    return f"{CHARGE_POINTS}/{cp_id}/evses/{evse_id}/connectors"


def location_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": [{"locale": "en", "translation": "Depot"}],
        "address": [{"locale": "en", "translation": "1 Main St"}],
        "geoposition": {"latitude": 42.69, "longitude": 23.32},
        "country": "BG",
    }
    body.update(overrides)
    return body


def id_tag_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"idTagUid": unique("UID"), "status": "enabled", "type": "rfid"}
    body.update(overrides)
    return body


def evse_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "physicalReference": unique("PR"),
        "currentType": "ac",
        "networkId": "1",
        "status": "enabled",
    }
    body.update(overrides)
    return body


class Factory:
    """Creates objects through the public API and returns the ``data`` objects."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self.client.post(path, json=body)
        assert response.status_code == 201, response.text
        data: dict[str, Any] = response.json()["data"]
        return data

    def id_tag(self, **overrides: Any) -> dict[str, Any]:
        return self._post(ID_TAGS, id_tag_body(**overrides))

    def location(self, **overrides: Any) -> dict[str, Any]:
        return self._post(LOCATIONS, location_body(**overrides))

    def zone(self, location_id: int, **overrides: Any) -> dict[str, Any]:
        return self._post(zones_path(location_id), {"name": unique("zone"), "status": "enabled", **overrides})

    def charge_point(self, location_id: int | None = None, **overrides: Any) -> dict[str, Any]:
        if location_id is None:
            location_id = self.location()["id"]
        body = {"name": unique("cp"), "type": "public", "status": "enabled", "locationId": location_id}
        body.update(overrides)
        return self._post(CHARGE_POINTS, body)

    def evse(self, cp_id: int, **overrides: Any) -> dict[str, Any]:
        return self._post(evses_path(cp_id), evse_body(**overrides))

    def connector(self, cp_id: int, evse_id: int, **overrides: Any) -> dict[str, Any]:
        return self._post(connectors_path(cp_id, evse_id), {"type": "type2", **overrides})

    def tariff(self, **overrides: Any) -> dict[str, Any]:
        return self._post(TARIFFS, {"name": unique("tariff"), "type": "flat rate", **overrides})

    def tariff_group(self, **overrides: Any) -> dict[str, Any]:
        return self._post(TARIFF_GROUPS, {"name": unique("group"), **overrides})
