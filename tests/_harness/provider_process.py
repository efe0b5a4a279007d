"""The SDK's real dynamic-provider gRPC server in a subprocess, called the way the Pulumi engine calls it.

The Pulumi CLI cannot run here, but the process it starts for Python dynamic resources can: the
launcher ``pulumi-resource-pulumi-python`` runs ``python -u -m pulumi.dynamic $@`` (the engine passes
its host address as the only argument; ``pulumi/dynamic/__main__.py`` ignores argv). The server prints
its port on stdout and serves ``ResourceProvider`` with 4 worker threads. Everything the provider
prints is captured (tests assert that a token never shows up) and drained continuously, or a chatty
provider would block on a full pipe.

Values go in and come out as plain dicts (see :mod:`props`): secrets are never sent wrapped, because
the dynamic server answers ``Configure`` with ``acceptSecrets=False`` and the engine then strips them;
:data:`props.UNKNOWN` in a dict is sent as the engine's unknown sentinel.
"""

from __future__ import annotations

import base64
import collections
import contextlib
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import grpc
from google.protobuf import empty_pb2
from pulumi.runtime._grpc_settings import _GRPC_CHANNEL_OPTIONS
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc
from typing_extensions import Self

from .props import Secret, from_struct, to_struct

PROVIDER_KEY = "__provider"


def serialize_provider(provider: Any) -> str:
    """The ``__provider`` value ``dynamic.Resource`` would compute for this provider instance.

    Note: ``pulumi.dynamic.serialize_provider`` permanently patches the pure-Python pickler
    (``pickle._Pickler``) in the calling process to sort dict items.
    """
    from pulumi.dynamic.dynamic import serialize_provider as _serialize

    return _serialize(provider)


class ProviderError(Exception):
    """A provider RPC failed; ``message`` is the provider's own error (last traceback line)."""

    def __init__(self, rpc: str, code: grpc.StatusCode, details: str) -> None:
        self.rpc = rpc
        self.code = code
        self.details = details or ""
        lines = [ln for ln in self.details.strip().splitlines() if ln.strip()]
        self.message = lines[-1].strip() if lines else str(code)
        super().__init__(f"{rpc} failed ({code.name}): {self.message}\n{self.details}")


class PartialFailure(ProviderError):
    """A Create/Update that failed part-way and said what it did (``ErrorResourceInitFailed`` in the
    error's details, Pulumi's partial-failure protocol): the engine records ``id`` and ``outputs``
    and the resource's init errors (``reasons``), which the error shows instead of the traceback."""

    def __init__(self, rpc: str, code: grpc.StatusCode, details: str, *, id: str, outputs: dict[str, Any],
                 reasons: list[str]) -> None:
        super().__init__(rpc, code, details)
        self.id, self.outputs, self.reasons = id, outputs, reasons
        self.message = "; ".join(reasons) or self.message


def _partial(rpc: str, exc: grpc.RpcError) -> PartialFailure | None:
    """The partial failure an RPC error carries in its trailing metadata, if any (as the engine's
    ``parseError`` reads it: a google.rpc.Status with an ErrorResourceInitFailed detail)."""
    from google.rpc import status_pb2

    for key, value in exc.trailing_metadata() or ():  # type: ignore[attr-defined]
        if key != "grpc-status-details-bin":
            continue
        status = status_pb2.Status.FromString(value)
        if status.code != exc.code().value[0]:  # type: ignore[attr-defined]
            return None  # gRPC drops details whose code disagrees
        for detail in status.details:
            failed = provider_pb2.ErrorResourceInitFailed()
            if detail.Unpack(failed):
                return PartialFailure(rpc, exc.code(), exc.details() or "", id=failed.id,  # type: ignore[attr-defined]
                                      outputs=from_struct(failed.properties), reasons=list(failed.reasons))
    return None


class CheckResult(NamedTuple):
    inputs: dict[str, Any]
    failures: list[tuple[str, str]]


@dataclass
class DiffResult:
    """What the engine gets back from ``Diff`` (the dynamic server only fills the first three)."""

    changes: str  # "none" | "some" | "unknown"
    replaces: list[str] = field(default_factory=list)
    delete_before_replace: bool = False
    stables: list[str] = field(default_factory=list)
    changed_keys: list[str] = field(default_factory=list)
    detailed_diff: dict[str, str] = field(default_factory=dict)
    has_detailed_diff: bool = False


class CreateResult(NamedTuple):
    id: str
    outputs: dict[str, Any]


class ReadResult(NamedTuple):
    id: str
    outputs: dict[str, Any]
    inputs: dict[str, Any] | None  # None when the provider did not return inputs


