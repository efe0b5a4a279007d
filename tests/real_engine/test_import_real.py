"""What `pulumi import` and the `import_` option do with these resources, pinned.

Neither can work with dynamic providers: the engine's import step calls Read with no state, so the
SDK finds no pickled provider (pulumi/pulumi#16175). `import_` is refused by our program at once with
a pointer to `adopt_id`; `pulumi import` fails inside the SDK, before any of our code runs. Either
way the tenant is not touched and nothing lands in state.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from _harness.real_cli import RealEngine
from _samples import ID_TAG_ARGS, Program, id_tag_with_import_option, nothing
from ampeco_emulator import EmulatorServer

pytestmark = pytest.mark.slow


@pytest.fixture
def card_id(tenant: EmulatorServer) -> int:
    created = httpx.post(f"{tenant.url}/public-api/resources/id-tags/v2.0",
                         headers={"Authorization": f"Bearer {tenant.token}"},
                         json={"idTagUid": ID_TAG_ARGS["id_tag_uid"], "status": "enabled", "type": "rfid"})
    created.raise_for_status()
    return int(created.json()["data"]["id"])


def _writes(tenant: EmulatorServer) -> list[str]:
    log = httpx.get(f"{tenant.url}/_emulator/requests").json()["data"]
    return [r["method"] for r in log if r["method"] != "GET"]


def test_import_option_is_refused_in_the_program_pointing_at_adopt_id(
        make_real_engine: Callable[..., RealEngine], tenant: EmulatorServer, card_id: int) -> None:
    engine = make_real_engine()
    engine._program(Program(id_tag_with_import_option, {"id": card_id}))
    result = engine.cli("up", "--yes", "--skip-preview", check=False)
    assert result.returncode != 0
    assert f"adopt_id={card_id}" in result.stdout and "pulumi/pulumi#16175" in result.stdout
    assert "Traceback" not in result.stdout
    assert _writes(tenant) == ["POST"]  # the fixture's card; nothing since
    assert engine.state == {}


def test_pulumi_import_fails_in_the_sdk_and_changes_nothing(
        make_real_engine: Callable[..., RealEngine], tenant: EmulatorServer, card_id: int) -> None:
    engine = make_real_engine()
    engine._program(Program(nothing))
    result = engine.cli("import", "pulumi-python:dynamic/ampeco:IdTag", "card", str(card_id), "--yes", check=False)
    assert result.returncode != 0
    assert "KeyError: '__provider'" in result.stdout  # the SDK's Read, before any pulumi_ampeco code
    assert _writes(tenant) == ["POST"]
    assert engine.state == {}
