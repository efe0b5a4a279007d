"""The YAML network spec: a whole AMPECO network in one reviewable file (``Network`` and ``export``).

::

    locations:
      depot-sofia:                          # logical name: letters, digits, '-', '_', '.'
        name: [{locale: en, translation: Depot Sofia}]
        address: [{locale: en, translation: "1 Tsarigradsko Shose Blvd, Sofia"}]
        country: BG
        geoposition: {latitude: 42.6854, longitude: 23.3447}
        external_id: depot-sofia
        charging_zones:                     # children nest under their parent
          staff: {name: Staff parking, status: enabled}
    tariffs:
      standard-ac:
        name: Standard AC
        type: duration+energy
        pricing: {price_per_kwh: 0.32}
    tariff_groups:
      public: {name: Depot public, tariffs: [standard-ac]}     # references by logical name
    charge_points:
      cp-1:
        name: Depot 1
        type: public
        status: enabled
        location: depot-sofia
        charging_zone: staff                # a zone of the charge point's location
        communication_mode: direct_ocpp
        network:
          id: DEPOT-SOF-01
          protocol: ocpp 1.6
          password: {config: cp-1-network-password}   # secrets: a secret stack config key
        evses:
          '1':
            network_id: '1'
            physical_reference: SOF-1-1
            current_type: ac
            status: enabled
            tariff_group: public
            connectors:
              type2: {type: type2, format: socket}
    id_tags:
      fleet-card-1: {id_tag_uid: 04A1B2C3D4E5, status: enabled, type: rfid}

Rules:

* Sections are ``locations``, ``tariffs``, ``tariff_groups``, ``charge_points`` and ``id_tags``,
  each a mapping from logical name to object. Objects that live inside a parent in the API (a
  location's ``charging_zones``, a charge point's ``evses``, an EVSE's ``connectors``) nest under
  it: their parent id is in the URL, they cannot move to another parent without being replaced,
  and their natural keys (an EVSE's ``network_id``) are unique only within the parent, so nesting
  says all of that and lets names repeat (every charge point has an EVSE ``'1'``). Everything that
  can be shared or moved in place (a charge point's location, a group's tariffs) is top-level
  and referred to by name.
* An object's keys are the resource's snake_case arguments, except that a reference to another
  object of the spec drops the ``_id`` suffix and takes a logical name (``location``,
  ``charging_zone``, ``ocpp_connected_charge_point``, ``tariff_group``) and a group's
  ``tariff_ids`` become ``tariffs``, a list of names in evaluation order. Ids of objects outside
  the spec (users, partners, electricity rates) stay numeric. ``adopt_id`` takes over an existing
  object, as for the resources.
* Secret fields (a charge point's ``pin`` and ``network.password``) are never written in clear:
  they take ``{config: <key>}``, a secret stack config key (``pulumi config set --secret <key>
  ...``); ``<key>`` may be qualified as ``namespace:key``, else it is in the project's namespace.
* The whole file is validated before anything is registered, with the resources' own per-field
  checks; every problem is reported at once, naming the file, the object
  (``charge_points.cp-1.evses.1``) and the field.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pulumi_ampeco.errors import Problem, SpecError, SpecProblemsError
from pulumi_ampeco.specs import REGISTRY
from pulumi_ampeco.specs._base import ResourceSpec
from pulumi_ampeco.specs._check import ADOPT_ID, check_inputs
from pulumi_ampeco.specs._schema import ModelMeta, model_meta

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

NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
CONFIG_KEY = "config"
_PLACEHOLDER_ID = 1
"""Stands in for a referenced object's id while validating (the real id exists only after create)."""


# ---------------------------------------------------------------------------------------------
# The layout: sections, their nesting and the references between them.


@dataclass(frozen=True)
class Ref:
    """A reference argument written as a logical name instead of an id."""

    key: str
    """The key in the file (``location``)."""
    field: str
    """The resource argument it fills (``location_id``)."""
    target: str
    """The top-level section holding the referenced objects, or, with ``within``, the child section."""
    many: bool = False
    within: str | None = None
    """For a child section: the reference key of this object naming the parent (``location``)."""


