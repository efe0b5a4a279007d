"""The pull-request comment: what can hurt first, never misleading, never over GitHub's size limit.

Order of importance, which is also the order of the comment and the order in which it is kept
when the change is too big to list: the outcome (a failed or cut-off preview says so before
anything else, with its errors), the totals and the counts per type (always shown), then
deletions and replacements, updates, adoptions, other operations and creates. A section that does
not fit first loses its field details from its end, then its last entries; a note under the totals
says what was left out. GitHub refuses comments over 65,536 characters, counted here in UTF-16
units (what the browser counts) so an emoji in a name cannot tip it over.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from pulumi_ampeco.summary._changes import ADOPT, MAX_OPS, Change, Totals, changes, op_order, sentence, totals
from pulumi_ampeco.summary._digest import ADOPT_MARKERS
from pulumi_ampeco.summary._model import ERROR, WARNING, MemberChanges, PreviewDigest, PreviewStep
from pulumi_ampeco.summary._redact import UNKNOWN, Scrubber, is_sensitive_name, truncate
from pulumi_ampeco.summary._values import MISSING, code, lookup, parse_property_path, resolve, show_value

__all__ = ["MARKER", "MAX_COMMENT_CHARS", "failure", "render_markdown"]

MAX_COMMENT_CHARS: Final = 65_536
"""GitHub's limit for an issue or pull-request comment body."""
MARKER: Final = "<!-- pulumi-ampeco:summarize -->"

_MAX_VALUE_CHARS: Final = 60
_MAX_FIELDS: Final = 25
_MAX_REASONS: Final = 10
_MAX_ERRORS: Final = 10
_MAX_WARNINGS: Final = 10
_MAX_DIAGNOSTIC_CHARS: Final = 200
_MAX_NAME_CHARS: Final = 120
_MAX_TYPE_CHARS: Final = 80
_MAX_TYPE_ROWS: Final = 100
_MAX_NOTE_CHARS: Final = 600
_MAX_MEMBER_CHARS: Final = 40
#: Room kept for the note that says what was left out (it is written last).
_CUT_NOTE_ROOM: Final = 700


def render_markdown(digest: PreviewDigest, *, max_chars: int = MAX_COMMENT_CHARS,
                    max_listed_creates: int = 10) -> str:
    """Render the digest as a PR comment of at most ``max_chars`` (UTF-16 units).

    Output is deterministic (sorted by type, then name) so re-running CI does not churn the comment.
    """
    return _Comment(digest, max_chars, max_listed_creates).render()


