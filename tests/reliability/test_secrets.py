"""The API token never leaves the provider's memory: a whole lifecycle (up, no-op preview, refresh,
update, adopt, failing calls under faults, destroy) with a recognisable token, then a search for it
in everything that is kept or shown: the pickled provider, every input and output the engine
recorded, everything the provider process printed (with DEBUG logging of the provider, httpx and
httpcore turned on), every error text, the exported YAML and the preview summary.
"""

from __future__ import annotations

import base64
import json
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pulumi_ampeco as ampeco
import pytest
from _harness import DeploymentError, Engine, ProviderError, ProviderProcess, serialize_provider
from _reliability_kit import Admin, en, make_client
from ampeco_emulator import EmulatorServer
from pulumi_ampeco._engine.provider import AmpecoProvider

TOKEN = "tok-SECRET-ab12cd34"
TOKEN_KEY = "ampeco:apiToken"
# Forms a leak could take: as is, in a header, base64'd (e.g. in a pickle), JSON-escaped.
FORMS = [TOKEN, f"Bearer {TOKEN}", base64.b64encode(TOKEN.encode()).decode(), json.dumps(TOKEN)[1:-1],
         TOKEN.encode().hex()]

SITECUSTOMIZE = textwrap.dedent("""
    import logging, sys
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    for name in ("pulumi_ampeco", "httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.DEBUG)
""")


