"""Resource declarations. REGISTRY lists every spec, parents before children.

Beside them, what reads a declaration: the language (``_base``), a read-once view of a model
(``_schema``), the wire <-> Python conversion (``_convert``) and the argument check
(``_check``). Nothing here imports pulumi, so the network spec and export do not either.
"""

from __future__ import annotations

from pulumi_ampeco.specs import (
    charge_point,
    charging_zone,
    circuit,
    circuit_charge_point,
    configuration_template,
    connector,
    evse,
    id_tag,
    location,
    notification,
    partner,
    tariff,
    tariff_group,
    tax,
    user_group,
)
from pulumi_ampeco.specs._base import ResourceSpec

REGISTRY: dict[str, ResourceSpec] = {
    spec.kind: spec
    for spec in (
        id_tag.SPEC,
        location.SPEC,
        charging_zone.SPEC,
        tariff.SPEC,
        tariff_group.SPEC,
        charge_point.SPEC,
        evse.SPEC,
        connector.SPEC,
        partner.SPEC,
        user_group.SPEC,
        tax.SPEC,
        circuit.SPEC,
        circuit_charge_point.SPEC,
        notification.SPEC,
        configuration_template.SPEC,
    )
}

__all__ = ["REGISTRY", "ResourceSpec"]
