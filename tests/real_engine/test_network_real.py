"""A network spec of every kind applied through the real CLI, and a clone: export one tenant, apply it to another."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from _harness.real_cli import RealEngine
from _samples import Program, network_spec
from ampeco_emulator import EmulatorServer
from click.testing import CliRunner
from pulumi_ampeco.cli import main as cli
from pulumi_ampeco.network import load
from pulumi_ampeco.specs import REGISTRY

pytestmark = pytest.mark.slow

GITOPS_SPEC = Path(__file__).resolve().parents[2] / "examples" / "gitops" / "network.yaml"


def _secret_config(spec: Path) -> dict[str, str]:
    """A value for every secret the spec refers to ({config: key}), as `pulumi config set --secret` would."""
    keys = re.findall(r"\{config: ([\w.-]+)\}", spec.read_text())
    return {key: "1234" if key.endswith("pin") else f"s3cret-{i}" for i, key in enumerate(keys)}


def _apply(engine: RealEngine, spec: Path) -> None:
    for key, value in _secret_config(spec).items():
        engine.cli("config", "set", "--secret", key, value)
    up = engine.up(Program(network_spec, {"path": str(spec)}))
    assert up.ops().get("create", 0) > 10 and set(up.ops()) <= {"create"}, up.ops()
    engine.cli("preview", "--expect-no-changes")


def _export(tenant: EmulatorServer, out: Path) -> str:
    result = CliRunner().invoke(cli, ["export", "--tenant-url", tenant.url, "--out", str(out)],
                                env={"AMPECO_API_TOKEN": tenant.token})
    assert result.exit_code == 0, result.output
    return out.read_text()


def _counts(tenant: EmulatorServer) -> dict[str, int]:
    state = httpx.get(f"{tenant.url}/_emulator/state").json()
    return {k: len(v) for k, v in state.items() if isinstance(v, list)}


@pytest.fixture
def second_tenant() -> Iterator[EmulatorServer]:
    with EmulatorServer(token="second-tenant-token-77", port=0) as server:
        yield server


def _kind(server: EmulatorServer, base_tariffs: str) -> None:
    httpx.put(f"{server.url}/_emulator/settings", json={"baseTariffs": base_tariffs}).raise_for_status()


@pytest.mark.parametrize("base_tariffs", ["per-group", "tenant-wide"])
def test_network_spec_applies_through_the_cli_then_clones_to_another_tenant(
        make_real_engine: Callable[..., RealEngine], tenant: EmulatorServer, second_tenant: EmulatorServer,
        tmp_path: Path, base_tariffs: str) -> None:
    """Both kinds of tenant: the clone holds exactly as many tariffs and tariff groups as the source
    (no second free tariff, no second default group), and exports to the same spec."""
    _kind(tenant, base_tariffs)
    _kind(second_tenant, base_tariffs)
    try:
        # the home wallbox's EVSE names no tariff group: it gets the tenant's default group
        text = GITOPS_SPEC.read_text()
        head, tail = text.rsplit("        tariff_group: public\n", 1)
        spec = tmp_path / "network.yaml"
        spec.write_text(head + tail)
        source = make_real_engine(project="gitops")
        _apply(source, spec)

        exported = tmp_path / "staging.yaml"
        first = _export(tenant, exported)
        assert {o.kind for o in load(exported).objects.values()} == set(REGISTRY)  # a network of every kind

        target = make_real_engine(project="clone", tenant_url=second_tenant.url, token=second_tenant.token)
        _apply(target, exported)
        second = _export(second_tenant, tmp_path / "production.yaml")

        assert second == first
        assert _counts(second_tenant) == _counts(tenant)
        # exporting the clone over the spec it was made from keeps every name: nothing moves
        assert _export(second_tenant, exported) == first
    finally:
        _kind(tenant, "per-group")


def test_an_emptied_spec_is_refused_in_one_line_and_deletes_nothing(
        make_real_engine: Callable[..., RealEngine], tmp_path: Path) -> None:
    engine = make_real_engine(project="gitops")
    _apply(engine, GITOPS_SPEC)
    before = len(engine.state)
    empty = tmp_path / "empty.yaml"
    empty.write_text("# everything was deleted in a bad merge\n")
    result = engine.up(Program(network_spec, {"path": str(empty)}), raise_on_error=False)
    assert result.error is not None and "Traceback" not in (engine.last.stdout if engine.last else "")
    assert "the spec declares no objects, so applying it would delete every object this Network manages; " \
           "if that is what you want, pass allow_empty=True" in result.error
    assert len(engine.state) == before
