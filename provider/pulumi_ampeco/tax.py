# Generated from specs/tax.py by `python tools/codegen.py`. Do not edit by hand.
"""Tax: A tax: a rate tariffs apply on a tenant with multi-tax support."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, TypedDict

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
from pulumi_ampeco.types import TranslationArgsDict

__all__ = ["GetTaxResult", "Tax", "TaxArgs", "TaxArgsDict", "get_tax"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "name",
    "display_name",
    "percentage",
    "tax_identification_number_id",
    "last_updated_at",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()


class TaxArgsDict(TypedDict, total=False):
    """Arguments of Tax as a dict (keys as in TaxArgs)."""

    name: pulumi.Input[str]
    """Name of the tax."""
    display_name: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]]
    """Name shown to drivers, one entry per locale."""
    percentage: pulumi.Input[float]
    """Tax rate in percent (a decimal, e.g. 20 or 9.5)."""
    tax_identification_number_id: pulumi.Input[int | str]
    """Tax identification number the tax is charged under."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class TaxArgs:
    """Arguments of Tax."""

    name: pulumi.Input[str]
    """Name of the tax."""
    percentage: pulumi.Input[float]
    """Tax rate in percent (a decimal, e.g. 20 or 9.5)."""
    display_name: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]] | None = None
    """Name shown to drivers, one entry per locale."""
    tax_identification_number_id: pulumi.Input[int | str] | None = None
    """Tax identification number the tax is charged under."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class Tax(pulumi.dynamic.Resource, module="ampeco", name="Tax"):
    """A tax: a rate tariffs apply on a tenant with multi-tax support.
    
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    name: pulumi.Output[str]
    """Name of the tax."""
    display_name: pulumi.Output[list[dict[str, Any]] | None]
    """Name shown to drivers, one entry per locale."""
    percentage: pulumi.Output[float]
    """Tax rate in percent (a decimal, e.g. 20 or 9.5)."""
    tax_identification_number_id: pulumi.Output[int | None]
    """Tax identification number the tax is charged under."""
    last_updated_at: pulumi.Output[str | None]
    """When the tax last changed."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: TaxArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        name: pulumi.Input[str] | None = None,
        display_name: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]] | None = None,
        percentage: pulumi.Input[float] | None = None,
        tax_identification_number_id: pulumi.Input[int | str] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "name": name,
            "display_name": display_name,
            "percentage": percentage,
            "tax_identification_number_id": tax_identification_number_id,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("Tax"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> Tax:
        """The existing tax with this AMPECO id, read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return Tax(resource_name, opts=read)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetTaxResult:
    """An existing tax, as ``get_tax`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    name: str
    """Name of the tax."""
    display_name: list[dict[str, Any]] | None = None
    """Name shown to drivers, one entry per locale."""
    percentage: float
    """Tax rate in percent (a decimal, e.g. 20 or 9.5)."""
    tax_identification_number_id: int | None = None
    """Tax identification number the tax is charged under."""
    last_updated_at: str | None = None
    """When the tax last changed."""


def get_tax(
    *,
    id: int | str | None = None,
    name: str | None = None,
) -> GetTaxResult:
    """Look up an existing tax in the stack's tenant by its AMPECO ``id`` or by ``name``.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("Tax", id=id, key={"name": name}, parents={})
    return GetTaxResult(**found)
