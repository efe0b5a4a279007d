"""The real engine behind the imitation's interface: ``RealEngine`` runs the pinned `pulumi` CLI.

A :class:`RealEngine` answers ``preview`` / ``up`` / ``refresh`` / ``destroy`` / ``resource`` /
``forget`` like :class:`~_harness.engine.Engine`, with the same :class:`Plan` and :class:`Step`
results, so one test body runs on both engines and their answers can be compared. Each instance is
a Pulumi project in its own directory (Pulumi.yaml, a file backend, a stack whose config holds
``ampeco:tenantUrl`` and the secret ``ampeco:apiToken``); programs are :class:`_samples.Program`s,
which the project's ``__main__.py`` imports by name.

Steps come from what the CLI prints with ``--json``: the preview digest (``steps[]``) for previews and
the engine event stream (``resOutputsEvent`` / ``resOpFailedEvent`` / ``diagnosticEvent`` /
``summaryEvent``) for updates, refreshes and destroys. The three events of a replacement
(create-replacement, replace, delete-replaced, in either order) become one ``replace`` step, and a
refresh that changed a resource is ``refresh-changed``, as in the imitation.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .engine import DeploymentError, Plan, StateEntry, StateLookups, Step

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
sys.path.insert(0, str(ROOT / "tools"))
import pulumi_env

REQUIRE_ENV = "AMPECO_REQUIRE_REAL_ENGINE"
"""Set (by .ci/run) to make a missing CLI fail the real-engine tests instead of skipping them."""

COMMAND_TIMEOUT = 600.0
_NOT_OURS = ("pulumi:pulumi:Stack", "pulumi:providers:")
_REPLACE_PARTS = {"create-replacement", "replace", "delete-replaced", "discard-replaced"}


def _ours(type_: str) -> bool:
    return not type_.startswith(_NOT_OURS)


_SECRET_SIG = "4dabf18193072939515e22adb298388d"  # Pulumi's marker of a secret value in a deployment


def reveal(value: Any) -> Any:
    """A ``stack export --show-secrets`` value with its secrets unwrapped (``{sig, plaintext}`` -> value)."""
    if isinstance(value, dict):
        if value.get(_SECRET_SIG) == "1b47061264138c4ac30d75fd1eb44270" and "plaintext" in value:
            return reveal(json.loads(value["plaintext"]))
        return {k: reveal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [reveal(v) for v in value]
    return value


def _name(urn: str) -> str:
    return urn.rsplit("::", 1)[-1]


def json_documents(text: str) -> Iterator[Any]:
    """Every JSON value in ``text``, in order (a digest followed by event lines, for ``up --json``)."""
    decoder = json.JSONDecoder()
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            return
        if text[i] not in "{[":  # a stray line the CLI printed as text: skip it
            nl = text.find("\n", i)
            i = n if nl < 0 else nl + 1
            continue
        value, i = decoder.raw_decode(text, i)
        yield value


# -- the program's environment ------------------------------------------------------------------


def program_venv(where: Path) -> Path:
    """A virtualenv holding this checkout installed as a wheel (as users install it), plus its deps.

    The dependencies are installed once per machine (keyed by pyproject.toml and the constraints);
    the project itself is reinstalled every test session, so the programs run the code under test.
    """
    venv = where / "venv"
    python = venv / "bin" / "python"
    key = (ROOT / "pyproject.toml").read_text() + pulumi_env.PYTHON_CONSTRAINTS.read_text()
    stamp = venv / ".deps"
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if not python.exists() or not stamp.exists() or stamp.read_text() != key:
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run([*pip, "-c", str(pulumi_env.PYTHON_CONSTRAINTS), str(ROOT)], check=True,
                       timeout=COMMAND_TIMEOUT)
        stamp.write_text(key)
    else:
        subprocess.run([*pip, "--no-deps", "--force-reinstall", str(ROOT)], check=True, timeout=COMMAND_TIMEOUT)
    return venv


# -- results --------------------------------------------------------------------------------------


@dataclass
class Result:
    """One CLI command: exit code, output, and the JSON it printed."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    @property
    def documents(self) -> list[Any]:
        return list(json_documents(self.stdout))

    def events(self) -> Iterator[dict[str, Any]]:
        return (d for d in self.documents if isinstance(d, dict) and "sequence" in d)

    def digest(self) -> dict[str, Any] | None:
        return next((d for d in self.documents if isinstance(d, dict) and "steps" in d), None)

    def error_messages(self) -> list[str]:
        out = []
        for event in self.events():
            diag = event.get("diagnosticEvent")
            if diag and diag.get("severity") == "error":
                where = diag.get("urn", "")
                out.append((f"{_name(where)}: " if where else "") + diag["message"].strip())
        digest = self.digest()
        for diag in (digest or {}).get("diagnostics", []):
            if diag.get("severity") == "error":
                where = diag.get("urn", "")
                out.append((f"{_name(where)}: " if where else "") + diag["message"].strip())
        if not out and self.returncode != 0:
            out.append((self.stderr or self.stdout).strip()[-4000:])
        return out


