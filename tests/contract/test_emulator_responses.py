"""(a) Every answer of the emulator, for every operation of the eight resources, is in the official
spec (API 3.110.0, strict: no undocumented status, field, type or value); the requests that drive
it are valid by the spec too, so the scenarios test the emulator, not themselves."""

from __future__ import annotations

import httpx
import pytest

from contract import kit
from contract.conftest import Exchanges
from contract.scenarios import SCENARIOS


@pytest.mark.parametrize("kind", list(SCENARIOS))
def test_emulator_answers_every_operation_within_the_official_spec(kind: str, api: httpx.Client,
                                                                   exchanges: Exchanges) -> None:
    SCENARIOS[kind](api)
    violations = exchanges.violations()
    assert not violations, "\n" + kit.report(violations)


def test_the_scenarios_cover_every_operation_of_the_eight_resources(api: httpx.Client,
                                                                     exchanges: Exchanges) -> None:
    for scenario in SCENARIOS.values():
        scenario(api)
    assert set(kit.operations()) - exchanges.operations() == set()
    assert len(kit.operations()) == 45
    errors = {(m, s) for m, _, s in exchanges.statuses() if s >= 400}
    assert {("GET", 404), ("PATCH", 404), ("DELETE", 404), ("POST", 422), ("PATCH", 422), ("PUT", 422),
            ("DELETE", 422)} <= errors