def _units(text: str) -> int:
    """Length as GitHub counts it: UTF-16 code units."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def _cost(lines: Sequence[str]) -> int:
    return sum(_units(line) + 1 for line in lines)


@dataclass
class _Section:
    lines: list[str] = field(default_factory=list)
    left_out: int = 0
    folded: int = 0


@dataclass(frozen=True)
class _Kind:
    """One section of the comment."""

    title: str
    noun: str
    intro: str = ""


_DESTRUCTIVE: Final = _Kind("⚠ Deletions and replacements", "deletions and replacements")
_UPDATES: Final = _Kind("Updates", "updates")
_ADOPTIONS: Final = _Kind(
    "Adoptions", "adoptions",
    "_Existing objects taken over, not created: each is read and, where it differs from the "
    "declaration, updated in place._")
_OTHERS: Final = _Kind("Other operations", "other operations")
_CREATES: Final = _Kind("Creates", "creates")


class _Comment:
    def __init__(self, digest: PreviewDigest, max_chars: int, max_listed_creates: int) -> None:
        self.digest = digest
        self.max_chars = max_chars
        self.max_listed_creates = max_listed_creates
        self.scrub = Scrubber(digest.secrets)
        self.changes = changes(digest.steps)
        self.totals: Totals = totals(digest, self.changes)
        self.short = _short_names({c.type for c in self.changes})

    # ---------------------------------------------------------------------------- assembly

    def render(self) -> str:
        head = [MARKER, f"### {self._title()}", "", *self._outcome(), *self._totals_lines()]
        table = self._table() if self.totals.changed else []
        tail = self._tail()
        room = self.max_chars - _cost(head) - _cost(table) - _cost(tail) - _CUT_NOTE_ROOM
        sections = []
        for kind, chosen, wrap in self._groups():
            section = self._section(kind, chosen, room, wrap=wrap)
            room -= _cost(section.lines)
            sections.append((kind, section))
        cut_note = self._cut_note(sections)
        lines = [*head, *cut_note, *table]
        for _, section in sections:
            lines += section.lines
        lines += tail
        text = self.scrub("\n".join(lines).rstrip("\n") + "\n")
        return _clamp(text, self.max_chars)

    def _groups(self) -> Iterator[tuple[_Kind, list[Change], bool]]:
        by_op: dict[str, list[Change]] = {}
        for change in self.changes:
            by_op.setdefault(change.op, []).append(change)
        yield _DESTRUCTIVE, by_op.get("delete", []) + by_op.get("replace", []), False
        yield _UPDATES, by_op.get("update", []), False
        yield _ADOPTIONS, by_op.get(ADOPT, []), False
        others = [c for op in sorted(by_op, key=op_order) if op not in ("delete", "replace", "update", ADOPT,
                                                                         "create") for c in by_op[op]]
        yield _OTHERS, others, False
        creates = by_op.get("create", [])
        yield _CREATES, creates, len(creates) > self.max_listed_creates

    # ---------------------------------------------------------------------------- head

    def _title(self) -> str:
        digest = self.digest
        if digest.failed:
            words = "❌ Pulumi preview failed"
        elif not digest.complete:
            words = "⚠ Pulumi preview incomplete"
        elif digest.result == "canceled":
            words = "⚠ Pulumi preview cancelled"
        else:
            words = "Pulumi preview"
        for step in digest.steps:
            parts = step.urn.split("::", 3)
            if len(parts) == 4 and parts[0].startswith("urn:pulumi:"):
                stack, project = parts[0].removeprefix("urn:pulumi:"), parts[1]
                return f"{words}: {self._code(project, _MAX_NAME_CHARS)} / {self._code(stack, _MAX_NAME_CHARS)}"
        return words

    def _outcome(self) -> list[str]:
        """Why this is not a plan to approve, when it is not: before any count."""
        digest = self.digest
        planned = bool(self.totals.changed)
        lines: list[str] = []
        rest = ("the changes below are only those planned before it stopped, not a complete plan"
                if planned else "it is not known what would change")
        if digest.failed:
            lines += [f"**The preview failed ({failure(digest)}): {rest}.**", ""]
            count = digest.error_count
            errors = [d for d in digest.diagnostics if d.severity == ERROR]
            lines += [self._diagnostic_line(d) for d in errors[:_MAX_ERRORS]]
            if count > min(len(errors), _MAX_ERRORS):
                lines.append(f"- … and {count - min(len(errors), _MAX_ERRORS)} more errors")
            failed = digest.first_failed[:_MAX_ERRORS]
            for op, urn in failed:
                name = self._code(PreviewStep(op="", urn=urn).name, _MAX_NAME_CHARS)
                lines.append(f"- **failed** {name}: {op or 'operation'}")
            if digest.failed_operations > len(failed):
                lines.append(f"- … and {digest.failed_operations - len(failed)} more failed operations")
            if errors or count or digest.failed_operations:
                lines.append("")
        if not digest.complete:
            seen = rest.replace("planned", "seen")
            why = "the event stream ends before the engine's summary (cut off, or the preview was interrupted)"
            lines += [f"**The preview is incomplete: {why}, so {seen}.**", ""]
        elif digest.result == "canceled" and not digest.failed:
            lines += [f"**The preview was cancelled: {rest}.**", ""]
        if digest.unreadable_lines:
            skipped = digest.unreadable_lines
            lines += [f"> ⚠ {skipped} line(s) of the event stream could not be read and were skipped.", ""]
        return lines

    def _totals_lines(self) -> list[str]:
        counts = self.totals.counts
        lines: list[str] = []
        if self.digest.finished:
            if self.totals.changed:
                lines.append(f"**{sentence(counts)}**")
            else:
                unchanged = counts.get("same", 0)
                lines.append("✅ **No changes.**" + (f" {unchanged} resources unchanged." if unchanged else ""))
        elif counts:
            lines.append(f"Planned before the preview stopped: **{sentence(counts)}**")
        for note in self.totals.notes:
            lines += ["", f"> ⚠ {self.scrub.clip(note, _MAX_NOTE_CHARS)}"]
        return lines

    def _cut_note(self, sections: Sequence[tuple[_Kind, _Section]]) -> list[str]:
        left = [f"{s.left_out} {k.noun}" for k, s in sections if s.left_out]
        folded = [f"{s.folded} {k.noun}" for k, s in sections if s.folded]
        if not left and not folded:
            return []
        text = f"> ✂ **Shortened to fit GitHub's comment limit ({self.max_chars} characters).**"
        if left:
            text += " Not listed: " + ", ".join(left) + "."
        if folded:
            text += " Listed without their field changes: " + ", ".join(folded) + "."
        text += " All are counted in the totals and the table; `pulumi preview --diff` shows everything."
        return ["", text]

    def _table(self) -> list[str]:
        counts: dict[str, Counter[str]] = {}
        for change in self.changes:
            counts.setdefault(self.short[change.type], Counter())[change.op] += 1
        ops = sorted({c.op for c in self.changes}, key=op_order)
        columns = ops[:MAX_OPS] + (["other"] if len(ops) > MAX_OPS else [])

        def cells(row: Counter[str]) -> str:
            values = [row[op] for op in ops[:MAX_OPS]]
            if len(ops) > MAX_OPS:
                values.append(sum(row[op] for op in ops[MAX_OPS:]))
            return " | ".join(str(v) if v else "·" for v in values)

        lines = ["", "| Type | " + " | ".join(columns) + " |", "| --- |" + " ---: |" * len(columns)]
        names = sorted(counts)
        for type_name in names[:_MAX_TYPE_ROWS]:
            label = self._code(type_name, _MAX_TYPE_CHARS).replace("|", "/")
            lines.append(f"| {label} | {cells(counts[type_name])} |")
        if len(names) > _MAX_TYPE_ROWS:
            rest: Counter[str] = Counter()
            for type_name in names[_MAX_TYPE_ROWS:]:
                rest.update(counts[type_name])
            lines.append(f"| … {len(names) - _MAX_TYPE_ROWS} more types | {cells(rest)} |")
        return lines

    def _tail(self) -> list[str]:
        lines: list[str] = []
        if self.digest.maybe_corrupt:
            lines += ["", "> ⚠ Pulumi reports that one or more resources may be corrupt."]
        count = self.digest.diagnostic_counts.get(WARNING, 0)
        if count:
            warnings = [d for d in self.digest.diagnostics if d.severity == WARNING][:_MAX_WARNINGS]
            lines += ["", f"#### Diagnostics ({count})", "", *(self._diagnostic_line(d) for d in warnings)]
            if count > len(warnings):
                lines.append(f"- … and {count - len(warnings)} more")
        return lines

    def _diagnostic_line(self, diag: Any) -> str:
        first = next((ln.strip() for ln in diag.message.splitlines() if ln.strip()), "")
        first = first.removeprefix(f"{diag.severity}: ")  # the message repeats the prefix
        where = ""
        if diag.urn:
            where = " " + self._code(PreviewStep(op="", urn=diag.urn).name, _MAX_NAME_CHARS)
        return f"- **{diag.severity}**{where}: {self._code(first, _MAX_DIAGNOSTIC_CHARS)}"

    # ---------------------------------------------------------------------------- sections

    def _section(self, kind: _Kind, chosen: Sequence[Change], room: int, *, wrap: bool) -> _Section:
        """The section's lines within ``room``: all in full if they fit, else folded from the end."""
        if not chosen:
            return _Section()
        title = f"{kind.title} ({len(chosen)})"
        head = ["", f"<details><summary>{title}</summary>", ""] if wrap else ["", f"#### {title}", ""]
        if kind.intro:
            head += [kind.intro, ""]
        foot = ["", "</details>"] if wrap else []
        omission = f"- … and {len(chosen)} more {kind.noun} not listed, to fit the comment limit"
        folding = "- _Field changes not shown for the rest, to fit the comment limit:_"
        avail = room - _cost(head) - _cost(foot)
        blocks: list[tuple[str, list[str]]] = []
        full_costs: list[int] = []
        label_costs: list[int] = []
        labels_total = 0
        for change in chosen:
            if labels_total > avail:
                break  # enough rendered: not even the names of all fit
            label, details = self._block(change)
            blocks.append((label, details))
            label_costs.append(_cost([label]))
            full_costs.append(label_costs[-1] + _cost(details))
            labels_total += label_costs[-1]
        n = len(chosen)
        fold_at = n  # blocks from here on are shown without details
        shown = len(blocks)
        if shown == n and sum(full_costs) <= avail:
            pass
        elif shown == n and sum(label_costs) + _cost([folding]) <= avail:
            extra = avail - sum(label_costs) - _cost([folding])
            fold_at = 0
            while fold_at < n and full_costs[fold_at] - label_costs[fold_at] <= extra:
                extra -= full_costs[fold_at] - label_costs[fold_at]
                fold_at += 1
        else:
            space = avail - _cost([omission]) - _cost([folding])
            if space < 0:
                return _Section(left_out=n)
            used = fold_at = 0
            while fold_at < len(blocks) and used + full_costs[fold_at] <= space // 2:
                used += full_costs[fold_at]
                fold_at += 1
            shown = fold_at
            while shown < len(blocks) and used + label_costs[shown] <= space:
                used += label_costs[shown]
                shown += 1
        body: list[str] = []
        folded = 0
        for index, (label, details) in enumerate(blocks[:shown]):
            if index >= fold_at and details:
                if not folded:
                    body.append(folding)
                folded += 1
                body.append(label)
            else:
                body += [label, *details]
        left = n - shown
        if left:
            body.append(f"- … and {left} more {kind.noun} not listed, to fit the comment limit")
        return _Section(lines=[*head, *body, *foot], left_out=left, folded=folded)

    def _block(self, change: Change) -> tuple[str, list[str]]:
        """A change's line, and the lines under it (field changes, member ids)."""
        step = change.step
        label = f"{self._code(self.short[change.type], _MAX_TYPE_CHARS)} {self._code(step.name, _MAX_NAME_CHARS)}"
        details: list[str] = []
        if change.op == "delete":
            line = f"- ⚠ **delete** {label}"
            if step.protect:
                line += " (protected: the delete will fail until `protect` is removed)"
            if step.retain_on_delete:
                line += " (retainOnDelete: removed from the stack only)"
        elif change.op == "replace":
            line = f"- ⚠ **replace** {label}"
            reasons = _replace_reasons(step)
            if reasons:
                shown = ", ".join(self._code(r, _MAX_NAME_CHARS) for r in reasons[:_MAX_REASONS])
                more = f" and {len(reasons) - _MAX_REASONS} more" if len(reasons) > _MAX_REASONS else ""
                line += f" — forced by {shown}{more}"
            if step.protect:
                line += " (protected: the delete will fail until `protect` is removed)"
            details = self._field_lines(change)
        elif change.op == "update":
            line = f"- {label}"
            details = self._field_lines(change)
        elif change.op == ADOPT:
            target = step.adopt_id or ""
            shown = target if target.isdigit() or target in ADOPT_MARKERS else self._code(target, 40)
            line = f"- {label} — takes over existing object {shown}, no create"
        elif change.op == "create":
            line = f"- {label}"
        else:
            line = f"- **{change.op}** {label}"
        if step.members is not None:
            line += " — " + self._members_phrase(step.members)
            details = self._member_lines(step.members) + details
        return line, details

    # ---------------------------------------------------------------------------- details

    def _members_phrase(self, members: MemberChanges) -> str:
        name = self._code(members.field, _MAX_NAME_CHARS)
        if members.note:
            return f"{name}: {members.note}"
        parts = [f"{n} {word}" for n, word in ((members.added, "added"), (members.changed, "changed"),
                                               (members.removed, "removed")) if n]
        phrase = f"{name}: " + (", ".join(parts) if parts else "no member changes")
        if members.after is not None and (members.added or members.removed):
            phrase += f" ({members.after} after)"
        return phrase

    def _member_lines(self, members: MemberChanges) -> list[str]:
        lines = []
        for word, count, first in (("added", members.added, members.first_added),
                                   ("changed", members.changed, members.first_changed),
                                   ("removed", members.removed, members.first_removed)):
            if not first:
                continue
            ids = ", ".join(self._code(m, _MAX_MEMBER_CHARS) for m in first)
            more = f" and {count - len(first)} more" if count > len(first) else ""
            lines.append(f"  - {word}: {ids}{more}")
        return lines

    def _field_lines(self, change: Change) -> list[str]:
        if not change.details_kept:
            return []
        fields = list(self._fields(change))
        if not fields and change.step.more_fields == 0:
            if change.step.members is not None:
                return []  # the member counts say what changes
            return ["  - _no user-visible field changes (only provider-internal properties)_"]
        lines = []
        for path, old, new, forces in fields[:_MAX_FIELDS]:
            note = " _(forces replacement)_" if forces else ""
            lines.append(f"  - {self._code(path, _MAX_NAME_CHARS)}: {old} → {new}{note}")
        more = len(fields) - _MAX_FIELDS + change.step.more_fields
        if more > 0:
            lines.append(f"  - … and {more} more")
        return lines

    def _fields(self, change: Change) -> Iterator[tuple[str, str, str, bool]]:
        """Changed fields, old -> new: from ``detailedDiff`` when the provider gave one, else ``diffReasons``."""
        step = change.step
        old, new = change.old_state, change.new_state
        replace_keys = set(step.replace_reasons)
        entries: list[tuple[str, Any]]
        if step.detailed_diff:
            entries = sorted(step.detailed_diff.items())
        else:
            entries = [(key, None) for key in sorted(set(step.diff_reasons))]
        for path, diff in entries:
            tokens = parse_property_path(path)
            top = str(tokens[0])
            if top.startswith("__"):  # __provider (dynamic providers), __defaults, __meta: engine internals
                continue
            sensitive = any(isinstance(t, str) and is_sensitive_name(t) for t in tokens)
            if old is None:
                old_value: Any = MISSING
            elif diff is not None and not diff.input_diff:
                old_value = lookup((old.outputs, old.inputs), tokens)  # old state vs new inputs
            else:
                old_value = lookup((old.inputs, old.outputs), tokens)
            removed = diff is not None and diff.kind.startswith("delete")
            new_value = MISSING if new is None or removed else lookup((new.inputs, new.outputs), tokens)
            if new_value is MISSING and not removed:
                # Gone from the new inputs: the user removed an input, or it is an output the provider
                # will compute (an update's preview carries no new outputs).
                was_input = old is not None and resolve(old.inputs, tokens) is not MISSING
                removed = was_input or new is None
                if not removed:
                    new_value = UNKNOWN
            if old_value is MISSING and new_value is MISSING:
                shown_old = shown_new = "(not in the preview)"
            else:
                shown_old = self._value(old_value, sensitive, "(none)")
                shown_new = self._value(new_value, sensitive, "(removed)" if removed else "(none)")
            forces = (diff.forces_replacement if diff is not None else False) or top in replace_keys
            yield path, shown_old, shown_new, forces and change.op == "replace"

    def _value(self, value: Any, sensitive: bool, missing: str) -> str:
        if value is MISSING:
            return missing
        return show_value(value, sensitive=sensitive, scrub=self.scrub, limit=_MAX_VALUE_CHARS)

    def _code(self, text: str, limit: int) -> str:
        return code(self.scrub.clip(text, limit))


