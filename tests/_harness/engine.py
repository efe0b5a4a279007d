"""A small, honest imitation of the Pulumi engine's step generation, driving a real provider process.

A Pulumi program (a plain callable that constructs resources, like ``__main__.py``) runs under
``pulumi.runtime.set_mocks`` with our own ``MockMonitor`` subclass. The monitor sees the full
``RegisterResourceRequest`` (dependencies, ``replaceOnChanges``, ``deleteBeforeReplace``,
``ignoreChanges``, ``additionalSecretOutputs``, ``protect``...) and answers each registration the way
the engine does: Check, then Diff against state, then Create/Update/replace (or nothing in preview),
with real gRPC calls to a :class:`~provider_process.ProviderProcess`. The outputs it returns are what
the program's dependents see (real ids on ``up``; the engine's unknowns in preview).

State (``Engine.state``) persists across operations like a stack's state file. Rules follow the
engine's step generator (``pkg/resource/deploy/step_generator.go``) as described in
/work/shared/design/PLATFORM.md; the package docstring (``_harness/__init__.py``) lists
what is NOT modeled.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import contextvars
import copy
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from inspect import isawaitable
from typing import Any

from pulumi.runtime import mocks as _mocks
from pulumi.runtime.config import set_all_config
from pulumi.runtime.proto import resource_pb2

from .props import UNKNOWN, Secret, contains_unknowns, from_struct, is_unknown, to_struct, unwrap_secrets
from .provider_process import DiffResult, PartialFailure, ProviderError, ProviderProcess

STACK_TYPE = "pulumi:pulumi:Stack"


# -- results ----------------------------------------------------------------------------------


@dataclass
class StateEntry:
    """One resource in the stack's state (the checkpoint's ``resources[]`` entry, simplified)."""

    urn: str
    type: str
    name: str
    id: str = ""
    custom: bool = True
    inputs: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, Any] = field(default_factory=dict)
    dependencies: list[str] = field(default_factory=list)
    property_dependencies: dict[str, list[str]] = field(default_factory=dict)
    parent: str = ""
    protect: bool = False
    retain_on_delete: bool = False
    delete_before_replace: bool | None = None  # the resource option, None = not set
    ignore_changes: list[str] = field(default_factory=list)
    replace_on_changes: list[str] = field(default_factory=list)
    additional_secret_outputs: list[str] = field(default_factory=list)
    secret_inputs: set[str] = field(default_factory=set)
    secret_outputs: set[str] = field(default_factory=set)
    external: bool = False  # read via `get`/ReadResource: never deleted by the engine
    init_errors: list[str] = field(default_factory=list)
    """Why the last Create/Update failed part-way (a partial failure): the next up updates it anyway."""

    def all_dependencies(self) -> set[str]:
        deps = set(self.dependencies)
        for urns in self.property_dependencies.values():
            deps.update(urns)
        if self.parent:
            deps.add(self.parent)
        return deps


@dataclass
class Step:
    """One step of an operation. ``op`` is create/same/update/replace/delete/read/refresh-changed."""

    urn: str
    type: str
    name: str
    op: str
    changed_keys: list[str] = field(default_factory=list)
    replaces: list[str] = field(default_factory=list)
    error: str | None = None
    id: str | None = None
    old_id: str | None = None
    delete_before_replace: bool = False
    diff: DiffResult | None = None  # the provider's raw answer, when Diff was called
    detailed_diff: list[str] = field(default_factory=list)  # engine-computed paths (changes=unknown)
    inputs: dict[str, Any] | None = None  # checked inputs sent to the provider
    outputs: dict[str, Any] | None = None
    detail: str = ""


@dataclass
class Plan:
    """What an operation did (or, for preview, would do)."""

    operation: str
    steps: list[Step] = field(default_factory=list)
    calls: dict[str, int] = field(default_factory=dict)  # provider RPCs made during the operation
    outputs: dict[str, Any] = field(default_factory=dict)  # stack exports (UNKNOWN when unknown)
    error: str | None = None

    def ops(self) -> dict[str, int]:
        return dict(collections.Counter(s.op for s in self.steps))

    def changes(self) -> list[Step]:
        return [s for s in self.steps if s.op != "same"]

    def by_op(self, op: str) -> list[Step]:
        return [s for s in self.steps if s.op == op]

    def step(self, name: str, op: str | None = None) -> Step:
        """The single step for resource ``name`` (optionally of one op)."""
        found = [s for s in self.steps if s.name == name and (op is None or s.op == op)]
        if len(found) != 1:
            raise KeyError(f"{len(found)} steps for {name!r} (op={op}) in {self.summary()}")
        return found[0]

    def summary(self) -> str:
        return ", ".join(f"{s.op} {s.name}" + (f" [error: {s.error}]" if s.error else "") for s in self.steps)

    def __str__(self) -> str:
        return f"<Plan {self.operation}: {self.summary() or 'no steps'}>"


class DeploymentError(Exception):
    """The operation failed; ``plan`` holds the steps done so far and ``errors`` each failure."""

    def __init__(self, operation: str, errors: list[str], plan: Plan) -> None:
        self.operation = operation
        self.errors = errors
        self.plan = plan
        super().__init__(f"{operation} failed:\n" + "\n".join(f"  - {e}" for e in errors))


class EngineTimeout(DeploymentError):
    pass


class StepFailed(Exception):
    """Raised into the program for a failed registration (the SDK then fails dependents)."""


# -- helpers ----------------------------------------------------------------------------------


def _diff_paths(old: Any, new: Any, path: str) -> list[str]:
    """Leaf paths that differ, like the engine's ObjectDiff/DetailedDiff (unknown counts as changed)."""
    if is_unknown(new) or is_unknown(old):
        return [path]
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[str] = []
        for k in sorted(set(old) | set(new)):
            sub = f"{path}.{k}" if path else k
            if k not in old or k not in new:
                out.append(sub)
            else:
                out.extend(_diff_paths(old[k], new[k], sub))
        return out
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            return [path]
        out = []
        for i, (a, b) in enumerate(zip(old, new)):
            out.extend(_diff_paths(a, b, f"{path}[{i}]"))
        return out
    return [] if old == new else [path]


