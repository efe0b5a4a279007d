"""Read ``pulumi preview --json`` output, or an engine event stream, into a ``PreviewDigest``.

Two formats, both from Pulumi's source:

* the preview digest (``PreviewDigest`` in ``pkg/display/json.go``, printed by ``ShowPreviewDigest``
  in ``pkg/backend/display/json.go``)::

      {"config": {...}, "steps": [{"op", "urn", "provider", "oldState", "newState",
       "diffReasons", "replaceReasons", "detailedDiff": {"path": {"kind", "inputDiff"}}}],
       "diagnostics": [{"urn", "message", "severity"}], "duration": <ns>,
       "changeSummary": {"create": 1, "same": 3}, "maybeCorrupt": false}

  It lists the root stack and changed resources only (``shouldShow``); a replacement is one
  ``replace`` step, with ``create-replacement``/``delete-replaced`` sub-steps when asked for.
  ``detailedDiff`` may be ``null``, then ``diffReasons`` holds the changed top-level keys.
* engine events (``apitype.EngineEvent``), one JSON object a line as ``--event-log`` or
  ``PULUMI_ENABLE_STREAMING_JSON_PREVIEW`` write them, or ``{"events": [...]}`` / ``[...]``. The
  engine always ends with a ``summaryEvent`` (``result``: succeeded, failed, canceled), even when
  the preview fails; a stream without one was cut off.

CI logs are tolerated around either: the document starts on the first line that begins with ``{``
or ``[`` and reads as one. The input is streamed, never held whole: each step is reduced to a
small record as it is read, and only the steps a comment can show keep the values their diff
names. A failed preview is not an error here: it is a digest whose ``failed`` is true.
"""

from __future__ import annotations

import dataclasses
import heapq
import io
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Final

from pulumi_ampeco._reserved import ADOPT_ID
from pulumi_ampeco.errors import PreviewError
from pulumi_ampeco.summary._jsonstream import JsonStream, StreamError
from pulumi_ampeco.summary._members import MEMBER_MAPS, member_changes, member_field
from pulumi_ampeco.summary._model import (
    ERROR,
    WARNING,
    Diagnostic,
    PreviewDigest,
    PreviewStep,
    PropertyDiff,
    ResourceState,
)
from pulumi_ampeco.summary._redact import UNKNOWN, is_secret_value, secrets_in
from pulumi_ampeco.summary._values import MISSING, parse_property_path

__all__ = ["ADOPT_ID", "PreviewError", "load_preview", "parse_preview", "read_preview"]

_ADOPT_UNKNOWN: Final = "(an id known after apply)"
_ADOPT_SECRET: Final = "(a secret id)"
_ADOPT_NOT_AN_ID: Final = "(an adopt_id that is not an id)"
#: How ``PreviewStep.adopt_id`` reads when it is not the id itself.
ADOPT_MARKERS: Final = frozenset({_ADOPT_UNKNOWN, _ADOPT_SECRET, _ADOPT_NOT_AN_ID})
#: Replacement shows up as one ``replace`` step, or as these sub-steps with --show-replacement-steps.
REPLACE_OPS: Final = frozenset({"replace", "create-replacement", "delete-replaced", "import-replacement"})
#: How many update and replacement steps keep their field details, each: more than fit in any comment
#: (a shown block with details takes at least 32 characters of the 65,536).
KEPT_DETAILS: Final = 65_536 // 16
#: Errors and warnings kept (the rest are counted).
KEPT_DIAGNOSTICS: Final = 20
#: Reasons kept per step; a comment lists a handful.
_KEPT_REASONS: Final = 50
#: Characters kept of a diagnostic message: its first line is what a comment shows.
_KEPT_MESSAGE: Final = 4096

