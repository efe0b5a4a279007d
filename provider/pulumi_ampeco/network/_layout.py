"""The layout of a network spec, read off the declarations: sections, nesting, references, order.

A kind nests under the kind its parent PathParam refers to (``Reference`` on the path
parameter the collection path names last); every other argument with a ``Reference`` kind is
written as a logical name (``location_id`` -> ``location``, ``tariff_ids`` -> ``tariffs``, an
``id`` -> the target's module name), inside nested objects too (a tariff's ``pricing.tax_id`` ->
``pricing.tax``, a charge point's ``partner.id`` -> ``partner.partner``).
Sections come in ``section_order`` among their siblings (ties: REGISTRY order). The parser,
the writer, export and ``ampeco.Network`` all read this one table.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from pulumi_ampeco.specs import REGISTRY, SETS
from pulumi_ampeco.specs._base import MemberSet, ResourceSpec, ServerPrepends
from pulumi_ampeco.specs._check import ADOPT_ID
from pulumi_ampeco.specs._schema import FieldMeta, ModelMeta, model_meta

__all__ = ["KIND_ORDER", "SECTIONS", "SET_FORMS", "Ref", "Section", "SetLayout", "dependencies", "section_of", "walk"]


@dataclass(frozen=True)
class Ref:
    """A reference argument written as a logical name instead of an id."""

    key: str
    """The key in the file (``location``), dotted inside nested objects (``pricing.tax``)."""
    field: str
    """The resource argument it fills (``location_id``), dotted inside nested objects (``pricing.tax_id``)."""
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

    @property
    def nested_refs(self) -> tuple[Ref, ...]:
        """The references inside nested objects (``pricing.tax_id``)."""
        return tuple(r for r in self.refs if "." in r.field)


def _ref_key(fmeta: FieldMeta) -> str:
    name = fmeta.name
    if name == "id" and fmeta.reference is not None and fmeta.reference.kind in REGISTRY:
        return REGISTRY[fmeta.reference.kind].module  # a nested object's id: partner.id -> partner.partner
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


def _reference_fields(spec: ResourceSpec) -> list[tuple[str, str, FieldMeta]]:
    """(dotted argument, dotted key in the file, field) of every settable Reference field, top-level
    first, then inside nested objects (depth first, in declaration order). A reference inside a
    list of objects has no single place for a name: a declaration error saying so."""
    out: list[tuple[str, str, FieldMeta]] = []

    def visit(meta: ModelMeta, field_prefix: str, key_prefix: str, in_list: str | None) -> None:
        for fmeta in meta.arguments():
            if fmeta.path_param:
                continue
            if fmeta.reference is not None:
                if in_list is not None:
                    raise TypeError(f"{spec.kind}.{field_prefix}{fmeta.name}: Reference({fmeta.reference.kind!r}) "
                                    f"inside the list {in_list}; the network spec names targets in objects only")
                out.append((f"{field_prefix}{fmeta.name}", f"{key_prefix}{_ref_key(fmeta)}", fmeta))
            if fmeta.nested is not None:
                inner = f"{field_prefix}{fmeta.name}" if fmeta.is_list else in_list
                visit(fmeta.nested, f"{field_prefix}{fmeta.name}.", f"{key_prefix}{fmeta.name}.", inner)

    visit(model_meta(spec.model), "", "", None)
    return out


def _no_colliding_nested_keys(spec: ResourceSpec, refs: tuple[Ref, ...]) -> None:
    """Inside a nested object, a reference's key must not be the name of another field of it."""
    for ref in refs:
        if "." not in ref.field:
            continue
        meta: ModelMeta | None = model_meta(spec.model)
        for part in ref.field.split(".")[:-1]:
            meta = meta.fields[part].nested if meta is not None else None
        last = ref.key.rsplit(".", 1)[-1]
        if meta is not None and last in meta.fields and last != ref.field.rsplit(".", 1)[-1]:
            raise TypeError(f"{spec.kind}.{ref.field}: its key {ref.key!r} is the name of another field")


def _build() -> tuple[Section, ...]:
    order = {kind: i for i, kind in enumerate(REGISTRY)}
    ancestors = {kind: _ancestors(spec) for kind, spec in REGISTRY.items()}
    parent = {kind: a[0][1] if a else None for kind, a in ancestors.items()}

    def refs_of(spec: ResourceSpec) -> tuple[Ref, ...]:
        out = []
        for dotted, key, fmeta in _reference_fields(spec):
            ref = fmeta.reference
            assert ref is not None
            if ref.kind not in REGISTRY:
                raise TypeError(f"{spec.kind}.{dotted}: Reference({ref.kind!r}) names no kind of REGISTRY")
            target = REGISTRY[ref.kind].section
            within = None
            if ref.within is not None and "." in dotted:
                raise TypeError(f"{spec.kind}.{dotted}: within= is for top-level arguments only")
            if ref.within is not None:
                owner = model_meta(spec.model).fields.get(ref.within)
                if owner is None or owner.reference is None or owner.reference.kind != parent[ref.kind]:
                    raise TypeError(f"{spec.kind}.{fmeta.name}: within={ref.within!r} must be a reference "
                                    f"to the {ref.kind}'s parent ({parent[ref.kind]})")
                within = _ref_key(owner)
            elif parent[ref.kind] is not None:
                raise TypeError(f"{spec.kind}.{dotted}: a {ref.kind} is nested; say within which "
                                "argument's object it is looked up (Reference(..., within=...))")
            out.append(Ref(key, dotted, ref.kind, target, many=fmeta.is_list, within=within,
                           server_prepends=ServerPrepends in fmeta.markers))
        _no_colliding_nested_keys(spec, tuple(out))
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


@dataclass(frozen=True)
class SetLayout:
    """The set form of a member kind's section: the whole section as one set resource (``IdTagSet``).

    ::

        id_tags:
          csv: cards.csv          # one member a row; columns: id_tag_uid and the members' keys below
          adopt_existing: false
          tags:                   # and/or inline: key -> the member's keys, as in the usual form
            04AA0001: {status: enabled, type: rfid, partner: acme}
    """

    set: MemberSet
    section: Section

    @property
    def keys(self) -> tuple[str, ...]:
        """The keys of the set form (``csv``, ``tags``, ``adopt_existing``)."""
        from pulumi_ampeco.specs._members import ADOPT_EXISTING

        return ("csv", self.set.field, ADOPT_EXISTING)

    @property
    def columns(self) -> tuple[str, ...]:
        """A member's keys besides its key (references by logical name, as in the usual form)."""
        return tuple(ref.key if ref else name for name, ref in self.section.keys if name != self.set.key)


SET_FORMS: dict[str, SetLayout] = {section_of(s.member).key: SetLayout(s, section_of(s.member))
                                   for s in SETS.values() if s.member in KIND_ORDER}
"""Section key -> its set form, for each member kind of a set (``id_tags`` -> IdTagSet)."""
