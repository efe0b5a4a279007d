"""Read a tenant's network and write it as a YAML network spec (``pulumi-ampeco export``).

The file is meant for git: exporting the same tenant twice gives the same bytes, and exporting a
clone gives the same file as exporting the original, so a diff shows only real changes.

Export builds the network spec's own objects (``pulumi_ampeco.network.SpecObject``) and writes
them with the spec's one writer, so the file is laid out as the parser reads it: sections,
nesting, references by logical name and order all come from the declarations.

Reading (``_read``)
    Each kind's listing, 100 objects a page; a child kind's once per parent.
Logical names (``_names``)
    From each object's natural key (``export_name``), slugified; ids never decide a name, except
    to order objects identical in everything else. Names do not move: an object already in the
    file being overwritten keeps its name there (matched by ``adopt_id``, else natural key, else
    identical arguments), and a name the file gave an object that is gone is not given to another.
Building (``_build``)
    What is left out: computed and undeclared fields, unset values, values the server makes per
    object (``export_omit``: a charge point's ``sharing_code``), objects the server made for
    others (``export_server_prepended``: each tariff group's free base tariff). Secrets (a charge
    point's ``pin`` and ``network.password``) are written as ``{config: <key>}`` with ``<key>`` =
    ``<logical name>-<field path with dashes>`` (``cp-1-network-password``); the keys are listed
    in the file's header and in the command's output. Values never leave the process.

``adopt=True`` adds each object's ``adopt_id``: the first ``pulumi up`` against the same tenant
then takes everything over, with no create and no update.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pulumi_ampeco.client import AmpecoClient
from pulumi_ampeco.errors import ExportError
from pulumi_ampeco.export._build import build
from pulumi_ampeco.export._names import assign_names, slugify
from pulumi_ampeco.export._read import PER_PAGE, Progress, kinds_to_read, read
from pulumi_ampeco.network import NetworkSpec, write
from pulumi_ampeco.network._layout import dependencies
from pulumi_ampeco.network._render import name_order
from pulumi_ampeco.specs import REGISTRY

__all__ = [
    "DEPENDENCIES",
    "PER_PAGE",
    "TYPES",
    "ExportError",
    "ExportResult",
    "Progress",
    "assign_names",
    "export_network",
    "natural_order",
    "resolve_types",
    "slugify",
]

TYPES: tuple[str, ...] = tuple(spec.module for spec in REGISTRY.values())
"""The ``--types`` values: each resource's file stem (``id_tag``, ``location``, ...)."""

_KIND_OF = {spec.module: kind for kind, spec in REGISTRY.items()}

DEPENDENCIES: dict[str, tuple[str, ...]] = {
    spec.module: tuple(REGISTRY[k].module for k in dependencies(kind))
    for kind, spec in REGISTRY.items() if dependencies(kind)
}
"""What each type needs in the same file: its parent, and what it refers to by name."""

natural_order = name_order
"""Sort key of logical names: digit runs compare as numbers (``cp-2`` before ``cp-10``)."""


@dataclass
class ExportResult:
    text: str
    """The YAML spec."""
    counts: dict[str, int]
    """Objects exported per resource kind."""
    config_keys: list[str]
    """Secret config keys the spec refers to."""
    requests: int = 0
    """HTTP requests made (listing pages)."""
    skipped: int = 0
    """Objects the server made for others (tariff groups' free base tariffs) and the tenant's own
    (its default tariff group), left out."""
    spec: NetworkSpec | None = None
    """The spec's objects, as ``pulumi_ampeco.network.load`` reads them back from ``text``."""

    @property
    def objects(self) -> int:
        return sum(self.counts.values())


def resolve_types(requested: Iterable[str] | None) -> tuple[set[str], set[str]]:
    """(types to export, those added because a requested type needs them)."""
    wanted = set(TYPES if requested is None else requested)
    unknown = wanted - set(TYPES)
    if unknown:
        raise ValueError(f"unknown type(s) {', '.join(sorted(unknown))}; types are {', '.join(TYPES)}")
    closure = set(wanted)
    stack = list(wanted)
    while stack:
        for dep in DEPENDENCIES.get(stack.pop(), ()):
            if dep not in closure:
                closure.add(dep)
                stack.append(dep)
    return closure, closure - wanted


def export_network(client: AmpecoClient, *, types: Iterable[str] | None = None, adopt: bool = False,
                   progress: Progress | None = None, previous: NetworkSpec | None = None) -> ExportResult:
    """Read the tenant and return its spec; ``types`` limits it (with what those types need).

    ``previous``: the spec this export replaces (the file being overwritten): each of its objects
    that is still there keeps its logical name, so a diff shows only what changed.
    """
    modules, _ = resolve_types(types)
    kinds = {_KIND_OF[m] for m in modules}
    start = client.stats.requests
    tenant = read(client, kinds_to_read(kinds), progress)
    built = build(tenant, kinds, adopt, previous)
    text = write(built.spec, header=_header(built.config_keys, adopt))
    return ExportResult(text, built.counts, built.config_keys, client.stats.requests - start, built.skipped,
                        built.spec)


def _header(keys: Sequence[str], adopt: bool) -> str:
    lines = [
        "AMPECO network spec written by `pulumi-ampeco export`; apply it with pulumi_ampeco.Network.",
        "Left out: ids, values AMPECO computes or generates, unset values, tariff groups' free base tariffs,",
        "and the tenant's own default tariff group (EVSEs on it get the default group of the tenant it is applied to).",
    ]
    if adopt:
        lines.append("With adopt_id, the first `pulumi up` against the exported tenant takes every object over.")
    if keys:
        lines.append("Secrets are stack config references; set them in each stack before `pulumi up`:")
        lines += [f"  pulumi config set --secret {key} <value>" for key in keys]
    return "\n".join(lines)
