"""Logical names for exported objects: from natural keys, never from ids, unique within a scope.

A name is an object's ``export_name`` fields' first non-empty value (default: its natural key;
a list of translations gives the English text, else the first one that gives a slug), slugified:
lower case, runs of anything but letters and digits become ``-``, accents dropped. Objects whose
names collide are ordered by their exported content (then by id, only if identical) and get
``-2``, ``-3``, ... in that order. Ids never decide a name otherwise, because they differ
between tenants.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from pulumi_ampeco.specs._base import ResourceSpec

__all__ = ["assign_names", "fallback", "natural_name", "slugify"]


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=repr, separators=(",", ":"))


def assign_names(items: Sequence[tuple[str, Any, Any]], fallback: str) -> list[str]:
    """Unique logical names for ``(base name, content, id)`` items, in the items' order.

    Colliding names are ordered by content (then id) and suffixed ``-2``, ``-3``, ...
    """
    bases = [slugify(base) or fallback for base, _, _ in items]
    order = sorted(range(len(items)), key=lambda i: (bases[i], _canonical(items[i][1]), items[i][2]))
    taken = set(bases)
    names: list[str] = [""] * len(items)
    seen: set[str] = set()
    for i in order:
        base = bases[i]
        if base not in seen:
            names[i] = base
            seen.add(base)
            continue
        n = 2
        while f"{base}-{n}" in taken or f"{base}-{n}" in seen:
            n += 1
        names[i] = f"{base}-{n}"
        seen.add(names[i])
    return names


def _translation(values: Any) -> str:
    """The English translation, else the first one that gives a slug (so not a Cyrillic-only one)."""
    texts = [(item.get("locale"), str(item.get("translation") or "")) for item in values or []
             if isinstance(item, Mapping)]
    for _locale, text in sorted(texts, key=lambda t: t[0] != "en"):
        if slugify(text):
            return text
    return ""


def _dig(values: Mapping[str, Any], dotted: str) -> Any:
    current: Any = values
    for part in dotted.split("."):
        if not isinstance(current, Mapping):
            return None
        current = current.get(part)
    return current


def natural_name(spec: ResourceSpec, obj: Mapping[str, Any], refs: Mapping[str, str] | None = None) -> str:
    """The text an object's logical name is made from (before slugifying). A field that is a
    reference gives the referenced object's logical name (``refs``: dotted field -> that name), so a
    charge point's membership of a circuit is named after the charge point, never after its id."""
    for dotted in spec.export_name or spec.natural_key[:1]:
        if refs is not None and dotted in refs:
            if refs[dotted]:
                return refs[dotted]
            continue
        value = _dig(obj, dotted)
        text = _translation(value) if isinstance(value, list) else str(value or "")
        if text:
            return text
    return ""


def fallback(spec: ResourceSpec) -> str:
    """The name of an object whose natural name gives no slug: ``charge-point``, ``id-tag``."""
    return spec.module.replace("_", "-")
