"""ampeco.Network: a spec file becomes resources, through the SDK's real dynamic-provider server."""

from __future__ import annotations

import copy
import pickle
import runpy
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pulumi
import pytest
from _harness import DeploymentError, Engine, ProviderProcess
from ampeco_emulator import EmulatorServer
from pulumi_ampeco import ChargePoint, Network, SpecError

PROJECT = "netw"


_BATCH_SETITEMS = pickle._Pickler._batch_setitems  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _unwrapped_pickler() -> None:
    """pulumi.dynamic.serialize_provider wraps pickle._Pickler._batch_setitems once more for every
    dynamic resource constructed and never unwraps it, so after ~980 resources in one process the
    next one fails with RecursionError. A test suite runs many programs in one process: start from
    the unwrapped method (reported; the shared fix belongs in tests/conftest.py)."""
    pickle._Pickler._batch_setitems = _BATCH_SETITEMS  # type: ignore[attr-defined]

@pytest.fixture(scope="module")
def provider() -> Iterator[ProviderProcess]:
    with ProviderProcess(project=PROJECT) as process:
        yield process


def engine_for(provider: ProviderProcess, tenant: EmulatorServer, **secrets: str) -> Engine:
    config = {"ampeco:tenantUrl": tenant.url, "ampeco:apiToken": tenant.token}
    config.update({f"{PROJECT}:{key}": value for key, value in secrets.items()})
    return Engine(provider, project=PROJECT, config=config, secret_config_keys=[k for k in config if "Url" not in k])


def requests_log(tenant: EmulatorServer) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = httpx.get(f"{tenant.url}/_emulator/requests").json()["data"]
    return data


SPEC = textwrap.dedent("""\
    locations:
      depot-sofia:
        name: [{locale: en, translation: Depot Sofia}]
        address: [{locale: en, translation: "1 Tsarigradsko Shose Blvd, Sofia"}]
        country: BG
        geoposition: {latitude: 42.6854, longitude: 23.3447}
        external_id: depot-sofia
        charging_zones:
          staff: {name: Staff parking, status: enabled}
    tariffs:
      standard-ac:
        name: Standard AC
        type: duration+energy
        pricing: {price_per_kwh: 0.32, price_per_period: 0.02, price_period_in_minutes: 15}
      night: {name: Night, type: free}
    tariff_groups:
      public: {name: Depot public, tariffs: [standard-ac, night]}
    charge_points:
      cp-1:
        name: Depot 1
        type: public
        status: enabled
        location: depot-sofia
        charging_zone: staff
        communication_mode: direct_ocpp
        network: {id: DEPOT-SOF-01, protocol: ocpp 1.6, password: {config: cp-1-password}}
        evses:
          1:
            network_id: '1'
            physical_reference: SOF-1-1
            current_type: ac
            status: enabled
            tariff_group: public
            connectors:
              type2: {type: type2, format: socket}
      home:
        name: Home
        type: personal
        status: enabled
        pin: {config: home-pin}
    id_tags:
      card-1: {id_tag_uid: 04A1B2C3D4E5, status: enabled, type: rfid}
""")


@pytest.fixture
def spec_file(tmp_path: Path) -> Path:
    path = tmp_path / "network.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_network_declares_every_object_under_the_component_with_names_from_logical_names(
        tenant: EmulatorServer, provider: ProviderProcess, spec_file: Path) -> None:
    engine = engine_for(provider, tenant, **{"cp-1-password": "s3cret", "home-pin": "4821"})
    plan = engine.up(lambda: Network("depot", spec=spec_file))
    assert sorted(s.name for s in plan.steps) == sorted([
        "depot", "depot/depot-sofia", "depot/depot-sofia/staff", "depot/standard-ac", "depot/night",
        "depot/public", "depot/cp-1", "depot/cp-1/1", "depot/cp-1/1/type2", "depot/home", "depot/card-1",
    ])
    component = engine.resource("depot")
    assert component.type == "ampeco:index:Network" and not component.custom
    assert all(e.parent == component.urn for e in engine.state.values() if e.custom)
    evse, group = engine.resource("depot/cp-1/1"), engine.resource("depot/public")
    assert evse.inputs["tariff_group_id"] == float(group.id)
    assert evse.inputs["charge_point_id"] == float(engine.resource("depot/cp-1").id)
    assert group.urn in evse.dependencies or group.urn in evse.all_dependencies()
    tariffs = [float(engine.resource(n).id) for n in ("depot/standard-ac", "depot/night")]
    assert group.inputs["tariff_ids"] == tariffs  # in the spec's order


