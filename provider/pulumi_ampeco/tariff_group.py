# Generated from specs/tariff_group.py by `python tools/codegen.py`. Do not edit by hand.
"""TariffGroup: A tariff group: the ordered tariffs an EVSE offers."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypedDict

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

__all__ = ["GetTariffGroupResult", "TariffGroup", "TariffGroupArgs", "TariffGroupArgsDict", "get_tariff_group"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "name",
    "tariff_ids",
    "partner_id",
    "last_updated_at",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()


class TariffGroupArgsDict(TypedDict, total=False):
    """Arguments of TariffGroup as a dict (keys as in TariffGroupArgs)."""

    name: pulumi.Input[str]
    """Name of the tariff group."""
    tariff_ids: pulumi.Input[Sequence[pulumi.Input[int | str]]]
    """Tariffs in evaluation order: the last matching one wins. The free base tariff the API adds on create is kept in front and is not part of this list."""
    partner_id: pulumi.Input[int | str]
    """Partner that may edit the group."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class TariffGroupArgs:
    """Arguments of TariffGroup."""

    name: pulumi.Input[str]
    """Name of the tariff group."""
    tariff_ids: pulumi.Input[Sequence[pulumi.Input[int | str]]] | None = None
    """Tariffs in evaluation order: the last matching one wins. The free base tariff the API adds on create is kept in front and is not part of this list."""
    partner_id: pulumi.Input[int | str] | None = None
    """Partner that may edit the group."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class TariffGroup(pulumi.dynamic.Resource, module="ampeco", name="TariffGroup"):
    """A tariff group: the ordered tariffs an EVSE offers.
    
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    name: pulumi.Output[str]
    """Name of the tariff group."""
    tariff_ids: pulumi.Output[list[int] | None]
    """Tariffs in evaluation order: the last matching one wins. The free base tariff the API adds on create is kept in front and is not part of this list."""
    partner_id: pulumi.Output[int | None]
    """Partner that may edit the group."""
    last_updated_at: pulumi.Output[str | None]
    """When the group last changed."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: TariffGroupArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        name: pulumi.Input[str] | None = None,
        tariff_ids: pulumi.Input[Sequence[pulumi.Input[int | str]]] | None = None,
        partner_id: pulumi.Input[int | str] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "name": name,
            "tariff_ids": tariff_ids,
            "partner_id": partner_id,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("TariffGroup"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> TariffGroup:
        """The existing tariff group with this AMPECO id, read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return TariffGroup(resource_name, opts=read)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetTariffGroupResult:
    """An existing tariff group, as ``get_tariff_group`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    name: str
    """Name of the tariff group."""
    tariff_ids: list[int] | None = None
    """Tariffs in evaluation order: the last matching one wins. The free base tariff the API adds on create is kept in front and is not part of this list."""
    partner_id: int | None = None
    """Partner that may edit the group."""
    last_updated_at: str | None = None
    """When the group last changed."""


def get_tariff_group(
    *,
    id: int | str | None = None,
    name: str | None = None,
) -> GetTariffGroupResult:
    """Look up an existing tariff group in the stack's tenant by its AMPECO ``id`` or by ``name``.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("TariffGroup", id=id, key={"name": name}, parents={})
    return GetTariffGroupResult(**found)
