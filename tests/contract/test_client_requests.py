"""(b) What the provider sends is in the official spec: every request the engine's operations make
(create, read, update with a changed and a removed argument, adopt, natural-key lookup, list,
delete; actions and sub-collection items where a kind has them) for every kind, captured at the transport, validated strictly (a field the spec does not
know is a violation) together with the emulator's answer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from ampeco_emulator import EmulatorServer
from pulumi_ampeco._engine import operations
from pulumi_ampeco._engine.check import check_inputs
from pulumi_ampeco._engine.endpoints import endpoints
from pulumi_ampeco._engine.state import MANAGED_KEY
from pulumi_ampeco.client import AmpecoClient, RetryPolicy
from pulumi_ampeco.specs import REGISTRY

from contract import _contract_kit as kit


class RecordingTransport(httpx.BaseTransport):
    """The network, with every exchange kept for validation."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.seen: list[httpx.Response] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        response.request = request
        self.seen.append(response)
        return response

    def close(self) -> None:
        self.inner.close()


@pytest.fixture
def recorded(tenant: EmulatorServer) -> Iterator[tuple[AmpecoClient, RecordingTransport]]:
    kit.openapi()
    transport = RecordingTransport()
    with AmpecoClient(tenant.url, tenant.token, transport=transport, retry=RetryPolicy(max_attempts=1)) as client:
        yield client, transport


def en(text: str) -> list[dict[str, str]]:
    return [{"locale": "en", "translation": text}]


