# Generated from specs/evse.py by `python tools/codegen.py`. Do not edit by hand.
"""Evse: An EVSE (charging outlet) of a charge point."""

from __future__ import annotations

import dataclasses
from typing import Any, Literal, TypedDict

import pulumi
import pulumi.dynamic

from pulumi_ampeco._engine.provider import AmpecoProvider
from pulumi_ampeco._lookup import find
from pulumi_ampeco._surface import (
    resolved_annotations,
    resource_options,
    resource_props,
    sdk_pickler_restored,
)
from pulumi_ampeco.types import EvsePowerOptionsArgsDict

__all__ = ["Evse", "EvseArgs", "EvseArgsDict", "GetEvseResult", "get_evse"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "charge_point_id",
    "network_id",
    "physical_reference",
    "current_type",
    "status",
    "label",
    "mid_meter_certification_end_year",
    "tariff_group_id",
    "allows_reservation",
    "booking_enabled",
    "power_options",
    "external_id",
    "hardware_status",
    "roaming_operator_id",
    "created_at",
    "last_updated_at",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()


class EvseArgsDict(TypedDict, total=False):
    """Arguments of Evse as a dict (keys as in EvseArgs)."""

    charge_point_id: pulumi.Input[int]
    """The charge point this EVSE belongs to."""
    network_id: pulumi.Input[str]
    """OCPP EVSE id: consecutive numbers from 1 within the charge point."""
    physical_reference: pulumi.Input[str]
    """Identifier shown to drivers on site (label, QR)."""
    current_type: pulumi.Input[Literal['ac', 'dc']]
    """Current type."""
    status: pulumi.Input[Literal['enabled', 'disabled', 'out of order']]
    """Operational status."""
    label: pulumi.Input[str]
    """Label shown in the mobile app."""
    mid_meter_certification_end_year: pulumi.Input[int]
    """Year the MID meter certification ends."""
    tariff_group_id: pulumi.Input[int | str]
    """Tariff group; when omitted the tenant's default free tariff group applies."""
    allows_reservation: pulumi.Input[bool]
    """Drivers may reserve it; booking_enabled turns it on."""
    booking_enabled: pulumi.Input[bool]
    """Drivers may book it (also turns on reservations)."""
    power_options: pulumi.Input[EvsePowerOptionsArgsDict]
    """Electrical limits."""
    external_id: pulumi.Input[str]
    """Your own identifier for the EVSE."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class EvseArgs:
    """Arguments of Evse."""

    charge_point_id: pulumi.Input[int]
    """The charge point this EVSE belongs to."""
    network_id: pulumi.Input[str]
    """OCPP EVSE id: consecutive numbers from 1 within the charge point."""
    physical_reference: pulumi.Input[str]
    """Identifier shown to drivers on site (label, QR)."""
    current_type: pulumi.Input[Literal['ac', 'dc']]
    """Current type."""
    status: pulumi.Input[Literal['enabled', 'disabled', 'out of order']]
    """Operational status."""
    label: pulumi.Input[str] | None = None
    """Label shown in the mobile app."""
    mid_meter_certification_end_year: pulumi.Input[int] | None = None
    """Year the MID meter certification ends."""
    tariff_group_id: pulumi.Input[int | str] | None = None
    """Tariff group; when omitted the tenant's default free tariff group applies."""
    allows_reservation: pulumi.Input[bool] | None = None
    """Drivers may reserve it; booking_enabled turns it on."""
    booking_enabled: pulumi.Input[bool] | None = None
    """Drivers may book it (also turns on reservations)."""
    power_options: pulumi.Input[EvsePowerOptionsArgsDict] | None = None
    """Electrical limits."""
    external_id: pulumi.Input[str] | None = None
    """Your own identifier for the EVSE."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class Evse(pulumi.dynamic.Resource, module="ampeco", name="Evse"):
    """An EVSE (charging outlet) of a charge point.
    
    Changing charge_point_id replaces the object.
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    charge_point_id: pulumi.Output[int]
    """The charge point this EVSE belongs to."""
    network_id: pulumi.Output[str]
    """OCPP EVSE id: consecutive numbers from 1 within the charge point."""
    physical_reference: pulumi.Output[str]
    """Identifier shown to drivers on site (label, QR)."""
    current_type: pulumi.Output[Literal['ac', 'dc']]
    """Current type."""
    status: pulumi.Output[Literal['enabled', 'disabled', 'out of order']]
    """Operational status."""
    label: pulumi.Output[str | None]
    """Label shown in the mobile app."""
    mid_meter_certification_end_year: pulumi.Output[int | None]
    """Year the MID meter certification ends."""
    tariff_group_id: pulumi.Output[int | None]
    """Tariff group; when omitted the tenant's default free tariff group applies."""
    allows_reservation: pulumi.Output[bool | None]
    """Drivers may reserve it; booking_enabled turns it on."""
    booking_enabled: pulumi.Output[bool | None]
    """Drivers may book it (also turns on reservations)."""
    power_options: pulumi.Output[dict[str, Any] | None]
    """Electrical limits."""
    external_id: pulumi.Output[str | None]
    """Your own identifier for the EVSE."""
    hardware_status: pulumi.Output[str | None]
    """Live hardware status."""
    roaming_operator_id: pulumi.Output[int | None]
    """Roaming operator, if roaming."""
    created_at: pulumi.Output[str | None]
    """When the EVSE was created."""
    last_updated_at: pulumi.Output[str | None]
    """When the EVSE last changed."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: EvseArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        charge_point_id: pulumi.Input[int] | None = None,
        network_id: pulumi.Input[str] | None = None,
        physical_reference: pulumi.Input[str] | None = None,
        current_type: pulumi.Input[Literal['ac', 'dc']] | None = None,
        status: pulumi.Input[Literal['enabled', 'disabled', 'out of order']] | None = None,
        label: pulumi.Input[str] | None = None,
        mid_meter_certification_end_year: pulumi.Input[int] | None = None,
        tariff_group_id: pulumi.Input[int | str] | None = None,
        allows_reservation: pulumi.Input[bool] | None = None,
        booking_enabled: pulumi.Input[bool] | None = None,
        power_options: pulumi.Input[EvsePowerOptionsArgsDict] | None = None,
        external_id: pulumi.Input[str] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "charge_point_id": charge_point_id,
            "network_id": network_id,
            "physical_reference": physical_reference,
            "current_type": current_type,
            "status": status,
            "label": label,
            "mid_meter_certification_end_year": mid_meter_certification_end_year,
            "tariff_group_id": tariff_group_id,
            "allows_reservation": allows_reservation,
            "booking_enabled": booking_enabled,
            "power_options": power_options,
            "external_id": external_id,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("Evse"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
        *,
        charge_point_id: pulumi.Input[int],
    ) -> Evse:
        """The existing EVSE with this AMPECO id (under its charge_point_id), read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return Evse(resource_name, opts=read, charge_point_id=charge_point_id)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetEvseResult:
    """An existing EVSE, as ``get_evse`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    charge_point_id: int
    """The charge point this EVSE belongs to."""
    network_id: str
    """OCPP EVSE id: consecutive numbers from 1 within the charge point."""
    physical_reference: str
    """Identifier shown to drivers on site (label, QR)."""
    current_type: Literal['ac', 'dc']
    """Current type."""
    status: Literal['enabled', 'disabled', 'out of order']
    """Operational status."""
    label: str | None = None
    """Label shown in the mobile app."""
    mid_meter_certification_end_year: int | None = None
    """Year the MID meter certification ends."""
    tariff_group_id: int | None = None
    """Tariff group; when omitted the tenant's default free tariff group applies."""
    allows_reservation: bool | None = None
    """Drivers may reserve it; booking_enabled turns it on."""
    booking_enabled: bool | None = None
    """Drivers may book it (also turns on reservations)."""
    power_options: dict[str, Any] | None = None
    """Electrical limits."""
    external_id: str | None = None
    """Your own identifier for the EVSE."""
    hardware_status: str | None = None
    """Live hardware status."""
    roaming_operator_id: int | None = None
    """Roaming operator, if roaming."""
    created_at: str | None = None
    """When the EVSE was created."""
    last_updated_at: str | None = None
    """When the EVSE last changed."""


def get_evse(
    *,
    charge_point_id: int | str,
    id: int | str | None = None,
    network_id: str | None = None,
) -> GetEvseResult:
    """Look up an existing EVSE in the stack's tenant by its AMPECO ``id`` or by ``network_id``,
    within its charge_point_id.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("Evse", id=id, key={"network_id": network_id}, parents={"charge_point_id": charge_point_id})
    return GetEvseResult(**found)
