"""Previews written the way `pulumi preview --json` prints them, for the summary tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parents[1] / "cli" / "fixtures"
NETWORK = FIXTURES / "ampeco_network_change.json"
EVENTS = FIXTURES / "real_pulumi_engine_events_destroy.ndjson"
STACK = "urn:pulumi:prod::ampeco-network::"
LIMIT = 65_536


def urn(kind: str, name: str) -> str:
    return f"{STACK}pulumi-python:dynamic/ampeco:{kind}::{name}"


def step(op: str, kind: str, name: str, *, old: dict[str, Any] | None = None,
         new: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    """A digest step with the type token the dynamic provider produces."""
    resource = urn(kind, name)
    result: dict[str, Any] = {"op": op, "urn": resource, **fields}
    state = {"urn": resource, "custom": True, "type": f"pulumi-python:dynamic/ampeco:{kind}"}
    if old is not None:
        result["oldState"] = {**state, "inputs": old, "outputs": old}
    if new is not None:
        result["newState"] = {**state, "inputs": new}
    return result


def digest(*steps: dict[str, Any], **extra: Any) -> str:
    return json.dumps({"steps": list(steps), **extra})


def renamed(index: int, kind: str = "ChargePoint", op: str = "update") -> dict[str, Any]:
    """An update (or other op) of one charge point whose name changes; old state holds a clear password."""
    old = {"name": f"Charge point {index}", "location_id": 101, "type": "public",
           "network": {"id": f"DE*AMP*E{index:06}", "password": f"Pass-{index:06}-x"}}
    if op == "delete":
        return step(op, kind, f"cp-{index:06}", old=old)
    if op == "create":
        return step(op, kind, f"cp-{index:06}", new=old)
    return step(op, kind, f"cp-{index:06}", old=old, new={**old, "name": f"Charge point {index} (renamed)"},
                detailedDiff={"name": {"kind": "update", "inputDiff": True}}, diffReasons=["name"])


def many(count: int, op: str = "update", kind: str = "ChargePoint", **summary: int) -> str:
    """``count`` steps of one op, with a change summary that agrees."""
    return digest(*(renamed(i, kind, op) for i in range(count)),
                  changeSummary={op: count, "same": 1, **summary})


def error(message: str, resource: str = "") -> dict[str, Any]:
    return {"urn": resource, "severity": "error", "message": f"error: {message}\n"}


def event_lines(path: Path = EVENTS) -> list[str]:
    return path.read_text().splitlines(keepends=True)
