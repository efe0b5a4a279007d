# Generated from specs/circuit_charge_point.py by `python tools/codegen.py`. Do not edit by hand.
"""CircuitChargePoint: A charge point on a load-management circuit, with its priority."""

from __future__ import annotations

import dataclasses
from typing import Any, TypedDict

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

__all__ = ["CircuitChargePoint", "CircuitChargePointArgs", "CircuitChargePointArgsDict", "GetCircuitChargePointResult", "get_circuit_charge_point"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "circuit_id",
    "charge_point_id",
    "priority",
    "evses",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()


class CircuitChargePointArgsDict(TypedDict, total=False):
    """Arguments of CircuitChargePoint as a dict (keys as in CircuitChargePointArgs)."""

    circuit_id: pulumi.Input[int]
    """The circuit."""
    charge_point_id: pulumi.Input[int]
    """The charge point on the circuit (it must have the circuit's electrical configuration)."""
    priority: pulumi.Input[float]
    """Share of the circuit's current: 1 equal, 2 twice, 0.5 half (0 or more, steps of 0.1); when omitted the API's default (1, inferred) applies."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class CircuitChargePointArgs:
    """Arguments of CircuitChargePoint."""

    circuit_id: pulumi.Input[int]
    """The circuit."""
    charge_point_id: pulumi.Input[int]
    """The charge point on the circuit (it must have the circuit's electrical configuration)."""
    priority: pulumi.Input[float] | None = None
    """Share of the circuit's current: 1 equal, 2 twice, 0.5 half (0 or more, steps of 0.1); when omitted the API's default (1, inferred) applies."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class CircuitChargePoint(pulumi.dynamic.Resource, module="ampeco", name="CircuitChargePoint"):
    """A charge point on a load-management circuit, with its priority.
    
    Changing circuit_id, charge_point_id replaces the object.
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    circuit_id: pulumi.Output[int]
    """The circuit."""
    charge_point_id: pulumi.Output[int]
    """The charge point on the circuit (it must have the circuit's electrical configuration)."""
    priority: pulumi.Output[float | None]
    """Share of the circuit's current: 1 equal, 2 twice, 0.5 half (0 or more, steps of 0.1); when omitted the API's default (1, inferred) applies."""
    evses: pulumi.Output[list[dict[str, Any]] | None]
    """Per-EVSE priorities of the charge point (set in the back office)."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: CircuitChargePointArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        circuit_id: pulumi.Input[int] | None = None,
        charge_point_id: pulumi.Input[int] | None = None,
        priority: pulumi.Input[float] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "circuit_id": circuit_id,
            "charge_point_id": charge_point_id,
            "priority": priority,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("CircuitChargePoint"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
        *,
        circuit_id: pulumi.Input[int],
    ) -> CircuitChargePoint:
        """The existing circuit charge point with this AMPECO id (under its circuit_id), read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return CircuitChargePoint(resource_name, opts=read, circuit_id=circuit_id)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetCircuitChargePointResult:
    """An existing circuit charge point, as ``get_circuit_charge_point`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    circuit_id: int
    """The circuit."""
    charge_point_id: int
    """The charge point on the circuit (it must have the circuit's electrical configuration)."""
    priority: float | None = None
    """Share of the circuit's current: 1 equal, 2 twice, 0.5 half (0 or more, steps of 0.1); when omitted the API's default (1, inferred) applies."""
    evses: list[dict[str, Any]] | None = None
    """Per-EVSE priorities of the charge point (set in the back office)."""


def get_circuit_charge_point(
    *,
    circuit_id: int | str,
    id: int | str | None = None,
    charge_point_id: int | None = None,
) -> GetCircuitChargePointResult:
    """Look up an existing circuit charge point in the stack's tenant by its AMPECO ``id`` or by ``charge_point_id``,
    within its circuit_id.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("CircuitChargePoint", id=id, key={"charge_point_id": charge_point_id}, parents={"circuit_id": circuit_id})
    return GetCircuitChargePointResult(**found)
