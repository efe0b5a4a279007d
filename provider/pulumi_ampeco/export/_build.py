"""Build the network spec's own objects from what was read: arguments, references, names, secrets.

Left out of each object: computed fields, keys the resource does not declare, nulls and empty
lists or objects, values equivalent to "not set" (``Equivalent`` including None), list items the
server adds on its own (``IgnoreItems``), what the kind's ``export_omit`` names, objects the
server made for others (``export_server_prepended``), and the tenant's own objects
(``export_tenant_owned``: its default tariff group), references to which are left out where the
server fills the field in and written as ``{existing: {<natural key>: ...}}`` elsewhere, so that a
clone uses the target tenant's own instead of making a second one. ServerDefault fields are written when set:
a clone must get the source's values, not the target's defaults.

Names are given kind by kind, each after the kinds it refers to and its children (whose names
and content order colliding names); a reference to the same kind stands in with the target's
natural name until the kind is named. With ``previous`` (the spec being overwritten), every
object found in it keeps its name there (``_names.match``), and no new object takes a name it gave.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pulumi_ampeco.errors import ExportError
from pulumi_ampeco.export._names import assign_names, fallback, fingerprint, match, natural_name, slugify
from pulumi_ampeco.export._read import Tenant
from pulumi_ampeco.network._layout import SECTIONS, SET_FORMS, Ref, Section, section_of, walk
from pulumi_ampeco.network._objects import (
    ConfigRef,
    Existing,
    NetworkSpec,
    SetForm,
    SpecObject,
    in_dependency_order,
    parent_paths,
    pop_in,
)
from pulumi_ampeco.network._render import body, existing, name_order
from pulumi_ampeco.specs._convert import dig
from pulumi_ampeco.specs._schema import ModelMeta, model_meta

__all__ = ["Built", "build"]


@dataclass
class Built:
    spec: NetworkSpec
    counts: dict[str, int]
    """Objects exported per resource kind."""
    config_keys: list[str]
    """Secret config keys the spec refers to."""
    skipped: int
    """Objects the server made for others (tariff groups' free base tariffs), left out."""


def build(tenant: Tenant, kinds: Collection[str], adopt: bool, previous: NetworkSpec | None = None) -> Built:
    """The spec of the objects of ``kinds`` in ``tenant``; ExportError on a dangling reference.

    ``previous``: the spec this one replaces, whose names are kept for the same objects.
    """
    owned = _server_owned(tenant)
    own = _tenant_owned(tenant, owned)
    drafts = _drafts(tenant, kinds, owned, own)
    _resolve(drafts)
    earlier = _Earlier(drafts, previous)
    for kind in _naming_order(kinds):
        for scope in _scopes(drafts, kind):
            _name(scope, earlier)
    objects: dict[str, SpecObject] = {}
    counts: dict[str, int] = {}
    keys: set[str] = set()
    made: dict[_Draft, SpecObject] = {}

    def emit(draft: _Draft, parent: SpecObject | None) -> None:
        names = (*parent.names, draft.name) if parent else (draft.name,)
        path = f"{parent.path if parent else ''}.{draft.section.key}.{draft.name}".lstrip(".")
        obj = SpecObject(draft.section, names, path, _secrets(draft.args, "-".join(names), keys),
                         parents=parent_paths(draft.section, parent), adopt_id=draft.section.spec.object_id(draft.read["id"]) if adopt else None, parent=parent)
        objects[path] = made[draft] = obj
        counts[obj.kind] = counts.get(obj.kind, 0) + 1
        for child in draft.section.children:
            for d in sorted(draft.children.get(child.key, ()), key=lambda d: name_order(d.name)):
                emit(d, obj)

    for section in SECTIONS:
        for draft in sorted(drafts.top.get(section.kind, ()), key=lambda d: name_order(d.name)):
            emit(draft, None)
    def path(target: _Draft | Existing) -> str | Existing:
        return target if isinstance(target, Existing) else made[target].path

    for draft in drafts.all():  # every object has its path now
        made[draft].refs = {
            fld: [path(t) for t in target] if isinstance(target, list) else path(target)
            for fld, target in draft.targets.items()}
    spec = _as_sets(NetworkSpec(None, in_dependency_order(objects)), adopt)
    return Built(spec, counts, sorted(keys),
                 sum(len(ids) for ids in owned.values()) + sum(len(objs) for objs in own.values()))


def _as_sets(spec: NetworkSpec, adopt: bool) -> NetworkSpec:
    """``spec`` with each member kind of a set that has more than its ``export_above`` objects
    written as one set (``id_tags: {tags: {<uid>: {...}}}``), members keyed by their key instead of
    a logical name; with ``adopt``, the set takes them over (``adopt_existing``) instead of each
    its ``adopt_id``. Nothing refers to such members by name (the layout has no reference to them)."""
    forms = {}
    for key, layout in SET_FORMS.items():
        if len(spec.of_kind(layout.section.kind)) > layout.set.export_above:
            forms[key] = SetForm(layout, adopt_existing=True if adopt else None)
    if not forms:
        return spec
    objects: dict[str, SpecObject] = {}
    for path, obj in spec.objects.items():
        form = forms.get(obj.section.key) if obj.parent is None else None
        if form is not None:
            member = str(obj.args[form.layout.set.key])
            obj.names, obj.path, obj.member_of, obj.adopt_id = (member,), f"{form.key}.{member}", form.key, None
            path = obj.path
        objects[path] = obj
    return NetworkSpec(spec.file, objects, forms)


# ---------------------------------------------------------------------------------------------
# Drafts: an object's exported arguments and reference targets, before it has its name.


@dataclass(frozen=True)
class _SecretSlot:
    """Where a secret value was; becomes ``{config: key}`` once the object has its name."""

    path: str


@dataclass(eq=False)
class _Draft:
    section: Section
    read: Mapping[str, Any]
    """The object as read (snake_case, with ``id``)."""
    args: dict[str, Any]
    """Exported arguments without references, secrets as _SecretSlot."""
    ref_ids: dict[str, Any]
    """Reference argument -> the target's id (a list of ids for a list)."""
    parent: _Draft | None = None
    children: dict[str, list[_Draft]] = field(default_factory=dict)
    targets: dict[str, Any] = field(default_factory=dict)
    """Reference argument -> the target's draft (a list for a list), once resolved."""
    name: str = ""


@dataclass
class _Drafts:
    top: dict[str, list[_Draft]]
    """Top-level kind -> drafts."""
    by_id: dict[str, dict[int, _Draft]]
    """Kind -> id -> draft, for every exported object."""

    def all(self) -> Iterator[_Draft]:
        for per_kind in self.by_id.values():
            yield from per_kind.values()


def _server_owned(tenant: Tenant) -> dict[str, set[int]]:
    """Kind -> ids of the objects the server made at the front of another kind's ServerPrepends
    lists, when the kind's hook says so: the first item of a list that no other object lists (one
    per object), or the first item of every list of that kind (one for the whole tenant)."""
    owned: dict[str, set[int]] = {}
    for section in walk():
        hook = section.spec.export_server_prepended
        if hook is None:
            continue
        referrers = [o for objs in tenant.get(section.kind, {}).values() for o in objs]
        for ref in section.refs:
            if not (ref.server_prepends and ref.many):
                continue
            targets = {o["id"]: o for objs in tenant.get(ref.kind, {}).values() for o in objs}
            listed_by: dict[Any, int] = {}
            for obj in referrers:
                for target_id in obj.get(ref.field) or []:
                    listed_by[target_id] = listed_by.get(target_id, 0) + 1
            firsts = {tuple((obj.get(ref.field) or [None])[:1]) for obj in referrers}
            shared = next(iter(firsts))[0] if len(referrers) > 1 and len(firsts) == 1 else None
            for obj in referrers:
                ids = obj.get(ref.field) or []
                if ids and (listed_by.get(ids[0]) == 1 or ids[0] == shared) and ids[0] in targets \
                        and hook(targets[ids[0]]):
                    owned.setdefault(ref.kind, set()).add(ids[0])
    return owned


def _tenant_owned(tenant: Tenant, owned: Mapping[str, set[int]]) -> dict[str, dict[int, Mapping[str, Any]]]:
    """Kind -> id -> the objects that are the tenant's own (``export_tenant_owned``)."""
    own: dict[str, dict[int, Mapping[str, Any]]] = {}
    for section in walk():
        hook = section.spec.export_tenant_owned
        if hook is None:
            continue
        for objs in tenant.get(section.kind, {}).values():
            for obj in objs:
                if obj["id"] in owned.get(section.kind, ()):
                    continue
                args, ref_ids = _arguments_and_refs(section, obj, owned, {})
                if hook({**args, **ref_ids}):
                    own.setdefault(section.kind, {})[obj["id"]] = obj
    return own


def _drafts(tenant: Tenant, kinds: Collection[str], owned: Mapping[str, set[int]],
            own: Mapping[str, Mapping[int, Mapping[str, Any]]]) -> _Drafts:
    drafts = _Drafts({}, {})

    def make(section: Section, parent: _Draft | None) -> list[_Draft]:
        out = []
        for obj in tenant.get(section.kind, {}).get(parent.read["id"] if parent else None, []):
            if obj["id"] in owned.get(section.kind, ()) or obj["id"] in own.get(section.kind, {}):
                continue
            args, ref_ids = _arguments_and_refs(section, obj, owned, own)
            draft = _Draft(section, obj, args, ref_ids, parent)
            for child in section.children:
                if child.kind in kinds:
                    draft.children[child.key] = make(child, draft)
            drafts.by_id.setdefault(section.kind, {})[obj["id"]] = draft
            out.append(draft)
        return out

    for section in SECTIONS:
        if section.kind in kinds:
            drafts.top[section.kind] = make(section, None)
    return drafts


def _arguments_and_refs(section: Section, obj: Mapping[str, Any], owned: Mapping[str, set[int]],
                        own: Mapping[str, Mapping[int, Mapping[str, Any]]]) -> tuple[dict[str, Any], dict[str, Any]]:
    spec = section.spec
    meta = model_meta(spec.model)
    args = _arguments(meta, obj)
    if spec.export_omit is not None:
        for name in list(spec.export_omit(args)):
            args.pop(name, None)
    ref_ids: dict[str, Any] = {}
    for ref in section.refs:
        value = pop_in(args, ref.field)[1]  # dotted inside nested objects: pricing.tax_id
        if value is None:
            continue
        tenants = own.get(ref.kind, {})
        if ref.many:
            value = [_existing(ref.kind, tenants[v]) if v in tenants else v
                     for v in value if v not in owned.get(ref.kind, ())]
            if not value:
                continue
        elif value in tenants:
            if meta.fields[ref.field].server_default:
                continue  # left out: the target tenant fills in its own
            value = _existing(ref.kind, tenants[value])
        ref_ids[ref.field] = value
    return args, ref_ids


def _existing(kind: str, obj: Mapping[str, Any]) -> Existing:
    """How a spec names the tenant's own object: by its first natural key that has a value."""
    spec = section_of(kind).spec
    for key in spec.natural_key:
        value = dig(obj, key)
        if value is not None and not isinstance(value, (Mapping, list)):
            return Existing(kind, key, value)
    raise ExportError(f"the tenant's own {spec.noun} {obj['id']} is referred to, but has no natural key "
                      f"({', '.join(spec.natural_key)}) to name it by")



def _resolve(drafts: _Drafts) -> None:
    """Each reference's target draft; ExportError when the tenant's listing does not have it."""
    for draft in drafts.all():
        for ref in draft.section.refs:
            if ref.field not in draft.ref_ids:
                continue
            value = draft.ref_ids[ref.field]
            if ref.many:
                noun = section_of(ref.kind).spec.noun
                draft.targets[ref.field] = [v if isinstance(v, Existing) else _target(drafts, draft, ref, v, noun)
                                            for v in value]
            elif isinstance(value, Existing):
                draft.targets[ref.field] = value
            else:
                draft.targets[ref.field] = _target(drafts, draft, ref, value, ref.key.rsplit(".", 1)[-1].replace("_", " "))


def _target(drafts: _Drafts, draft: _Draft, ref: Ref, target_id: Any, what: str) -> _Draft:
    target = drafts.by_id.get(ref.kind, {}).get(target_id)
    owner = f"{draft.section.spec.noun} {draft.read['id']}"
    if target is None:
        raise ExportError(f"{owner} refers to {what} {target_id}, which is not in the tenant's listing")
    if ref.within is not None:
        holder = next(r for r in draft.section.refs if r.key == ref.within)
        holder_id = draft.ref_ids.get(holder.field)
        if target.parent is None or target.parent.read["id"] != holder_id:
            raise ExportError(f"{owner} refers to {what} {target_id}, which is not one of its "
                              f"{holder.key.replace('_', ' ')} {holder_id}'s")
    return target


# ---------------------------------------------------------------------------------------------
# Arguments.


@dataclass(frozen=True)
class _Field:
    """What exporting needs of a declared, settable field, worked out once per model."""

    name: str
    nested: ModelMeta | None
    secret: bool
    unset: tuple[Any, ...]
    """Values equivalent to "not set": ``Equivalent`` values that include None, and the ``ResetTo``
    value (the API's documented default, what leaving the argument out gives)."""
    ignored_items: tuple[Any, ...]


_FIELDS: dict[type, tuple[_Field, ...]] = {}


def _settable(meta: ModelMeta) -> tuple[_Field, ...]:
    """The model's fields that are neither computed nor path parameters, in declaration order."""
    fields = _FIELDS.get(meta.model)
    if fields is None:
        fields = _FIELDS[meta.model] = tuple(
            _Field(f.name, f.nested, f.secret,
                   (f.equivalents if None in f.equivalents else ()) + ((f.reset.value,) if f.reset else ()),
                   f.ignored_items)
            for f in meta.fields.values() if not (f.computed or f.path_param))
    return fields


def _clean(fld: _Field, value: Any, dotted: str) -> Any:
    """The exported form of one field's value, or None to leave it out."""
    if value is None or value == [] or value == {}:
        return None
    if fld.unset and value in fld.unset:
        return None  # equivalent to "not set"
    if fld.nested is None and fld.secret:
        return _SecretSlot(dotted)
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 90 and 90.0 are the same number (values that crossed protobuf are floats)
    if isinstance(value, list):
        items = [_number(v) for v in value if v not in fld.ignored_items]
        if fld.nested is not None:
            items = [_arguments(fld.nested, v, dotted) if isinstance(v, Mapping) else v for v in items]
        return items or None
    if isinstance(value, Mapping):
        if fld.nested is None:
            return {k: _number(v) for k, v in value.items() if v is not None} or None
        return _arguments(fld.nested, value, dotted) or None
    return value


def _number(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _arguments(meta: ModelMeta, values: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Declared, settable fields only, in declaration order, without empty values."""
    out: dict[str, Any] = {}
    for fld in _settable(meta):
        value = values.get(fld.name)
        if value is None:
            continue
        value = _clean(fld, value, f"{prefix}.{fld.name}" if prefix else fld.name)
        if value is not None:
            out[fld.name] = value
    return out


def _secrets(value: Any, prefix: str, keys: set[str]) -> Any:
    """Secret slots as config references keyed ``<names>-<field path with dashes>``."""
    if isinstance(value, _SecretSlot):
        key = f"{prefix}-{value.path.replace('.', '-').replace('_', '-')}"
        keys.add(key)
        return ConfigRef(key)
    if isinstance(value, dict):
        return {k: _secrets(v, prefix, keys) for k, v in value.items()}
    if isinstance(value, list):
        return [_secrets(v, prefix, keys) for v in value]
    return value


# ---------------------------------------------------------------------------------------------
# Names.


def _naming_order(kinds: Collection[str]) -> list[str]:
    """Kinds after the kinds they refer to (other than themselves) and after their children."""
    order: list[str] = []

    def visit(kind: str, seen: tuple[str, ...]) -> None:
        if kind in order or kind in seen or kind not in kinds:
            return
        section = section_of(kind)
        for dep in [*(r.kind for r in section.refs if r.kind != kind), *(c.kind for c in section.children)]:
            visit(dep, (*seen, kind))
        order.append(kind)

    for section in walk():
        visit(section.kind, ())
    return order


def _scopes(drafts: _Drafts, kind: str) -> Iterator[list[_Draft]]:
    """The drafts of ``kind`` whose names must differ: all of a top-level kind, a child kind's per parent."""
    section = section_of(kind)
    if section.parent_kind is None:
        yield drafts.top.get(kind, [])
        return
    for parent in drafts.by_id.get(section.parent_kind, {}).values():
        yield parent.children.get(section.key, [])


def _natural(draft: _Draft) -> str:
    """The draft's natural name, a reference in its export_name giving the target's (logical) name."""
    spec = draft.section.spec
    naming = spec.export_name or spec.natural_key[:1]
    refs = {f: t.name or _placeholder(t) for f, t in draft.targets.items() if f in naming and isinstance(t, _Draft)}
    return natural_name(spec, draft.read, refs)


def _placeholder(draft: _Draft) -> str:
    return slugify(_natural(draft)) or fallback(draft.section.spec)


def _ref_name(target: _Draft | Existing) -> Any:
    if isinstance(target, Existing):
        return existing(target)
    return target.name or _placeholder(target)


def _content(draft: _Draft) -> dict[str, Any]:
    """The object as it will be written, without ``adopt_id`` and before it has a name: what
    orders objects whose names collide."""
    refs: dict[str, Any] = {}
    for fld, target in draft.targets.items():
        refs[fld] = [_ref_name(t) for t in target] if isinstance(target, list) else _ref_name(target)
    children = {key: {d.name: _content(d) for d in sorted(ds, key=lambda d: name_order(d.name))}
                for key, ds in draft.children.items()}
    return body(draft.section, draft.args, refs, children)


def _name(scope: list[_Draft], earlier: _Earlier) -> None:
    if not scope:
        return
    spec = scope[0].section.spec
    kept = {id(d): earlier.matched[d].names[-1] for d in scope if d in earlier.matched}
    for draft in scope:
        if id(draft) in kept:
            draft.name = kept[id(draft)]
    new = [d for d in scope if id(d) not in kept]
    reserved = set(kept.values()) | earlier.names_in_scope(scope[0])
    items = [(_natural(d), _content(d), d.read["id"]) for d in new]
    for draft, name in zip(new, assign_names(items, fallback(spec), reserved=reserved)):
        draft.name = name


class _Earlier:
    """The spec being overwritten: which of its objects each draft is, and the names it used."""

    def __init__(self, drafts: _Drafts, previous: NetworkSpec | None) -> None:
        self.matched: dict[_Draft, SpecObject] = {}
        self._under: dict[tuple[str | None, str], list[SpecObject]] = {}
        if previous is None:
            return
        for obj in previous.objects.values():
            self._under.setdefault((obj.parent.path if obj.parent else None, obj.section.key), []).append(obj)
        for section in SECTIONS:
            self._match(drafts.top.get(section.kind, []), None, section)

    def _match(self, current: list[_Draft], parent: SpecObject | None, section: Section) -> None:
        before = self._under.get((parent.path if parent else None, section.key), [])
        if not current or not before:
            return
        pairs = match([(int(d.read["id"]), d.args, fingerprint(_comparable(d.args))) for d in current],
                      [(o.adopt_id, o.args, fingerprint(_comparable(o.args))) for o in before],
                      section.spec.natural_key)
        for i, j in pairs.items():
            self.matched[current[i]] = before[j]
        for draft in current:
            if draft in self.matched:
                for child in section.children:
                    self._match(draft.children.get(child.key, []), self.matched[draft], child)

    def names_in_scope(self, draft: _Draft) -> set[str]:
        """The names the previous spec gave in ``draft``'s scope: never given to another object."""
        parent = self.matched.get(draft.parent) if draft.parent is not None else None
        if draft.parent is not None and parent is None:
            return set()
        return {o.names[-1] for o in self._under.get((parent.path if parent else None, draft.section.key), [])}


def _comparable(args: Any) -> Any:
    """Arguments with secrets (a config reference in a file, a slot in a draft) as one marker."""
    if isinstance(args, (_SecretSlot, ConfigRef)):
        return "<secret>"
    if isinstance(args, Mapping):
        return {k: _comparable(v) for k, v in args.items()}
    if isinstance(args, list):
        return [_comparable(v) for v in args]
    return args
