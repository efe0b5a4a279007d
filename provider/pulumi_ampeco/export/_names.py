"""Logical names for exported objects: from natural keys, never from ids, unique within a scope.

A name is an object's ``export_name`` fields' first non-empty value (default: its natural key;
a list of translations gives the English text, else the first one that gives a slug), slugified:
lower case, runs of anything but letters and digits become ``-``, accents dropped. Objects whose
names collide are ordered by their exported content (then by id, only if identical) and get
``-2``, ``-3``, ... in that order. Ids never decide a name otherwise, because they differ
between tenants.

Names do not move: when export overwrites a spec, each object found in it (``match``: by
``adopt_id``, else by natural key, else by identical arguments) keeps the name it has there,
and a new object never takes a name the file gave another one; so deleting one of ``hub`` and
``hub-2`` leaves the other's name alone, and a git diff shows one delete.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Collection, Hashable, Mapping, Sequence
from typing import Any

from pulumi_ampeco.specs._base import ResourceSpec
from pulumi_ampeco.specs._convert import dig

__all__ = ["assign_names", "fallback", "fingerprint", "match", "natural_name", "slugify"]


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=repr, separators=(",", ":"))


def assign_names(items: Sequence[tuple[str, Any, Any]], fallback: str, *,
                 reserved: Collection[str] = ()) -> list[str]:
    """Unique logical names for ``(base name, content, id)`` items, in the items' order.

    Colliding names are ordered by content (then id) and suffixed ``-2``, ``-3``, ...; no name is
    one of ``reserved`` (names kept for other objects, and names the file being overwritten gave
    to objects that are gone).
    """
    bases = [slugify(base) or fallback for base, _, _ in items]
    order = sorted(range(len(items)), key=lambda i: (bases[i], _canonical(items[i][1]), items[i][2]))
    taken = set(bases) | set(reserved)
    names: list[str] = [""] * len(items)
    seen: set[str] = set(reserved)
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



def natural_name(spec: ResourceSpec, obj: Mapping[str, Any], refs: Mapping[str, str] | None = None) -> str:
    """The text an object's logical name is made from (before slugifying). A field that is a
    reference gives the referenced object's logical name (``refs``: dotted field -> that name), so a
    charge point's membership of a circuit is named after the charge point, never after its id."""
    for dotted in spec.export_name or spec.natural_key[:1]:
        if refs is not None and dotted in refs:
            if refs[dotted]:
                return refs[dotted]
            continue
        value = dig(obj, dotted)
        text = _translation(value) if isinstance(value, list) else str(value or "")
        if text:
            return text
    return ""


def fallback(spec: ResourceSpec) -> str:
    """The name of an object whose natural name gives no slug: ``charge-point``, ``id-tag``."""
    return spec.module.replace("_", "-")


def fingerprint(args: Mapping[str, Any]) -> str:
    """An object's own arguments in a comparable form: what identifies it when nothing else does."""
    return _canonical(args)


def match(current: Sequence[tuple[Any, Mapping[str, Any], str]], previous: Sequence[tuple[Any, Mapping[str, Any], str]],
          natural_key: Sequence[str]) -> dict[int, int]:
    """Which previous object (index) each current one (index) is, for ``(id, arguments,
    fingerprint)`` items: by id first (a previous ``adopt_id``), then by each natural key in turn,
    then by identical arguments. Each previous object is matched at most once."""
    found: dict[int, int] = {}
    used: set[int] = set()

    def pair(key: Any) -> None:
        by_key: dict[Hashable, list[int]] = {}
        for j, item in enumerate(previous):
            k = key(item)
            if j not in used and k is not None:
                by_key.setdefault(k, []).append(j)
        for i, item in enumerate(current):
            k = key(item)
            if i in found or k is None or not by_key.get(k):
                continue
            j = by_key[k].pop(0)
            found[i] = j
            used.add(j)

    pair(lambda item: item[0])
    for dotted in natural_key:
        pair(lambda item, dotted=dotted: _key(dig(item[1], dotted)))
    pair(lambda item: item[2])
    return found


def _key(value: Any) -> Hashable | None:
    if value is None or isinstance(value, (Mapping, list)):
        return None
    return repr(value)
