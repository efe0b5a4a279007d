"""One small Pulumi program per resource type for counting API calls: a subject named "subject"
(the only object of its type in the program) plus the parents it needs.

Each ``Case`` gives the subject's arguments, an in-place ``update`` and a field to ``adopt`` with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pulumi_ampeco as ampeco


def en(text: str) -> list[dict[str, str]]:
    return [{"locale": "en", "translation": text}]


def location(resource_name: str, **extra: Any) -> ampeco.Location:
    args: dict[str, Any] = {"name": en("Depot"), "address": en("1 Main St"), "country": "BG", "city": "Sofia",
                            "geoposition": {"latitude": 42.69, "longitude": 23.32}, "external_id": f"ext-{resource_name}"}
    return ampeco.Location(resource_name, **{**args, **extra})


def charge_point(resource_name: str, site: ampeco.Location, **extra: Any) -> ampeco.ChargePoint:
    args: dict[str, Any] = {"name": "CP", "type": "public", "status": "enabled", "location_id": site.id,
                            "communication_mode": "direct_ocpp",
                            "network": {"id": f"NET-{resource_name}", "protocol": "ocpp 1.6"},
                            "tags": ["b", "a"], "capabilities": ["meter_values"]}
    return ampeco.ChargePoint(resource_name, **{**args, **extra})


def evse(resource_name: str, cp: ampeco.ChargePoint, **extra: Any) -> ampeco.Evse:
    args: dict[str, Any] = {"charge_point_id": cp.id, "network_id": "1", "physical_reference": "P-1",
                            "current_type": "ac", "status": "enabled", "label": "Left",
                            "power_options": {"max_power": 22000, "phases": "three_phase"}}
    return ampeco.Evse(resource_name, **{**args, **extra})


FULL_PRICING: dict[str, Any] = {
    "price_per_kwh": 0.32, "price_per_period": 0.02, "price_period_in_minutes": 15, "connection_fee": 1.0,
    "idle_fee_per_minute": 0.1, "idle_fee_grace_period_minutes": 10, "min_price": 0.5,
    "pre_authorize_amount": 20, "duration_fee_grace_period": 5, "lock_price_on_session_start": True,
}


def _id_tag(extra: dict[str, Any]) -> None:
    ampeco.IdTag("subject", **{"id_tag_uid": "04AA0001", "status": "enabled", "type": "rfid",
                              "id_label": "Card 1", **extra})


def _location(extra: dict[str, Any]) -> None:
    location("subject", **{"working_hours": {"is_always_open": True}, **extra})


def _zone(extra: dict[str, Any]) -> None:
    site = location("site")
    ampeco.ChargingZone("subject", **{"location_id": site.id, "name": "Staff", "status": "enabled", **extra})


def _charge_point(extra: dict[str, Any]) -> None:
    charge_point("subject", location("site"), **extra)


def _evse(extra: dict[str, Any]) -> None:
    group = ampeco.TariffGroup("group", name="Group")
    evse("subject", charge_point("cp", location("site")), tariff_group_id=group.id, **extra)


def _connector(extra: dict[str, Any]) -> None:
    cp = charge_point("cp", location("site"))
    outlet = evse("evse", cp)
    ampeco.Connector("subject", **{"charge_point_id": cp.id, "evse_id": outlet.id, "type": "type2",
                                   "format": "socket", "status": "enabled", **extra})


def _tariff(extra: dict[str, Any]) -> None:
    ampeco.Tariff("subject", **{"name": "Standard", "type": "duration+energy", "pricing": FULL_PRICING,
                                "restrictions": {"start_date": "2027-01-01"}, **extra})


def _tariff_group(extra: dict[str, Any]) -> None:
    t1 = ampeco.Tariff("t1", name="T1", type="free")
    t2 = ampeco.Tariff("t2", name="T2", type="flat rate", pricing={"price_per_session": 2})
    ampeco.TariffGroup("subject", **{"name": "Public", "tariff_ids": [t1.id, t2.id], **extra})


@dataclass
class Case:
    kind: str
    declare: Callable[[dict[str, Any]], None]
    update: dict[str, Any]
    label: str = ""
    base: dict[str, Any] = field(default_factory=dict)

    def program(self, **extra: Any) -> Callable[[], None]:
        return lambda: self.declare({**self.base, **extra})

    @property
    def name(self) -> str:
        return self.label or self.kind


CASES = [
    Case("IdTag", _id_tag, {"id_label": "Card 1b"}),
    Case("Location", _location, {"city": "Plovdiv"}),
    Case("ChargingZone", _zone, {"name": "Staff only"}),
    Case("ChargePoint", _charge_point, {"name": "CP renamed"}),
    Case("Evse", _evse, {"label": "Right"}),
    Case("Connector", _connector, {"format": "cable"}),
    Case("Tariff", _tariff, {"pricing": {**FULL_PRICING, "price_per_kwh": 0.35}}),
    Case("TariffGroup", _tariff_group, {"name": "Public 2"}),
    # The API takes integrated_at / manufactured_at on update only: a create carrying them costs a
    # POST plus a PATCH (the one exception to one call per operation).
    Case("ChargePoint", _charge_point, {"name": "CP renamed"}, label="ChargePoint + integrated_at",
         base={"integrated_at": "2026-01-15T10:00:00Z"}),
]