def _step(op: str, urn: str, type_: str, meta: Mapping[str, Any]) -> Step:
    new = meta.get("new") or meta.get("newState") or {}
    old = meta.get("old") or meta.get("oldState") or {}
    detailed = meta.get("detailedDiff") or {}
    step = Step(urn=urn, type=type_, name=_name(urn), op=op,
                changed_keys=sorted(meta.get("diffs") or meta.get("diffReasons") or []),
                replaces=sorted(meta.get("keys") or meta.get("replaceReasons") or []),
                id=new.get("id") or None, old_id=old.get("id") or None,
                detailed_diff=sorted(detailed), inputs=new.get("inputs"), outputs=new.get("outputs"))
    return step


def plan_from_digest(operation: str, digest: Mapping[str, Any]) -> Plan:
    plan = Plan(operation)
    for raw in digest.get("steps", []):
        state = raw.get("newState") or raw.get("oldState") or {}
        type_ = state.get("type", raw["urn"].split("::")[2].split("$")[-1])
        if _ours(type_):
            plan.steps.append(_step(raw["op"], raw["urn"], type_, raw))
    return plan


def plan_from_events(operation: str, events: Iterable[Mapping[str, Any]]) -> Plan:
    """Steps as the update applied them; replacements folded into one step, refreshes named."""
    plan = Plan(operation)
    by_urn: dict[str, Step] = {}
    for event in events:
        for kind in ("resOutputsEvent", "resOpFailedEvent"):
            body = event.get(kind)
            if not body:
                continue
            meta = body["metadata"]
            urn, type_, op = meta["urn"], meta["type"], meta["op"]
            if not _ours(type_):
                continue
            if operation == "refresh":
                op = {"update": "refresh-changed", "same": "same", "delete": "delete"}.get(op, op)
            folded = "replace" if op in _REPLACE_PARTS else op
            step = by_urn.get(urn)
            if step is None or (step.op != "replace" and folded == "replace"):
                step = _step(folded, urn, type_, meta)
                if urn in by_urn:
                    plan.steps.remove(by_urn[urn])
                by_urn[urn] = step
                plan.steps.append(step)
            elif op == "replace":  # the middle event carries the replace keys and the new id
                step.replaces = sorted(meta.get("keys") or [])
                step.changed_keys = sorted(meta.get("diffs") or [])
            if op == "create-replacement" and (meta.get("new") or {}).get("id"):
                step.id = meta["new"]["id"]
            if kind == "resOpFailedEvent":
                step.error = "failed"
    return plan


# -- the engine ----------------------------------------------------------------------------------


