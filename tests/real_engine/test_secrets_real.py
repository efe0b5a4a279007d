"""The API token stays out of the stack's state, its exports, the CLI's output and every file it writes.

One exception is the engine's, not ours, and is pinned here so that a change shows: the engine hands a
dynamic provider the whole stack config and records it, secrets encrypted, as the inputs of the default
`pulumi-python` provider (pkg/resource/deploy/target.go, GetPackageConfig). So `stack export
--show-secrets`, which decrypts every secret, shows a token kept in the stack config `ampeco:apiToken`;
a token from the environment (AMPECO_API_TOKEN) is in no state at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _harness.real_cli import RealEngine, Result, reveal
from _samples import Program, personal_charge_point
from ampeco_emulator import EmulatorServer

pytestmark = pytest.mark.slow

TOKEN = "tok-SECRET-5c1e9a7f3b"


@pytest.fixture
def secret_tenant() -> Iterator[EmulatorServer]:
    """A tenant of its own, accepting only this test's distinctive token."""
    with EmulatorServer(token=TOKEN, port=0) as server:
        yield server


def _lifecycle(engine: RealEngine) -> list[Result]:
    """up, preview, refresh, exports, history, config, a verbose engine log, destroy: every output."""
    outputs = []
    assert engine.up(Program(personal_charge_point)).ops() == {"create": 2}
    assert engine.last is not None
    outputs.append(engine.last)
    for args in (("preview", "--diff"), ("refresh", "--yes"), ("stack", "export"),
                 ("stack", "history", "--json"), ("config", "--json"),
                 ("preview", "--logtostderr", "-v=9", "--logflow")):  # the log people attach to bug reports
        outputs.append(engine.cli(*args))
    engine.destroy()
    outputs.append(engine.last)
    return outputs


def _default_provider(export: dict[str, Any]) -> dict[str, Any]:
    return next(r for r in export["deployment"]["resources"] if r["type"] == "pulumi:providers:pulumi-python")


def _assert_nowhere(outputs: list[Result], root: Path) -> None:
    for result in outputs:
        assert TOKEN not in result.stdout + result.stderr, result.args
    for path in (p for p in root.rglob("*") if p.is_file()):
        assert TOKEN.encode() not in path.read_bytes(), path


def test_token_from_stack_config_is_only_ever_stored_encrypted(
        make_real_engine: Callable[..., RealEngine], tmp_path: Path, secret_tenant: EmulatorServer) -> None:
    engine = make_real_engine(tenant_url=secret_tenant.url, token=TOKEN)
    _assert_nowhere(_lifecycle(engine), tmp_path)

    engine.up(Program(personal_charge_point))
    shown = engine.export(show_secrets=True)
    # Our resources' state has no token; the engine's record of the provider's config has it (see above).
    ours = [r for r in shown["deployment"]["resources"] if "ampeco" in r["type"]]
    assert ours and TOKEN not in json.dumps(ours)
    assert reveal(_default_provider(shown)["inputs"])["ampeco:apiToken"] == TOKEN
    # The secret the program declared stays secret at rest and is readable with --show-secrets.
    assert engine.resource("home").outputs["pin"] == "1234"
    at_rest = next(r for r in engine.export()["deployment"]["resources"] if r["urn"].endswith("::home"))
    assert set(at_rest["outputs"]["pin"]) == {"4dabf18193072939515e22adb298388d", "ciphertext"}


def test_token_from_the_environment_is_in_no_state_even_with_show_secrets(
        make_real_engine: Callable[..., RealEngine], tmp_path: Path, secret_tenant: EmulatorServer) -> None:
    engine = make_real_engine(tenant_url=secret_tenant.url, token=TOKEN)
    engine.cli("config", "rm", "ampeco:apiToken")
    engine.env["AMPECO_API_TOKEN"] = TOKEN
    outputs = _lifecycle(engine)
    engine.up(Program(personal_charge_point))
    outputs.append(engine.cli("stack", "export", "--show-secrets"))
    _assert_nowhere(outputs, tmp_path)
