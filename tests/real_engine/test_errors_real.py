"""Errors as a user reads them in the CLI's output: one line naming the resource, the operation, the
HTTP status and the API's message; a hint for a refused token; a traceback only on demand."""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx
import pytest
from _harness.real_cli import RealEngine
from _samples import Program, id_tag_subject, tariff_group_with_unknown_tariff, two_id_tags_with_one_uid
from ampeco_emulator import EmulatorServer

pytestmark = pytest.mark.slow


def _diagnostics(output: str) -> str:
    """The CLI's "Diagnostics:" block, where errors are listed per resource."""
    return output.split("Diagnostics:", 1)[1].split("\nResources:", 1)[0] if "Diagnostics:" in output else output


def _errors_of(output: str, resource: str) -> list[str]:
    block = _diagnostics(output)
    section = block.split(f"({resource}):", 1)[1].split("\n\n", 1)[0]
    return [line.strip() for line in section.strip().splitlines()]


def test_bad_input_fails_the_preview_naming_the_resource_and_the_field(
        make_real_engine: Callable[..., RealEngine]) -> None:
    engine = make_real_engine()
    engine._program(Program(id_tag_subject, {"type": "barcode"}))
    result = engine.cli("preview", check=False)
    assert result.returncode != 0
    lines = _errors_of(result.stdout, "subject")
    assert len(lines) == 1, lines
    assert "property type value {barcode} has a problem" in lines[0]
    assert "'rfid'" in lines[0] and "'mac_address'" in lines[0]  # the allowed values
    assert "Traceback" not in result.stdout


def test_api_refusal_at_up_is_one_line_with_status_and_message(make_real_engine: Callable[..., RealEngine]) -> None:
    engine = make_real_engine()
    engine._program(Program(tariff_group_with_unknown_tariff))
    result = engine.cli("up", "--yes", "--skip-preview", check=False)
    assert result.returncode != 0
    lines = _errors_of(result.stdout, "broken-group")
    assert len(lines) == 1, lines
    assert re.search(r"TariffGroup create failed: POST /public-api/resources/tariff-groups/v1\.0 -> 422: "
                     r".*tariff ids\.0 is invalid", lines[0]), lines[0]
    assert "Traceback" not in result.stdout


def test_refused_token_names_where_the_token_comes_from(make_real_engine: Callable[..., RealEngine]) -> None:
    engine = make_real_engine(token="not-the-tenants-token-1234")
    engine._program(Program(id_tag_subject))
    result = engine.cli("up", "--yes", "--skip-preview", check=False)
    lines = _errors_of(result.stdout, "subject")
    assert len(lines) == 1, lines
    # the run's credential check, at the resource's check: nothing was sent but one GET
    assert "IdTag check failed: GET /public-api/resources/id-tags/v2.0 -> 401" in lines[0]
    assert "ampeco:apiToken" in lines[0] and "AMPECO_API_TOKEN" in lines[0]
    assert "not-the-tenants-token-1234" not in result.stdout + result.stderr


def test_unreachable_tenant_is_one_line_naming_the_url(make_real_engine: Callable[..., RealEngine]) -> None:
    engine = make_real_engine(tenant_url="http://127.0.0.1:9", config={"ampeco:maxAttempts": "2"})
    engine._program(Program(id_tag_subject))
    result = engine.cli("up", "--yes", "--skip-preview", check=False)
    lines = _errors_of(result.stdout, "subject")
    assert len(lines) == 1, lines
    # found by the run's credential check, before anything is attempted
    assert "IdTag check failed" in lines[0] and "http://127.0.0.1:9" in lines[0]


def test_full_traceback_on_demand(make_real_engine: Callable[..., RealEngine]) -> None:
    engine = make_real_engine(token="not-the-tenants-token-1234")
    engine.env["AMPECO_TRACEBACKS"] = "1"
    engine._program(Program(id_tag_subject))
    result = engine.cli("up", "--yes", "--skip-preview", check=False)
    block = "\n".join(_errors_of(result.stdout, "subject"))
    assert "Traceback (most recent call last)" in block and "AuthenticationError" in block


def test_a_preview_with_a_refused_token_fails_instead_of_passing(
        make_real_engine: Callable[..., RealEngine], tenant: EmulatorServer) -> None:
    """A pull-request preview of new objects calls nothing else: without the credential check it
    would pass with an expired token."""
    engine = make_real_engine(token="expired-token-5678")
    engine._program(Program(two_id_tags_with_one_uid))
    httpx.delete(f"{tenant.url}/_emulator/requests").raise_for_status()
    result = engine.cli("preview", check=False)
    assert result.returncode != 0
    block = _diagnostics(result.stdout)
    assert block.count("AuthenticationError") == 1, block
    assert "check failed: GET /public-api/resources/id-tags/v2.0 -> 401" in block and "ampeco:apiToken" in block
    log = httpx.get(f"{tenant.url}/_emulator/requests").json()["data"]
    assert [(r["method"], r["status"]) for r in log] == [("GET", 401)]