def _args(kind: str, tag: str, parents: dict[str, Any]) -> dict[str, Any]:
    """Rich arguments: most writable fields of each kind, so most request shapes are exercised."""
    if kind == "Partner":
        return {"name": f"Partner {tag}", "business_name": "Acme Charging", "reg_no": "BG-1", "vat_no": "BG123",
                "city": "Sofia", "country": "BG", "external_id": f"partner-{tag}", "monthly_platform_fee": 9.5,
                "contact_details": {"billing": {"email": "b@acme.example", "phone": "+359"}},
                "notifications": {"technical": {"charge_point_faults": True}},
                "options": {"create_users": True}, "corporate_billing": {"enabled": True, "discount": 5},
                "bank_details": {"bank_iban": "BG00"}}
    if kind == "UserGroup":
        return {"name": f"Fleet {tag}", "partner_id": parents["Partner"], "description": "Drivers",
                "external_id": f"fleet-{tag}"}
    if kind == "Tax":
        return {"name": f"VAT {tag}", "percentage": 20, "display_name": en("VAT"), "tax_identification_number_id": 1}
    if kind == "Circuit":
        return {"name": f"Circuit {tag}", "phases": "three_phase", "phase_rotation": "RST", "max_current": 63.5,
                "max_voltage": "400", "min_charge_point_current": 6, "electrical_configuration": "star",
                "offline_reserved_current": 10, "electricity_meter_id": 2,
                "load_balancing_integration": {"id": 3, "fields": {"start_date": "2027-01-01"}}}
    if kind == "CircuitChargePoint":
        return {"circuit_id": parents["Circuit"], "charge_point_id": parents["ChargePoint"], "priority": 2}
    if kind == "Notification":
        return {"via": "kafka", "notifications": ["chargePoint.changed", "session.start.stop.notification"],
                "kafka": {"topic": f"ampeco-{tag}", "brokers": ["kafka-1:9092"], "compression_codec": "lz4",
                          "security_protocol": "SASL_SSL", "sasl_mechanism": "PLAIN", "sasl_username": "u",
                          "sasl_password": "s3cret"}}
    if kind == "ConfigurationTemplate":
        return {"name": f"Template {tag}", "ocpp_version": "ocpp 1.6",
                "variables": [{"key_name": "HeartbeatInterval", "value": "300"},
                              {"key_name": "MeterValueSampleInterval", "value": "60"}]}
    if kind == "IdTag":
        return {"id_tag_uid": f"04AB{tag}", "status": "enabled", "type": "rfid", "id_label": "Card",
                "expire_at": "2030-01-01T00:00:00Z", "vehicle_type": "private_car", "payment_method_id": "auto",
                "external_id": f"tag-{tag}", "user_id": 3, "partner_id": parents["Partner"]}
    if kind == "Location":
        return {"name": en("Site"), "address": en("1 Main St"), "country": "BG", "city": "Sofia",
                "geoposition": {"latitude": 42.69, "longitude": 23.32}, "external_id": f"site-{tag}",
                "short_description": en("Short"), "street_address": en("Main St"), "post_code": "1000",
                "working_hours": {"is_always_open": False, "hours": {"monday": [{"start": "08:00", "end": "18:00"}]}},
                "timezone": "Europe/Sofia", "tags": ["a"], "parking_type": "ON_STREET", "access_methods": ["OPEN"],
                "facilities": ["WIFI"], "external_app_data": {"crm": {"id": 1}}}
    if kind == "ChargingZone":
        return {"location_id": parents["Location"], "name": f"Zone {tag}", "status": "enabled",
                "additional_info": {"enabled": True, "title": en("Staff")}}
    if kind == "ChargePoint":
        return {"name": f"CP {tag}", "type": "public", "status": "enabled", "location_id": parents["Location"],
                "charging_zone_id": parents["ChargingZone"], "communication_mode": "direct_ocpp",
                "network": {"id": f"NET-{tag}", "protocol": "ocpp 1.6", "password": "s3cret"},
                "tags": ["b", "a"], "capabilities": ["meter_values"], "external_id": f"cp-{tag}",
                "partner": {"id": parents["Partner"], "access_type": "private_view_public_use"},
                "security": {"desired_profile": 1}, "enable_auto_fault_recovery": False,
                "integrated_at": "2024-03-01T10:00:00Z", "installation_and_maintenance_company_id": 5}
    if kind == "Evse":
        return {"charge_point_id": parents["ChargePoint"], "network_id": tag, "physical_reference": f"P-{tag}",
                "current_type": "ac", "status": "enabled", "label": "Left", "tariff_group_id": parents["TariffGroup"],
                "power_options": {"max_power": 22000.0, "max_voltage": "277", "phases": "three_phase"},
                "external_id": f"evse-{tag}", "mid_meter_certification_end_year": 2030}
    if kind == "Connector":
        return {"charge_point_id": parents["ChargePoint"], "evse_id": parents["Evse"], "type": "type2",
                "format": "socket", "status": "enabled"}
    if kind == "Tariff":
        return {"name": f"Tariff {tag}", "type": "energy tou", "external_id": f"t-{tag}",
                "partner": {"id": parents["Partner"]},
                "pricing": {"price_per_kwh": 0.3, "duration_fee_grace_period": 10.0, "tax_id": parents["Tax"],
                            "flexible_mark_up_as_fixed_per_kwh": {"default_price": 0.05, "interval_pricing": [
                                {"starts_at": "00:00", "ends_at": "12:00", "price": 0.1}]}},
                "restrictions": {"start_date": "2027-01-01", "apply_to_ad_hoc_users": True,
                                 "apply_to_user_group_ids": [parents["UserGroup"]],
                                 "apply_to_users_of_partners": [parents["Partner"]]},
                "display": {"default_price_information": "0.30/kWh"},
                "description": {"en": "Standard", "pt_BR": "Padrão"}, "learn_more_url": {"en": "https://x.test"}}
    if kind == "TariffGroup":
        return {"name": f"Group {tag}", "tariff_ids": [parents["Tariff"]], "partner_id": parents["Partner"]}
    raise KeyError(kind)