def engine_input_diff(
    old_inputs: Mapping[str, Any], new_inputs: Mapping[str, Any]
) -> tuple[list[str], list[str]]:
    """What the engine does itself when the provider answers DIFF_UNKNOWN: (changed keys, paths)."""
    paths = _diff_paths(dict(old_inputs), dict(new_inputs), "")
    keys = sorted({p.split(".")[0].split("[")[0] for p in paths})
    return keys, paths


def _path_matches(pattern: str, path: str) -> bool:
    if pattern == "*":
        return True
    for a, b in ((pattern, path), (path, pattern)):
        if a == b or b.startswith((a + ".", a + "[")):
            return True
    return False


def _apply_ignore_changes(
    news: dict[str, Any], old_inputs: Mapping[str, Any], ignore: Iterable[str]
) -> dict[str, Any]:
    """Top-level ``ignore_changes``: keep the old input value (or drop the key if it had none)."""
    out = dict(news)
    for key in ignore:
        top = key.split(".")[0].split("[")[0]
        if top in old_inputs:
            out[top] = copy.deepcopy(old_inputs[top])
        else:
            out.pop(top, None)
    return out


def _delete_order(entries: list[StateEntry], universe: Mapping[str, StateEntry]) -> list[StateEntry]:
    """Dependents (and children) before what they depend on; ties in reverse state order."""
    remaining = {e.urn: e for e in entries}
    position = {urn: i for i, urn in enumerate(universe)}
    ordered: list[StateEntry] = []
    while remaining:
        blocked: set[str] = set()
        for e in remaining.values():
            blocked.update(d for d in e.all_dependencies() if d in remaining and d != e.urn)
        ready = [e for urn, e in remaining.items() if urn not in blocked]
        if not ready:  # a cycle should not happen; fall back to reverse order
            ready = list(remaining.values())
        ready.sort(key=lambda e: position.get(e.urn, -1), reverse=True)
        for e in ready:
            ordered.append(e)
            del remaining[e.urn]
    return ordered


def _message(exc: BaseException) -> str:
    if isinstance(exc, ProviderError):
        return exc.message
    return f"{type(exc).__name__}: {exc}" if not isinstance(exc, StepFailed) else str(exc)


