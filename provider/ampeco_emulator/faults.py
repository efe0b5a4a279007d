"""Seeded fault injection for the public API (never for ``/_emulator/``).

``POST /_emulator/faults`` with::

    {"seed": 42, "rules": [{"fault": "status", "status": 503, "retry_after": 1,
                            "probability": 0.2, "methods": ["POST"], "path": "id-tags", "times": 3}]}

Rules are tried in order; the first whose method and path regex (``re.search`` on the URL path)
match and whose probability roll succeeds fires, at most ``times`` times (null = unlimited).

Fault kinds:

* ``status``      -- answer ``status`` (429, 500, 502, 503, 504) with a JSON message (``"html": true``
  for an HTML body) and ``Retry-After: retry_after`` if given; the request is NOT processed.
* ``reset_before`` -- the TCP connection is reset (RST, no response); the request is NOT processed.
* ``reset_after``  -- the request IS processed and committed, then the connection is reset.
* ``latency``      -- sleep ``seconds`` (default 0.05), then process normally.
* ``non_json``     -- 200 with an HTML page (a proxy answered); the request is NOT processed.
* ``no_envelope``  -- the request IS processed; the answer is 200 JSON without the ``data`` wrapper.
"""

from __future__ import annotations

import dataclasses
import random
import re
from typing import Any

from .errors import BadRequest

KINDS = ("status", "reset_before", "reset_after", "latency", "non_json", "no_envelope")
STATUSES = (429, 500, 502, 503, 504)
STATUS_MESSAGES = {
    429: "Too Many Attempts.",
    500: "Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
DEFAULT_LATENCY = 0.05
HTML_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>{title}</title></head>"
    "<body><center><h1>{title}</h1></center><hr><center>nginx</center></body></html>\n"
)
ALL_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


@dataclasses.dataclass
class FaultRule:
    fault: str
    probability: float = 1.0
    methods: tuple[str, ...] | None = None
    path: str | None = None
    times: int | None = None
    status: int | None = None
    retry_after: float | None = None
    seconds: float = DEFAULT_LATENCY
    html: bool = False
    fired: int = 0
    _pattern: re.Pattern[str] | None = dataclasses.field(default=None, repr=False)

    def matches(self, method: str, path: str) -> bool:
        if self.times is not None and self.fired >= self.times:
            return False
        if self.methods is not None and method not in self.methods:
            return False
        return self._pattern is None or self._pattern.search(path) is not None

    def to_json(self) -> dict[str, Any]:
        out = {k: v for k, v in dataclasses.asdict(self).items() if not k.startswith("_")}
        out["methods"] = list(self.methods) if self.methods is not None else None
        return out


def _number(rule: dict[str, Any], key: str, default: Any, index: int) -> Any:
    value = rule.get(key, default)
    if value is None:
        return default
    if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
        raise BadRequest(f"rules.{index}.{key} must be a non-negative number.")
    return value


def parse_rule(rule: Any, index: int) -> FaultRule:
    if not isinstance(rule, dict):
        raise BadRequest(f"rules.{index} must be an object.")
    kind = rule.get("fault")
    if kind not in KINDS:
        raise BadRequest(f"rules.{index}.fault must be one of: {', '.join(KINDS)}.")
    probability = _number(rule, "probability", 1.0, index)
    if probability > 1:
        raise BadRequest(f"rules.{index}.probability must be between 0 and 1.")
    methods = rule.get("methods")
    if methods is not None:
        if not isinstance(methods, list) or not all(isinstance(m, str) for m in methods):
            raise BadRequest(f"rules.{index}.methods must be a list of HTTP methods.")
        methods = tuple(m.upper() for m in methods)
        unknown = [m for m in methods if m not in ALL_METHODS]
        if unknown:
            raise BadRequest(f"rules.{index}.methods: unknown method(s) {', '.join(unknown)}.")
    path = rule.get("path")
    pattern = None
    if path is not None:
        if not isinstance(path, str):
            raise BadRequest(f"rules.{index}.path must be a regular expression string.")
        try:
            pattern = re.compile(path)
        except re.error as exc:
            raise BadRequest(f"rules.{index}.path is not a valid regular expression: {exc}.") from exc
    times = rule.get("times")
    if times is not None and (not isinstance(times, int) or isinstance(times, bool) or times < 0):
        raise BadRequest(f"rules.{index}.times must be a non-negative integer or null.")
    status = rule.get("status")
    if kind == "status" and status not in STATUSES:
        raise BadRequest(f"rules.{index}.status must be one of: {', '.join(map(str, STATUSES))}.")
    retry_after = rule.get("retry_after")
    if retry_after is not None:
        retry_after = _number(rule, "retry_after", None, index)
    return FaultRule(
        fault=kind,
        probability=float(probability),
        methods=methods,
        path=path,
        times=times,
        status=status if kind == "status" else None,
        retry_after=retry_after,
        seconds=float(_number(rule, "seconds", DEFAULT_LATENCY, index)),
        html=bool(rule.get("html", False)),
        _pattern=pattern,
    )


class Faults:
    """The active rules and their seeded random source."""

    def __init__(self) -> None:
        self.seed: int | None = None
        self.rules: list[FaultRule] = []
        self.rng = random.Random(0)

    def configure(self, payload: Any) -> None:
        if not isinstance(payload, dict):
            raise BadRequest("The body must be an object with 'rules' (and optionally 'seed').")
        seed = payload.get("seed")
        if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
            raise BadRequest("seed must be an integer or null.")
        rules = payload.get("rules", [])
        if not isinstance(rules, list):
            raise BadRequest("rules must be a list.")
        parsed = [parse_rule(rule, i) for i, rule in enumerate(rules)]
        self.seed = seed
        self.rules = parsed
        self.rng = random.Random(seed)

    def clear(self) -> None:
        self.__init__()  # type: ignore[misc]

    def pick(self, method: str, path: str) -> FaultRule | None:
        for rule in self.rules:
            if not rule.matches(method, path):
                continue
            if rule.probability >= 1 or self.rng.random() < rule.probability:
                rule.fired += 1
                return rule
        return None

    def to_json(self) -> dict[str, Any]:
        return {"seed": self.seed, "rules": [rule.to_json() for rule in self.rules]}
