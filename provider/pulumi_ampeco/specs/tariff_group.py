"""TariffGroup: an ordered set of tariffs assigned to EVSEs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pulumi_ampeco.specs._base import (
    AmpecoModel,
    Computed,
    Field,
    IdRef,
    Ordered,
    Reference,
    ResourceSpec,
    ServerPrepends,
)


class TariffGroupModel(AmpecoModel):
    name: str = Field(min_length=1, description="Name of the tariff group.")
    tariff_ids: Annotated[list[IdRef] | None, Ordered, ServerPrepends, Reference("Tariff")] = Field(
        None,
        description="Tariffs in evaluation order: the last matching one wins. The free base tariff the "
        "API adds on create is kept in front and is not part of this list.",
    )
    partner_id: Annotated[IdRef | None, Reference("Partner")] = Field(None, description="Partner that may edit the group.")
    last_updated_at: Annotated[str | None, Computed] = Field(None, description="When the group last changed.")


def _is_base_tariff(tariff: Mapping[str, Any]) -> bool:
    """AMPECO puts a free tariff in front of ``tariffIds`` when a group is created and keeps it
    there: a new one per group (the reference), or the tenant's one free tariff (tenants that
    share it). Heuristic: a group's first tariff is its base tariff when it is free and no other
    group lists it, or when it is the first of every group. A group created without a base tariff
    whose first tariff is an unshared free tariff would lose that tariff in an export; AMPECO does
    not allow such groups via the API."""
    return tariff.get("type") == "free"


def _is_default_group(group: Mapping[str, Any]) -> bool:
    """*Inferred*: the tenant's default group (what an EVSE gets without a group) holds nothing but
    the free base tariff and no partner. A group a program made with no tariff of its own looks
    the same and is taken for it: an export leaves it out and its EVSEs get the target tenant's
    default group."""
    return not group.get("tariff_ids") and not group.get("partner_id")


SPEC = ResourceSpec(
    kind="TariffGroup",
    module="tariff_group",
    model=TariffGroupModel,
    collection="/public-api/resources/tariff-groups/v1.0",
    description="A tariff group: the ordered tariffs an EVSE offers.",
    update_method="PUT",
    # Inferred: matched by name client-side; the API filters groups by partner only.
    natural_key=("name",),
    section_order=30,
    export_server_prepended=_is_base_tariff,
    export_tenant_owned=_is_default_group,
)
