"""Refresh reports only real changes: with no out-of-band change, nothing is reported changed for any
resource, and the stored inputs stay exactly as they were (a base tariff the server put in front
of a group's tariffs, or a date-time it spells with microseconds, never lands in them). An
out-of-band change is still reported, as the user's arguments would give it. Both engines."""

from __future__ import annotations

from typing import Any

from _harness import Engine
from _harness.real_cli import RealEngine
from _samples import Program, every_kind

from resources._resources_kit import TenantApi

GROUPS = "/public-api/resources/tariff-groups/v1.0"


def _inputs(engine: Engine | RealEngine) -> dict[str, dict[str, Any]]:
    return {e.name: {k: v for k, v in e.inputs.items() if k != "__provider"} for e in engine.state.values() if e.custom}


def _outputs(engine: Engine | RealEngine) -> dict[str, dict[str, Any]]:
    return {e.name: {k: v for k, v in e.outputs.items() if k != "__provider"} for e in engine.state.values()
            if e.custom}


def test_refresh_without_out_of_band_changes_changes_nothing_for_any_kind(
        engine: Engine | RealEngine, api: TenantApi) -> None:
    engine.up(Program(every_kind))
    kinds = {e.type.split(":")[-1] for e in engine.state.values() if e.custom}
    assert kinds == {"Location", "ChargingZone", "Tariff", "TariffGroup", "ChargePoint", "Evse", "Connector", "IdTag"}
    public = engine.resource("net/public")
    assert len(api.get(f"{GROUPS}/{public.id}")["tariffIds"]) == 3  # the server's base tariff, then ours
    inputs, outputs = _inputs(engine), _outputs(engine)

    plan = engine.refresh()
    assert plan.changes() == [], plan.summary()
    assert _inputs(engine) == inputs  # nothing the server added or respelled lands in the inputs
    assert _outputs(engine) == outputs
    assert engine.preview(Program(every_kind)).changes() == []
    if isinstance(engine, RealEngine):
        assert engine.cli("refresh", "--expect-no-changes", "--yes", check=False).returncode == 0, engine.last
        assert _inputs(engine) == inputs


def test_refresh_after_an_out_of_band_change_reports_it_as_the_arguments_would_give_it(
        engine: Engine | RealEngine, api: TenantApi) -> None:
    engine.up(Program(every_kind))
    public = engine.resource("net/public")
    declared = [int(i) for i in public.inputs["tariff_ids"]]
    base, *ours = api.get(f"{GROUPS}/{public.id}")["tariffIds"]
    assert ours == declared
    api.send("PUT", f"{GROUPS}/{public.id}", {"name": "Public", "tariffIds": [base, *reversed(ours)]})

    plan = engine.refresh()
    assert [s.name for s in plan.changes()] == ["net/public"]
    assert [int(i) for i in engine.resource("net/public").inputs["tariff_ids"]] == list(reversed(declared))
    up = engine.up(Program(every_kind))
    assert [(s.name, s.op) for s in up.changes()] == [("net/public", "update")]
    assert api.get(f"{GROUPS}/{public.id}")["tariffIds"] == [base, *declared]
