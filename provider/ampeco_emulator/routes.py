"""Every (method, path) the emulator serves -> its handler, in ONE table, plus the matcher.

Paths are exactly the reference's (REFERENCE.md §2-§5). A path that matches with another method
is a 405 listing the supported methods (GET implies HEAD, as in Laravel); anything else is a 404.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .errors import MethodNotAllowed, route_not_found
from .handlers import Handler, create_handler, delete_handler, list_handler, read_handler, update_handler
from .resources import RESOURCES

ID_TAG = RESOURCES["id_tag"]
LOCATION = RESOURCES["location"]
ZONE = RESOURCES["charging_zone"]
CHARGE_POINT = RESOURCES["charge_point"]
EVSE = RESOURCES["evse"]
CONNECTOR = RESOURCES["connector"]
TARIFF = RESOURCES["tariff"]
TARIFF_GROUP = RESOURCES["tariff_group"]

R = "/public-api/resources"
CP_EVSES = f"{R}/charge-points/v2.0/{{chargePoint}}/evses"
CONNECTORS = f"{CP_EVSES}/{{evse}}/connectors"

ROUTES: list[tuple[str, str, Handler]] = [
    # id tags
    ("GET", f"{R}/id-tags/v2.0", list_handler(ID_TAG)),
    ("POST", f"{R}/id-tags/v2.0", create_handler(ID_TAG)),
    ("GET", f"{R}/id-tags/v2.0/{{idTag}}", read_handler(ID_TAG, "idTag")),
    ("PATCH", f"{R}/id-tags/v2.0/{{idTag}}", update_handler(ID_TAG, "idTag")),
    ("DELETE", f"{R}/id-tags/v2.0/{{idTag}}", delete_handler(ID_TAG, "idTag")),
    # locations
    ("GET", f"{R}/locations/v2.0", list_handler(LOCATION)),
    ("POST", f"{R}/locations/v2.0", create_handler(LOCATION)),
    ("GET", f"{R}/locations/v2.0/{{location}}", read_handler(LOCATION, "location")),
    ("PATCH", f"{R}/locations/v2.0/{{location}}", update_handler(LOCATION, "location")),
    ("DELETE", f"{R}/locations/v2.0/{{location}}", delete_handler(LOCATION, "location")),
    # charging zones (nested under a location)
    ("GET", f"{R}/locations/v2.0/{{location}}/charging-zones",
     list_handler(ZONE, scope=("location", "locationId"))),
    ("POST", f"{R}/locations/v2.0/{{location}}/charging-zones", create_handler(ZONE)),
    ("GET", f"{R}/locations/v2.0/{{location}}/charging-zones/{{chargingZone}}",
     read_handler(ZONE, "chargingZone")),
    ("PATCH", f"{R}/locations/v2.0/{{location}}/charging-zones/{{chargingZone}}",
     update_handler(ZONE, "chargingZone")),
    ("DELETE", f"{R}/locations/v2.0/{{location}}/charging-zones/{{chargingZone}}",
     delete_handler(ZONE, "chargingZone")),
    # charge points
    ("GET", f"{R}/charge-points/v2.0", list_handler(CHARGE_POINT)),
    ("POST", f"{R}/charge-points/v2.0", create_handler(CHARGE_POINT)),
    ("GET", f"{R}/charge-points/v2.0/{{chargePoint}}", read_handler(CHARGE_POINT, "chargePoint")),
    ("PATCH", f"{R}/charge-points/v2.0/{{chargePoint}}", update_handler(CHARGE_POINT, "chargePoint")),
    ("DELETE", f"{R}/charge-points/v2.0/{{chargePoint}}", delete_handler(CHARGE_POINT, "chargePoint")),
    # EVSEs, nested under a charge point
    ("GET", CP_EVSES, list_handler(EVSE, scope=("chargePoint", "chargePointId"))),
    ("POST", CP_EVSES, create_handler(EVSE)),
    ("GET", f"{CP_EVSES}/{{evse}}", read_handler(EVSE, "evse")),
    ("PATCH", f"{CP_EVSES}/{{evse}}", update_handler(EVSE, "evse")),
    ("DELETE", f"{CP_EVSES}/{{evse}}", delete_handler(EVSE, "evse")),
    # EVSEs, standalone v2.1 (body and response carry chargePointId)
    ("GET", f"{R}/evses/v2.1", list_handler(EVSE, variant="v2.1")),
    ("POST", f"{R}/evses/v2.1", create_handler(EVSE, variant="v2.1")),
    ("GET", f"{R}/evses/v2.1/{{evse}}", read_handler(EVSE, "evse", variant="v2.1")),
    ("PATCH", f"{R}/evses/v2.1/{{evse}}", update_handler(EVSE, "evse", variant="v2.1")),
    ("DELETE", f"{R}/evses/v2.1/{{evse}}", delete_handler(EVSE, "evse")),
    # connectors, nested under an EVSE of a charge point; listing is {"data": [...]} only
    ("GET", CONNECTORS, list_handler(CONNECTOR, scope=("evse", "_evseId"), paginated=False)),
    ("POST", CONNECTORS, create_handler(CONNECTOR)),
    ("GET", f"{CONNECTORS}/{{connector}}", read_handler(CONNECTOR, "connector")),
    ("PATCH", f"{CONNECTORS}/{{connector}}", update_handler(CONNECTOR, "connector")),
    ("DELETE", f"{CONNECTORS}/{{connector}}", delete_handler(CONNECTOR, "connector")),
    # tariffs (PUT = full replacement)
    ("GET", f"{R}/tariffs/v1.0", list_handler(TARIFF)),
    ("POST", f"{R}/tariffs/v1.0", create_handler(TARIFF)),
    ("GET", f"{R}/tariffs/v1.0/{{tariff}}", read_handler(TARIFF, "tariff")),
    ("PUT", f"{R}/tariffs/v1.0/{{tariff}}", update_handler(TARIFF, "tariff")),
    ("DELETE", f"{R}/tariffs/v1.0/{{tariff}}", delete_handler(TARIFF, "tariff")),
    # tariff groups (PUT = full replacement)
    ("GET", f"{R}/tariff-groups/v1.0", list_handler(TARIFF_GROUP)),
    ("POST", f"{R}/tariff-groups/v1.0", create_handler(TARIFF_GROUP)),
    ("GET", f"{R}/tariff-groups/v1.0/{{tariffGroup}}", read_handler(TARIFF_GROUP, "tariffGroup")),
    ("PUT", f"{R}/tariff-groups/v1.0/{{tariffGroup}}", update_handler(TARIFF_GROUP, "tariffGroup")),
    ("DELETE", f"{R}/tariff-groups/v1.0/{{tariffGroup}}", delete_handler(TARIFF_GROUP, "tariffGroup")),
]  # fmt: skip

_PARAM = re.compile(r"\{(\w+)\}")


def _compile(template: str) -> re.Pattern[str]:
    parts = _PARAM.split(template)  # literal, name, literal, name, ...
    body = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>[^/]+)" for i, p in enumerate(parts))
    return re.compile(f"^{body}$")


class Router:
    """Templates compiled once; ``match`` returns (handler, path params) or raises 404 / 405."""

    def __init__(self, table: Sequence[tuple[str, str, Handler]]) -> None:
        self._templates: dict[str, tuple[re.Pattern[str], dict[str, Handler]]] = {}
        for method, template, handler in table:
            if template not in self._templates:
                self._templates[template] = (_compile(template), {})
            self._templates[template][1][method] = handler
        # exact (parameter-free) templates first for speed
        self._exact = {t: m for t, (p, m) in self._templates.items() if "{" not in t}

    def match(self, method: str, path: str) -> tuple[Handler, dict[str, str]]:
        if len(path) > 1 and path.endswith("/"):
            path = path.rstrip("/")
        lookup = "GET" if method == "HEAD" else method
        methods = self._exact.get(path)
        params: dict[str, str] = {}
        if methods is None:
            for pattern, candidate in self._templates.values():
                found = pattern.match(path)
                if found:
                    methods, params = candidate, found.groupdict()
                    break
        if methods is None:
            raise route_not_found(path)
        handler = methods.get(lookup)
        if handler is None:
            supported: list[str] = []
            for name in methods:
                supported.append(name)
                if name == "GET":
                    supported.append("HEAD")
            raise MethodNotAllowed(
                f"The {method} method is not supported for route {path.lstrip('/')}. "
                f"Supported methods: {', '.join(supported)}."
            )
        return handler, params


ROUTER = Router(ROUTES)
