"""Where the pinned Pulumi CLI is, and the environment that runs it offline.

Shared by `make demo`, the real-engine tests (tests/real_engine) and `make bench`. The pin is the
pkg/v3 version in tools/pulumi-cli/go.mod; tools/pulumi-cli/build.sh builds it into .tools/pulumi/bin.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS_ENV = "PULUMI_AMPECO_TOOLS"
"""Where build.sh puts the CLI and its caches (default .tools/pulumi); tests point it elsewhere."""
GO_MOD = ROOT / "tools" / "pulumi-cli" / "go.mod"
PYTHON_CONSTRAINTS = ROOT / "tools" / "pulumi-cli" / "python-constraints.txt"

# What `pulumi up` of a Python program with dynamic providers runs, besides the CLI itself.
COMPANIONS = ("pulumi-language-python", "pulumi-language-python-exec", "pulumi-resource-pulumi-python")

HOW_TO_GET_IT = (
    "install it (https://www.pulumi.com/docs/iac/download-install/), or install Go >= 1.25 and run "
    "`make pulumi-cli` to build it from the Go module proxy"
)


def built_bin() -> Path:
    return Path(os.environ.get(TOOLS_ENV) or ROOT / ".tools" / "pulumi") / "bin"


def pinned_version() -> str:
    """The release the project is tested with, e.g. "v3.259.0"."""
    match = re.search(r"^\s*github\.com/pulumi/pulumi/pkg/v3 (v[0-9.]+)", GO_MOD.read_text(), re.MULTILINE)
    if match is None:
        raise RuntimeError(f"no github.com/pulumi/pulumi/pkg/v3 version in {GO_MOD}")
    return match[1]


def cli_version(pulumi: Path) -> str | None:
    try:
        done = subprocess.run([str(pulumi), "version"], capture_output=True, text=True, timeout=30,
                              env={**os.environ, "PULUMI_SKIP_UPDATE_CHECK": "true"}, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _complete(bin_dir: Path) -> bool:
    return (bin_dir / "pulumi").is_file() and all((bin_dir / name).is_file() for name in COMPANIONS)


def find_cli() -> Path | None:
    """The directory holding the pinned `pulumi` and its companions: PATH first, then our own build."""
    wanted = pinned_version()
    on_path = shutil.which("pulumi")
    candidates = [Path(on_path).resolve().parent] if on_path else []
    candidates.append(built_bin())
    for bin_dir in candidates:
        if _complete(bin_dir) and cli_version(bin_dir / "pulumi") == wanted:
            return bin_dir
    return None


def offline_env(bin_dir: Path, *, state_dir: Path, home: Path, venv: Path | None = None,
                passphrase: str = "pulumi-ampeco-local-only", base: Mapping[str, str] | None = None,
                ) -> dict[str, str]:
    """Environment for running `pulumi` with nothing downloaded and no account.

    A local file backend, a throwaway passphrase, no update check, no plugin acquisition. ``venv``
    (the program's virtualenv) goes first on PATH: the Python language host built here runs
    ``python3`` from PATH (tools/pulumi-cli/language-host/go.mod says why).
    """
    env = dict(os.environ if base is None else base)
    path = [str(bin_dir), env.get("PATH", "")]
    if venv is not None:
        path.insert(0, str(venv / "bin"))
        env["VIRTUAL_ENV"] = str(venv)
    env.update({
        "PATH": os.pathsep.join(p for p in path if p),
        "PULUMI_HOME": str(home),
        "PULUMI_BACKEND_URL": state_dir.resolve().as_uri(),
        "PULUMI_CONFIG_PASSPHRASE": passphrase,
        "PULUMI_SKIP_UPDATE_CHECK": "true",
        "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
        "PULUMI_SKIP_CONFIRMATIONS": "true",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "NO_COLOR": "1",
    })
    env.pop("PULUMI_ACCESS_TOKEN", None)
    env.pop("PYTHONHOME", None)
    state_dir.mkdir(parents=True, exist_ok=True)
    home.mkdir(parents=True, exist_ok=True)
    return env
