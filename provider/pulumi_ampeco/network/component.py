"""Network: a whole AMPECO network from one YAML spec (the format: ``pulumi_ampeco.network``).

::

    import pulumi_ampeco as ampeco

    net = ampeco.Network("depot", spec="network.yaml")
    pulumi.export("cp_1_id", net.charge_points["cp-1"].id)

The spec is read and validated before anything is registered: a bad file fails the program with
one ``SpecError`` listing every problem, and no resource is created, changed or deleted. A spec
with no object at all (an emptied file, a bad merge) is refused unless ``allow_empty=True``:
applying it would delete everything the Network manages. Secret
config keys the spec refers to (``{config: cp-1-network-password}``) must be set in the stack.

Resources are children of the component, named ``<network>/<logical name>`` (children qualified
by their parents: ``<network>/cp-1/1`` for EVSE ``1`` of ``cp-1``), so names are unique and stay
the same as long as the logical names do. Renaming an object in the spec therefore replaces it.
A section in set form (``id_tags: {csv: cards.csv}``) is one set resource, ``<network>/id_tags``
(``Network.sets["id_tags"]``), holding every member.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from typing import Any

import pulumi

from pulumi_ampeco._surface import as_program_error
from pulumi_ampeco.errors import AmpecoError, SpecError
from pulumi_ampeco.network._layout import walk
from pulumi_ampeco.network._objects import ConfigRef, Existing, NetworkSpec, set_in
from pulumi_ampeco.network._parse import load
from pulumi_ampeco.network._sections import NetworkSections

__all__ = ["Network"]


def _resource_class(kind: str, module: str) -> type[pulumi.CustomResource]:
    cls: type[pulumi.CustomResource] = getattr(importlib.import_module(f"pulumi_ampeco.{module}"), kind)
    return cls


class Network(NetworkSections, pulumi.ComponentResource):
    """Every object of a network spec, declared with its dependencies.

    One attribute per section of the spec, objects by logical name (children by
    ``parent/child``): ``locations``, ``charging_zones`` (``"depot-sofia/staff"``),
    ``charge_points``, ``evses`` (``"cp-1/1"``), ...; and ``resources``, every resource by its
    path in the spec (``"charge_points.cp-1.evses.1"``).
    """

    resources: dict[str, pulumi.CustomResource]
    sets: dict[str, pulumi.CustomResource]
    """The set resource of each section in set form, by section key (``sets["id_tags"]``)."""
    spec: NetworkSpec

    def __init__(self, name: str, spec: str | os.PathLike[str] | Mapping[str, Any] = "network.yaml",
                 opts: pulumi.ResourceOptions | None = None, *, allow_empty: bool = False) -> None:
        """``allow_empty=True`` lets a spec without any object through: applying it deletes every
        object the Network manages, which an emptied or truncated file should never do unasked."""
        # Everything that can fail on the spec happens before the component registers; its errors
        # fail the program with one line (a pulumi.RunError), not a traceback.
        try:
            parsed, secrets, existing = self._prepare(spec, allow_empty)
        except AmpecoError as exc:
            raise as_program_error(exc) from None
        super().__init__("ampeco:index:Network", name, {}, opts)
        self.spec = parsed
        self.resources = {}
        self.sets = {}
        by_section: dict[str, dict[str, Any]] = {}
        classes: dict[str, type[pulumi.CustomResource]] = {}
        for section in walk():
            by_section[section.key] = {}
            setattr(self, section.key, by_section[section.key])
            classes[section.kind] = _resource_class(section.kind, section.spec.module)
        child_opts = pulumi.ResourceOptions(parent=self)
        members: dict[str, dict[str, Any]] = {key: {} for key in parsed.sets}
        for obj in parsed.objects.values():  # parents and referenced objects come first
            args: dict[str, Any] = _with_secrets(obj.args, secrets)
            for arg, path in obj.parents.items():
                args[arg] = self.resources[path].id
            for arg, target in obj.refs.items():  # dotted inside nested objects: pricing.tax_id
                set_in(args, arg, [self._id(p, existing) for p in target] if isinstance(target, list)
                       else self._id(target, existing))
            if obj.member_of is not None:
                key_field = parsed.sets[obj.member_of].layout.set.key
                members[obj.member_of][str(args.pop(key_field))] = args
                continue
            if obj.adopt_id is not None:
                args["adopt_id"] = obj.adopt_id
            resource = classes[obj.kind](f"{name}/{obj.key}", opts=child_opts, **args)
            self.resources[obj.path] = resource
            by_section[obj.section.key][obj.key] = resource
        for key, form in parsed.sets.items():
            s = form.layout.set
            cls = _resource_class(s.kind, s.module)
            options: dict[str, Any] = {s.field: members[key], "allow_empty": allow_empty}
            if form.adopt_existing is not None:
                options["adopt_existing"] = form.adopt_existing
            self.sets[key] = self.resources[key] = cls(f"{name}/{key}", opts=child_opts, **options)
        self.register_outputs({"objects": len(self.resources)})

    def _id(self, target: str | Existing, existing: Mapping[Existing, int]) -> Any:
        return existing[target] if isinstance(target, Existing) else self.resources[target].id

    @staticmethod
    def _prepare(spec: str | os.PathLike[str] | Mapping[str, Any], allow_empty: bool
                 ) -> tuple[NetworkSpec, dict[str, pulumi.Output[str]], dict[Existing, int]]:
        parsed = load(spec)
        if not parsed.objects and not allow_empty:
            raise SpecError("the spec declares no objects, so applying it would delete every object this Network "
                            "manages; if that is what you want, pass allow_empty=True to ampeco.Network",
                            file=parsed.file)
        return parsed, _resolve_secrets(parsed), _resolve_existing(parsed)


def _resolve_secrets(spec: NetworkSpec) -> dict[str, pulumi.Output[str]]:
    """Config key -> secret Output; every missing key is reported at once, before registering."""
    found: dict[str, pulumi.Output[str]] = {}
    missing: list[tuple[str, str]] = []
    for obj in spec.objects.values():
        for dotted, ref in obj.config_refs():
            if ref.key in found:
                continue
            namespace, key = ref.namespace_and_name
            value = pulumi.Config(namespace).get_secret(key)
            if value is None:
                missing.append((f"{obj.path}: {dotted}", ref.key))
            else:
                found[ref.key] = value
    if missing:
        lines = "\n".join(f"  - {where}: pulumi config set --secret {key} <value>" for where, key in missing)
        raise SpecError(f"secret config not set for {len(missing)} value(s):\n{lines}", file=spec.file)
    return found


def _resolve_existing(spec: NetworkSpec) -> dict[Existing, int]:
    """Each ``{existing: ...}`` the spec names -> its id in the stack's tenant (one lookup each);
    every one that cannot be found is reported at once, before registering."""
    from pulumi_ampeco._lookup import find_id
    from pulumi_ampeco.errors import LookupFailedError

    found: dict[Existing, int] = {}
    problems: list[str] = []
    for obj in spec.objects.values():
        for target in obj.refs.values():
            for item in target if isinstance(target, list) else [target]:
                if not isinstance(item, Existing) or item in found:
                    continue
                try:
                    found[item] = find_id(item.kind, {item.key: item.value})
                except LookupFailedError as exc:
                    problems.append(f"{obj.path}: {exc}")
    if problems:
        listing = problems[0] if len(problems) == 1 else "\n" + "\n".join(f"  - {p}" for p in problems)
        raise SpecError(f"objects the spec refers to but does not manage are missing: {listing}", file=spec.file)
    return found


def _with_secrets(value: Any, secrets: Mapping[str, pulumi.Output[str]]) -> Any:
    if isinstance(value, ConfigRef):
        return secrets[value.key]
    if isinstance(value, Mapping):
        return {k: _with_secrets(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_secrets(v, secrets) for v in value]
    return value
