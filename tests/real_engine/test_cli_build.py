"""The Pulumi CLI the project is tested with: one pinned release, built once, preferred from PATH."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import pulumi_env

BUILD = ROOT / "tools" / "pulumi-cli" / "build.sh"


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.lstrip("v").split("."))


def test_the_tested_pair_is_stated_once_and_agrees() -> None:
    cli = pulumi_env.pinned_version()
    sdk = re.fullmatch(r"pulumi==([0-9.]+)\s*", pulumi_env.PYTHON_CONSTRAINTS.read_text())
    assert sdk, "python-constraints.txt pins exactly pulumi==X"
    assert metadata.version("pulumi") == sdk[1]  # make installed what it says
    assert _version(sdk[1]) <= _version(cli)  # a CLI newer than the SDK is the supported direction
    readme = (ROOT / "README.md").read_text()
    assert f"**{cli}**" in readme and f"pulumi\n{sdk[1]}**" in readme.replace("**pulumi ", "pulumi\n")


@pytest.mark.slow
def test_the_built_cli_reports_the_pinned_version(pulumi_cli: Path) -> None:
    assert pulumi_env.cli_version(pulumi_cli / "pulumi") == pulumi_env.pinned_version()
    # The language host has no version flag; build.sh stamps its own release (language-host/go.mod) into it.
    host = (pulumi_cli / "pulumi-language-python").read_bytes()
    wanted = re.search(r"github\.com/pulumi/pulumi/sdk/v3 (v[0-9.]+)",
                       (ROOT / "tools/pulumi-cli/language-host/go.mod").read_text())
    assert wanted and wanted[1].encode() in host


def _fake_cli(bin_dir: Path, version: str) -> None:
    bin_dir.mkdir()
    (bin_dir / "pulumi").write_text(f"#!/bin/sh\necho {version}\n")
    for name in pulumi_env.COMPANIONS:
        (bin_dir / name).write_text("#!/bin/sh\n")
    for path in bin_dir.iterdir():
        path.chmod(0o755)


def _build(tmp_path: Path, path: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": path, "PULUMI_AMPECO_TOOLS": str(tmp_path / "tools")}
    return subprocess.run(["bash", str(BUILD)], env=env, capture_output=True, text=True, timeout=60, check=False)


def test_a_pulumi_on_path_at_the_pinned_version_is_used_instead_of_building(tmp_path: Path) -> None:
    _fake_cli(tmp_path / "bin", pulumi_env.pinned_version())
    done = _build(tmp_path, f"{tmp_path / 'bin'}:/usr/bin:/bin")
    assert done.returncode == 0, done.stderr
    assert "on PATH" in done.stdout and "nothing to build" in done.stdout
    assert not (tmp_path / "tools").exists()


def test_a_pulumi_on_path_at_another_version_is_not_used(tmp_path: Path) -> None:
    _fake_cli(tmp_path / "bin", "v3.100.0")
    done = _build(tmp_path, f"{tmp_path / 'bin'}:/usr/bin:/bin")  # and no Go on this PATH
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "make pulumi-cli" in done.stderr