# -- the monitor ------------------------------------------------------------------------------


class _NoMocks(_mocks.Mocks):
    def new_resource(self, args: _mocks.MockResourceArgs) -> tuple[str | None, dict]:
        raise AssertionError("unreachable: the harness monitor answers registrations itself")

    def call(self, args: _mocks.MockCallArgs) -> tuple[dict, list[tuple[str, str]] | None]:
        raise NotImplementedError(f"invoke {args.token!r}: the harness does not model invokes")


class _Monitor(_mocks.MockMonitor):
    """Receives the program's raw registration requests and hands them to the running operation."""

    def __init__(self, run: _Run) -> None:
        super().__init__(_NoMocks())
        self._run = run

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        # Like resource.NewURN: the parent's type qualifies the child's, except the root stack's
        # (the SDK's MockMonitor would write "pulumi:pulumi:Stack$..." for every top-level resource).
        if parent:
            parent_type = parent.split("::")[2]
            if parent_type != STACK_TYPE:
                type_ = f"{parent_type}${type_}"
        engine = self._run.engine
        return f"urn:pulumi:{engine.stack}::{engine.project}::{type_}::{name}"

    def RegisterResource(self, request: resource_pb2.RegisterResourceRequest) -> Any:
        urn = self.make_urn(request.parent, request.type, request.name)
        if request.type == STACK_TYPE:
            return resource_pb2.RegisterResourceResponse(urn=urn)
        return self._run.register(urn, request)

    def ReadResource(self, request: resource_pb2.ReadResourceRequest) -> Any:
        urn = self.make_urn(request.parent, request.type, request.name)
        return self._run.read_resource(urn, request)


# -- one operation ----------------------------------------------------------------------------


