"""A property-based run of the emulator's API generated from the official spec (schemathesis):
requests the spec allows, for every operation of the managed resources, find no server error and no
answer outside the spec (schemathesis' status, content-type and schema checks, plus the strict
openapi-core validation of the other contract tests).

Bounded and reproducible: EXAMPLES per operation, a fixed seed, no example database. Each
operation starts from a fresh tenant holding one object of every kind, and half of the generated
cases aim their path ids at those objects, so reads, updates and deletes reach real objects
instead of 404 only.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx
import pytest
import schemathesis
from ampeco_emulator import EmulatorServer
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from contract import _contract_kit as kit
from contract import scenarios

EXAMPLES = 20
SEED = 20261201
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def _seed_tenant(api: httpx.Client) -> dict[str, int]:
    """One object of every kind; the ids a generated path may point at."""
    site = scenarios.location(api)
    zone = api.post(f"{kit.R}/locations/v2.0/{site['id']}/charging-zones", json={"name": "Z", "status": "enabled"})
    cp = scenarios.charge_point(api, site["id"])
    evse = scenarios.evse(api, cp["id"])
    connector = api.post(f"{kit.R}/charge-points/v2.0/{cp['id']}/evses/{evse['id']}/connectors", json={"type": "type2"})
    tag = api.post(f"{kit.R}/id-tags/v2.0", json={"idTagUid": "04SEED", "status": "enabled", "type": "rfid"})
    tariff = api.post(f"{kit.R}/tariffs/v1.0", json=scenarios.TARIFF_BODY)
    group = api.post(f"{kit.R}/tariff-groups/v1.0", json={"name": "G"})
    partner = scenarios.partner(api)
    users = api.post(f"{kit.R}/user-groups/v1.0", json={"name": "U"})
    tax = api.post(f"{kit.R}/taxes/v2.0", json={"name": "VAT", "percentage": 20})
    circuit = scenarios.circuit(api)
    api.post(f"/public-api/actions/circuit/v2.0/{circuit['id']}/attach-charge-point", json={"chargePointId": cp["id"]})
    hook = api.post("/public-api/notifications/v2.0", json=scenarios.HOOK)
    template = api.post(f"{kit.R}/configuration-templates/v1.0", json={"name": "T", "ocppVersion": "ocpp 1.6"})
    template_id = template.json()["data"]["id"]
    variable = api.post(f"{kit.R}/configuration-templates/v1.0/{template_id}/variables",
                        json={"keyName": "HeartbeatInterval", "value": "300"})
    return {"location": site["id"], "chargingZone": zone.json()["data"]["id"], "chargePoint": cp["id"],
            "evse": evse["id"], "connector": connector.json()["data"]["id"], "idTag": tag.json()["data"]["id"],
            "tariff": tariff.json()["data"]["id"], "tariffGroup": group.json()["data"]["id"], "partner": partner["id"],
            "userGroup": users.json()["data"]["id"], "tax": tax.json()["data"]["id"], "circuit": circuit["id"],
            "notification": str(hook.json()["data"]["id"]), "template": template_id,
            "variable": variable.json()["data"]["id"]}


def _as_httpx(response: Any) -> httpx.Response:
    sent = response.request
    request = httpx.Request(sent.method, sent.url, headers=dict(sent.headers), content=sent.body or b"")
    headers = {k: ", ".join(v) if isinstance(v, list) else v for k, v in response.headers.items()}
    return httpx.Response(response.status_code, headers=headers, content=response.content, request=request)


class Run:
    """What the property-based run saw: examples, statuses per operation, failures per operation."""

    def __init__(self) -> None:
        self.examples = 0
        self.statuses: Counter[tuple[str, int]] = Counter()
        self.failures: dict[str, list[str]] = {}


def _fuzz(run: Run, schema: Any, method: str, path: str, url: str, auth: dict[str, str], ids: dict[str, int]) -> None:
    label = f"{method} {path}"

    @seed(SEED)
    @settings(max_examples=EXAMPLES, database=None, deadline=None, phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck), print_blob=False)
    @given(case=schema[path][method].as_strategy(), aim=st.booleans())
    def one(case: Any, aim: bool) -> None:
        run.examples += 1
        if aim and case.path_parameters:
            case.path_parameters = {k: ids.get(k, v) for k, v in case.path_parameters.items()}
        response = case.call(base_url=url, headers=auth)
        run.statuses[(label, response.status_code)] += 1
        problems: list[str] = []
        try:
            case.validate_response(response, checks=CHECKS)
        except FailureGroup as group:
            problems += [f"{f.title}: {f.message}".strip() for f in group.exceptions]
        except AssertionError as error:
            problems.append(str(error))
        problems += [str(v) for v in kit.response_violations(_as_httpx(response))]
        if problems:
            run.failures.setdefault(label, []).append(
                f"{case.method} {case.formatted_path} query={case.query} body={case.body!r:.300}\n    "
                + "\n    ".join(problems))

    one()


def test_generated_requests_find_no_server_error_and_no_answer_outside_the_spec(tenant: EmulatorServer) -> None:
    schema = schemathesis.openapi.from_dict(kit.contract())
    auth = {"Authorization": f"Bearer {tenant.token}"}
    run = Run()
    for method, path in kit.operations():
        httpx.post(f"{tenant.url}/_emulator/reset").raise_for_status()
        with httpx.Client(base_url=tenant.url, headers=auth) as api:
            ids = _seed_tenant(api)
        _fuzz(run, schema, method, path, tenant.url, auth, ids)
    by_status = Counter(status for (_, status) in run.statuses.elements())
    reached = {op for (op, status) in run.statuses if status < 300}
    print(f"\nproperty-based run: {len(kit.operations())} operations, {run.examples} examples, "
          f"{len(reached)} operations answered 2xx; statuses: {dict(sorted(by_status.items()))}")
    assert not run.failures, "\n".join(f"{op}:\n  " + "\n  ".join(msgs[:3]) for op, msgs in run.failures.items())
    assert run.examples >= len(kit.operations()) * EXAMPLES // 2
    assert len(reached) >= 72, sorted({f"{m} {p}" for m, p in kit.operations()} - reached)


@pytest.fixture(autouse=True)
def _spec_present() -> None:
    kit.openapi()
