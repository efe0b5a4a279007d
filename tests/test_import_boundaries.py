"""What each layer may import: checked in a fresh interpreter, as click's test_light_imports does."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pulumi_ampeco
import pytest

PACKAGE = Path(pulumi_ampeco.__file__).parent


def loaded_after(statement: str) -> set[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return set(json.loads(out))


def top_level(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_emulator_imports_neither_pulumi_nor_the_provider() -> None:
    loaded = top_level(loaded_after("import ampeco_emulator, ampeco_emulator.app"))
    assert "pulumi" not in loaded and "pulumi_ampeco" not in loaded


def imports_in(folder: Path) -> set[str]:
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
    return found


@pytest.mark.parametrize("layer", ["client", "specs"])
def test_client_and_specs_import_no_pulumi_and_nothing_above_them(layer: str) -> None:
    imported = imports_in(PACKAGE / layer)
    assert not {m for m in imported if m == "pulumi" or m.startswith("pulumi.")}
    ours = {m for m in imported if m.startswith("pulumi_ampeco")}
    allowed = ("pulumi_ampeco.errors", f"pulumi_ampeco.{layer}")
    assert all(m.startswith(allowed) for m in ours), ours


def test_importing_the_package_does_not_load_cli_or_emulator_libraries() -> None:
    loaded = top_level(loaded_after("import pulumi_ampeco"))
    assert not loaded & {"starlette", "uvicorn", "ampeco_emulator"}
    assert "pulumi_ampeco.cli" not in loaded_after("import pulumi_ampeco")
