"""The parsed form of a network spec: what the parser returns and what export builds.

Both produce these same objects and the one writer (``_render``) writes them, so the file format
is defined once, by the layout.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pulumi_ampeco.network._layout import KIND_ORDER, Section, SetLayout

__all__ = ["ConfigRef", "Existing", "NetworkSpec", "SetForm", "SpecObject", "in_dependency_order", "parent_paths",
           "paths_in", "pop_in", "set_in"]


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


@dataclass(frozen=True)
class Existing:
    """An object the spec refers to but does not manage, found by its natural key in the tenant the
    spec is applied to: ``{existing: {name: Default}}`` in the file. Never created, changed or deleted."""

    kind: str
    key: str
    """The natural key (dotted for a nested field: ``network.id``)."""
    value: Any

    def describe(self) -> str:
        return f"{self.key} {self.value!r}"


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
    refs: dict[str, str | Existing | list[str | Existing]] = field(default_factory=dict)
    """Reference argument -> path of the referenced object, or an Existing one (a list for ``tariff_ids``)."""
    parents: dict[str, str] = field(default_factory=dict)
    """Parent id argument (``charge_point_id``) -> path of that ancestor."""
    adopt_id: int | str | None = None
    parent: SpecObject | None = field(default=None, repr=False)
    member_of: str | None = None
    """The section key of the set it is a member of (``id_tags`` in set form), else None."""

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
class SetForm:
    """A section written as one set (``id_tags: {csv: cards.csv}``): its members are objects of the
    spec (``member_of`` the section's key), applied as one set resource."""

    layout: SetLayout
    csv: str | None = None
    """The CSV file as the spec names it (relative to the spec's directory)."""
    adopt_existing: bool | None = None

    @property
    def key(self) -> str:
        return self.layout.section.key


@dataclass
class NetworkSpec:
    """A validated spec: its objects by path, parents before children, referenced before referrers;
    and the sections written as one set each (``sets``, by section key)."""

    file: str | None
    objects: dict[str, SpecObject]
    sets: dict[str, SetForm] = field(default_factory=dict)

    def members(self, key: str) -> list[SpecObject]:
        """The members of the set form of section ``key``."""
        return [o for o in self.objects.values() if o.member_of == key]

    def of_kind(self, kind: str) -> list[SpecObject]:
        return [o for o in self.objects.values() if o.kind == kind]

    def config_keys(self) -> list[str]:
        return sorted({ref.key for o in self.objects.values() for _, ref in o.config_refs()})


def parent_paths(section: Section, parent: SpecObject | None) -> dict[str, str]:
    """Parent id argument -> ancestor path, for every ancestor (a connector has two), the parent first."""
    out: dict[str, str] = {}
    for name, _ in section.ancestors:
        if parent is None:
            break
        out[name] = parent.path
        parent = parent.parent
    return out


def set_in(values: dict[str, Any], dotted: str, value: Any) -> None:
    """``values[a][b] = value`` for ``dotted`` ``a.b``, making the nested dicts on the way."""
    *parents, last = dotted.split(".")
    current = values
    for part in parents:
        inner = current.get(part)
        if not isinstance(inner, dict):
            inner = current[part] = dict(inner) if isinstance(inner, Mapping) else {}
        current = inner
    current[last] = value


def pop_in(values: dict[str, Any], dotted: str) -> tuple[bool, Any]:
    """(found, value) of ``dotted`` in ``values``, taken out; a nested dict left empty goes too."""
    *parents, last = dotted.split(".")
    chain: list[dict[str, Any]] = [values]
    for part in parents:
        inner = chain[-1].get(part)
        if not isinstance(inner, dict):
            return False, None
        chain.append(inner)
    if last not in chain[-1]:
        return False, None
    value = chain[-1].pop(last)
    for depth in range(len(parents), 0, -1):  # innermost first: drop the dicts left empty
        if chain[depth]:
            break
        del chain[depth - 1][parents[depth - 1]]
    return True, value


def in_dependency_order(objects: Mapping[str, SpecObject]) -> dict[str, SpecObject]:
    """Parents before children, referenced objects before the objects referring to them; otherwise
    kinds in file order and each kind's objects in the order given. A cycle is left as it is
    (the parser reports it)."""
    order: dict[str, SpecObject] = {}
    visiting: set[str] = set()

    def visit(path: str) -> None:
        if path in order or path in visiting or path not in objects:
            return
        visiting.add(path)
        obj = objects[path]
        for dep in [*obj.parents.values(), *_flat(obj.refs.values())]:
            visit(dep)
        visiting.discard(path)
        order[path] = obj

    by_kind: dict[str, list[str]] = {}
    for path, obj in objects.items():
        by_kind.setdefault(obj.kind, []).append(path)
    for kind in KIND_ORDER:
        for path in by_kind.get(kind, ()):
            visit(path)
    return order


def _flat(values: Any) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(paths_in(v))
    return out


def paths_in(target: str | Existing | list[str | Existing] | None) -> list[str]:
    """The spec objects a reference names (an Existing one is not in the spec)."""
    if target is None:
        return []
    items = target if isinstance(target, list) else [target]
    return [t for t in items if isinstance(t, str)]
