"""Listings: cursor and legacy page pagination, filters, includes."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from _emulator_kit import ID_TAGS, TARIFF_GROUPS, id_tag_body


@pytest.fixture
def tags_250(api: httpx.Client) -> list[int]:
    return [api.post(ID_TAGS, json=id_tag_body(idLabel="bulk")).json()["data"]["id"] for _ in range(250)]


def test_cursor_pagination_follows_links_next(api: httpx.Client, tags_250: list[int]) -> None:
    seen: list[int] = []
    pages = 0
    url: str | None = f"{ID_TAGS}?per_page=100&cursor="
    while url:
        body = api.get(url).json()
        pages += 1
        seen.extend(item["id"] for item in body["data"])
        assert set(body["links"]) == {"first", "last", "prev", "next"}
        assert set(body["meta"]) == {"path", "per_page", "next_cursor", "prev_cursor"}
        assert body["meta"]["per_page"] == 100
        url = body["links"]["next"]
        if url:
            assert url.startswith("http://127.0.0.1:")
            assert parse_qs(urlsplit(url).query)["cursor"] == [body["meta"]["next_cursor"]]
    assert pages == 3
    assert seen == tags_250


def test_first_page_without_cursor_param_is_cursor_mode(api: httpx.Client, tags_250: list[int]) -> None:
    body = api.get(ID_TAGS).json()
    assert len(body["data"]) == 100
    assert body["meta"]["prev_cursor"] is None
    assert body["meta"]["next_cursor"]


def test_last_page_has_null_next(api: httpx.Client, tags_250: list[int]) -> None:
    body = api.get(ID_TAGS, params={"per_page": 50}).json()
    while body["links"]["next"]:
        body = api.get(body["links"]["next"]).json()
    assert len(body["data"]) == 50
    assert body["meta"]["next_cursor"] is None


def test_prev_cursor_goes_back(api: httpx.Client, tags_250: list[int]) -> None:
    first = api.get(ID_TAGS, params={"per_page": 10}).json()
    second = api.get(first["links"]["next"]).json()
    back = api.get(second["links"]["prev"]).json()
    assert [x["id"] for x in back["data"]] == [x["id"] for x in first["data"]]


def test_links_next_carries_filters_and_per_page(api: httpx.Client, tags_250: list[int]) -> None:
    api.post(ID_TAGS, json=id_tag_body(idLabel="other"))
    body = api.get(ID_TAGS, params={"filter[idLabel]": "bulk", "per_page": 100, "cursor": ""}).json()
    query = parse_qs(urlsplit(body["links"]["next"]).query)
    assert query["filter[idLabel]"] == ["bulk"]
    assert query["per_page"] == ["100"]
    total = len(body["data"])
    while body["links"]["next"]:
        body = api.get(body["links"]["next"]).json()
        total += len(body["data"])
    assert total == 250


@pytest.mark.parametrize("per_page", ["0", "101", "ten"])
def test_per_page_out_of_range_is_422(api: httpx.Client, per_page: str) -> None:
    response = api.get(ID_TAGS, params={"per_page": per_page})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["per_page"]


def test_garbage_cursor_reads_the_first_page_as_laravel_does(api: httpx.Client, make) -> None:
    first = make.id_tag()
    response = api.get(ID_TAGS, params={"cursor": "not-a-cursor", "per_page": 1})
    assert response.status_code == 200  # 3.110.0 documents no 422 for a cursor; Laravel ignores a bad one
    assert [t["id"] for t in response.json()["data"]] == [first["id"]]


@pytest.mark.parametrize("page", ["0", "-3", "two"])
def test_page_that_is_not_a_positive_integer_reads_page_one(api: httpx.Client, make, page: str) -> None:
    make.id_tag()
    body = api.get(ID_TAGS, params={"page": page}).json()
    assert body["meta"]["current_page"] == 1 and len(body["data"]) == 1


def test_legacy_page_mode(api: httpx.Client, tags_250: list[int]) -> None:
    body = api.get(ID_TAGS, params={"page": 3, "per_page": 100}).json()
    meta = body["meta"]
    assert [meta[k] for k in ("current_page", "from", "to", "last_page", "total")] == [3, 201, 250, 3, 250]
    assert body["links"]["next"] is None
    assert "page=2" in body["links"]["prev"]
    assert len(body["data"]) == 50


def test_unknown_filter_is_400(api: httpx.Client) -> None:
    response = api.get(ID_TAGS, params={"filter[colour]": "red"})
    assert response.status_code == 400
    assert response.json() == {
        "message": "Requested filter(s) `colour` are not allowed. Allowed filter(s) are "
        "`idTagUid, idLabel, userId, expireAt, status, type, partnerId, lastUpdatedAfter, lastUpdatedBefore`."
    }


def test_filter_by_natural_key(api: httpx.Client, make) -> None:
    tag = make.id_tag(idTagUid="FIND-ME")
    make.id_tag()
    assert api.get(ID_TAGS, params={"filter[idTagUid]": "FIND-ME"}).json()["data"] == [tag]
    assert api.get(ID_TAGS, params={"filter[idTagUid]": "NOPE"}).json()["data"] == []


def test_filter_combination_and_null(api: httpx.Client, make) -> None:
    mine = make.id_tag(partnerId=3, status="disabled")
    make.id_tag(partnerId=3)
    orphan = make.id_tag()
    found = api.get(ID_TAGS, params={"filter[partnerId]": "3", "filter[status]": "disabled"}).json()["data"]
    assert [x["id"] for x in found] == [mine["id"]]
    assert [x["id"] for x in api.get(ID_TAGS, params={"filter[partnerId]": "null"}).json()["data"]] == [
        orphan["id"]
    ]


def test_last_updated_filters_are_inclusive(api: httpx.Client, make) -> None:
    first = make.id_tag()
    second = make.id_tag()
    found = api.get(ID_TAGS, params={"filter[lastUpdatedAfter]": second["lastUpdatedAt"]}).json()["data"]
    assert [x["id"] for x in found] == [second["id"]]
    found = api.get(ID_TAGS, params={"filter[lastUpdatedBefore]": first["lastUpdatedAt"]}).json()["data"]
    assert [x["id"] for x in found] == [first["id"]]
    assert api.get(ID_TAGS, params={"filter[lastUpdatedAfter]": "soon"}).status_code == 422


def test_tariff_group_listing_is_paginated(api: httpx.Client, make) -> None:
    make.tariff_group()
    body = api.get(TARIFF_GROUPS, params={"per_page": 1}).json()
    assert len(body["data"]) == 1 and "meta" in body


def test_ten_thousand_id_tags_page_fast(api: httpx.Client, admin: httpx.Client) -> None:
    stamp = "2026-01-01T00:00:00.000000Z"
    tags = [
        {
            "id": i,
            "idTagUid": f"U{i:05d}",
            "status": "enabled",
            "type": "rfid",
            "createdAt": stamp,
            "lastUpdatedAt": stamp,
        }
        for i in range(1, 10_001)
    ]
    assert admin.put("/state", json={"id_tags": tags}).status_code == 200
    count, pages, url = 0, 0, f"{ID_TAGS}?per_page=100&cursor="
    while url:
        body = api.get(url).json()
        count, pages = count + len(body["data"]), pages + 1
        url = body["links"]["next"]
    assert (count, pages) == (10_000, 100)  # how fast: `make bench`, not a timed test
    assert api.post(ID_TAGS, json=id_tag_body()).json()["data"]["id"] == 10_001
    assert api.post(ID_TAGS, json=id_tag_body(idTagUid="U00042")).status_code == 422
