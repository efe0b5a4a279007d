"""``pulumi-ampeco emulator``: run the local AMPECO emulator until Ctrl-C."""

from __future__ import annotations

import threading
from pathlib import Path

import click


@click.command()
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Port to listen on (0 = any free port).",
)
@click.option(
    "--token",
    envvar="AMPECO_API_TOKEN",
    required=True,
    help="Bearer token clients must send [env: AMPECO_API_TOKEN].",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option(
    "--state-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="JSON file keeping the emulated tenant across restarts.",
)
@click.option(
    "--base-tariffs",
    type=click.Choice(["per-group", "tenant-wide"]),
    default="per-group",
    show_default=True,
    help="The kind of tenant: each tariff group gets its own free base tariff (per-group), or the tenant "
    "has one free tariff and one default group that every group and EVSE shares (tenant-wide).",
)
def emulator(port: int, token: str, host: str, state_file: Path | None, base_tariffs: str) -> None:
    """Run a local fake AMPECO tenant (public API + /_emulator admin API) until Ctrl-C."""
    from ampeco_emulator import EmulatorServer  # lazy: keeps `pulumi-ampeco --help` fast
    from ampeco_emulator.persistence import StateError

    server = EmulatorServer(token=token, host=host, port=port, state_file=state_file, base_tariffs=base_tariffs)
    try:
        server.start()
    except StateError as exc:
        raise click.ClickException(f"--state-file: {exc}") from None
    except (OSError, RuntimeError) as exc:
        raise click.ClickException(f"cannot start the emulator on {host}:{port}: {exc}") from None
    click.echo(f"AMPECO emulator listening on {server.url}")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
