"""Location: a charging site on the map."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pulumi_ampeco.specs._base import (
    AmpecoModel,
    Computed,
    Field,
    IdRef,
    Included,
    Nullable,
    ResetTo,
    ResourceSpec,
)
from pulumi_ampeco.specs._shapes import Country, Geoposition, Translation, WorkingHours

ParkingType = Literal["ALONG_MOTORWAY", "PARKING_GARAGE", "PARKING_LOT", "ON_DRIVEWAY", "ON_STREET", "UNDERGROUND_GARAGE"]
AccessMethod = Literal["OPEN", "TOKEN", "LICENSE_PLATE", "ACCESS_CODE", "INTERCOM", "PARKING_TICKET"]
Facility = Literal[
    "AIRPORT", "BIKE_SHARING", "BUS_STOP", "CAFE", "CARPOOL_PARKING", "FUEL_STATION", "HOTEL", "MALL",
    "METRO_STATION", "MUSEUM", "NATURE", "PARKING_LOT", "RECREATION_AREA", "RESTAURANT", "SPORT",
    "SUPERMARKET", "TAXI_STAND", "TRAIN_STATION", "TRAM_STOP", "WIFI",
]

# The PATCH body (API 3.110.0) accepts null only where marked Nullable; the translation lists and
# tags are cleared with [] instead, and state, working_hours and roaming_operator_id cannot be
# cleared at all (removing them leaves the live value and stops managing it).


class LocationModel(AmpecoModel):
    name: list[Translation] = Field(min_length=1, description="Site name, one entry per locale.")
    address: list[Translation] = Field(min_length=1, description="Full address text, one entry per locale.")
    country: Country = Field(description="ISO 3166-1 alpha-2 country code.")
    geoposition: Geoposition = Field(description="Latitude and longitude of the site.")
    short_description: Annotated[list[Translation] | None, ResetTo([])] = Field(
        None, description="Short description per locale.")
    description: Annotated[list[Translation] | None, ResetTo([])] = Field(None, description="Description per locale.")
    additional_description: Annotated[list[Translation] | None, ResetTo([])] = Field(
        None, description="Additional description per locale.")
    street_address: Annotated[list[Translation] | None, ResetTo([])] = Field(
        None, description="Street address per locale.")
    city: Annotated[str | None, Nullable] = Field(None, description="City.")
    region: Annotated[str | None, Nullable] = Field(
        None, description="Region, for countries outside US, AU, CA, UM and RO.")
    state: str | None = Field(None, description="Subdivision code, for US, AU, CA, UM and RO.")
    post_code: Annotated[str | None, Nullable] = Field(None, description="Postal code.")
    working_hours: WorkingHours | None = Field(None, description="Opening hours of the site.")
    timezone: Annotated[str | None, Nullable] = Field(
        None, pattern=r"^[A-Za-z_]+(/[A-Za-z0-9_+\-]+)*$",
        description='IANA time zone ("Europe/Sofia"); required when the tenant allows multiple time zones.',
    )
    external_id: Annotated[str | None, Nullable] = Field(None, description="Your own identifier for the site.")
    roaming_operator_id: IdRef | None = Field(None, description="Roaming operator, for roaming locations only.")
    tags: Annotated[list[str] | None, ResetTo([])] = Field(None, description="Free-form tags.")
    parking_type: Annotated[ParkingType | None, Nullable] = Field(None, description="Kind of parking at the site.")
    access_methods: Annotated[list[AccessMethod] | None, Nullable] = Field(
        None, description="How drivers get access to the chargers (duplicates are dropped by the API).")
    facilities: Annotated[list[Facility] | None, Nullable] = Field(
        None, description="Facilities near the site (duplicates are dropped by the API).")
    external_app_data: Annotated[dict[str, Any] | None, Nullable, Included("externalAppData")] = Field(
        None, description="Free-form data of an external application (a JSON object, kept as given).")
    status: Annotated[Literal["enabled", "disabled"] | None, Computed] = Field(
        None, description="Site status (deprecated by the API).")
    last_updated_at: Annotated[str | None, Computed] = Field(None, description="When the location last changed.")


SPEC = ResourceSpec(
    kind="Location",
    module="location",
    model=LocationModel,
    collection="/public-api/resources/locations/v2.0",
    description="A charging site: name, address, position and opening hours.",
    natural_key=("external_id",),
    natural_key_filters={"external_id": "externalId"},
    section_order=10,
    export_name=("external_id", "name"),
)
