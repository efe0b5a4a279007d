"""Write a network spec: the parsed objects back to the YAML tree, by the layout.

The one writer of the format. Sections in layout order, objects by logical name (numbers in names
compared as numbers: ``cp-2`` before ``cp-10``), arguments in the order the resource declares
them with references in place as logical names, ``adopt_id`` first, children last; secrets as
``{config: key}``. Export renders the objects it builds with it, so what export writes is what
the parser reads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pulumi_ampeco.network._layout import SECTIONS, Ref, Section
from pulumi_ampeco.network._objects import ConfigRef, Existing, NetworkSpec, SetForm, SpecObject
from pulumi_ampeco.network._yaml import CONFIG_KEY, EXISTING_KEY, OneLine
from pulumi_ampeco.specs._check import ADOPT_ID
from pulumi_ampeco.specs._members import ADOPT_EXISTING
from pulumi_ampeco.specs._schema import ModelMeta, model_meta

__all__ = ["body", "existing", "name_order", "render"]


def name_order(name: str) -> tuple[Any, ...]:
    """Sort key that compares digit runs as numbers (``cp-2`` before ``cp-10``), then the name."""
    parts = tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                  for part in re.split(r"(\d+)", name) if part != "")
    return (parts, name)


def body(section: Section, args: Mapping[str, Any], refs: Mapping[str, Any],
         children: Mapping[str, Mapping[str, Any]], adopt_id: int | str | None = None) -> dict[str, Any]:
    """One object as written: ``adopt_id``, then the declared arguments with references written
    as ``refs[field]`` (names) under their keys, then the child sections that have objects."""
    out: dict[str, Any] = {}
    if adopt_id is not None:
        out[ADOPT_ID] = adopt_id
    nested = {r.field: r for r in section.nested_refs if r.field in refs}
    for name, ref in section.keys:
        if ref is None:
            inner = {f: r for f, r in nested.items() if f.startswith(f"{name}.")}
            if inner:
                meta = model_meta(section.spec.model).fields[name].nested
                assert meta is not None
                value = _with_names(meta, args.get(name) or {}, name, inner, refs)
                if value:
                    out[name] = value
            elif name in args:
                out[name] = _value(args[name])
        elif name in refs:
            out[ref.key] = refs[name]
    for child in section.children:
        if children.get(child.key):
            out[child.key] = children[child.key]
    return out


def _with_names(meta: ModelMeta, value: Mapping[str, Any], prefix: str, nested: Mapping[str, Ref],
                refs: Mapping[str, Any]) -> dict[str, Any]:
    """A nested object as written: its fields in declaration order, a reference in a field's
    place as its key and the target's name (``pricing: {..., tax: vat-20, ...}``)."""
    out: dict[str, Any] = {}
    for fmeta in meta.fields.values():
        dotted = f"{prefix}.{fmeta.name}"
        ref = nested.get(dotted)
        if ref is not None:
            out[ref.key.rsplit(".", 1)[-1]] = refs[dotted]
        elif fmeta.nested is not None and not fmeta.is_list and any(f.startswith(f"{dotted}.") for f in nested):
            inner = _with_names(fmeta.nested, value.get(fmeta.name) or {}, dotted, nested, refs)
            if inner:
                out[fmeta.name] = inner
        elif fmeta.name in value:
            out[fmeta.name] = _value(value[fmeta.name])
    for key, item in value.items():  # not declared (the parser refuses such keys; kept, not lost)
        if key not in meta.fields:
            out[key] = _value(item)
    return out


def _value(value: Any) -> Any:
    if isinstance(value, ConfigRef):
        return {CONFIG_KEY: value.key}
    if isinstance(value, Mapping):
        return {k: _value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def existing(target: Existing) -> dict[str, Any]:
    """How the file writes an object it does not manage: ``{existing: {name: Default}}``."""
    return {EXISTING_KEY: {target.key: target.value}}


def render(spec: NetworkSpec) -> dict[str, Any]:
    """The YAML tree of ``spec`` (for ``dump``)."""
    under: dict[str | None, dict[str, list[SpecObject]]] = {}
    for obj in spec.objects.values():
        under.setdefault(obj.parent.path if obj.parent else None, {}).setdefault(obj.section.key, []).append(obj)

    def name_of(target: str | Existing) -> Any:
        if isinstance(target, Existing):
            return existing(target)
        return spec.objects[target].names[-1]

    def objects(parent: str | None, sections: tuple[Section, ...]) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for section in sections:
            objs = sorted(under.get(parent, {}).get(section.key, ()), key=lambda o: name_order(o.names[-1]))
            if parent is None and section.key in spec.sets:
                out[section.key] = set_form(spec.sets[section.key], objs)
            elif objs:
                out[section.key] = {o.names[-1]: write(o) for o in objs}
        return out

    def set_form(form: SetForm, members: list[SpecObject]) -> dict[str, Any]:
        """``adopt_existing``, then the CSV file it names, or else its members inline, one a line."""
        out: dict[str, Any] = {}
        if form.adopt_existing is not None:
            out[ADOPT_EXISTING] = form.adopt_existing
        if form.csv is not None:
            out["csv"] = form.csv
            return out
        key = form.layout.set.key
        out[form.layout.set.field] = {
            o.names[-1]: OneLine({k: v for k, v in write(o).items() if k != key}) for o in members}
        return out

    def write(obj: SpecObject) -> dict[str, Any]:
        refs = {f: [name_of(p) for p in t] if isinstance(t, list) else name_of(t) for f, t in obj.refs.items()}
        return body(obj.section, obj.args, refs, objects(obj.path, obj.section.children), obj.adopt_id)

    return objects(None, SECTIONS)
