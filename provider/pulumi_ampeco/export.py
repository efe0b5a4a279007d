"""Read a tenant's network and write it as a YAML network spec (``pulumi-ampeco export``).

The file is meant for git: exporting the same tenant twice gives the same bytes, and exporting a
clone gives the same file as exporting the original, so a diff shows only real changes.

Logical names
    From each object's natural key, slugified (lower case; runs of anything but letters and
    digits become ``-``; accents dropped): a location's ``external_id`` (else its English name,
    else the first name that gives a slug), a charge point's ``network.id`` (else ``external_id``, else ``name``), an id
    tag's ``id_tag_uid``, an EVSE's ``network_id`` within its charge point, a connector's
    ``type`` within its EVSE, and the ``name`` of tariffs, tariff groups and charging zones
    (zones within their location). Objects whose names collide are ordered by their exported
    content (then by id, only if identical) and get ``-2``, ``-3``, ... in that order. Ids never
    decide a name otherwise, because they differ between tenants.

Ordering
    Sections in a fixed order (locations, tariffs, tariff groups, charge points, id tags),
    objects by logical name (numbers in names compared as numbers: ``cp-2`` before ``cp-10``),
    arguments in the order the resource declares them, ``adopt_id`` first, children last.

Left out
    * Computed fields, keys the resource does not declare (response-only extras such as a charge
      point's ``security.currentProfile``), nulls and empty lists or objects.
    * Values equivalent to "not set" (an id tag's ``payment_method_id`` ``auto``), list items the
      server adds on its own (``IgnoreItems``: a charge point's auto-detected
      ``display_messages`` capability), and the deprecated ``managed_by_operator`` when it only
      repeats ``communication_mode``.
    * ServerDefault fields are written when set, because a clone must get the source's values
      and not the target's defaults (an EVSE's tariff group, a charge point's
      ``communication_mode``), except values the server generates per object: a charge point's
      ``sharing_code`` (copying it to another tenant would be wrong, and as it is create-only a
      later change of it would replace the charge point).
    * Each tariff group's free base tariff: AMPECO adds a new free tariff in front of
      ``tariffIds`` when a group is created and keeps it there. Heuristic: the first tariff of a
      group is its base tariff when it is of type ``free`` and no other group lists it. It is
      left out of the group's ``tariffs`` and not exported as a tariff (the target tenant adds
      its own). A group created without a base tariff whose first tariff is an unshared free
      tariff would lose that tariff; AMPECO does not allow such groups to be created via the API.

Secrets
    A charge point's ``pin`` and ``network.password`` are written as ``{config: <key>}`` with
    ``<key>`` = ``<logical name>-<field path with dashes>`` (``cp-1-network-password``); the
    keys are listed in the file's header and in the command's output. Values never leave the
    process.

``adopt=True`` adds each object's ``adopt_id``: the first ``pulumi up`` against the same tenant
then takes everything over, with no create and no update.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pulumi_ampeco._engine.convert import to_python
from pulumi_ampeco._engine.schema import ModelMeta, model_meta
from pulumi_ampeco.client import AmpecoClient
from pulumi_ampeco.errors import AmpecoError
from pulumi_ampeco.specs import REGISTRY
from pulumi_ampeco.specs._base import ResourceSpec

__all__ = ["DEPENDENCIES", "TYPES", "ExportError", "ExportResult", "export_network", "resolve_types"]

PER_PAGE = 100

TYPES: tuple[str, ...] = tuple(spec.module for spec in REGISTRY.values())
"""The ``--types`` values: each resource's file stem (``id_tag``, ``location``, ...)."""

DEPENDENCIES: dict[str, tuple[str, ...]] = {
    "charging_zone": ("location",),
    "charge_point": ("location", "charging_zone"),
    "evse": ("charge_point", "tariff_group"),
    "connector": ("evse",),
    "tariff_group": ("tariff",),
}
"""What each type needs in the same file: its parent, and what it refers to by name."""

_GENERATED = frozenset({("ChargePoint", "sharing_code")})
"""ServerDefault fields whose value the server generates for each object; never exported."""

