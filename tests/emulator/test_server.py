"""Starting the emulator: EmulatorServer, the state file, ``python -m`` and ``pulumi-ampeco emulator``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
from _emulator_kit import ID_TAGS, id_tag_body
from ampeco_emulator import EmulatorServer, create_app

TOKEN = "server-test-token"
HEADERS = {"Authorization": f"Bearer {TOKEN}"}


def test_server_binds_a_free_port_and_stops() -> None:
    with EmulatorServer(token=TOKEN) as server:
        assert server.url.startswith("http://127.0.0.1:")
        assert server.token == TOKEN
        assert httpx.get(f"{server.url}{ID_TAGS}", headers=HEADERS).status_code == 200
        url = server.url
    try:
        httpx.get(f"{url}{ID_TAGS}", headers=HEADERS, timeout=1)
    except httpx.TransportError:
        pass
    else:
        raise AssertionError("the server still answers after stop()")


def test_create_app_returns_an_asgi_app() -> None:
    app = create_app("t")
    assert app.state.emulator.token == "t"


def test_state_file_persists_across_restart(tmp_path: Path) -> None:
    state = tmp_path / "tenant.json"
    with EmulatorServer(token=TOKEN, state_file=state) as server:
        created = httpx.post(
            f"{server.url}{ID_TAGS}", json=id_tag_body(idTagUid="KEEP"), headers=HEADERS
        ).json()
    assert json.loads(state.read_text())["id_tags"][0]["idTagUid"] == "KEEP"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    with EmulatorServer(token=TOKEN, state_file=state) as server:
        read = httpx.get(f"{server.url}{ID_TAGS}/{created['data']['id']}", headers=HEADERS)
        assert read.json() == created
        again = httpx.post(f"{server.url}{ID_TAGS}", json=id_tag_body(idTagUid="KEEP"), headers=HEADERS)
        assert again.status_code == 422
        nxt = httpx.post(f"{server.url}{ID_TAGS}", json=id_tag_body(), headers=HEADERS).json()["data"]
        assert nxt["id"] == created["data"]["id"] + 1


def _run_until_ready(args: list[str]) -> tuple[subprocess.Popen[str], str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMPECO_")}
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()  # one line with the URL when ready
    return proc, line.strip().split()[-1]


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.communicate(timeout=10)  # waits, and closes the pipes
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise


def test_python_m_ampeco_emulator_serves(tmp_path: Path) -> None:
    state = tmp_path / "s.json"
    proc, url = _run_until_ready(
        [sys.executable, "-m", "ampeco_emulator", "--port", "0", "--token", TOKEN, "--state-file", str(state)]
    )
    try:
        assert url.startswith("http://127.0.0.1:")
        assert httpx.post(f"{url}{ID_TAGS}", json=id_tag_body(), headers=HEADERS).status_code == 201
    finally:
        _stop(proc)
    assert proc.returncode == 0
    assert state.exists()


def test_cli_emulator_command_starts_a_server() -> None:
    code = "from pulumi_ampeco.cli import main; main()"
    proc, url = _run_until_ready([sys.executable, "-c", code, "emulator", "--port", "0", "--token", TOKEN])
    try:
        assert httpx.get(f"{url}{ID_TAGS}", headers=HEADERS).status_code == 200
        assert httpx.get(f"{url}{ID_TAGS}").status_code == 401
    finally:
        _stop(proc)
    assert proc.returncode == 0


def test_cli_emulator_requires_a_token() -> None:
    from click.testing import CliRunner
    from pulumi_ampeco.cli import main

    result = CliRunner().invoke(main, ["emulator", "--port", "0"], env={"AMPECO_API_TOKEN": None})
    assert result.exit_code == 2
    assert "--token" in result.output
