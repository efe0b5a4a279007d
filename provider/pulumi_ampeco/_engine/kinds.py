# Generated from specs/__init__.py (REGISTRY) by `python -m pulumi_ampeco._codegen`. Do not edit by hand.
"""The resource kinds ``AmpecoProvider`` accepts, without importing the specs.

A Pulumi program constructs an ``AmpecoProvider`` per resource but never calls it; checking the
kind against this tuple instead of ``specs.REGISTRY`` keeps pydantic and the spec models out of
the program.
"""

from __future__ import annotations

KINDS: tuple[str, ...] = (
    "ChargePoint",
    "ChargingZone",
    "Connector",
    "Evse",
    "IdTag",
    "Location",
    "Tariff",
    "TariffGroup",
)
