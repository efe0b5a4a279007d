"""``pulumi-ampeco summarize``: the Markdown PR comment CI posts for ``pulumi preview --json``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pulumi_ampeco.summary import PreviewError, parse_preview, render_markdown


def _one_line(text: str) -> str:
    """ClickException prints ``Error: <message>``; keep it to the one line CI logs show."""
    return " ".join(text.split())


@click.command()
@click.argument("preview_json", metavar="PREVIEW_JSON")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the Markdown to FILE instead of standard output.", metavar="FILE")
def summarize(preview_json: str, out: Path | None) -> None:
    """Turn PREVIEW_JSON (`pulumi preview --json` output; `-` for stdin) into a PR comment.

    Deletions and replacements come first; secrets are masked.
    """
    try:
        if preview_json == "-":
            text = sys.stdin.read()
        else:
            text = Path(preview_json).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{preview_json}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise click.ClickException(_one_line(f"cannot read {preview_json}: {exc.strerror or exc}")) from exc
    try:
        digest = parse_preview(text)
    except PreviewError as exc:
        where = "stdin" if preview_json == "-" else preview_json
        raise click.ClickException(_one_line(f"{where}: {exc}")) from exc
    markdown = render_markdown(digest)
    if out is None:
        click.echo(markdown, nl=False)
        return
    try:
        out.write_text(markdown, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(_one_line(f"cannot write {out}: {exc.strerror or exc}")) from exc
