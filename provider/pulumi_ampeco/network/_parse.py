"""Read and validate a network spec: structure, references by logical name, the resources' checks.

The whole file is validated before anything is registered, with the resources' own per-field
checks; every problem is reported at once, naming the file, the object (``charge_points.cp-1``)
and the field.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pulumi_ampeco.errors import Problem, SpecError, SpecProblemsError
from pulumi_ampeco.network._layout import SECTIONS, SET_FORMS, Ref, Section, SetLayout
from pulumi_ampeco.network._objects import (
    ConfigRef,
    Existing,
    NetworkSpec,
    SetForm,
    SpecObject,
    in_dependency_order,
    parent_paths,
    paths_in,
    pop_in,
    set_in,
)
from pulumi_ampeco.network._yaml import CONFIG_KEY, EXISTING_KEY, is_config_ref, load_text, type_name
from pulumi_ampeco.specs import REGISTRY
from pulumi_ampeco.specs._check import ADOPT_ID, check_inputs
from pulumi_ampeco.specs._convert import dig
from pulumi_ampeco.specs._members import ADOPT_EXISTING
from pulumi_ampeco.specs._schema import ModelMeta, model_meta

__all__ = ["NAME_PATTERN", "load", "parse"]

NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_PLACEHOLDER_ID = 1
"""Stands in for a referenced object's id while validating (the real id exists only after create)."""


def load(source: str | os.PathLike[str] | Mapping[str, Any]) -> NetworkSpec:
    """Read and validate a spec from a YAML file, or validate an already parsed mapping.

    Raises SpecError (a SpecProblemsError listing every problem) and never touches the network.
    """
    if isinstance(source, Mapping):
        return parse(source, file=None)
    path = Path(source)
    file = str(source)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError("no such file", file=file) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read it: {exc}", file=file) from None
    return parse(load_text(text, file), file=file)


def parse(data: Mapping[str, Any], *, file: str | None = None) -> NetworkSpec:
    """Validate a parsed spec; raises SpecProblemsError listing every problem."""
    parser = _Parser(file)
    spec = parser.run(data)
    if parser.problems:
        order = {path: i for i, path in enumerate(parser.objects)}
        problems = sorted(parser.problems, key=lambda p: -1 if p.obj is None else order.get(p.obj, -1))
        # A member of a set read from a CSV file is named by its line there too.
        problems = [Problem(f"{p.obj} ({parser.origins[p.obj]})", p.field, p.reason) if p.obj in parser.origins
                    else p for p in problems]
        raise SpecProblemsError(problems, file=file)
    return spec


