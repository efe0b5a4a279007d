# Generated from specs/charging_zone.py by `python tools/codegen.py`. Do not edit by hand.
"""ChargingZone: A named zone inside a location."""

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
from pulumi_ampeco.types import ChargingZoneAdditionalInfoArgsDict

__all__ = ["ChargingZone", "ChargingZoneArgs", "ChargingZoneArgsDict", "GetChargingZoneResult", "get_charging_zone"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "location_id",
    "name",
    "status",
    "additional_info",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()


class ChargingZoneArgsDict(TypedDict, total=False):
    """Arguments of ChargingZone as a dict (keys as in ChargingZoneArgs)."""

    location_id: pulumi.Input[int]
    """The location the zone belongs to."""
    name: pulumi.Input[str]
    """Internal name, not shown to drivers."""
    status: pulumi.Input[Literal['enabled', 'disabled']]
    """Whether the zone is in use."""
    additional_info: pulumi.Input[ChargingZoneAdditionalInfoArgsDict]
    """Information shown to drivers."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class ChargingZoneArgs:
    """Arguments of ChargingZone."""

    location_id: pulumi.Input[int]
    """The location the zone belongs to."""
    name: pulumi.Input[str]
    """Internal name, not shown to drivers."""
    status: pulumi.Input[Literal['enabled', 'disabled']]
    """Whether the zone is in use."""
    additional_info: pulumi.Input[ChargingZoneAdditionalInfoArgsDict] | None = None
    """Information shown to drivers."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class ChargingZone(pulumi.dynamic.Resource, module="ampeco", name="ChargingZone"):
    """A named zone inside a location.
    
    Changing location_id replaces the object.
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    location_id: pulumi.Output[int]
    """The location the zone belongs to."""
    name: pulumi.Output[str]
    """Internal name, not shown to drivers."""
    status: pulumi.Output[Literal['enabled', 'disabled']]
    """Whether the zone is in use."""
    additional_info: pulumi.Output[dict[str, Any] | None]
    """Information shown to drivers."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: ChargingZoneArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        location_id: pulumi.Input[int] | None = None,
        name: pulumi.Input[str] | None = None,
        status: pulumi.Input[Literal['enabled', 'disabled']] | None = None,
        additional_info: pulumi.Input[ChargingZoneAdditionalInfoArgsDict] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "location_id": location_id,
            "name": name,
            "status": status,
            "additional_info": additional_info,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("ChargingZone"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
        *,
        location_id: pulumi.Input[int],
    ) -> ChargingZone:
        """The existing charging zone with this AMPECO id (under its location_id), read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return ChargingZone(resource_name, opts=read, location_id=location_id)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetChargingZoneResult:
    """An existing charging zone, as ``get_charging_zone`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    location_id: int
    """The location the zone belongs to."""
    name: str
    """Internal name, not shown to drivers."""
    status: Literal['enabled', 'disabled']
    """Whether the zone is in use."""
    additional_info: dict[str, Any] | None = None
    """Information shown to drivers."""


def get_charging_zone(
    *,
    location_id: int | str,
    id: int | str | None = None,
    name: str | None = None,
) -> GetChargingZoneResult:
    """Look up an existing charging zone in the stack's tenant by its AMPECO ``id`` or by ``name``,
    within its location_id.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("ChargingZone", id=id, key={"name": name}, parents={"location_id": location_id})
    return GetChargingZoneResult(**found)
