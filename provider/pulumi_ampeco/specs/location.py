"""Location: a charging site on the map."""

from __future__ import annotations

from typing import Annotated, Literal

from pulumi_ampeco.specs._base import AmpecoModel, Computed, Field, IdRef, ResourceSpec
from pulumi_ampeco.specs._shapes import Country, Geoposition, Translation, WorkingHours


class LocationModel(AmpecoModel):
    name: list[Translation] = Field(min_length=1, description="Site name, one entry per locale.")
    address: list[Translation] = Field(min_length=1, description="Full address text, one entry per locale.")
    country: Country = Field(description="ISO 3166-1 alpha-2 country code.")
    geoposition: Geoposition = Field(description="Latitude and longitude of the site.")
    short_description: list[Translation] | None = Field(None, description="Short description per locale.")
    description: list[Translation] | None = Field(None, description="Description per locale.")
    additional_description: list[Translation] | None = Field(None, description="Additional description per locale.")
    street_address: list[Translation] | None = Field(None, description="Street address per locale.")
    city: str | None = Field(None, description="City.")
    region: str | None = Field(None, description="Region, for countries outside US, AU, CA, UM and RO.")
    state: str | None = Field(None, description="Subdivision code, for US, AU, CA, UM and RO.")
    post_code: str | None = Field(None, description="Postal code.")
    working_hours: WorkingHours | None = Field(None, description="Opening hours of the site.")
    timezone: str | None = Field(
        None, pattern=r"^[A-Za-z_]+(/[A-Za-z0-9_+\-]+)*$",
        description='IANA time zone ("Europe/Sofia"); required when the tenant allows multiple time zones.',
    )
    external_id: str | None = Field(None, description="Your own identifier for the site.")
    roaming_operator_id: IdRef | None = Field(None, description="Roaming operator, for roaming locations only.")
    tags: list[str] | None = Field(None, description="Free-form tags.")
    status: Annotated[Literal["enabled", "disabled"] | None, Computed] = Field(None, description="Site status.")
    last_updated_at: Annotated[str | None, Computed] = Field(None, description="When the location last changed.")


SPEC = ResourceSpec(
    kind="Location",
    module="location",
    model=LocationModel,
    collection="/public-api/resources/locations/v2.0",
    description="A charging site: name, address, position and opening hours.",
    natural_key=("external_id",),
    natural_key_filters={"external_id": "externalId"},
    # API 3.96.4 requires geoposition on every PATCH.
    always_send=("geoposition",),
    section_order=10,
    export_name=("external_id", "name"),
)
