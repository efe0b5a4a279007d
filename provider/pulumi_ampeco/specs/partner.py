"""Partner: a company that owns, operates or uses part of the network (B2B)."""

from __future__ import annotations

from typing import Annotated

from pulumi_ampeco.specs._base import AmpecoModel, Computed, Field, Money, Nullable, ResetTo, ResourceSpec
from pulumi_ampeco.specs._shapes import Country


class PartnerContact(AmpecoModel):
    contact_person: Annotated[str | None, Nullable] = Field(None, description="Name of the contact person.")
    email: Annotated[str | None, Nullable] = Field(None, description="E-mail address.")
    phone: Annotated[str | None, Nullable] = Field(None, description="Phone number.")


class PartnerContactDetails(AmpecoModel):
    administrative: Annotated[PartnerContact | None, Nullable] = Field(None, description="Administrative contact.")
    technical: Annotated[PartnerContact | None, Nullable] = Field(None, description="Technical contact.")
    billing: Annotated[PartnerContact | None, Nullable] = Field(None, description="Billing contact.")


class PartnerTechnicalNotifications(AmpecoModel):
    charge_point_faults: Annotated[bool | None, ResetTo(False)] = Field(
        None, description="E-mail the partner about charge point faults (default false).")


class PartnerBillingNotifications(AmpecoModel):
    settlement_reports: Annotated[bool | None, ResetTo(False)] = Field(
        None, description="E-mail the partner its settlement reports (default false).")


class PartnerNotifications(AmpecoModel):
    technical: PartnerTechnicalNotifications | None = Field(None, description="Technical notifications.")
    billing: PartnerBillingNotifications | None = Field(None, description="Billing notifications.")


class PartnerOptions(AmpecoModel):
    create_users: Annotated[bool | None, ResetTo(False)] = Field(
        None, description="The partner's API tokens may create users (default false).")
    add_user_balance: Annotated[bool | None, ResetTo(False)] = Field(
        None, description="The partner's API tokens see users' balances (default false).")
    supplier_on_receipts: Annotated[bool | None, ResetTo(False)] = Field(
        None, description="Show the partner as supplier on receipts (default false).")
    allow_to_control_tariffs: Annotated[bool | None, ResetTo(False)] = Field(
        None, description="The partner may update its tariffs' pricing (default false).")
    allow_to_control_tariff_groups: Annotated[bool | None, ResetTo(False)] = Field(
        None, description="The partner may also manage its tariff groups (default false).")


class PartnerCorporateBilling(AmpecoModel):
    enabled: Annotated[bool | None, ResetTo(False)] = Field(
        None, description="Corporate billing is on (default false).")
    monthly_limit: Annotated[Money | None, Nullable] = Field(None, description="Monthly spending limit.")
    discount: Annotated[Money | None, Nullable] = Field(None, description="Discount.")


class PartnerBankDetails(AmpecoModel):
    bank_iban: Annotated[str | None, Nullable] = Field(None, description="IBAN.")
    bank_name: Annotated[str | None, Nullable] = Field(None, description="Name of the bank.")
    bank_address: Annotated[str | None, Nullable] = Field(None, description="Address of the bank.")
    bank_code: Annotated[str | None, Nullable] = Field(None, description="Bank code.")
    bank_account_number: Annotated[str | None, Nullable] = Field(None, description="Bank account number.")
    bank_account_type: Annotated[str | None, Nullable] = Field(None, description="Type of the account.")


# The flags are documented false by default (ResetTo(False): an export leaves false out).
# Removing an argument (API 3.110.0 PATCH): the Nullable ones are cleared with null;
# business_name, state and the notifications / options / corporate_billing / bank_details objects
# cannot be cleared, so the live value stays and is no longer managed.


class PartnerModel(AmpecoModel):
    name: str = Field(min_length=1, description="Company name of the partner.")
    business_name: str | None = Field(
        None, description="Name shown to drivers and admins (the API uses name when it is not set).")
    reg_no: Annotated[str | None, Nullable] = Field(None, description="Company registration number.")
    vat_no: Annotated[str | None, Nullable] = Field(None, description="VAT number.")
    address: Annotated[str | None, Nullable] = Field(None, description="Street address.")
    postcode: Annotated[str | None, Nullable] = Field(None, description="Postal code.")
    city: Annotated[str | None, Nullable] = Field(None, description="City.")
    country: Annotated[Country | None, Nullable] = Field(None, description="ISO 3166-1 alpha-2 country code.")
    region: Annotated[str | None, Nullable] = Field(
        None, description="Region, for countries outside US, AU, CA, UM and RO.")
    state: str | None = Field(None, description="Subdivision code, for US, AU, CA, UM and RO.")
    contact_details: Annotated[PartnerContactDetails | None, Nullable] = Field(
        None, description="Administrative, technical and billing contacts.")
    notifications: PartnerNotifications | None = Field(None, description="E-mails the partner receives.")
    monthly_platform_fee: Annotated[Money | None, Nullable] = Field(None, description="Monthly platform fee.")
    options: PartnerOptions | None = Field(None, description="What the partner's admins and API tokens may do.")
    corporate_billing: PartnerCorporateBilling | None = Field(None, description="Corporate billing of the partner.")
    external_id: Annotated[str | None, Nullable] = Field(None, description="Your own identifier for the partner.")
    bank_details: PartnerBankDetails | None = Field(None, description="Bank account of the partner.")
    last_updated_at: Annotated[str | None, Computed] = Field(None, description="When the partner last changed.")


SPEC = ResourceSpec(
    kind="Partner",
    module="partner",
    model=PartnerModel,
    collection="/public-api/resources/partners/v2.0",
    description="A partner: a company that owns, operates or uses part of the network.",
    # The API filters partners by externalId; inferred: a name is unique enough to recognise one by.
    natural_key=("external_id", "name"),
    natural_key_filters={"external_id": "externalId"},
    section_order=5,
    export_name=("external_id", "name"),
)
