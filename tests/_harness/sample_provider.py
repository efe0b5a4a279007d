"""A small dynamic provider used to prove the harness: "things" stored as JSON files.

The "server" is a directory named by ``$HARNESS_THING_DIR`` (read at call time, inside the provider
process), so a test can inspect and change it out of band. The provider also appends every call it
receives to ``calls.jsonl`` there, so tests can assert what really reached the provider process
(unknowns, old outputs in ``olds``, deletion order, configure()).

Behaviour, chosen to exercise each engine path:

* ``check``: ``label`` is required and non-empty, ``size`` must be >= 0 (unknowns are skipped);
  ``kind`` defaults to ``"basic"``.
* ``diff``: a changed ``kind`` forces replacement (``DiffResult(replaces=["kind"])``), ``label``/
  ``size``/``parent_id`` update in place. With ``engine_diff=True`` it answers ``changes=None`` (only
  ``replaces``), so the engine computes changed keys itself and ``replace_on_changes`` can act.
* ``create``/``update``/``read`` return full outputs including output-only ``thing_id``/``revision``;
  ``read`` returns inputs too (drift becomes visible), a missing file reads as gone.
* A file ``fail_<method>`` in the directory makes that method raise with the file's text;
  ``delay_<method>`` makes it sleep that many seconds first.

The provider instance holds no state besides ``engine_diff`` (and what ``configure`` sets, which is
not pickled because configure runs in the provider process), so dill pickles it by reference.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from pulumi import Input, Output, ResourceOptions
from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    Resource,
    ResourceProvider,
    UpdateResult,
)

DIR_ENV = "HARNESS_THING_DIR"
FIELDS = ("label", "kind", "size", "parent_id")
_LOG_LOCK = threading.Lock()


def _is_unknown(value: Any) -> bool:
    from pulumi.output import Unknown
    from pulumi.runtime.rpc import UNKNOWN

    return isinstance(value, Unknown) or value == UNKNOWN


def _describe(value: Any) -> Any:
    """JSON-safe view of what the provider received; unknowns become ``"<unknown:TypeName>"``."""
    if _is_unknown(value):
        return f"<unknown:{type(value).__name__}>"
    if isinstance(value, dict):
        return {k: _describe(v) for k, v in value.items() if k != "__provider"}
    if isinstance(value, list):
        return [_describe(v) for v in value]
    return value


def _dir() -> Path:
    path = Path(os.environ[DIR_ENV])
    path.mkdir(parents=True, exist_ok=True)
    return path


def _log(method: str, **data: Any) -> None:
    entry = {"method": method, "t": time.time(), **{k: _describe(v) for k, v in data.items()}}
    with _LOG_LOCK, open(_dir() / "calls.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, sort_keys=True) + "\n")


def _maybe_fail(method: str) -> None:
    """Out-of-band fault injection: ``delay_<method>`` (seconds) sleeps, ``fail_<method>`` raises."""
    delay = _dir() / f"delay_{method}"
    if delay.exists():
        time.sleep(float(delay.read_text(encoding="utf-8").strip() or "0"))
    marker = _dir() / f"fail_{method}"
    if marker.exists():
        raise RuntimeError(marker.read_text(encoding="utf-8").strip() or f"{method} failed")


def _desired(props: dict[str, Any]) -> dict[str, Any]:
    return {k: props[k] for k in FIELDS if props.get(k) is not None}


class ThingProvider(ResourceProvider):
    def __init__(self, engine_diff: bool = False) -> None:
        super().__init__()
        self.engine_diff = engine_diff

    def configure(self, req: ConfigureRequest) -> None:
        # Record what configure saw; the token itself is never written anywhere.
        token = req.config.get("sample:token")
        _log(
            "configure",
            greeting=req.config.get("sample:greeting"),
            project_greeting=req.config.get("greeting"),
            has_token=token is not None,
            project=os.environ.get("PULUMI_PROJECT"),
        )

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        _log("check", olds=olds, news=news)
        _maybe_fail("check")
        failures = []
        label = news.get("label")
        if not _is_unknown(label) and (not isinstance(label, str) or not label):
            failures.append(CheckFailure("label", "label must be a non-empty string"))
        size = news.get("size")
        if size is not None and not _is_unknown(size) and (not isinstance(size, (int, float)) or size < 0):
            failures.append(CheckFailure("size", "size must be >= 0"))
        inputs = dict(news)
        if inputs.get("kind") is None:
            inputs["kind"] = "basic"
        return CheckResult(inputs, failures)

    def diff(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        _log("diff", id=id_, olds=olds, news=news)
        _maybe_fail("diff")
        changed = [k for k in FIELDS if olds.get(k) != news.get(k) or _is_unknown(news.get(k))]
        replaces = ["kind"] if "kind" in changed else []
        if self.engine_diff:
            return DiffResult(changes=None, replaces=replaces)
        return DiffResult(changes=bool(changed), replaces=replaces)

    def create(self, props: dict[str, Any]) -> CreateResult:
        _log("create", props=props)
        _maybe_fail("create")
        thing_id = uuid.uuid4().hex[:12]
        record = {**_desired(props), "thing_id": thing_id, "revision": 1}
        (_dir() / f"{thing_id}.json").write_text(json.dumps(record), encoding="utf-8")
        _log("create_done", id=thing_id, thread=threading.get_ident())
        print(f"thing: created {thing_id}", flush=True)  # reaches the engine's log (stdout)
        return CreateResult(thing_id, record)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        _log("read", id=id_, props=props)
        _maybe_fail("read")
        path = _dir() / f"{id_}.json"
        if not path.exists():
            return ReadResult("", {})  # gone; outs must be a dict (the server writes __provider into it)
        record = json.loads(path.read_text(encoding="utf-8"))
        return ReadResult(id_, record, _desired(record))

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        _log("update", id=id_, olds=olds, news=news)
        _maybe_fail("update")
        path = _dir() / f"{id_}.json"
        if not path.exists():
            raise RuntimeError(f"thing {id_} not found")
        record = json.loads(path.read_text(encoding="utf-8"))
        record = {**_desired(news), "thing_id": id_, "revision": int(record.get("revision", 0)) + 1}
        path.write_text(json.dumps(record), encoding="utf-8")
        return UpdateResult(record)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        _log("delete", id=id_, props=props)
        _maybe_fail("delete")
        (_dir() / f"{id_}.json").unlink(missing_ok=True)
        print(f"thing: deleted {id_}", file=sys.stderr, flush=True)


class Thing(Resource, module="harness", name="Thing"):
    """``pulumi-python:dynamic/harness:Thing``."""

    label: Output[str]
    kind: Output[str]
    size: Output[float | None]
    parent_id: Output[str | None]
    thing_id: Output[str]
    revision: Output[float]

    def __init__(
        self,
        name: str,
        *,
        label: Input[str],
        kind: Input[str] | None = None,
        parent_id: Input[str] | None = None,
        size: Input[int] | None = None,
        engine_diff: bool = False,
        opts: ResourceOptions | None = None,
    ) -> None:
        props = {
            "label": label,
            "kind": kind,
            "parent_id": parent_id,
            "size": size,
            "thing_id": None,
            "revision": None,
        }
        super().__init__(ThingProvider(engine_diff=engine_diff), name, props, opts)


# -- test-process helpers (read the "server" and the call log) ---------------------------------


def fault(directory: str | os.PathLike[str], method: str, message: str | None = None) -> None:
    """Make ``method`` raise ``RuntimeError(message)`` in the provider (``None`` clears it)."""
    path = Path(directory) / f"fail_{method}"
    if message is None:
        path.unlink(missing_ok=True)
    else:
        path.write_text(message, encoding="utf-8")


def delay(directory: str | os.PathLike[str], method: str, seconds: float | None) -> None:
    """Make ``method`` sleep ``seconds`` before acting (``None`` clears it)."""
    path = Path(directory) / f"delay_{method}"
    if seconds is None:
        path.unlink(missing_ok=True)
    else:
        path.write_text(str(seconds), encoding="utf-8")


def reset(directory: str | os.PathLike[str]) -> None:
    """Empty the "server": things, call log, faults and delays."""
    for path in Path(directory).glob("*"):
        if path.is_file():
            path.unlink()


def things(directory: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """Every stored thing, by id."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in Path(directory).glob("*.json")}


def calls(directory: str | os.PathLike[str], method: str | None = None) -> list[dict[str, Any]]:
    """The provider's call log (optionally one method), oldest first."""
    path = Path(directory) / "calls.jsonl"
    if not path.exists():
        return []
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [e for e in entries if method is None or e["method"] == method]


def sample_process(directory: str | os.PathLike[str], **kwargs: Any) -> Any:
    """A :class:`ProviderProcess` (not started) able to import this module, storing in ``directory``."""
    from .provider_process import ProviderProcess

    env = {DIR_ENV: str(directory), **kwargs.pop("env", {})}
    tests_dir = Path(__file__).resolve().parents[1]
    return ProviderProcess(env=env, pythonpath=[str(tests_dir), *kwargs.pop("pythonpath", [])], **kwargs)


THING_TYPE = "pulumi-python:dynamic/harness:Thing"

__all__ = [
    "DIR_ENV",
    "THING_TYPE",
    "Thing",
    "ThingProvider",
    "calls",
    "delay",
    "fault",
    "reset",
    "sample_process",
    "things",
]
