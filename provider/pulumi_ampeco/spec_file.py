"""The network spec's former module: its names now live in ``pulumi_ampeco.network`` (kept so
imports of ``pulumi_ampeco.spec_file`` keep working)."""

from __future__ import annotations

from pulumi_ampeco.network import (
    SECTIONS,
    ConfigRef,
    NetworkSpec,
    Problem,
    Section,
    SpecObject,
    SpecProblemsError,
    dump,
    load,
    parse,
)

__all__ = [
    "SECTIONS",
    "ConfigRef",
    "NetworkSpec",
    "Problem",
    "Section",
    "SpecObject",
    "SpecProblemsError",
    "dump",
    "load",
    "parse",
]