def test_secrets_come_from_secret_config_and_stay_secret(
        tenant: EmulatorServer, provider: ProviderProcess, spec_file: Path) -> None:
    engine = engine_for(provider, tenant, **{"cp-1-password": "s3cret", "home-pin": "4821"})
    engine.up(lambda: Network("depot", spec=spec_file))
    cp, home = engine.resource("depot/cp-1"), engine.resource("depot/home")
    assert cp.outputs["network"]["password"] == "s3cret" and "network" in cp.secret_outputs
    assert home.outputs["pin"] == "4821" and "pin" in home.secret_outputs


def test_network_exposes_resources_by_logical_name(
        tenant: EmulatorServer, provider: ProviderProcess, spec_file: Path) -> None:
    seen: dict[str, Any] = {}

    def program() -> None:
        net = Network("depot", spec=spec_file)
        seen["net"] = net
        pulumi.export("cp_1", net.charge_points["cp-1"].id)

    engine = engine_for(provider, tenant, **{"cp-1-password": "s3cret", "home-pin": "4821"})
    plan = engine.preview(program)
    net = seen["net"]
    assert isinstance(net.charge_points["cp-1"], ChargePoint)
    assert set(net.evses) == {"cp-1/1"} and set(net.connectors) == {"cp-1/1/type2"}
    assert set(net.charging_zones) == {"depot-sofia/staff"}
    assert net.resources["charge_points.cp-1.evses.1"] is net.evses["cp-1/1"]
    assert len(net.resources) == 10
    assert plan.ops() == {"create": 11}
    assert [r for r in requests_log(tenant) if r["method"] != "GET"] == []  # preview writes nothing


def test_spec_error_fails_the_program_before_anything_is_registered(
        tenant: EmulatorServer, provider: ProviderProcess, spec_file: Path) -> None:
    spec_file.write_text(SPEC.replace("tariff_group: public", "tariff_group: vip")
                         .replace("current_type: ac", "current_type: AC"), encoding="utf-8")
    engine = engine_for(provider, tenant, **{"cp-1-password": "s3cret", "home-pin": "4821"})
    before = dict(provider.calls)
    with pytest.raises(DeploymentError) as failed:
        engine.up(lambda: Network("depot", spec=spec_file))
    message = str(failed.value)
    assert f"{spec_file}: 2 problems" in message
    assert "charge_points.cp-1.evses.1: tariff_group: 'vip' is not defined in tariff_groups (defined: public)" in message
    assert "charge_points.cp-1.evses.1: current_type: must be one of 'ac' or 'dc'" in message
    assert failed.value.plan.steps == [] and engine.state == {}
    assert {k: v - before.get(k, 0) for k, v in provider.calls.items() if v != before.get(k, 0)} == {"Configure": 1}
    assert requests_log(tenant) == []


def test_missing_secret_config_is_reported_before_anything_is_registered(
        tenant: EmulatorServer, provider: ProviderProcess, spec_file: Path) -> None:
    engine = engine_for(provider, tenant, **{"cp-1-password": "s3cret"})
    with pytest.raises(DeploymentError) as failed:
        engine.up(lambda: Network("depot", spec=spec_file))
    assert "charge_points.home: pin: pulumi config set --secret home-pin <value>" in str(failed.value)
    assert failed.value.plan.steps == [] and requests_log(tenant) == []


