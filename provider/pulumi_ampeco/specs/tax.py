"""Tax: a tax rate that tariffs apply (multi-tax tenants)."""

from __future__ import annotations

from typing import Annotated

from pulumi_ampeco.specs._base import AmpecoModel, Computed, Field, IdRef, Nullable, Number, ResourceSpec
from pulumi_ampeco.specs._shapes import Translation


class TaxModel(AmpecoModel):
    name: str = Field(min_length=1, description="Name of the tax.")
    display_name: Annotated[list[Translation] | None, Nullable] = Field(
        None, description="Name shown to drivers, one entry per locale.")
    percentage: Number = Field(description="Tax rate in percent (a decimal, e.g. 20 or 9.5).")
    tax_identification_number_id: Annotated[IdRef | None, Nullable] = Field(
        None, description="Tax identification number the tax is charged under.")
    last_updated_at: Annotated[str | None, Computed] = Field(None, description="When the tax last changed.")


SPEC = ResourceSpec(
    kind="Tax",
    module="tax",
    model=TaxModel,
    collection="/public-api/resources/taxes/v2.0",
    description="A tax: a rate tariffs apply on a tenant with multi-tax support.",
    # Inferred: the API has no filter for taxes; matched by name client-side.
    natural_key=("name",),
    section_order=15,
    section="taxes",
)