_CHANGES = {
    provider_pb2.DiffResponse.DIFF_NONE: "none",
    provider_pb2.DiffResponse.DIFF_SOME: "some",
    provider_pb2.DiffResponse.DIFF_UNKNOWN: "unknown",
}


_RUN_STARTED = "harness: run started"

# The server as the engine starts it (``python -u -m pulumi.dynamic``), plus a thread reading
# stdin: on "new-run" the process forgets what it knows of the run before, as a fresh process
# would (the real engine starts one per run): the SDK's cache of configured providers (so each is
# configured again with this run's config) and pulumi_ampeco's per-run state, when loaded.
_BOOT = f"""\
import runpy, sys, threading

def _runs():
    for line in sys.stdin:
        if line.strip() != "new-run":
            continue
        getattr(sys.modules["__main__"], "_PROVIDER_CACHE", {{}}).clear()
        session = sys.modules.get("pulumi_ampeco._engine.session")
        if session is not None:
            session.start_run()
        print({_RUN_STARTED!r}, flush=True)

threading.Thread(target=_runs, daemon=True).start()
sys.argv = ["-m", *sys.argv[1:]]
runpy.run_module("pulumi.dynamic", run_name="__main__", alter_sys=True)
"""


class _Drain(threading.Thread):
    def __init__(self, stream: Any, sink: list[str], lock: threading.Lock, port_box: list | None) -> None:
        super().__init__(daemon=True)
        self._stream, self._sink, self._lock, self._port_box = stream, sink, lock, port_box
        self.port_seen = threading.Event()
        self.runs_started = threading.Semaphore(0)

    def run(self) -> None:
        first = self._port_box is not None
        try:
            for raw in iter(self._stream.readline, b""):
                text = raw.decode("utf-8", errors="replace")
                if first:
                    first = False
                    self._port_box.append(text.strip())  # type: ignore[union-attr]
                    self.port_seen.set()
                    continue
                if text.strip() == _RUN_STARTED:
                    self.runs_started.release()
                    continue
                with self._lock:
                    self._sink.append(text)
        finally:
            self._stream.close()  # the pipe ends with the process: never left for the garbage collector
            self.port_seen.set()