Named = list[tuple[str, dict[str, Any], Mapping[str, Any]]]
"""(logical name, exported body, object as read), sorted by name."""

Progress = Callable[[str, int], None]
"""Called as objects are read: (label of what is being read, objects read so far)."""


class ExportError(AmpecoError):
    """The tenant's data cannot be written as a spec (e.g. a reference to a missing object)."""


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
    skipped_base_tariffs: int = 0

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


# ---------------------------------------------------------------------------------------------
# Reading.


@dataclass
class _Tenant:
    """Everything read, as snake_case dicts with their ``id``."""

    id_tags: list[dict[str, Any]] = field(default_factory=list)
    locations: list[dict[str, Any]] = field(default_factory=list)
    zones: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    tariffs: list[dict[str, Any]] = field(default_factory=list)
    groups: list[dict[str, Any]] = field(default_factory=list)
    charge_points: list[dict[str, Any]] = field(default_factory=list)
    evses: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    connectors: dict[int, list[dict[str, Any]]] = field(default_factory=dict)


class _Reader:
    def __init__(self, client: AmpecoClient, progress: Progress | None) -> None:
        self.client = client
        self.progress = progress
        self.count = 0

    def list(self, kind: str, label: str, **params: Any) -> list[dict[str, Any]]:
        spec = REGISTRY[kind]
        meta = model_meta(spec.model)
        out = []
        for item in self.client.list(spec.collection_path(params), per_page=PER_PAGE):
            python = to_python(meta, item)
            python["id"] = item.get("id")
            out.append(python)
            self.count += 1
            if self.progress is not None:
                self.progress(label, self.count)
        if self.progress is not None:
            self.progress(label, self.count)
        return out


def _read(client: AmpecoClient, types: set[str], progress: Progress | None) -> _Tenant:
    reader = _Reader(client, progress)
    tenant = _Tenant()
    if "location" in types:
        tenant.locations = reader.list("Location", "locations")
        if "charging_zone" in types:
            for loc in tenant.locations:
                tenant.zones[loc["id"]] = reader.list("ChargingZone", "charging zones", location_id=loc["id"])
    if "tariff" in types:
        tenant.tariffs = reader.list("Tariff", "tariffs")
    if "tariff_group" in types or "tariff" in types:  # groups tell which tariffs are base tariffs
        tenant.groups = reader.list("TariffGroup", "tariff groups")
    if "charge_point" in types:
        tenant.charge_points = reader.list("ChargePoint", "charge points")
        if "evse" in types:
            for cp in tenant.charge_points:
                tenant.evses[cp["id"]] = reader.list("Evse", "EVSEs", charge_point_id=cp["id"])
                if "connector" in types:
                    for evse in tenant.evses[cp["id"]]:
                        tenant.connectors[evse["id"]] = reader.list(
                            "Connector", "connectors", charge_point_id=cp["id"], evse_id=evse["id"])
    if "id_tag" in types:
        tenant.id_tags = reader.list("IdTag", "id tags")
    return tenant


# ---------------------------------------------------------------------------------------------
# Object bodies.


@dataclass(frozen=True)
class _SecretSlot:
    """Where a secret value was; becomes ``{config: key}`` once the object has its name."""

    path: str


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


def _body(spec: ResourceSpec, obj: Mapping[str, Any], refs: Mapping[str, tuple[str, Any]]) -> dict[str, Any]:
    """An object's arguments; reference fields replaced (in place) by ``refs[field] = (key, value)``."""
    args = _arguments(model_meta(spec.model), obj)
    for fmeta_name in [n for n in args if (spec.kind, n) in _GENERATED]:
        del args[fmeta_name]
    if spec.kind == "ChargePoint" and "managed_by_operator" in args \
            and args["managed_by_operator"] == (args.get("communication_mode", "direct_ocpp") != "none"):
        del args["managed_by_operator"]  # the deprecated flag only repeats communication_mode
    out: dict[str, Any] = {}
    for name, value in args.items():
        if name in refs:
            key, ref_value = refs[name]
            if ref_value not in (None, []):
                out[key] = ref_value
        else:
            out[name] = value
    return out


