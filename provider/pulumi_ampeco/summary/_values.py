"""Property paths and values as a reviewer reads them: ``a.b[0]`` looked up, values shown short.

Values are rendered as compact JSON with secrets masked and unknowns spelled out, but never more
of a value than fits the shown length: a 10 MB blob costs as much as a short string, and a value
nested a thousand deep is cut at a fixed depth instead of overflowing the stack.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from pulumi_ampeco.summary._redact import MASK, UNKNOWN, Scrubber, is_secret_value, is_sensitive_name

__all__ = ["KNOWN_AFTER_APPLY", "MISSING", "code", "lookup", "parse_property_path", "resolve", "show_value"]

KNOWN_AFTER_APPLY: Final = "(known after apply)"
_DECODER: Final = json.JSONDecoder()
#: Containers deeper than this are shown as ``…``: nobody reads them in a comment.
_MAX_DEPTH: Final = 16


class _Missing:
    """A property a state does not have (distinct from JSON ``null``)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()


def parse_property_path(path: str) -> list[str | int]:
    """Split a ``detailedDiff`` key (``resource.PropertyPath.String()``): ``a.b[0]["c.d"]``."""
    if "." not in path and "[" not in path:
        return [path]
    tokens: list[str | int] = []
    buf = ""
    i = 0
    decoder = _DECODER
    while i < len(path):
        char = path[i]
        if char == ".":
            if buf:
                tokens.append(buf)
            buf, i = "", i + 1
        elif char == "[":
            if buf:
                tokens.append(buf)
            buf = ""
            if path.startswith('"', i + 1):
                try:
                    key, end = decoder.raw_decode(path, i + 1)
                except (ValueError, RecursionError):
                    return [path]
                if not isinstance(key, str) or not path.startswith("]", end):
                    return [path]
                tokens.append(key)
                i = end + 1
            else:
                close = path.find("]", i)
                if close < 0:
                    return [path]
                inner = path[i + 1:close]
                tokens.append(int(inner) if inner.isdigit() and len(inner) < 10 else inner)
                i = close + 1
        else:
            # Runs of plain characters at once: a 1 MB path must not cost a string copy per character.
            stop = min((j for j in (path.find(".", i), path.find("[", i)) if j >= 0), default=len(path))
            buf += path[i:stop]
            i = stop
    if buf:
        tokens.append(buf)
    return tokens or [path]


def resolve(root: Mapping[str, Any], tokens: Sequence[str | int]) -> Any:
    """The value at ``tokens`` inside ``root``; a secret or unknown container answers for its inside."""
    current: Any = root
    for token in tokens:
        if is_secret_value(current) or current == UNKNOWN:
            return current
        if isinstance(current, list) and isinstance(token, int) and 0 <= token < len(current):
            current = current[token]
        elif isinstance(current, dict) and str(token) in current:
            current = current[str(token)]
        else:
            return MISSING
    return current


def lookup(sources: Iterable[Mapping[str, Any]], tokens: Sequence[str | int]) -> Any:
    """The first source that has the path wins."""
    for source in sources:
        value = resolve(source, tokens)
        if value is not MISSING:
            return value
    return MISSING


def code(text: str) -> str:
    """A Markdown code span that survives backticks and line breaks inside ``text``."""
    text = text.translate(_CONTROL)
    longest = 0
    run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if longest or text.startswith(" ") or text.endswith(" ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


#: Line breaks and other control characters would end a list item or a table row: show them escaped.
_CONTROL: Final = {i: f"\\x{i:02x}" for i in (*range(0x20), 0x7F)} | {
    ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def show_value(value: Any, *, sensitive: bool, scrub: Scrubber, limit: int) -> str:
    """``value`` as a code span of at most ``limit`` characters, secrets masked before any cut."""
    if sensitive or is_secret_value(value):
        return code(MASK)
    if value == UNKNOWN:
        return KNOWN_AFTER_APPLY
    parts: list[str] = []
    _render(value, parts, budget=limit + 1, depth=0, scrub=scrub)
    text = "".join(parts)
    return code(text if len(text) <= limit else text[: limit - 1] + "…")


def _render(value: Any, out: list[str], *, budget: int, depth: int, scrub: Scrubber) -> int:
    """Append compact JSON for ``value`` to ``out`` until ``budget`` characters; returns what is left."""
    if budget <= 0:
        return budget
    if is_secret_value(value):
        return _emit(out, json.dumps(MASK), budget)
    if isinstance(value, str):
        if value == UNKNOWN:
            return _emit(out, json.dumps(KNOWN_AFTER_APPLY), budget)
        return _emit(out, _string(value, budget, scrub), budget)
    if isinstance(value, dict):
        if depth >= _MAX_DEPTH:
            return _emit(out, "{…}", budget)
        budget = _emit(out, "{", budget)
        first = True
        for key, inner in value.items():
            if budget <= 0:
                return budget
            key = str(key)
            if key.startswith("__"):  # engine internals (__provider, __defaults)
                continue
            budget = _emit(out, ("" if first else ",") + _string(key, budget, scrub) + ":", budget)
            first = False
            if is_sensitive_name(key):
                budget = _emit(out, json.dumps(MASK), budget)
            else:
                budget = _render(inner, out, budget=budget, depth=depth + 1, scrub=scrub)
        return _emit(out, "}", budget)
    if isinstance(value, list):
        if depth >= _MAX_DEPTH:
            return _emit(out, "[…]", budget)
        budget = _emit(out, "[", budget)
        for index, inner in enumerate(value):
            if budget <= 0:
                return budget
            if index:
                budget = _emit(out, ",", budget)
            budget = _render(inner, out, budget=budget, depth=depth + 1, scrub=scrub)
        return _emit(out, "]", budget)
    if isinstance(value, bool) or value is None:
        return _emit(out, json.dumps(value), budget)
    if isinstance(value, (int, float)):
        return _emit(out, json.dumps(value), budget)
    return _emit(out, json.dumps(str(value)), budget)


def _string(text: str, budget: int, scrub: Scrubber) -> str:
    """A JSON string literal of the scrubbed ``text``, cut near ``budget`` (the caller cuts exactly)."""
    return json.dumps(scrub.clip(text, budget), ensure_ascii=False)


def _emit(out: list[str], text: str, budget: int) -> int:
    out.append(text)
    return budget - len(text)
