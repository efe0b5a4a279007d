"""Cloning a network: export a seeded tenant, apply the spec to an empty one, export that: same file.

The source tenant is seeded through the API with a realistic network of every resource type
(more than 50 objects, base tariffs and the default tariff group not counted). The spec is
applied through the engine-protocol harness (the SDK's real dynamic-provider server), with the
charge points' secrets given as secret stack config, as `pulumi config set --secret` would.

Both kinds of tenant (the emulator's ``base_tariffs``): one free base tariff per tariff group, or
one tenant-wide free tariff and default group. Either way the clone holds exactly as many tariffs
and tariff groups as the source: the tenant's own objects are its own, never copied.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from _harness import Engine, ProviderProcess
from ampeco_emulator import EmulatorServer
from click.testing import CliRunner
from pulumi_ampeco import Network
from pulumi_ampeco.cli import main
from pulumi_ampeco.export import slugify
from pulumi_ampeco.network import load
from pulumi_ampeco.specs import REGISTRY

PROJECT = "clone"


_BATCH_SETITEMS = pickle._Pickler._batch_setitems  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _unwrapped_pickler() -> None:
    """pulumi.dynamic.serialize_provider wraps pickle._Pickler._batch_setitems once more for every
    dynamic resource constructed and never unwraps it, so after ~980 resources in one process the
    next one fails with RecursionError. A test suite runs many programs in one process: start from
    the unwrapped method (reported; the shared fix belongs in tests/conftest.py)."""
    pickle._Pickler._batch_setitems = _BATCH_SETITEMS  # type: ignore[attr-defined]
LOCATIONS = "/public-api/resources/locations/v2.0"
TARIFFS = "/public-api/resources/tariffs/v1.0"
GROUPS = "/public-api/resources/tariff-groups/v1.0"
CHARGE_POINTS = "/public-api/resources/charge-points/v2.0"
ID_TAGS = "/public-api/resources/id-tags/v2.0"
PARTNERS = "/public-api/resources/partners/v2.0"
USER_GROUPS = "/public-api/resources/user-groups/v1.0"
TAXES = "/public-api/resources/taxes/v2.0"
CIRCUITS = "/public-api/resources/circuits/v2.0"
CIRCUIT_ACTIONS = "/public-api/actions/circuit/v2.0"
NOTIFICATIONS = "/public-api/notifications/v2.0"
TEMPLATES = "/public-api/resources/configuration-templates/v1.0"


def en(text: str) -> list[dict[str, str]]:
    return [{"locale": "en", "translation": text}]


class Seeder:
    def __init__(self, tenant: EmulatorServer) -> None:
        self.http = httpx.Client(base_url=tenant.url, headers={"Authorization": f"Bearer {tenant.token}"}, timeout=10)
        self.objects = 0
        self.secrets: dict[str, str] = {}  # config key the export will use -> value

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self.http.post(path, json=body)
        assert response.status_code == 201, f"{path}: {response.status_code} {response.text}"
        self.objects += 1
        data: dict[str, Any] = response.json()["data"]
        return data

    def act(self, path: str, body: dict[str, Any]) -> None:
        """An action that makes an object of its own (a charge point's place on a circuit)."""
        response = self.http.post(path, json=body)
        assert response.status_code == 202, f"{path}: {response.status_code} {response.text}"
        self.objects += 1

    def item(self, path: str, body: dict[str, Any]) -> None:
        """An item of an object's sub-collection (a template's variable): part of that object, not one of its own."""
        response = self.http.post(path, json=body)
        assert response.status_code == 201, f"{path}: {response.status_code} {response.text}"


def seed_network(tenant: EmulatorServer) -> Seeder:
    """Two partners, two user groups, two taxes, three sites, five tariffs in three groups, eight
    charge points (one personal, one satellite), their EVSEs and connectors, eight cards, three
    circuits (one under another) with four charge points on them, two notification subscriptions and
    two configuration templates with their variables: 77 objects, every kind referring to the others
    by id where the API lets it."""
    s = Seeder(tenant)
    acme = s.post(PARTNERS, {"name": "Acme Fleet", "externalId": "acme", "city": "Sofia", "country": "BG",
                             "vatNo": "BG123456789", "options": {"createUsers": True},
                             "contactDetails": {"billing": {"email": "billing@acme.example"}}})
    s.post(PARTNERS, {"name": "Mall Operator Ltd", "businessName": "Mall Charging", "monthlyPlatformFee": 49.9,
                      "corporateBilling": {"enabled": True, "discount": 5}})
    fleet_users = s.post(USER_GROUPS, {"name": "Fleet drivers", "partnerId": acme["id"], "externalId": "fleet"})
    staff_users = s.post(USER_GROUPS, {"name": "Staff", "description": "Depot staff"})
    vat = s.post(TAXES, {"name": "VAT 20", "percentage": 20, "displayName": en("VAT")})
    s.post(TAXES, {"name": "Reduced 9", "percentage": 9.5})
    sofia = s.post(LOCATIONS, {
        "name": en("Depot Sofia"), "address": en("1 Tsarigradsko Shose Blvd, 1113 Sofia"), "city": "Sofia",
        "country": "BG", "postCode": "1113", "geoposition": {"latitude": 42.6854, "longitude": 23.3447},
        "timezone": "Europe/Sofia", "externalId": "depot-sofia", "tags": ["depot", "fleet"],
        "workingHours": {"isAlwaysOpen": True, "alwaysOpenForUserGroupIds": [staff_users["id"]]},
    })
    plovdiv = s.post(LOCATIONS, {
        "name": [{"locale": "en", "translation": "Mall Plovdiv"}, {"locale": "bg", "translation": "Мол Пловдив"}],
        "address": en("8 Perushtitsa St, Plovdiv"), "country": "BG",
        "geoposition": {"latitude": 42.1354, "longitude": 24.7453}, "externalId": "mall-plovdiv",
        "workingHours": {"isAlwaysOpen": False, "stopSessionOutsideWorkingHours": True, "hours": {
            "monday": [{"start": "08:00", "end": "22:00"}], "saturday": [{"start": "10:00", "end": "20:00"}]}},
    })
    varna = s.post(LOCATIONS, {  # no external id: named after its first name translation
        "name": [{"locale": "bg", "translation": "Плаж Варна"}, {"locale": "en", "translation": "Beach Varna"}],
        "address": en("Primorski Park, Varna"), "country": "BG",
        "geoposition": {"latitude": 43.2047, "longitude": 27.9105},
    })
    zones = {
        "staff": s.post(f"{LOCATIONS}/{sofia['id']}/charging-zones", {"name": "Staff parking", "status": "enabled"}),
        "visitors": s.post(f"{LOCATIONS}/{sofia['id']}/charging-zones", {
            "name": "Visitors", "status": "enabled",
            "additionalInfo": {"enabled": True, "title": en("Visitors"), "description": en("Level -1")}}),
        "garage": s.post(f"{LOCATIONS}/{plovdiv['id']}/charging-zones", {"name": "Garage", "status": "enabled"}),
        "roof": s.post(f"{LOCATIONS}/{plovdiv['id']}/charging-zones", {"name": "Roof", "status": "disabled"}),
    }
    standard = s.post(TARIFFS, {"name": "Standard AC", "type": "duration+energy", "pricing": {
        "pricePerKwh": 0.32, "pricePerPeriod": 0.02, "pricePeriodInMinutes": 15, "idleFeePerMinute": 0.1,
        "idleFeeGracePeriodMinutes": 30, "taxID": vat["id"]}})
    fast = s.post(TARIFFS, {"name": "Fast DC", "type": "duration+energy", "pricing": {
        "pricePerKwh": 0.49, "connectionFee": 1.0, "pricePeriodInMinutes": 1, "pricePerPeriod": 0.0},
        "stopSession": {"timeLimitMinutes": 90}})
    night = s.post(TARIFFS, {"name": "Night owl", "type": "duration+energy time of day", "dayTariffStart": "07:00",
                             "nightTariffStart": "22:00", "pricing": {"dayPricePerKwh": 0.34, "nightPricePerKwh": 0.18}})
    fleet = s.post(TARIFFS, {"name": "Fleet flat", "type": "flat rate", "pricing": {"pricePerSession": 5.0},
                             "restrictions": {"applyToUsersWithGroups": ["fleet"],
                                              "applyToUserGroupIds": [fleet_users["id"]],
                                              "applyToUsersOfPartners": [acme["id"]]},
                             "partner": {"id": acme["id"]}})
    staff_free = s.post(TARIFFS, {"name": "Staff free", "type": "free",
                                  "restrictions": {"applyToUsersWithGroups": ["staff"]}})
    public = s.post(GROUPS, {"name": "Public AC", "tariffIds": [standard["id"], night["id"]]})
    dc = s.post(GROUPS, {"name": "Public DC", "tariffIds": [fast["id"]]})
    staff = s.post(GROUPS, {"name": "Staff", "tariffIds": [staff_free["id"], standard["id"], fleet["id"]],
                            "partnerId": acme["id"]})

    def charge_point(identity: str, body: dict[str, Any], evses: list[dict[str, Any]]) -> dict[str, Any]:
        password = f"pw-{identity.lower()}-{len(body)}"
        cp = s.post(CHARGE_POINTS, {"network": {"id": identity, "protocol": "ocpp 1.6", "password": password},
                                    **body})
        s.secrets[f"{slugify(identity)}-network-password"] = password
        for n, evse in enumerate(evses, start=1):
            connectors = evse.pop("connectors")
            made = s.post(f"{CHARGE_POINTS}/{cp['id']}/evses", {"networkId": str(n), **evse})
            for connector in connectors:
                s.post(f"{CHARGE_POINTS}/{cp['id']}/evses/{made['id']}/connectors", connector)
        return cp

    def ac(ref: str, group: dict[str, Any] | None, **extra: Any) -> dict[str, Any]:
        body = {"physicalReference": ref, "currentType": "ac", "status": "enabled",
                "powerOptions": {"maxPower": 22000, "maxVoltage": "400", "maxAmperage": 32, "phases": "three_phase"},
                "connectors": [{"type": "type2", "format": "socket", "status": "enabled"}], **extra}
        if group is not None:
            body["tariffGroupId"] = group["id"]
        return body

    master = None
    for n in (1, 2, 3):
        cp = charge_point(f"DEPOT-SOF-0{n}", {
            "name": f"Depot Sofia {n}", "type": "public", "status": "enabled", "locationId": sofia["id"],
            "chargingZoneId": zones["staff" if n < 3 else "visitors"]["id"], "communicationMode": "direct_ocpp",
            "capabilities": ["remote_start_stop_capable", "meter_values"], "tags": ["depot"],
            "security": {"desiredProfile": 1},
        }, [ac(f"SOF-{n}-1", public), ac(f"SOF-{n}-2", staff, label="Staff only")])
        master = master or cp
    charge_point("MALL-PDV-DC1", {
        "name": "Mall fast charger", "type": "public", "status": "enabled", "locationId": plovdiv["id"],
        "chargingZoneId": zones["garage"]["id"], "externalId": "pdv-dc-1", "networkType": "ethernet",
        "partner": {"id": acme["id"], "accessType": "private_view_public_use"},
    }, [{"physicalReference": "PDV-DC-1", "currentType": "dc", "status": "enabled", "tariffGroupId": dc["id"],
         "connectors": [{"type": "ccs2", "format": "cable"}, {"type": "chademo", "format": "cable"}]},
        ac("PDV-DC-1-AC", public, connectors=[{"type": "type2", "format": "cable"}])])
    charge_point("MALL-PDV-AC1", {
        "name": "Mall AC", "type": "public", "status": "enabled", "locationId": plovdiv["id"],
        "chargingZoneId": zones["roof"]["id"],
    }, [ac("PDV-AC-1", public), ac("PDV-AC-2", None)])  # no group: the tenant's default tariff group
    charge_point("BEACH-VAR-1", {
        "name": "Beach 1", "type": "public", "status": "out of order", "locationId": varna["id"],
    }, [ac("VAR-1-1", public, connectors=[{"type": "type2"}, {"type": "schuko", "format": "socket"}])])
    personal = s.post(CHARGE_POINTS, {"name": "Home wallbox", "type": "personal", "status": "enabled", "pin": "4821",
                                      "externalId": "home-wallbox-17"})
    s.secrets["home-wallbox-17-pin"] = "4821"
    evse = s.post(f"{CHARGE_POINTS}/{personal['id']}/evses", {"networkId": "1", "physicalReference": "HOME-17",
                                                               "currentType": "ac", "status": "enabled"})
    s.post(f"{CHARGE_POINTS}/{personal['id']}/evses/{evse['id']}/connectors", {"type": "type2"})
    assert master is not None
    satellite = s.post(CHARGE_POINTS, {"name": "Depot satellite", "type": "public", "status": "enabled",
                                       "locationId": sofia["id"], "communicationMode": "via_ocpp_connected_charge_point",
                                       "ocppConnectedChargePointId": master["id"]})
    evse = s.post(f"{CHARGE_POINTS}/{satellite['id']}/evses", {"networkId": "1", "physicalReference": "SOF-SAT-1",
                                                                "currentType": "ac", "status": "enabled",
                                                                "tariffGroupId": public["id"]})
    s.post(f"{CHARGE_POINTS}/{satellite['id']}/evses/{evse['id']}/connectors", {"type": "type2"})
    for i, uid in enumerate(("04A1B2C3D4E5", "04F6A7B8C9D0", "04112233445566", "04AABBCCDD01"), start=1):
        s.post(ID_TAGS, {"idTagUid": uid, "idLabel": f"Fleet card {i}", "status": "enabled", "type": "rfid",
                         "vehicleType": "company_car", "expireAt": "2027-12-31T23:59:59Z"})
    s.post(ID_TAGS, {"idTagUid": "04DEADBEEF00", "status": "disabled", "type": "rfid", "paymentMethodId": "auto"})
    s.post(ID_TAGS, {"idTagUid": "00:1A:2B:3C:4D:5E", "status": "enabled", "type": "mac_address",
                     "externalId": "car-17"})
    s.post(ID_TAGS, {"idTagUid": "04CAFE000001", "status": "suspended", "type": "rfid", "idLabel": "Lost card"})
    s.post(ID_TAGS, {"idTagUid": "04cafe000001", "status": "enabled", "type": "rfid"})  # same slug: suffixed
    s.post(ID_TAGS, {"idTagUid": "04ACME000001", "status": "enabled", "type": "rfid", "partnerId": acme["id"]})
    # load management: a site circuit with a bay under it (multi-level), and another one
    site = s.post(CIRCUITS, {"name": "Depot main", "phases": "three_phase", "maxCurrent": 250, "maxVoltage": "400"})
    bay = s.post(CIRCUITS, {"name": "Depot bay 1", "phases": "three_phase", "phaseRotation": "RST",
                            "maxCurrent": 63, "minChargePointCurrent": 6, "parentCircuitId": site["id"]})
    mall = s.post(CIRCUITS, {"name": "Mall garage", "phases": "three_phase", "maxCurrent": 125.5})
    depot = [cp for cp in s.http.get(CHARGE_POINTS).json()["data"] if cp["name"].startswith("Depot Sofia")]
    for n, cp in enumerate(depot):
        s.act(f"{CIRCUIT_ACTIONS}/{bay['id']}/attach-charge-point", {"chargePointId": cp["id"], "priority": 1 + n})
    mall_dc = next(cp for cp in s.http.get(CHARGE_POINTS).json()["data"] if cp.get("externalId") == "pdv-dc-1")
    s.act(f"{CIRCUIT_ACTIONS}/{mall['id']}/attach-charge-point", {"chargePointId": mall_dc["id"]})
    s.post(NOTIFICATIONS, {"via": "webhook", "notifications": ["chargePoint.changed", "evse.changed"],
                           "webhook": {"callbackUrl": "https://hooks.example.com/ampeco"}})
    s.post(NOTIFICATIONS, {"via": "kafka", "notifications": ["session.start.stop.notification"],
                           "kafka": {"topic": "ampeco-sessions", "brokers": ["kafka-1:9092", "kafka-2:9092"],
                                     "securityProtocol": "SASL_SSL", "saslUsername": "ampeco",
                                     "saslPassword": "kafka-s3cret"}})
    s.secrets["ampeco-sessions-kafka-sasl-password"] = "kafka-s3cret"
    v16 = s.post(TEMPLATES, {"name": "Fleet defaults", "ocppVersion": "ocpp 1.6"})
    s.item(f"{TEMPLATES}/{v16['id']}/variables", {"keyName": "HeartbeatInterval", "value": "300"})
    s.item(f"{TEMPLATES}/{v16['id']}/variables", {"keyName": "MeterValueSampleInterval", "value": "60"})
    v201 = s.post(TEMPLATES, {"name": "OCPP 2 defaults", "ocppVersion": "ocpp 2.0.1"})
    s.item(f"{TEMPLATES}/{v201['id']}/variables", {"component": "OCPPCommCtrlr", "variableName": "HeartbeatInterval",
                                                   "value": "300", "variableType": "Actual"})
    s.http.close()
    return s


# -- helpers ------------------------------------------------------------------------------------


def export(tenant: EmulatorServer, out: Path, *args: str) -> tuple[str, str]:
    result = CliRunner().invoke(main, ["export", "--tenant-url", tenant.url, "--out", str(out), *args],
                                env={"AMPECO_API_TOKEN": tenant.token})
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8"), result.stderr


def requests_log(tenant: EmulatorServer) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = httpx.get(f"{tenant.url}/_emulator/requests").json()["data"]
    return data


def engine_for(provider: ProviderProcess, tenant: EmulatorServer, secrets: dict[str, str]) -> Engine:
    config = {"ampeco:tenantUrl": tenant.url, "ampeco:apiToken": tenant.token}
    config.update({f"{PROJECT}:{key}": value for key, value in secrets.items()})
    return Engine(provider, project=PROJECT, stack="production", config=config,
                  secret_config_keys=[k for k in config if k != "ampeco:tenantUrl"])


@pytest.fixture
def provider() -> Iterator[ProviderProcess]:
    # One per test: a provider process is configured once, so it stays with the first tenant it saw.
    with ProviderProcess(project=PROJECT) as process:
        yield process


@pytest.fixture(scope="module")
def second_emulator() -> Iterator[EmulatorServer]:
    server = EmulatorServer(token="production-token-3e1c", port=0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["per-group", "tenant-wide"])
def kind_of_tenant(request: pytest.FixtureRequest, emulator: EmulatorServer,
                   second_emulator: EmulatorServer) -> Iterator[str]:
    """Both tenants of this kind (a new empty tenant each), back to per-group afterwards."""
    for server in (emulator, second_emulator):
        httpx.put(f"{server.url}/_emulator/settings", json={"baseTariffs": request.param}).raise_for_status()
    yield request.param
    for server in (emulator, second_emulator):
        httpx.put(f"{server.url}/_emulator/settings", json={"baseTariffs": "per-group"}).raise_for_status()


@pytest.fixture
def target(second_emulator: EmulatorServer, kind_of_tenant: str) -> EmulatorServer:
    httpx.post(f"{second_emulator.url}/_emulator/reset").raise_for_status()
    return second_emulator


def counts(tenant: EmulatorServer) -> dict[str, int]:
    state = httpx.get(f"{tenant.url}/_emulator/state").json()
    return {name: len(objects) for name, objects in state.items()}


# -- tests --------------------------------------------------------------------------------------


def test_export_applied_to_an_empty_tenant_exports_the_same_spec_and_reapplies_as_no_change(
        tenant: EmulatorServer, target: EmulatorServer, provider: ProviderProcess, tmp_path: Path) -> None:
    seeded = seed_network(tenant)
    assert seeded.objects >= 50
    staging, hint = export(tenant, tmp_path / "staging.yaml")
    assert {o.kind for o in load(tmp_path / "staging.yaml").objects.values()} == set(REGISTRY)  # every kind
    for key, value in seeded.secrets.items():
        assert f"pulumi config set --secret {key} <value>" in hint
        assert value not in staging
    # the objects and the Network component; not the tenant's default tariff group (the EVSE without
    # a group gets the target's own)
    expected = seeded.objects + 1

    engine = engine_for(provider, target, seeded.secrets)
    plan = engine.up(lambda: Network("net", spec=tmp_path / "staging.yaml"))
    assert plan.ops() == {"create": expected}

    production, _ = export(target, tmp_path / "production.yaml")
    assert production == staging
    assert counts(target) == counts(tenant)  # no second free tariff, no second default group

    httpx.delete(f"{target.url}/_emulator/requests").raise_for_status()
    again = engine.up(lambda: Network("net", spec=tmp_path / "staging.yaml"))
    assert again.ops() == {"same": expected}
    assert requests_log(target) == []  # a no-op up does not even read (this run's credentials were checked)


def test_export_with_adopt_takes_over_the_tenant_without_a_single_write(
        tenant: EmulatorServer, kind_of_tenant: str, provider: ProviderProcess, tmp_path: Path) -> None:
    seeded = seed_network(tenant)
    spec, _ = export(tenant, tmp_path / "network.yaml", "--adopt")
    # the objects and the Network component (the tenant's own default tariff group stays its own)
    expected = seeded.objects + 1
    assert spec.count("adopt_id:") == expected - 1
    httpx.delete(f"{tenant.url}/_emulator/requests").raise_for_status()

    engine = engine_for(provider, tenant, seeded.secrets)
    plan = engine.up(lambda: Network("net", spec=tmp_path / "network.yaml"))
    assert plan.ops() == {"create": expected}  # adopt: the engine's create, the provider's read
    writes = [f"{r['method']} {r['path']}" for r in requests_log(tenant) if r["method"] in ("POST", "PATCH", "PUT")]
    assert writes == []
    assert {r["method"] for r in requests_log(tenant)} == {"GET"}

    again = engine.up(lambda: Network("net", spec=tmp_path / "network.yaml"))
    assert again.ops() == {"same": expected}
    assert [r for r in requests_log(tenant) if r["method"] != "GET"] == []