class Collected:
    """Every text the lifecycle produced, by where it came from."""

    def __init__(self) -> None:
        self.texts: dict[str, list[str]] = {}

    def add(self, where: str, value: Any) -> None:
        text = value if isinstance(value, str) else json.dumps(value, default=repr, sort_keys=True)
        self.texts.setdefault(where, []).append(text)

    def add_state(self, engine: Engine, when: str) -> None:
        for entry in engine.state.values():
            self.add(f"state inputs ({when})", entry.inputs)
            self.add(f"state outputs ({when})", entry.outputs)
            for props in (entry.inputs, entry.outputs):
                blob = props.get("__provider")
                if isinstance(blob, str):
                    self.add("pickled provider", blob)
                    self.add("pickled provider (decoded)", base64.b64decode(blob).decode("latin-1"))

    def add_plan(self, engine: Engine) -> None:
        for plan in engine.history:
            self.add(f"{plan.operation} plan", plan.error or "")
            for step in plan.steps:
                self.add(f"{plan.operation} steps", [step.inputs, step.outputs, step.error, step.detail])

    def leaks(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for where, texts in self.texts.items():
            hits = sum(form in text for text in texts for form in FORMS)
            if hits:
                found[where] = hits
        return found

    def size(self) -> dict[str, int]:
        return {where: sum(len(t) for t in texts) for where, texts in self.texts.items()}


@pytest.fixture(scope="module")
def secret_tenant() -> Iterator[EmulatorServer]:
    with EmulatorServer(token=TOKEN, port=0) as server:
        yield server


@pytest.fixture
def process(tmp_path: Path) -> Iterator[ProviderProcess]:
    (tmp_path / "sitecustomize.py").write_text(SITECUSTOMIZE)
    with ProviderProcess(project="reliability", pythonpath=[tmp_path]) as started:
        yield started


def network(label: str = "Card 1") -> None:
    site = ampeco.Location("site", name=en("Depot"), address=en("1 Main St"), country="BG",
                           geoposition={"latitude": 42.69, "longitude": 23.32}, external_id="depot")
    ampeco.ChargingZone("zone", location_id=site.id, name="Staff", status="enabled")
    tariff = ampeco.Tariff("tariff", name="Standard", type="flat rate", pricing={"price_per_session": 2})
    group = ampeco.TariffGroup("group", name="Public", tariff_ids=[tariff.id])
    cp = ampeco.ChargePoint("cp", name="CP 1", type="public", status="enabled", location_id=site.id,
                            communication_mode="direct_ocpp",
                            network={"id": "NET-1", "protocol": "ocpp 1.6", "password": "ocpp-pass-77"})
    evse = ampeco.Evse("evse", charge_point_id=cp.id, network_id="1", physical_reference="P-1",
                       current_type="ac", status="enabled", tariff_group_id=group.id)
    ampeco.Connector("connector", charge_point_id=cp.id, evse_id=evse.id, type="type2", status="enabled")
    ampeco.IdTag("card", id_tag_uid="04AB0001", status="enabled", type="rfid", id_label=label)


def test_token_appears_nowhere_after_a_whole_lifecycle_with_failures(
        process: ProviderProcess, secret_tenant: EmulatorServer) -> None:
    admin = Admin(secret_tenant.url)
    httpx.post(f"{secret_tenant.url}/_emulator/reset").raise_for_status()
    config = {"ampeco:tenantUrl": secret_tenant.url, TOKEN_KEY: TOKEN, "ampeco:retryBackoffSeconds": "0.01"}
    engine = Engine(process, project="reliability", stack="dev", config=config, secret_config_keys=(TOKEN_KEY,))
    seen = Collected()

    # up through lost responses and a failing tenant, then a no-op preview, then refresh
    admin.faults({"fault": "reset_after", "methods": ["POST"], "probability": 0.5},
                 {"fault": "status", "status": 503, "retry_after": 0, "probability": 0.3}, seed=3)
    for _ in range(4):
        try:
            engine.up(network)
            break
        except DeploymentError as failed:
            seen.add("exception texts", str(failed))
    admin.clear_faults()
    seen.add_state(engine, "after up")
    assert engine.preview(network).changes() == []
    engine.refresh()
    seen.add_state(engine, "after refresh")

    # an update, and one the API refuses (a uid another tag has: 422)
    engine.up(lambda: network("Card 1b"))
    httpx.post(f"{secret_tenant.url}/public-api/resources/id-tags/v2.0",
               headers={"Authorization": f"Bearer {TOKEN}"},
               json={"idTagUid": "04FF0009", "status": "enabled", "type": "rfid"}).raise_for_status()

    def clashing() -> None:
        network("Card 1b")
        ampeco.IdTag("clash", id_tag_uid="04FF0009", status="disabled", type="rfid")

    with pytest.raises(DeploymentError) as refused:
        engine.up(clashing)
    assert "adopt_id=" in str(refused.value)
    seen.add("exception texts", str(refused.value))

    # errors straight from the gRPC server (the whole traceback text the engine would print)
    urn = "urn:pulumi:dev::reliability::pulumi-python:dynamic/ampeco:IdTag::direct"
    blob = serialize_provider(AmpecoProvider("IdTag"))
    inputs, _ = process.check(urn, {}, {"__provider": blob, "id_tag_uid": "04FF0009", "status": "enabled",
                                        "type": "rfid"})
    for rule in ({"fault": "status", "status": 500}, {"fault": "non_json"}, {"fault": "reset_before"}):
        admin.faults({**rule, "methods": ["POST", "GET"]})
        with pytest.raises(ProviderError) as direct:
            process.create(urn, inputs)
        seen.add("exception texts", direct.value.details)
    admin.clear_faults()

    # destroy under faults
    admin.faults({"fault": "status", "status": 503, "probability": 0.3}, seed=5)
    while engine.state:
        try:
            engine.destroy()
        except DeploymentError as failed:
            seen.add("exception texts", str(failed))
    admin.clear_faults()
    seen.add_plan(engine)
    seen.add("provider stdout/stderr", process.output)

    assert "DEBUG pulumi_ampeco" in process.output and "httpx: HTTP Request" in process.output  # logging was on
    assert seen.leaks() == {}, seen.leaks()
    assert all(seen.size()[w] > 0 for w in ("pickled provider", "state outputs (after up)", "exception texts"))


def test_pickled_provider_holds_only_its_class_and_kind() -> None:
    for kind in ("IdTag", "ChargePoint"):
        raw = base64.b64decode(serialize_provider(AmpecoProvider(kind)))
        assert len(raw) < 200
        assert b"pulumi_ampeco._engine.provider" in raw and b"AmpecoProvider" in raw and kind.encode() in raw
        assert b"http" not in raw and b"tok" not in raw


def test_exported_yaml_holds_no_token(secret_tenant: EmulatorServer) -> None:
    export = pytest.importorskip("pulumi_ampeco.export", reason="pulumi_ampeco.export is not built yet")
    httpx.post(f"{secret_tenant.url}/_emulator/reset").raise_for_status()
    with make_client(secret_tenant.url, TOKEN) as client:
        tag = client.create("/public-api/resources/id-tags/v2.0",
                            {"idTagUid": "04AB0001", "status": "enabled", "type": "rfid"})
        site = client.create("/public-api/resources/locations/v2.0", {
            "name": en("Depot"), "address": en("1 Main St"), "country": "BG",
            "geoposition": {"latitude": 42.69, "longitude": 23.32}, "externalId": "depot"})
        client.create("/public-api/resources/charge-points/v2.0", {
            "name": "CP 1", "type": "public", "status": "enabled", "locationId": site["id"],
            "network": {"id": "NET-1", "protocol": "ocpp 1.6", "password": "ocpp-pass-77"}})
        result = export.export_network(client, adopt=True)
    assert f"adopt_id: {tag['id']}" in result.text
    assert not [form for form in FORMS if form in result.text]
    assert "ocpp-pass-77" not in result.text  # a secret of the network itself becomes a config reference


def test_preview_summary_holds_no_token(process: ProviderProcess, secret_tenant: EmulatorServer) -> None:
    summary = pytest.importorskip("pulumi_ampeco.summary", reason="pulumi_ampeco.summary is not built yet")
    httpx.post(f"{secret_tenant.url}/_emulator/reset").raise_for_status()
    config = {"ampeco:tenantUrl": secret_tenant.url, TOKEN_KEY: TOKEN}
    engine = Engine(process, project="reliability", stack="dev", config=config, secret_config_keys=(TOKEN_KEY,))
    engine.up(network)
    plan = engine.preview(lambda: network("Card 2"))
    old = {e.urn: e for e in engine.state.values()}
    # As `pulumi preview --json` prints it, with the token as a plain (non-secret) config value: the
    # worst case of a user who forgot --secret. Diagnostics carry the provider's messages.
    digest = {
        "config": {"ampeco:tenantUrl": secret_tenant.url, TOKEN_KEY: TOKEN},
        "steps": [{"op": s.op, "urn": s.urn, "oldState": {"inputs": old[s.urn].inputs, "outputs": old[s.urn].outputs},
                   "newState": {"inputs": s.inputs or {}, "outputs": s.outputs or {}},
                   "diffReasons": s.changed_keys} for s in plan.steps if s.op != "same"],
        "diagnostics": [{"urn": "", "severity": "info", "message": f"configured tenant {secret_tenant.url}"}],
        "changeSummary": plan.ops(),
    }
    markdown = summary.render_markdown(summary.parse_preview(json.dumps(digest)))
    assert "card" in markdown.lower()
    assert not [form for form in FORMS if form in markdown]