_EVENT_KEYS: Final = frozenset({
    "cancelEvent", "stdoutEvent", "diagnosticEvent", "preludeEvent", "summaryEvent",
    "resourcePreEvent", "resOutputsEvent", "resOpFailedEvent", "policyEvent", "startDebuggingEvent",
    "progressEvent", "errorEvent", "policyLoadEvent", "policyRemediationEvent",
    "policyAnalyzeSummaryEvent", "policyRemediateSummaryEvent", "policyAnalyzeStackSummaryEvent",
})
_DIGEST_KEYS: Final = ("steps", "changeSummary", "diagnostics")
_NOT_A_PREVIEW: Final = ('not a `pulumi preview --json` document: found no "steps", "changeSummary" '
                         "or engine events")
_EXPECTED: Final = "expected the output of `pulumi preview --json`"
_OP_NAME: Final = re.compile(r"[a-z][a-z-]{0,39}")
_NOT_OP_CHARS: Final = re.compile(r"[^A-Za-z0-9_.-]")


# --------------------------------------------------------------------------------------------
# Entry points


def load_preview(source: str | os.PathLike[str], *,
                 member_maps: Mapping[str, str] = MEMBER_MAPS) -> PreviewDigest:
    """Read a preview from a file path, or from the JSON text itself.

    A ``str`` that holds a newline or starts with ``{``/``[`` is taken as text, any other as a
    path, so a CI log pasted in works as well as a file name.
    """
    if isinstance(source, str) and ("\n" in source or source.lstrip().startswith(("{", "["))):
        return parse_preview(source, member_maps=member_maps)
    path = Path(source)
    try:
        with path.open("rb") as raw:
            if raw.peek(2)[:2] in (b"\xff\xfe", b"\xfe\xff"):
                raise PreviewError(f"{path}: not UTF-8 text: it is UTF-16 (Windows PowerShell's `>` "
                                   "writes UTF-16; use `| Out-File -Encoding utf8`)")
            try:
                with io.TextIOWrapper(raw, encoding="utf-8") as text:  # closing it closes the file
                    return read_preview(text, member_maps=member_maps)
            except PreviewError as exc:
                raise PreviewError(f"{path}: {exc}") from None
    except OSError as exc:
        raise PreviewError(f"cannot read {path}: {exc.strerror or exc}") from None


def parse_preview(text: str, *, member_maps: Mapping[str, str] = MEMBER_MAPS) -> PreviewDigest:
    """Parse the text ``pulumi preview --json`` printed, tolerating CI log lines around it."""
    return read_preview(io.StringIO(text), member_maps=member_maps)


def read_preview(stream: IO[str], *, member_maps: Mapping[str, str] = MEMBER_MAPS) -> PreviewDigest:
    """Read a preview from a text stream without holding it whole (a file, ``sys.stdin``)."""
    try:
        return _Reader(JsonStream(stream), member_maps).read()
    except UnicodeDecodeError as exc:
        raise PreviewError(f"not UTF-8 text ({exc.reason})") from None
    except StreamError as exc:
        if exc.truncated:
            raise PreviewError(f"truncated: the input ends before the JSON document is complete (line "
                               f"{exc.line}: {exc}); was the preview cut off?") from None
        raise PreviewError(f"not valid JSON (line {exc.line}: {exc}): {_EXPECTED}") from None


# --------------------------------------------------------------------------------------------
# Finding the document