class _Run:
    """State of one preview/up: which URNs registered, failures, in-flight registrations."""

    def __init__(self, engine: Engine, preview: bool, plan: Plan) -> None:
        self.engine = engine
        self.provider = engine.provider
        self.preview = preview
        self.plan = plan
        self.start_state = dict(engine.state)
        self.registered: list[str] = []
        self.errors: list[str] = []
        self.failed = False
        self.replaced: list[StateEntry] = []  # create-before-delete replacements: delete at the end
        self.cond = threading.Condition()
        self.inflight = 0
        self.loop_errors: list[str] = []

    # bookkeeping -------------------------------------------------------------------------

    def _add_step(self, step: Step) -> None:
        with self.cond:
            self.plan.steps.append(step)

    def _fail(self, step: Step, exc: BaseException) -> StepFailed:
        msg = _message(exc)
        step.error = msg
        with self.cond:
            self.failed = True
            self.errors.append(f"{step.type} {step.name!r} ({step.op}): {msg}")
            self.plan.steps.append(step)
        return StepFailed(f"{step.type} {step.name!r}: {msg}")

    def register(self, urn: str, req: resource_pb2.RegisterResourceRequest) -> Any:
        with self.cond:
            if self.failed:
                raise StepFailed(f"{req.type} {req.name!r}: not attempted, an earlier step failed")
            if urn in self.registered:
                self.failed = True
                msg = f"Duplicate resource URN {urn!r}; try giving it a unique name"
                self.errors.append(msg)
                raise StepFailed(msg)
            self.registered.append(urn)
            self.inflight += 1
        try:
            return self._register(urn, req)
        finally:
            with self.cond:
                self.inflight -= 1
                self.cond.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        with self.cond:
            return self.cond.wait_for(lambda: self.inflight == 0, timeout)

    # registration --------------------------------------------------------------------------

    def _register(self, urn: str, req: resource_pb2.RegisterResourceRequest) -> Any:
        raw = from_struct(req.object)
        news, secret_inputs = unwrap_secrets(raw)
        prop_deps = {k: list(v.urns) for k, v in req.propertyDependencies.items()}
        deps = list(dict.fromkeys(req.dependencies))
        old = self.start_state.get(urn)
        new = StateEntry(
            urn=urn,
            type=req.type,
            name=req.name,
            custom=req.custom,
            dependencies=deps,
            property_dependencies=prop_deps,
            parent=req.parent,
            protect=bool(req.protect),
            retain_on_delete=bool(req.retainOnDelete),
            delete_before_replace=req.deleteBeforeReplace if req.deleteBeforeReplaceDefined else None,
            ignore_changes=list(req.ignoreChanges),
            replace_on_changes=list(req.replaceOnChanges),
            additional_secret_outputs=list(req.additionalSecretOutputs),
            secret_inputs=secret_inputs,
        )
        step = Step(urn=urn, type=req.type, name=req.name, op="create" if old is None else "same")

        if not req.custom:
            # Component: no provider; the engine records it (inputs are its registered outputs).
            new.inputs = news
            new.outputs = news
            self._add_step(step)
            if not self.preview:
                self.engine._put(new)
            return resource_pb2.RegisterResourceResponse(urn=urn, object=to_struct(raw))

        try:
            if req.provider:
                raise NotImplementedError("explicit provider resources are not modeled by the harness")
            if req.importId:
                raise NotImplementedError("import is not modeled (it fails for dynamic resources anyway)")
            if old is not None and new.ignore_changes:
                news = _apply_ignore_changes(news, old.inputs, new.ignore_changes)

            # 1. Check(olds=old inputs, news)
            checked, failures = self.provider.check(
                urn, old.inputs if old else {}, news, old_outputs=old.outputs if old else None
            )
            if failures:
                reasons = "; ".join(f"{prop}: {reason}" if prop else reason for prop, reason in failures)
                raise StepFailed(f"check failed: {reasons}")
            step.inputs = checked

            # 2. Diff(olds=old OUTPUTS, news=checked, old_inputs) and the engine's decision
            dbr = False
            if old is not None:
                diff = self.provider.diff(
                    urn, old.id, old.outputs, checked, old.inputs, ignore_changes=new.ignore_changes
                )
                step.diff = diff
                replaces = list(diff.replaces)
                if diff.changes == "unknown":
                    keys, paths = engine_input_diff(old.inputs, checked)
                    step.changed_keys, step.detailed_diff = keys, paths
                    changes = bool(keys)
                else:
                    changes = diff.changes == "some"
                    step.changed_keys = list(diff.changed_keys)
                    paths = list(diff.changed_keys)
                if new.replace_on_changes and paths:
                    replaces += [
                        p for p in paths if any(_path_matches(pat, p) for pat in new.replace_on_changes)
                    ]
                # As in generateStepsFromDiff: replacement only when there are changes at all
                # (a DIFF_NONE answer with `replaces` is still "same").
                replaces = list(dict.fromkeys(replaces))
                step.replaces = replaces
                step.old_id = old.id
                if changes and replaces:
                    step.op = "replace"
                    dbr = (
                        new.delete_before_replace
                        if new.delete_before_replace is not None
                        else bool(diff.delete_before_replace)
                    )
                    step.delete_before_replace = dbr
                    if old.protect:
                        raise StepFailed("unable to replace resource: it is protected")
                    # The engine re-checks with no olds (in preview too): defaults carried over
                    # from the old resource no longer apply to a brand-new one.
                    checked, failures = self.provider.check(urn, {}, news)
                    if failures:
                        reasons = "; ".join(f"{p}: {r}" if p else r for p, r in failures)
                        raise StepFailed(f"check failed: {reasons}")
                    step.inputs = checked
                elif changes or old.init_errors:
                    # As step_generator.go: a resource left with init errors (a partial failure) gets
                    # an update even when nothing changed, to finish what it started.
                    step.op = "update"
                else:
                    step.op = "same"

            # 3. The operation itself
            if step.op == "same":
                assert old is not None
                new.id, new.outputs = old.id, old.outputs
                new.secret_outputs = set(old.secret_outputs)
                new.inputs = checked
            elif self.preview:
                # The provider is not called (the dynamic server has no preview support): the
                # engine returns the checked inputs as outputs; a new id is unknown.
                new.id = old.id if (step.op == "update" and old is not None) else ""
                new.inputs = checked
                new.outputs = dict(checked)
            elif step.op == "create":
                new.inputs = checked
                with self._partial(new):
                    new.id, new.outputs = self.provider.create(urn, checked)
            elif step.op == "update":
                assert old is not None
                new.id = old.id
                new.inputs = checked
                with self._partial(new):
                    new.outputs = self.provider.update(
                        urn, old.id, old.outputs, checked, old.inputs, ignore_changes=new.ignore_changes
                    )
            elif step.op == "replace":
                assert old is not None
                if dbr:
                    self.provider.delete(urn, old.id, old.outputs, old.inputs)
                    self.engine._drop(urn)
                new.id, new.outputs = self.provider.create(urn, checked)
                new.inputs = checked
                if not dbr:
                    with self.cond:
                        self.replaced.append(old)
        except Exception as exc:  # noqa: BLE001 - every failure fails the step with its message
            raise self._fail(step, exc) from None

        if step.op != "same":
            # acceptSecrets=False: an output is re-marked secret if the input of that name was.
            new.secret_outputs = (new.secret_inputs | set(new.additional_secret_outputs)) & set(new.outputs)
        else:
            new.secret_outputs |= set(new.additional_secret_outputs) & set(new.outputs)
        step.id = new.id
        step.outputs = new.outputs
        self._add_step(step)
        if not self.preview:
            self.engine._put(new)
        obj = {k: (Secret(v) if k in new.secret_outputs else v) for k, v in new.outputs.items()}
        return resource_pb2.RegisterResourceResponse(urn=urn, id=new.id or "", object=to_struct(obj))

    @contextlib.contextmanager
    def _partial(self, new: StateEntry) -> Iterator[None]:
        """A Create/Update that fails part-way (PartialFailure) is recorded as the engine records it:
        its id and outputs, the new inputs and the reasons as init errors; then the step fails."""
        try:
            yield
        except PartialFailure as failed:
            if not self.preview and failed.id:
                new.id, new.outputs, new.init_errors = failed.id or new.id, failed.outputs, failed.reasons
                new.secret_outputs = (new.secret_inputs | set(new.additional_secret_outputs)) & set(new.outputs)
                self.engine._put(new)
            raise

    def read_resource(self, urn: str, req: resource_pb2.ReadResourceRequest) -> Any:
        """``opts.id`` (or a static ``get``): Read the existing object; recorded as external state."""
        props, _ = unwrap_secrets(from_struct(req.properties))
        step = Step(urn=urn, type=req.type, name=req.name, op="read", id=req.id)
        with self.cond:
            if urn in self.registered:
                raise StepFailed(f"Duplicate resource URN {urn!r}")
            self.registered.append(urn)
        try:
            # A user-driven read: the engine sends no state, the program's properties as inputs
            # (the dynamic server falls back to them to find ``__provider``).
            result = self.provider.read(urn, req.id, {}, props)
            if not result.id:
                raise StepFailed(f"resource {req.id!r} does not exist")
        except Exception as exc:  # noqa: BLE001
            raise self._fail(step, exc) from None
        step.outputs = result.outputs
        self._add_step(step)
        if not self.preview:
            self.engine._put(
                StateEntry(
                    urn=urn,
                    type=req.type,
                    name=req.name,
                    id=result.id,
                    inputs=result.inputs or {},
                    outputs=result.outputs,
                    parent=req.parent,
                    dependencies=list(req.dependencies),
                    external=True,
                )
            )
        return resource_pb2.ReadResourceResponse(urn=urn, properties=to_struct(result.outputs))

    # deletions after the program ------------------------------------------------------------

    def delete_phase(self) -> None:
        """Resources no longer in the program (dependents first), then originals of
        create-before-delete replacements (this run's and earlier failed runs' pending ones)."""
        gone = [e for urn, e in self.start_state.items() if urn not in self.registered]
        replaced = list(self.replaced)
        if not self.preview:
            with self.engine._lock:
                replaced = self.engine.pending_deletes + replaced
                self.engine.pending_deletes = []
        work = [(e, False) for e in _delete_order(gone, self.start_state)] + [(e, True) for e in replaced]
        for index, (entry, is_replaced) in enumerate(work):
            # A replaced original is already reported by its "replace" step; only failures show it.
            step = Step(
                urn=entry.urn,
                type=entry.type,
                name=entry.name,
                op="delete-replaced" if is_replaced else "delete",
                id=entry.id,
                old_id=entry.id,
            )
            try:
                step.detail = self.engine._delete_entry(
                    entry, preview=self.preview, keep_in_state=is_replaced
                )
            except Exception as exc:  # noqa: BLE001
                self._fail(step, exc)
                if not self.preview:
                    self.engine.pending_deletes.extend(e for e, r in work[index:] if r)
                return
            if not is_replaced:
                self._add_step(step)


