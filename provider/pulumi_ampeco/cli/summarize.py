"""``pulumi-ampeco summarize``: the Markdown PR comment CI posts for ``pulumi preview --json``.

Exit codes: 0 the preview finished; 1 the input cannot be read as a preview; 2 usage; 3 the
preview failed, was cancelled or is cut off — the comment is still written (it says so first), so
CI can post it and then fail the job.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pulumi_ampeco.summary import (
    MAX_COMMENT_CHARS,
    PreviewDigest,
    PreviewError,
    failure,
    load_preview,
    read_preview,
    render_markdown,
)

#: The preview did not finish: the comment was written, but this is not a plan to approve.
EXIT_PREVIEW_NOT_FINISHED = 3


def _one_line(text: str) -> str:
    """ClickException prints ``Error: <message>``; keep it to the one line CI logs show."""
    return " ".join(text.split())


@click.command()
@click.argument("preview_json", metavar="PREVIEW_JSON")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the Markdown to FILE instead of standard output.", metavar="FILE")
@click.option("--max-chars", "max_chars", type=click.IntRange(min=1000), default=MAX_COMMENT_CHARS,
              show_default=True, help="Longest comment to write (GitHub refuses longer ones).")
def summarize(preview_json: str, out: Path | None, max_chars: int) -> None:
    """Turn PREVIEW_JSON (`pulumi preview --json` output; `-` for stdin) into a PR comment.

    A failed or cut-off preview says so first; deletions and replacements come before other
    changes; secrets are masked. Exit code 3 when the preview did not finish (the comment is still
    written), 1 when the input is not a preview.
    """
    try:
        digest = _read(preview_json)
        markdown = render_markdown(digest, max_chars=max_chars)
    except PreviewError as exc:
        raise click.ClickException(_one_line(str(exc))) from None
    except Exception as exc:  # noqa: BLE001 - a bug must not print a traceback (or an input value) in CI
        raise click.ClickException(f"internal error ({type(exc).__name__}) while summarising "
                                   f"{preview_json}; please report it") from None
    if out is None:
        click.echo(markdown, nl=False)
    else:
        try:
            out.write_text(markdown, encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(_one_line(f"cannot write {out}: {exc.strerror or exc}")) from exc
    problem = _not_finished(digest)
    if problem:
        click.echo(f"Error: {problem}", err=True)
        raise SystemExit(EXIT_PREVIEW_NOT_FINISHED)


def _read(preview_json: str) -> PreviewDigest:
    if preview_json != "-":
        return load_preview(Path(preview_json))
    try:
        return read_preview(sys.stdin)
    except PreviewError as exc:
        raise PreviewError(f"stdin: {exc}") from None


def _not_finished(digest: PreviewDigest) -> str:
    """One line for the CI log when the comment describes a preview that did not finish."""
    if digest.failed:
        return f"the preview failed ({failure(digest)}); the comment lists why"
    if not digest.complete:
        return "the preview is incomplete: the event stream ends before its summary event"
    if digest.result == "canceled":
        return "the preview was cancelled"
    return ""
