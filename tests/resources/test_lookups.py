"""Objects the program does not manage, in the forms Pulumi users know: ``X.get(name, id)`` reads one
into the program (never created, changed or deleted by it), and ``get_x(id=...)`` /
``get_x(<natural key>=...)`` look one up and return typed values. Nothing of them holds the token,
and a lookup that finds nothing fails the program in one line. Both engines."""

from __future__ import annotations

import json
from typing import Any

import pytest
from _harness import DeploymentError, Engine
from _harness.real_cli import RealEngine
from _samples import Program, lookup_of_nothing, lookups
from ampeco_emulator import EmulatorServer

from resources._resources_kit import TenantApi

TARIFFS = "/public-api/resources/tariffs/v1.0"
GROUPS = "/public-api/resources/tariff-groups/v1.0"
LOCATIONS = "/public-api/resources/locations/v2.0"
CPS = "/public-api/resources/charge-points/v2.0"


def back_office(api: TenantApi) -> dict[str, Any]:
    """What an operator made by hand: a tariff, a group holding it, a charge point with one EVSE."""
    tariff = api.send("POST", TARIFFS, {"name": "Back office", "type": "flat rate",
                                        "pricing": {"pricePerSession": 3}}).json()["data"]
    group = api.send("POST", GROUPS, {"name": "Back office group", "tariffIds": [tariff["id"]]}).json()["data"]
    site = api.send("POST", LOCATIONS, {"name": [{"locale": "en", "translation": "Depot"}],
                                        "address": [{"locale": "en", "translation": "1 Main"}], "country": "BG",
                                        "geoposition": {"latitude": 42.7, "longitude": 23.3}}).json()["data"]
    cp = api.send("POST", CPS, {"name": "CP", "type": "public", "status": "enabled",
                                "locationId": site["id"]}).json()["data"]
    evse = api.send("POST", f"{CPS}/{cp['id']}/evses", {"networkId": "1", "physicalReference": "BO-1",
                                                        "currentType": "ac", "status": "enabled"}).json()["data"]
    return {"tariff": tariff, "group": group, "cp": cp, "evse": evse}


def test_lookups_and_get_find_existing_objects_without_managing_them(
        engine: Engine | RealEngine, api: TenantApi, tenant: EmulatorServer) -> None:
    made = back_office(api)
    program = Program(lookups, {"group": "Back office group", "tariff_id": made["tariff"]["id"],
                                "charge_point_id": made["cp"]["id"]})
    plan = engine.up(program)
    assert plan.outputs["group"] == {"id": str(made["group"]["id"]), "name": "Back office group",
                                     "tariff_ids": made["group"]["tariffIds"]}
    assert plan.outputs["read_name"] == "Back office group"
    assert plan.outputs["evse"] == {"id": str(made["evse"]["id"]), "physical_reference": "BO-1"}
    assert plan.step("existing-group").op == "read" and plan.step("mine").op == "create"
    mine = engine.resource("mine")
    assert api.get(f"{GROUPS}/{mine.id}")["tariffIds"][1:] == [made["tariff"]["id"]]

    assert tenant.token not in json.dumps({u: (e.inputs, e.outputs) for u, e in engine.state.items()})
    assert [s.op for s in engine.up(program).changes()] == ["read"]  # a read is reported on every run
    engine.destroy()
    for path in (f"{GROUPS}/{made['group']['id']}", f"{TARIFFS}/{made['tariff']['id']}"):
        assert api.get(path)["id"]  # read and looked up: still there after destroy
    assert api.client.get(f"{GROUPS}/{mine.id}").status_code == 404  # what the program made is gone


def test_a_lookup_that_finds_nothing_fails_the_program_in_one_line(engine: Engine | RealEngine) -> None:
    with pytest.raises(DeploymentError) as failed:
        engine.preview(Program(lookup_of_nothing, {"group": "Nope"}))
    message = str(failed.value)
    assert "no tariff group with name 'Nope' in the tenant" in message
    assert "Traceback" not in message


def test_a_failed_lookup_is_both_the_package_error_and_a_pulumi_run_error(
        tenant: EmulatorServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Catchable as LookupFailedError in a program; printed by the language host as one line."""
    import pulumi
    import pulumi_ampeco as ampeco

    monkeypatch.setenv("AMPECO_TENANT_URL", tenant.url)
    monkeypatch.setenv("AMPECO_API_TOKEN", tenant.token)
    with pytest.raises(ampeco.LookupFailedError) as failed:
        ampeco.get_tariff_group(name="Nope")
    assert isinstance(failed.value, pulumi.RunError)
    with pytest.raises(TypeError, match=r"get_tariff_group\(\) takes id= or exactly one of: name"):
        ampeco.get_tariff_group()


def test_a_lookup_by_natural_key_finding_two_objects_asks_for_the_id(
        tenant: EmulatorServer, api: TenantApi, monkeypatch: pytest.MonkeyPatch) -> None:
    import pulumi_ampeco as ampeco

    ids = [api.send("POST", TARIFFS, {"name": "Twin", "type": "free"}).json()["data"]["id"] for _ in range(2)]
    monkeypatch.setenv("AMPECO_TENANT_URL", tenant.url)
    monkeypatch.setenv("AMPECO_API_TOKEN", tenant.token)
    with pytest.raises(ampeco.LookupFailedError, match=f"2 tariffs with name 'Twin' .*ids {ids[0]}, {ids[1]}"):
        ampeco.get_tariff(name="Twin")
    assert ampeco.get_tariff(id=ids[1]).name == "Twin"
