"""Connector: a plug or socket of an EVSE."""

from __future__ import annotations

from typing import Annotated, Literal

from pulumi_ampeco.specs._base import AmpecoModel, Field, IdRef, PathParam, Reference, ResourceSpec

ConnectorType = Literal[
    "type1", "type2", "type3", "chademo", "ccs1", "ccs2", "schuko", "nacs", "cee16", "cee32", "j1772",
    "inductive", "nema-5-20", "type-e-french", "type-g-british", "type-j-swiss", "avcon", "gb-t-ac",
    "gb-t-dc", "chaoji", "nema-6-30", "nema-6-50",
]


class ConnectorModel(AmpecoModel):
    charge_point_id: Annotated[IdRef, PathParam, Reference("ChargePoint")] = Field(description="The charge point of the EVSE.")
    evse_id: Annotated[IdRef, PathParam, Reference("Evse")] = Field(description="The EVSE this connector belongs to.")
    type: ConnectorType = Field(description="Plug standard.")
    format: Literal["socket", "cable"] | None = Field(None, description="Socket or tethered cable.")
    status: Literal["enabled", "disabled"] | None = Field(None, description="Whether the connector is in use.")


SPEC = ResourceSpec(
    kind="Connector",
    module="connector",
    model=ConnectorModel,
    collection="/public-api/resources/charge-points/v2.0/{charge_point_id}/evses/{evse_id}/connectors",
    description="A connector (plug or socket) of an EVSE.",
    # The API has no natural key for connectors; chosen: the plug type within its EVSE.
    natural_key=("type",),
)
