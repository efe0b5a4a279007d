# Generated from specs/ (the network layout) by `python tools/codegen.py`. Do not edit by hand.
"""The typed attributes of ``ampeco.Network``: the resources of each section, by logical name."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pulumi_ampeco.charge_point import ChargePoint
    from pulumi_ampeco.charging_zone import ChargingZone
    from pulumi_ampeco.circuit import Circuit
    from pulumi_ampeco.circuit_charge_point import CircuitChargePoint
    from pulumi_ampeco.configuration_template import ConfigurationTemplate
    from pulumi_ampeco.connector import Connector
    from pulumi_ampeco.evse import Evse
    from pulumi_ampeco.id_tag import IdTag
    from pulumi_ampeco.location import Location
    from pulumi_ampeco.notification import Notification
    from pulumi_ampeco.partner import Partner
    from pulumi_ampeco.tariff import Tariff
    from pulumi_ampeco.tariff_group import TariffGroup
    from pulumi_ampeco.tax import Tax
    from pulumi_ampeco.user_group import UserGroup

__all__ = ["NetworkSections"]


class NetworkSections:
    partners: dict[str, Partner]
    """Partner resources by logical name."""
    user_groups: dict[str, UserGroup]
    """UserGroup resources by logical name."""
    locations: dict[str, Location]
    """Location resources by logical name."""
    charging_zones: dict[str, ChargingZone]
    """ChargingZone resources by logical name (qualified by the parents' names: ``parent/child``)."""
    taxes: dict[str, Tax]
    """Tax resources by logical name."""
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
    circuits: dict[str, Circuit]
    """Circuit resources by logical name."""
    circuit_charge_points: dict[str, CircuitChargePoint]
    """CircuitChargePoint resources by logical name (qualified by the parents' names: ``parent/child``)."""
    id_tags: dict[str, IdTag]
    """IdTag resources by logical name."""
    notifications: dict[str, Notification]
    """Notification resources by logical name."""
    configuration_templates: dict[str, ConfigurationTemplate]
    """ConfigurationTemplate resources by logical name."""
