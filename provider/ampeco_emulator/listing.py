"""Query parsing (filter[...], include[]) and the two pagination modes (Laravel cursor / legacy page)."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from urllib.parse import urlencode

from .errors import validation_failed
from .store import Obj

DEFAULT_PER_PAGE = 100
MAX_PER_PAGE = 100
PAGING_PARAMS = ("cursor", "page", "per_page")

Pairs = Sequence[tuple[str, str]]


def parse_query(query: Pairs) -> tuple[dict[str, list[str]], list[str]]:
    """``filter[name]=v`` (comma = any of; empty ignored, as Spatie does) and ``include[]`` / ``include``."""
    filters: dict[str, list[str]] = {}
    includes: list[str] = []
    for key, value in query:
        if key.startswith("filter[") and key.endswith("]"):
            name = key[7:-1]
            parts = [p for p in value.split(",") if p != ""]
            if parts:
                filters.setdefault(name, []).extend(parts)
        elif key == "include" or (key.startswith("include[") and key.endswith("]")):
            includes.extend(p for p in value.split(",") if p)
    return filters, list(dict.fromkeys(includes))


@dataclasses.dataclass(frozen=True)
class Paging:
    per_page: int
    page: int | None = None  # legacy page mode when set
    after: int = 0  # cursor mode: items with id > after ...
    before: int | None = None  # ... or, for a "previous" cursor, items with id < before
    cursor_given: bool = False


def _encode_cursor(ident: int, forward: bool) -> str:
    raw = json.dumps({"id": ident, "_pointsToNextItems": forward}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(text: str) -> tuple[int, bool] | None:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        data = json.loads(raw)
        ident, forward = data["id"], data["_pointsToNextItems"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        return None
    if not isinstance(ident, int) or isinstance(ident, bool) or not isinstance(forward, bool):
        return None
    return ident, forward


def parse_paging(query: Pairs) -> Paging:
    params = {k: v for k, v in query if k in PAGING_PARAMS}
    per_page = DEFAULT_PER_PAGE
    if "per_page" in params:
        text = params["per_page"]
        if not text.lstrip("-").isdigit():
            raise validation_failed({"per_page": ["The per page must be an integer."]})
        per_page = int(text)
        if not 1 <= per_page <= MAX_PER_PAGE:
            raise validation_failed({"per_page": [f"The per page must be between 1 and {MAX_PER_PAGE}."]})
    if "page" in params and params.get("cursor") in (None, ""):
        # Inferred (Laravel's Paginator::resolveCurrentPage): a page that is not an integer >= 1 is page 1.
        text = params["page"]
        return Paging(per_page, page=int(text) if text.isdigit() and int(text) >= 1 else 1)
    cursor = params.get("cursor") or ""
    if cursor in ("", "null"):
        return Paging(per_page)
    decoded = _decode_cursor(cursor)
    if decoded is None:  # inferred (Laravel's Cursor::fromEncoded): a cursor it cannot decode is no cursor
        return Paging(per_page)
    ident, forward = decoded
    if forward:
        return Paging(per_page, after=ident, cursor_given=True)
    return Paging(per_page, before=ident, cursor_given=True)


class Source:
    """What a listing walks: something with ``after(id)`` and ``before(id)`` iterators."""

    def __init__(self, after: Callable[[int], Iterator[Obj]], before: Callable[[int], Iterator[Obj]]) -> None:
        self.after = after
        self.before = before


def _take(items: Iterator[Obj], keep: Callable[[Obj], bool], count: int) -> list[Obj]:
    out: list[Obj] = []
    for obj in items:
        if keep(obj):
            out.append(obj)
            if len(out) >= count:
                break
    return out


def _url(base: str, query: Pairs, **paging: Any) -> str:
    pairs = [(k, v) for k, v in query if k not in PAGING_PARAMS]
    pairs.extend((k, str(v)) for k, v in paging.items())
    return f"{base}?{urlencode(pairs)}"


def paginate(
    source: Source,
    keep: Callable[[Obj], bool],
    present: Callable[[Obj], dict[str, Any]],
    paging: Paging,
    base_url: str,
    query: Pairs,
) -> dict[str, Any]:
    if paging.page is not None:
        return _page_mode(source, keep, present, paging, base_url, query)
    n = paging.per_page
    next_cursor = prev_cursor = None
    if paging.before is None:
        items = _take(source.after(paging.after), keep, n + 1)
        more = len(items) > n
        items = items[:n]
        if more:
            next_cursor = _encode_cursor(items[-1]["id"], True)
        if paging.cursor_given and items:
            prev_cursor = _encode_cursor(items[0]["id"], False)
    else:
        items = _take(source.before(paging.before), keep, n + 1)
        more = len(items) > n
        items = items[:n][::-1]
        if more:
            prev_cursor = _encode_cursor(items[0]["id"], False)
        if items:
            next_cursor = _encode_cursor(items[-1]["id"], True)
    per = {"per_page": n}
    return {
        "data": [present(o) for o in items],
        "links": {
            "first": None,
            "last": None,
            "prev": _url(base_url, query, **per, cursor=prev_cursor) if prev_cursor else None,
            "next": _url(base_url, query, **per, cursor=next_cursor) if next_cursor else None,
        },
        "meta": {"path": base_url, "per_page": n, "next_cursor": next_cursor, "prev_cursor": prev_cursor},
    }


def _page_mode(
    source: Source,
    keep: Callable[[Obj], bool],
    present: Callable[[Obj], dict[str, Any]],
    paging: Paging,
    base_url: str,
    query: Pairs,
) -> dict[str, Any]:
    matching = [o for o in source.after(0) if keep(o)]
    n, page = paging.per_page, paging.page or 1
    total = len(matching)
    last = max(1, math.ceil(total / n))
    items = matching[(page - 1) * n : page * n]
    start = (page - 1) * n + 1 if items else None
    end = (start + len(items) - 1) if start is not None else None

    def url(p: int) -> str:
        return _url(base_url, query, per_page=n, page=p)

    links = [{"url": url(page - 1) if page > 1 else None, "label": "&laquo; Previous", "active": False}]
    links += [{"url": url(p), "label": str(p), "active": p == page} for p in range(1, last + 1)]
    links.append({"url": url(page + 1) if page < last else None, "label": "Next &raquo;", "active": False})
    return {
        "data": [present(o) for o in items],
        "links": {
            "first": url(1),
            "last": url(last),
            "prev": url(page - 1) if page > 1 else None,
            "next": url(page + 1) if page < last else None,
        },
        "meta": {
            "current_page": page,
            "from": start,
            "last_page": last,
            "links": links,
            "path": base_url,
            "per_page": n,
            "to": end,
            "total": total,
        },
    }
