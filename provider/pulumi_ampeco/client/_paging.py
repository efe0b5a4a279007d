"""Listing requests and cursor following, as pure functions over URLs and parsed bodies.

The first request opts into cursor mode with an empty ``cursor``; each further page is the
response's ``links.next`` (an absolute URL), or, failing that, the same request with
``cursor=<meta.next_cursor>``. A body without ``links`` and ``meta`` is the only page.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence

import httpx

from pulumi_ampeco.client._config import MAX_PER_PAGE

__all__ = [
    "PageError",
    "encode_filter_value",
    "first_page_params",
    "include_params",
    "next_page_url",
    "page_items",
    "same_origin",
]

QueryParams = list[tuple[str, str]]


class PageError(ValueError):
    """A listing body that cannot be paged; the client turns it into MalformedResponseError."""


def encode_filter_value(value: object) -> str:
    """``True`` -> ``"true"``, ``None`` -> ``""``, dates as ISO 8601, sequences comma-joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return ",".join(encode_filter_value(v) for v in value)
    raise TypeError(f"cannot encode a filter value of type {type(value).__name__}")


def include_params(include: Sequence[str]) -> QueryParams:
    if isinstance(include, str):  # include="connectors" would otherwise send one letter each
        include = (include,)
    return [("include[]", name) for name in include]


def first_page_params(filters: Mapping[str, object] | None, include: Sequence[str],
                      per_page: int) -> QueryParams:
    """``per_page``, the empty ``cursor``, ``filter[name]`` for each filter, ``include[]``."""
    if isinstance(per_page, bool) or not isinstance(per_page, int) or not 1 <= per_page <= MAX_PER_PAGE:
        raise ValueError(f"per_page must be an int from 1 to {MAX_PER_PAGE}, got {per_page!r}")
    params: QueryParams = [("per_page", str(per_page)), ("cursor", "")]
    for name, value in (filters or {}).items():
        params.append((f"filter[{name}]", encode_filter_value(value)))
    params.extend(include_params(include))
    return params


def page_items(body: object) -> list[dict[str, object]]:
    """The objects of one listing page. A lone object under ``data`` counts as a page of one."""
    if not isinstance(body, dict) or "data" not in body:
        raise PageError('a JSON object with a "data" list')
    data = body["data"]
    if isinstance(data, dict):
        return [data]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise PageError('"data" to be a list of objects')
    return list(data)


def same_origin(a: httpx.URL, b: httpx.URL) -> bool:
    return (a.scheme, a.host, a.port) == (b.scheme, b.host, b.port)


def next_page_url(body: Mapping[str, object], current: httpx.URL,
                  first_params: QueryParams) -> httpx.URL | None:
    """The URL of the next page, or None when this was the last.

    ``links.next`` wins; otherwise ``meta.next_cursor`` replaces the cursor of ``current``.
    Parameters of the first request that the next link dropped (filters, include, per_page) are
    put back, so a server that forgets them cannot widen the listing. A next page on another
    origin, or equal to the current one, is refused (it would leak the token or loop forever).
    """
    links = body.get("links")
    meta = body.get("meta")
    nxt: httpx.URL | None = None
    if isinstance(links, Mapping) and isinstance(links.get("next"), str) and links["next"]:
        nxt = current.join(str(links["next"]))
    elif isinstance(meta, Mapping) and meta.get("next_cursor") not in (None, ""):
        nxt = current.copy_set_param("cursor", str(meta["next_cursor"]))
    if nxt is None:
        return None
    if not same_origin(nxt, current):
        raise PageError(f"a next page on the tenant itself, not on {nxt.scheme}://{nxt.netloc.decode()}")
    present = set(nxt.params.keys())
    missing = [(k, v) for k, v in first_params if k not in present and k not in ("cursor", "page")]
    if missing:
        nxt = nxt.copy_with(params=httpx.QueryParams(tuple(nxt.params.multi_items()) + tuple(missing)))
    if nxt == current:
        raise PageError("a next page different from the current one (the cursor did not advance)")
    return nxt
