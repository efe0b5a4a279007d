"""Evse: one charging outlet of a charge point, with its own tariff group."""

from __future__ import annotations

from typing import Annotated, Literal

from pulumi_ampeco.specs._base import (
    AmpecoModel,
    Computed,
    Field,
    IdRef,
    Int,
    Money,
    Nullable,
    PathParam,
    Reference,
    ResourceSpec,
    ServerDefault,
)


class EvsePowerOptions(AmpecoModel):
    max_power: Int | None = Field(
        None, ge=0, description="Maximum power, a whole number (the API documents Wh; W is meant).")
    max_voltage: Literal["230", "380", "400", "480", "120", "208", "240", "110-130", "220-240", "277"] | None = Field(
        None, description="Maximum voltage, as one of the API's strings."
    )
    max_amperage: Money | None = Field(None, description="Maximum current in A.")
    phases: Literal["single_phase", "three_phase", "split_phase"] | None = Field(None, description="Phases.")
    phase_rotation: Literal["RST", "RTS", "SRT", "STR", "TRS", "TSR"] | None = Field(
        None, description="Phase rotation (R=L1, S=L2, T=L3); being phased out by the API: prefer connected_phase."
    )
    connected_phase: Literal["L1", "L2", "L3", "L1_L2", "L1_L3", "L2_L3"] | None = Field(
        None, description="Conductors a single- or split-phase EVSE uses."
    )


# Removing an argument (API 3.110.0 PATCH): label, booking_enabled, power_options and external_id
# cannot be cleared (no null), so the live value stays and is no longer managed.


class EvseModel(AmpecoModel):
    charge_point_id: Annotated[IdRef, PathParam, Reference("ChargePoint")] = Field(description="The charge point this EVSE belongs to.")
    network_id: str = Field(min_length=1, description="OCPP EVSE id: consecutive numbers from 1 within the charge point.")
    physical_reference: str = Field(min_length=1, description="Identifier shown to drivers on site (label, QR).")
    current_type: Literal["ac", "dc"] = Field(description="Current type.")
    status: Literal["enabled", "disabled", "out of order"] = Field(description="Operational status.")
    label: str | None = Field(None, description="Label shown in the mobile app.")
    mid_meter_certification_end_year: Annotated[Int | None, Nullable] = Field(
        None, ge=1900, le=2200, description="Year the MID meter certification ends."
    )
    tariff_group_id: Annotated[IdRef | None, ServerDefault, Nullable, Reference("TariffGroup")] = Field(
        None, description="Tariff group; when omitted the tenant's default free tariff group applies."
    )
    allows_reservation: Annotated[bool | None, ServerDefault] = Field(
        None, description="Drivers may reserve it; booking_enabled turns it on."
    )
    booking_enabled: bool | None = Field(None, description="Drivers may book it (also turns on reservations).")
    power_options: EvsePowerOptions | None = Field(None, description="Electrical limits.")
    external_id: str | None = Field(None, description="Your own identifier for the EVSE.")
    hardware_status: Annotated[str | None, Computed] = Field(None, description="Live hardware status.")
    roaming_operator_id: Annotated[int | None, Computed] = Field(None, description="Roaming operator, if roaming.")
    created_at: Annotated[str | None, Computed] = Field(None, description="When the EVSE was created.")
    last_updated_at: Annotated[str | None, Computed] = Field(None, description="When the EVSE last changed.")


SPEC = ResourceSpec(
    kind="Evse",
    module="evse",
    model=EvseModel,
    collection="/public-api/resources/charge-points/v2.0/{charge_point_id}/evses",
    description="An EVSE (charging outlet) of a charge point.",
    # Inferred: network_id is unique within its charge point; the nested listing has no filters.
    natural_key=("network_id",),
    delete_before_replace=True,
    noun="EVSE",
)
