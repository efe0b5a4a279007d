"""The benchmark's tenant: the emulator in its own process, its admin API, and bulk seeding.

The emulator runs as ``python -m ampeco_emulator`` in a separate process, so that on a small
machine it does not share the benchmark's GIL: what is timed on this side is the client's own
work plus the wait for a real loopback round trip.
"""

from __future__ import annotations

import copy
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpx
from pulumi_ampeco.specs import REGISTRY

TOKEN = "bench-token-3c9d"


class Tenant:
    """A running emulator process and an admin/bare-API client for it."""

    def __init__(self, url: str, proc: subprocess.Popen[str]) -> None:
        self.url = url
        self.token = TOKEN
        self.proc = proc
        self.admin = httpx.Client(base_url=url, timeout=120)
        self.api = httpx.Client(base_url=url, timeout=60,
                                headers={"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"})

    @property
    def config(self) -> dict[str, str]:
        return {"ampeco:tenantUrl": self.url, "ampeco:apiToken": self.token}

    def reset(self) -> None:
        self.admin.post("/_emulator/reset").raise_for_status()

    def clear_log(self) -> None:
        self.admin.delete("/_emulator/requests").raise_for_status()

    def requests(self) -> list[dict[str, Any]]:
        data: list[dict[str, Any]] = self.admin.get("/_emulator/requests").json()["data"]
        return data

    def load_state(self, dump: Mapping[str, Any]) -> None:
        self.admin.put("/_emulator/state", json=dump).raise_for_status()

    def state(self) -> dict[str, list[dict[str, Any]]]:
        state: dict[str, list[dict[str, Any]]] = self.admin.get("/_emulator/state").json()
        return state

    def create(self, path: str, body: Mapping[str, Any]) -> dict[str, Any]:
        response = self.api.post(path, json=body)
        response.raise_for_status()
        data: dict[str, Any] = response.json()["data"]
        return data

    def close(self) -> None:
        self.admin.close()
        self.api.close()


@contextmanager
def running_tenant() -> Iterator[Tenant]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "ampeco_emulator", "--port", "0", "--token", TOKEN],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        found = re.search(r"http://\S+", line)
        if not found:
            raise RuntimeError(f"the emulator did not start: {line!r}")
        tenant = Tenant(found.group(0), proc)
        try:
            yield tenant
        finally:
            tenant.close()
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


# --- which resource a request was for ------------------------------------------------------


def _path_pattern(collection: str) -> re.Pattern[str]:
    parts = re.split(r"\{[a-z_]+\}", collection)
    return re.compile(r"\d+".join(re.escape(p) for p in parts) + r"(/\d+)?")


_PATTERNS = {kind: _path_pattern(spec.collection) for kind, spec in REGISTRY.items()}


def kind_of(path: str) -> str | None:
    for kind, pattern in _PATTERNS.items():
        if pattern.fullmatch(path):
            return kind
    return None


def calls_by_kind(log: list[dict[str, Any]]) -> Counter[str]:
    return Counter(k for k in (kind_of(r["path"]) for r in log) if k is not None)


def pages_by_kind(log: list[dict[str, Any]]) -> Counter[str]:
    """Listing requests (GET on a collection path) per resource kind."""
    out: Counter[str] = Counter()
    for r in log:
        kind = kind_of(r["path"])
        if kind is not None and r["method"] == "GET" and not re.search(r"/\d+$", r["path"]):
            out[kind] += 1
    return out


# --- a big tenant, loaded in one request ---------------------------------------------------


def seed_big_tenant(tenant: Tenant, id_tags: int, charge_points: int) -> None:
    """``id_tags`` id tags and ``charge_points`` charge points at one location, via PUT /_emulator/state.

    One object of each kind is created through the API, so the stored shape is the emulator's
    own; the rest are copies with their own ids and unique keys.
    """
    tenant.reset()
    loc = tenant.create("/public-api/resources/locations/v2.0", {
        "name": [{"locale": "en", "translation": "Depot"}], "address": [{"locale": "en", "translation": "1 Main St"}],
        "country": "BG", "geoposition": {"latitude": 42.69, "longitude": 23.32}, "externalId": "depot"})
    tenant.create("/public-api/resources/charge-points/v2.0", {
        "name": "CP", "type": "public", "status": "enabled", "locationId": loc["id"],
        "network": {"id": "TEMPLATE", "protocol": "ocpp 1.6"}, "tags": ["bench"]})
    tenant.create("/public-api/resources/id-tags/v2.0", {
        "idTagUid": "TEMPLATE", "status": "enabled", "type": "rfid", "idLabel": "Card"})
    dump = tenant.state()
    tag_template, cp_template = dump["id_tags"][0], dump["charge_points"][0]
    tags = []
    for i in range(1, id_tags + 1):
        tag = dict(tag_template, id=i, idTagUid=f"04{i:010X}", idLabel=f"Card {i}")
        tags.append(tag)
    cps = []
    for i in range(1, charge_points + 1):
        cp = copy.deepcopy(cp_template)
        cp.update(id=i, name=f"Depot {i}", sharingCode=f"S{i:07d}")
        cp["network"]["id"] = f"DEPOT-{i:05d}"
        cps.append(cp)
    dump["id_tags"], dump["charge_points"] = tags, cps
    tenant.load_state(dump)
