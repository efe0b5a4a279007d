"""A charge point's membership of a circuit: written by actions, read through the circuit's
``include[]=chargePointPriorities`` (``ActionDriven``). On both engines."""

from __future__ import annotations

import pytest
from _harness import DeploymentError, Engine
from _samples import Program, circuit_charge_point_subject, circuit_subject

from resources._resources_kit import TenantApi

CIRCUITS = "/public-api/resources/circuits/v2.0"


def members(api: TenantApi, circuit_id: str) -> dict[int, float]:
    circuit = api.client.get(f"{CIRCUITS}/{circuit_id}", params={"include[]": "chargePointPriorities"}).json()["data"]
    return {m["id"]: m["priority"] for m in circuit["chargePointPriorities"]}


def test_moving_a_charge_point_to_another_circuit_detaches_it_first(engine: Engine, api: TenantApi) -> None:
    engine.up(Program(circuit_charge_point_subject))
    cp = int(engine.resource("cp-a").id)
    api.clear_log()
    plan = engine.up(Program(circuit_charge_point_subject, {"circuit": "b"}))
    step = plan.step("subject")
    assert step.op == "replace" and "circuit_id" in step.replaces
    actions = [w.split()[1].rsplit("/", 2)[-2] if w.endswith(f"/{cp}") else w.split()[1].rsplit("/", 1)[-1]
               for w in api.writes()]
    assert actions == ["detach-charge-point", "attach-charge-point"]  # a charge point is on one circuit at most
    assert members(api, engine.resource("circuit-a").id) == {}
    assert members(api, engine.resource("circuit-b").id) == {cp: 2}


def test_a_charge_point_on_two_circuits_is_refused_by_the_api_in_one_line(engine: Engine, api: TenantApi) -> None:
    engine.up(Program(circuit_charge_point_subject))
    engine.forget("subject")  # still attached to circuit a on the tenant
    with pytest.raises(DeploymentError) as failed:
        engine.up(Program(circuit_charge_point_subject, {"circuit": "b"}))
    message = str(failed.value)
    assert "CircuitChargePoint create failed: POST /public-api/actions/circuit/v2.0/" in message
    assert "-> 422: chargePointId: The charge point is attached to circuit" in message and "detach it first" in message


def test_a_circuit_in_multi_level_load_management_needs_its_phase_rotation(engine: Engine) -> None:
    with pytest.raises(DeploymentError) as failed:
        engine.up(Program(circuit_subject, {"phase_rotation": None}))
    assert "Circuit create failed" in str(failed.value) and "phaseRotation" in str(failed.value)
