"""Fault injection: status codes, TCP resets before/after processing, latency, broken bodies."""

from __future__ import annotations

import time

import httpx
import pytest
from _emulator_kit import ID_TAGS, id_tag_body


def _faults(admin: httpx.Client, *rules: dict, seed: int | None = 42) -> None:
    response = admin.post("/faults", json={"seed": seed, "rules": list(rules)})
    assert response.status_code == 200, response.text


def _tags(admin: httpx.Client) -> list[dict]:
    return admin.get("/state").json()["id_tags"]


def test_status_429_has_retry_after_and_is_not_processed(api: httpx.Client, admin: httpx.Client) -> None:
    _faults(admin, {"fault": "status", "status": 429, "retry_after": 2, "methods": ["POST"], "times": 1})
    response = api.post(ID_TAGS, json=id_tag_body())
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "2"
    assert response.json() == {"message": "Too Many Attempts."}
    assert _tags(admin) == []
    assert api.post(ID_TAGS, json=id_tag_body()).status_code == 201  # times: 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_status_5xx(api: httpx.Client, admin: httpx.Client, status: int) -> None:
    _faults(admin, {"fault": "status", "status": status})
    assert api.get(ID_TAGS).status_code == status


def test_status_fault_can_answer_html(api: httpx.Client, admin: httpx.Client) -> None:
    _faults(admin, {"fault": "status", "status": 502, "html": True})
    response = api.get(ID_TAGS)
    assert response.status_code == 502
    assert response.headers["content-type"].startswith("text/html")


def test_reset_before_drops_connection_and_creates_nothing(api: httpx.Client, admin: httpx.Client) -> None:
    _faults(admin, {"fault": "reset_before", "methods": ["POST"], "times": 1})
    with pytest.raises(httpx.TransportError):
        api.post(ID_TAGS, json=id_tag_body())
    assert _tags(admin) == []
    assert api.get(ID_TAGS).status_code == 200  # the client recovers with a new connection


def test_reset_after_creates_but_client_sees_connection_error(api: httpx.Client, admin: httpx.Client) -> None:
    _faults(admin, {"fault": "reset_after", "methods": ["POST"], "path": "id-tags", "times": 1})
    with pytest.raises(httpx.TransportError):
        api.post(ID_TAGS, json=id_tag_body(idTagUid="GHOST"))
    assert [t["idTagUid"] for t in _tags(admin)] == ["GHOST"]
    log = admin.get("/requests").json()["data"]
    assert log[0]["fault"] == "reset_after" and log[0]["status"] == 201


def test_reset_is_a_connection_error_not_a_500(tenant, admin: httpx.Client) -> None:
    _faults(admin, {"fault": "reset_before"})
    errors = (httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError)
    with httpx.Client(headers={"Authorization": f"Bearer {tenant.token}"}) as fresh, pytest.raises(errors):
        fresh.get(f"{tenant.url}{ID_TAGS}")


def test_latency_delays_then_processes(api: httpx.Client, admin: httpx.Client) -> None:
    _faults(admin, {"fault": "latency", "seconds": 0.2, "methods": ["POST"]})
    started = time.perf_counter()
    assert api.post(ID_TAGS, json=id_tag_body()).status_code == 201
    assert time.perf_counter() - started >= 0.2


def test_non_json_is_200_html_and_not_processed(api: httpx.Client, admin: httpx.Client) -> None:
    _faults(admin, {"fault": "non_json", "methods": ["POST"]})
    response = api.post(ID_TAGS, json=id_tag_body())
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    with pytest.raises(ValueError):
        response.json()
    assert _tags(admin) == []


def test_no_envelope_is_200_json_without_data(api: httpx.Client, admin: httpx.Client) -> None:
    _faults(admin, {"fault": "no_envelope", "methods": ["POST"]})
    response = api.post(ID_TAGS, json=id_tag_body(idTagUid="BARE"))
    assert response.status_code == 200
    body = response.json()
    assert "data" not in body and body["idTagUid"] == "BARE"


def test_seeded_probability_is_reproducible(api: httpx.Client, admin: httpx.Client) -> None:
    rule = {"fault": "status", "status": 503, "probability": 0.3}

    def run() -> list[int]:
        _faults(admin, rule, seed=7)
        return [api.get(ID_TAGS).status_code for _ in range(40)]

    first, second = run(), run()
    assert first == second
    assert 0 < first.count(503) < 40
    fired = admin.get("/faults").json()["rules"][0]["fired"]
    assert fired == first.count(503)


def test_rules_match_method_and_path(api: httpx.Client, admin: httpx.Client) -> None:
    _faults(admin, {"fault": "status", "status": 500, "methods": ["DELETE"], "path": r"/id-tags/v2\.0/\d+$"})
    tag = api.post(ID_TAGS, json=id_tag_body()).json()["data"]
    assert api.get(f"{ID_TAGS}/{tag['id']}").status_code == 200
    assert api.delete(f"{ID_TAGS}/{tag['id']}").status_code == 500


def test_faults_are_logged_and_cleared(api: httpx.Client, admin: httpx.Client) -> None:
    _faults(admin, {"fault": "status", "status": 503, "times": 1})
    api.get(ID_TAGS)
    api.get(ID_TAGS)
    log = admin.get("/requests").json()["data"]
    assert [(e["status"], e["fault"]) for e in log] == [(503, "status"), (200, None)]
    assert admin.delete("/faults").status_code == 204
    assert admin.get("/faults").json()["rules"] == []


def test_admin_api_is_never_faulted(admin: httpx.Client) -> None:
    _faults(admin, {"fault": "status", "status": 500})
    assert admin.get("/state").status_code == 200


def test_reset_clears_faults(api: httpx.Client, admin: httpx.Client) -> None:
    _faults(admin, {"fault": "status", "status": 500})
    admin.post("/reset")
    assert api.get(ID_TAGS).status_code == 200


@pytest.mark.parametrize(
    "rule",
    [
        {"fault": "explode"},
        {"fault": "status", "status": 418},
        {"fault": "latency", "probability": 2},
        {"fault": "status", "status": 500, "path": "("},
    ],
)
def test_bad_fault_rule_is_400(admin: httpx.Client, rule: dict) -> None:
    assert admin.post("/faults", json={"rules": [rule]}).status_code == 400