class _Parser:
    def __init__(self, file: str | None) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.objects: dict[str, SpecObject] = {}
        self.raw_refs: dict[str, dict[Ref, Any]] = {}
        self._scopes: dict[str, list[str]] | None = None
        """Scope (``charge_points``, ``locations.depot.charging_zones``) -> logical names in it."""
        self.sets: dict[str, SetForm] = {}
        self.origins: dict[str, str] = {}
        """Path of a set member read from a CSV file -> ``<file> line <n>``."""

    def problem(self, obj: str | None, fld: str | None, reason: str) -> None:
        self.problems.append(Problem(obj, fld, reason))

    def run(self, data: Any) -> NetworkSpec:
        if not isinstance(data, Mapping):
            self.problem(None, None, f"the spec must be a mapping of sections ({_names(SECTIONS)}), "
                                     f"not {type_name(data)}")
            return NetworkSpec(self.file, {})
        known = {s.key: s for s in SECTIONS}
        for key in data:
            if key not in known:
                self.problem(str(key), None, f"unknown section; sections are {_names(SECTIONS)}")
        for section in SECTIONS:
            body = data.get(section.key)
            if body is None:
                continue
            form = SET_FORMS.get(section.key)
            if form is not None and _is_set_form(form, body):
                self.set_section(form, body)
            else:
                self.section(section, body, (), None)
        self.resolve_refs()
        self.check_natural_keys()
        # Fields already reported per object; check() adds problems only for the object it checks.
        reported: dict[str, set[str]] = {}
        for p in self.problems:
            if p.obj is not None:
                reported.setdefault(p.obj, set()).add(p.field or "")
        for obj in self.objects.values():
            self.check(obj, reported.get(obj.path, set()))
        return NetworkSpec(self.file, in_dependency_order(self.objects), self.sets)

    # structure ------------------------------------------------------------------------------

    def section(self, section: Section, body: Any, names: tuple[str, ...], parent: SpecObject | None) -> None:
        where = _path(parent.path if parent else "", section.key)
        if not isinstance(body, Mapping):
            self.problem(where, None, f"must be a mapping of logical name to object, not {type_name(body)}")
            return
        for raw_name, value in body.items():
            name = str(raw_name) if isinstance(raw_name, int) and not isinstance(raw_name, bool) else raw_name
            if not isinstance(name, str) or not NAME_PATTERN.match(name):
                self.problem(where, None, f"{raw_name!r} is not a valid logical name (letters, digits, "
                                          "'-', '_' and '.', starting with a letter or digit)")
                continue
            self.obj(section, value, (*names, name), _path(where, name), parent)

    def set_section(self, form: SetLayout, body: Mapping[str, Any]) -> None:
        """A section in set form: its members from ``csv`` and ``<field>``, each an object of the
        section (references by name, the kind's checks), applied as one set."""
        s, where = form.set, form.section.key
        for key in body:
            if key not in form.keys:
                self.problem(where, str(key), f"unknown key of the set form; its keys are {', '.join(form.keys)} "
                                              f"(or write {where} as logical names of {form.section.spec.plural})")
        adopt = body.get(ADOPT_EXISTING)
        if adopt is not None and not isinstance(adopt, bool):
            self.problem(where, ADOPT_EXISTING, "must be true or false")
            adopt = None
        members: dict[str, Any] = {}
        csv_name = body.get("csv")
        if csv_name is not None:
            members = self.csv_rows(form, csv_name)
        inline = body.get(s.field)
        if inline is not None and not isinstance(inline, Mapping):
            self.problem(where, s.field, f"must be a mapping of {s.key} to a {form.section.spec.noun}'s keys")
        for raw_key, value in (inline or {}).items() if isinstance(inline, Mapping) else ():
            key = str(raw_key)
            if key in members:
                self.problem(where, s.field, f"{s.key} {key!r} is in {csv_name} too; give each member once")
                continue
            members[key] = value
        for key, value in members.items():
            path = _path(where, key)
            if isinstance(value, Mapping) and s.key in value and str(value[s.key]) != key:
                self.problem(path, s.key, f"differs from the member's key {key!r}; leave it out")
            args = {**value, s.key: key} if isinstance(value, Mapping) else value
            self.obj(form.section, args, (key,), path, None)
            obj = self.objects.get(path)
            if obj is None:
                continue
            obj.member_of = where
            if obj.adopt_id is not None:
                self.problem(path, ADOPT_ID, f"members of a set are not adopted one by one: set "
                                             f"{ADOPT_EXISTING}: true on the set")
                obj.adopt_id = None
        self.sets[where] = SetForm(form, csv=csv_name if isinstance(csv_name, str) else None, adopt_existing=adopt)

    def csv_rows(self, form: SetLayout, name: Any) -> dict[str, Any]:
        """The members in the CSV file ``name`` (relative to the spec file's directory)."""
        from pulumi_ampeco._csv import read_members

        where = form.section.key
        if not isinstance(name, str) or not name.strip():
            self.problem(where, "csv", "must be the path of a CSV file (relative to this spec's directory)")
            return {}
        path = Path(name)
        if not path.is_absolute() and self.file is not None:
            path = Path(self.file).parent / path
        lines: dict[str, int] = {}
        try:
            rows = read_members(path, key=form.set.key, columns=form.columns, lines=lines)
        except SpecError as exc:
            self.problem(where, "csv", str(exc))
            return {}
        for key, line in lines.items():
            self.origins[_path(where, key)] = f"{name} line {line}"
        return dict(rows)

    def obj(self, section: Section, body: Any, names: tuple[str, ...], path: str,
            parent: SpecObject | None) -> None:
        if not isinstance(body, Mapping):
            self.problem(path, None, f"must be a mapping of arguments, not {type_name(body)}")
            return
        spec = section.spec
        meta = model_meta(spec.model)
        parent_fields = parent_paths(section, parent)
        refs = {r.key: r for r in section.refs}
        ref_fields = {r.field: r for r in section.refs}
        children = {c.key: c for c in section.children}
        obj = SpecObject(section, names, path, {}, parents=parent_fields, parent=parent)
        self.objects[path] = obj
        self.raw_refs[path] = {}
        body = self.nested_refs(section, body, path)
        for key, value in body.items():
            key = str(key)
            if key == ADOPT_ID:
                obj.adopt_id = value  # checked with the arguments
            elif key in refs:
                if value is not None:
                    self.raw_refs[path][refs[key]] = value
            elif key in children:
                if value is not None:
                    self.section(children[key], value, names, obj)
            elif key in ref_fields:
                r = ref_fields[key]
                self.problem(path, key, f"refer to the {REGISTRY[r.kind].noun} by its logical name instead of "
                                        f"an id: `{r.key}: <name>`")
            elif key in parent_fields:
                self.problem(path, key, f"is implied by nesting the {spec.kind} under its parent; remove it")
            elif key in meta.fields and meta.fields[key].computed:
                self.problem(path, key, "is computed by AMPECO and cannot be set; it is an output only")
            elif key in meta.fields and not meta.fields[key].path_param:
                obj.args[key] = self.secrets(meta, key, value, path, key)
            else:
                allowed = [f.name for f in meta.arguments() if f.name not in ref_fields and not f.path_param]
                allowed += [*refs, *children, ADOPT_ID]
                self.problem(path, key, f"unknown key for {spec.kind}; allowed: {', '.join(allowed)}")

    def nested_refs(self, section: Section, body: Mapping[str, Any], path: str) -> Mapping[str, Any]:
        """``body`` without the references inside its nested objects (``pricing.tax``), which go
        to ``raw_refs``; an id where a name belongs (``pricing.tax_id``) is reported."""
        if not section.nested_refs:
            return body
        copied = _copy_dicts(body)
        for ref in section.nested_refs:
            found, value = pop_in(copied, ref.key)
            if found and value is not None:
                self.raw_refs[path][ref] = value
            if pop_in(copied, ref.field)[0]:
                self.problem(path, ref.field, f"refer to the {REGISTRY[ref.kind].noun} by its logical name "
                                              f"instead of an id: `{ref.key}: <name>`")
        return copied

    def secrets(self, meta: ModelMeta, key: str, value: Any, path: str, dotted: str) -> Any:
        """Replace ``{config: key}`` in secret fields by ConfigRef; refuse secrets in clear."""
        fmeta = meta.fields[key]
        if not fmeta.secret or value is None:
            return value
        if fmeta.nested is not None and not is_config_ref(value):
            if isinstance(value, Mapping):
                return {k: (self.secrets(fmeta.nested, k, v, path, f"{dotted}.{k}")
                            if k in fmeta.nested.fields else v) for k, v in value.items()}
            return value
        if is_config_ref(value):
            config_key = value[CONFIG_KEY]
            if not isinstance(config_key, str) or not re.match(r"^[A-Za-z0-9_.:-]+$", config_key):
                self.problem(path, dotted, f"config key must be a non-empty name like cp-1-pin, not {config_key!r}")
                return None
            return ConfigRef(config_key)
        self.problem(path, dotted, "is a secret and is never written in clear: use "
                                   "`{config: <key>}` and `pulumi config set --secret <key> <value>`")
        return None

    # references -----------------------------------------------------------------------------

    def resolve_refs(self) -> None:
        for path, raw in self.raw_refs.items():
            obj = self.objects[path]
            for ref, value in raw.items():
                if ref.many:
                    if not isinstance(value, list) or not all(isinstance(v, (str, int, Mapping)) for v in value):
                        self.problem(path, ref.key, f"must be a list of {ref.target} names")
                        continue
                    keys = [repr(sorted(v.items())) if isinstance(v, Mapping) else str(v) for v in value]
                    if len(set(keys)) != len(keys):
                        self.problem(path, ref.key, "lists a name twice")
                        continue
                    targets = [self.existing(obj, ref, v) if isinstance(v, Mapping) else self.target(obj, ref, str(v), raw)
                               for v in value]
                    if all(t is not None for t in targets):
                        obj.refs[ref.field] = [t for t in targets if t is not None]
                    continue
                if isinstance(value, Mapping):
                    found = self.existing(obj, ref, value)
                    if found is not None:
                        obj.refs[ref.field] = found
                    continue
                if not isinstance(value, (str, int)) or isinstance(value, bool):
                    self.problem(path, ref.key, f"must be the logical name of a {REGISTRY[ref.kind].noun}")
                    continue
                target = self.target(obj, ref, str(value), raw)
                if target is not None:
                    obj.refs[ref.field] = target
        self.check_cycles()

    def existing(self, obj: SpecObject, ref: Ref, value: Mapping[str, Any]) -> Existing | None:
        """``{existing: {<natural key>: <value>}}``: an object of the tenant the spec does not manage."""
        spec = REGISTRY[ref.kind]
        keys = ", ".join(spec.natural_key) or "none"
        usage = (f"must be the logical name of a {spec.noun} of the spec, or {{{EXISTING_KEY}: {{<natural key>: "
                 f"<value>}}}} for one it does not manage (natural keys of a {spec.noun}: {keys})")
        inner = value.get(EXISTING_KEY) if set(value) == {EXISTING_KEY} else None
        if not isinstance(inner, Mapping) or len(inner) != 1:
            self.problem(obj.path, ref.key, usage)
            return None
        [(key, found)] = inner.items()
        if ref.within is not None:
            self.problem(obj.path, ref.key, f"an existing {spec.noun} cannot be named here: it is looked up within "
                                            f"the {ref.within}; name one of the spec's")
            return None
        if key not in spec.natural_key:
            self.problem(obj.path, ref.key, f"{key!r} is not a natural key of a {spec.noun}; natural keys: {keys}")
            return None
        if not isinstance(found, (str, int, float)) or isinstance(found, bool):
            self.problem(obj.path, ref.key, f"{key}: must be a value (text or number), not {type_name(found)}")
            return None
        return Existing(ref.kind, str(key), found)

    def target(self, obj: SpecObject, ref: Ref, name: str, raw: Mapping[Ref, Any]) -> str | None:
        if ref.within is None:
            candidate = _path(ref.target, name)
            scope = ref.target
        else:
            owner = next((r for r in obj.section.refs if r.key == ref.within), None)
            owner_name = raw.get(owner) if owner is not None else None
            if owner is None or owner_name is None:
                self.problem(obj.path, ref.key, f"needs `{ref.within}`: a {REGISTRY[ref.kind].noun} is "
                                                f"looked up within the {ref.within}")
                return None
            base = _path(owner.target, str(owner_name))
            if base not in self.objects:
                return None  # the owner reference is reported on its own
            candidate = _path(base, ref.target, name)
            scope = _path(base, ref.target)
        if candidate in self.objects:
            return candidate
        listing = ", ".join(sorted(self.scopes().get(scope, ()))) or "none"
        self.problem(obj.path, ref.key, f"{name!r} is not defined in {scope} (defined: {listing})")
        return None

    def scopes(self) -> dict[str, list[str]]:
        """The names defined in each scope, built once (only needed to report an unknown name)."""
        if self._scopes is None:
            self._scopes = {}
            for o in self.objects.values():
                name = o.names[-1]  # o.path is `<scope>.<name>`
                self._scopes.setdefault(o.path[:len(o.path) - len(name) - 1], []).append(name)
        return self._scopes

    def check_cycles(self) -> None:
        """Objects that refer to each other in a circle can never be created: report each circle once."""
        done: set[str] = set()
        stack: list[tuple[str, str | None]] = []  # (path, key of the reference followed from it)
        on_stack: dict[str, int] = {}

        def visit(path: str) -> None:
            on_stack[path] = len(stack)
            stack.append((path, None))
            obj = self.objects[path]
            for ref in obj.section.refs:
                for target in paths_in(obj.refs.get(ref.field)):
                    stack[-1] = (path, ref.key)
                    if target in on_stack:
                        self.report_cycle([p for p, _ in stack[on_stack[target]:]], stack[on_stack[target]][1])
                    elif target not in done:
                        visit(target)
            stack.pop()
            del on_stack[path]
            done.add(path)

        for path in self.objects:
            if path not in done:
                visit(path)

    def report_cycle(self, cycle: list[str], key: str | None) -> None:
        kinds = {self.objects[p].section for p in cycle}
        what = next(iter(kinds)).spec.plural if len(kinds) == 1 else "objects"
        self.problem(cycle[0], key, f"{what} refer to each other in a cycle: {' -> '.join([*cycle, cycle[0]])}")

    def check_natural_keys(self) -> None:
        """Two objects of one kind with the same natural key (within their parent, for a nested
        kind) would be one object to the tenant: the second create is refused, or a lost response
        would resolve to the first. Report the second, naming the first."""
        seen: dict[tuple[str, str, str], str] = {}
        for obj in self.objects.values():
            scope = obj.path[:len(obj.path) - len(obj.names[-1]) - 1]
            for key in obj.section.spec.natural_key:
                value = dig(obj.args, key)
                if value is None or isinstance(value, (ConfigRef, Mapping, list)):
                    continue
                token = (scope, key, repr(value))
                first = seen.setdefault(token, obj.path)
                if first != obj.path:
                    self.problem(obj.path, key, f"{value!r} is also the {key} of {first}: two "
                                                f"{obj.section.spec.plural} cannot share it (it identifies one "
                                                f"object on the tenant); give one of them another {key}")

    # per-field validation -------------------------------------------------------------------

    def check(self, obj: SpecObject, reported: set[str]) -> None:
        """The resource's own check on the arguments, with placeholders for what is not known yet.

        ``reported``: fields of ``obj`` already reported (a bad reference, a secret in clear), which
        are not reported again.
        """
        spec = obj.section.spec
        news: dict[str, Any] = dict(_placeholders(obj.args))
        for name in obj.parents:
            news[name] = _PLACEHOLDER_ID
        for r in obj.section.refs:
            if r.field in obj.refs:
                target = obj.refs[r.field]
                count = len(target) if isinstance(target, list) else 1
                set_in(news, r.field, [_PLACEHOLDER_ID + i for i in range(count)] if r.many else _PLACEHOLDER_ID)
        if obj.adopt_id is not None:
            news[ADOPT_ID] = obj.adopt_id
        for failure in check_inputs(spec, news, unknown=_is_config_value)[1]:
            name = failure.property
            for r in obj.section.refs:  # a reference's problem is named by its key in the file
                if name == r.field or name.startswith((f"{r.field}.", f"{r.field}[")):
                    name = r.key + name[len(r.field):]
                    break
            if not any(name == r or name.startswith((f"{r}.", f"{r}[")) for r in reported):
                self.problem(obj.path, name, failure.reason)
        if isinstance(obj.adopt_id, float) and obj.adopt_id.is_integer():
            obj.adopt_id = int(obj.adopt_id)