# ---------------------------------------------------------------------------------------------
# Names.


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def natural_order(name: str) -> tuple[Any, ...]:
    """Sort key that compares digit runs as numbers (``cp-2`` before ``cp-10``)."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", name) if part != "")


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=repr, separators=(",", ":"))


def assign_names(items: Sequence[tuple[str, Any, int]], fallback: str) -> list[str]:
    """Unique logical names for ``(base name, content, id)`` items, in the items' order.

    Colliding names are ordered by content (then id) and suffixed ``-2``, ``-3``, ...
    """
    bases = [slugify(base) or fallback for base, _, _ in items]
    order = sorted(range(len(items)), key=lambda i: (bases[i], _canonical(items[i][1]), items[i][2]))
    taken = set(bases)
    names: list[str] = [""] * len(items)
    seen: set[str] = set()
    for i in order:
        base = bases[i]
        if base not in seen:
            names[i] = base
            seen.add(base)
            continue
        n = 2
        while f"{base}-{n}" in taken or f"{base}-{n}" in seen:
            n += 1
        names[i] = f"{base}-{n}"
        seen.add(names[i])
    return names


def _translation(values: Any) -> str:
    """The English translation, else the first one that gives a slug (so not a Cyrillic-only one)."""
    texts = [(item.get("locale"), str(item.get("translation") or "")) for item in values or []
             if isinstance(item, Mapping)]
    for locale, text in sorted(texts, key=lambda t: t[0] != "en"):
        if slugify(text):
            return text
    return ""


def _natural(kind: str, obj: Mapping[str, Any]) -> str:
    if kind == "Location":
        return str(obj.get("external_id") or _translation(obj.get("name")))
    if kind == "ChargePoint":
        network = obj.get("network") or {}
        return str(network.get("id") or obj.get("external_id") or obj.get("name") or "")
    key = REGISTRY[kind].natural_key
    return str(obj.get(key[0]) or "") if key else ""


def _fallback(kind: str) -> str:
    return REGISTRY[kind].module.replace("_", "-")


def _named(kind: str, objs: Sequence[Mapping[str, Any]],
           bodies: Sequence[dict[str, Any]]) -> Named:
    names = assign_names([(_natural(kind, o), b, int(o["id"])) for o, b in zip(objs, bodies)], _fallback(kind))
    return sorted(zip(names, bodies, objs), key=lambda t: natural_order(t[0]))


# ---------------------------------------------------------------------------------------------
# The spec.


def base_tariff_ids(tariffs: Sequence[Mapping[str, Any]], groups: Sequence[Mapping[str, Any]]) -> set[int]:
    """Ids of the free base tariffs AMPECO put in front of each group (see the module docstring)."""
    by_id = {t["id"]: t for t in tariffs}
    listed_by: dict[int, int] = {}
    for group in groups:
        for tariff_id in group.get("tariff_ids") or []:
            listed_by[tariff_id] = listed_by.get(tariff_id, 0) + 1
    base: set[int] = set()
    for group in groups:
        ids = group.get("tariff_ids") or []
        if ids and listed_by.get(ids[0]) == 1 and (by_id.get(ids[0]) or {}).get("type") == "free":
            base.add(ids[0])
    return base


def export_network(client: AmpecoClient, *, types: Iterable[str] | None = None, adopt: bool = False,
                   progress: Progress | None = None) -> ExportResult:
    """Read the tenant and return its spec; ``types`` limits it (with what those types need)."""
    kinds, _ = resolve_types(types)
    start = client.stats.requests
    tenant = _read(client, kinds, progress)
    builder = _Builder(tenant, kinds, adopt)
    tree = builder.build()
    keys = sorted(builder.config_keys)
    from pulumi_ampeco.spec_file import dump, parse

    parse(tree)  # what we write must load: a failure here is a bug, not the tenant's fault
    text = dump(tree, header=_header(keys, adopt))
    return ExportResult(text, builder.counts, keys, client.stats.requests - start, len(builder.base_tariffs))


def _header(keys: Sequence[str], adopt: bool) -> str:
    lines = [
        "AMPECO network spec written by `pulumi-ampeco export`; apply it with pulumi_ampeco.Network.",
        "Left out: ids, values AMPECO computes or generates, unset values, tariff groups' free base tariffs.",
    ]
    if adopt:
        lines.append("With adopt_id, the first `pulumi up` against the exported tenant takes every object over.")
    if keys:
        lines.append("Secrets are stack config references; set them in each stack before `pulumi up`:")
        lines += [f"  pulumi config set --secret {key} <value>" for key in keys]
    return "\n".join(lines)


class _Builder:
    def __init__(self, tenant: _Tenant, kinds: set[str], adopt: bool) -> None:
        self.t = tenant
        self.kinds = kinds
        self.adopt = adopt
        self.counts: dict[str, int] = {}
        self.config_keys: set[str] = set()
        self.base_tariffs = base_tariff_ids(tenant.tariffs, tenant.groups)
        self.tariff_names: dict[int, str] = {}
        self.group_names: dict[int, str] = {}
        self.location_names: dict[int, str] = {}
        self.zone_names: dict[int, str] = {}

    def build(self) -> dict[str, Any]:
        tree: dict[str, Any] = {}
        tariffs = self.tariffs() if "tariff" in self.kinds else {}
        groups = self.groups() if "tariff_group" in self.kinds else {}
        locations = self.locations() if "location" in self.kinds else {}
        charge_points = self.charge_points() if "charge_point" in self.kinds else {}
        id_tags = self.simple("IdTag", self.t.id_tags) if "id_tag" in self.kinds else {}
        for key, section in (("locations", locations), ("tariffs", tariffs), ("tariff_groups", groups),
                             ("charge_points", charge_points), ("id_tags", id_tags)):
            if section:
                tree[key] = section
        return tree

    # helpers ---------------------------------------------------------------------------------

    def finish(self, kind: str, obj: Mapping[str, Any], body: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
        """Count it, put secrets as config references, and ``adopt_id`` first."""
        self.counts[kind] = self.counts.get(kind, 0) + 1
        body = self.secrets(body, "-".join(names))
        return {"adopt_id": int(obj["id"]), **body} if self.adopt else body

    def secrets(self, value: Any, prefix: str) -> Any:
        if isinstance(value, _SecretSlot):
            key = f"{prefix}-{value.path.replace('.', '-').replace('_', '-')}"
            self.config_keys.add(key)
            return {"config": key}
        if isinstance(value, dict):
            return {k: self.secrets(v, prefix) for k, v in value.items()}
        if isinstance(value, list):
            return [self.secrets(v, prefix) for v in value]
        return value

    def simple(self, kind: str, objs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        bodies = [_body(REGISTRY[kind], o, {}) for o in objs]
        return {name: self.finish(kind, o, b, (name,)) for name, b, o in _named(kind, objs, bodies)}

    def ref(self, names: Mapping[int, str], object_id: Any, what: str, owner: str) -> str:
        if object_id not in names:
            raise ExportError(f"{owner} refers to {what} {object_id}, which is not in the tenant's listing")
        return names[object_id]

    # sections ------------------------------------------------------------------------------

    def tariffs(self) -> dict[str, Any]:
        objs = [t for t in self.t.tariffs if t["id"] not in self.base_tariffs]
        bodies = [_body(REGISTRY["Tariff"], o, {}) for o in objs]
        out = {}
        for name, body, obj in _named("Tariff", objs, bodies):
            self.tariff_names[obj["id"]] = name
            out[name] = self.finish("Tariff", obj, body, (name,))
        return out

    def groups(self) -> dict[str, Any]:
        bodies = []
        for group in self.t.groups:
            ids = [i for i in group.get("tariff_ids") or [] if i not in self.base_tariffs]
            names = [self.ref(self.tariff_names, i, "tariff", f"tariff group {group['id']}") for i in ids]
            bodies.append(_body(REGISTRY["TariffGroup"], group, {"tariff_ids": ("tariffs", names)}))
        out = {}
        for name, body, obj in _named("TariffGroup", self.t.groups, bodies):
            self.group_names[obj["id"]] = name
            out[name] = self.finish("TariffGroup", obj, body, (name,))
        return out

    def locations(self) -> dict[str, Any]:
        bodies: list[dict[str, Any]] = []
        zones_of: dict[int, Named] = {}
        for loc in self.t.locations:
            zones = self.t.zones.get(loc["id"], [])
            named_zones = _named("ChargingZone", zones, [_body(REGISTRY["ChargingZone"], z, {}) for z in zones])
            zones_of[loc["id"]] = named_zones
            body = _body(REGISTRY["Location"], loc, {})
            if named_zones:
                body["charging_zones"] = {n: b for n, b, _ in named_zones}  # orders colliding locations
            bodies.append(body)
        out = {}
        for name, body, location in _named("Location", self.t.locations, bodies):
            self.location_names[location["id"]] = name
            named_zones = zones_of[location["id"]]
            for zone_name, _, zone in named_zones:
                self.zone_names[zone["id"]] = zone_name
            if named_zones:
                body["charging_zones"] = {zn: self.finish("ChargingZone", z, zb, (name, zn))
                                          for zn, zb, z in named_zones}
            out[name] = self.finish("Location", location, body, (name,))
        return out

    def evse_body(self, evse: Mapping[str, Any]) -> tuple[dict[str, Any], Named]:
        connectors = self.t.connectors.get(evse["id"], [])
        named_connectors = _named("Connector", connectors, [_body(REGISTRY["Connector"], c, {}) for c in connectors])
        group = evse.get("tariff_group_id")
        group_name = (self.ref(self.group_names, group, "tariff group", f"EVSE {evse['id']}")
                      if group is not None else None)
        body = _body(REGISTRY["Evse"], evse, {"tariff_group_id": ("tariff_group", group_name)})
        if named_connectors:
            body["connectors"] = {n: b for n, b, _ in named_connectors}
        return body, named_connectors

    def charge_points(self) -> dict[str, Any]:
        cps = self.t.charge_points
        natural = {cp["id"]: slugify(_natural("ChargePoint", cp)) or "charge-point" for cp in cps}
        bodies: list[dict[str, Any]] = []
        evses_of: dict[int, Named] = {}
        connectors_of: dict[int, Named] = {}
        for cp in cps:
            evses = self.t.evses.get(cp["id"], [])
            evse_bodies = []
            for evse in evses:
                evse_body, connectors_of[evse["id"]] = self.evse_body(evse)
                evse_bodies.append(evse_body)
            evses_of[cp["id"]] = named_evses = _named("Evse", evses, evse_bodies)
            refs = {
                "location_id": ("location", self.location_names.get(cp.get("location_id", 0))),
                "charging_zone_id": ("charging_zone", self.zone_names.get(cp.get("charging_zone_id", 0))),
                # the master's name is not final yet; its natural name orders colliding names
                "ocpp_connected_charge_point_id": ("ocpp_connected_charge_point",
                                                   natural.get(cp.get("ocpp_connected_charge_point_id", 0))),
            }
            for fld, (_, ref_name) in refs.items():
                if cp.get(fld) is not None and ref_name is None:
                    raise ExportError(f"charge point {cp['id']} refers to {fld[:-3].replace('_', ' ')} "
                                      f"{cp[fld]}, which is not in the tenant's listing")
            body = _body(REGISTRY["ChargePoint"], cp, refs)
            if named_evses:
                body["evses"] = {n: b for n, b, _ in named_evses}
            bodies.append(body)
        named = _named("ChargePoint", cps, bodies)
        final = {point["id"]: name for name, _, point in named}
        out = {}
        for name, body, point in named:
            if point.get("ocpp_connected_charge_point_id") is not None:
                body["ocpp_connected_charge_point"] = final[point["ocpp_connected_charge_point_id"]]
            evse_tree = {}
            for evse_name, evse_body, evse_read in evses_of[point["id"]]:
                if connectors_of[evse_read["id"]]:
                    evse_body["connectors"] = {cn: self.finish("Connector", c, cb, (name, evse_name, cn))
                                               for cn, cb, c in connectors_of[evse_read["id"]]}
                evse_tree[evse_name] = self.finish("Evse", evse_read, evse_body, (name, evse_name))
            if evse_tree:
                body["evses"] = evse_tree
            out[name] = self.finish("ChargePoint", point, body, (name,))
        return out