@dataclass(frozen=True)
class Section:
    key: str
    kind: str
    children: tuple[Section, ...] = ()
    refs: tuple[Ref, ...] = ()

    @property
    def spec(self) -> ResourceSpec:
        return REGISTRY[self.kind]


_CONNECTORS = Section("connectors", "Connector")
_EVSES = Section("evses", "Evse", children=(_CONNECTORS,),
                 refs=(Ref("tariff_group", "tariff_group_id", "tariff_groups"),))
_ZONES = Section("charging_zones", "ChargingZone")

SECTIONS: tuple[Section, ...] = (
    Section("locations", "Location", children=(_ZONES,)),
    Section("tariffs", "Tariff"),
    Section("tariff_groups", "TariffGroup", refs=(Ref("tariffs", "tariff_ids", "tariffs", many=True),)),
    Section("charge_points", "ChargePoint", children=(_EVSES,), refs=(
        Ref("location", "location_id", "locations"),
        Ref("charging_zone", "charging_zone_id", "charging_zones", within="location"),
        Ref("ocpp_connected_charge_point", "ocpp_connected_charge_point_id", "charge_points"),
    )),
    Section("id_tags", "IdTag"),
)
"""Top-level sections in file order (also the order ``export`` writes them)."""


def parent_field(kind: str) -> str:
    """The argument of a child that holds the id of an ancestor of ``kind`` (``charge_point_id``)."""
    return f"{REGISTRY[kind].module}_id"


# ---------------------------------------------------------------------------------------------
# The parsed form.


@dataclass(frozen=True)
class ConfigRef:
    """A value kept in stack config: ``{config: key}`` in the file."""

    key: str

    @property
    def namespace_and_name(self) -> tuple[str | None, str]:
        if ":" in self.key:
            namespace, name = self.key.split(":", 1)
            return namespace, name
        return None, self.key


@dataclass
class SpecObject:
    """One object of the spec: its arguments, references by path, children and ``adopt_id``."""

    section: Section
    names: tuple[str, ...]
    """Logical names from the top: ``("cp-1",)``, ``("cp-1", "1")``, ``("cp-1", "1", "type2")``."""
    path: str
    """``charge_points.cp-1.evses.1``: how errors and ``Network.resources`` name it."""
    args: dict[str, Any]
    """Arguments without references and parent ids; secret values are ``ConfigRef``."""
    refs: dict[str, str | list[str]] = field(default_factory=dict)
    """Reference argument -> path of the referenced object (a list for ``tariff_ids``)."""
    parents: dict[str, str] = field(default_factory=dict)
    """Parent id argument (``charge_point_id``) -> path of that ancestor."""
    adopt_id: int | None = None
    parent: SpecObject | None = field(default=None, repr=False)

    @property
    def kind(self) -> str:
        return self.section.kind

    @property
    def key(self) -> str:
        """The logical name, qualified by the parents' for children: ``cp-1/1``."""
        return "/".join(self.names)

    def config_refs(self) -> Iterator[tuple[str, ConfigRef]]:
        """(dotted field, reference) for every secret kept in config."""
        yield from _config_refs(self.args, "")


def _config_refs(value: Any, prefix: str) -> Iterator[tuple[str, ConfigRef]]:
    if isinstance(value, ConfigRef):
        yield prefix, value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _config_refs(v, f"{prefix}.{k}" if prefix else str(k))


@dataclass
class NetworkSpec:
    """A validated spec: its objects by path, parents before children, referenced before referrers."""

    file: str | None
    objects: dict[str, SpecObject]

    def of_kind(self, kind: str) -> list[SpecObject]:
        return [o for o in self.objects.values() if o.kind == kind]

    def config_keys(self) -> list[str]:
        return sorted({ref.key for o in self.objects.values() for _, ref in o.config_refs()})


