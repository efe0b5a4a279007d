"""The allow-list is explicit and alive, and the checks it leaves are strict: each entry has a
reason and still changes the official spec; outside it, an invented field, a null the spec does
not allow or an undocumented status is a violation."""

from __future__ import annotations

import json

import httpx
import pytest

from contract import _contract_kit as kit
from contract.allowlist import ALLOWLIST, INFERRED, SPEC

TAG = "https://example.com/public-api/resources/id-tags/v2.0"
AUTH = {"Authorization": "Bearer t", "Content-Type": "application/json"}


@pytest.mark.parametrize("entry", ALLOWLIST, ids=[e.what for e in ALLOWLIST])
def test_each_entry_has_a_reason_and_still_changes_the_official_spec(entry) -> None:
    assert entry.kind in (SPEC, INFERRED) and len(entry.reason) > 40
    assert entry.apply(kit.scoped(kit.official())) > 0, f"stale allow-list entry: {entry.what}"


def test_the_scope_is_thirty_five_paths_of_the_official_spec() -> None:
    assert set(kit.SCOPE) <= set(kit.official()["paths"])
    assert len(kit.SCOPE) == 35 and len(kit.operations()) == 82


VARIABLES = "https://example.com/public-api/resources/configuration-templates/v1.0/1/variables"


def test_a_variant_wrapper_is_open_but_its_members_stay_strict() -> None:
    good = {"id": 1, "keyName": "HeartbeatInterval", "value": "300", "lastUpdatedAt": "2026-01-01T00:00:00Z"}
    ok = _exchange("POST", VARIABLES, {"keyName": "HeartbeatInterval", "value": "300"}, 201, {"data": good})
    assert kit.response_violations(ok) == []
    invented = _exchange("POST", VARIABLES, {"keyName": "HeartbeatInterval", "value": "300"}, 201,
                         {"data": {**good, "colour": "red"}})  # 1.6 forbids it; 2.0.1 needs variableName
    assert kit.response_violations(invented)


def _exchange(method: str, url: str, body: object, status: int, answer: object) -> httpx.Response:
    request = httpx.Request(method, url, headers=AUTH, content=json.dumps(body).encode() if body is not None else b"")
    return httpx.Response(status, json=answer, request=request)


GOOD_TAG = {"id": 1, "idTagUid": "04A1", "status": "enabled", "type": "rfid", "createdAt": "2026-01-01T00:00:00Z",
            "lastUpdatedAt": "2026-01-01T00:00:00Z"}


def test_a_valid_exchange_has_no_violation() -> None:
    response = _exchange("POST", TAG, {"idTagUid": "04A1", "status": "enabled", "type": "rfid"}, 201, {"data": GOOD_TAG})
    assert kit.request_violations(response.request) == [] and kit.response_violations(response) == []


@pytest.mark.parametrize(("body", "expected"), [
    ({"idTagUid": "04A1", "status": "enabled", "type": "rfid", "colour": "red"}, "colour"),
    ({"idTagUid": "04A1", "status": "enabled", "type": "emaid"}, "emaid"),
])
def test_a_request_outside_the_spec_is_a_violation(body: dict, expected: str) -> None:
    violations = kit.request_violations(_exchange("POST", TAG, body, 201, {"data": GOOD_TAG}).request)
    assert violations and expected in kit.report(violations)


def test_a_patch_of_null_into_a_field_that_is_not_nullable_is_a_violation() -> None:
    request = _exchange("PATCH", f"{TAG}/1", {"status": None}, 200, {"data": GOOD_TAG}).request
    assert "status" in kit.report(kit.request_violations(request))


@pytest.mark.parametrize(("status", "answer", "expected"), [
    (201, {"data": {**GOOD_TAG, "invented": 1}}, "invented"),
    (201, {"data": {**GOOD_TAG, "status": None}}, "status"),
    (409, {"message": "conflict"}, "409"),
])
def test_an_answer_outside_the_spec_is_a_violation(status: int, answer: dict, expected: str) -> None:
    response = _exchange("POST", TAG, {"idTagUid": "04A1", "status": "enabled", "type": "rfid"}, status, answer)
    violations = kit.response_violations(response)
    assert violations and expected in kit.report(violations)
