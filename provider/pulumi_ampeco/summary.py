"""Turn ``pulumi preview --json`` output into a Markdown comment for a pull request.

Operators approve network changes in pull requests; CI posts the preview as a comment, so the
comment must put what can hurt (deletions, replacements) first and never leak a secret.

The input is the engine's preview digest (``PreviewDigest`` in Pulumi's ``sdk/go/common/display``,
printed by ``ShowPreviewDigest`` in ``pkg/backend/display/json.go``)::

    {"config": {...}, "steps": [{"op", "urn", "provider", "oldState", "newState",
     "diffReasons", "replaceReasons", "detailedDiff": {"path": {"kind", "inputDiff"}}}],
     "diagnostics": [{"urn", "message", "severity"}], "duration": <ns>,
     "changeSummary": {"create": 1, "same": 3}, "maybeCorrupt": false}

Facts this module relies on (all from Pulumi's source):

* ``oldState``/``newState`` are ``apitype.ResourceV3``; their secret values are already replaced
  by the string ``"[secret]"`` (``MassageSecrets`` in json.go). Signature objects
  (``{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ...}``) are what
  a state export holds; they are masked too in case a tool passes one through.
* Values not known until apply are the string ``04da6b54-80e4-46f7-96ec-b56ff0331ba9``
  (``computedValuePlaceholder``).
* The digest lists the root stack and changed resources only (``shouldShow`` in json.go):
  unchanged resources are counted in ``changeSummary["same"]`` but have no step, and a replacement
  is one ``replace`` step; ``create-replacement``/``delete-replaced`` sub-steps, if present, are
  folded into it.
* ``detailedDiff`` may be ``null``; then ``diffReasons`` holds the changed top-level keys.

A stream of engine events, one JSON object a line (``--event-log``, or
``PULUMI_ENABLE_STREAMING_JSON_PREVIEW``), or ``{"events": [...]}`` is accepted as well and folded
into the same digest.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from pulumi_ampeco.errors import AmpecoError

__all__ = [
    "Diagnostic",
    "PreviewDigest",
    "PreviewError",
    "PreviewStep",
    "PropertyDiff",
    "ResourceState",
    "is_sensitive_name",
    "load_preview",
    "parse_preview",
    "parse_property_path",
    "render_markdown",
]

UNKNOWN: Final = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
SECRET_PLACEHOLDER: Final = "[secret]"
SECRET_SIG_KEY: Final = "4dabf18193072939515e22adb298388d"
SECRET_SIG_VALUE: Final = "1b47061264138c4ac30d75fd1eb44270"
MASK: Final = "***"
MARKER: Final = "<!-- pulumi-ampeco:summarize -->"

#: Replacement shows up as one ``replace`` step, or as these sub-steps with --show-replacement-steps.
_REPLACE_OPS: Final = frozenset({"replace", "create-replacement", "delete-replaced", "import-replacement"})
#: Steps that change nothing in the tenant; counted in the heading, never listed.
_QUIET_OPS: Final = frozenset({"same", "read", "refresh"})
#: Table column order; ops not listed here follow alphabetically.
_OP_ORDER: Final = ("create", "update", "replace", "delete", "import", "discard", "remove-pending-replace")
_HEADING_WORDS: Final = {
    "create": "to create", "update": "to update", "replace": "to replace", "delete": "to delete",
    "import": "to import", "discard": "to discard", "read": "to read", "refresh": "to refresh",
}

#: Words that make a property secret by name, whatever its value says (``network.password``, ``pin``).
_SENSITIVE_WORDS: Final = frozenset(
    {"password", "passwd", "passphrase", "secret", "token", "pin", "credential", "credentials"}
)
_SENSITIVE_SUFFIXES: Final = ("apikey", "privatekey", "secretkey", "accesskey")
_WORD_RE: Final = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")

_MAX_VALUE_CHARS: Final = 60
_MAX_FIELDS: Final = 25
_MAX_DIAGNOSTICS: Final = 10
_MAX_DIAGNOSTIC_CHARS: Final = 200


class PreviewError(AmpecoError, ValueError):
    """The input is not something ``pulumi preview --json`` printed; the message is one line."""


class _Missing:
    """A property a state does not have (distinct from JSON ``null``)."""

    def __repr__(self) -> str:
        return "MISSING"


_MISSING: Final = _Missing()


# --------------------------------------------------------------------------------------------
# The digest, typed


@dataclass(frozen=True)
class ResourceState:
    """``apitype.ResourceV3`` as far as a reviewer needs it."""

    urn: str
    type: str
    inputs: Mapping[str, Any] = field(default_factory=dict)
    outputs: Mapping[str, Any] = field(default_factory=dict)
    protect: bool = False
    retain_on_delete: bool = False


@dataclass(frozen=True)
class PropertyDiff:
    """One ``detailedDiff`` entry: ``kind`` is add/update/delete, each maybe ``-replace``."""

    kind: str
    input_diff: bool = False

    @property
    def forces_replacement(self) -> bool:
        return self.kind.endswith("-replace")


@dataclass(frozen=True)
class PreviewStep:
    """One step the engine plans (``display.PreviewStep``)."""

    op: str
    urn: str
    provider: str = ""
    old_state: ResourceState | None = None
    new_state: ResourceState | None = None
    diff_reasons: tuple[str, ...] = ()
    replace_reasons: tuple[str, ...] = ()
    detailed_diff: Mapping[str, PropertyDiff] | None = None

    @property
    def type(self) -> str:
        """The full type token, from a state or else from the URN."""
        for state in (self.new_state, self.old_state):
            if state is not None and state.type:
                return state.type
        parts = self.urn.split("::", 3)
        return parts[2].rsplit("$", 1)[-1] if len(parts) == 4 else ""

    @property
    def name(self) -> str:
        """The resource's logical name: the URN's last part."""
        parts = self.urn.split("::", 3)
        return parts[3] if len(parts) == 4 else self.urn


@dataclass(frozen=True)
class Diagnostic:
    """A warning or error the preview printed."""

    message: str
    severity: str
    urn: str = ""


@dataclass(frozen=True)
class PreviewDigest:
    """The document ``pulumi preview --json`` prints (``display.PreviewDigest``)."""

    steps: tuple[PreviewStep, ...] = ()
    change_summary: Mapping[str, int] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()
    config: Mapping[str, str] = field(default_factory=dict)
    duration_ns: int | None = None
    maybe_corrupt: bool = False


# --------------------------------------------------------------------------------------------
# Reading


def load_preview(source: str | os.PathLike[str]) -> PreviewDigest:
    """Read a preview from a file path, or from the JSON text itself.

    A ``str`` that holds a newline or starts with ``{``/``[`` is taken as text, any other as a
    path, so a CI log pasted in works as well as a file name.
    """
    if isinstance(source, str) and ("\n" in source or source.lstrip().startswith(("{", "["))):
        return parse_preview(source)
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise PreviewError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise PreviewError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return parse_preview(text)


def parse_preview(text: str) -> PreviewDigest:
    """Parse the text ``pulumi preview --json`` printed, tolerating CI log lines around it."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise PreviewError("empty input: expected the output of `pulumi preview --json`")
    try:
        whole: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        found = _find_embedded(text)
        if found is None:
            raise PreviewError(
                f"not JSON (line {exc.lineno}: {exc.msg}): expected the output of `pulumi preview --json`"
            ) from exc
        return found
    digest = _from_document(whole)
    if digest is None:
        raise PreviewError(
            'not a `pulumi preview --json` document: found no "steps", "changeSummary" or engine events'
        )
    return digest


def _find_embedded(text: str) -> PreviewDigest | None:
    """Find the digest, or an event stream, among log lines: each candidate starts a line with ``{``."""
    decoder = json.JSONDecoder()
    for start in _line_starts(text):
        try:
            value, _ = decoder.raw_decode(text, start)
        except json.JSONDecodeError:
            continue
        if _is_event(value):
            return _from_events(_events_in_lines(text[start:]))
        if isinstance(value, dict) and _looks_like_digest(value):
            return _from_digest(value)
    return None


def _line_starts(text: str) -> Iterator[int]:
    for match in re.finditer(r"^[ \t]*([{\[])", text, re.MULTILINE):
        yield match.start(1)


def _events_in_lines(text: str) -> list[Mapping[str, Any]]:
    events: list[Mapping[str, Any]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            continue
        if _is_event(value):
            events.append(value)
    return events


def _from_document(value: Any) -> PreviewDigest | None:
    if isinstance(value, list):
        events = [e for e in value if _is_event(e)]
        return _from_events(events) if events else None
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("events"), list):
        return _from_events([e for e in value["events"] if _is_event(e)])
    if _is_event(value):
        return _from_events([value])
    if _looks_like_digest(value):
        return _from_digest(value)
    return None


def _looks_like_digest(value: Mapping[str, Any]) -> bool:
    return any(key in value for key in ("steps", "changeSummary", "diagnostics"))


_EVENT_KEYS: Final = frozenset({
    "cancelEvent", "stdoutEvent", "diagnosticEvent", "preludeEvent", "summaryEvent",
    "resourcePreEvent", "resOutputsEvent", "resOpFailedEvent", "policyEvent",
})


def _is_event(value: Any) -> bool:
    return isinstance(value, dict) and not _EVENT_KEYS.isdisjoint(value)


def _from_digest(raw: Mapping[str, Any]) -> PreviewDigest:
    steps_raw = raw.get("steps") or []
    if not isinstance(steps_raw, list):
        raise PreviewError(f'not a preview: "steps" is {_json_type(steps_raw)}, not a list')
    steps: list[PreviewStep] = []
    for index, item in enumerate(steps_raw):
        if not isinstance(item, dict):
            raise PreviewError(f"not a preview: step {index} is {_json_type(item)}, not an object")
        op, urn = item.get("op"), item.get("urn")
        if not isinstance(op, str) or not isinstance(urn, str):
            raise PreviewError(f'not a preview: step {index} has no "op" and "urn" strings')
        steps.append(PreviewStep(
            op=op,
            urn=urn,
            provider=_str(item.get("provider")),
            old_state=_state(item.get("oldState")),
            new_state=_state(item.get("newState")),
            diff_reasons=_strings(item.get("diffReasons")),
            replace_reasons=_strings(item.get("replaceReasons")),
            detailed_diff=_detailed_diff(item.get("detailedDiff")),
        ))
    duration = raw.get("duration")
    return PreviewDigest(
        steps=tuple(steps),
        change_summary=_counts(raw.get("changeSummary")),
        diagnostics=tuple(_diagnostics(raw.get("diagnostics"))),
        config=_config(raw.get("config")),
        duration_ns=duration if isinstance(duration, int) and not isinstance(duration, bool) else None,
        maybe_corrupt=raw.get("maybeCorrupt") is True,
    )


def _from_events(events: Iterable[Mapping[str, Any]]) -> PreviewDigest:
    """Fold engine events (``apitype.EngineEvent``) into a digest, as ``ShowPreviewDigest`` does."""
    steps: list[PreviewStep] = []
    seen: set[tuple[str, str]] = set()
    diagnostics: list[Diagnostic] = []
    summary: Mapping[str, int] = {}
    config: Mapping[str, str] = {}
    duration: int | None = None
    corrupt = False
    for event in events:
        if isinstance(prelude := event.get("preludeEvent"), dict):
            config = _config(prelude.get("config"))
        if isinstance(diag := event.get("diagnosticEvent"), dict) and not diag.get("ephemeral"):
            diagnostics.extend(_diagnostics([diag]))
        if isinstance(done := event.get("summaryEvent"), dict):
            summary = _counts(done.get("resourceChanges"))
            seconds = done.get("durationSeconds")
            duration = seconds * 1_000_000_000 if isinstance(seconds, int) else None
            corrupt = done.get("maybeCorrupt") is True
        pre = event.get("resourcePreEvent")
        meta = pre.get("metadata") if isinstance(pre, dict) else None
        if not isinstance(meta, dict):
            continue
        op, urn = meta.get("op"), meta.get("urn")
        if not isinstance(op, str) or not isinstance(urn, str) or (op, urn) in seen:
            continue
        seen.add((op, urn))
        steps.append(PreviewStep(
            op=op,
            urn=urn,
            provider=_str(meta.get("provider")),
            old_state=_state(meta.get("old")),
            new_state=_state(meta.get("new")),
            diff_reasons=_strings(meta.get("diffs")),
            replace_reasons=_strings(meta.get("keys")),
            detailed_diff=_detailed_diff(meta.get("detailedDiff")),
        ))
    return PreviewDigest(
        steps=tuple(steps), change_summary=summary, diagnostics=tuple(diagnostics), config=config,
        duration_ns=duration, maybe_corrupt=corrupt,
    )


def _state(raw: Any) -> ResourceState | None:
    if not isinstance(raw, dict):
        return None
    inputs, outputs = raw.get("inputs"), raw.get("outputs")
    return ResourceState(
        urn=_str(raw.get("urn")),
        type=_str(raw.get("type")),
        inputs=inputs if isinstance(inputs, dict) else {},
        outputs=outputs if isinstance(outputs, dict) else {},
        protect=raw.get("protect") is True,
        retain_on_delete=raw.get("retainOnDelete") is True,
    )


def _detailed_diff(raw: Any) -> Mapping[str, PropertyDiff] | None:
    if not isinstance(raw, dict):
        return None
    diffs: dict[str, PropertyDiff] = {}
    for path, entry in raw.items():
        if not isinstance(entry, dict):
            continue
        # The digest says "kind"; engine events (apitype.PropertyDiff) say "diffKind".
        kind = entry.get("kind", entry.get("diffKind"))
        diffs[str(path)] = PropertyDiff(kind=kind if isinstance(kind, str) else "update",
                                        input_diff=entry.get("inputDiff") is True)
    return diffs


def _diagnostics(raw: Any) -> Iterator[Diagnostic]:
    for item in raw if isinstance(raw, list) else ():
        if isinstance(item, dict) and isinstance(item.get("message"), str):
            yield Diagnostic(message=item["message"], severity=_str(item.get("severity")),
                             urn=_str(item.get("urn")))


def _counts(raw: Any) -> Mapping[str, int]:
    if not isinstance(raw, dict):
        return {}
    return {str(k): v for k, v in raw.items() if isinstance(v, int) and not isinstance(v, bool)}


def _config(raw: Any) -> Mapping[str, str]:
    return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


def _strings(raw: Any) -> tuple[str, ...]:
    return tuple(str(x) for x in raw) if isinstance(raw, list) else ()


def _str(raw: Any) -> str:
    return raw if isinstance(raw, str) else ""


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


# --------------------------------------------------------------------------------------------
# Property paths, values and secrets


def parse_property_path(path: str) -> list[str | int]:
    """Split a ``detailedDiff`` key (``resource.PropertyPath.String()``): ``a.b[0]["c.d"]``."""
    tokens: list[str | int] = []
    buf = ""
    i = 0
    decoder = json.JSONDecoder()
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
                except json.JSONDecodeError:
                    return [path]
                if not path.startswith("]", end):
                    return [path]
                tokens.append(str(key))
                i = end + 1
            else:
                close = path.find("]", i)
                if close < 0:
                    return [path]
                inner = path[i + 1:close]
                tokens.append(int(inner) if inner.isdigit() else inner)
                i = close + 1
        else:
            buf += char
            i += 1
    if buf:
        tokens.append(buf)
    return tokens or [path]


def is_sensitive_name(key: str) -> bool:
    """Whether a property name says it holds a secret (``password``, ``apiToken``, ``pin``...)."""
    words = [w.lower() for w in _WORD_RE.findall(key)]
    if any(w in _SENSITIVE_WORDS for w in words):
        return True
    return "".join(words).endswith(_SENSITIVE_SUFFIXES)


def _is_secret(value: Any) -> bool:
    if value == SECRET_PLACEHOLDER:
        return True
    return isinstance(value, dict) and value.get(SECRET_SIG_KEY) == SECRET_SIG_VALUE


def _resolve(root: Mapping[str, Any], tokens: Sequence[str | int]) -> Any:
    current: Any = root
    for token in tokens:
        if _is_secret(current) or current == UNKNOWN:
            return current  # the whole container is secret or unknown
        if isinstance(current, list) and isinstance(token, int) and 0 <= token < len(current):
            current = current[token]
        elif isinstance(current, dict) and str(token) in current:
            current = current[str(token)]
        else:
            return _MISSING
    return current


def _lookup(sources: Iterable[Mapping[str, Any]], tokens: Sequence[str | int]) -> Any:
    for source in sources:
        value = _resolve(source, tokens)
        if value is not _MISSING:
            return value
    return _MISSING


def _clean(value: Any) -> Any:
    """Mask secrets (by value or by name) and mark unknowns anywhere inside a value."""
    if _is_secret(value):
        return MASK
    if value == UNKNOWN:
        return "(known after apply)"
    if isinstance(value, dict):
        return {k: (MASK if is_sensitive_name(str(k)) else _clean(v))
                for k, v in value.items() if not str(k).startswith("__")}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _code(text: str) -> str:
    """A Markdown code span that survives backticks inside ``text``."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest or text.startswith(" ") or text.endswith(" ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: Any, *, sensitive: bool, missing: str, secrets: Sequence[str]) -> str:
    if value is _MISSING:
        return missing
    if sensitive or _is_secret(value):
        return _code(MASK)
    if value == UNKNOWN:
        return "(known after apply)"
    text = json.dumps(_clean(value), ensure_ascii=False, separators=(",", ":"))
    return _code(_truncate(_scrub(text, secrets), _MAX_VALUE_CHARS))


def _scrub(text: str, secrets: Sequence[str]) -> str:
    """Replace known clear-text secrets; done before truncating so no fragment survives."""
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text


#: Strings too common to scrub from the whole comment even when a secret-named field holds them.
_NOT_SCRUBBED: Final = frozenset({UNKNOWN, SECRET_PLACEHOLDER, "true", "false", "null", "none"})


def _sensitive_values(steps: Iterable[PreviewStep]) -> list[str]:
    """Clear-text strings found under secret-looking names, to scrub from the whole comment.

    Longest first, so a secret containing another is replaced whole.
    """
    found: set[str] = set()

    def walk(value: Any, sensitive: bool) -> None:
        if isinstance(value, dict):
            if _is_secret(value):
                return
            for key, inner in value.items():
                walk(inner, sensitive or is_sensitive_name(str(key)))
        elif isinstance(value, list):
            for inner in value:
                walk(inner, sensitive)
        elif sensitive and isinstance(value, str) and len(value) >= 4 and value.lower() not in _NOT_SCRUBBED:
            found.add(value)
            found.add(json.dumps(value, ensure_ascii=False)[1:-1])

    for step in steps:
        for state in (step.old_state, step.new_state):
            if state is not None:
                walk(state.inputs, False)
                walk(state.outputs, False)
    return sorted(found, key=lambda v: (-len(v), v))


# --------------------------------------------------------------------------------------------
# Rendering


@dataclass(frozen=True)
class _Change:
    """All steps for one URN, as one logical operation."""

    op: str
    step: PreviewStep
    old_state: ResourceState | None
    new_state: ResourceState | None


@dataclass(frozen=True)
class _FieldChange:
    path: str
    old: str
    new: str
    forces_replacement: bool


def render_markdown(digest: PreviewDigest, *, max_listed_creates: int = 10) -> str:
    """Render the digest as a PR comment: counts, then deletions and replacements, updates, creates.

    Output is deterministic (sorted by type, then name) so re-running CI does not churn the comment.
    """
    changes = _changes(digest.steps)
    short = _short_names({c.step.type for c in changes})
    secrets = _sensitive_values(digest.steps)
    lines: list[str] = [MARKER]
    lines.append(f"### {_title(digest)}")
    lines.append("")
    totals = _totals(digest, changes)
    changed = {op: n for op, n in totals.items() if op not in _QUIET_OPS and n}
    if not changed:
        unchanged = totals.get("same", 0)
        lines.append("✅ **No changes.**" + (f" {unchanged} resources unchanged." if unchanged else ""))
    else:
        lines.append("**" + _summary_sentence(totals) + "**")
        lines.append("")
        lines.extend(_table(changes, short))
        lines.extend(_destructive_section(changes, short, secrets))
        lines.extend(_update_section(changes, short, secrets))
        lines.extend(_other_section(changes, short))
        lines.extend(_create_section(changes, short, max_listed_creates))
    if digest.maybe_corrupt:
        lines += ["", "> ⚠ Pulumi reports that one or more resources may be corrupt."]
    lines.extend(_diagnostic_section(digest.diagnostics, secrets))
    return _scrub("\n".join(lines).rstrip("\n") + "\n", secrets)


#: When one URN has several steps (not a replacement), the one a reviewer must see first.
_MAIN_RANK: Final = {"delete": 0, "update": 1, "create": 2, "import": 3}


def _changes(steps: Sequence[PreviewStep]) -> list[_Change]:
    by_urn: dict[str, list[PreviewStep]] = {}
    for step in steps:
        by_urn.setdefault(step.urn, []).append(step)
    changes: list[_Change] = []
    for group in by_urn.values():
        ops = {s.op for s in group}
        if ops & _REPLACE_OPS:
            op = "replace"
            main = next((s for name in ("replace", "create-replacement") for s in group if s.op == name),
                        group[0])
        else:
            main = min(group, key=lambda s: _MAIN_RANK.get(s.op, len(_MAIN_RANK)))
            op = main.op
        if op in _QUIET_OPS:
            continue
        old = next((s.old_state for s in group if s.old_state is not None), None)
        new = next((s.new_state for s in (main, *group) if s.new_state is not None), None)
        changes.append(_Change(op=op, step=main, old_state=old, new_state=new))
    return changes


def _short_names(types: Iterable[str]) -> dict[str, str]:
    """``pulumi-python:dynamic/ampeco:ChargePoint`` -> ``ChargePoint``; full token on a clash."""
    def short(token: str) -> str:
        if token.startswith("pulumi:providers:"):
            return "provider:" + token.removeprefix("pulumi:providers:")
        return token.rsplit(":", 1)[-1] or token

    types = sorted(set(types))
    clashes = Counter(short(t) for t in types)
    return {t: short(t) if clashes[short(t)] == 1 else t for t in types}


def _title(digest: PreviewDigest) -> str:
    for step in digest.steps:
        parts = step.urn.split("::", 3)
        if len(parts) == 4 and parts[0].startswith("urn:pulumi:"):
            stack, project = parts[0].removeprefix("urn:pulumi:"), parts[1]
            return f"Pulumi preview: {_code(project)} / {_code(stack)}"
    return "Pulumi preview"


def _totals(digest: PreviewDigest, changes: Sequence[_Change]) -> dict[str, int]:
    """The engine's own counts when present (they include unchanged resources), else the steps'."""
    if digest.change_summary:
        return dict(digest.change_summary)
    counts = Counter(c.op for c in changes)
    counts["same"] = sum(1 for s in digest.steps if s.op == "same")
    return dict(counts)


def _op_key(op: str) -> tuple[int, str]:
    return (_OP_ORDER.index(op), op) if op in _OP_ORDER else (len(_OP_ORDER), op)


def _summary_sentence(totals: Mapping[str, int]) -> str:
    parts = [f"{totals[op]} {_HEADING_WORDS.get(op, op)}"
             for op in sorted(totals, key=_op_key) if op not in _QUIET_OPS and totals[op]]
    if totals.get("same"):
        parts.append(f"{totals['same']} unchanged")
    return ", ".join(parts)


def _table(changes: Sequence[_Change], short: Mapping[str, str]) -> list[str]:
    counts: dict[str, Counter[str]] = {}
    for change in changes:
        counts.setdefault(short[change.step.type], Counter())[change.op] += 1
    ops = sorted({c.op for c in changes}, key=_op_key)
    lines = ["| Type | " + " | ".join(ops) + " |", "| --- |" + " ---: |" * len(ops)]
    for type_name in sorted(counts):
        cells = [str(counts[type_name][op]) if counts[type_name][op] else "·" for op in ops]
        lines.append(f"| {_code(type_name.replace('|', '/'))} | " + " | ".join(cells) + " |")
    return lines


def _sorted(changes: Iterable[_Change], short: Mapping[str, str]) -> list[_Change]:
    return sorted(changes, key=lambda c: (short[c.step.type], c.step.name, c.step.urn))


def _label(change: _Change, short: Mapping[str, str]) -> str:
    return f"{_code(short[change.step.type])} {_code(change.step.name)}"


def _destructive_section(changes: Sequence[_Change], short: Mapping[str, str],
                         secrets: Sequence[str]) -> list[str]:
    chosen = [c for c in changes if c.op in ("delete", "replace")]
    if not chosen:
        return []
    chosen.sort(key=lambda c: (0 if c.op == "delete" else 1, short[c.step.type], c.step.name, c.step.urn))
    lines = ["", f"#### ⚠ Deletions and replacements ({len(chosen)})", ""]
    for change in chosen:
        line = f"- ⚠ **{change.op}** {_label(change, short)}"
        if change.op == "replace":
            reasons = _replace_reasons(change.step)
            if reasons:
                line += " — forced by " + ", ".join(_code(r) for r in reasons)
        old = change.old_state
        if old is not None and old.protect:
            line += " (protected: the delete will fail until `protect` is removed)"
        if change.op == "delete" and old is not None and old.retain_on_delete:
            line += " (retainOnDelete: removed from the stack only)"
        lines.append(line)
        if change.op == "replace":
            lines.extend(_field_lines(change, secrets))
    return lines


def _replace_reasons(step: PreviewStep) -> list[str]:
    reasons = [r for r in step.replace_reasons if not r.startswith("__")]
    if not reasons and step.detailed_diff:
        reasons = [p for p, d in step.detailed_diff.items() if d.forces_replacement and not p.startswith("__")]
    return sorted(dict.fromkeys(reasons))


def _update_section(changes: Sequence[_Change], short: Mapping[str, str],
                    secrets: Sequence[str]) -> list[str]:
    chosen = _sorted((c for c in changes if c.op == "update"), short)
    if not chosen:
        return []
    lines = ["", f"#### Updates ({len(chosen)})", ""]
    for change in chosen:
        lines.append(f"- {_label(change, short)}")
        lines.extend(_field_lines(change, secrets))
    return lines


def _other_section(changes: Sequence[_Change], short: Mapping[str, str]) -> list[str]:
    """Imports, discards and ops a newer engine may add: listed by name, never hidden."""
    chosen = _sorted((c for c in changes if c.op not in ("delete", "replace", "update", "create")), short)
    if not chosen:
        return []
    lines = ["", f"#### Other operations ({len(chosen)})", ""]
    lines.extend(f"- **{c.op}** {_label(c, short)}" for c in chosen)
    return lines


def _create_section(changes: Sequence[_Change], short: Mapping[str, str], limit: int) -> list[str]:
    chosen = _sorted((c for c in changes if c.op == "create"), short)
    if not chosen:
        return []
    items = [f"- {_label(c, short)}" for c in chosen]
    if len(chosen) <= limit:
        return ["", f"#### Creates ({len(chosen)})", "", *items]
    return ["", f"<details><summary>Creates ({len(chosen)})</summary>", "", *items, "", "</details>"]


def _field_lines(change: _Change, secrets: Sequence[str]) -> list[str]:
    fields = _field_changes(change, secrets)
    if not fields:
        return ["  - _no user-visible field changes (only provider-internal properties)_"]
    lines = []
    for item in fields[:_MAX_FIELDS]:
        note = " _(forces replacement)_" if item.forces_replacement else ""
        lines.append(f"  - {_code(item.path)}: {item.old} → {item.new}{note}")
    if len(fields) > _MAX_FIELDS:
        lines.append(f"  - … and {len(fields) - _MAX_FIELDS} more")
    return lines


def _field_changes(change: _Change, secrets: Sequence[str]) -> list[_FieldChange]:
    """Changed fields, old -> new: from ``detailedDiff`` when the provider gave one, else ``diffReasons``."""
    step = change.step
    old, new = change.old_state, change.new_state
    replace_keys = set(step.replace_reasons)
    entries: list[tuple[str, PropertyDiff | None]]
    if step.detailed_diff:
        entries = sorted(step.detailed_diff.items())
    else:
        entries = [(key, None) for key in sorted(set(step.diff_reasons))]
    result = []
    for path, diff in entries:
        tokens = parse_property_path(path)
        top = str(tokens[0])
        if top.startswith("__"):  # __provider (dynamic providers), __defaults, __meta: engine internals
            continue
        sensitive = any(isinstance(t, str) and is_sensitive_name(t) for t in tokens)
        if old is None:
            old_value: Any = _MISSING
        elif diff is not None and not diff.input_diff:
            old_value = _lookup((old.outputs, old.inputs), tokens)  # old state vs new inputs
        else:
            old_value = _lookup((old.inputs, old.outputs), tokens)
        removed = diff is not None and diff.kind.startswith("delete")
        new_value = _MISSING if new is None or removed else _lookup((new.inputs, new.outputs), tokens)
        if new_value is _MISSING and not removed:
            # Gone from the new inputs: the user removed an input, or it is an output the provider
            # will compute (an update's preview carries no new outputs).
            was_input = old is not None and _resolve(old.inputs, tokens) is not _MISSING
            removed = was_input or new is None
            if not removed:
                new_value = UNKNOWN
        if old_value is _MISSING and new_value is _MISSING:
            shown_old, shown_new = "(not in the preview)", "(not in the preview)"
        else:
            shown_old = _show(old_value, sensitive=sensitive, missing="(none)", secrets=secrets)
            shown_new = _show(new_value, sensitive=sensitive, missing="(removed)" if removed else "(none)",
                              secrets=secrets)
        forces = (diff.forces_replacement if diff is not None else False) or top in replace_keys
        result.append(_FieldChange(path, shown_old, shown_new, forces and change.op == "replace"))
    return result


def _diagnostic_section(diagnostics: Sequence[Diagnostic], secrets: Sequence[str]) -> list[str]:
    shown = [d for d in diagnostics if d.severity in ("error", "warning")]
    if not shown:
        return []
    lines = ["", f"#### Diagnostics ({len(shown)})", ""]
    for diag in shown[:_MAX_DIAGNOSTICS]:
        first = next((ln.strip() for ln in diag.message.splitlines() if ln.strip()), "")
        first = _scrub(first.removeprefix(f"{diag.severity}: "), secrets)  # the message repeats the prefix
        where = ""
        if diag.urn:
            where = " " + _code(PreviewStep(op="", urn=diag.urn).name)
        lines.append(f"- **{diag.severity}**{where}: {_code(_truncate(first, _MAX_DIAGNOSTIC_CHARS))}")
    if len(shown) > _MAX_DIAGNOSTICS:
        lines.append(f"- … and {len(shown) - _MAX_DIAGNOSTICS} more")
    return lines
