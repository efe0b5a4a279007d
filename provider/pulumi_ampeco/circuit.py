# Generated from specs/circuit.py by `python tools/codegen.py`. Do not edit by hand.
"""Circuit: A load-management circuit: a current limit its charge points share (multi-level through a parent)."""

from __future__ import annotations

import dataclasses
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
from pulumi_ampeco.types import LoadBalancingIntegrationArgsDict

__all__ = ["Circuit", "CircuitArgs", "CircuitArgsDict", "GetCircuitResult", "get_circuit"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "name",
    "parent_circuit_id",
    "phases",
    "phase_rotation",
    "connected_phase",
    "electrical_configuration",
    "max_voltage",
    "max_current",
    "min_charge_point_current",
    "set_session_limit_to_zero_on_idle",
    "electricity_meter_id",
    "offline_reserved_current",
    "load_balancing_integration",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()


class CircuitArgsDict(TypedDict, total=False):
    """Arguments of Circuit as a dict (keys as in CircuitArgs)."""

    name: pulumi.Input[str]
    """Name of the circuit."""
    parent_circuit_id: pulumi.Input[int | str]
    """Parent circuit in multi-level load management (same electrical configuration)."""
    phases: pulumi.Input[Literal['single_phase', 'three_phase', 'split_phase']]
    """Phases of the circuit."""
    phase_rotation: pulumi.Input[Literal['RST', 'RTS', 'SRT', 'STR', 'TRS', 'TSR']]
    """Phase rotation (R=L1, S=L2, T=L3); needed in multi-level DLM for three_phase."""
    connected_phase: pulumi.Input[Literal['L1', 'L2', 'L3', 'L1_L2', 'L1_L3', 'L2_L3']]
    """Conductors a single- or split-phase circuit uses (star configuration)."""
    electrical_configuration: pulumi.Input[Literal['star', 'delta']]
    """star (TN, the API's default) or delta (IT); charge points attached must match."""
    max_voltage: pulumi.Input[Literal['230', '380', '400', '480', '120', '208', '240', '110-130', '220-240', '277']]
    """Maximum voltage, as one of the API's strings."""
    max_current: pulumi.Input[float]
    """Current limit of the whole circuit in A (usually the breaker's rating)."""
    min_charge_point_current: pulumi.Input[float]
    """Lowest current per charge point in A; no new session starts below it."""
    set_session_limit_to_zero_on_idle: pulumi.Input[bool]
    """Limit idle sessions to 0 A (deprecated by the API)."""
    electricity_meter_id: pulumi.Input[float]
    """Electricity meter measuring the circuit."""
    offline_reserved_current: pulumi.Input[float]
    """Current in A reserved for unmanaged loads while the meter is offline."""
    load_balancing_integration: pulumi.Input[LoadBalancingIntegrationArgsDict]
    """Third-party integration whose limits the circuit applies."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class CircuitArgs:
    """Arguments of Circuit."""

    name: pulumi.Input[str]
    """Name of the circuit."""
    phases: pulumi.Input[Literal['single_phase', 'three_phase', 'split_phase']]
    """Phases of the circuit."""
    max_current: pulumi.Input[float]
    """Current limit of the whole circuit in A (usually the breaker's rating)."""
    parent_circuit_id: pulumi.Input[int | str] | None = None
    """Parent circuit in multi-level load management (same electrical configuration)."""
    phase_rotation: pulumi.Input[Literal['RST', 'RTS', 'SRT', 'STR', 'TRS', 'TSR']] | None = None
    """Phase rotation (R=L1, S=L2, T=L3); needed in multi-level DLM for three_phase."""
    connected_phase: pulumi.Input[Literal['L1', 'L2', 'L3', 'L1_L2', 'L1_L3', 'L2_L3']] | None = None
    """Conductors a single- or split-phase circuit uses (star configuration)."""
    electrical_configuration: pulumi.Input[Literal['star', 'delta']] | None = None
    """star (TN, the API's default) or delta (IT); charge points attached must match."""
    max_voltage: pulumi.Input[Literal['230', '380', '400', '480', '120', '208', '240', '110-130', '220-240', '277']] | None = None
    """Maximum voltage, as one of the API's strings."""
    min_charge_point_current: pulumi.Input[float] | None = None
    """Lowest current per charge point in A; no new session starts below it."""
    set_session_limit_to_zero_on_idle: pulumi.Input[bool] | None = None
    """Limit idle sessions to 0 A (deprecated by the API)."""
    electricity_meter_id: pulumi.Input[float] | None = None
    """Electricity meter measuring the circuit."""
    offline_reserved_current: pulumi.Input[float] | None = None
    """Current in A reserved for unmanaged loads while the meter is offline."""
    load_balancing_integration: pulumi.Input[LoadBalancingIntegrationArgsDict] | None = None
    """Third-party integration whose limits the circuit applies."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class Circuit(pulumi.dynamic.Resource, module="ampeco", name="Circuit"):
    """A load-management circuit: a current limit its charge points share (multi-level through a parent).
    
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    name: pulumi.Output[str]
    """Name of the circuit."""
    parent_circuit_id: pulumi.Output[int | None]
    """Parent circuit in multi-level load management (same electrical configuration)."""
    phases: pulumi.Output[Literal['single_phase', 'three_phase', 'split_phase']]
    """Phases of the circuit."""
    phase_rotation: pulumi.Output[Literal['RST', 'RTS', 'SRT', 'STR', 'TRS', 'TSR'] | None]
    """Phase rotation (R=L1, S=L2, T=L3); needed in multi-level DLM for three_phase."""
    connected_phase: pulumi.Output[Literal['L1', 'L2', 'L3', 'L1_L2', 'L1_L3', 'L2_L3'] | None]
    """Conductors a single- or split-phase circuit uses (star configuration)."""
    electrical_configuration: pulumi.Output[Literal['star', 'delta'] | None]
    """star (TN, the API's default) or delta (IT); charge points attached must match."""
    max_voltage: pulumi.Output[Literal['230', '380', '400', '480', '120', '208', '240', '110-130', '220-240', '277'] | None]
    """Maximum voltage, as one of the API's strings."""
    max_current: pulumi.Output[float]
    """Current limit of the whole circuit in A (usually the breaker's rating)."""
    min_charge_point_current: pulumi.Output[float | None]
    """Lowest current per charge point in A; no new session starts below it."""
    set_session_limit_to_zero_on_idle: pulumi.Output[bool | None]
    """Limit idle sessions to 0 A (deprecated by the API)."""
    electricity_meter_id: pulumi.Output[float | None]
    """Electricity meter measuring the circuit."""
    offline_reserved_current: pulumi.Output[float | None]
    """Current in A reserved for unmanaged loads while the meter is offline."""
    load_balancing_integration: pulumi.Output[dict[str, Any] | None]
    """Third-party integration whose limits the circuit applies."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: CircuitArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        name: pulumi.Input[str] | None = None,
        parent_circuit_id: pulumi.Input[int | str] | None = None,
        phases: pulumi.Input[Literal['single_phase', 'three_phase', 'split_phase']] | None = None,
        phase_rotation: pulumi.Input[Literal['RST', 'RTS', 'SRT', 'STR', 'TRS', 'TSR']] | None = None,
        connected_phase: pulumi.Input[Literal['L1', 'L2', 'L3', 'L1_L2', 'L1_L3', 'L2_L3']] | None = None,
        electrical_configuration: pulumi.Input[Literal['star', 'delta']] | None = None,
        max_voltage: pulumi.Input[Literal['230', '380', '400', '480', '120', '208', '240', '110-130', '220-240', '277']] | None = None,
        max_current: pulumi.Input[float] | None = None,
        min_charge_point_current: pulumi.Input[float] | None = None,
        set_session_limit_to_zero_on_idle: pulumi.Input[bool] | None = None,
        electricity_meter_id: pulumi.Input[float] | None = None,
        offline_reserved_current: pulumi.Input[float] | None = None,
        load_balancing_integration: pulumi.Input[LoadBalancingIntegrationArgsDict] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "name": name,
            "parent_circuit_id": parent_circuit_id,
            "phases": phases,
            "phase_rotation": phase_rotation,
            "connected_phase": connected_phase,
            "electrical_configuration": electrical_configuration,
            "max_voltage": max_voltage,
            "max_current": max_current,
            "min_charge_point_current": min_charge_point_current,
            "set_session_limit_to_zero_on_idle": set_session_limit_to_zero_on_idle,
            "electricity_meter_id": electricity_meter_id,
            "offline_reserved_current": offline_reserved_current,
            "load_balancing_integration": load_balancing_integration,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("Circuit"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> Circuit:
        """The existing circuit with this AMPECO id, read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return Circuit(resource_name, opts=read)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetCircuitResult:
    """An existing circuit, as ``get_circuit`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    name: str
    """Name of the circuit."""
    parent_circuit_id: int | None = None
    """Parent circuit in multi-level load management (same electrical configuration)."""
    phases: Literal['single_phase', 'three_phase', 'split_phase']
    """Phases of the circuit."""
    phase_rotation: Literal['RST', 'RTS', 'SRT', 'STR', 'TRS', 'TSR'] | None = None
    """Phase rotation (R=L1, S=L2, T=L3); needed in multi-level DLM for three_phase."""
    connected_phase: Literal['L1', 'L2', 'L3', 'L1_L2', 'L1_L3', 'L2_L3'] | None = None
    """Conductors a single- or split-phase circuit uses (star configuration)."""
    electrical_configuration: Literal['star', 'delta'] | None = None
    """star (TN, the API's default) or delta (IT); charge points attached must match."""
    max_voltage: Literal['230', '380', '400', '480', '120', '208', '240', '110-130', '220-240', '277'] | None = None
    """Maximum voltage, as one of the API's strings."""
    max_current: float
    """Current limit of the whole circuit in A (usually the breaker's rating)."""
    min_charge_point_current: float | None = None
    """Lowest current per charge point in A; no new session starts below it."""
    set_session_limit_to_zero_on_idle: bool | None = None
    """Limit idle sessions to 0 A (deprecated by the API)."""
    electricity_meter_id: float | None = None
    """Electricity meter measuring the circuit."""
    offline_reserved_current: float | None = None
    """Current in A reserved for unmanaged loads while the meter is offline."""
    load_balancing_integration: dict[str, Any] | None = None
    """Third-party integration whose limits the circuit applies."""


def get_circuit(
    *,
    id: int | str | None = None,
    name: str | None = None,
) -> GetCircuitResult:
    """Look up an existing circuit in the stack's tenant by its AMPECO ``id`` or by ``name``.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("Circuit", id=id, key={"name": name}, parents={})
    return GetCircuitResult(**found)
