"""Export names that do not move: re-exporting over a spec keeps every object's logical name, so a
sequence of exports across creates, renames and deletes gives minimal, truthful git diffs."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from ampeco_emulator import EmulatorServer
from click.testing import CliRunner
from pulumi_ampeco.cli import main

LOCATIONS = "/public-api/resources/locations/v2.0"
TARIFFS = "/public-api/resources/tariffs/v1.0"
GROUPS = "/public-api/resources/tariff-groups/v1.0"
CHARGE_POINTS = "/public-api/resources/charge-points/v2.0"
ID_TAGS = "/public-api/resources/id-tags/v2.0"


class Tenant:
    def __init__(self, server: EmulatorServer) -> None:
        self.http = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {server.token}"})

    def send(self, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.http.request(method, path, json=body)
        assert response.status_code < 300, response.text
        return response.json()["data"] if response.content else {}

    def location(self, name: str, city: str) -> dict[str, Any]:
        return self.send("POST", LOCATIONS, {
            "name": [{"locale": "en", "translation": name}], "address": [{"locale": "en", "translation": "1 Main"}],
            "city": city, "country": "BG", "geoposition": {"latitude": 42.7, "longitude": 23.3}})


def export(tenant: EmulatorServer, out: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["export", "--tenant-url", tenant.url, "--out", str(out), *args],
                                env={"AMPECO_API_TOKEN": tenant.token})
    assert result.exit_code == 0, result.output
    return out.read_text()


def git_diff(old: str, new: str, tmp_path: Path) -> tuple[list[str], list[str]]:
    """(removed lines, added lines) of `git diff --no-index` between two versions of the file."""
    (tmp_path / "old.yaml").write_text(old)
    (tmp_path / "new.yaml").write_text(new)
    done = subprocess.run(["git", "diff", "--no-index", "-U0", "old.yaml", "new.yaml"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if not line.startswith(("---", "+++", "@@", "diff", "index"))]
    return [line[1:] for line in lines if line.startswith("-")], [line[1:] for line in lines if line.startswith("+")]


@pytest.fixture
def api(tenant: EmulatorServer) -> Iterator[Tenant]:
    back_office = Tenant(tenant)
    yield back_office
    back_office.http.close()


def test_exports_across_creates_renames_and_deletes_give_minimal_truthful_diffs(
        tenant: EmulatorServer, api: Tenant, tmp_path: Path) -> None:
    spec = tmp_path / "network.yaml"
    sofia, plovdiv = api.location("Hub", "Sofia"), api.location("Hub", "Plovdiv")
    cp = api.send("POST", CHARGE_POINTS, {"name": "CP", "type": "public", "status": "enabled",
                                          "locationId": sofia["id"], "externalId": "cp-ext",
                                          "network": {"id": "CP-1", "protocol": "ocpp 1.6"}})
    v1 = export(tenant, spec)
    # same names, ordered by content: Plovdiv's is "hub", Sofia's "hub-2"
    assert "  hub:\n" in v1 and "    city: Plovdiv" in v1.split("  hub-2:")[0]
    assert "    location: hub-2" in v1

    # Deleting the first of two same-named siblings: its block goes; the other keeps its name "hub-2"
    # (named from scratch it would become "hub": an update of the wrong object and a delete).
    api.send("DELETE", f"{LOCATIONS}/{plovdiv['id']}")
    v2 = export(tenant, spec)
    removed, added = git_diff(v1, v2, tmp_path)
    assert added == [] and "  hub:" in removed and "    city: Plovdiv" in removed
    assert "  hub-2:" in v2 and "    location: hub-2" in v2

    # What a name is made of changes (the charge point's network id), its natural key does not:
    # one line changes, the logical name and every reference to it stay.
    api.send("PATCH", f"{CHARGE_POINTS}/{cp['id']}", {"network": {"id": "CP-9", "protocol": "ocpp 1.6"}})
    v3 = export(tenant, spec)
    assert git_diff(v2, v3, tmp_path) == (["      id: CP-1"], ["      id: CP-9"])

    # A new object: only added lines, under a name no other object had.
    api.send("POST", ID_TAGS, {"idTagUid": "04A1", "status": "enabled", "type": "rfid"})
    v4 = export(tenant, spec)
    removed, added = git_diff(v3, v4, tmp_path)
    assert removed == [] and added == ["id_tags:", "  04a1:", "    id_tag_uid: 04A1", "    status: enabled",
                                       "    type: rfid"]

    # A new "Hub" never takes the name of the one still in the file.
    api.location("Hub", "Varna")
    v5 = export(tenant, spec)
    removed, added = git_diff(v4, v5, tmp_path)
    assert removed == [] and "    city: Varna" in added and "  hub-2:" not in added

    # Exporting again changes nothing; --fresh-names names as a first export would.
    assert export(tenant, spec) == v5
    spec.write_text(v5)
    assert export(tenant, spec, "--fresh-names") == export(tenant, tmp_path / "first.yaml")


def test_renamed_objects_keep_their_names_when_the_spec_records_ids(
        tenant: EmulatorServer, api: Tenant, tmp_path: Path) -> None:
    spec = tmp_path / "network.yaml"
    standard = api.send("POST", TARIFFS, {"name": "Standard", "type": "free"})
    api.send("POST", GROUPS, {"name": "Public", "tariffIds": [standard["id"]]})
    v1 = export(tenant, spec, "--adopt")
    api.send("PUT", f"{TARIFFS}/{standard['id']}", {"name": "Standard 2027", "type": "free"})
    v2 = export(tenant, spec, "--adopt")
    assert git_diff(v1, v2, tmp_path) == (["    name: Standard"], ["    name: Standard 2027"])
    assert "    tariffs:\n    - standard\n" in v2


def test_a_spec_that_cannot_be_read_is_named_anew_with_a_warning(
        tenant: EmulatorServer, api: Tenant, tmp_path: Path) -> None:
    spec = tmp_path / "network.yaml"
    spec.write_text("locations: [not, a, mapping]\n")
    api.location("Hub", "Sofia")
    result = CliRunner().invoke(main, ["export", "--tenant-url", tenant.url, "--out", str(spec)],
                                env={"AMPECO_API_TOKEN": tenant.token})
    assert result.exit_code == 0 and "Warning: names are given anew" in result.stderr
    assert "  hub:" in spec.read_text()
