# Generated from specs/location.py by `python tools/codegen.py`. Do not edit by hand.
"""Location: A charging site: name, address, position and opening hours."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
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
    GeopositionArgsDict,
    TranslationArgsDict,
    WorkingHoursArgsDict,
)

__all__ = ["GetLocationResult", "Location", "LocationArgs", "LocationArgsDict", "get_location"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "name",
    "address",
    "country",
    "geoposition",
    "short_description",
    "description",
    "additional_description",
    "street_address",
    "city",
    "region",
    "state",
    "post_code",
    "working_hours",
    "timezone",
    "external_id",
    "roaming_operator_id",
    "tags",
    "parking_type",
    "access_methods",
    "facilities",
    "external_app_data",
    "status",
    "last_updated_at",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()


class LocationArgsDict(TypedDict, total=False):
    """Arguments of Location as a dict (keys as in LocationArgs)."""

    name: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]]
    """Site name, one entry per locale."""
    address: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]]
    """Full address text, one entry per locale."""
    country: pulumi.Input[str]
    """ISO 3166-1 alpha-2 country code."""
    geoposition: pulumi.Input[GeopositionArgsDict]
    """Latitude and longitude of the site."""
    short_description: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]]
    """Short description per locale."""
    description: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]]
    """Description per locale."""
    additional_description: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]]
    """Additional description per locale."""
    street_address: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]]
    """Street address per locale."""
    city: pulumi.Input[str]
    """City."""
    region: pulumi.Input[str]
    """Region, for countries outside US, AU, CA, UM and RO."""
    state: pulumi.Input[str]
    """Subdivision code, for US, AU, CA, UM and RO."""
    post_code: pulumi.Input[str]
    """Postal code."""
    working_hours: pulumi.Input[WorkingHoursArgsDict]
    """Opening hours of the site."""
    timezone: pulumi.Input[str]
    """IANA time zone ("Europe/Sofia"); required when the tenant allows multiple time zones."""
    external_id: pulumi.Input[str]
    """Your own identifier for the site."""
    roaming_operator_id: pulumi.Input[int | str]
    """Roaming operator, for roaming locations only."""
    tags: pulumi.Input[Sequence[pulumi.Input[str]]]
    """Free-form tags."""
    parking_type: pulumi.Input[Literal['ALONG_MOTORWAY', 'PARKING_GARAGE', 'PARKING_LOT', 'ON_DRIVEWAY', 'ON_STREET', 'UNDERGROUND_GARAGE']]
    """Kind of parking at the site."""
    access_methods: pulumi.Input[Sequence[pulumi.Input[Literal['OPEN', 'TOKEN', 'LICENSE_PLATE', 'ACCESS_CODE', 'INTERCOM', 'PARKING_TICKET']]]]
    """How drivers get access to the chargers (duplicates are dropped by the API)."""
    facilities: pulumi.Input[Sequence[pulumi.Input[Literal['AIRPORT', 'BIKE_SHARING', 'BUS_STOP', 'CAFE', 'CARPOOL_PARKING', 'FUEL_STATION', 'HOTEL', 'MALL', 'METRO_STATION', 'MUSEUM', 'NATURE', 'PARKING_LOT', 'RECREATION_AREA', 'RESTAURANT', 'SPORT', 'SUPERMARKET', 'TAXI_STAND', 'TRAIN_STATION', 'TRAM_STOP', 'WIFI']]]]
    """Facilities near the site (duplicates are dropped by the API)."""
    external_app_data: pulumi.Input[Mapping[str, pulumi.Input[Any]]]
    """Free-form data of an external application (a JSON object, kept as given)."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class LocationArgs:
    """Arguments of Location."""

    name: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]]
    """Site name, one entry per locale."""
    address: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]]
    """Full address text, one entry per locale."""
    country: pulumi.Input[str]
    """ISO 3166-1 alpha-2 country code."""
    geoposition: pulumi.Input[GeopositionArgsDict]
    """Latitude and longitude of the site."""
    short_description: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]] | None = None
    """Short description per locale."""
    description: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]] | None = None
    """Description per locale."""
    additional_description: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]] | None = None
    """Additional description per locale."""
    street_address: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]] | None = None
    """Street address per locale."""
    city: pulumi.Input[str] | None = None
    """City."""
    region: pulumi.Input[str] | None = None
    """Region, for countries outside US, AU, CA, UM and RO."""
    state: pulumi.Input[str] | None = None
    """Subdivision code, for US, AU, CA, UM and RO."""
    post_code: pulumi.Input[str] | None = None
    """Postal code."""
    working_hours: pulumi.Input[WorkingHoursArgsDict] | None = None
    """Opening hours of the site."""
    timezone: pulumi.Input[str] | None = None
    """IANA time zone ("Europe/Sofia"); required when the tenant allows multiple time zones."""
    external_id: pulumi.Input[str] | None = None
    """Your own identifier for the site."""
    roaming_operator_id: pulumi.Input[int | str] | None = None
    """Roaming operator, for roaming locations only."""
    tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """Free-form tags."""
    parking_type: pulumi.Input[Literal['ALONG_MOTORWAY', 'PARKING_GARAGE', 'PARKING_LOT', 'ON_DRIVEWAY', 'ON_STREET', 'UNDERGROUND_GARAGE']] | None = None
    """Kind of parking at the site."""
    access_methods: pulumi.Input[Sequence[pulumi.Input[Literal['OPEN', 'TOKEN', 'LICENSE_PLATE', 'ACCESS_CODE', 'INTERCOM', 'PARKING_TICKET']]]] | None = None
    """How drivers get access to the chargers (duplicates are dropped by the API)."""
    facilities: pulumi.Input[Sequence[pulumi.Input[Literal['AIRPORT', 'BIKE_SHARING', 'BUS_STOP', 'CAFE', 'CARPOOL_PARKING', 'FUEL_STATION', 'HOTEL', 'MALL', 'METRO_STATION', 'MUSEUM', 'NATURE', 'PARKING_LOT', 'RECREATION_AREA', 'RESTAURANT', 'SPORT', 'SUPERMARKET', 'TAXI_STAND', 'TRAIN_STATION', 'TRAM_STOP', 'WIFI']]]] | None = None
    """Facilities near the site (duplicates are dropped by the API)."""
    external_app_data: pulumi.Input[Mapping[str, pulumi.Input[Any]]] | None = None
    """Free-form data of an external application (a JSON object, kept as given)."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class Location(pulumi.dynamic.Resource, module="ampeco", name="Location"):
    """A charging site: name, address, position and opening hours.
    
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    name: pulumi.Output[list[dict[str, Any]]]
    """Site name, one entry per locale."""
    address: pulumi.Output[list[dict[str, Any]]]
    """Full address text, one entry per locale."""
    country: pulumi.Output[str]
    """ISO 3166-1 alpha-2 country code."""
    geoposition: pulumi.Output[dict[str, Any]]
    """Latitude and longitude of the site."""
    short_description: pulumi.Output[list[dict[str, Any]] | None]
    """Short description per locale."""
    description: pulumi.Output[list[dict[str, Any]] | None]
    """Description per locale."""
    additional_description: pulumi.Output[list[dict[str, Any]] | None]
    """Additional description per locale."""
    street_address: pulumi.Output[list[dict[str, Any]] | None]
    """Street address per locale."""
    city: pulumi.Output[str | None]
    """City."""
    region: pulumi.Output[str | None]
    """Region, for countries outside US, AU, CA, UM and RO."""
    state: pulumi.Output[str | None]
    """Subdivision code, for US, AU, CA, UM and RO."""
    post_code: pulumi.Output[str | None]
    """Postal code."""
    working_hours: pulumi.Output[dict[str, Any] | None]
    """Opening hours of the site."""
    timezone: pulumi.Output[str | None]
    """IANA time zone ("Europe/Sofia"); required when the tenant allows multiple time zones."""
    external_id: pulumi.Output[str | None]
    """Your own identifier for the site."""
    roaming_operator_id: pulumi.Output[int | None]
    """Roaming operator, for roaming locations only."""
    tags: pulumi.Output[list[str] | None]
    """Free-form tags."""
    parking_type: pulumi.Output[Literal['ALONG_MOTORWAY', 'PARKING_GARAGE', 'PARKING_LOT', 'ON_DRIVEWAY', 'ON_STREET', 'UNDERGROUND_GARAGE'] | None]
    """Kind of parking at the site."""
    access_methods: pulumi.Output[list[Literal['OPEN', 'TOKEN', 'LICENSE_PLATE', 'ACCESS_CODE', 'INTERCOM', 'PARKING_TICKET']] | None]
    """How drivers get access to the chargers (duplicates are dropped by the API)."""
    facilities: pulumi.Output[list[Literal['AIRPORT', 'BIKE_SHARING', 'BUS_STOP', 'CAFE', 'CARPOOL_PARKING', 'FUEL_STATION', 'HOTEL', 'MALL', 'METRO_STATION', 'MUSEUM', 'NATURE', 'PARKING_LOT', 'RECREATION_AREA', 'RESTAURANT', 'SPORT', 'SUPERMARKET', 'TAXI_STAND', 'TRAIN_STATION', 'TRAM_STOP', 'WIFI']] | None]
    """Facilities near the site (duplicates are dropped by the API)."""
    external_app_data: pulumi.Output[dict[str, Any] | None]
    """Free-form data of an external application (a JSON object, kept as given)."""
    status: pulumi.Output[Literal['enabled', 'disabled'] | None]
    """Site status (deprecated by the API)."""
    last_updated_at: pulumi.Output[str | None]
    """When the location last changed."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: LocationArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        name: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]] | None = None,
        address: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]] | None = None,
        country: pulumi.Input[str] | None = None,
        geoposition: pulumi.Input[GeopositionArgsDict] | None = None,
        short_description: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]] | None = None,
        description: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]] | None = None,
        additional_description: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]] | None = None,
        street_address: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]] | None = None,
        city: pulumi.Input[str] | None = None,
        region: pulumi.Input[str] | None = None,
        state: pulumi.Input[str] | None = None,
        post_code: pulumi.Input[str] | None = None,
        working_hours: pulumi.Input[WorkingHoursArgsDict] | None = None,
        timezone: pulumi.Input[str] | None = None,
        external_id: pulumi.Input[str] | None = None,
        roaming_operator_id: pulumi.Input[int | str] | None = None,
        tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None,
        parking_type: pulumi.Input[Literal['ALONG_MOTORWAY', 'PARKING_GARAGE', 'PARKING_LOT', 'ON_DRIVEWAY', 'ON_STREET', 'UNDERGROUND_GARAGE']] | None = None,
        access_methods: pulumi.Input[Sequence[pulumi.Input[Literal['OPEN', 'TOKEN', 'LICENSE_PLATE', 'ACCESS_CODE', 'INTERCOM', 'PARKING_TICKET']]]] | None = None,
        facilities: pulumi.Input[Sequence[pulumi.Input[Literal['AIRPORT', 'BIKE_SHARING', 'BUS_STOP', 'CAFE', 'CARPOOL_PARKING', 'FUEL_STATION', 'HOTEL', 'MALL', 'METRO_STATION', 'MUSEUM', 'NATURE', 'PARKING_LOT', 'RECREATION_AREA', 'RESTAURANT', 'SPORT', 'SUPERMARKET', 'TAXI_STAND', 'TRAIN_STATION', 'TRAM_STOP', 'WIFI']]]] | None = None,
        external_app_data: pulumi.Input[Mapping[str, pulumi.Input[Any]]] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "name": name,
            "address": address,
            "country": country,
            "geoposition": geoposition,
            "short_description": short_description,
            "description": description,
            "additional_description": additional_description,
            "street_address": street_address,
            "city": city,
            "region": region,
            "state": state,
            "post_code": post_code,
            "working_hours": working_hours,
            "timezone": timezone,
            "external_id": external_id,
            "roaming_operator_id": roaming_operator_id,
            "tags": tags,
            "parking_type": parking_type,
            "access_methods": access_methods,
            "facilities": facilities,
            "external_app_data": external_app_data,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("Location"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> Location:
        """The existing location with this AMPECO id, read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return Location(resource_name, opts=read)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetLocationResult:
    """An existing location, as ``get_location`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    name: list[dict[str, Any]]
    """Site name, one entry per locale."""
    address: list[dict[str, Any]]
    """Full address text, one entry per locale."""
    country: str
    """ISO 3166-1 alpha-2 country code."""
    geoposition: dict[str, Any]
    """Latitude and longitude of the site."""
    short_description: list[dict[str, Any]] | None = None
    """Short description per locale."""
    description: list[dict[str, Any]] | None = None
    """Description per locale."""
    additional_description: list[dict[str, Any]] | None = None
    """Additional description per locale."""
    street_address: list[dict[str, Any]] | None = None
    """Street address per locale."""
    city: str | None = None
    """City."""
    region: str | None = None
    """Region, for countries outside US, AU, CA, UM and RO."""
    state: str | None = None
    """Subdivision code, for US, AU, CA, UM and RO."""
    post_code: str | None = None
    """Postal code."""
    working_hours: dict[str, Any] | None = None
    """Opening hours of the site."""
    timezone: str | None = None
    """IANA time zone ("Europe/Sofia"); required when the tenant allows multiple time zones."""
    external_id: str | None = None
    """Your own identifier for the site."""
    roaming_operator_id: int | None = None
    """Roaming operator, for roaming locations only."""
    tags: list[str] | None = None
    """Free-form tags."""
    parking_type: Literal['ALONG_MOTORWAY', 'PARKING_GARAGE', 'PARKING_LOT', 'ON_DRIVEWAY', 'ON_STREET', 'UNDERGROUND_GARAGE'] | None = None
    """Kind of parking at the site."""
    access_methods: list[Literal['OPEN', 'TOKEN', 'LICENSE_PLATE', 'ACCESS_CODE', 'INTERCOM', 'PARKING_TICKET']] | None = None
    """How drivers get access to the chargers (duplicates are dropped by the API)."""
    facilities: list[Literal['AIRPORT', 'BIKE_SHARING', 'BUS_STOP', 'CAFE', 'CARPOOL_PARKING', 'FUEL_STATION', 'HOTEL', 'MALL', 'METRO_STATION', 'MUSEUM', 'NATURE', 'PARKING_LOT', 'RECREATION_AREA', 'RESTAURANT', 'SPORT', 'SUPERMARKET', 'TAXI_STAND', 'TRAIN_STATION', 'TRAM_STOP', 'WIFI']] | None = None
    """Facilities near the site (duplicates are dropped by the API)."""
    external_app_data: dict[str, Any] | None = None
    """Free-form data of an external application (a JSON object, kept as given)."""
    status: Literal['enabled', 'disabled'] | None = None
    """Site status (deprecated by the API)."""
    last_updated_at: str | None = None
    """When the location last changed."""


def get_location(
    *,
    id: int | str | None = None,
    external_id: str | None = None,
) -> GetLocationResult:
    """Look up an existing location in the stack's tenant by its AMPECO ``id`` or by ``external_id``.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("Location", id=id, key={"external_id": external_id}, parents={})
    return GetLocationResult(**found)
