# Generated from specs/ (the network layout) by `python tools/codegen.py`. Do not edit by hand.
"""The typed attributes of ``ampeco.Network``: the resources of each section, by logical name."""

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

__all__ = ["NetworkSections"]


class NetworkSections:
    locations: dict[str, Location]
    """Location resources by logical name."""
    charging_zones: dict[str, ChargingZone]
    """ChargingZone resources by logical name (qualified by the parents' names: ``parent/child``)."""
    tariffs: dict[str, Tariff]
    """Tariff resources by logical name."""
    tariff_groups: dict[str, TariffGroup]
    """TariffGroup resources by logical name."""
    charge_points: dict[str, ChargePoint]
    """ChargePoint resources by logical name."""
    evses: dict[str, Evse]
    """Evse resources by logical name (qualified by the parents' names: ``parent/child``)."""
    connectors: dict[str, Connector]
    """Connector resources by logical name (qualified by the parents' names: ``parent/child``)."""
    id_tags: dict[str, IdTag]
    """IdTag resources by logical name."""
