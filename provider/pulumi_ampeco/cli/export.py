"""``pulumi-ampeco export``: write a tenant's network as a YAML network spec for ``ampeco.Network``."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pulumi_ampeco._engine.kinds import MODULES  # a plain tuple: --help loads no specs

if TYPE_CHECKING:
    from pulumi_ampeco.network import NetworkSpec

TOKEN_ENV = "AMPECO_API_TOKEN"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _parse_types(_ctx: click.Context, _param: click.Parameter, value: str | None) -> list[str] | None:
    if value is None:
        return None
    from pulumi_ampeco.export import TYPES

    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in TYPES]
    if unknown or not names:
        raise click.BadParameter(f"{', '.join(unknown) or 'nothing given'}: types are {', '.join(TYPES)}")
    return names


@contextmanager
def _progress(enabled: bool) -> Iterator[object]:
    """A live "reading ..." line on a terminal; nothing at all otherwise."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"),
                  TextColumn("{task.completed} objects"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Reading", total=None)

        def update(label: str, count: int) -> None:
            bar.update(task, description=f"Reading {label}", completed=count)

        yield update


@click.command()
@click.option("--tenant-url", envvar="AMPECO_TENANT_URL", required=True, metavar="URL",
              help="Tenant to read, e.g. https://example.ampeco.com (default: $AMPECO_TENANT_URL).")
@click.option("--types", "types", callback=_parse_types, metavar="LIST",
              help=f"Comma-separated types to export ({', '.join(MODULES)}); what they need comes along. "
                   "Default: all.")
@click.option("--adopt", is_flag=True,
              help="Record each object's id as adopt_id, so the first `pulumi up` against this tenant takes "
                   "everything over without creating or changing anything.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=Path("-"),
              show_default=True, metavar="FILE", help="Where to write the spec; - for standard output.")
@click.option("--names-from", "names_from", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="FILE", help="Keep the logical names this spec gives (default: the --out file, if it exists).")
@click.option("--fresh-names", is_flag=True, help="Name every object anew, ignoring the names of an existing spec.")
def export(tenant_url: str, types: list[str] | None, adopt: bool, out: Path, names_from: Path | None,
           fresh_names: bool) -> None:
    """Write every object of a tenant as a YAML network spec (apply it with ampeco.Network).

    The API token comes from $AMPECO_API_TOKEN, or is asked for (hidden). Exporting twice gives
    the same file; over an existing spec, every object keeps the name it has there, so a diff shows
    only real changes. Secrets are written as stack config references, listed at the end.
    """
    from pulumi_ampeco.client import AmpecoClient, normalize_tenant_url
    from pulumi_ampeco.errors import AmpecoError
    from pulumi_ampeco.export import export_network, resolve_types

    try:
        url = normalize_tenant_url(tenant_url, setting="--tenant-url")
    except AmpecoError as exc:
        raise click.ClickException(_one_line(str(exc))) from None
    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        if not _has_terminal():
            # getpass would warn (GetPassWarning) and read the token from a pipe in clear
            raise click.ClickException(f"no API token: set {TOKEN_ENV} (there is no terminal to ask for it on)")
        try:
            token = click.prompt("AMPECO API token", hide_input=True, err=True).strip()
        except click.Abort:
            raise click.ClickException(f"no API token: set {TOKEN_ENV} or type it at the prompt") from None
    previous = None if fresh_names else _previous_spec(names_from or (None if str(out) == "-" else out),
                                                       explicit=names_from is not None)
    _, added = resolve_types(types)
    if added:
        click.echo(f"Also exporting {', '.join(sorted(added))}: the requested types refer to them.", err=True)
    started = time.monotonic()
    try:
        with AmpecoClient(url, token) as client, _progress(sys.stderr.isatty()) as update:
            result = export_network(client, types=types, adopt=adopt, progress=update,  # type: ignore[arg-type]
                                    previous=previous)
    except AmpecoError as exc:
        raise click.ClickException(_one_line(f"export of {url} failed: {exc}")) from None
    seconds = time.monotonic() - started
    if str(out) == "-":
        click.echo(result.text, nl=False)
    else:
        _write(out, result.text)
    where = "standard output" if str(out) == "-" else str(out)
    click.echo(f"Exported {result.objects} objects ({result.requests} requests, {seconds:.1f} s) to {where}.",
               err=True)
    if result.config_keys:
        click.echo("Secrets are written as config references; set them in every stack that applies the spec:",
                   err=True)
        for key in result.config_keys:
            click.echo(f"  pulumi config set --secret {key} <value>", err=True)


def _previous_spec(path: Path | None, *, explicit: bool) -> NetworkSpec | None:
    """The spec whose names to keep: ``path`` parsed, or None (with a warning when it cannot be read)."""
    from pulumi_ampeco.errors import SpecError
    from pulumi_ampeco.network import load

    if path is None or (not explicit and not path.exists()):
        return None
    try:
        return load(path)
    except SpecError as exc:
        if explicit:
            raise click.ClickException(_one_line(f"--names-from: {exc}")) from None
        click.echo(_one_line(f"Warning: names are given anew: {exc}"), err=True)
        return None


def _has_terminal() -> bool:
    """Whether a hidden prompt can be shown: standard input is a terminal."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):  # a closed or odd stdin
        return False


def _write(out: Path, text: str) -> None:
    """Write atomically: a failed export never leaves half a file behind."""
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise click.ClickException(_one_line(f"cannot write {out}: {exc.strerror or exc}")) from None
