"""`pulumi-ampeco export`: a tenant's network as a YAML spec, through CliRunner against the emulator."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from ampeco_emulator import EmulatorServer
from click.testing import CliRunner, Result
from pulumi_ampeco.cli import main
from pulumi_ampeco.client import AmpecoClient
from pulumi_ampeco.export import export_network
from pulumi_ampeco.network import load, write
from test_clone_round_trip import seed_network

TARIFFS = "/public-api/resources/tariffs/v1.0"
GROUPS = "/public-api/resources/tariff-groups/v1.0"
ID_TAGS = "/public-api/resources/id-tags/v2.0"
CHARGE_POINTS = "/public-api/resources/charge-points/v2.0"
LOCATIONS = "/public-api/resources/locations/v2.0"


@pytest.fixture(autouse=True)
def _token(emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AMPECO_API_TOKEN", emulator.token)


def run(*args: str, url: str | None = None, input: str | None = None, **env: str | None) -> Result:
    """``export ARGS`` with the token from the environment; ``token=None`` removes it, ``token=x`` sets it."""
    environment = {"AMPECO_TENANT_URL": url}
    if "token" in env:
        environment["AMPECO_API_TOKEN"] = env["token"]
    return CliRunner().invoke(main, ["export", *args], env=environment, input=input)


def post(tenant: EmulatorServer, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = httpx.post(f"{tenant.url}{path}", json=body, headers={"Authorization": f"Bearer {tenant.token}"})
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def small_network(tenant: EmulatorServer) -> dict[str, Any]:
    loc = post(tenant, LOCATIONS, {"name": [{"locale": "en", "translation": "Depot"}],
                                   "address": [{"locale": "en", "translation": "1 Main St"}], "country": "BG",
                                   "geoposition": {"latitude": 42.7, "longitude": 23.3}, "externalId": "depot"})
    ac = post(tenant, TARIFFS, {"name": "Standard AC", "type": "duration+energy", "pricing": {"pricePerKwh": 0.32}})
    group = post(tenant, GROUPS, {"name": "Public", "tariffIds": [ac["id"]]})
    cp = post(tenant, CHARGE_POINTS, {"name": "CP 1", "type": "public", "status": "enabled", "locationId": loc["id"],
                                      "network": {"id": "CP-1", "protocol": "ocpp 1.6", "password": "hunter2-ocpp"},
                                      "capabilities": ["meter_values", "display_messages"]})
    evse = post(tenant, f"{CHARGE_POINTS}/{cp['id']}/evses", {"networkId": "1", "physicalReference": "P1",
                                                              "currentType": "ac", "status": "enabled",
                                                              "tariffGroupId": group["id"]})
    post(tenant, f"{CHARGE_POINTS}/{cp['id']}/evses/{evse['id']}/connectors", {"type": "type2"})
    post(tenant, ID_TAGS, {"idTagUid": "04A1", "status": "enabled", "type": "rfid", "paymentMethodId": "auto"})
    return {"location": loc, "tariff": ac, "group": group, "charge_point": cp}


def requests_log(tenant: EmulatorServer) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = httpx.get(f"{tenant.url}/_emulator/requests").json()["data"]
    return data


def test_export_twice_writes_identical_bytes(tenant: EmulatorServer, tmp_path: Path) -> None:
    seed_network(tenant)
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert run("--tenant-url", tenant.url, "--out", str(first)).exit_code == 0
    assert run("--tenant-url", tenant.url, "--out", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert len(load(first).objects) == 77  # the seeded objects; the tenant's default tariff group is its own


@pytest.mark.parametrize("adopt", [False, True])
def test_export_writes_the_objects_the_parser_reads_back(tenant: EmulatorServer, tmp_path: Path,
                                                          adopt: bool) -> None:
    """Export builds the parser's own objects and writes them with the spec's one writer."""
    seed_network(tenant)
    with AmpecoClient(tenant.url, tenant.token) as client:
        result = export_network(client, adopt=adopt)
    path = tmp_path / "network.yaml"
    path.write_text(result.text, encoding="utf-8")
    parsed = load(path)
    assert result.spec is not None
    assert list(parsed.objects) == list(result.spec.objects)
    assert parsed.objects == result.spec.objects
    body = write(parsed)
    assert result.text.endswith(body) and all(line.startswith("#") for line in result.text[:-len(body)].splitlines())


def test_export_names_and_order_do_not_depend_on_creation_order(tenant: EmulatorServer) -> None:
    """Two tariffs named alike and two cards whose uids slug alike, created in either order."""
    tariffs = [{"name": "Standard", "type": "duration+energy", "pricing": {"pricePerKwh": 0.40}},
               {"name": "Standard", "type": "duration+energy", "pricing": {"pricePerKwh": 0.30}},
               {"name": "Night", "type": "free"}]
    tags = [{"idTagUid": "04AB", "status": "enabled", "type": "rfid"},
            {"idTagUid": "04ab", "status": "disabled", "type": "rfid"}]

    def export_after(order: Callable[[list[Any]], list[Any]]) -> str:
        httpx.post(f"{tenant.url}/_emulator/reset").raise_for_status()
        made = [post(tenant, TARIFFS, t) for t in order(tariffs)]
        post(tenant, GROUPS, {"name": "Mixed", "tariffIds": [t["id"] for t in made if t["name"] == "Standard"]})
        for tag in order(tags):
            post(tenant, ID_TAGS, tag)
        result = run("--tenant-url", tenant.url)
        assert result.exit_code == 0, result.output
        return result.stdout

    forward, backward = export_after(list), export_after(lambda items: items[::-1])
    spec = yaml.safe_load(forward)
    assert list(spec["tariffs"]) == ["night", "standard", "standard-2"]
    assert list(spec["id_tags"]) == ["04ab", "04ab-2"]
    assert forward.split("tariff_groups")[0] == backward.split("tariff_groups")[0]
    assert spec["tariff_groups"]["mixed"]["tariffs"] in (["standard", "standard-2"], ["standard-2", "standard"])


def test_secrets_are_written_as_config_references_and_their_keys_listed(tenant: EmulatorServer) -> None:
    small_network(tenant)
    result = run("--tenant-url", tenant.url)
    assert result.exit_code == 0
    assert "hunter2-ocpp" not in result.stdout and "hunter2-ocpp" not in result.stderr
    spec = yaml.safe_load(result.stdout)
    assert spec["charge_points"]["cp-1"]["network"]["password"] == {"config": "cp-1-network-password"}
    assert "pulumi config set --secret cp-1-network-password <value>" in result.stderr
    assert "#   pulumi config set --secret cp-1-network-password <value>" in result.stdout


def test_base_tariffs_computed_fields_and_server_values_are_left_out(tenant: EmulatorServer) -> None:
    made = small_network(tenant)
    group = httpx.get(f"{tenant.url}{GROUPS}/{made['group']['id']}",
                      headers={"Authorization": f"Bearer {tenant.token}"}).json()["data"]
    assert len(group["tariffIds"]) == 2  # the free base tariff AMPECO put in front, then ours
    spec = yaml.safe_load(run("--tenant-url", tenant.url).stdout)
    assert list(spec["tariffs"]) == ["standard-ac"]
    assert spec["tariff_groups"] == {"public": {"name": "Public", "tariffs": ["standard-ac"]}}
    cp = spec["charge_points"]["cp-1"]
    assert cp == {
        "name": "CP 1", "type": "public", "status": "enabled", "communication_mode": "direct_ocpp",
        "location": "depot", "network": {"id": "CP-1", "protocol": "ocpp 1.6",
                                         "password": {"config": "cp-1-network-password"}},
        "capabilities": ["meter_values"],
        "evses": {"1": {"network_id": "1", "physical_reference": "P1", "current_type": "ac", "status": "enabled",
                        "tariff_group": "public", "connectors": {"type2": {"type": "type2"}}}},
    }  # no sharing_code, managed_by_operator, security, tags, statuses, timestamps, ids
    assert spec["id_tags"] == {"04a1": {"id_tag_uid": "04A1", "status": "enabled", "type": "rfid"}}


def test_adopt_records_every_objects_id_first(tenant: EmulatorServer) -> None:
    made = small_network(tenant)
    spec = yaml.safe_load(run("--tenant-url", tenant.url, "--adopt").stdout)
    cp = spec["charge_points"]["cp-1"]
    assert next(iter(cp)) == "adopt_id" and cp["adopt_id"] == made["charge_point"]["id"]
    assert spec["charge_points"]["cp-1"]["evses"]["1"]["connectors"]["type2"]["adopt_id"] >= 1
    assert spec["locations"]["depot"]["adopt_id"] == made["location"]["id"]


def test_each_collection_is_listed_once_with_100_per_page_and_children_per_parent(tenant: EmulatorServer) -> None:
    made = small_network(tenant)
    httpx.delete(f"{tenant.url}/_emulator/requests").raise_for_status()
    assert run("--tenant-url", tenant.url).exit_code == 0
    log = requests_log(tenant)
    assert {r["method"] for r in log} == {"GET"}
    assert all("per_page=100" in r["query"] for r in log)
    cp = made["charge_point"]["id"]
    paths = sorted(r["path"] for r in log)
    assert paths == sorted([
        LOCATIONS, f"{LOCATIONS}/{made['location']['id']}/charging-zones", TARIFFS, GROUPS, CHARGE_POINTS,
        f"{CHARGE_POINTS}/{cp}/evses", f"{CHARGE_POINTS}/{cp}/evses/1/connectors", ID_TAGS,
        # kinds the small network has none of: one empty listing each
        "/public-api/resources/partners/v2.0", "/public-api/resources/user-groups/v1.0",
        "/public-api/resources/taxes/v2.0", "/public-api/resources/circuits/v2.0", "/public-api/notifications/v2.0",
        "/public-api/resources/configuration-templates/v1.0",
    ])


def test_types_limit_the_export_and_bring_what_they_refer_to(tenant: EmulatorServer) -> None:
    small_network(tenant)
    result = run("--tenant-url", tenant.url, "--types", "evse")
    assert result.exit_code == 0, result.output
    spec = yaml.safe_load(result.stdout)
    assert list(spec) == ["locations", "tariffs", "tariff_groups", "charge_points"]
    assert "connectors" not in spec["charge_points"]["cp-1"]["evses"]["1"]
    # what an EVSE refers to, and what those refer to (a charge point's partner, a tariff's tax, ...)
    assert ("Also exporting charge_point, charging_zone, location, partner, tariff, tariff_group, tax, user_group"
            in result.stderr)
    only_tags = yaml.safe_load(run("--tenant-url", tenant.url, "--types", "id_tag").stdout)
    assert list(only_tags) == ["id_tags"]


def test_token_is_asked_for_hidden_when_not_in_the_environment(
        tenant: EmulatorServer, monkeypatch: pytest.MonkeyPatch) -> None:
    small_network(tenant)
    monkeypatch.setattr("pulumi_ampeco.cli.export._has_terminal", lambda: True)
    result = run("--tenant-url", tenant.url, token=None, input=f"{tenant.token}\n")
    assert result.exit_code == 0, result.output
    assert tenant.token not in result.output and "AMPECO API token" in result.stderr


def test_no_token_and_no_terminal_fails_in_one_line_without_asking(tenant: EmulatorServer) -> None:
    result = run("--tenant-url", tenant.url, token=None, input="")
    assert result.exit_code == 1
    assert result.stderr == "Error: no API token: set AMPECO_API_TOKEN (there is no terminal to ask for it on)\n"


def test_no_token_in_a_real_pipe_gives_no_getpass_warning(tenant: EmulatorServer) -> None:
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "AMPECO_API_TOKEN"}
    done = subprocess.run([sys.executable, "-c", "from pulumi_ampeco.cli import main; main()", "export",
                           "--tenant-url", tenant.url],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Error: no API token: set AMPECO_API_TOKEN (there is no terminal to ask for it on)"]


def test_tenant_url_comes_from_the_environment(tenant: EmulatorServer) -> None:
    small_network(tenant)
    assert run(url=tenant.url).exit_code == 0


def test_progress_is_not_drawn_when_not_on_a_terminal(tenant: EmulatorServer) -> None:
    small_network(tenant)
    result = run("--tenant-url", tenant.url, "--out", "-")
    assert result.stderr.splitlines()[0].startswith("Exported 7 objects (14 requests, ")
    assert "\r" not in result.stderr and "\x1b" not in result.stderr


def test_missing_tenant_url_is_a_usage_error() -> None:
    result = run()
    assert result.exit_code == 2 and "Missing option '--tenant-url'" in result.stderr


def test_unknown_type_is_a_usage_error() -> None:
    result = run("--tenant-url", "http://127.0.0.1:9", "--types", "location,charger")
    assert result.exit_code == 2 and "charger: types are id_tag, location" in result.stderr


def test_token_flag_does_not_exist() -> None:
    assert run("--tenant-url", "http://127.0.0.1:9", "--token", "t").exit_code == 2


@pytest.mark.parametrize(("url", "token", "message"), [
    ("ftp://example", None, "Error: --tenant-url must start with https://"),
    ("http://127.0.0.1:{port}", "wrong-token", "Error: export of http://127.0.0.1:{port} failed: GET "),
    ("http://127.0.0.1:1", None, "Error: export of http://127.0.0.1:1 failed: GET "),
])
def test_expected_failures_print_one_line_and_exit_1(tenant: EmulatorServer, url: str, token: str | None,
                                                      message: str) -> None:
    port = tenant.url.rsplit(":", 1)[1]
    result = run("--tenant-url", url.format(port=port), token=token or tenant.token)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(message.format(port=port)) and result.stderr.count("\n") == 1
    assert "wrong-token" not in result.stderr


def test_failed_export_leaves_no_file_behind(tmp_path: Path) -> None:
    out = tmp_path / "network.yaml"
    result = run("--tenant-url", "http://127.0.0.1:1", "--out", str(out))
    assert result.exit_code == 1 and list(tmp_path.iterdir()) == []


def test_a_write_that_fails_half_way_keeps_the_previous_file_whole(
        tenant: EmulatorServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk that fills up mid-write: the file being replaced stays as it was, no scrap is left."""
    small_network(tenant)
    out = tmp_path / "network.yaml"
    out.write_text("# last week's export\n")
    real_write_text = Path.write_text

    def disk_full(self: Path, data: str, *args: Any, **kwargs: Any) -> int:
        real_write_text(self, data[: len(data) // 2], *args, **kwargs)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", disk_full)
    result = run("--out", str(out), url=tenant.url)
    assert result.exit_code == 1 and "No space left on device" in result.output
    assert out.read_text() == "# last week's export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["network.yaml"]