class _Reader:
    """Finds the document in the text and feeds what it holds to a ``_Builder``."""

    def __init__(self, js: JsonStream, member_maps: Mapping[str, str]) -> None:
        self._js = js
        self._member_maps = member_maps
        self._builder = _Builder(member_maps)

    def read(self) -> PreviewDigest:
        js = self._js
        if js.peek() == "\ufeff":
            js.expect("\ufeff")
        first = js.peek()
        if not first:
            raise PreviewError(f"empty input: {_EXPECTED}")
        if first not in "{[":
            self._reject_scalar_document()
        first_error: StreamError | None = None
        saw_json = False
        while (start := js.next_line_start("{[")) is not None:
            js.pin(start)
            try:
                digest = self._candidate()
            except StreamError as exc:
                if self._builder.committed:
                    raise
                first_error = first_error or exc
                digest = None
            else:
                saw_json = True
            if digest is not None:
                return digest
            self._builder = _Builder(self._member_maps)
            js.seek(start)
            js.skip_line()
        if saw_json:
            raise PreviewError(_NOT_A_PREVIEW)
        if first_error is not None:
            raise PreviewError(f"not JSON (line {first_error.line}: {first_error}): {_EXPECTED}")
        raise PreviewError(f"not JSON: {_EXPECTED}")

    def _reject_scalar_document(self) -> None:
        """A whole input that is one JSON string or number is JSON, just not a preview."""
        js = self._js
        start = js.pos
        js.pin(start)
        try:
            value = js.value()
        except StreamError:
            value = MISSING
        if value is not MISSING and not js.peek():
            raise PreviewError(f"not a `pulumi preview --json` document: the input is {_json_type(value)}")
        js.seek(start)

    def _candidate(self) -> PreviewDigest | None:
        js = self._js
        builder = self._builder
        if js.peek() == "[":
            return self._event_list()
        top: dict[str, Any] = {}
        for key in js.members():
            if key in ("steps", "diagnostics") and js.peek() == "[":
                builder.commit_digest()
                js.pin(None)
                for index, _ in enumerate(js.elements()):
                    item = js.value()
                    if key == "steps":
                        builder.digest_step(index, item)
                    else:
                        builder.diagnostics([item])
            elif key == "events" and js.peek() == "[":
                builder.commit_events()
                js.pin(None)
                self._events_in(js.elements())
                return builder.events_digest()
            else:
                top[key] = js.value()
                if key in _DIGEST_KEYS:
                    builder.commit_digest()
        if builder.is_digest:
            return builder.digest_document(top)
        if _is_event(top):
            builder.commit_events()
            js.pin(None)
            builder.event(top)
            self._event_lines()
            return builder.events_digest()
        return None

    def _event_list(self) -> PreviewDigest | None:
        js = self._js
        elements = js.elements()
        for _ in elements:
            first = js.value()
            if not _is_event(first):
                return None
            self._builder.commit_events()
            js.pin(None)
            self._builder.event(first)
            break
        else:
            return None
        self._events_in(elements)
        return self._builder.events_digest()

    def _events_in(self, elements: Iterator[int]) -> None:
        """Events of a JSON list; a list cut off ends the stream early (the digest says incomplete)."""
        try:
            for _ in elements:
                item = self._js.value()
                if _is_event(item):
                    self._builder.event(item)
        except StreamError as exc:
            if not exc.truncated:
                raise
            # cut off: the events so far stand, and no summary event says the digest is incomplete

    def _event_lines(self) -> None:
        """The event lines after the first: CI noise between them is skipped, a cut last line noted."""
        js = self._js
        js.skip_line()
        while js.next_line_start("{") is not None:
            try:
                item = js.value()
            except StreamError as exc:
                if exc.truncated:
                    return  # the last line is cut off: no summary event after it
                self._builder.unreadable_line()
                js.skip_line()
                continue
            if _is_event(item):
                self._builder.event(item)
            js.skip_line()


def _is_event(value: Any) -> bool:
    return isinstance(value, dict) and not _EVENT_KEYS.isdisjoint(value)


# --------------------------------------------------------------------------------------------
# Building the digest


class _Reversed:
    """Orders like its key, reversed: a min-heap of these pops the largest key first."""

    __slots__ = ("key",)

    def __init__(self, key: tuple[str, ...]) -> None:
        self.key = key

    def __lt__(self, other: _Reversed) -> bool:
        return self.key > other.key


