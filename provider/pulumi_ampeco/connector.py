# Generated from specs/connector.py by `python tools/codegen.py`. Do not edit by hand.
"""Connector: A connector (plug or socket) of an EVSE."""

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

__all__ = ["Connector", "ConnectorArgs", "ConnectorArgsDict", "GetConnectorResult", "get_connector"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "charge_point_id",
    "evse_id",
    "type",
    "format",
    "status",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()


class ConnectorArgsDict(TypedDict, total=False):
    """Arguments of Connector as a dict (keys as in ConnectorArgs)."""

    charge_point_id: pulumi.Input[int]
    """The charge point of the EVSE."""
    evse_id: pulumi.Input[int]
    """The EVSE this connector belongs to."""
    type: pulumi.Input[Literal['type1', 'type2', 'type3', 'chademo', 'ccs1', 'ccs2', 'schuko', 'nacs', 'cee16', 'cee32', 'j1772', 'inductive', 'nema-5-20', 'type-e-french', 'type-g-british', 'type-j-swiss', 'avcon', 'gb-t-ac', 'gb-t-dc', 'chaoji', 'nema-6-30', 'nema-6-50']]
    """Plug standard."""
    format: pulumi.Input[Literal['socket', 'cable']]
    """Socket or tethered cable."""
    status: pulumi.Input[Literal['enabled', 'disabled']]
    """Whether the connector is in use."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class ConnectorArgs:
    """Arguments of Connector."""

    charge_point_id: pulumi.Input[int]
    """The charge point of the EVSE."""
    evse_id: pulumi.Input[int]
    """The EVSE this connector belongs to."""
    type: pulumi.Input[Literal['type1', 'type2', 'type3', 'chademo', 'ccs1', 'ccs2', 'schuko', 'nacs', 'cee16', 'cee32', 'j1772', 'inductive', 'nema-5-20', 'type-e-french', 'type-g-british', 'type-j-swiss', 'avcon', 'gb-t-ac', 'gb-t-dc', 'chaoji', 'nema-6-30', 'nema-6-50']]
    """Plug standard."""
    format: pulumi.Input[Literal['socket', 'cable']] | None = None
    """Socket or tethered cable."""
    status: pulumi.Input[Literal['enabled', 'disabled']] | None = None
    """Whether the connector is in use."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class Connector(pulumi.dynamic.Resource, module="ampeco", name="Connector"):
    """A connector (plug or socket) of an EVSE.
    
    Changing charge_point_id, evse_id replaces the object.
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    charge_point_id: pulumi.Output[int]
    """The charge point of the EVSE."""
    evse_id: pulumi.Output[int]
    """The EVSE this connector belongs to."""
    type: pulumi.Output[Literal['type1', 'type2', 'type3', 'chademo', 'ccs1', 'ccs2', 'schuko', 'nacs', 'cee16', 'cee32', 'j1772', 'inductive', 'nema-5-20', 'type-e-french', 'type-g-british', 'type-j-swiss', 'avcon', 'gb-t-ac', 'gb-t-dc', 'chaoji', 'nema-6-30', 'nema-6-50']]
    """Plug standard."""
    format: pulumi.Output[Literal['socket', 'cable'] | None]
    """Socket or tethered cable."""
    status: pulumi.Output[Literal['enabled', 'disabled'] | None]
    """Whether the connector is in use."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: ConnectorArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        charge_point_id: pulumi.Input[int] | None = None,
        evse_id: pulumi.Input[int] | None = None,
        type: pulumi.Input[Literal['type1', 'type2', 'type3', 'chademo', 'ccs1', 'ccs2', 'schuko', 'nacs', 'cee16', 'cee32', 'j1772', 'inductive', 'nema-5-20', 'type-e-french', 'type-g-british', 'type-j-swiss', 'avcon', 'gb-t-ac', 'gb-t-dc', 'chaoji', 'nema-6-30', 'nema-6-50']] | None = None,
        format: pulumi.Input[Literal['socket', 'cable']] | None = None,
        status: pulumi.Input[Literal['enabled', 'disabled']] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "charge_point_id": charge_point_id,
            "evse_id": evse_id,
            "type": type,
            "format": format,
            "status": status,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("Connector"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
        *,
        charge_point_id: pulumi.Input[int],
        evse_id: pulumi.Input[int],
    ) -> Connector:
        """The existing connector with this AMPECO id (under its charge_point_id, evse_id), read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return Connector(resource_name, opts=read, charge_point_id=charge_point_id, evse_id=evse_id)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetConnectorResult:
    """An existing connector, as ``get_connector`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    charge_point_id: int
    """The charge point of the EVSE."""
    evse_id: int
    """The EVSE this connector belongs to."""
    type: Literal['type1', 'type2', 'type3', 'chademo', 'ccs1', 'ccs2', 'schuko', 'nacs', 'cee16', 'cee32', 'j1772', 'inductive', 'nema-5-20', 'type-e-french', 'type-g-british', 'type-j-swiss', 'avcon', 'gb-t-ac', 'gb-t-dc', 'chaoji', 'nema-6-30', 'nema-6-50']
    """Plug standard."""
    format: Literal['socket', 'cable'] | None = None
    """Socket or tethered cable."""
    status: Literal['enabled', 'disabled'] | None = None
    """Whether the connector is in use."""


def get_connector(
    *,
    charge_point_id: int | str,
    evse_id: int | str,
    id: int | str | None = None,
    type: Literal['type1', 'type2', 'type3', 'chademo', 'ccs1', 'ccs2', 'schuko', 'nacs', 'cee16', 'cee32', 'j1772', 'inductive', 'nema-5-20', 'type-e-french', 'type-g-british', 'type-j-swiss', 'avcon', 'gb-t-ac', 'gb-t-dc', 'chaoji', 'nema-6-30', 'nema-6-50'] | None = None,
) -> GetConnectorResult:
    """Look up an existing connector in the stack's tenant by its AMPECO ``id`` or by ``type``,
    within its charge_point_id.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("Connector", id=id, key={"type": type}, parents={"charge_point_id": charge_point_id, "evse_id": evse_id})
    return GetConnectorResult(**found)
