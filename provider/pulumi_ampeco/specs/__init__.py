"""Resource declarations. REGISTRY lists every spec, parents before children; SETS every
``MemberSet`` (one resource owning many objects of a REGISTRY kind).

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
    id_tag_set,
    location,
    notification,
    partner,
    tariff,
    tariff_group,
    tax,
    user_group,
)
from pulumi_ampeco.specs._base import MemberSet, ResourceSpec

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


def _sets(*sets: MemberSet) -> dict[str, MemberSet]:
    """The sets by kind, each checked against its member kind's declaration."""
    out = {}
    for s in sets:
        member = REGISTRY.get(s.member)
        if member is None:
            raise TypeError(f"{s.kind}: member={s.member!r} is no kind of REGISTRY")
        if member.path_params_in_order or member.actions is not None:
            raise TypeError(f"{s.kind}: a {s.member} has a parent or is written by actions; sets hold "
                            "top-level collections only")
        if s.key not in member.natural_key or "." in s.key:
            raise TypeError(f"{s.kind}: key={s.key!r} must be a top-level natural key of {s.member}")
        if s.kind in REGISTRY:
            raise TypeError(f"{s.kind}: a set's kind must not be a resource kind too")
        out[s.kind] = s
    return out


SETS: dict[str, MemberSet] = _sets(id_tag_set.SPEC)

__all__ = ["REGISTRY", "SETS", "MemberSet", "ResourceSpec"]
