"""The client package stands alone: stdlib, httpx and pulumi_ampeco.errors, nothing else."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pulumi_ampeco.client

CLIENT_DIR = Path(pulumi_ampeco.client.__file__).parent
ALLOWED_THIRD_PARTY = {"httpx", "typing_extensions"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_client_modules_import_only_stdlib_httpx_and_the_error_tree() -> None:
    modules = sorted(CLIENT_DIR.glob("*.py"))
    assert {p.name for p in modules} >= {"__init__.py", "_client.py", "_transport.py", "_auth.py", "_config.py"}
    for path in modules:
        for name in _imports(path):
            top = name.split(".")[0]
            if top == "pulumi_ampeco":
                assert name == "pulumi_ampeco.errors" or name.startswith("pulumi_ampeco.client"), (path.name, name)
            else:
                assert top in sys.stdlib_module_names or top in ALLOWED_THIRD_PARTY, (path.name, name)


def test_importing_the_client_loads_no_pulumi_and_no_emulator() -> None:
    code = ("import sys, pulumi_ampeco.client._client, pulumi_ampeco.client\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'pulumi', 'ampeco_emulator', 'starlette', 'uvicorn', 'click', 'yaml'})\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    parent = subprocess.run([sys.executable, "-c", code.replace(
        "pulumi_ampeco.client._client, pulumi_ampeco.client", "pulumi_ampeco")],
        capture_output=True, text=True, check=True).stdout.strip()
    # Whatever the parent package itself pulls in is its business; the client adds nothing.
    assert set(filter(None, out.split(","))) <= set(filter(None, parent.split(",")))
