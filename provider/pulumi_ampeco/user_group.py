# Generated from specs/user_group.py by `python tools/codegen.py`. Do not edit by hand.
"""UserGroup: A user group: drivers that tariffs, opening hours and circuit priorities can single out."""

from __future__ import annotations

import dataclasses
from typing import TypedDict

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

__all__ = ["GetUserGroupResult", "UserGroup", "UserGroupArgs", "UserGroupArgsDict", "get_user_group"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "name",
    "partner_id",
    "description",
    "external_id",
    "last_updated_at",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()


class UserGroupArgsDict(TypedDict, total=False):
    """Arguments of UserGroup as a dict (keys as in UserGroupArgs)."""

    name: pulumi.Input[str]
    """Name of the group."""
    partner_id: pulumi.Input[int | str]
    """Partner the group belongs to (the API changes it only while the group has no users)."""
    description: pulumi.Input[str]
    """Description."""
    external_id: pulumi.Input[str]
    """Your own identifier for the group."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class UserGroupArgs:
    """Arguments of UserGroup."""

    name: pulumi.Input[str]
    """Name of the group."""
    partner_id: pulumi.Input[int | str] | None = None
    """Partner the group belongs to (the API changes it only while the group has no users)."""
    description: pulumi.Input[str] | None = None
    """Description."""
    external_id: pulumi.Input[str] | None = None
    """Your own identifier for the group."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class UserGroup(pulumi.dynamic.Resource, module="ampeco", name="UserGroup"):
    """A user group: drivers that tariffs, opening hours and circuit priorities can single out.
    
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    name: pulumi.Output[str]
    """Name of the group."""
    partner_id: pulumi.Output[int | None]
    """Partner the group belongs to (the API changes it only while the group has no users)."""
    description: pulumi.Output[str | None]
    """Description."""
    external_id: pulumi.Output[str | None]
    """Your own identifier for the group."""
    last_updated_at: pulumi.Output[str | None]
    """When the group last changed."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: UserGroupArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        name: pulumi.Input[str] | None = None,
        partner_id: pulumi.Input[int | str] | None = None,
        description: pulumi.Input[str] | None = None,
        external_id: pulumi.Input[str] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "name": name,
            "partner_id": partner_id,
            "description": description,
            "external_id": external_id,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("UserGroup"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> UserGroup:
        """The existing user group with this AMPECO id, read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return UserGroup(resource_name, opts=read)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetUserGroupResult:
    """An existing user group, as ``get_user_group`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    name: str
    """Name of the group."""
    partner_id: int | None = None
    """Partner the group belongs to (the API changes it only while the group has no users)."""
    description: str | None = None
    """Description."""
    external_id: str | None = None
    """Your own identifier for the group."""
    last_updated_at: str | None = None
    """When the group last changed."""


def get_user_group(
    *,
    id: int | str | None = None,
    external_id: str | None = None,
    name: str | None = None,
) -> GetUserGroupResult:
    """Look up an existing user group in the stack's tenant by its AMPECO ``id`` or by ``external_id`` or ``name``.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("UserGroup", id=id, key={"external_id": external_id, "name": name}, parents={})
    return GetUserGroupResult(**found)
