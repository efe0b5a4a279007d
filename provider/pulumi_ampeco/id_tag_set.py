# Generated from specs/id_tag_set.py by `python tools/codegen.py`. Do not edit by hand.
"""IdTagSet: A set of id tags (a fleet's RFID cards) owned as one resource, keyed by id_tag_uid."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from typing import Any, Literal, TypedDict

import pulumi
import pulumi.dynamic

from pulumi_ampeco._engine.provider import AmpecoProvider
from pulumi_ampeco._surface import resolved_annotations, resource_options, sdk_pickler_restored, set_props

__all__ = ["IdTagSet", "IdTagSetArgs", "IdTagSetArgsDict", "IdTagSetMemberArgsDict"]

_OUTPUTS: tuple[str, ...] = (
    "tags",
    "ids",
    "adopt_existing",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()
# A CSV file's columns besides id_tag_uid: the IdTag arguments.
_COLUMNS: tuple[str, ...] = (
    "status",
    "type",
    "id_label",
    "expire_at",
    "vehicle_type",
    "payment_method_id",
    "user_id",
    "external_id",
    "partner_id",
)


class IdTagSetMemberArgsDict(TypedDict, total=False):
    """One id tag of an IdTagSet: the arguments of IdTag but id_tag_uid, its key in ``tags``."""

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


class IdTagSetArgsDict(TypedDict, total=False):
    """Arguments of IdTagSet as a dict (keys as in IdTagSetArgs)."""

    tags: pulumi.Input[Mapping[str, IdTagSetMemberArgsDict]]
    """The id tags, by id_tag_uid: each one's arguments as for one IdTag (without id_tag_uid)."""
    csv: str | os.PathLike[str]
    """A CSV file with a header row (id_tag_uid and any of the other arguments): more id tags, one a row."""
    adopt_existing: pulumi.Input[bool]
    """Take over existing id tags whose id_tag_uid is in the set (each brought to its declaration) instead of failing on them."""


@dataclasses.dataclass(kw_only=True)
class IdTagSetArgs:
    """Arguments of IdTagSet."""

    tags: pulumi.Input[Mapping[str, IdTagSetMemberArgsDict]] | None = None
    """The id tags, by id_tag_uid: each one's arguments as for one IdTag (without id_tag_uid)."""
    csv: str | os.PathLike[str] | None = None
    """A CSV file with a header row (id_tag_uid and any of the other arguments): more id tags, one a row."""
    adopt_existing: pulumi.Input[bool] | None = None
    """Take over existing id tags whose id_tag_uid is in the set (each brought to its declaration) instead of failing on them."""


@resolved_annotations
class IdTagSet(pulumi.dynamic.Resource, module="ampeco", name="IdTagSet"):
    """A set of id tags (a fleet's RFID cards) owned as one resource, keyed by id_tag_uid.
    
    One resource for any number of id tags: one engine step and one checkpoint for all of them, and a
    diff per id_tag_uid. An update writes only the id tags that changed (POST the added, PATCH the
    changed fields, DELETE the removed), 8 at a time (``ampeco:setConcurrency``). Id tags
    of the tenant that are not in the set are never touched; one that exists with a key of the set is an
    error naming it, unless ``adopt_existing=True``. A set with no member is refused unless
    ``allow_empty=True`` (applying it deletes every member it holds).
    """

    tags: pulumi.Output[dict[str, dict[str, Any]]]
    """The id tags as the tenant holds them (their declared fields), by id_tag_uid."""
    ids: pulumi.Output[dict[str, int]]
    """The AMPECO id of each id tag, by id_tag_uid."""
    adopt_existing: pulumi.Output[bool | None]

    def __init__(
        self,
        resource_name: str,
        args: IdTagSetArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        tags: pulumi.Input[Mapping[str, IdTagSetMemberArgsDict]] | None = None,
        csv: str | os.PathLike[str] | None = None,
        adopt_existing: pulumi.Input[bool] | None = None,
        allow_empty: bool = False,
    ) -> None:
        kwargs = {"tags": tags, "csv": csv, "adopt_existing": adopt_existing}
        props = set_props(args, kwargs, _OUTPUTS, kind="IdTagSet", field="tags", key="id_tag_uid",
                          columns=_COLUMNS, allow_empty=allow_empty)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("IdTagSet"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @classmethod
    def from_csv(
        cls,
        resource_name: str,
        path: str | os.PathLike[str],
        opts: pulumi.ResourceOptions | None = None,
        *,
        adopt_existing: pulumi.Input[bool] | None = None,
        allow_empty: bool = False,
    ) -> IdTagSet:
        """The id tags of a CSV file with a header row: id_tag_uid and any of ``_COLUMNS``,
        one a row (an empty cell leaves that argument out).
        """
        return cls(resource_name, opts=opts, csv=path, adopt_existing=adopt_existing, allow_empty=allow_empty)
