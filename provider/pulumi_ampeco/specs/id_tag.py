"""IdTag: an RFID card or MAC address that authorises charging."""

from __future__ import annotations

from typing import Annotated, Literal

from pulumi_ampeco.specs._base import (
    AmpecoModel,
    Computed,
    DateTimeStr,
    Equivalent,
    Field,
    IdRef,
    Nullable,
    ReadOnlyValues,
    Reference,
    ResourceSpec,
    ServerDefault,
)


class IdTagModel(AmpecoModel):
    id_tag_uid: str = Field(min_length=1, description="Token value the card or car presents (RFID UID or MAC address).")
    status: Literal["enabled", "disabled", "suspended"] = Field(
        description="enabled: accepted; disabled: blocked by an admin; suspended: blocked by the tag's owner."
    )
    # emaid tags (contract certificates) are provisioned by AMPECO: readable and adoptable, never created.
    type: Annotated[Literal["rfid", "mac_address", "emaid"], ReadOnlyValues("emaid")] = Field(
        description="Kind of token; emaid tags are provisioned by AMPECO and can only be adopted."
    )
    id_label: Annotated[str | None, Nullable] = Field(None, description="Human-visible label printed on the card.")
    expire_at: Annotated[DateTimeStr | None, Nullable] = Field(None, description="Expiry date-time (ISO 8601).")
    vehicle_type: Annotated[Literal["company_car", "private_car"] | None, Nullable] = Field(
        None, description="Vehicle the tag belongs to."
    )
    payment_method_id: Annotated[str | None, Equivalent(None, "auto"), ServerDefault, Nullable] = Field(
        None, description='Card payment-method id, "corporate:{id}", or "auto" for automatic selection.'
    )
    user_id: Annotated[IdRef | None, Nullable] = Field(
        None, description="Owner of the tag; a tag without a user does not authorise."
    )
    external_id: Annotated[str | None, Nullable] = Field(None, description="Your own identifier for the tag.")
    partner_id: Annotated[IdRef | None, Nullable, Reference("Partner")] = Field(
        None, description="Partner whose admins may edit or delete the tag."
    )
    created_at: Annotated[str | None, Computed] = Field(None, description="When the tag was created.")
    last_updated_at: Annotated[str | None, Computed] = Field(None, description="When the tag last changed.")


SPEC = ResourceSpec(
    kind="IdTag",
    module="id_tag",
    model=IdTagModel,
    collection="/public-api/resources/id-tags/v2.0",
    description="An RFID card or MAC-address token that authorises charging.",
    natural_key=("id_tag_uid",),
    natural_key_filters={"id_tag_uid": "idTagUid"},
    # A replacement with the same UID would be refused as "already taken" while the old tag exists.
    delete_before_replace=True,
    section_order=50,
)
