"""Resources that own many members through one mapping input, summarised as counts, not field lines.

An ``IdTagSet`` (one resource owning thousands of id tags as ``tags``, keyed by uid) would
otherwise show as one field line per tag, or as one huge ``tags`` value cut after 60 characters.
A reviewer needs how many members are added, changed and removed, and the first few of each.

Which input is the member mapping comes from each set's declaration (``specs.SETS``: its
``field``), through the generated ``_engine.kinds.SET_FIELDS``, so the summary loads no specs.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from typing import Any, Final

from pulumi_ampeco._engine.kinds import SET_FIELDS
from pulumi_ampeco.summary._model import MemberChanges, PropertyDiff
from pulumi_ampeco.summary._redact import UNKNOWN, is_secret_value
from pulumi_ampeco.summary._values import MISSING, parse_property_path

__all__ = ["MEMBER_MAPS", "member_changes", "member_field"]

#: Type name (last part of the token) -> the input that maps member id -> member.
MEMBER_MAPS: Final[Mapping[str, str]] = SET_FIELDS
#: Member ids shown per kind; the counts are always exact.
SAMPLE: Final = 5


def member_field(type_token: str, member_maps: Mapping[str, str]) -> str | None:
    """The member-mapping input of a type, if it has one."""
    return member_maps.get(type_token.rsplit(":", 1)[-1])


def member_changes(name: str, op: str, old_inputs: Any, new_inputs: Any,
                   detailed_diff: Mapping[str, PropertyDiff] | None) -> MemberChanges:
    """Count what ``op`` does to the members under input ``name``.

    The provider's ``detailedDiff`` decides when it names members (``tags["04AB"]``, or a path
    inside one); otherwise the old and new inputs are compared key by key.
    """
    old = _mapping(old_inputs, name) if op != "create" else {}
    new = _mapping(new_inputs, name) if op not in ("delete", "delete-replaced") else {}
    after = len(new) if isinstance(new, dict) else None
    from_diff = _from_diff(name, detailed_diff)
    if from_diff is not None:
        added, changed, removed = from_diff
    elif isinstance(old, str) or isinstance(new, str):
        return MemberChanges(field=name, after=after, note=old if isinstance(old, str) else str(new))
    else:
        added = [k for k in new if k not in old]
        removed = [k for k in old if k not in new]
        changed = [k for k in new if k in old and _differs(old[k], new[k])]
    return MemberChanges(
        field=name, added=len(added), changed=len(changed), removed=len(removed),
        first_added=_first(added), first_changed=_first(changed), first_removed=_first(removed),
        after=after,
    )


def _mapping(inputs: Any, name: str) -> dict[str, Any] | str:
    """The member mapping, ``{}`` when absent, or why it cannot be read."""
    value = inputs.get(name, MISSING) if isinstance(inputs, dict) else MISSING
    if value is MISSING or value is None:
        return {}
    if is_secret_value(value):
        return "members are secret"
    if value == UNKNOWN:
        return "members known after apply"
    if not isinstance(value, dict):
        return f"`{name}` is not a mapping"
    return {str(k): v for k, v in value.items()}


def _from_diff(name: str, diff: Mapping[str, PropertyDiff] | None
               ) -> tuple[list[str], list[str], list[str]] | None:
    if not diff:
        return None
    kinds: dict[str, str] = {}
    for path, entry in diff.items():
        tokens = parse_property_path(path)
        if len(tokens) < 2 or tokens[0] != name:
            continue
        member = str(tokens[1])
        kind = entry.kind.removesuffix("-replace")
        if len(tokens) > 2 or kind not in ("add", "delete"):
            kind = "update"
        if kinds.get(member) in ("add", "delete"):
            continue  # a whole member added or removed outranks changes inside it
        kinds[member] = kind
    if not kinds:
        return None
    return ([m for m, k in kinds.items() if k == "add"], [m for m, k in kinds.items() if k == "update"],
            [m for m, k in kinds.items() if k == "delete"])


def _differs(old: Any, new: Any) -> bool:
    try:
        return bool(old != new)
    except RecursionError:  # nested deeper than Python compares: it cannot be shown equal
        return True


def _first(members: Iterable[str]) -> tuple[str, ...]:
    return tuple(heapq.nsmallest(SAMPLE, members))
