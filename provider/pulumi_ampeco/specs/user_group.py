"""UserGroup: drivers grouped for tariffs, opening hours, plans and circuit priorities."""

from __future__ import annotations

from typing import Annotated

from pulumi_ampeco.specs._base import AmpecoModel, Computed, Field, IdRef, Nullable, Reference, ResourceSpec


class UserGroupModel(AmpecoModel):
    name: str = Field(min_length=1, description="Name of the group.")
    partner_id: Annotated[IdRef | None, Nullable, Reference("Partner")] = Field(
        None, description="Partner the group belongs to (the API changes it only while the group has no users).")
    description: Annotated[str | None, Nullable] = Field(None, max_length=2000, description="Description.")
    external_id: Annotated[str | None, Nullable] = Field(
        None, max_length=255, description="Your own identifier for the group.")
    last_updated_at: Annotated[str | None, Computed] = Field(None, description="When the group last changed.")


SPEC = ResourceSpec(
    kind="UserGroup",
    module="user_group",
    model=UserGroupModel,
    collection="/public-api/resources/user-groups/v1.0",
    description="A user group: drivers that tariffs, opening hours and circuit priorities can single out.",
    # The API's PATCH requires name (3.110.0), so every update sends it.
    always_send=("name",),
    # Inferred: no filter on either; matched client-side.
    natural_key=("external_id", "name"),
    section_order=7,
    export_name=("external_id", "name"),
)
