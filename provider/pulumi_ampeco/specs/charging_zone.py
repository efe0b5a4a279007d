"""ChargingZone: a named area of a location that charge points can belong to."""

from __future__ import annotations

from typing import Annotated, Literal

from pulumi_ampeco.specs._base import AmpecoModel, Field, IdRef, PathParam, Reference, ResourceSpec
from pulumi_ampeco.specs._shapes import Translation


class ChargingZoneAdditionalInfo(AmpecoModel):
    enabled: bool | None = Field(None, description="Show the additional information to drivers.")
    title: list[Translation] | None = Field(None, description="Title per locale.")
    description: list[Translation] | None = Field(None, description="Text per locale.")


class ChargingZoneModel(AmpecoModel):
    location_id: Annotated[IdRef, PathParam, Reference("Location")] = Field(description="The location the zone belongs to.")
    name: str = Field(min_length=1, description="Internal name, not shown to drivers.")
    status: Literal["enabled", "disabled"] = Field(description="Whether the zone is in use.")
    additional_info: ChargingZoneAdditionalInfo | None = Field(None, description="Information shown to drivers.")


SPEC = ResourceSpec(
    kind="ChargingZone",
    module="charging_zone",
    model=ChargingZoneModel,
    collection="/public-api/resources/locations/v2.0/{location_id}/charging-zones",
    description="A named zone inside a location.",
    # Inferred: the API states no uniqueness; a zone is recognised by its name within the location.
    natural_key=("name",),
)