class _Builder:
    """Accumulates steps, diagnostics and the summary as they are read, in bounded memory."""

    def __init__(self, member_maps: Mapping[str, str]) -> None:
        self._member_maps = member_maps
        self.committed = False
        self.is_digest = False
        self._steps: list[PreviewStep] = []
        self._kept: dict[str, list[tuple[_Reversed, int]]] = {"replace": [], "update": []}
        self._seen_events: set[tuple[str, str]] = set()
        self._secrets: set[str] = set()
        self._diagnostics: list[Diagnostic] = []
        self._diagnostic_counts: Counter[str] = Counter()
        self._summary: dict[str, int] = {}
        self._ignored: dict[str, str] = {}
        self._config: dict[str, str] = {}
        self._duration: int | None = None
        self._corrupt = False
        self._complete = True
        self._result = ""
        self._unreadable = 0
        self._failed_operations = 0
        self._first_failed: list[tuple[str, str]] = []
        self._strings: dict[str, str] = {}

    # ------------------------------------------------------------------------ modes

    def commit_digest(self) -> None:
        self.committed = self.is_digest = True

    def commit_events(self) -> None:
        self.committed = True
        self._complete = False  # until the summary event arrives

    def unreadable_line(self) -> None:
        self._unreadable += 1

    # ------------------------------------------------------------------------ the digest format

    def digest_step(self, index: int, item: Any) -> None:
        if not isinstance(item, dict):
            raise PreviewError(f"not a preview: step {index} is {_json_type(item)}, not an object")
        op, urn = item.get("op"), item.get("urn")
        if not isinstance(op, str) or not isinstance(urn, str):
            raise PreviewError(f'not a preview: step {index} has no "op" and "urn" strings')
        self._step(_op_name(op), urn, provider=item.get("provider"), old=item.get("oldState"), new=item.get("newState"),
                   type_hint=None, diffs=item.get("diffReasons"), keys=item.get("replaceReasons"),
                   detailed=item.get("detailedDiff"))

    def digest_document(self, top: Mapping[str, Any]) -> PreviewDigest:
        """Finish a digest: the top-level members other than the streamed lists."""
        steps = top.get("steps", MISSING)
        if steps is not MISSING and steps is not None:
            if not isinstance(steps, list):
                raise PreviewError(f'not a preview: "steps" is {_json_type(steps)}, not a list')
            for index, item in enumerate(steps):
                self.digest_step(index, item)
        diagnostics = top.get("diagnostics")
        if isinstance(diagnostics, list):
            self.diagnostics(diagnostics)
        if "changeSummary" in top:
            self._counts(top["changeSummary"])
        self._set_config(top.get("config"))
        duration = top.get("duration")
        self._duration = duration if _is_count(duration) else None
        self._corrupt = top.get("maybeCorrupt") is True
        return self._finish()

    def diagnostics(self, items: Iterable[Any]) -> None:
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("message"), str):
                self._diagnostic(item["message"], _str(item.get("severity")), _str(item.get("urn")))

    # ------------------------------------------------------------------------ the event format

    def event(self, event: Mapping[str, Any]) -> None:
        """Fold one engine event in, as ``ShowPreviewDigest`` does."""
        if isinstance(prelude := event.get("preludeEvent"), dict):
            self._set_config(prelude.get("config"))
        if isinstance(diag := event.get("diagnosticEvent"), dict) and diag.get("ephemeral") is not True:
            message = diag.get("message")
            if isinstance(message, str):
                self._diagnostic(_str(diag.get("prefix")) + message, _str(diag.get("severity")),
                                 _str(diag.get("urn")))
        if isinstance(done := event.get("summaryEvent"), dict):
            self._complete = True
            self._counts(done.get("resourceChanges"))
            seconds = done.get("durationSeconds")
            self._duration = seconds * 1_000_000_000 if isinstance(seconds, int) and _is_count(seconds) else None
            self._corrupt = done.get("maybeCorrupt") is True
            self._result = _str(done.get("result"))
        if isinstance(failed := event.get("resOpFailedEvent"), dict):
            self._failed_operations += 1
            meta = failed.get("metadata")
            if isinstance(meta, dict) and len(self._first_failed) < KEPT_DIAGNOSTICS:
                self._first_failed.append((_op_name(_str(meta.get("op"))), _str(meta.get("urn"))))
        pre = event.get("resourcePreEvent")
        meta = pre.get("metadata") if isinstance(pre, dict) else None
        if not isinstance(meta, dict):
            return
        op, urn = meta.get("op"), meta.get("urn")
        if not isinstance(op, str) or not isinstance(urn, str) or (op, urn) in self._seen_events:
            return
        self._seen_events.add((op, urn))
        self._step(_op_name(op), urn, provider=meta.get("provider"), old=meta.get("old"), new=meta.get("new"),
                   type_hint=meta.get("type"), diffs=meta.get("diffs"), keys=meta.get("keys"),
                   detailed=meta.get("detailedDiff"))

    def events_digest(self) -> PreviewDigest:
        return self._finish()

    # ------------------------------------------------------------------------ shared

    def _step(self, op: str, urn: str, *, provider: Any, old: Any, new: Any, type_hint: Any,
              diffs: Any, keys: Any, detailed: Any) -> None:
        old = old if isinstance(old, dict) else None
        new = new if isinstance(new, dict) else None
        for state in (old, new):
            if state is not None:
                self._secrets.update(secrets_in(state.get("inputs")), secrets_in(state.get("outputs")))
        type_token = self._shared(_type_of(new, old, type_hint, urn))
        detailed_diff = _detailed_diff(detailed)
        diff_reasons, replace_reasons = _strings(diffs), _strings(keys)
        old_inputs = old.get("inputs") if old is not None else None
        new_inputs = new.get("inputs") if new is not None else None
        member_input = member_field(type_token, self._member_maps)
        members = None
        if member_input is not None and op not in ("same", "read", "refresh"):
            members = member_changes(member_input, op, old_inputs, new_inputs, detailed_diff)
        common: dict[str, Any] = {
            "op": op, "urn": urn, "type": type_token, "provider": self._shared(_str(provider)),
            "protect": old is not None and old.get("protect") is True,
            "retain_on_delete": old is not None and old.get("retainOnDelete") is True,
            "adopt_id": _adopt_id(new_inputs) if op == "create" else None,
            "members": members,
            "replace_reasons": replace_reasons[:_KEPT_REASONS],
        }
        category = "replace" if op in REPLACE_OPS else "update" if op == "update" else None
        heap = self._kept[category] if category is not None else None
        key = _Reversed((type_token.rsplit(":", 1)[-1], type_token, _name(urn), urn, op, str(len(self._steps))))
        if heap is None or (len(heap) >= KEPT_DETAILS and key < heap[0][0]):
            # Nothing to show in detail, or listed after every step already kept (key < top: larger).
            self._steps.append(PreviewStep(**common, details_kept=False))
            return
        # Only the paths a comment can list, and the values they name.
        hidden = {member_input} if member_input else set()
        if detailed_diff:
            paths, more = _shown_paths(detailed_diff, hidden)
            kept_diff: dict[str, PropertyDiff] | None = {p: detailed_diff[p] for p in paths}
            diff_reasons = ()
        else:
            paths, more = _shown_paths(diff_reasons, hidden)
            kept_diff, diff_reasons = detailed_diff, tuple(paths)
        names = {str(parse_property_path(p)[0]) for p in (*paths, *replace_reasons)}
        index = len(self._steps)
        self._steps.append(PreviewStep(
            **common, old_state=_pruned(old, names), new_state=_pruned(new, names),
            diff_reasons=diff_reasons, detailed_diff=kept_diff, more_fields=more,
        ))
        heapq.heappush(heap, (key, index))
        if len(heap) > KEPT_DETAILS:
            _, dropped = heapq.heappop(heap)
            step = self._steps[dropped]
            self._steps[dropped] = dataclasses.replace(
                step, old_state=None, new_state=None, diff_reasons=(), detailed_diff=None, more_fields=0,
                details_kept=False)

    def _shared(self, text: str) -> str:
        """One string object per distinct type token or provider, shared by all steps that name it."""
        return self._strings.setdefault(text, text)

    def _diagnostic(self, message: str, severity: str, urn: str) -> None:
        self._diagnostic_counts[severity] += 1
        if severity not in (ERROR, WARNING):
            return  # info and stdout lines are not shown
        if self._diagnostic_counts[severity] <= KEPT_DIAGNOSTICS:
            self._diagnostics.append(Diagnostic(message=message[:_KEPT_MESSAGE], severity=severity, urn=urn))

    def _counts(self, raw: Any) -> None:
        if raw is None:
            return
        if not isinstance(raw, dict):
            self._ignored["changeSummary"] = _json_type(raw)
            return
        for op, count in raw.items():
            if _is_count(count):
                self._summary[_op_name(str(op))] = count
            elif isinstance(count, (dict, list, str)):
                self._ignored[_op_name(str(op))] = _json_type(count)
            else:
                self._ignored[_op_name(str(op))] = str(count)[:40]

    def _set_config(self, raw: Any) -> None:
        if isinstance(raw, dict):
            self._config = {str(k): str(v) if not isinstance(v, (dict, list)) else "…" for k, v in raw.items()}
            self._secrets |= secrets_in(raw)

    def _finish(self) -> PreviewDigest:
        return PreviewDigest(
            steps=tuple(self._steps), change_summary=dict(self._summary), ignored_counts=dict(self._ignored),
            diagnostics=tuple(self._diagnostics), diagnostic_counts=dict(self._diagnostic_counts),
            config=self._config, duration_ns=self._duration, maybe_corrupt=self._corrupt,
            complete=self._complete, result=self._result, failed_operations=self._failed_operations,
            first_failed=tuple(self._first_failed),
            unreadable_lines=self._unreadable,
            secrets=frozenset(self._secrets),
        )