def _is_set_form(form: SetLayout, body: Any) -> bool:
    """Whether a member kind's section is written as one set: it holds a ``csv`` file name or a
    ``<field>`` mapping of members, and none of its entries is an object of the usual form (those
    name their key field: a card has its ``id_tag_uid``)."""
    if not isinstance(body, Mapping):
        return False
    key, field = form.set.key, form.set.field
    if any(isinstance(v, Mapping) and key in v for k, v in body.items() if k != field):
        return False
    members = body.get(field)
    return isinstance(body.get("csv"), str) or (
        isinstance(members, Mapping) and key not in members and all(isinstance(v, Mapping) for v in members.values()))


def _copy_dicts(value: Any) -> Any:
    """``value`` with every nested dict copied (lists and leaves shared): safe to pop from."""
    if isinstance(value, Mapping):
        return {k: _copy_dicts(v) for k, v in value.items()}
    return value


def _placeholders(args: Mapping[str, Any]) -> dict[str, Any]:
    """Arguments for validation: a top-level secret from config stays (present, not known yet, so
    not checked); a nested one is left out (secret fields are optional inside their object)."""

    def strip(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {k: strip(v) for k, v in value.items() if not isinstance(v, ConfigRef)}
        return value

    return {k: (v if isinstance(v, ConfigRef) else strip(v)) for k, v in args.items()}


def _is_config_value(value: Any) -> bool:
    return isinstance(value, ConfigRef)



def _path(*parts: str) -> str:
    return ".".join(p for p in parts if p)


def _names(sections: Sequence[Section]) -> str:
    return ", ".join(s.key for s in sections)
