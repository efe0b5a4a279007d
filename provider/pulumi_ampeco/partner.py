# Generated from specs/partner.py by `python tools/codegen.py`. Do not edit by hand.
"""Partner: A partner: a company that owns, operates or uses part of the network."""

from __future__ import annotations

import dataclasses
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
from pulumi_ampeco.types import (
    PartnerBankDetailsArgsDict,
    PartnerContactDetailsArgsDict,
    PartnerCorporateBillingArgsDict,
    PartnerNotificationsArgsDict,
    PartnerOptionsArgsDict,
)

__all__ = ["GetPartnerResult", "Partner", "PartnerArgs", "PartnerArgsDict", "get_partner"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "name",
    "business_name",
    "reg_no",
    "vat_no",
    "address",
    "postcode",
    "city",
    "country",
    "region",
    "state",
    "contact_details",
    "notifications",
    "monthly_platform_fee",
    "options",
    "corporate_billing",
    "external_id",
    "bank_details",
    "last_updated_at",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()


class PartnerArgsDict(TypedDict, total=False):
    """Arguments of Partner as a dict (keys as in PartnerArgs)."""

    name: pulumi.Input[str]
    """Company name of the partner."""
    business_name: pulumi.Input[str]
    """Name shown to drivers and admins (the API uses name when it is not set)."""
    reg_no: pulumi.Input[str]
    """Company registration number."""
    vat_no: pulumi.Input[str]
    """VAT number."""
    address: pulumi.Input[str]
    """Street address."""
    postcode: pulumi.Input[str]
    """Postal code."""
    city: pulumi.Input[str]
    """City."""
    country: pulumi.Input[str]
    """ISO 3166-1 alpha-2 country code."""
    region: pulumi.Input[str]
    """Region, for countries outside US, AU, CA, UM and RO."""
    state: pulumi.Input[str]
    """Subdivision code, for US, AU, CA, UM and RO."""
    contact_details: pulumi.Input[PartnerContactDetailsArgsDict]
    """Administrative, technical and billing contacts."""
    notifications: pulumi.Input[PartnerNotificationsArgsDict]
    """E-mails the partner receives."""
    monthly_platform_fee: pulumi.Input[float]
    """Monthly platform fee."""
    options: pulumi.Input[PartnerOptionsArgsDict]
    """What the partner's admins and API tokens may do."""
    corporate_billing: pulumi.Input[PartnerCorporateBillingArgsDict]
    """Corporate billing of the partner."""
    external_id: pulumi.Input[str]
    """Your own identifier for the partner."""
    bank_details: pulumi.Input[PartnerBankDetailsArgsDict]
    """Bank account of the partner."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class PartnerArgs:
    """Arguments of Partner."""

    name: pulumi.Input[str]
    """Company name of the partner."""
    business_name: pulumi.Input[str] | None = None
    """Name shown to drivers and admins (the API uses name when it is not set)."""
    reg_no: pulumi.Input[str] | None = None
    """Company registration number."""
    vat_no: pulumi.Input[str] | None = None
    """VAT number."""
    address: pulumi.Input[str] | None = None
    """Street address."""
    postcode: pulumi.Input[str] | None = None
    """Postal code."""
    city: pulumi.Input[str] | None = None
    """City."""
    country: pulumi.Input[str] | None = None
    """ISO 3166-1 alpha-2 country code."""
    region: pulumi.Input[str] | None = None
    """Region, for countries outside US, AU, CA, UM and RO."""
    state: pulumi.Input[str] | None = None
    """Subdivision code, for US, AU, CA, UM and RO."""
    contact_details: pulumi.Input[PartnerContactDetailsArgsDict] | None = None
    """Administrative, technical and billing contacts."""
    notifications: pulumi.Input[PartnerNotificationsArgsDict] | None = None
    """E-mails the partner receives."""
    monthly_platform_fee: pulumi.Input[float] | None = None
    """Monthly platform fee."""
    options: pulumi.Input[PartnerOptionsArgsDict] | None = None
    """What the partner's admins and API tokens may do."""
    corporate_billing: pulumi.Input[PartnerCorporateBillingArgsDict] | None = None
    """Corporate billing of the partner."""
    external_id: pulumi.Input[str] | None = None
    """Your own identifier for the partner."""
    bank_details: pulumi.Input[PartnerBankDetailsArgsDict] | None = None
    """Bank account of the partner."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class Partner(pulumi.dynamic.Resource, module="ampeco", name="Partner"):
    """A partner: a company that owns, operates or uses part of the network.
    
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    name: pulumi.Output[str]
    """Company name of the partner."""
    business_name: pulumi.Output[str | None]
    """Name shown to drivers and admins (the API uses name when it is not set)."""
    reg_no: pulumi.Output[str | None]
    """Company registration number."""
    vat_no: pulumi.Output[str | None]
    """VAT number."""
    address: pulumi.Output[str | None]
    """Street address."""
    postcode: pulumi.Output[str | None]
    """Postal code."""
    city: pulumi.Output[str | None]
    """City."""
    country: pulumi.Output[str | None]
    """ISO 3166-1 alpha-2 country code."""
    region: pulumi.Output[str | None]
    """Region, for countries outside US, AU, CA, UM and RO."""
    state: pulumi.Output[str | None]
    """Subdivision code, for US, AU, CA, UM and RO."""
    contact_details: pulumi.Output[dict[str, Any] | None]
    """Administrative, technical and billing contacts."""
    notifications: pulumi.Output[dict[str, Any] | None]
    """E-mails the partner receives."""
    monthly_platform_fee: pulumi.Output[float | None]
    """Monthly platform fee."""
    options: pulumi.Output[dict[str, Any] | None]
    """What the partner's admins and API tokens may do."""
    corporate_billing: pulumi.Output[dict[str, Any] | None]
    """Corporate billing of the partner."""
    external_id: pulumi.Output[str | None]
    """Your own identifier for the partner."""
    bank_details: pulumi.Output[dict[str, Any] | None]
    """Bank account of the partner."""
    last_updated_at: pulumi.Output[str | None]
    """When the partner last changed."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: PartnerArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        name: pulumi.Input[str] | None = None,
        business_name: pulumi.Input[str] | None = None,
        reg_no: pulumi.Input[str] | None = None,
        vat_no: pulumi.Input[str] | None = None,
        address: pulumi.Input[str] | None = None,
        postcode: pulumi.Input[str] | None = None,
        city: pulumi.Input[str] | None = None,
        country: pulumi.Input[str] | None = None,
        region: pulumi.Input[str] | None = None,
        state: pulumi.Input[str] | None = None,
        contact_details: pulumi.Input[PartnerContactDetailsArgsDict] | None = None,
        notifications: pulumi.Input[PartnerNotificationsArgsDict] | None = None,
        monthly_platform_fee: pulumi.Input[float] | None = None,
        options: pulumi.Input[PartnerOptionsArgsDict] | None = None,
        corporate_billing: pulumi.Input[PartnerCorporateBillingArgsDict] | None = None,
        external_id: pulumi.Input[str] | None = None,
        bank_details: pulumi.Input[PartnerBankDetailsArgsDict] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "name": name,
            "business_name": business_name,
            "reg_no": reg_no,
            "vat_no": vat_no,
            "address": address,
            "postcode": postcode,
            "city": city,
            "country": country,
            "region": region,
            "state": state,
            "contact_details": contact_details,
            "notifications": notifications,
            "monthly_platform_fee": monthly_platform_fee,
            "options": options,
            "corporate_billing": corporate_billing,
            "external_id": external_id,
            "bank_details": bank_details,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("Partner"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> Partner:
        """The existing partner with this AMPECO id, read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return Partner(resource_name, opts=read)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetPartnerResult:
    """An existing partner, as ``get_partner`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    name: str
    """Company name of the partner."""
    business_name: str | None = None
    """Name shown to drivers and admins (the API uses name when it is not set)."""
    reg_no: str | None = None
    """Company registration number."""
    vat_no: str | None = None
    """VAT number."""
    address: str | None = None
    """Street address."""
    postcode: str | None = None
    """Postal code."""
    city: str | None = None
    """City."""
    country: str | None = None
    """ISO 3166-1 alpha-2 country code."""
    region: str | None = None
    """Region, for countries outside US, AU, CA, UM and RO."""
    state: str | None = None
    """Subdivision code, for US, AU, CA, UM and RO."""
    contact_details: dict[str, Any] | None = None
    """Administrative, technical and billing contacts."""
    notifications: dict[str, Any] | None = None
    """E-mails the partner receives."""
    monthly_platform_fee: float | None = None
    """Monthly platform fee."""
    options: dict[str, Any] | None = None
    """What the partner's admins and API tokens may do."""
    corporate_billing: dict[str, Any] | None = None
    """Corporate billing of the partner."""
    external_id: str | None = None
    """Your own identifier for the partner."""
    bank_details: dict[str, Any] | None = None
    """Bank account of the partner."""
    last_updated_at: str | None = None
    """When the partner last changed."""


def get_partner(
    *,
    id: int | str | None = None,
    external_id: str | None = None,
    name: str | None = None,
) -> GetPartnerResult:
    """Look up an existing partner in the stack's tenant by its AMPECO ``id`` or by ``external_id`` or ``name``.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("Partner", id=id, key={"external_id": external_id, "name": name}, parents={})
    return GetPartnerResult(**found)
