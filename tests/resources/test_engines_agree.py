"""The imitation engine (tests/_harness) and the real CLI take the same steps on the same scenarios.

Every lifecycle test already runs on both engines; this runs one long scenario per resource on both
and compares every plan whole: each resource's step, the keys that changed and what forced a
replacement. A difference is a bug in the harness or in the provider.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from _harness import Engine
from _harness.real_cli import RealEngine
from _samples import Program, nothing
from ampeco_emulator import EmulatorServer

from resources._resources_kit import TenantApi
from resources.test_lifecycle import CASES, IDS, Case, program_for, where

pytestmark = pytest.mark.slow

Record = list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]


def _record(plan: Any) -> Record:
    """A plan as comparable facts; "same" steps left out (a preview digest does not list them all)."""
    return sorted((s.name, s.op, tuple(s.changed_keys), tuple(s.replaces)) for s in plan.steps if s.op != "same")


def scenario(engine: Any, case: Case, api: TenantApi) -> list[tuple[str, Record]]:
    """create, no-op, update, replace, drift + revert, out-of-band delete + recreate, removal."""
    seen: list[tuple[str, Record]] = []
    args: dict[str, Any] = {}

    def step(label: str, plan: Any) -> None:
        seen.append((label, _record(plan)))

    step("preview", engine.preview(program_for(case)))
    step("up", engine.up(program_for(case)))
    step("no-op up", engine.up(program_for(case)))
    args = dict(case.update)
    step("preview update", engine.preview(program_for(case, **args)))
    step("update", engine.up(program_for(case, **args)))
    if case.replace:
        args = {**args, **case.replace}
        step("preview replace", engine.preview(program_for(case, **args)))
        step("replace", engine.up(program_for(case, **args)))
    method, body = case.drift
    where(engine, case).change(api, method, body)
    step("refresh after drift", engine.refresh())
    step("preview after drift", engine.preview(program_for(case, **args)))
    step("revert", engine.up(program_for(case, **args)))
    where(engine, case).delete(api)
    step("refresh after delete", engine.refresh())
    step("recreate", engine.up(program_for(case, **args)))
    step("removal", engine.up(Program(nothing)))
    return seen


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_harness_and_real_engine_take_the_same_steps(case: Case, make_real_engine: Callable[..., RealEngine],
                                                     provider_process: Any, tenant: EmulatorServer,
                                                     api: TenantApi) -> None:
    import httpx

    real = scenario(make_real_engine(project="lifecycle"), case, api)
    httpx.post(f"{tenant.url}/_emulator/reset").raise_for_status()
    harness_engine = Engine(provider_process, project="lifecycle", stack="dev",
                            config={"ampeco:tenantUrl": tenant.url, "ampeco:apiToken": tenant.token},
                            secret_config_keys=("ampeco:apiToken",))
    imitation = scenario(harness_engine, case, api)
    assert imitation == real
