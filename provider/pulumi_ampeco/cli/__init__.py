"""The ``pulumi-ampeco`` command. Subcommands are imported only when they run, so ``--help`` is fast."""

from __future__ import annotations

import importlib

import click

# name -> "module:attribute" of a click.Command; one line per subcommand.
_SUBCOMMANDS: dict[str, str] = {
    "emulator": "pulumi_ampeco.cli.emulator:emulator",
    "export": "pulumi_ampeco.cli.export:export",
    "summarize": "pulumi_ampeco.cli.summarize:summarize",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(_SUBCOMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = _SUBCOMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module, attr = target.split(":")
        command: click.Command = getattr(importlib.import_module(module), attr)
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pulumi-ampeco")
def main() -> None:
    """Infrastructure as code for AMPECO.CHARGE networks: emulator, export, PR summaries."""
