"""The layout of a network spec, read off the declarations: sections, nesting, references, order.

A kind nests under the kind its parent PathParam refers to (``Reference`` on the path
parameter the collection path names last); every other argument with a ``Reference`` kind is
written as a logical name (``location_id`` -> ``location``, ``tariff_ids`` -> ``tariffs``).
Sections come in ``section_order`` among their siblings (ties: REGISTRY order). The parser,
the writer, export and ``ampeco.Network`` all read this one table.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from pulumi_ampeco.specs import REGISTRY
from pulumi_ampeco.specs._base import ResourceSpec, ServerPrepends
from pulumi_ampeco.specs._check import ADOPT_ID
from pulumi_ampeco.specs._schema import FieldMeta, ModelMeta, model_meta

__all__ = ["KIND_ORDER", "SECTIONS", "Ref", "Section", "dependencies", "section_of", "walk"]


@dataclass(frozen=True)
class Ref:
    """A reference argument written as a logical name instead of an id."""

    key: str
    """The key in the file (``location``)."""
    field: str
    """The resource argument it fills (``location_id``)."""
    kind: str
    """The kind of the referenced objects."""
    target: str
    """The top-level section holding them, or, with ``within``, the child section (``charging_zones``)."""
    many: bool = False
    within: str | None = None
    """For a child section: the reference key of this object naming the target's parent (``location``)."""
    server_prepends: bool = False
    """The server puts objects of its own at the front of the list (a tariff group's base tariff)."""


@dataclass(frozen=True)
class Section:
    key: str
    kind: str
    children: tuple[Section, ...] = ()
    refs: tuple[Ref, ...] = ()
    ancestors: tuple[tuple[str, str], ...] = ()
    """(PathParam argument, ancestor kind) for each ancestor, the parent first."""
    keys: tuple[tuple[str, Ref | None], ...] = ()
    """The settable arguments in declaration order, each with its reference if it is written as one."""

    @property
    def spec(self) -> ResourceSpec:
        return REGISTRY[self.kind]

    @property
    def parent_kind(self) -> str | None:
        return self.ancestors[0][1] if self.ancestors else None


def _ref_key(fmeta: FieldMeta) -> str:
    name = fmeta.name
    if name.endswith("_ids"):
        return f"{name[:-4]}s"
    return name.removesuffix("_id")


def _ancestors(spec: ResourceSpec) -> tuple[tuple[str, str], ...]:
    fields = model_meta(spec.model).fields
    out = []
    for name in reversed(spec.path_params_in_order):
        ref = fields[name].reference if name in fields else None
        if ref is None or ref.kind not in REGISTRY:
            raise TypeError(f"{spec.kind}.{name}: a path parameter needs Reference(<kind of the parent>)")
        out.append((name, ref.kind))
    return tuple(out)


def _no_nested_references(spec: ResourceSpec) -> None:
    """A Reference kind inside a nested object is not written as a logical name (yet): say so
    rather than leave the id a number without a word."""

    def walk_nested(meta: ModelMeta | None, prefix: str) -> None:
        for fmeta in (meta.fields.values() if meta else ()):
            if fmeta.reference is not None:
                raise TypeError(f"{spec.kind}.{prefix}{fmeta.name}: Reference({fmeta.reference.kind!r}) inside a "
                                "nested object; the network spec names only top-level arguments' targets")
            walk_nested(fmeta.nested, f"{prefix}{fmeta.name}.")

    for fmeta in model_meta(spec.model).fields.values():
        walk_nested(fmeta.nested, f"{fmeta.name}.")


def _build() -> tuple[Section, ...]:
    for spec in REGISTRY.values():
        _no_nested_references(spec)
    order = {kind: i for i, kind in enumerate(REGISTRY)}
    ancestors = {kind: _ancestors(spec) for kind, spec in REGISTRY.items()}
    parent = {kind: a[0][1] if a else None for kind, a in ancestors.items()}

    def refs_of(spec: ResourceSpec) -> tuple[Ref, ...]:
        out = []
        for fmeta in model_meta(spec.model).arguments():
            ref = fmeta.reference
            if ref is None or fmeta.path_param:
                continue
            if ref.kind not in REGISTRY:
                raise TypeError(f"{spec.kind}.{fmeta.name}: Reference({ref.kind!r}) names no kind of REGISTRY")
            target = REGISTRY[ref.kind].section
            within = None
            if ref.within is not None:
                owner = model_meta(spec.model).fields.get(ref.within)
                if owner is None or owner.reference is None or owner.reference.kind != parent[ref.kind]:
                    raise TypeError(f"{spec.kind}.{fmeta.name}: within={ref.within!r} must be a reference "
                                    f"to the {ref.kind}'s parent ({parent[ref.kind]})")
                within = _ref_key(owner)
            elif parent[ref.kind] is not None:
                raise TypeError(f"{spec.kind}.{fmeta.name}: a {ref.kind} is nested; say within which "
                                "argument's object it is looked up (Reference(..., within=...))")
            out.append(Ref(_ref_key(fmeta), fmeta.name, ref.kind, target, many=fmeta.is_list, within=within,
                           server_prepends=ServerPrepends in fmeta.markers))
        return tuple(out)

    def section(kind: str) -> Section:
        spec = REGISTRY[kind]
        refs = refs_of(spec)
        by_field = {r.field: r for r in refs}
        keys = tuple((f.name, by_field.get(f.name)) for f in model_meta(spec.model).arguments() if not f.path_param)
        children = tuple(section(k) for k in _sorted(k for k in REGISTRY if parent[k] == kind))
        written = [r.key if r else name for name, r in keys] + [c.key for c in children]
        if len(set(written)) != len(written) or ADOPT_ID in written:
            raise TypeError(f"{kind}: two keys of its network-spec objects would be the same: {written}")
        return Section(spec.section, kind, children, refs, ancestors[kind], keys)

    def _sorted(kinds: Iterator[str]) -> list[str]:
        return sorted(kinds, key=lambda k: (REGISTRY[k].section_order, order[k]))

    return tuple(section(k) for k in _sorted(k for k in REGISTRY if parent[k] is None))


SECTIONS: tuple[Section, ...] = _build()
"""Top-level sections in file order (also the order export writes them)."""


def walk(sections: tuple[Section, ...] = SECTIONS) -> Iterator[Section]:
    """Every section, depth first: each one before its children."""
    for s in sections:
        yield s
        yield from walk(s.children)


KIND_ORDER: tuple[str, ...] = tuple(s.kind for s in walk())
"""Kinds in file order, children after their parent: the order objects are visited in."""


@functools.cache
def section_of(kind: str) -> Section:
    return next(s for s in walk() if s.kind == kind)


def dependencies(kind: str) -> tuple[str, ...]:
    """What a kind needs in the same file: its parent, then the kinds it refers to by name."""
    s = section_of(kind)
    needed = [s.parent_kind] if s.parent_kind else []
    needed += [r.kind for r in s.refs if r.kind != kind]
    return tuple(dict.fromkeys(needed))
