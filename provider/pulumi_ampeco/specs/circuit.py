"""Circuit: a load-management (DLM) circuit sharing a current limit among its charge points."""

from __future__ import annotations

from typing import Annotated, Literal

from pulumi_ampeco.specs._base import (
    AmpecoModel,
    DateStr,
    Field,
    IdRef,
    Nullable,
    Number,
    Reference,
    ResourceSpec,
    ServerDefault,
)

Amps = Annotated[float, Field(strict=True, ge=0, multiple_of=0.1)]
"""A current in A, in steps of 0.1 (the API's multipleOf)."""


class LoadBalancingFields(AmpecoModel):
    start_date: DateStr | None = Field(None, description="DREEV: charging schedules start on this date, YYYY-MM-DD.")
    installation_id: str | None = Field(None, description="Zaptec: the installation id (a UUID) of the circuit.")


class LoadBalancingIntegration(AmpecoModel):
    id: Annotated[IdRef | None, Nullable] = Field(
        None, description="Load balancing integration (from the back office); null: AMPECO's own load balancing.")
    fields: LoadBalancingFields | None = Field(None, description="Settings the integration needs.")


# Removing an argument (API 3.110.0 PATCH): the Nullable ones are cleared with null; phase_rotation,
# connected_phase and the deprecated set_session_limit_to_zero_on_idle cannot be, so they stay as
# they are and are no longer managed.


class CircuitModel(AmpecoModel):
    name: str = Field(min_length=1, description="Name of the circuit.")
    parent_circuit_id: Annotated[IdRef | None, Nullable, Reference("Circuit")] = Field(
        None, description="Parent circuit in multi-level load management (same electrical configuration).")
    phases: Literal["single_phase", "three_phase", "split_phase"] = Field(description="Phases of the circuit.")
    phase_rotation: Literal["RST", "RTS", "SRT", "STR", "TRS", "TSR"] | None = Field(
        None, description="Phase rotation (R=L1, S=L2, T=L3); needed in multi-level DLM for three_phase.")
    connected_phase: Literal["L1", "L2", "L3", "L1_L2", "L1_L3", "L2_L3"] | None = Field(
        None, description="Conductors a single- or split-phase circuit uses (star configuration).")
    electrical_configuration: Annotated[Literal["star", "delta"] | None, ServerDefault] = Field(
        None, description="star (TN, the API's default) or delta (IT); charge points attached must match.")
    max_voltage: Annotated[
        Literal["230", "380", "400", "480", "120", "208", "240", "110-130", "220-240", "277"] | None, Nullable
    ] = Field(None, description="Maximum voltage, as one of the API's strings.")
    max_current: Amps = Field(description="Current limit of the whole circuit in A (usually the breaker's rating).")
    min_charge_point_current: Annotated[Amps | None, Nullable] = Field(
        None, description="Lowest current per charge point in A; no new session starts below it.")
    set_session_limit_to_zero_on_idle: bool | None = Field(
        None, description="Limit idle sessions to 0 A (deprecated by the API).")
    electricity_meter_id: Annotated[Number | None, Nullable] = Field(
        None, description="Electricity meter measuring the circuit.")
    offline_reserved_current: Annotated[Amps | None, Nullable] = Field(
        None, description="Current in A reserved for unmanaged loads while the meter is offline.")
    load_balancing_integration: Annotated[LoadBalancingIntegration | None, Nullable] = Field(
        None, description="Third-party integration whose limits the circuit applies.")


SPEC = ResourceSpec(
    kind="Circuit",
    module="circuit",
    model=CircuitModel,
    collection="/public-api/resources/circuits/v2.0",
    description="A load-management circuit: a current limit its charge points share (multi-level through a parent).",
    # Inferred: the API has no filter and states no uniqueness; matched by name client-side.
    natural_key=("name",),
    section_order=45,
)
