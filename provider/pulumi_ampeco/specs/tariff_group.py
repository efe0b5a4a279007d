"""TariffGroup: an ordered set of tariffs assigned to EVSEs."""

from __future__ import annotations

from typing import Annotated

from pulumi_ampeco.specs._base import (
    AmpecoModel,
    Computed,
    Field,
    IdRef,
    Ordered,
    ResourceSpec,
    ServerPrepends,
)


class TariffGroupModel(AmpecoModel):
    name: str = Field(min_length=1, description="Name of the tariff group.")
    tariff_ids: Annotated[list[IdRef] | None, Ordered, ServerPrepends] = Field(
        None,
        description="Tariffs in evaluation order: the last matching one wins. The free base tariff the "
        "API adds on create is kept in front and is not part of this list.",
    )
    partner_id: IdRef | None = Field(None, description="Partner that may edit the group.")
    last_updated_at: Annotated[str | None, Computed] = Field(None, description="When the group last changed.")


SPEC = ResourceSpec(
    kind="TariffGroup",
    module="tariff_group",
    model=TariffGroupModel,
    collection="/public-api/resources/tariff-groups/v1.0",
    description="A tariff group: the ordered tariffs an EVSE offers.",
    update_method="PUT",
    # Inferred: matched by name client-side; the API filters groups by partner only.
    natural_key=("name",),
)