# -- the engine -------------------------------------------------------------------------------


class StateLookups:
    """Finding resources in an engine's ``state`` (shared by this Engine and the real one)."""

    state: dict[str, StateEntry]

    def resource(self, name: str, type_: str | None = None) -> StateEntry:
        """The state entry of resource ``name`` (optionally of a type)."""
        found = [e for e in self.state.values() if e.name == name and (type_ is None or e.type == type_)]
        if len(found) != 1:
            raise KeyError(f"{len(found)} resources named {name!r} in state")
        return found[0]


class Engine(StateLookups):
    """Preview/up/refresh/destroy of a program against a provider process, with state in memory.

    ``_harness.real_cli.RealEngine`` has the same interface, backed by the real CLI.

    ``config`` is the stack config ("ns:key" -> string): the program sees it through
    ``pulumi.Config`` (set with ``pulumi.runtime.config.set_all_config`` inside the program's
    context; ``set_mocks`` alone does not set config) and the provider gets it via ``Configure``
    at the start of every operation (the engine passes the whole stack config to dynamic providers).
    """

    def __init__(
        self,
        provider: ProviderProcess,
        project: str = "test",
        stack: str = "dev",
        config: Mapping[str, str] | None = None,
        *,
        secret_config_keys: Iterable[str] = (),
        timeout: float = 120.0,
    ) -> None:
        self.provider = provider
        self.project = project
        self.stack = stack
        self.config: dict[str, str] = dict(config or {})
        self.secret_config_keys = set(secret_config_keys)
        self.timeout = timeout
        self.state: dict[str, StateEntry] = {}
        self._lock = threading.Lock()
        self.history: list[Plan] = []
        self.pending_deletes: list[StateEntry] = []  # originals of create-before-delete replacements

    kind = "harness"

    # state helpers ---------------------------------------------------------------------------

    def _put(self, entry: StateEntry) -> None:
        with self._lock:
            self.state[entry.urn] = entry

    def _drop(self, urn: str) -> None:
        with self._lock:
            self.state.pop(urn, None)

    def _delete_entry(self, entry: StateEntry, *, preview: bool, keep_in_state: bool = False) -> str:
        """Delete one resource as the engine would; returns why no Delete call was made, if so."""
        if entry.protect:
            raise StepFailed(f"resource {entry.urn!r} is protected; unprotect it before deleting")
        detail = ""
        if not entry.custom:
            detail = "component: no provider call"
        elif entry.external:
            detail = "external (read): dropped from state, not deleted"
        elif entry.retain_on_delete:
            detail = "retain_on_delete: dropped from state, not deleted"
        if preview:
            return detail
        if not detail:
            self.provider.delete(entry.urn, entry.id, entry.outputs, entry.inputs)
        if not keep_in_state:
            self._drop(entry.urn)
        return detail

    @property
    def calls(self) -> collections.Counter[str]:
        """Cumulative provider RPC counts (of the provider process, across operations)."""
        return self.provider.calls

    def forget(self, name: str) -> None:
        """Drop a resource from state, leaving the object on the tenant (``pulumi state delete``)."""
        self._drop(self.resource(name).urn)

    def urn(self, type_: str, name: str, parent_type: str = "") -> str:
        qualified = f"{parent_type}${type_}" if parent_type else type_
        return f"urn:pulumi:{self.stack}::{self.project}::{qualified}::{name}"

    # operations ------------------------------------------------------------------------------

    def preview(self, program: Callable[[], Any], *, raise_on_error: bool = True) -> Plan:
        return self._deploy("preview", program, preview=True, raise_on_error=raise_on_error)

    def up(self, program: Callable[[], Any], *, raise_on_error: bool = True) -> Plan:
        return self._deploy("up", program, preview=False, raise_on_error=raise_on_error)

    def refresh(self, *, raise_on_error: bool = True) -> Plan:
        """Read every resource (props=state outputs, inputs=state inputs); gone ones leave state."""
        plan = Plan("refresh")
        before = collections.Counter(self.provider.calls)
        errors: list[str] = []
        self._configure()
        for entry in list(self.state.values()):
            if not entry.custom:
                continue
            step = Step(
                urn=entry.urn, type=entry.type, name=entry.name, op="same", id=entry.id, old_id=entry.id
            )
            try:
                result = self.provider.read(entry.urn, entry.id, entry.outputs, entry.inputs)
                if not result.id:
                    step.op, step.detail = "delete", "gone: read returned no id"
                    self._drop(entry.urn)
                else:
                    new_inputs = result.inputs if result.inputs is not None else entry.inputs
                    out_keys = {
                        p.split(".")[0].split("[")[0] for p in _diff_paths(entry.outputs, result.outputs, "")
                    }
                    in_keys = {
                        p.split(".")[0].split("[")[0] for p in _diff_paths(entry.inputs, new_inputs, "")
                    }
                    step.detail = f"outputs: {sorted(out_keys)}; inputs: {sorted(in_keys)}"
                    step.id, step.outputs, step.inputs = result.id, result.outputs, new_inputs
                    if entry.external:
                        # External resources: the engine compares outputs only.
                        step.changed_keys = sorted(out_keys)
                    else:
                        # As RefreshStep.Apply (pkg/resource/deploy/step.go): the change is what an `up` of
                        # an unchanged program would do after this refresh, asked of the provider's Diff
                        # with the refreshed state as "old" and the old inputs as "new", then inverted.
                        step.diff = self.provider.diff(
                            entry.urn, result.id, result.outputs, entry.inputs, new_inputs
                        )
                        if step.diff.changes == "unknown":
                            step.changed_keys = engine_input_diff(new_inputs, entry.inputs)[0]
                        elif step.diff.changes == "some":
                            step.changed_keys = sorted(step.diff.changed_keys) or sorted(in_keys | out_keys)
                    if step.changed_keys or result.id != entry.id:
                        step.op = "refresh-changed"
                    updated = copy.copy(entry)
                    updated.id, updated.outputs, updated.inputs = result.id, result.outputs, new_inputs
                    updated.secret_outputs = (
                        entry.secret_outputs | set(entry.additional_secret_outputs)
                    ) & set(result.outputs)
                    self._put(updated)
            except Exception as exc:  # noqa: BLE001
                step.error = _message(exc)
                errors.append(f"{entry.type} {entry.name!r} (refresh): {step.error}")
            plan.steps.append(step)
        return self._finish(plan, before, errors, raise_on_error)

    def destroy(self, *, raise_on_error: bool = True) -> Plan:
        """Delete everything in state, dependents first."""
        plan = Plan("destroy")
        before = collections.Counter(self.provider.calls)
        errors: list[str] = []
        self._configure()
        for entry in list(self.pending_deletes):
            step = Step(urn=entry.urn, type=entry.type, name=entry.name, op="delete-replaced", id=entry.id)
            try:
                self._delete_entry(entry, preview=False, keep_in_state=True)
            except Exception as exc:  # noqa: BLE001
                step.error = _message(exc)
                errors.append(f"{entry.type} {entry.name!r} (delete-replaced): {step.error}")
                plan.steps.append(step)
                return self._finish(plan, before, errors, raise_on_error)
            self.pending_deletes.remove(entry)
            plan.steps.append(step)
        for entry in _delete_order(list(self.state.values()), self.state):
            step = Step(
                urn=entry.urn, type=entry.type, name=entry.name, op="delete", id=entry.id, old_id=entry.id
            )
            try:
                step.detail = self._delete_entry(entry, preview=False)
            except Exception as exc:  # noqa: BLE001
                step.error = _message(exc)
                errors.append(f"{entry.type} {entry.name!r} (delete): {step.error}")
                plan.steps.append(step)
                break
            plan.steps.append(step)
        return self._finish(plan, before, errors, raise_on_error)

    # internals ------------------------------------------------------------------------------

    def _configure(self) -> None:
        """Start a run: the real engine starts a provider process and configures it."""
        self.provider.new_run()
        self.provider.configure(self.config, secret_keys=self.secret_config_keys)

    def _finish(
        self, plan: Plan, before: collections.Counter[str], errors: list[str], raise_on_error: bool
    ) -> Plan:
        plan.calls = dict(collections.Counter(self.provider.calls) - before)
        if errors:
            plan.error = "\n".join(errors)
        self.history.append(plan)
        if errors and raise_on_error:
            raise DeploymentError(plan.operation, errors, plan)
        return plan

    def _deploy(
        self, operation: str, program: Callable[[], Any], *, preview: bool, raise_on_error: bool
    ) -> Plan:
        plan = Plan(operation)
        before = collections.Counter(self.provider.calls)
        self._configure()
        run = _Run(self, preview, plan)
        program_error, timed_out = self._run_program(program, run, preview)
        if timed_out:
            errors = [f"timed out after {self.timeout}s waiting for the program (hung registration?)"]
            plan.calls = dict(collections.Counter(self.provider.calls) - before)
            plan.error = errors[0]
            raise EngineTimeout(operation, errors, plan)
        run.wait_idle(self.timeout)
        errors = list(run.errors)
        if program_error is not None and not isinstance(program_error, StepFailed):
            errors.append(f"program failed: {_message(program_error)}")
        elif program_error is not None and not errors:
            errors.append(str(program_error))
        if not errors:
            run.delete_phase()
            errors = list(run.errors)
        elif not preview:
            self.pending_deletes.extend(run.replaced)
        if not preview:
            self._reorder_state(run)
        return self._finish(plan, before, errors, raise_on_error)

    def _reorder_state(self, run: _Run) -> None:
        """Like the engine's new snapshot: resources in registration order, then leftovers."""
        with self._lock:
            order = [u for u in run.registered if u in self.state]
            order += [u for u in self.state if u not in order]
            self.state = {u: self.state[u] for u in order}

    def _run_program(
        self, program: Callable[[], Any], run: _Run, preview: bool
    ) -> tuple[BaseException | None, bool]:
        """Run the program to completion in a fresh thread (fresh contextvars, own event loop), so
        ``set_mocks``/config never leak into the caller and a hang becomes a timeout, not a stuck test."""
        outcome: dict[str, Any] = {}

        async def main() -> None:
            from pulumi import Output
            from pulumi.runtime.settings import get_root_resource

            result = program()
            if isawaitable(result):
                result = await result
            stack = get_root_resource()
            exports = dict(getattr(stack, "outputs", {}) or {})
            if isinstance(result, Mapping):
                exports.update(result)
            for key, value in exports.items():
                out = Output.from_input(value)
                known = await out.is_known()
                val = await out.future(with_unknowns=True)
                run.plan.outputs[key] = val if known and not contains_unknowns(val) else UNKNOWN

        def target() -> None:
            from pulumi.runtime import settings
            from pulumi.runtime.stack import run_pulumi_func

            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            # Failed registrations leave unretrieved output futures behind; keep their tracebacks
            # out of the test log (the failure itself is reported through DeploymentError).
            loop.set_exception_handler(lambda _loop, ctx: run.loop_errors.append(ctx.get("message", "")))
            try:
                settings.ROOT.set(None)
                settings.SETTINGS.outputs = set()
                settings.SETTINGS.lock = threading.Lock()
                set_all_config(dict(self.config), sorted(self.secret_config_keys))
                _mocks.set_mocks(
                    _NoMocks(), project=self.project, stack=self.stack, preview=preview, monitor=_Monitor(run)
                )
                loop.run_until_complete(run_pulumi_func(main))
            except BaseException as exc:  # noqa: BLE001 - reported as the operation's failure
                outcome["error"] = exc
            finally:
                try:
                    loop.run_until_complete(loop.shutdown_default_executor())
                finally:
                    loop.close()

        thread = threading.Thread(
            target=contextvars.Context().run,
            args=(target,),
            daemon=True,
            name=f"pulumi-program-{run.plan.operation}",
        )
        thread.start()
        thread.join(self.timeout)
        if thread.is_alive():
            return None, True
        return outcome.get("error"), False


__all__ = [
    "DeploymentError",
    "Engine",
    "EngineTimeout",
    "Plan",
    "StateEntry",
    "Step",
    "StepFailed",
    "engine_input_diff",
]
