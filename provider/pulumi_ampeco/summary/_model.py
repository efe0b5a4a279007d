"""The preview as the summary reads it: what each resource's step does, and how the preview ended.

These are compact on purpose: a 100,000-step preview becomes 100,000 small records, and only the
steps a comment can show keep the property values their diff names (``details_kept``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

__all__ = ["Diagnostic", "MemberChanges", "PreviewDigest", "PreviewStep", "PropertyDiff", "ResourceState"]

#: Diagnostic severities that a preview's outcome depends on.
ERROR: Final = "error"
WARNING: Final = "warning"


@dataclass(frozen=True, slots=True)
class PropertyDiff:
    """One ``detailedDiff`` entry: ``kind`` is add/update/delete, each maybe ``-replace``."""

    kind: str
    input_diff: bool = False

    @property
    def forces_replacement(self) -> bool:
        return self.kind.endswith("-replace")


@dataclass(frozen=True, slots=True)
class ResourceState:
    """The inputs and outputs of ``apitype.ResourceV3`` that the step's diff names, nothing else."""

    inputs: Mapping[str, object] = field(default_factory=dict)
    outputs: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MemberChanges:
    """What a step does to a mapping-valued input keyed by member id (an ``IdTagSet``'s ``tags``).

    Counts are exact; ``first_*`` hold the first few member ids of each kind, sorted. ``note`` says
    why nothing could be counted (the mapping is secret or not known until apply).
    """

    field: str
    added: int = 0
    changed: int = 0
    removed: int = 0
    first_added: tuple[str, ...] = ()
    first_changed: tuple[str, ...] = ()
    first_removed: tuple[str, ...] = ()
    after: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class PreviewStep:
    """One step the engine plans (``display.PreviewStep``, or a ``resourcePreEvent``'s metadata)."""

    op: str
    urn: str
    type: str = ""
    provider: str = ""
    protect: bool = False
    retain_on_delete: bool = False
    #: The existing object a ``create`` takes over (input ``adopt_id``), as shown; None for a real create.
    adopt_id: str | None = None
    members: MemberChanges | None = None
    old_state: ResourceState | None = None
    new_state: ResourceState | None = None
    diff_reasons: tuple[str, ...] = ()
    replace_reasons: tuple[str, ...] = ()
    detailed_diff: Mapping[str, PropertyDiff] | None = None
    #: Diff entries (or reasons) dropped while reading, beyond what a comment lists for one resource.
    more_fields: int = 0
    #: False when the reader dropped the field-level details: more steps than any comment can show.
    details_kept: bool = True

    @property
    def name(self) -> str:
        """The resource's logical name: the URN's last part."""
        parts = self.urn.split("::", 3)
        return parts[3] if len(parts) == 4 else self.urn

    @property
    def sort_key(self) -> tuple[str, ...]:
        """The order a comment lists resources in: type name, full type, resource name, URN, op.

        The reader keeps field details for the first steps in this order, so a comment must list
        them in it too.
        """
        return (self.type.rsplit(":", 1)[-1], self.type, self.name, self.urn, self.op)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A warning or error the preview printed."""

    message: str
    severity: str
    urn: str = ""


@dataclass(frozen=True, slots=True)
class PreviewDigest:
    """What a preview planned and how it ended (``display.PreviewDigest``, or folded engine events)."""

    steps: tuple[PreviewStep, ...] = ()
    #: The engine's own counts per operation (``changeSummary``), valid entries only.
    change_summary: Mapping[str, int] = field(default_factory=dict)
    #: ``changeSummary`` entries that are not counts (negative, not integers), as they were written.
    ignored_counts: Mapping[str, str] = field(default_factory=dict)
    #: The first errors and warnings (a bounded number of each); ``diagnostic_counts`` has the totals.
    diagnostics: tuple[Diagnostic, ...] = ()
    diagnostic_counts: Mapping[str, int] = field(default_factory=dict)
    config: Mapping[str, str] = field(default_factory=dict, repr=False)
    duration_ns: int | None = None
    maybe_corrupt: bool = False
    #: False when an event stream ends before its summary event (cut off, or cancelled).
    complete: bool = True
    #: The summary event's ``result`` (``succeeded``, ``failed``, ``canceled``); "" when not given.
    result: str = ""
    #: Resource operations the engine reports as failed (``resOpFailedEvent``: "N errored"), and
    #: the first of them as (op, URN).
    failed_operations: int = 0
    first_failed: tuple[tuple[str, str], ...] = ()
    #: Event-stream lines that looked like JSON but could not be read.
    unreadable_lines: int = 0
    #: Clear-text values found under secret-looking names, to scrub from the comment.
    secrets: frozenset[str] = field(default_factory=frozenset, repr=False)

    @property
    def error_count(self) -> int:
        return self.diagnostic_counts.get(ERROR, 0)

    @property
    def failed(self) -> bool:
        """The engine reported errors: whatever the steps say, this is not a plan to approve."""
        return self.error_count > 0 or self.failed_operations > 0 or self.result == "failed"

    @property
    def finished(self) -> bool:
        """The preview ran to its end and succeeded: only then can "no changes" be said."""
        return self.complete and not self.failed and self.result != "canceled"
