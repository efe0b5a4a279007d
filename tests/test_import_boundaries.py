"""What each layer may import: checked in a fresh interpreter, as click's test_light_imports does."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pulumi_ampeco
import pytest
from pulumi_ampeco._engine.kinds import KINDS

PACKAGE = Path(pulumi_ampeco.__file__).parent


def loaded_after(statement: str) -> set[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return set(json.loads(out))


def top_level(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_emulator_imports_neither_pulumi_nor_the_provider() -> None:
    loaded = top_level(loaded_after("import ampeco_emulator, ampeco_emulator.app"))
    assert "pulumi" not in loaded and "pulumi_ampeco" not in loaded


def imports_in(folder: Path) -> set[str]:
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
    return found


@pytest.mark.parametrize("layer", ["client", "specs"])
def test_client_and_specs_import_no_pulumi_and_nothing_above_them(layer: str) -> None:
    imported = imports_in(PACKAGE / layer)
    assert not {m for m in imported if m == "pulumi" or m.startswith("pulumi.")}
    ours = {m for m in imported if m.startswith("pulumi_ampeco")}
    allowed = ("pulumi_ampeco.errors", "pulumi_ampeco._reserved", f"pulumi_ampeco.{layer}")  # both import nothing
    assert all(m.startswith(allowed) for m in ours), ours


def test_importing_the_package_does_not_load_cli_or_emulator_libraries() -> None:
    loaded = top_level(loaded_after("import pulumi_ampeco"))
    assert not loaded & {"starlette", "uvicorn", "ampeco_emulator"}
    assert "pulumi_ampeco.cli" not in loaded_after("import pulumi_ampeco")


PROGRAM = """
import pulumi

registered = []


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args):
        registered.append((args.typ, sorted(k for k, v in args.inputs.items() if v is not None)))
        return f"{args.name}-id", dict(args.inputs)

    def call(self, args):
        return {}, None


pulumi.runtime.set_mocks(Mocks(), preview=False)
import pulumi_ampeco as ampeco


@pulumi.runtime.test
def program():
    site = ampeco.Location("site", name=[{"locale": "en", "translation": "Depot"}], country="BG")
    ampeco.ChargingZone("zone", location_id=site.id, name="Staff", status="enabled")
    day = ampeco.Tariff("day", name="Standard", type="energy")
    group = ampeco.TariffGroup("group", name="Public", tariff_ids=[day.id])
    cp = ampeco.ChargePoint("cp", name="CP 1", type="public", status="enabled", location_id=site.id,
                            communication_mode="direct_ocpp", pin="1234")
    evse = ampeco.Evse("evse", charge_point_id=cp.id, network_id="1", tariff_group_id=group.id)
    ampeco.Connector("plug", charge_point_id=cp.id, evse_id=evse.id, type="type2")
    tag = ampeco.IdTag("tag", id_tag_uid="04A1", status="enabled", type="rfid")
    partner = ampeco.Partner("partner", name="Acme")
    ampeco.UserGroup("users", name="Fleet", partner_id=partner.id)
    ampeco.Tax("tax", name="VAT", percentage=20)
    circuit = ampeco.Circuit("circuit", name="Main", phases="three_phase", max_current=63)
    ampeco.CircuitChargePoint("member", circuit_id=circuit.id, charge_point_id=cp.id)
    ampeco.Notification("hook", via="webhook", notifications=["chargePoint.changed"],
                        webhook={"callback_url": "https://hooks.example.com"})
    ampeco.ConfigurationTemplate("template", name="T", ocpp_version="ocpp 1.6",
                                 variables=[{"key_name": "HeartbeatInterval", "value": "300"}])
    ampeco.IdTagSet("fleet", tags={"04B1": {"status": "enabled", "type": "rfid"}}, csv=CARDS)
    return pulumi.Output.all(cp.pin, tag.id_tag_uid)


program()
print(json.dumps({"modules": sorted(sys.modules), "registered": registered}))
"""


def test_a_program_constructing_every_resource_loads_neither_pydantic_nor_the_specs(tmp_path: Path) -> None:
    # The program pays only for pulumi: field names come from constants in the generated modules,
    # and AmpecoProvider checks its kind against a plain tuple (pulumi_ampeco._engine.kinds); a
    # set's CSV is read with the standard library.
    cards = tmp_path / "cards.csv"
    cards.write_text("id_tag_uid,status,type\n04B2,enabled,rfid\n")
    code = f"import sys, json\nCARDS = {str(cards)!r}\n" + PROGRAM
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    loaded = set(result["modules"])
    assert sorted(typ for typ, _ in result["registered"]) == [
        f"pulumi-python:dynamic/ampeco:{kind}" for kind in sorted(KINDS)
    ]
    assert "pydantic" not in top_level(loaded)
    assert not {m for m in loaded if m == "pulumi_ampeco.specs" or m.startswith("pulumi_ampeco.specs.")}
    assert not loaded & {"pulumi_ampeco.specs._schema", "pulumi_ampeco._engine.check", "httpx"}


SPEC_ROUND = """
sys.path.insert(0, {tests!r})
import httpx
from test_spec_file import network
from pulumi_ampeco.client import AmpecoClient
from pulumi_ampeco.export import export_network
from pulumi_ampeco.network import dump, load

spec = load(network())  # every kind of the spec, with references, nesting and a secret
text = dump(network())
LISTINGS = {{
    "/public-api/resources/locations/v2.0": [{{"id": 1, "name": [{{"locale": "en", "translation": "Depot"}}],
        "address": [{{"locale": "en", "translation": "1 Main St"}}], "country": "BG",
        "geoposition": {{"latitude": 42.7, "longitude": 23.3}}}}],
    "/public-api/resources/id-tags/v2.0": [{{"id": 2, "idTagUid": "04A1", "status": "enabled", "type": "rfid"}}],
}}
transport = httpx.MockTransport(lambda request: httpx.Response(200, json={{"data": LISTINGS.get(request.url.path, [])}}))
with AmpecoClient("https://tenant.example", "t" * 20, transport=transport) as client:
    exported = export_network(client)
assert "depot" in exported.text and exported.objects == 2, exported.text
"""


def test_reading_writing_and_exporting_a_network_spec_load_neither_pulumi_nor_grpc() -> None:
    # A YAML spec is read in CI jobs and by `pulumi-ampeco export`: they pay for pydantic, not the engine.
    loaded = top_level(loaded_after(SPEC_ROUND.format(tests=str(Path(__file__).parent))))
    assert "pydantic" in loaded  # the check ran
    assert not loaded & {"pulumi", "grpc", "google", "dill"}
