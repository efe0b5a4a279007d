# Generated from specs/__init__.py (REGISTRY) by `python tools/codegen.py`. Do not edit by hand.
"""The registry's kinds and file stems, and the sets', without importing the specs.

A Pulumi program constructs an ``AmpecoProvider`` per resource but never calls it; checking the
kind against this tuple instead of ``specs.REGISTRY`` keeps pydantic and the spec models out of
the program, as ``MODULES`` keeps them out of ``pulumi-ampeco --help``.
"""

from __future__ import annotations

KINDS: tuple[str, ...] = (
    "ChargePoint",
    "ChargingZone",
    "Circuit",
    "CircuitChargePoint",
    "ConfigurationTemplate",
    "Connector",
    "Evse",
    "IdTag",
    "IdTagSet",
    "Location",
    "Notification",
    "Partner",
    "Tariff",
    "TariffGroup",
    "Tax",
    "UserGroup",
)
"""Resource kinds, sorted."""

MODULES: tuple[str, ...] = (
    "id_tag",
    "location",
    "charging_zone",
    "tariff",
    "tariff_group",
    "charge_point",
    "evse",
    "connector",
    "partner",
    "user_group",
    "tax",
    "circuit",
    "circuit_charge_point",
    "notification",
    "configuration_template",
)
"""Their file stems (``id_tag``, ...), in REGISTRY order."""

SET_KINDS: tuple[str, ...] = (
    "IdTagSet",
)
"""The kinds that are sets of another kind (``specs.SETS``), sorted."""

SET_FIELDS: dict[str, str] = {
    "IdTagSet": "tags",
}
"""Each set kind's member mapping argument (the preview summary counts its members)."""
