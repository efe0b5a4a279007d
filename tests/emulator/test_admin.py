"""The admin API under /_emulator: reset, state, request log; plus concurrency."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
from _emulator_kit import ID_TAGS, TARIFF_GROUPS, id_tag_body
from ampeco_emulator import EmulatorServer


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


def _put_state(admin: httpx.Client, dump: object) -> tuple[int, str]:
    response = admin.put("/state", json=dump)
    return response.status_code, response.json()["message"]


def test_state_with_an_unknown_collection_is_refused_naming_it(admin: httpx.Client, make) -> None:
    make.id_tag()
    status, message = _put_state(admin, {"id_tags": [], "chargers": []})
    assert status == 400 and message.startswith("Invalid state: unknown collection(s) chargers; collections are id_tags")
    assert len(admin.get("/state").json()["id_tags"]) == 1  # the tenant stays as it was


def test_state_with_malformed_objects_is_refused_saying_where(admin: httpx.Client) -> None:
    tag = {"id": 1, "idTagUid": "04A1", "status": "enabled", "type": "rfid"}
    cases = {
        "id_tags[0] must be an object, not a string": {"id_tags": ["nope"]},
        "id_tags[0] needs an integer id >= 1, got None": {"id_tags": [{"idTagUid": "x"}]},
        "id_tags[1]: id 1 appears twice in id_tags": {"id_tags": [tag, tag]},
        "id_tags[0] (id 1): unknown field(s) colour for a IdTag": {"id_tags": [{**tag, "colour": "red"}]},
        "evses[0] (id 3): chargePointId 9 is not the id of any object in charge_points":
            {"evses": [{"id": 3, "chargePointId": 9, "networkId": "1"}]},
    }
    for expected, dump in cases.items():
        status, message = _put_state(admin, dump)
        assert status == 400 and message.startswith(f"Invalid state: {expected}"), message


def test_deeply_nested_bodies_are_refused_with_400_never_500(api: httpx.Client, admin: httpx.Client) -> None:
    for depth in (100, 100_000):
        body = ("[" * depth + "]" * depth).encode()
        for response in (
            api.post(ID_TAGS, content=b'{"idTagUid":' + body + b"}", headers={"Content-Type": "application/json"}),
            api.put(f"{TARIFF_GROUPS}/1", content=body, headers={"Content-Type": "application/json"}),
            admin.put("/state", content=body, headers={"Content-Type": "application/json"}),
            admin.post("/faults", content=body, headers={"Content-Type": "application/json"}),
        ):
            assert response.status_code in (400, 404, 422), (depth, response.status_code, response.text[:200])
            assert response.status_code != 500
    response = api.post(ID_TAGS, content=b'{"idTagUid":' + b"[" * 100_000 + b"]" * 100_000 + b"}",
                        headers={"Content-Type": "application/json"})
    assert response.status_code == 400 and "nested too deeply" in response.json()["message"]