# ---------------------------------------------------------------------------------------------
# Loading.


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
    return parse(_yaml_load(text, file), file=file)


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
# PyYAML's int and float patterns without their base-60 forms (1:30 -> 90).
_INT_RE = re.compile(r"""^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$""", re.VERBOSE)
_FLOAT_RE = re.compile(r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$""", re.VERBOSE)


def _yaml_load(text: str, file: str) -> Any:
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
        loader.flatten_mapping(node)
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                line = key_node.start_mark.line + 1
                raise SpecError(f"line {line}: a key must be a plain name, not {_type_name(key)}", file=file)
            if key in out:
                line = key_node.start_mark.line + 1
                raise SpecError(f"line {line}: key {key!r} appears twice in the same mapping", file=file)
            out[key] = loader.construct_object(value_node, deep=True)
        return out

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    # YAML 1.1 reads 22:00 as the base-60 number 1320; in a network spec it is a time of day.
    _Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in (_INT, _FLOAT)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _Loader.add_implicit_resolver(_INT, _INT_RE, list("-+0123456789"))
    _Loader.add_implicit_resolver(_FLOAT, _FLOAT_RE, list("-+0123456789."))
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise SpecError(f"not valid YAML: {where}{problem}", file=file) from None
    return {} if data is None else data


def parse(data: Mapping[str, Any], *, file: str | None = None) -> NetworkSpec:
    """Validate a parsed spec; raises SpecProblemsError listing every problem."""
    parser = _Parser(file)
    spec = parser.run(data)
    if parser.problems:
        order = {path: i for i, path in enumerate(parser.objects)}
        problems = sorted(parser.problems, key=lambda p: -1 if p.obj is None else order.get(p.obj, -1))
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

    def problem(self, obj: str | None, fld: str | None, reason: str) -> None:
        self.problems.append(Problem(obj, fld, reason))

    def run(self, data: Any) -> NetworkSpec:
        if not isinstance(data, Mapping):
            self.problem(None, None, f"the spec must be a mapping of sections ({_names(SECTIONS)}), "
                                     f"not {_type_name(data)}")
            return NetworkSpec(self.file, {})
        known = {s.key: s for s in SECTIONS}
        for key in data:
            if key not in known:
                self.problem(str(key), None, f"unknown section; sections are {_names(SECTIONS)}")
        for section in SECTIONS:
            if data.get(section.key) is not None:
                self.section(section, data[section.key], (), None)
        self.resolve_refs()
        # Fields already reported per object; check() adds problems only for the object it checks.
        reported: dict[str, set[str]] = {}
        for p in self.problems:
            if p.obj is not None:
                reported.setdefault(p.obj, set()).add((p.field or "").split(".")[0])
        for obj in self.objects.values():
            self.check(obj, reported.get(obj.path, set()))
        return NetworkSpec(self.file, self.ordered())

    # structure ------------------------------------------------------------------------------

    def section(self, section: Section, body: Any, names: tuple[str, ...], parent: SpecObject | None) -> None:
        where = _path(parent.path if parent else "", section.key)
        if not isinstance(body, Mapping):
            self.problem(where, None, f"must be a mapping of logical name to object, not {_type_name(body)}")
            return
        for raw_name, value in body.items():
            name = str(raw_name) if isinstance(raw_name, int) and not isinstance(raw_name, bool) else raw_name
            if not isinstance(name, str) or not NAME_PATTERN.match(name):
                self.problem(where, None, f"{raw_name!r} is not a valid logical name (letters, digits, "
                                          "'-', '_' and '.', starting with a letter or digit)")
                continue
            self.obj(section, value, (*names, name), _path(where, name), parent)

    def obj(self, section: Section, body: Any, names: tuple[str, ...], path: str,
            parent: SpecObject | None) -> None:
        if not isinstance(body, Mapping):
            self.problem(path, None, f"must be a mapping of arguments, not {_type_name(body)}")
            return
        spec = section.spec
        meta = model_meta(spec.model)
        parent_fields = _parent_fields(parent)
        refs = {r.key: r for r in section.refs}
        ref_fields = {r.field: r for r in section.refs}
        children = {c.key: c for c in section.children}
        obj = SpecObject(section, names, path, {}, parents=parent_fields, parent=parent)
        self.objects[path] = obj
        self.raw_refs[path] = {}
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
                self.problem(path, key, f"refer to the {_singular(r.target)} by its logical name instead of "
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

    def secrets(self, meta: ModelMeta, key: str, value: Any, path: str, dotted: str) -> Any:
        """Replace ``{config: key}`` in secret fields by ConfigRef; refuse secrets in clear."""
        fmeta = meta.fields[key]
        if not fmeta.secret or value is None:
            return value
        if fmeta.nested is not None and not _is_config_ref(value):
            if isinstance(value, Mapping):
                return {k: (self.secrets(fmeta.nested, k, v, path, f"{dotted}.{k}")
                            if k in fmeta.nested.fields else v) for k, v in value.items()}
            return value
        if _is_config_ref(value):
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
                    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
                        self.problem(path, ref.key, f"must be a list of {ref.target} names")
                        continue
                    names = [str(v) for v in value]
                    if len(set(names)) != len(names):
                        self.problem(path, ref.key, "lists a name twice")
                        continue
                    targets = [self.target(obj, ref, n, raw) for n in names]
                    if all(t is not None for t in targets):
                        obj.refs[ref.field] = [t for t in targets if t is not None]
                    continue
                if not isinstance(value, (str, int)) or isinstance(value, bool):
                    self.problem(path, ref.key, f"must be the logical name of a {_singular(ref.target)}")
                    continue
                target = self.target(obj, ref, str(value), raw)
                if target is not None:
                    obj.refs[ref.field] = target
        self.check_cycles()

    def target(self, obj: SpecObject, ref: Ref, name: str, raw: Mapping[Ref, Any]) -> str | None:
        if ref.within is None:
            candidate = _path(ref.target, name)
            scope = ref.target
        else:
            owner = next((r for r in obj.section.refs if r.key == ref.within), None)
            owner_name = raw.get(owner) if owner is not None else None
            if owner is None or owner_name is None:
                self.problem(obj.path, ref.key, f"needs `{ref.within}`: a {_singular(ref.target)} is "
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
        reported: set[str] = set()
        for start in self.objects:
            seen: list[str] = []
            current: str | None = start
            while current is not None and current not in seen:
                seen.append(current)
                nxt = self.objects[current].refs.get("ocpp_connected_charge_point_id")
                current = nxt if isinstance(nxt, str) else None
            if current is not None and current == start and start not in reported:
                reported.update(seen)
                self.problem(start, "ocpp_connected_charge_point",
                             f"charge points refer to each other in a cycle: {' -> '.join([*seen, start])}")

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
                news[r.field] = [_PLACEHOLDER_ID + i for i in range(len(target))] if r.many else _PLACEHOLDER_ID
        if obj.adopt_id is not None:
            news[ADOPT_ID] = obj.adopt_id
        by_field = {r.field: r.key for r in obj.section.refs}
        for failure in check_inputs(spec, news, unknown=_is_config_value)[1]:
            top = failure.property.split(".")[0].split("[")[0]
            name = by_field[top] + failure.property[len(top):] if top in by_field else failure.property
            if name.split(".")[0].split("[")[0] not in reported:
                self.problem(obj.path, name, failure.reason)
        if isinstance(obj.adopt_id, float) and obj.adopt_id.is_integer():
            obj.adopt_id = int(obj.adopt_id)

    def ordered(self) -> dict[str, SpecObject]:
        """Parents before children, referenced objects before the objects referring to them."""
        order: dict[str, SpecObject] = {}
        visiting: set[str] = set()

        def visit(path: str) -> None:
            if path in order or path in visiting or path not in self.objects:
                return
            visiting.add(path)
            obj = self.objects[path]
            for dep in [*obj.parents.values(), *_flat(obj.refs.values())]:
                visit(dep)
            visiting.discard(path)
            order[path] = obj

        for kind in ("Location", "ChargingZone", "Tariff", "TariffGroup", "ChargePoint", "Evse", "Connector", "IdTag"):
            for path, obj in self.objects.items():
                if obj.kind == kind:
                    visit(path)
        return order


def _parent_fields(parent: SpecObject | None) -> dict[str, str]:
    """Parent id argument -> ancestor path, for every ancestor (a connector has two)."""
    out: dict[str, str] = {}
    while parent is not None:
        out[parent_field(parent.kind)] = parent.path
        parent = parent.parent
    return out


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


def _flat(values: Any) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(v if isinstance(v, list) else [v])
    return out


def _is_config_ref(value: Any) -> bool:
    return isinstance(value, Mapping) and set(value) == {CONFIG_KEY}


def _path(*parts: str) -> str:
    return ".".join(p for p in parts if p)


def _names(sections: Sequence[Section]) -> str:
    return ", ".join(s.key for s in sections)


def _singular(section_key: str) -> str:
    return section_key[:-1].replace("_", " ") if section_key.endswith("s") else section_key


def _type_name(value: Any) -> str:
    if value is None:
        return "empty"
    return {dict: "a mapping", list: "a list", str: "a string", int: "a number", float: "a number",
            bool: "a boolean"}.get(type(value), type(value).__name__)


# ---------------------------------------------------------------------------------------------
# Writing.


def dump(data: Mapping[str, Any], *, header: str | None = None) -> str:
    """YAML text of a spec tree, keys in the given order, block style, stable across runs.

    ``header`` lines are written as ``#`` comments at the top.
    """
    if not data:
        body = "{}\n"
    else:
        try:
            body = _dump_body(data, _dumper(pure=False))
        except _NeedsPureEmitter:
            body = _dump_body(data, _dumper(pure=True))
    lines = [f"# {line}".rstrip() for line in (header or "").splitlines()]
    return ("\n".join(lines) + "\n" if lines else "") + body


# libyaml's emitter (yaml.CSafeDumper) is several times faster than PyYAML's pure-Python one but
# does not write every string the same way: characters outside the Basic Multilingual Plane
# (emoji) are escaped, NEL/LS/PS and a carriage return in a key are line breaks to it, a key of
# 123-128 bytes or an empty one is written as a simple key, a literal block kept with `|+` at
# the end ends the document with `...`, and a quoted scalar longer than the line width is folded
# differently. The pure emitter's text is the format, so the C one is used only for documents
# without such strings (every string is checked as it is represented); any other document is
# written by the pure emitter. tests/test_spec_file.py checks both give the same text.
_C_SAFE_TEXT = re.compile("[\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")
_C_SAFE_LENGTH = 1500
"""Longer strings could reach the line width (4096), where the two fold quoted scalars differently."""
_C_SAFE_KEY = re.compile("[\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]+")


class _NeedsPureEmitter(Exception):
    """The document has a string the C emitter would write differently (see above)."""


def _c_safe_text(value: str) -> bool:
    if len(value) > _C_SAFE_LENGTH:
        return False
    if value.isascii() and value.isprintable():  # the common case, quickly: no control characters
        return True
    return _C_SAFE_TEXT.fullmatch(value) is not None and not value.endswith("\n\n") and value != "\n"


def _c_safe_key(key: Any) -> bool:
    if not isinstance(key, str):
        return len(repr(key)) < 100  # a number or a boolean (nothing else is written)
    # the pure emitter counts characters plus the 5 of `!!str`, the C one bytes without the tag
    if key.isascii() and key.isprintable():
        return 0 < len(key) <= 122
    return _C_SAFE_KEY.fullmatch(key) is not None and len(key.encode("utf-8")) <= 122


def _dump_body(data: Mapping[str, Any], dumper: type) -> str:
    import yaml

    text: str = yaml.dump(dict(data), Dumper=dumper, sort_keys=False, default_flow_style=False,
                          allow_unicode=True, width=4096, indent=2)
    return text


@functools.cache
def _dumper(pure: bool) -> type:
    """The spec's YAML dumper: libyaml's emitter when PyYAML has it (``yaml.CSafeDumper``) and
    ``pure`` is false, else the pure-Python one."""
    import yaml

    c_base = None if pure else getattr(yaml, "CSafeDumper", None)
    check = c_base is not None

    def represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        if check and not _c_safe_text(value):
            raise _NeedsPureEmitter
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    def represent_dict(dumper: yaml.SafeDumper, value: dict[Any, Any]) -> yaml.MappingNode:
        if check and not all(_c_safe_key(k) for k in value):
            raise _NeedsPureEmitter
        flow = _is_config_ref(value)  # secrets read as one line: `password: {config: cp-1-...}`
        return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=flow)

    dumper: type = type("_Dumper", (c_base or yaml.SafeDumper,), {})
    dumper.add_representer(str, represent_str)  # type: ignore[attr-defined]
    dumper.add_representer(dict, represent_dict)  # type: ignore[attr-defined]
    return dumper
