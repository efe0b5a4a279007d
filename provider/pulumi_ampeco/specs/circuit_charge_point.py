"""CircuitChargePoint: a charge point's membership of a circuit, with its priority.

The API has no field and no path for it: the attach, set-priority and detach actions write it,
and the circuit lists it with ``include[]=chargePointPriorities`` (``{id, priority, evses}``, the
id being the charge point's). The declaration says so with ``ActionDriven``.
"""

from __future__ import annotations

from typing import Annotated

from pulumi_ampeco.specs._base import (
    Action,
    ActionDriven,
    AmpecoModel,
    Computed,
    Field,
    IdRef,
    Immutable,
    PathParam,
    Reference,
    ResourceSpec,
    ServerDefault,
)

Priority = Annotated[float, Field(strict=True, ge=0, multiple_of=0.1)]


class EvsePriority(AmpecoModel):
    id: int | None = Field(None, description="The EVSE.")
    priority: float | None = Field(None, description="Its priority.")


class CircuitChargePointModel(AmpecoModel):
    circuit_id: Annotated[IdRef, PathParam, Reference("Circuit")] = Field(description="The circuit.")
    # The membership is known by its charge point: another one is another membership.
    charge_point_id: Annotated[IdRef, Immutable, Reference("ChargePoint")] = Field(
        description="The charge point on the circuit (it must have the circuit's electrical configuration).")
    priority: Annotated[Priority | None, ServerDefault] = Field(
        None, description="Share of the circuit's current: 1 equal, 2 twice, 0.5 half (0 or more, steps of 0.1); "
        "when omitted the API's default (1, inferred) applies.")
    evses: Annotated[list[EvsePriority] | None, Computed] = Field(
        None, description="Per-EVSE priorities of the charge point (set in the back office).")


_ACTIONS = "/public-api/actions/circuit/v2.0/{circuit_id}"

SPEC = ResourceSpec(
    kind="CircuitChargePoint",
    module="circuit_charge_point",
    model=CircuitChargePointModel,
    collection="/public-api/resources/circuits/v2.0/{circuit_id}",
    description="A charge point on a load-management circuit, with its priority.",
    actions=ActionDriven(
        create=Action(f"{_ACTIONS}/attach-charge-point", body=("charge_point_id", "priority")),
        update=Action(f"{_ACTIONS}/set-charge-point-priority/{{charge_point_id}}", body=("priority",)),
        delete=Action(f"{_ACTIONS}/detach-charge-point/{{charge_point_id}}"),
        listed_in="chargePointPriorities",
        id="charge_point_id",
    ),
    # set-charge-point-priority requires priority, so every update sends it.
    always_send=("priority",),
    # A charge point is on a circuit at most once.
    natural_key=("charge_point_id",),
    # A charge point is on one circuit at most: moving it detaches it before attaching it elsewhere.
    delete_before_replace=True,
    section="circuit_charge_points",
    export_name=("charge_point_id",),
)
