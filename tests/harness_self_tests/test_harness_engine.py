"""Engine: programs -> real provider process -> JSON "server" and back, one lifecycle rule per test."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pulumi
import pytest
from _harness import UNKNOWN, DeploymentError, Engine, EngineTimeout, ProviderProcess
from _harness.sample_provider import THING_TYPE, Thing, calls, delay, fault, reset, sample_process, things


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("things")


@pytest.fixture(scope="module")
def proc(store: Path) -> Iterator[ProviderProcess]:
    with sample_process(store) as process:
        yield process


@pytest.fixture
def engine(proc: ProviderProcess, store: Path) -> Engine:
    reset(store)
    return Engine(proc, project="test", stack="dev")


def parent_and_child(parent_label: str = "p", kind: str | None = None, child: bool = True) -> None:
    parent = Thing("parent", label=parent_label, kind=kind)
    if child:
        Thing("child", label="c", parent_id=parent.thing_id)
    pulumi.export("parent_id", parent.id)


def writes(plan_calls: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in plan_calls.items() if k in ("Create", "Update", "Delete")}


# -- create / same / update / replace -----------------------------------------------------------


def test_up_creates_and_dependents_see_real_ids(engine: Engine, store: Path) -> None:
    plan = engine.up(parent_and_child)
    assert plan.ops() == {"create": 2}
    parent, child = engine.resource("parent"), engine.resource("child")
    assert child.inputs["parent_id"] == parent.id == parent.outputs["thing_id"]
    assert plan.outputs == {"parent_id": parent.id}
    assert set(things(store)) == {parent.id, child.id}
    assert parent.urn == f"urn:pulumi:dev::test::{THING_TYPE}::parent"
    assert child.urn in engine.state and parent.urn in child.dependencies


def test_second_up_is_all_same_and_writes_nothing(engine: Engine) -> None:
    engine.up(parent_and_child)
    plan = engine.up(parent_and_child)
    assert plan.ops() == {"same": 2}
    assert plan.changes() == []
    assert writes(plan.calls) == {}
    assert plan.calls["Check"] == 2 and plan.calls["Diff"] == 2


def test_preview_after_up_is_empty(engine: Engine) -> None:
    engine.up(parent_and_child)
    plan = engine.preview(parent_and_child)
    assert plan.changes() == [] and writes(plan.calls) == {}


def test_label_change_updates_in_place(engine: Engine, store: Path) -> None:
    engine.up(parent_and_child)
    old_id = engine.resource("parent").id
    plan = engine.up(lambda: parent_and_child("p2"))
    assert plan.ops() == {"update": 1, "same": 1}
    assert plan.step("parent").id == old_id == engine.resource("parent").id
    assert things(store)[old_id]["label"] == "p2" and things(store)[old_id]["revision"] == 2
    assert writes(plan.calls) == {"Update": 1}


def test_kind_change_replaces_create_before_delete(engine: Engine, store: Path) -> None:
    engine.up(parent_and_child)
    old_id = engine.resource("parent").id
    plan = engine.up(lambda: parent_and_child(kind="fancy"))
    step = plan.step("parent")
    assert step.op == "replace" and step.replaces == ["kind"] and not step.delete_before_replace
    new_id = engine.resource("parent").id
    assert new_id != old_id and step.old_id == old_id and step.id == new_id
    assert old_id not in things(store) and new_id in things(store)
    # The dependent moved to the new parent before the old one was deleted (create-before-delete).
    assert plan.step("child").op == "update" and engine.resource("child").inputs["parent_id"] == new_id
    log = [(e["method"], e.get("id")) for e in calls(store) if e["method"] in ("create", "update", "delete")]
    assert log[-1] == ("delete", old_id)
    assert plan.calls["Check"] == 3  # replacement is re-checked with empty olds, as the engine does


def test_delete_before_replace_option_deletes_first(engine: Engine, store: Path) -> None:
    opts = pulumi.ResourceOptions(delete_before_replace=True)
    engine.up(lambda: Thing("solo", label="s", opts=opts))
    old_id = engine.resource("solo").id
    plan = engine.up(lambda: Thing("solo", label="s", kind="fancy", opts=opts))
    assert plan.step("solo").delete_before_replace
    methods = [e["method"] for e in calls(store) if e["method"] in ("create", "delete")]
    assert methods[-2:] == ["delete", "create"]
    assert old_id not in things(store)


def test_diff_receives_old_outputs(engine: Engine, store: Path) -> None:
    engine.up(lambda: Thing("solo", label="s"))
    engine.up(lambda: Thing("solo", label="s2"))
    olds = calls(store, "diff")[-1]["olds"]
    assert olds["revision"] == 1 and olds["thing_id"] == engine.resource("solo").id  # output-only fields


# -- preview and unknowns -----------------------------------------------------------------------


def test_preview_of_fresh_program_sends_unknowns_and_creates_nothing(engine: Engine, store: Path) -> None:
    plan = engine.preview(parent_and_child)
    assert plan.ops() == {"create": 2}
    assert set(plan.calls) <= {"Configure", "Check"}
    assert engine.state == {} and things(store) == {}
    child_check = [e for e in calls(store, "check") if e["news"]["label"] == "c"][-1]
    assert child_check["news"]["parent_id"] == "<unknown:Unknown>"
    assert plan.step("child").inputs["parent_id"] is UNKNOWN
    assert plan.outputs["parent_id"] is UNKNOWN


def test_preview_of_replace_makes_dependents_inputs_unknown(engine: Engine, store: Path) -> None:
    engine.up(parent_and_child)
    before = {urn: (e.id, dict(e.outputs)) for urn, e in engine.state.items()}
    plan = engine.preview(lambda: parent_and_child(kind="fancy"))
    assert plan.step("parent").op == "replace"
    assert plan.step("child").op == "update"
    assert calls(store, "diff")[-1]["news"]["parent_id"] == "<unknown:Unknown>"
    assert writes(plan.calls) == {}
    assert {urn: (e.id, e.outputs) for urn, e in engine.state.items()} == before


# -- refresh ------------------------------------------------------------------------------------


def test_refresh_after_out_of_band_change_stores_new_inputs(engine: Engine, store: Path) -> None:
    engine.up(lambda: Thing("solo", label="mine"))
    thing_id = engine.resource("solo").id
    path = store / f"{thing_id}.json"
    record = json.loads(path.read_text())
    path.write_text(json.dumps({**record, "label": "changed-in-ui"}))

    plan = engine.refresh()
    step = plan.step("solo")
    assert step.op == "refresh-changed" and "label" in step.changed_keys
    assert engine.resource("solo").outputs["label"] == "changed-in-ui"
    assert engine.resource("solo").inputs["label"] == "changed-in-ui"  # ReadResult.inputs (>= 3.216)
    # The drift now shows in the next preview: the program still says "mine".
    assert engine.preview(lambda: Thing("solo", label="mine")).step("solo").op == "update"
    assert engine.refresh().ops() == {"same": 1}


def test_refresh_after_out_of_band_delete_drops_it_and_up_recreates(engine: Engine, store: Path) -> None:
    engine.up(lambda: Thing("solo", label="s"))
    old_id = engine.resource("solo").id
    (store / f"{old_id}.json").unlink()
    plan = engine.refresh()
    assert plan.step("solo").op == "delete"
    assert engine.state == {}
    plan = engine.up(lambda: Thing("solo", label="s"))
    assert plan.ops() == {"create": 1}
    assert engine.resource("solo").id != old_id and engine.resource("solo").id in things(store)


# -- deletion -----------------------------------------------------------------------------------


def test_removed_resources_are_deleted_dependents_first(engine: Engine, store: Path) -> None:
    def three() -> None:
        root = Thing("root", label="r")
        mid = Thing("mid", label="m", parent_id=root.thing_id)
        Thing("leaf", label="l", parent_id=mid.thing_id)

    engine.up(three)
    ids = {name: engine.resource(name).id for name in ("root", "mid", "leaf")}
    plan = engine.up(lambda: None)
    assert [s.name for s in plan.steps] == ["leaf", "mid", "root"]
    assert [e["id"] for e in calls(store, "delete")] == [ids["leaf"], ids["mid"], ids["root"]]
    assert engine.state == {} and things(store) == {}


def test_preview_of_removal_deletes_nothing(engine: Engine, store: Path) -> None:
    engine.up(parent_and_child)
    plan = engine.preview(lambda: None)
    assert plan.ops() == {"delete": 2} and writes(plan.calls) == {}
    assert len(engine.state) == 2 and len(things(store)) == 2


def test_destroy_empties_state_dependents_first(engine: Engine, store: Path) -> None:
    engine.up(parent_and_child)
    plan = engine.destroy()
    assert [s.name for s in plan.steps] == ["child", "parent"]
    assert engine.state == {} and things(store) == {}


def test_protected_resource_is_not_deleted(engine: Engine, store: Path) -> None:
    engine.up(lambda: Thing("keep", label="k", opts=pulumi.ResourceOptions(protect=True)))
    with pytest.raises(DeploymentError, match="protected"):
        engine.up(lambda: None)
    assert len(engine.state) == 1 and len(things(store)) == 1


def test_component_children_are_qualified_and_deleted_before_the_component(engine: Engine) -> None:
    class Group(pulumi.ComponentResource):
        def __init__(self, name: str) -> None:
            super().__init__("harness:index:Group", name)
            Thing(f"{name}-member", label="m", opts=pulumi.ResourceOptions(parent=self))
            self.register_outputs({})

    engine.up(lambda: Group("g"))
    member = engine.resource("g-member")
    assert member.urn == f"urn:pulumi:dev::test::harness:index:Group${THING_TYPE}::g-member"
    assert [s.name for s in engine.destroy().steps] == ["g-member", "g"]


# -- diff rules the engine applies ---------------------------------------------------------------


def test_engine_diffs_inputs_itself_when_provider_answers_unknown(engine: Engine) -> None:
    engine.up(lambda: Thing("e", label="a", size=1, engine_diff=True))
    plan = engine.up(lambda: Thing("e", label="a", size=2, engine_diff=True))
    step = plan.step("e")
    assert step.diff is not None and step.diff.changes == "unknown"
    assert step.op == "update" and step.changed_keys == ["size"]


def test_replace_on_changes_needs_changes_unknown(engine: Engine) -> None:
    roc = pulumi.ResourceOptions(replace_on_changes=["size"])
    engine.up(lambda: Thing("e", label="a", size=1, engine_diff=True, opts=roc))
    assert (
        engine.up(lambda: Thing("e", label="a", size=2, engine_diff=True, opts=roc)).step("e").op == "replace"
    )
    # With changes=True the engine has no changed keys, so replace_on_changes cannot act.
    engine.up(lambda: Thing("p", label="a", size=1, opts=roc))
    assert engine.up(lambda: Thing("p", label="a", size=2, opts=roc)).step("p").op == "update"


def test_ignore_changes_keeps_the_old_input(engine: Engine, store: Path) -> None:
    opts = pulumi.ResourceOptions(ignore_changes=["label"])
    engine.up(lambda: Thing("i", label="first", opts=opts))
    plan = engine.up(lambda: Thing("i", label="second", opts=opts))
    assert plan.step("i").op == "same"
    assert calls(store, "check")[-1]["news"]["label"] == "first"


# -- failures -----------------------------------------------------------------------------------


def test_check_failure_fails_up_with_property_and_reason(engine: Engine, store: Path) -> None:
    with pytest.raises(DeploymentError) as info:
        engine.up(lambda: Thing("bad", label="", size=-1))
    assert "label: label must be a non-empty string" in str(info.value)
    assert "size: size must be >= 0" in str(info.value)
    assert info.value.plan.step("bad").error is not None
    assert "Create" not in info.value.plan.calls and engine.state == {}


def test_provider_exception_fails_up_and_dependents_are_not_attempted(engine: Engine, store: Path) -> None:
    fault(store, "create", "backend exploded: HTTP 500")
    with pytest.raises(DeploymentError) as info:
        engine.up(parent_and_child)
    assert "RuntimeError: backend exploded: HTTP 500" in str(info.value)
    assert info.value.plan.calls.get("Create") == 1  # the child never reached the provider
    assert engine.state == {} and things(store) == {}


def test_failed_update_keeps_old_state(engine: Engine, store: Path) -> None:
    engine.up(lambda: Thing("u", label="a"))
    fault(store, "update", "conflict: stale revision")
    with pytest.raises(DeploymentError, match="conflict: stale revision"):
        engine.up(lambda: Thing("u", label="b"))
    assert engine.resource("u").inputs["label"] == "a"


def test_program_exception_fails_the_operation(engine: Engine) -> None:
    def broken() -> None:
        Thing("ok", label="fine")
        raise ValueError("typo in the program")

    with pytest.raises(DeploymentError, match="program failed: ValueError: typo in the program"):
        engine.up(broken)
    assert [e.name for e in engine.state.values()] == ["ok"]  # registered before the error


def test_hung_program_times_out(proc: ProviderProcess) -> None:
    async def hangs() -> None:
        await asyncio.Event().wait()

    with pytest.raises(EngineTimeout):
        Engine(proc, timeout=1.0).up(hangs)


def test_independent_resources_register_concurrently(engine: Engine, store: Path) -> None:
    delay(store, "create", 0.1)
    plan = engine.up(lambda: [Thing(f"n{i}", label=f"n{i}") for i in range(8)])
    assert plan.ops() == {"create": 8} and len(things(store)) == 8


# -- secrets and config -------------------------------------------------------------------------


def test_secret_inputs_reach_the_provider_unwrapped_and_stay_marked(engine: Engine, store: Path) -> None:
    opts = pulumi.ResourceOptions(additional_secret_outputs=["thing_id"])
    engine.up(lambda: Thing("s", label=pulumi.Output.secret("s3cr3t"), opts=opts))
    assert calls(store, "create")[-1]["props"]["label"] == "s3cr3t"  # acceptSecrets=False
    entry = engine.resource("s")
    assert {"label", "__provider"} <= entry.secret_inputs
    assert {"label", "thing_id", "__provider"} <= entry.secret_outputs


def test_stack_config_reaches_program_and_configure(store: Path) -> None:
    token = "tok-config-7d1e"
    reset(store)
    with sample_process(store) as fresh:  # fresh process: configure() runs once per process
        engine = Engine(
            fresh,
            config={"sample:greeting": "hello", "sample:token": token},
            secret_config_keys=["sample:token"],
        )
        engine.up(lambda: Thing("c", label=pulumi.Config("sample").require("greeting")))
        assert engine.resource("c").inputs["label"] == "hello"
        seen = calls(store, "configure")
        assert seen and seen[-1]["greeting"] == "hello" and seen[-1]["has_token"] is True
        assert seen[-1]["project"] == "test"
        assert token not in fresh.output
        assert token not in repr(engine.state)


# -- reads of existing objects ------------------------------------------------------------------


def test_opts_id_reads_an_existing_object_and_never_deletes_it(engine: Engine, store: Path) -> None:
    engine.up(lambda: Thing("owner", label="o"))
    existing = engine.resource("owner").id

    def program() -> None:
        Thing("owner", label="o")
        seen = Thing("seen", label="ignored", opts=pulumi.ResourceOptions(id=existing))
        pulumi.export("seen_label", seen.label)

    plan = engine.up(program)
    assert plan.step("seen").op == "read" and plan.outputs["seen_label"] == "o"
    assert engine.resource("seen").external
    assert plan.calls.get("Read") == 1 and writes(plan.calls) == {}
    destroy = engine.destroy()
    assert destroy.step("seen").detail.startswith("external") and destroy.calls["Delete"] == 1


def test_retain_on_delete_drops_from_state_without_deleting(engine: Engine, store: Path) -> None:
    engine.up(lambda: Thing("kept", label="k", opts=pulumi.ResourceOptions(retain_on_delete=True)))
    plan = engine.up(lambda: None)
    assert plan.ops() == {"delete": 1} and writes(plan.calls) == {}
    assert engine.state == {} and len(things(store)) == 1


def test_failed_delete_of_replaced_original_is_retried_next_up(engine: Engine, store: Path) -> None:
    engine.up(lambda: Thing("r", label="r"))
    old_id = engine.resource("r").id
    fault(store, "delete", "delete refused")
    with pytest.raises(DeploymentError, match="delete refused"):
        engine.up(lambda: Thing("r", label="r", kind="fancy"))
    new_id = engine.resource("r").id
    assert new_id != old_id and [e.id for e in engine.pending_deletes] == [old_id]
    fault(store, "delete", None)
    engine.up(lambda: Thing("r", label="r", kind="fancy"))
    assert engine.pending_deletes == [] and set(things(store)) == {new_id}
