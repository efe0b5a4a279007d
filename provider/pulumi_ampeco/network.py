"""Network: a whole AMPECO network from one YAML spec (see ``pulumi_ampeco.spec_file``).

::

    import pulumi_ampeco as ampeco

    net = ampeco.Network("depot", spec="network.yaml")
    pulumi.export("cp_1_id", net.charge_points["cp-1"].id)

The spec is read and validated before anything is registered: a bad file fails the program with
one ``SpecError`` listing every problem, and no resource is created, changed or deleted. Secret
config keys the spec refers to (``{config: cp-1-network-password}``) must be set in the stack.

Resources are children of the component, named ``<network>/<logical name>`` (children qualified
by their parents: ``<network>/cp-1/1`` for EVSE ``1`` of ``cp-1``), so names are unique and stay
the same as long as the logical names do. Renaming an object in the spec therefore replaces it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import pulumi

from pulumi_ampeco.charge_point import ChargePoint
from pulumi_ampeco.charging_zone import ChargingZone
from pulumi_ampeco.connector import Connector
from pulumi_ampeco.errors import SpecError
from pulumi_ampeco.evse import Evse
from pulumi_ampeco.id_tag import IdTag
from pulumi_ampeco.location import Location
from pulumi_ampeco.spec_file import ConfigRef, NetworkSpec, load
from pulumi_ampeco.tariff import Tariff
from pulumi_ampeco.tariff_group import TariffGroup

__all__ = ["Network"]

_CLASSES: dict[str, type[pulumi.CustomResource]] = {
    "Location": Location,
    "ChargingZone": ChargingZone,
    "Tariff": Tariff,
    "TariffGroup": TariffGroup,
    "ChargePoint": ChargePoint,
    "Evse": Evse,
    "Connector": Connector,
    "IdTag": IdTag,
}


class Network(pulumi.ComponentResource):
    """Every object of a network spec, declared with its dependencies.

    Objects by logical name (children by ``parent/child``): ``locations``, ``charging_zones``
    (``"depot-sofia/staff"``), ``tariffs``, ``tariff_groups``, ``charge_points``, ``evses``
    (``"cp-1/1"``), ``connectors`` (``"cp-1/1/type2"``), ``id_tags``; and ``resources``, every
    resource by its path in the spec (``"charge_points.cp-1.evses.1"``).
    """

    locations: dict[str, Location]
    charging_zones: dict[str, ChargingZone]
    tariffs: dict[str, Tariff]
    tariff_groups: dict[str, TariffGroup]
    charge_points: dict[str, ChargePoint]
    evses: dict[str, Evse]
    connectors: dict[str, Connector]
    id_tags: dict[str, IdTag]
    resources: dict[str, pulumi.CustomResource]
    spec: NetworkSpec

    def __init__(self, name: str, spec: str | os.PathLike[str] | Mapping[str, Any] = "network.yaml",
                 opts: pulumi.ResourceOptions | None = None) -> None:
        # Everything that can fail on the spec happens before the component registers.
        parsed = load(spec)
        secrets = _resolve_secrets(parsed)
        super().__init__("ampeco:index:Network", name, {}, opts)
        self.spec = parsed
        self.locations, self.charging_zones, self.tariffs, self.tariff_groups = {}, {}, {}, {}
        self.charge_points, self.evses, self.connectors, self.id_tags = {}, {}, {}, {}
        self.resources = {}
        by_kind: dict[str, dict[str, Any]] = {
            "Location": self.locations, "ChargingZone": self.charging_zones, "Tariff": self.tariffs,
            "TariffGroup": self.tariff_groups, "ChargePoint": self.charge_points, "Evse": self.evses,
            "Connector": self.connectors, "IdTag": self.id_tags,
        }
        child_opts = pulumi.ResourceOptions(parent=self)
        for obj in parsed.objects.values():  # parents and referenced objects come first
            args: dict[str, Any] = _with_secrets(obj.args, secrets)
            for arg, path in obj.parents.items():
                args[arg] = self.resources[path].id
            for arg, target in obj.refs.items():
                args[arg] = ([self.resources[p].id for p in target] if isinstance(target, list)
                             else self.resources[target].id)
            if obj.adopt_id is not None:
                args["adopt_id"] = obj.adopt_id
            resource = _CLASSES[obj.kind](f"{name}/{obj.key}", opts=child_opts, **args)
            self.resources[obj.path] = resource
            by_kind[obj.kind][obj.key] = resource
        self.register_outputs({"objects": len(self.resources)})


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


def _with_secrets(value: Any, secrets: Mapping[str, pulumi.Output[str]]) -> Any:
    if isinstance(value, ConfigRef):
        return secrets[value.key]
    if isinstance(value, Mapping):
        return {k: _with_secrets(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_secrets(v, secrets) for v in value]
    return value