def test_adopt_id_in_the_spec_takes_the_object_over(
        tenant: EmulatorServer, provider: ProviderProcess) -> None:
    made = httpx.post(f"{tenant.url}/public-api/resources/id-tags/v2.0", headers={"Authorization": f"Bearer {tenant.token}"},
                      json={"idTagUid": "04A1", "status": "disabled", "type": "rfid"}).json()["data"]
    spec = {"id_tags": {"legacy": {"adopt_id": made["id"], "id_tag_uid": "04A1", "status": "enabled", "type": "rfid"}}}
    engine = engine_for(provider, tenant)
    engine.up(lambda: Network("n", spec=spec))
    assert engine.resource("n/legacy").id == str(made["id"])
    writes = [(r["method"], r["path"]) for r in requests_log(tenant) if r["method"] != "GET"]
    assert writes == [("POST", "/public-api/resources/id-tags/v2.0"),
                      ("PATCH", f"/public-api/resources/id-tags/v2.0/{made['id']}")]
    assert engine.up(lambda: Network("n", spec=spec)).ops() == {"same": 2}


def test_spec_given_as_a_dict_is_validated_the_same_way() -> None:
    with pytest.raises(SpecError) as failed:
        Network("n", spec={"id_tags": {"t": {"id_tag_uid": "x", "status": "on", "type": "rfid"}}})
    assert str(failed.value) == "id_tags.t: status: must be one of 'enabled', 'disabled' or 'suspended'"


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_SECRETS = {"depot-1-ocpp-password": "p1", "depot-2-ocpp-password": "p2", "home-17-pin": "1717",
                   "sessions-kafka-password": "k1"}


def main_py() -> None:
    """The example's __main__.py, as `pulumi up` runs it (from the project directory)."""
    runpy.run_path("__main__.py", run_name="__main__")


def test_gitops_example_previews_every_object_of_its_network_yaml(
        tenant: EmulatorServer, provider: ProviderProcess, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES / "gitops")
    engine = engine_for(provider, tenant, **EXAMPLE_SECRETS)
    plan = engine.preview(main_py)
    assert plan.ops() == {"create": 36}  # 35 objects (every kind) and the component
    # nothing but the run's credential check (one object listed), if this provider process has not
    # made a successful call yet
    calls = [(r["method"], r["query"]) for r in requests_log(tenant)]
    assert plan.error is None and calls in ([], [("GET", "per_page=1&cursor=")])


def test_clone_example_applies_the_spec_named_in_stack_config(
        tenant: EmulatorServer, provider: ProviderProcess, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES / "clone")
    engine = engine_for(provider, tenant, **EXAMPLE_SECRETS)
    engine.config[f"{PROJECT}:spec"] = str(EXAMPLES / "gitops" / "network.yaml")
    plan = engine.up(main_py)
    assert plan.ops() == {"create": 36} and plan.outputs == {"objects": 35}
    assert engine.up(main_py).ops() == {"same": 36}


@pytest.mark.parametrize("content", ["", "# nothing left after a bad merge\n", "id_tags: {}\nlocations:\n"])
def test_an_empty_spec_is_refused_unless_allowed(tenant: EmulatorServer, provider: ProviderProcess,
                                                 tmp_path: Path, content: str) -> None:
    spec = tmp_path / "network.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    engine = engine_for(provider, tenant, **{"cp-1-password": "s3cret", "home-pin": "4821"})
    made = engine.up(lambda: Network("depot", spec=spec)).ops()["create"]
    spec.write_text(content, encoding="utf-8")
    with pytest.raises(DeploymentError) as failed:
        engine.up(lambda: Network("depot", spec=spec))
    assert (f"{spec}: the spec declares no objects, so applying it would delete every object this Network "
            "manages; if that is what you want, pass allow_empty=True") in str(failed.value)
    assert len(engine.state) == made  # nothing was deleted
    plan = engine.up(lambda: Network("depot", spec=spec, allow_empty=True))
    assert plan.ops() == {"same": 1, "delete": made - 1}  # the component stays, its objects go


