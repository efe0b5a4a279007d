"""diff: what the user declares against what is known of the live object, field by field.

Only managed fields are compared: the arguments the user declares, plus ones they declared
before and removed. A removed one is reset to what its declaration says the API accepts (null
for a ``Nullable`` field, the ``ResetTo`` value otherwise); one the API cannot reset, or whose
default the server owns, is left as it is and no longer managed. Both sides are
brought to a canonical form first, so ints vs floats, equivalent values, server-added list items,
timestamp spellings and the order of unordered lists never show up as changes. Equal canonical
forms short-cut the comparison. The paths that differ (``Changes.details``, for messages) are
worked out by deepdiff only when asked for, so neither the import nor an update pays for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from pulumi_ampeco._engine.unknown import contains_unknown
from pulumi_ampeco.specs._base import ResourceSpec
from pulumi_ampeco.specs._schema import FieldMeta, ModelMeta, model_meta

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


@dataclass
class Changes:
    """The outcome of comparing desired with live values."""

    changed: list[str] = field(default_factory=list)
    """Top-level arguments to send (desired differs from live, or unknown yet)."""
    removed: list[str] = field(default_factory=list)
    """Arguments no longer declared whose live value must be reset (to null or their ResetTo value)."""
    replaces: list[str] = field(default_factory=list)
    """Arguments whose change cannot be applied in place."""
    _compared: dict[str, tuple[Any, Any, bool]] = field(default_factory=dict, repr=False)
    """Per changed argument, (live, desired, ordered) in canonical form, for ``details``."""

    @property
    def details(self) -> dict[str, list[str]]:
        """Per changed argument, the paths that differ (for messages; computed on first use)."""
        return {name: _paths(name, have, want, ordered=ordered)
                for name, (have, want, ordered) in self._compared.items()}

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed)

    def describe(self) -> str:
        return ", ".join(sorted(self.changed + self.removed))


def compare(spec: ResourceSpec, desired: Mapping[str, Any], live: Mapping[str, Any],
            previously_managed: Iterable[str] = ()) -> Changes:
    meta = model_meta(spec.model)
    changes = Changes()
    for name, want in desired.items():
        fmeta = meta.fields.get(name)
        if fmeta is None:
            continue  # reserved inputs (adopt_id, __provider) never cause changes
        have = live.get(name)
        if want == have and not contains_unknown(want):
            continue  # equal as they are, so equal in canonical form too (the common no-op case)
        if contains_unknown(want):
            changes.changed.append(name)
        else:
            a, b = canonical(fmeta, want, want), canonical(fmeta, have, want)
            if a == b:
                continue
            changes.changed.append(name)
            changes._compared[name] = (b, a, fmeta.ordered)
        if fmeta.replaces:
            changes.replaces.append(name)
    for name in previously_managed:
        fmeta = meta.fields.get(name)
        if name in desired or fmeta is None or fmeta.server_default or fmeta.computed:
            continue
        reset = fmeta.reset
        if reset is None:
            continue  # the API accepts no reset: left as it is, no longer managed
        have = live.get(name)
        if canonical(fmeta, have, have) != canonical(fmeta, reset.value, have):
            changes.removed.append(name)
            if fmeta.replaces:
                changes.replaces.append(name)
    return changes


def _paths(name: str, have: Any, want: Any, *, ordered: bool) -> list[str]:
    from deepdiff import DeepDiff  # ~60 ms to import; only messages need it

    diff = DeepDiff(have, want, ignore_order=not ordered, ignore_numeric_type_changes=True)
    paths = [p.replace("root", name, 1) for p in diff.affected_paths]
    return sorted(paths) or [name]


def canonical(fmeta: FieldMeta | None, value: Any, want: Any) -> Any:
    """The comparable form of ``value``, projected onto the shape of ``want`` (what the user set)."""
    if value is None or value == [] or value == {}:
        return None  # absent, null and empty are the same to the API
    if fmeta is not None and fmeta.equivalents and value in fmeta.equivalents:
        return fmeta.equivalents[0]
    if fmeta is not None and fmeta.is_map and isinstance(value, Mapping):
        # a map's keys are data: compared whole, a key missing on one side is a change
        return {k: _scalar(v) for k, v in sorted(value.items()) if v is not None} or None
    nested = fmeta.nested if fmeta else None
    if isinstance(value, list):
        return _canonical_list(fmeta, nested, value, want if isinstance(want, list) else [])
    if isinstance(value, Mapping):
        return _canonical_dict(nested, value, want if isinstance(want, Mapping) else value)
    return _scalar(value)


def _canonical_dict(nested: ModelMeta | None, value: Mapping[str, Any], want: Mapping[str, Any]) -> Any:
    fields = nested.fields if nested else {}
    out = {}
    for key, wanted in want.items():
        sub = value.get(key)
        out[key] = canonical(fields.get(key), sub, wanted)
    return out


def _canonical_list(fmeta: FieldMeta | None, nested: ModelMeta | None, value: list[Any],
                    want: list[Any]) -> Any:
    items = list(value)
    if fmeta is not None and fmeta.ignored_items:
        items = [v for v in items if v not in fmeta.ignored_items]
    if fmeta is not None and fmeta.server_prepends:
        items = strip_server_prefix(items, want)
    keys: dict[str, Any] = {}
    for w in want:
        if isinstance(w, Mapping):
            keys.update(w)
    shape: Any = keys or None
    out = [canonical_item(nested, v, shape) for v in items]
    if fmeta is not None and fmeta.ordered:
        return out
    return sorted(out, key=lambda v: json.dumps(v, sort_keys=True, default=str))


def canonical_item(nested: ModelMeta | None, value: Any, shape: Any) -> Any:
    if isinstance(value, Mapping):
        return _canonical_dict(nested, value, shape if shape is not None else value)
    return _scalar(value)


def strip_server_prefix(items: list[Any], want: list[Any]) -> list[Any]:
    """Drop the leading items the server put in front that the user did not ask for."""
    def key(v: Any) -> str:
        return json.dumps(canonical_item(None, v, None), sort_keys=True, default=str)

    wanted = {key(w) for w in want}
    start = 0
    while start < len(items) and key(items[start]) not in wanted:
        start += 1
    return items[start:]


def _scalar(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and _DATETIME.match(value):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T"))
        except ValueError:
            return value
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=timezone.utc)
        return parsed.astimezone(timezone.utc).isoformat()
    return value