def _name(urn: str) -> str:
    parts = urn.split("::", 3)
    return parts[3] if len(parts) == 4 else urn


def _type_of(new: Any, old: Any, hint: Any, urn: str) -> str:
    for state in (new, old):
        if state is not None and isinstance(state.get("type"), str) and state["type"]:
            return str(state["type"])
    if isinstance(hint, str) and hint:
        return hint
    parts = urn.split("::", 3)
    return parts[2].rsplit("$", 1)[-1] if len(parts) == 4 else ""


def _adopt_id(inputs: Any) -> str | None:
    """How a create's ``adopt_id`` reads: the id it takes over; None when it creates."""
    value = inputs.get(ADOPT_ID) if isinstance(inputs, dict) else None
    if value is None:
        return None
    if value == UNKNOWN:
        return _ADOPT_UNKNOWN
    if is_secret_value(value):
        return _ADOPT_SECRET
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return _ADOPT_NOT_AN_ID
    return str(value)[:40]


def _pruned(state: Mapping[str, Any] | None, names: set[str]) -> ResourceState | None:
    """The state's inputs and outputs named by the diff: all a field line needs."""
    if state is None:
        return None
    inputs, outputs = state.get("inputs"), state.get("outputs")
    return ResourceState(
        inputs={k: inputs[k] for k in names if k in inputs} if isinstance(inputs, dict) else {},
        outputs={k: outputs[k] for k in names if k in outputs} if isinstance(outputs, dict) else {},
    )


def _shown_paths(paths: Iterable[str], hidden: set[str]) -> tuple[list[str], int]:
    """The first paths in listing order that a reviewer sees, and how many more there are.

    Engine internals (``__provider``) and a member mapping (counted instead) are not listed.
    """
    shown = [p for p in paths if not (top := str(parse_property_path(p)[0])).startswith("__") and top not in hidden]
    first = heapq.nsmallest(_KEPT_REASONS, shown)
    return first, len(shown) - len(first)


def _detailed_diff(raw: Any) -> dict[str, PropertyDiff] | None:
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


def _op_name(op: str) -> str:
    """Ops are identifiers (``create``, ``delete-replaced``); anything else is shown defanged."""
    return op if _OP_NAME.fullmatch(op) else _NOT_OP_CHARS.sub("?", op[:40]) or "?"


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _strings(raw: Any) -> tuple[str, ...]:
    return tuple(x if isinstance(x, str) else str(x) for x in raw if not isinstance(x, (dict, list))) \
        if isinstance(raw, list) else ()


def _str(raw: Any) -> str:
    return raw if isinstance(raw, str) else ""


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
