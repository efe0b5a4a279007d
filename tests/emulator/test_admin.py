"""The admin API under /_emulator: reset, state, request log; plus concurrency."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
from ampeco_emulator import EmulatorServer
from emulator_helpers import ID_TAGS, TARIFF_GROUPS, id_tag_body


def test_reset_empties_the_tenant(api: httpx.Client, admin: httpx.Client, make) -> None:
    make.id_tag()
    assert admin.post("/reset").status_code == 200
    assert api.get(ID_TAGS).json()["data"] == []
    assert make.id_tag()["id"] == 1


def test_reset_accepts_post_only(admin: httpx.Client) -> None:
    assert admin.get("/reset").status_code == 405


def test_admin_api_needs_no_token(tenant: EmulatorServer) -> None:
    assert httpx.get(f"{tenant.url}/_emulator/state").status_code == 200


def test_state_dump_lists_every_collection(admin: httpx.Client, make) -> None:
    tag = make.id_tag()
    state = admin.get("/state").json()
    assert set(state) == {
        "id_tags", "locations", "charging_zones", "charge_points", "evses", "connectors", "tariffs", "tariff_groups",
        "partners", "user_groups", "taxes", "circuits", "notifications", "configuration_templates",
        "configuration_template_variables",
    }  # fmt: skip
    # the dump holds every field (null where unset); the API leaves the nulls out
    assert [{k: v for k, v in t.items() if v is not None} for t in state["id_tags"]] == [tag]


def test_state_round_trips_through_put(api: httpx.Client, admin: httpx.Client, make) -> None:
    cp = make.charge_point(network={"id": "CP-RT"})
    make.evse(cp["id"])
    dump = admin.get("/state").json()
    admin.post("/reset")
    assert admin.put("/state", json=dump).status_code == 200
    assert admin.get("/state").json() == dump
    assert api.get(f"/public-api/resources/charge-points/v2.0/{cp['id']}").json()["data"] == cp
    # unique indexes and the default tariff group survive the load
    location = cp["locationId"]
    body = {
        "name": "x",
        "type": "public",
        "status": "enabled",
        "locationId": location,
        "network": {"id": "CP-RT"},
    }
    assert api.post("/public-api/resources/charge-points/v2.0", json=body).status_code == 422
    evse2 = make.evse(cp["id"], networkId="2")
    assert len(api.get(TARIFF_GROUPS).json()["data"]) == 1
    assert evse2["tariffGroupId"] == dump["evses"][0]["tariffGroupId"]


def test_bad_state_is_400(admin: httpx.Client) -> None:
    assert admin.put("/state", json={"id_tags": "nope"}).status_code == 400
    assert admin.put("/state", content=b"{", headers={"Content-Type": "application/json"}).status_code == 400


def test_request_log_records_each_api_call(api: httpx.Client, admin: httpx.Client, make) -> None:
    tag = make.id_tag()
    api.get(ID_TAGS, params={"filter[idTagUid]": tag["idTagUid"]})
    api.get(f"{ID_TAGS}/999")
    log = admin.get("/requests").json()["data"]
    assert [(e["method"], e["path"], e["status"]) for e in log] == [
        ("POST", ID_TAGS, 201),
        ("GET", ID_TAGS, 200),
        ("GET", f"{ID_TAGS}/999", 404),
    ]
    assert log[1]["query"] == f"filter%5BidTagUid%5D={tag['idTagUid']}"
    assert all(e["fault"] is None for e in log)
    assert admin.delete("/requests").status_code == 204
    assert admin.get("/requests").json()["data"] == []


def test_inferred_behaviours_are_listed(admin: httpx.Client) -> None:
    inferred = admin.get("/inferred").json()
    assert "base tariff" in inferred["tariff_group"]


def test_concurrent_creates_get_distinct_ids(api: httpx.Client) -> None:
    """16 clients at once (httpx.Client is thread-safe; its pool opens parallel connections)."""

    def create(i: int) -> int:
        response = api.post(ID_TAGS, json=id_tag_body(idTagUid=f"C{i}"))
        assert response.status_code == 201
        return int(response.json()["data"]["id"])

    with ThreadPoolExecutor(max_workers=16) as pool:
        ids = list(pool.map(create, range(64)))
    assert sorted(ids) == list(range(1, 65))

    # the same uid from 16 clients at once: exactly one wins
    def race(_: int) -> int:
        return api.post(ID_TAGS, json=id_tag_body(idTagUid="SAME")).status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(race, range(16)))
    assert sorted(statuses) == [201] + [422] * 15
