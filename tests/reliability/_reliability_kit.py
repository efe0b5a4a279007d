"""Shared pieces of the reliability tests: the emulator's admin API, sample arguments for every
resource kind, parents made through the engine, and the tenant's contents as the API sees them.

Imported as ``from _reliability_kit import ...`` (pytest puts this directory on ``sys.path``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

import httpx
from pulumi_ampeco._engine import operations
from pulumi_ampeco._engine.check import check_inputs
from pulumi_ampeco.client import AmpecoClient, RetryPolicy, Timeouts
from pulumi_ampeco.specs import REGISTRY

KINDS = list(REGISTRY)

# The emulator's collection (in /_emulator/state) for each resource kind.
COLLECTION = {
    "IdTag": "id_tags", "Location": "locations", "ChargingZone": "charging_zones",
    "ChargePoint": "charge_points", "Evse": "evses", "Connector": "connectors",
    "Tariff": "tariffs", "TariffGroup": "tariff_groups", "Partner": "partners", "UserGroup": "user_groups",
    "Tax": "taxes", "Circuit": "circuits", "CircuitChargePoint": "circuit_charge_points",
    "Notification": "notifications", "ConfigurationTemplate": "configuration_templates",
}
"""("circuit_charge_points" is not the emulator's: ``declared_objects`` lists the circuits' members there.)"""

# The parents each kind needs, as (argument, parent kind).
PARENTS: dict[str, list[tuple[str, str]]] = {
    "IdTag": [], "Location": [], "Tariff": [],
    "TariffGroup": [("tariff_ids", "Tariff")],
    "ChargingZone": [("location_id", "Location")],
    "ChargePoint": [("location_id", "Location")],
    "Evse": [("charge_point_id", "ChargePoint"), ("tariff_group_id", "TariffGroup")],
    "Connector": [("charge_point_id", "ChargePoint"), ("evse_id", "Evse")],
    "Partner": [], "UserGroup": [("partner_id", "Partner")], "Tax": [], "Circuit": [],
    "CircuitChargePoint": [("circuit_id", "Circuit"), ("charge_point_id", "ChargePoint")],
    "Notification": [], "ConfigurationTemplate": [],
}


def en(text: str) -> list[dict[str, str]]:
    return [{"locale": "en", "translation": text}]


def sample_args(kind: str, tag: str = "1", **parents: Any) -> dict[str, Any]:
    """Valid arguments (Python names) of one object of ``kind``, its natural key derived from ``tag``."""
    if kind == "IdTag":
        return {"id_tag_uid": f"04AB{tag}", "status": "enabled", "type": "rfid", "id_label": f"Card {tag}"}
    if kind == "Location":
        return {"name": en(f"Site {tag}"), "address": en(f"{tag} Main St"), "country": "BG", "city": "Sofia",
                "geoposition": {"latitude": 42.69, "longitude": 23.32}, "external_id": f"site-{tag}"}
    if kind == "ChargingZone":
        return {"location_id": parents["location_id"], "name": f"Zone {tag}", "status": "enabled"}
    if kind == "ChargePoint":
        return {"name": f"CP {tag}", "type": "public", "status": "enabled", "location_id": parents["location_id"],
                "communication_mode": "direct_ocpp", "network": {"id": f"NET-{tag}", "protocol": "ocpp 1.6"},
                "tags": ["reliability"]}
    if kind == "Evse":
        args = {"charge_point_id": parents["charge_point_id"], "network_id": tag, "physical_reference": f"P-{tag}",
                "current_type": "ac", "status": "enabled", "label": f"EVSE {tag}"}
        if parents.get("tariff_group_id") is not None:
            args["tariff_group_id"] = parents["tariff_group_id"]
        return args
    if kind == "Connector":
        return {"charge_point_id": parents["charge_point_id"], "evse_id": parents["evse_id"],
                "type": "type2", "format": "socket", "status": "enabled"}
    if kind == "Tariff":
        return {"name": f"Tariff {tag}", "type": "duration+energy",
                "pricing": {"price_per_kwh": 0.3, "price_period_in_minutes": 15, "price_per_period": 0.02}}
    if kind == "TariffGroup":
        args = {"name": f"Group {tag}"}
        if parents.get("tariff_ids") is not None:
            args["tariff_ids"] = [parents["tariff_ids"]]
        return args
    if kind == "Partner":
        return {"name": f"Partner {tag}", "external_id": f"partner-{tag}", "city": "Sofia", "country": "BG"}
    if kind == "UserGroup":
        args = {"name": f"Fleet {tag}", "external_id": f"fleet-{tag}", "description": "Fleet drivers"}
        if parents.get("partner_id") is not None:
            args["partner_id"] = parents["partner_id"]
        return args
    if kind == "Tax":
        return {"name": f"VAT {tag}", "percentage": 20}
    if kind == "Circuit":
        return {"name": f"Circuit {tag}", "phases": "three_phase", "phase_rotation": "RST", "max_current": 63}
    if kind == "CircuitChargePoint":
        return {"circuit_id": parents["circuit_id"], "charge_point_id": parents["charge_point_id"], "priority": 2}
    if kind == "Notification":
        return {"via": "webhook", "notifications": ["chargePoint.changed"],
                "webhook": {"callback_url": f"https://hooks.example.com/{tag}"}}
    if kind == "ConfigurationTemplate":
        return {"name": f"Template {tag}", "ocpp_version": "ocpp 1.6"}
    raise KeyError(kind)


def checked(kind: str, args: Mapping[str, Any]) -> dict[str, Any]:
    """Arguments through check, as the engine hands them to create; fails on any check failure."""
    inputs, failures = check_inputs(REGISTRY[kind], dict(args))
    assert not failures, failures
    return inputs


def make_client(url: str, token: str, *, attempts: int = 5, read_timeout: float = 10.0) -> AmpecoClient:
    """A client that computes its retry waits but sleeps none of them."""
    return AmpecoClient(url, token, retry=RetryPolicy(max_attempts=attempts).without_waiting(),
                        timeouts=Timeouts(read=read_timeout))


def create_parents(client: AmpecoClient, kind: str, tag: str = "p") -> dict[str, int]:
    """Create (with no faults active) every ancestor ``kind`` needs; returns the parent ids by argument."""
    made: dict[str, int] = {}

    def make(parent_kind: str) -> int:
        needs = {arg: make_cached(pk) for arg, pk in PARENTS[parent_kind]}
        object_id, _ = operations.create(REGISTRY[parent_kind], client,
                                         checked(parent_kind, sample_args(parent_kind, tag, **needs)))
        return int(object_id)

    cache: dict[str, int] = {}

    def make_cached(parent_kind: str) -> int:
        if parent_kind not in cache:
            cache[parent_kind] = make(parent_kind)
        return cache[parent_kind]

    for arg, parent_kind in PARENTS[kind]:
        made[arg] = make_cached(parent_kind)
    return made


class Admin:
    """The emulator's admin API (no token): faults, the request log and the state dump."""

    def __init__(self, url: str) -> None:
        self.url = url

    def faults(self, *rules: Mapping[str, Any], seed: int = 1) -> None:
        httpx.post(f"{self.url}/_emulator/faults", json={"seed": seed, "rules": list(rules)}).raise_for_status()

    def fault_counts(self) -> list[int]:
        """How often each active rule fired."""
        return [r["fired"] for r in httpx.get(f"{self.url}/_emulator/faults").raise_for_status().json()["rules"]]

    def clear_faults(self) -> None:
        httpx.delete(f"{self.url}/_emulator/faults").raise_for_status()

    def state(self) -> dict[str, list[dict[str, Any]]]:
        state: dict[str, list[dict[str, Any]]] = httpx.get(f"{self.url}/_emulator/state").raise_for_status().json()
        return state

    def load(self, state: Mapping[str, Any]) -> None:
        httpx.put(f"{self.url}/_emulator/state", json=dict(state)).raise_for_status()

    def requests(self, method: str | None = None, path: str | None = None) -> list[dict[str, Any]]:
        log = httpx.get(f"{self.url}/_emulator/requests").raise_for_status().json()["data"]
        return [r for r in log if (method is None or r["method"] == method)
                and (path is None or re.search(path, r["path"]))]

    def clear_log(self) -> None:
        httpx.delete(f"{self.url}/_emulator/requests").raise_for_status()

    def faulted(self) -> Counter[str]:
        """Requests answered by an injected fault, per fault kind (status faults by their status)."""
        counts: Counter[str] = Counter()
        for r in self.requests():
            if r["fault"] == "status":
                counts[f"status {r['status']}"] += 1
            elif r["fault"]:
                counts[r["fault"]] += 1
        return counts


def collection_regex(path: str) -> str:
    """A fault-rule path regex matching exactly this collection path (its POSTs and listings)."""
    return "^" + re.escape(path) + "$"


def declared_objects(state: Mapping[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """The tenant's objects a user can declare: without each tariff group's free base tariff, and
    with the circuits' charge points (memberships the emulator keeps on each circuit, by the
    charge point's id) as "circuit_charge_points"."""
    base = {g.get("_baseTariffId") for g in state["tariff_groups"]}
    out = {k: list(v) for k, v in state.items()}
    out["tariffs"] = [t for t in state["tariffs"] if t["id"] not in base]
    out["circuit_charge_points"] = [{**m, "circuitId": c["id"]} for c in state["circuits"]
                                    for m in c.get("_chargePoints") or []]
    return out
