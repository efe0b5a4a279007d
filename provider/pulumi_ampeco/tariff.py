# Generated from specs/tariff.py by `python tools/codegen.py`. Do not edit by hand.
"""Tariff: A tariff: how charging sessions are priced."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
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
from pulumi_ampeco.types import (
    TariffDisplayArgsDict,
    TariffPartnerArgsDict,
    TariffPricingArgsDict,
    TariffRestrictionsArgsDict,
    TariffStopSessionArgsDict,
)

__all__ = ["GetTariffResult", "Tariff", "TariffArgs", "TariffArgsDict", "get_tariff"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "name",
    "type",
    "day_tariff_start",
    "night_tariff_start",
    "pricing",
    "stop_session",
    "restrictions",
    "partner",
    "display",
    "integration_id",
    "description",
    "additional_information",
    "learn_more_url",
    "external_id",
    "currency",
    "last_updated_at",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()


class TariffArgsDict(TypedDict, total=False):
    """Arguments of Tariff as a dict (keys as in TariffArgs)."""

    name: pulumi.Input[str]
    """Name of the tariff."""
    type: pulumi.Input[Literal['free', 'flat rate', 'duration+energy', 'duration+energy time of day', 'energy tou', 'standard', 'charging not allowed', 'average power levels', 'peak power levels', 'standard_tod', 'optimised dynamic pricing']]
    """Pricing model; free and charging not allowed need nothing else."""
    day_tariff_start: pulumi.Input[str]
    """When the day tariff starts, HH:MM."""
    night_tariff_start: pulumi.Input[str]
    """When the night tariff starts, HH:MM."""
    pricing: pulumi.Input[TariffPricingArgsDict]
    """Prices and fees."""
    stop_session: pulumi.Input[TariffStopSessionArgsDict]
    """Limits that stop a session."""
    restrictions: pulumi.Input[TariffRestrictionsArgsDict]
    """Who the tariff applies to, and when."""
    partner: pulumi.Input[TariffPartnerArgsDict]
    """Partner that may edit the tariff."""
    display: pulumi.Input[TariffDisplayArgsDict]
    """Texts shown on the charger screen."""
    integration_id: pulumi.Input[int | str]
    """Integration that enables this tariff type."""
    description: pulumi.Input[Mapping[str, pulumi.Input[str]]]
    """Description per locale, e.g. {"en": "...", "fr": "..."} (declared whole)."""
    additional_information: pulumi.Input[Mapping[str, pulumi.Input[str]]]
    """Additional information per locale (declared whole)."""
    learn_more_url: pulumi.Input[Mapping[str, pulumi.Input[str]]]
    """"Learn more" link per locale (declared whole)."""
    external_id: pulumi.Input[str]
    """Your own identifier for the tariff."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class TariffArgs:
    """Arguments of Tariff."""

    name: pulumi.Input[str]
    """Name of the tariff."""
    type: pulumi.Input[Literal['free', 'flat rate', 'duration+energy', 'duration+energy time of day', 'energy tou', 'standard', 'charging not allowed', 'average power levels', 'peak power levels', 'standard_tod', 'optimised dynamic pricing']]
    """Pricing model; free and charging not allowed need nothing else."""
    day_tariff_start: pulumi.Input[str] | None = None
    """When the day tariff starts, HH:MM."""
    night_tariff_start: pulumi.Input[str] | None = None
    """When the night tariff starts, HH:MM."""
    pricing: pulumi.Input[TariffPricingArgsDict] | None = None
    """Prices and fees."""
    stop_session: pulumi.Input[TariffStopSessionArgsDict] | None = None
    """Limits that stop a session."""
    restrictions: pulumi.Input[TariffRestrictionsArgsDict] | None = None
    """Who the tariff applies to, and when."""
    partner: pulumi.Input[TariffPartnerArgsDict] | None = None
    """Partner that may edit the tariff."""
    display: pulumi.Input[TariffDisplayArgsDict] | None = None
    """Texts shown on the charger screen."""
    integration_id: pulumi.Input[int | str] | None = None
    """Integration that enables this tariff type."""
    description: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None
    """Description per locale, e.g. {"en": "...", "fr": "..."} (declared whole)."""
    additional_information: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None
    """Additional information per locale (declared whole)."""
    learn_more_url: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None
    """"Learn more" link per locale (declared whole)."""
    external_id: pulumi.Input[str] | None = None
    """Your own identifier for the tariff."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class Tariff(pulumi.dynamic.Resource, module="ampeco", name="Tariff"):
    """A tariff: how charging sessions are priced.
    
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    name: pulumi.Output[str]
    """Name of the tariff."""
    type: pulumi.Output[Literal['free', 'flat rate', 'duration+energy', 'duration+energy time of day', 'energy tou', 'standard', 'charging not allowed', 'average power levels', 'peak power levels', 'standard_tod', 'optimised dynamic pricing']]
    """Pricing model; free and charging not allowed need nothing else."""
    day_tariff_start: pulumi.Output[str | None]
    """When the day tariff starts, HH:MM."""
    night_tariff_start: pulumi.Output[str | None]
    """When the night tariff starts, HH:MM."""
    pricing: pulumi.Output[dict[str, Any] | None]
    """Prices and fees."""
    stop_session: pulumi.Output[dict[str, Any] | None]
    """Limits that stop a session."""
    restrictions: pulumi.Output[dict[str, Any] | None]
    """Who the tariff applies to, and when."""
    partner: pulumi.Output[dict[str, Any] | None]
    """Partner that may edit the tariff."""
    display: pulumi.Output[dict[str, Any] | None]
    """Texts shown on the charger screen."""
    integration_id: pulumi.Output[int | None]
    """Integration that enables this tariff type."""
    description: pulumi.Output[dict[str, str] | None]
    """Description per locale, e.g. {"en": "...", "fr": "..."} (declared whole)."""
    additional_information: pulumi.Output[dict[str, str] | None]
    """Additional information per locale (declared whole)."""
    learn_more_url: pulumi.Output[dict[str, str] | None]
    """"Learn more" link per locale (declared whole)."""
    external_id: pulumi.Output[str | None]
    """Your own identifier for the tariff."""
    currency: pulumi.Output[str | None]
    """Tenant currency of the prices."""
    last_updated_at: pulumi.Output[str | None]
    """When the tariff last changed."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: TariffArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        name: pulumi.Input[str] | None = None,
        type: pulumi.Input[Literal['free', 'flat rate', 'duration+energy', 'duration+energy time of day', 'energy tou', 'standard', 'charging not allowed', 'average power levels', 'peak power levels', 'standard_tod', 'optimised dynamic pricing']] | None = None,
        day_tariff_start: pulumi.Input[str] | None = None,
        night_tariff_start: pulumi.Input[str] | None = None,
        pricing: pulumi.Input[TariffPricingArgsDict] | None = None,
        stop_session: pulumi.Input[TariffStopSessionArgsDict] | None = None,
        restrictions: pulumi.Input[TariffRestrictionsArgsDict] | None = None,
        partner: pulumi.Input[TariffPartnerArgsDict] | None = None,
        display: pulumi.Input[TariffDisplayArgsDict] | None = None,
        integration_id: pulumi.Input[int | str] | None = None,
        description: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None,
        additional_information: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None,
        learn_more_url: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None,
        external_id: pulumi.Input[str] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "name": name,
            "type": type,
            "day_tariff_start": day_tariff_start,
            "night_tariff_start": night_tariff_start,
            "pricing": pricing,
            "stop_session": stop_session,
            "restrictions": restrictions,
            "partner": partner,
            "display": display,
            "integration_id": integration_id,
            "description": description,
            "additional_information": additional_information,
            "learn_more_url": learn_more_url,
            "external_id": external_id,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("Tariff"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> Tariff:
        """The existing tariff with this AMPECO id, read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return Tariff(resource_name, opts=read)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetTariffResult:
    """An existing tariff, as ``get_tariff`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    name: str
    """Name of the tariff."""
    type: Literal['free', 'flat rate', 'duration+energy', 'duration+energy time of day', 'energy tou', 'standard', 'charging not allowed', 'average power levels', 'peak power levels', 'standard_tod', 'optimised dynamic pricing']
    """Pricing model; free and charging not allowed need nothing else."""
    day_tariff_start: str | None = None
    """When the day tariff starts, HH:MM."""
    night_tariff_start: str | None = None
    """When the night tariff starts, HH:MM."""
    pricing: dict[str, Any] | None = None
    """Prices and fees."""
    stop_session: dict[str, Any] | None = None
    """Limits that stop a session."""
    restrictions: dict[str, Any] | None = None
    """Who the tariff applies to, and when."""
    partner: dict[str, Any] | None = None
    """Partner that may edit the tariff."""
    display: dict[str, Any] | None = None
    """Texts shown on the charger screen."""
    integration_id: int | None = None
    """Integration that enables this tariff type."""
    description: dict[str, str] | None = None
    """Description per locale, e.g. {"en": "...", "fr": "..."} (declared whole)."""
    additional_information: dict[str, str] | None = None
    """Additional information per locale (declared whole)."""
    learn_more_url: dict[str, str] | None = None
    """"Learn more" link per locale (declared whole)."""
    external_id: str | None = None
    """Your own identifier for the tariff."""
    currency: str | None = None
    """Tenant currency of the prices."""
    last_updated_at: str | None = None
    """When the tariff last changed."""


def get_tariff(
    *,
    id: int | str | None = None,
    name: str | None = None,
) -> GetTariffResult:
    """Look up an existing tariff in the stack's tenant by its AMPECO ``id`` or by ``name``.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("Tariff", id=id, key={"name": name}, parents={})
    return GetTariffResult(**found)