def failure(digest: PreviewDigest) -> str:
    """What says the preview failed: ``2 errors``, ``1 failed operation``, or the engine's word."""
    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'s' if count != 1 else ''}"

    parts = []
    if digest.error_count:
        parts.append(plural(digest.error_count, "error"))
    if digest.failed_operations:
        parts.append(plural(digest.failed_operations, "failed operation"))
    return ", ".join(parts) or "the engine reports a failure"


def _replace_reasons(step: PreviewStep) -> list[str]:
    reasons = [r for r in step.replace_reasons if not r.startswith("__")]
    if not reasons and step.detailed_diff:
        reasons = [p for p, d in step.detailed_diff.items() if d.forces_replacement and not p.startswith("__")]
    return sorted(dict.fromkeys(reasons))


def _short_names(types: set[str]) -> dict[str, str]:
    """``pulumi-python:dynamic/ampeco:ChargePoint`` -> ``ChargePoint``; full token on a clash."""
    def short(token: str) -> str:
        if token.startswith("pulumi:providers:"):
            return "provider:" + token.removeprefix("pulumi:providers:")
        return token.rsplit(":", 1)[-1] or token

    clashes = Counter(short(t) for t in types)
    return {t: short(t) if clashes[short(t)] == 1 else t for t in types}


def _clamp(text: str, max_chars: int) -> str:
    """The last guard: cut whole lines from the end until the text fits (only tiny limits need it)."""
    if _units(text) <= max_chars:
        return text
    marker = "\n… (cut to fit the comment limit)\n"
    lines = text.splitlines()
    while lines and _cost(lines) + _units(marker) > max_chars:
        lines.pop()
    if not lines:
        return truncate(text, max(max_chars // 2, 0))
    return "\n".join(lines) + marker