class RealEngine(StateLookups):
    """A Pulumi project and stack driven through the real CLI, with the imitation Engine's interface."""

    kind = "real"

    def __init__(self, bin_dir: Path, venv: Path, workdir: Path, *, tenant_url: str, token: str,
                 project: str = "test", stack: str = "dev", config: Mapping[str, str] | None = None) -> None:
        self.project, self.stack = project, stack
        self.dir = workdir / "project"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.bin = bin_dir / "pulumi"
        self.env = pulumi_env.offline_env(bin_dir, state_dir=workdir / "state", home=workdir / "home", venv=venv)
        self.env.pop(REQUIRE_ENV, None)
        for name in list(self.env):
            if name.startswith("AMPECO_") and name != "AMPECO_NO_BACKOFF":
                del self.env[name]  # the stack config is the only way in (retry sleeps stay off in tests)
        self.timeout = COMMAND_TIMEOUT
        """Seconds one CLI command may take (the benchmark's 26,000-resource network needs more)."""
        self.history: list[Plan] = []
        self.last: Result | None = None
        self._state: dict[str, StateEntry] | None = None
        (self.dir / "Pulumi.yaml").write_text(textwrap.dedent(f"""\
            name: {project}
            runtime:
              name: python
              options:
                toolchain: pip
                virtualenv: {venv}
            """))
        (self.dir / "__main__.py").write_text(textwrap.dedent(f"""\
            import json, pathlib, sys
            sys.path.insert(0, {str(TESTS)!r})
            from _samples import run_program
            run_program(json.loads(pathlib.Path(__file__).with_name("program.json").read_text()))
            """))
        self.cli("stack", "init", stack)
        settings = {"ampeco:tenantUrl": tenant_url, **(config or {})}
        self.cli("config", "set-all", *(a for k, v in settings.items() for a in ("--plaintext", f"{k}={v}")),
                 "--secret", f"ampeco:apiToken={token}")

    # commands -------------------------------------------------------------------------------

    def cli(self, *args: str, check: bool = True, timeout: float | None = None) -> Result:
        cmd = [str(self.bin), *args, "--non-interactive"]
        done = subprocess.run(cmd, cwd=self.dir, env=self.env, capture_output=True, text=True,
                              timeout=timeout or self.timeout, check=False)
        result = Result(list(args), done.returncode, done.stdout, done.stderr)
        self.last = result
        if check and done.returncode != 0:
            raise RuntimeError(f"pulumi {' '.join(args)} exited {done.returncode}:\n{done.stderr}\n{done.stdout[-3000:]}")
        return result

    def _program(self, program: Any) -> None:
        if not hasattr(program, "to_json"):
            raise TypeError(f"the real engine runs _samples.Program objects, not {program!r}")
        (self.dir / "program.json").write_text(json.dumps(program.to_json()))

    def _finish(self, plan: Plan, result: Result, raise_on_error: bool) -> Plan:
        self._state = None
        self.history.append(plan)
        if result.returncode != 0:
            plan.error = "\n".join(result.error_messages())
            if raise_on_error:
                raise DeploymentError(plan.operation, result.error_messages(), plan)
        return plan

    def preview(self, program: Any, *, raise_on_error: bool = True) -> Plan:
        self._program(program)
        result = self.cli("preview", "--json", check=False)
        digest = result.digest() or {}
        return self._finish(plan_from_digest("preview", digest), result, raise_on_error)

    def up(self, program: Any, *extra: str, raise_on_error: bool = True) -> Plan:
        """``pulumi up`` of ``program``; ``extra`` are more CLI flags (``--parallel``, ...)."""
        self._program(program)
        result = self.cli("up", "--json", "--yes", "--skip-preview", *extra, check=False)
        plan = plan_from_events("up", result.events())
        plan.outputs = self._stack_outputs(result)
        return self._finish(plan, result, raise_on_error)

    def refresh(self, *extra: str, raise_on_error: bool = True) -> Plan:
        result = self.cli("refresh", "--json", "--yes", "--skip-preview", *extra, check=False)
        return self._finish(plan_from_events("refresh", result.events()), result, raise_on_error)

    def destroy(self, *, raise_on_error: bool = True) -> Plan:
        result = self.cli("destroy", "--json", "--yes", "--skip-preview", check=False)
        return self._finish(plan_from_events("destroy", result.events()), result, raise_on_error)

    @staticmethod
    def _stack_outputs(result: Result) -> dict[str, Any]:
        for event in result.events():
            body = event.get("resOutputsEvent")
            if body and body["metadata"]["type"] == "pulumi:pulumi:Stack":
                return dict((body["metadata"].get("new") or {}).get("outputs") or {})
        return {}

    # state ------------------------------------------------------------------------------------

    def export(self, *, show_secrets: bool = False) -> dict[str, Any]:
        args = ["stack", "export", *(["--show-secrets"] if show_secrets else [])]
        return json.loads(self.cli(*args).stdout)

    @property
    def state(self) -> dict[str, StateEntry]:
        if self._state is None:
            deployment = self.export(show_secrets=True).get("deployment", {})
            self._state = {
                r["urn"]: StateEntry(urn=r["urn"], type=r["type"], name=_name(r["urn"]), id=r.get("id", ""),
                                     custom=r.get("custom", False), inputs=reveal(r.get("inputs", {})),
                                     outputs=reveal(r.get("outputs", {})), dependencies=r.get("dependencies", []),
                                     parent=r.get("parent", ""), init_errors=list(r.get("initErrors") or []))
                for r in deployment.get("resources") or [] if _ours(r["type"])
            }
        return self._state

    def forget(self, name: str) -> None:
        """Drop a resource from the stack's state, leaving the object on the tenant."""
        self.cli("state", "delete", self.resource(name).urn, "--yes")
        self._state = None


def cli_or_skip() -> Path:
    """The pinned CLI's directory; skips the test without it, or fails it where CI requires it."""
    import pytest

    bin_dir = pulumi_env.find_cli()
    if bin_dir is None:
        reason = (f"the Pulumi CLI {pulumi_env.pinned_version()} is not available "
                  f"({pulumi_env.HOW_TO_GET_IT})")
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{REQUIRE_ENV} is set but {reason}")
        pytest.skip(reason)
    return bin_dir