def test_an_empty_spec_given_as_a_mapping_is_refused_too() -> None:
    with pytest.raises(SpecError, match="declares no objects"):
        Network("n", spec={})


EXISTING_SPEC = {
    "tariffs": {"standard": {"name": "Standard", "type": "flat rate", "pricing": {"price_per_session": 2}}},
    "tariff_groups": {"public": {"name": "Public", "tariffs": [{"existing": {"name": "Back office"}}, "standard"]}},
    "charge_points": {"cp": {
        "name": "CP", "type": "personal", "status": "enabled", "pin": "1234", "external_id": "cp",
        "evses": {"1": {"network_id": "1", "physical_reference": "P", "current_type": "ac", "status": "enabled",
                        "tariff_group": {"existing": {"name": "Default"}}}}}},
}


def test_existing_objects_named_in_the_spec_resolve_in_the_tenant_it_is_applied_to(
        emulator: EmulatorServer, provider: ProviderProcess) -> None:
    """The tenant's default group and a back-office tariff: looked up by name in the target tenant
    (not a copy of another tenant's id), used, and never created, changed or deleted."""
    admin = f"{emulator.url}/_emulator"
    httpx.put(f"{admin}/settings", json={"baseTariffs": "tenant-wide"}).raise_for_status()
    try:
        headers = {"Authorization": f"Bearer {emulator.token}"}
        back_office = httpx.post(f"{emulator.url}/public-api/resources/tariffs/v1.0", headers=headers,
                                 json={"name": "Back office", "type": "free"}).json()["data"]
        [default] = httpx.get(f"{emulator.url}/public-api/resources/tariff-groups/v1.0", headers=headers).json()["data"]
        spec = copy.deepcopy(EXISTING_SPEC)
        spec["charge_points"]["cp"]["pin"] = {"config": "cp-pin"}
        engine = engine_for(provider, emulator, **{"cp-pin": "1234"})
        plan = engine.up(lambda: Network("n", spec=spec))
        assert plan.ops() == {"create": 5}  # tariff, group, charge point, EVSE, the component
        assert engine.resource("n/cp/1").outputs["tariff_group_id"] == default["id"]
        group = engine.resource("n/public")
        assert group.outputs["tariff_ids"][1:] == [back_office["id"], int(engine.resource("n/standard").id)]
        engine.destroy()
        groups = httpx.get(f"{emulator.url}/public-api/resources/tariff-groups/v1.0", headers=headers).json()["data"]
        assert [g["id"] for g in groups] == [default["id"]]
        assert httpx.get(f"{emulator.url}/public-api/resources/tariffs/v1.0/{back_office['id']}",
                         headers=headers).status_code == 200
    finally:
        httpx.put(f"{admin}/settings", json={"baseTariffs": "per-group"}).raise_for_status()


def test_an_existing_object_missing_from_the_tenant_fails_before_anything_is_registered(
        tenant: EmulatorServer, provider: ProviderProcess) -> None:
    spec = copy.deepcopy(EXISTING_SPEC)
    spec["charge_points"]["cp"]["pin"] = {"config": "cp-pin"}
    engine = engine_for(provider, tenant, **{"cp-pin": "1234"})
    with pytest.raises(DeploymentError) as failed:
        engine.preview(lambda: Network("n", spec=spec))
    message = str(failed.value)
    assert "objects the spec refers to but does not manage are missing:" in message
    assert "tariff_groups.public: no tariff with name 'Back office' in the tenant" in message
    assert "charge_points.cp.evses.1: no tariff group with name 'Default' in the tenant" in message
    assert failed.value.plan.steps == []