# An in-place change and a removed argument per kind (the removal exercises the reset words).
CHANGES: dict[str, tuple[dict[str, Any], str]] = {
    "IdTag": ({"status": "disabled"}, "id_label"),
    "Location": ({"city": "Plovdiv"}, "tags"),
    "ChargingZone": ({"name": "Zone renamed"}, "additional_info"),
    "ChargePoint": ({"name": "CP renamed"}, "capabilities"),
    "Evse": ({"label": "Right"}, "external_id"),
    "Connector": ({"format": "cable"}, "status"),
    "Tariff": ({"pricing": {"price_per_kwh": 0.35}}, "display"),
    "TariffGroup": ({"name": "Group renamed"}, "partner_id"),
    "Partner": ({"city": "Plovdiv"}, "vat_no"),
    "UserGroup": ({"description": "Drivers and staff"}, "external_id"),
    "Tax": ({"percentage": 9.5}, "display_name"),
    "Circuit": ({"max_current": 40}, "max_voltage"),
    "CircuitChargePoint": ({"priority": 1.5}, ""),  # priority is the server's when removed: nothing to reset
    "Notification": ({"notifications": ["idTag.changed"]}, ""),  # a PUT: the whole subscription every time
    # variables: one PATCHed, one deleted, one created
    "ConfigurationTemplate": ({"name": "Template renamed", "variables": [
        {"key_name": "HeartbeatInterval", "value": "600"}, {"key_name": "WebSocketPingInterval", "value": "30"}]},
        ""),
}
ORDER = ("Partner", "UserGroup", "Tax", "IdTag", "Location", "ChargingZone", "Tariff", "TariffGroup", "ChargePoint",
         "Evse", "Connector", "Circuit", "CircuitChargePoint", "Notification", "ConfigurationTemplate")


def _checked(kind: str, news: dict[str, Any]) -> dict[str, Any]:
    inputs, failures = check_inputs(REGISTRY[kind], news)
    assert not failures, failures
    return inputs


def _lifecycle(client: AmpecoClient) -> None:
    ids: dict[str, Any] = {}
    made: list[tuple[str, str, dict[str, Any]]] = []
    for kind in ORDER:
        spec = REGISTRY[kind]
        inputs = _checked(kind, _args(kind, "1", ids))
        object_id, outs = operations.create(spec, client, inputs)
        ids[kind] = object_id
        outs = operations.read(spec, client, object_id, outs) or {}
        change, removed = CHANGES[kind]
        news = _checked(kind, {k: v for k, v in {**inputs, **change}.items() if k != removed})
        outs = operations.update(spec, client, object_id, outs, news)
        at = endpoints(spec, client, {k: inputs[k] for k in spec.path_params_in_order})
        list(at.list())
        operations.find_existing(spec, at, news)
        adopted = {**news, "adopt_id": object_id, **{k: v for k, v in _args(kind, "1", ids).items() if k == removed}}
        operations.adopt(spec, client, adopted, spec.object_id(object_id))
        made.append((kind, object_id, {**outs, MANAGED_KEY: outs.get(MANAGED_KEY)}))
    for kind, object_id, outs in reversed(made):
        operations.delete(REGISTRY[kind], client, object_id, outs)


def test_every_request_the_provider_makes_is_in_the_official_spec(recorded) -> None:
    client, transport = recorded
    _lifecycle(client)
    violations = [v for r in transport.seen for v in kit.request_violations(r.request)]
    violations += [v for r in transport.seen for v in kit.response_violations(r)]
    assert not violations, "\n" + kit.report(violations)
    assert all(r.is_success for r in transport.seen), [(r.request.method, r.request.url, r.status_code)
                                                        for r in transport.seen if not r.is_success]


def test_the_provider_uses_every_operation_but_the_standalone_evse_paths(recorded) -> None:
    client, transport = recorded
    _lifecycle(client)
    unmatched = [(r.request.method, r.request.url.path) for r in transport.seen
                 if kit.template_of(r.request.method, r.request.url.path) is None]
    assert not unmatched  # every request is an operation of the managed resources
    used = {op for r in transport.seen if (op := kit.template_of(r.request.method, r.request.url.path))}
    assert set(kit.operations()) - used == {op for op in kit.operations() if "/evses/v2.1" in op[1]}
