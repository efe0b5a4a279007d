"""ProviderProcess against the SDK's real dynamic-provider server: the raw RPCs, as the engine sends them."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Iterator
from pathlib import Path

import pytest
from _harness import UNKNOWN, ProviderError, ProviderProcess, serialize_provider, wait_for
from _harness.sample_provider import (
    THING_TYPE,
    ThingProvider,
    calls,
    delay,
    fault,
    reset,
    sample_process,
    things,
)

URN = f"urn:pulumi:dev::test::{THING_TYPE}::a"
BLOB = serialize_provider(ThingProvider())
TOKEN = "tok-never-logged-9c1f"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("things")


@pytest.fixture(scope="module")
def proc(store: Path) -> Iterator[ProviderProcess]:
    with sample_process(store) as process:
        process.configure({"sample:greeting": "hi", "sample:token": TOKEN}, secret_keys=["sample:token"])
        yield process


@pytest.fixture(autouse=True)
def _empty_store(store: Path) -> None:
    reset(store)


def test_configure_answers_like_the_dynamic_server(store: Path) -> None:
    with sample_process(store) as process:
        flags = process.configure({"sample:greeting": "hi"})
        assert flags["accept_secrets"] is False  # so the engine strips secrets before every call
        assert flags["supports_preview"] is False  # so Create/Update are never called in preview
        assert process.get_plugin_info() == "0.1.0"


def test_provider_blob_is_a_by_reference_pickle() -> None:
    # A module-level class in an importable module pickles by reference: ~100 bytes, no bytecode.
    assert len(BLOB) < 200


def test_check_sees_unknown_as_sdk_unknown_and_keeps_it(proc: ProviderProcess, store: Path) -> None:
    inputs, failures = proc.check(URN, {}, {"label": "x", "parent_id": UNKNOWN, "__provider": BLOB})
    assert failures == []
    assert inputs["parent_id"] is UNKNOWN  # round-trips as the sentinel
    assert inputs["kind"] == "basic"
    # Inside the provider the sentinel is a pulumi.output.Unknown instance, not the raw string.
    assert calls(store, "check")[-1]["news"]["parent_id"] == "<unknown:Unknown>"


def test_check_failures_come_back_as_property_and_reason(proc: ProviderProcess) -> None:
    _, failures = proc.check(URN, {}, {"label": "", "size": -2, "__provider": BLOB})
    assert ("label", "label must be a non-empty string") in failures
    assert ("size", "size must be >= 0") in failures


def test_crud_round_trip_and_diff_gets_old_outputs(proc: ProviderProcess, store: Path) -> None:
    created = proc.create(URN, {"label": "x", "kind": "basic", "size": 3, "__provider": BLOB})
    assert created.outputs["thing_id"] == created.id
    assert created.outputs["size"] == 3.0  # Struct numbers are doubles on the real wire too
    assert created.outputs["__provider"] == BLOB  # the server writes the pickle back into outputs

    diff = proc.diff(URN, created.id, created.outputs, {"label": "y", "kind": "basic", "__provider": BLOB})
    assert diff.changes == "some" and diff.replaces == []
    # The dynamic server can only forward changes/replaces/deleteBeforeReplace.
    assert diff.changed_keys == [] and diff.detailed_diff == {}
    assert calls(store, "diff")[-1]["olds"]["revision"] == 1  # an output-only field: olds are OUTPUTS

    replace = proc.diff(URN, created.id, created.outputs, {"label": "x", "kind": "fancy", "__provider": BLOB})
    assert replace.replaces == ["kind"]

    outs = proc.update(URN, created.id, created.outputs, {"label": "y", "__provider": BLOB})
    assert outs["label"] == "y" and outs["revision"] == 2

    read = proc.read(URN, created.id, outs)
    assert read.id == created.id and read.inputs is not None and read.inputs["label"] == "y"

    proc.delete(URN, created.id, outs)
    assert things(store) == {}
    gone = proc.read(URN, created.id, outs)
    assert gone.id == "" and gone.inputs is None


def test_provider_exception_surfaces_its_message(proc: ProviderProcess, store: Path) -> None:
    fault(store, "create", "backend exploded: HTTP 503")
    with pytest.raises(ProviderError) as info:
        proc.create(URN, {"label": "x", "__provider": BLOB})
    assert info.value.rpc == "Create"
    assert info.value.message == "RuntimeError: backend exploded: HTTP 503"
    assert "Traceback" in info.value.details  # the server aborts with the full traceback


def test_output_is_drained_and_captured_without_the_token(proc: ProviderProcess) -> None:
    created = proc.create(URN, {"label": "x", "__provider": BLOB})
    proc.delete(URN, created.id, created.outputs)
    assert wait_for(lambda: f"thing: deleted {created.id}" in proc.stderr)
    assert f"thing: created {created.id}" in proc.stdout
    assert TOKEN not in proc.output


def test_sixteen_concurrent_creates_four_at_a_time(proc: ProviderProcess, store: Path) -> None:
    delay(store, "create", 0.15)
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        futures = [
            pool.submit(proc.create, f"{URN}{i}", {"label": f"t{i}", "__provider": BLOB}) for i in range(16)
        ]
        ids = [f.result(timeout=30).id for f in futures]
    assert len(set(ids)) == 16 and set(things(store)) == set(ids)
    starts = sorted(e["t"] for e in calls(store, "create"))
    ends = sorted(e["t"] for e in calls(store, "create_done"))
    # Max number of creates running at once, from the provider's own log.
    events = sorted([(t, 1) for t in starts] + [(t, -1) for t in ends])
    running = peak = 0
    for _, delta in events:
        running += delta
        peak = max(peak, running)
    assert peak == 4  # ThreadPoolExecutor(max_workers=4) in pulumi/dynamic/__main__.py


def test_stop_terminates_the_process(store: Path) -> None:
    process = sample_process(store).start()
    assert process.running
    process.stop()
    assert not process.running
    with pytest.raises(RuntimeError, match="not running"):
        process.get_plugin_info()


def test_startup_failure_is_reported(tmp_path: Path) -> None:
    broken = ProviderProcess(python=str(tmp_path / "no-such-python"))
    with pytest.raises(OSError):
        broken.start()
