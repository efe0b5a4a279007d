"""From steps to what happens to each resource, and totals that never claim less than the steps hold.

A resource may have several steps (a replacement's ``create-replacement``/``replace``/
``delete-replaced``): they fold into one change. A ``create`` whose inputs carry ``adopt_id`` takes
over an existing object and is its own kind of change, ``adopt``, so the first preview after
``pulumi-ampeco export --adopt`` does not read as duplicating the whole network.

The engine's ``changeSummary`` counts every resource, unchanged ones included, so it is preferred;
but when it disagrees with the steps (an edited or cut input) the larger number is shown and the
disagreement is said, so a reviewer is never told of fewer changes than the preview lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from pulumi_ampeco.summary._digest import REPLACE_OPS
from pulumi_ampeco.summary._model import PreviewDigest, PreviewStep, ResourceState

__all__ = ["ADOPT", "MAX_OPS", "QUIET_OPS", "Change", "Totals", "changes", "op_order", "sentence", "totals"]

ADOPT: Final = "adopt"
#: Steps that change nothing in the tenant; counted in the heading, never listed.
QUIET_OPS: Final = frozenset({"same", "read", "refresh"})
#: Column and sentence order; ops not listed here follow alphabetically.
_OP_ORDER: Final = ("create", ADOPT, "update", "replace", "delete", "import", "discard",
                    "remove-pending-replace")
#: When one URN has several steps (not a replacement), the one a reviewer must see first.
_MAIN_RANK: Final = {"delete": 0, "update": 1, "create": 2, "import": 3}


@dataclass(frozen=True, slots=True)
class Change:
    """All steps for one URN, as one logical operation."""

    op: str
    step: PreviewStep
    old_state: ResourceState | None
    new_state: ResourceState | None
    details_kept: bool

    @property
    def type(self) -> str:
        return self.step.type


@dataclass(frozen=True, slots=True)
class Totals:
    """Counts per operation (``same`` included), and what a reviewer must know about them."""

    counts: Mapping[str, int]
    notes: tuple[str, ...] = ()

    @property
    def changed(self) -> dict[str, int]:
        return {op: n for op, n in self.counts.items() if op not in QUIET_OPS and n}


def op_order(op: str) -> tuple[int, str]:
    return (_OP_ORDER.index(op), op) if op in _OP_ORDER else (len(_OP_ORDER), op)


def changes(steps: Iterable[PreviewStep]) -> list[Change]:
    """One change per URN that changes something, in the order a comment lists them."""
    by_urn: dict[str, list[PreviewStep]] = {}
    for step in steps:
        by_urn.setdefault(step.urn, []).append(step)
    result: list[Change] = []
    for group in by_urn.values():
        if len(group) == 1:
            main = group[0]
            op = "replace" if main.op in REPLACE_OPS else main.op
        elif any(s.op in REPLACE_OPS for s in group):
            op = "replace"
            main = next((s for name in ("replace", "create-replacement") for s in group if s.op == name),
                        group[0])
        else:
            main = min(group, key=lambda s: _MAIN_RANK.get(s.op, len(_MAIN_RANK)))
            op = main.op
        if op in QUIET_OPS:
            continue
        if op == "create" and main.adopt_id is not None:
            op = ADOPT
        old = next((s.old_state for s in group if s.old_state is not None), None)
        new = next((s.new_state for s in (main, *group) if s.new_state is not None), None)
        result.append(Change(op=op, step=main, old_state=old, new_state=new,
                             details_kept=all(s.details_kept for s in group)))
    result.sort(key=lambda c: c.step.sort_key)
    return result


def totals(digest: PreviewDigest, found: Sequence[Change]) -> Totals:
    """The engine's counts where it gave them, never fewer than the steps list, adoptions apart."""
    listed: Counter[str] = Counter(c.op for c in found)
    listed["same"] = sum(1 for s in digest.steps if s.op == "same")
    adopted = listed.pop(ADOPT, 0)
    listed["create"] += adopted  # the engine counts an adoption as a create
    summary = digest.change_summary
    notes: list[str] = []
    if digest.ignored_counts:
        shown = ", ".join(f"{op} = {value}" for op, value in sorted(digest.ignored_counts.items()))
        notes.append(f"The engine's change summary has entries that are not counts, ignored: {shown}.")
    if not summary:
        counts = dict(listed)
    else:
        counts = {}
        disagree: list[str] = []
        for op in sorted(set(summary) | set(listed), key=op_order):
            engine, steps = summary.get(op, 0), listed.get(op, 0)
            counts[op] = max(engine, steps)
            if op not in QUIET_OPS and engine != steps:
                disagree.append(f"{op}: summary {engine}, steps {steps}")
        if disagree:
            notes.append("The engine's change summary disagrees with the steps listed here ("
                         + "; ".join(disagree) + "); the larger count is shown.")
    if adopted:
        counts["create"] = counts.get("create", 0) - adopted
        counts[ADOPT] = adopted
    return Totals(counts={op: n for op, n in counts.items() if n}, notes=tuple(notes))


_WORDS: Final = {
    "create": "to create", ADOPT: "to adopt", "update": "to update", "replace": "to replace",
    "delete": "to delete", "import": "to import", "discard": "to discard", "read": "to read",
    "refresh": "to refresh",
}


def _words(op: str) -> str:
    return _WORDS.get(op, op)


#: Operations named in the sentence and the table; an input inventing more gets them summed.
MAX_OPS: Final = 12


def sentence(counts: Mapping[str, int]) -> str:
    """``3 to create, 2 to adopt, 1 to delete, 12 unchanged``."""
    ops = [op for op in sorted(counts, key=op_order) if op not in QUIET_OPS and counts[op]]
    parts = [f"{counts[op]} {_words(op)}" for op in ops[:MAX_OPS]]
    if len(ops) > MAX_OPS:
        parts.append(f"{sum(counts[op] for op in ops[MAX_OPS:])} in {len(ops) - MAX_OPS} other operations")
    if counts.get("same"):
        parts.append(f"{counts['same']} unchanged")
    return ", ".join(parts)
