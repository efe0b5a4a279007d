# Generated from specs/configuration_template.py by `python tools/codegen.py`. Do not edit by hand.
"""ConfigurationTemplate: An OCPP configuration template: keys to set on charge points, with its variables."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, Literal, TypedDict

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
from pulumi_ampeco.types import ConfigurationVariableArgsDict

__all__ = ["ConfigurationTemplate", "ConfigurationTemplateArgs", "ConfigurationTemplateArgsDict", "GetConfigurationTemplateResult", "get_configuration_template"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "name",
    "ocpp_version",
    "variables",
    "last_updated_at",
)
_SECRET_OUTPUTS: tuple[str, ...] = ()


class ConfigurationTemplateArgsDict(TypedDict, total=False):
    """Arguments of ConfigurationTemplate as a dict (keys as in ConfigurationTemplateArgs)."""

    name: pulumi.Input[str]
    """Name of the template."""
    ocpp_version: pulumi.Input[Literal['ocpp 1.6', 'ocpp 2.0.1']]
    """OCPP version of the keys; set on create only (a change replaces the template)."""
    variables: pulumi.Input[Sequence[pulumi.Input[ConfigurationVariableArgsDict]]]
    """The keys (OCPP 1.6: key_name + value) or variables (OCPP 2.0.1: component, variable_name, value, ...) the template sets; declared whole."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class ConfigurationTemplateArgs:
    """Arguments of ConfigurationTemplate."""

    name: pulumi.Input[str]
    """Name of the template."""
    ocpp_version: pulumi.Input[Literal['ocpp 1.6', 'ocpp 2.0.1']]
    """OCPP version of the keys; set on create only (a change replaces the template)."""
    variables: pulumi.Input[Sequence[pulumi.Input[ConfigurationVariableArgsDict]]] | None = None
    """The keys (OCPP 1.6: key_name + value) or variables (OCPP 2.0.1: component, variable_name, value, ...) the template sets; declared whole."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class ConfigurationTemplate(pulumi.dynamic.Resource, module="ampeco", name="ConfigurationTemplate"):
    """An OCPP configuration template: keys to set on charge points, with its variables.
    
    Changing ocpp_version replaces the object.
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    name: pulumi.Output[str]
    """Name of the template."""
    ocpp_version: pulumi.Output[Literal['ocpp 1.6', 'ocpp 2.0.1']]
    """OCPP version of the keys; set on create only (a change replaces the template)."""
    variables: pulumi.Output[list[dict[str, Any]] | None]
    """The keys (OCPP 1.6: key_name + value) or variables (OCPP 2.0.1: component, variable_name, value, ...) the template sets; declared whole."""
    last_updated_at: pulumi.Output[str | None]
    """When the template last changed."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: ConfigurationTemplateArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        name: pulumi.Input[str] | None = None,
        ocpp_version: pulumi.Input[Literal['ocpp 1.6', 'ocpp 2.0.1']] | None = None,
        variables: pulumi.Input[Sequence[pulumi.Input[ConfigurationVariableArgsDict]]] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "name": name,
            "ocpp_version": ocpp_version,
            "variables": variables,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("ConfigurationTemplate"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> ConfigurationTemplate:
        """The existing configuration template with this AMPECO id, read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return ConfigurationTemplate(resource_name, opts=read)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetConfigurationTemplateResult:
    """An existing configuration template, as ``get_configuration_template`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    name: str
    """Name of the template."""
    ocpp_version: Literal['ocpp 1.6', 'ocpp 2.0.1']
    """OCPP version of the keys; set on create only (a change replaces the template)."""
    variables: list[dict[str, Any]] | None = None
    """The keys (OCPP 1.6: key_name + value) or variables (OCPP 2.0.1: component, variable_name, value, ...) the template sets; declared whole."""
    last_updated_at: str | None = None
    """When the template last changed."""


def get_configuration_template(
    *,
    id: int | str | None = None,
    name: str | None = None,
) -> GetConfigurationTemplateResult:
    """Look up an existing configuration template in the stack's tenant by its AMPECO ``id`` or by ``name``.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("ConfigurationTemplate", id=id, key={"name": name}, parents={})
    return GetConfigurationTemplateResult(**found)
