# Generated from specs/id_tag.py by `python tools/codegen.py`. Do not edit by hand.
"""IdTag: An RFID card or MAC-address token that authorises charging."""

from __future__ import annotations

import dataclasses
from typing import Literal, TypedDict

import pulumi
import pulumi.dynamic

from pulumi_ampeco._engine.provider import AmpecoProvider
from pulumi_ampeco._lookup import find
from pulumi_ampeco._surface import (
    resolved_annotations,
    resource_options,
    resource_props,
    sdk_pickler_restored,
)

__all__ = ["GetIdTagResult", "IdTag", "IdTagArgs", "IdTagArgsDict", "get_id_tag"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "id_tag_uid",
    "status",
    "type",
    "id_label",
    "expire_at",
    "vehicle_type",
    "payment_method_id",
    "user_id",
    "external_id",
    "partner_id",
    "created_at",
    "last_updated_at",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()


class IdTagArgsDict(TypedDict, total=False):
    """Arguments of IdTag as a dict (keys as in IdTagArgs)."""

    id_tag_uid: pulumi.Input[str]
    """Token value the card or car presents (RFID UID or MAC address)."""
    status: pulumi.Input[Literal['enabled', 'disabled', 'suspended']]
    """enabled: accepted; disabled: blocked by an admin; suspended: blocked by the tag's owner."""
    type: pulumi.Input[Literal['rfid', 'mac_address', 'emaid']]
    """Kind of token; emaid tags are provisioned by AMPECO and can only be adopted."""
    id_label: pulumi.Input[str]
    """Human-visible label printed on the card."""
    expire_at: pulumi.Input[str]
    """Expiry date-time (ISO 8601)."""
    vehicle_type: pulumi.Input[Literal['company_car', 'private_car']]
    """Vehicle the tag belongs to."""
    payment_method_id: pulumi.Input[str]
    """Card payment-method id, "corporate:{id}", or "auto" for automatic selection."""
    user_id: pulumi.Input[int | str]
    """Owner of the tag; a tag without a user does not authorise."""
    external_id: pulumi.Input[str]
    """Your own identifier for the tag."""
    partner_id: pulumi.Input[int | str]
    """Partner whose admins may edit or delete the tag."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class IdTagArgs:
    """Arguments of IdTag."""

    id_tag_uid: pulumi.Input[str]
    """Token value the card or car presents (RFID UID or MAC address)."""
    status: pulumi.Input[Literal['enabled', 'disabled', 'suspended']]
    """enabled: accepted; disabled: blocked by an admin; suspended: blocked by the tag's owner."""
    type: pulumi.Input[Literal['rfid', 'mac_address', 'emaid']]
    """Kind of token; emaid tags are provisioned by AMPECO and can only be adopted."""
    id_label: pulumi.Input[str] | None = None
    """Human-visible label printed on the card."""
    expire_at: pulumi.Input[str] | None = None
    """Expiry date-time (ISO 8601)."""
    vehicle_type: pulumi.Input[Literal['company_car', 'private_car']] | None = None
    """Vehicle the tag belongs to."""
    payment_method_id: pulumi.Input[str] | None = None
    """Card payment-method id, "corporate:{id}", or "auto" for automatic selection."""
    user_id: pulumi.Input[int | str] | None = None
    """Owner of the tag; a tag without a user does not authorise."""
    external_id: pulumi.Input[str] | None = None
    """Your own identifier for the tag."""
    partner_id: pulumi.Input[int | str] | None = None
    """Partner whose admins may edit or delete the tag."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class IdTag(pulumi.dynamic.Resource, module="ampeco", name="IdTag"):
    """An RFID card or MAC-address token that authorises charging.
    
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    id_tag_uid: pulumi.Output[str]
    """Token value the card or car presents (RFID UID or MAC address)."""
    status: pulumi.Output[Literal['enabled', 'disabled', 'suspended']]
    """enabled: accepted; disabled: blocked by an admin; suspended: blocked by the tag's owner."""
    type: pulumi.Output[Literal['rfid', 'mac_address', 'emaid']]
    """Kind of token; emaid tags are provisioned by AMPECO and can only be adopted."""
    id_label: pulumi.Output[str | None]
    """Human-visible label printed on the card."""
    expire_at: pulumi.Output[str | None]
    """Expiry date-time (ISO 8601)."""
    vehicle_type: pulumi.Output[Literal['company_car', 'private_car'] | None]
    """Vehicle the tag belongs to."""
    payment_method_id: pulumi.Output[str | None]
    """Card payment-method id, "corporate:{id}", or "auto" for automatic selection."""
    user_id: pulumi.Output[int | None]
    """Owner of the tag; a tag without a user does not authorise."""
    external_id: pulumi.Output[str | None]
    """Your own identifier for the tag."""
    partner_id: pulumi.Output[int | None]
    """Partner whose admins may edit or delete the tag."""
    created_at: pulumi.Output[str | None]
    """When the tag was created."""
    last_updated_at: pulumi.Output[str | None]
    """When the tag last changed."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: IdTagArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        id_tag_uid: pulumi.Input[str] | None = None,
        status: pulumi.Input[Literal['enabled', 'disabled', 'suspended']] | None = None,
        type: pulumi.Input[Literal['rfid', 'mac_address', 'emaid']] | None = None,
        id_label: pulumi.Input[str] | None = None,
        expire_at: pulumi.Input[str] | None = None,
        vehicle_type: pulumi.Input[Literal['company_car', 'private_car']] | None = None,
        payment_method_id: pulumi.Input[str] | None = None,
        user_id: pulumi.Input[int | str] | None = None,
        external_id: pulumi.Input[str] | None = None,
        partner_id: pulumi.Input[int | str] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "id_tag_uid": id_tag_uid,
            "status": status,
            "type": type,
            "id_label": id_label,
            "expire_at": expire_at,
            "vehicle_type": vehicle_type,
            "payment_method_id": payment_method_id,
            "user_id": user_id,
            "external_id": external_id,
            "partner_id": partner_id,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("IdTag"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> IdTag:
        """The existing id tag with this AMPECO id, read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return IdTag(resource_name, opts=read)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetIdTagResult:
    """An existing id tag, as ``get_id_tag`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    id_tag_uid: str
    """Token value the card or car presents (RFID UID or MAC address)."""
    status: Literal['enabled', 'disabled', 'suspended']
    """enabled: accepted; disabled: blocked by an admin; suspended: blocked by the tag's owner."""
    type: Literal['rfid', 'mac_address', 'emaid']
    """Kind of token; emaid tags are provisioned by AMPECO and can only be adopted."""
    id_label: str | None = None
    """Human-visible label printed on the card."""
    expire_at: str | None = None
    """Expiry date-time (ISO 8601)."""
    vehicle_type: Literal['company_car', 'private_car'] | None = None
    """Vehicle the tag belongs to."""
    payment_method_id: str | None = None
    """Card payment-method id, "corporate:{id}", or "auto" for automatic selection."""
    user_id: int | None = None
    """Owner of the tag; a tag without a user does not authorise."""
    external_id: str | None = None
    """Your own identifier for the tag."""
    partner_id: int | None = None
    """Partner whose admins may edit or delete the tag."""
    created_at: str | None = None
    """When the tag was created."""
    last_updated_at: str | None = None
    """When the tag last changed."""


def get_id_tag(
    *,
    id: int | str | None = None,
    id_tag_uid: str | None = None,
) -> GetIdTagResult:
    """Look up an existing id tag in the stack's tenant by its AMPECO ``id`` or by ``id_tag_uid``.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("IdTag", id=id, key={"id_tag_uid": id_tag_uid}, parents={})
    return GetIdTagResult(**found)