class ProviderProcess:
    """``python -u -m pulumi.dynamic`` plus a ``ResourceProviderStub`` speaking to it.

    ``env`` is added to (or, with ``inherit_env=False``, replaces) this process's environment;
    ``pythonpath`` entries are prepended to ``PYTHONPATH`` so provider modules import by reference;
    ``project`` sets ``PULUMI_PROJECT`` (the server uses it as ``Config``'s default namespace).
    """

    def __init__(
        self,
        *,
        env: Mapping[str, str] | None = None,
        cwd: str | os.PathLike[str] | None = None,
        pythonpath: Sequence[str | os.PathLike[str]] = (),
        project: str | None = "test",
        python: str = sys.executable,
        inherit_env: bool = True,
        engine_address: str = "127.0.0.1:0",
        startup_timeout: float = 30.0,
        call_timeout: float | None = 120.0,
    ) -> None:
        self._env_extra = dict(env or {})
        self._cwd = str(cwd) if cwd is not None else None
        self._pythonpath = [str(p) for p in pythonpath]
        self._project = project
        self._python = python
        self._inherit_env = inherit_env
        self._engine_address = engine_address
        self._startup_timeout = startup_timeout
        self.call_timeout = call_timeout
        self._proc: subprocess.Popen[bytes] | None = None
        self._channel: grpc.Channel | None = None
        self._stub: provider_pb2_grpc.ResourceProviderStub | None = None
        self._out: list[str] = []
        self._err: list[str] = []
        self._lock = threading.Lock()
        self._drains: list[_Drain] = []
        self.port: int | None = None
        self.calls: collections.Counter[str] = collections.Counter()
        self.configured_with: dict[str, str] | None = None

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> Self:
        if self._proc is not None:
            return self
        env = dict(os.environ) if self._inherit_env else {}
        env.update(self._env_extra)
        if self._pythonpath:
            existing = env.get("PYTHONPATH", "")
            env["PYTHONPATH"] = os.pathsep.join(self._pythonpath + ([existing] if existing else []))
        if self._project is not None:
            env["PULUMI_PROJECT"] = self._project
        env.setdefault("PYTHONUNBUFFERED", "1")
        self._proc = subprocess.Popen(
            [self._python, "-u", "-c", _BOOT, self._engine_address],
            cwd=self._cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        port_box: list[str] = []
        out = _Drain(self._proc.stdout, self._out, self._lock, port_box)
        err = _Drain(self._proc.stderr, self._err, self._lock, None)
        self._drains = [out, err]
        out.start()
        err.start()
        if not out.port_seen.wait(self._startup_timeout) or not port_box:
            self.stop()
            raise RuntimeError(f"provider process did not print its port; stderr:\n{self.stderr}")
        try:
            self.port = int(port_box[0])
        except ValueError:
            self.stop()
            raise RuntimeError(
                f"unexpected first stdout line {port_box[0]!r}; stderr:\n{self.stderr}"
            ) from None
        # As the engine's Go client, which takes 16 MiB of headers (a partial failure's outputs travel in one).
        options = [*_GRPC_CHANNEL_OPTIONS, ("grpc.max_metadata_size", 16 << 20)]
        self._channel = grpc.insecure_channel(f"127.0.0.1:{self.port}", options=options)
        grpc.channel_ready_future(self._channel).result(timeout=self._startup_timeout)
        self._stub = provider_pb2_grpc.ResourceProviderStub(self._channel)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Close the channel and terminate the server (it has no shutdown RPC; the engine kills it too)."""
        if self._channel is not None:
            self._channel.close()
            self._channel = None
            self._stub = None
        proc, self._proc = self._proc, None
        if proc is not None and proc.stdin is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout)
        for drain in self._drains:
            drain.join(timeout)

    def new_run(self, timeout: float = 10.0) -> None:
        """Make the next calls a new run's, as the real engine's fresh provider process per run would
        see them: configured again, with no memory of the run before (claims, credential check)."""
        assert self._proc is not None and self._proc.stdin is not None, "provider process not started"
        self._proc.stdin.write(b"new-run\n")
        self._proc.stdin.flush()
        if not self._drains[0].runs_started.acquire(timeout=timeout):
            raise RuntimeError(f"provider process did not start a new run; stderr:\n{self.stderr}")

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def stdout(self) -> str:
        """Everything the provider printed on stdout after the port line (so far)."""
        with self._lock:
            return "".join(self._out)

    @property
    def stderr(self) -> str:
        with self._lock:
            return "".join(self._err)

    @property
    def output(self) -> str:
        """stdout + stderr, for "never logged" assertions."""
        return self.stdout + self.stderr

    def reset_counts(self) -> None:
        self.calls.clear()

    # -- RPCs -------------------------------------------------------------------------------

    def _call(self, name: str, request: Any) -> Any:
        if self._stub is None:
            raise RuntimeError("provider process is not running (use start() or a with-block)")
        self.calls[name] += 1
        try:
            return getattr(self._stub, name)(request, timeout=self.call_timeout)
        except grpc.RpcError as exc:
            raise _partial(name, exc) or ProviderError(name, exc.code(), exc.details() or "") from None

    def get_plugin_info(self) -> str:
        return self._call("GetPluginInfo", empty_pb2.Empty()).version

    def configure(self, config: Mapping[str, str], *, secret_keys: Iterable[str] = ()) -> dict[str, bool]:
        """Send stack config ("ns:key" -> string) as the engine does: in ``variables`` and in ``args``
        (where secret values travel wrapped; the server unwraps them). Returns the response flags."""
        secret = set(secret_keys)
        args = {k: (Secret(v) if k in secret else v) for k, v in config.items()}
        resp = self._call(
            "Configure",
            provider_pb2.ConfigureRequest(
                variables=dict(config),
                args=to_struct(args),
                acceptSecrets=True,
                acceptResources=True,
                sends_old_inputs=True,
                sends_old_inputs_to_delete=True,
            ),
        )
        self.configured_with = dict(config)
        return {
            "accept_secrets": resp.acceptSecrets,
            "supports_preview": resp.supportsPreview,
            "accept_resources": resp.acceptResources,
            "accept_outputs": resp.acceptOutputs,
        }

    @staticmethod
    def _name_type(urn: str) -> tuple[str, str]:
        parts = urn.split("::")
        if len(parts) >= 4:
            return parts[-1], parts[-2].split("$")[-1]
        return "", ""

    def check(
        self,
        urn: str,
        olds: Mapping[str, Any] | None,
        news: Mapping[str, Any],
        *,
        old_outputs: Mapping[str, Any] | None = None,
        random_seed: bytes = b"",
    ) -> CheckResult:
        name, typ = self._name_type(urn)
        fields = {"urn": urn, "name": name, "type": typ, "olds": to_struct(dict(olds or {})),
                  "news": to_struct(dict(news)), "randomSeed": random_seed or os.urandom(32)}
        if "old_outputs" in provider_pb2.CheckRequest.DESCRIPTOR.fields_by_name:
            fields["old_outputs"] = to_struct(dict(old_outputs or {}))  # protocol >= 3.26x; the pinned engine's has none
        resp = self._call("Check", provider_pb2.CheckRequest(**fields))
        failures = [(f.property, f.reason) for f in resp.failures]
        return CheckResult(from_struct(resp.inputs), failures)

    def diff(
        self,
        urn: str,
        id: str,
        olds: Mapping[str, Any],
        news: Mapping[str, Any],
        old_inputs: Mapping[str, Any] | None = None,
        *,
        ignore_changes: Sequence[str] = (),
    ) -> DiffResult:
        """``olds`` are the OLD OUTPUTS (state), ``news`` the checked new inputs."""
        name, typ = self._name_type(urn)
        resp = self._call(
            "Diff",
            provider_pb2.DiffRequest(
                id=id,
                urn=urn,
                name=name,
                type=typ,
                olds=to_struct(dict(olds)),
                news=to_struct(dict(news)),
                old_inputs=to_struct(dict(old_inputs or {})),
                ignoreChanges=list(ignore_changes),
            ),
        )
        return DiffResult(
            changes=_CHANGES.get(resp.changes, "unknown"),
            replaces=list(resp.replaces),
            delete_before_replace=resp.deleteBeforeReplace,
            stables=list(resp.stables),
            changed_keys=list(resp.diffs),
            detailed_diff={
                k: provider_pb2.PropertyDiff.Kind.Name(v.kind) for k, v in resp.detailedDiff.items()
            },
            has_detailed_diff=resp.hasDetailedDiff,
        )

    def create(
        self, urn: str, props: Mapping[str, Any], preview: bool = False, *, timeout: float = 0.0
    ) -> CreateResult:
        name, typ = self._name_type(urn)
        resp = self._call(
            "Create",
            provider_pb2.CreateRequest(
                urn=urn,
                name=name,
                type=typ,
                properties=to_struct(dict(props)),
                preview=preview,
                timeout=timeout,
            ),
        )
        return CreateResult(resp.id, from_struct(resp.properties))

    def read(
        self, urn: str, id: str, props: Mapping[str, Any] | None, inputs: Mapping[str, Any] | None = None
    ) -> ReadResult:
        """``props`` are the state OUTPUTS (refresh); an empty returned id means "gone"."""
        name, typ = self._name_type(urn)
        resp = self._call(
            "Read",
            provider_pb2.ReadRequest(
                id=id,
                urn=urn,
                name=name,
                type=typ,
                properties=to_struct(dict(props or {})),
                inputs=to_struct(dict(inputs or {})),
            ),
        )
        returned_inputs = from_struct(resp.inputs) if resp.HasField("inputs") else None
        return ReadResult(resp.id, from_struct(resp.properties), returned_inputs)

    def update(
        self,
        urn: str,
        id: str,
        olds: Mapping[str, Any],
        news: Mapping[str, Any],
        old_inputs: Mapping[str, Any] | None = None,
        preview: bool = False,
        *,
        ignore_changes: Sequence[str] = (),
        timeout: float = 0.0,
    ) -> dict[str, Any]:
        """``olds`` are the OLD OUTPUTS; returns the new outputs."""
        name, typ = self._name_type(urn)
        resp = self._call(
            "Update",
            provider_pb2.UpdateRequest(
                id=id,
                urn=urn,
                name=name,
                type=typ,
                olds=to_struct(dict(olds)),
                news=to_struct(dict(news)),
                old_inputs=to_struct(dict(old_inputs or {})),
                ignoreChanges=list(ignore_changes),
                preview=preview,
                timeout=timeout,
            ),
        )
        return from_struct(resp.properties)

    def delete(
        self,
        urn: str,
        id: str,
        props: Mapping[str, Any],
        old_inputs: Mapping[str, Any] | None = None,
        *,
        timeout: float = 0.0,
    ) -> None:
        """``props`` are the state OUTPUTS."""
        name, typ = self._name_type(urn)
        self._call(
            "Delete",
            provider_pb2.DeleteRequest(
                id=id,
                urn=urn,
                name=name,
                type=typ,
                properties=to_struct(dict(props)),
                old_inputs=to_struct(dict(old_inputs or {})),
                timeout=timeout,
            ),
        )

    def cancel(self) -> None:
        self._call("Cancel", empty_pb2.Empty())


def wait_for(predicate: Any, timeout: float = 5.0, interval: float = 0.02) -> bool:
    """Poll ``predicate`` until true or timeout (e.g. for provider output to be drained)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


def decode_provider_blob(blob: str) -> bytes:
    """The raw dill bytes of a ``__provider`` value (to assert what was pickled, e.g. no token)."""
    return base64.b64decode(blob)


__all__ = [
    "PROVIDER_KEY",
    "CheckResult",
    "CreateResult",
    "DiffResult",
    "PartialFailure",
    "ProviderError",
    "ProviderProcess",
    "ReadResult",
    "decode_provider_blob",
    "serialize_provider",
    "wait_for",
]
