# placeholder, regenerated below
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pulumi_ampeco.charge_point import ChargePoint
    from pulumi_ampeco.charging_zone import ChargingZone
    from pulumi_ampeco.connector import Connector
    from pulumi_ampeco.evse import Evse
    from pulumi_ampeco.id_tag import IdTag
    from pulumi_ampeco.location import Location
    from pulumi_ampeco.tariff import Tariff
    from pulumi_ampeco.tariff_group import TariffGroup


class NetworkSections:
    locations: dict[str, Location]
    charging_zones: dict[str, ChargingZone]
    tariffs: dict[str, Tariff]
    tariff_groups: dict[str, TariffGroup]
    charge_points: dict[str, ChargePoint]
    evses: dict[str, Evse]
    connectors: dict[str, Connector]
    id_tags: dict[str, IdTag]
