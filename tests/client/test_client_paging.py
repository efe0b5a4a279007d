"""Cursor following as pure functions: first request, next link, next cursor, refusals."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from pulumi_ampeco.client._paging import (
    PageError,
    encode_filter_value,
    first_page_params,
    next_page_url,
    page_items,
)

BASE = httpx.URL("https://t.test/public-api/resources/id-tags/v2.0?per_page=100&cursor=")
FIRST = [("per_page", "100"), ("cursor", ""), ("filter[status]", "enabled"), ("include[]", "x")]


def test_first_page_opts_into_cursor_mode_and_encodes_filters_and_includes() -> None:
    params = first_page_params({"status": "enabled", "active": True, "userId": None, "n": 3},
                               ("connectors", "evses"), 100)
    assert params == [("per_page", "100"), ("cursor", ""), ("filter[status]", "enabled"),
                      ("filter[active]", "true"), ("filter[userId]", ""), ("filter[n]", "3"),
                      ("include[]", "connectors"), ("include[]", "evses")]
    assert str(httpx.QueryParams(tuple(params))) == (
        "per_page=100&cursor=&filter%5Bstatus%5D=enabled&filter%5Bactive%5D=true&filter%5BuserId%5D="
        "&filter%5Bn%5D=3&include%5B%5D=connectors&include%5B%5D=evses")


def test_a_single_include_string_is_one_include_not_letters() -> None:
    assert first_page_params(None, "connectors", 10)[-1] == ("include[]", "connectors")  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "encoded"), [
    (False, "false"), (None, ""), (1.5, "1.5"), ("a b", "a b"), ([1, 2], "1,2"),
    (dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc), "2025-01-02T03:04:05+00:00"),
])
def test_filter_values_are_encoded_as_the_api_reads_them(value: object, encoded: str) -> None:
    assert encode_filter_value(value) == encoded


def test_unencodable_filter_value_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        encode_filter_value(object())


@pytest.mark.parametrize("per_page", [0, 101, True, 2.0])
def test_per_page_outside_one_to_hundred_is_refused(per_page: object) -> None:
    with pytest.raises(ValueError, match="per_page"):
        first_page_params(None, (), per_page)  # type: ignore[arg-type]


def test_next_link_is_followed_as_given_when_complete() -> None:
    nxt = "https://t.test/public-api/resources/id-tags/v2.0?per_page=100&cursor=abc&filter%5Bstatus%5D=enabled&include%5B%5D=x"
    assert next_page_url({"links": {"next": nxt}}, BASE, FIRST) == httpx.URL(nxt)


def test_next_link_that_dropped_filters_gets_them_back() -> None:
    body = {"links": {"next": "https://t.test/public-api/resources/id-tags/v2.0?cursor=abc"}}
    url = next_page_url(body, BASE, FIRST)
    assert url is not None
    assert url.params.get("cursor") == "abc"
    assert url.params.get("filter[status]") == "enabled"
    assert url.params.get_list("include[]") == ["x"] and url.params.get("per_page") == "100"


def test_relative_next_link_is_resolved_against_the_current_page() -> None:
    url = next_page_url({"links": {"next": "/public-api/resources/id-tags/v2.0?cursor=z"}}, BASE, [])
    assert url == httpx.URL("https://t.test/public-api/resources/id-tags/v2.0?cursor=z")


def test_meta_next_cursor_without_links_replaces_the_cursor() -> None:
    url = next_page_url({"meta": {"next_cursor": "c2"}}, BASE, FIRST)
    assert url is not None and url.params.get("cursor") == "c2"
    assert url.params.get("per_page") == "100"


@pytest.mark.parametrize("body", [
    {"data": []}, {"links": {"next": None}, "meta": {"next_cursor": None}}, {"links": {}, "meta": {}},
    {"links": {"next": ""}},
])
def test_no_next_means_last_page(body: dict[str, object]) -> None:
    assert next_page_url(body, BASE, FIRST) is None


def test_next_link_on_another_host_is_refused() -> None:
    with pytest.raises(PageError, match="evil.test"):
        next_page_url({"links": {"next": "https://evil.test/steal?cursor=1"}}, BASE, [])


def test_next_link_on_another_scheme_or_port_is_refused() -> None:
    for other in ("http://t.test/x?cursor=1", "https://t.test:8443/x?cursor=1"):
        with pytest.raises(PageError):
            next_page_url({"links": {"next": other}}, BASE, [])


def test_next_link_equal_to_current_page_is_refused_as_a_loop() -> None:
    with pytest.raises(PageError, match="did not advance"):
        next_page_url({"links": {"next": str(BASE)}}, BASE, [])


def test_page_items_accepts_a_list_or_a_lone_object() -> None:
    assert page_items({"data": [{"id": 1}, {"id": 2}]}) == [{"id": 1}, {"id": 2}]
    assert page_items({"data": {"id": 1}}) == [{"id": 1}]


@pytest.mark.parametrize("body", [[], {"items": []}, {"data": [1, 2]}, {"data": "x"}, None])
def test_page_items_refuses_other_shapes(body: object) -> None:
    with pytest.raises(PageError):
        page_items(body)
