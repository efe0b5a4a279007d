"""ConfigurationTemplate: a declarative set of OCPP configuration keys, with its variables.

The API keeps the variables as a collection of their own under the template (list, create, PATCH,
DELETE; no single read): the declaration says so with ``SubCollection``, so they are read by
listing them and written item by item. An item is an OCPP 1.6 key (``key_name``, ``value``) or an
OCPP 2.0.1 variable (``component``, ``variable_name``, ``value``, ...), as the template's version says.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pulumi_ampeco.specs._base import (
    AmpecoModel,
    Computed,
    CreateOnly,
    Field,
    Int,
    ResetTo,
    ResourceSpec,
    SubCollection,
)


class ConfigurationVariable(AmpecoModel):
    key_name: str | None = Field(None, min_length=1, description="OCPP 1.6: the configuration key.")
    component: str | None = Field(None, min_length=1, description="OCPP 2.0.1: the component.")
    component_instance: str | None = Field(None, description="OCPP 2.0.1: the component instance.")
    variable_name: str | None = Field(None, min_length=1, description="OCPP 2.0.1: the variable.")
    variable_instance: str | None = Field(None, description="OCPP 2.0.1: the variable instance.")
    variable_type: Literal["Actual", "Target", "MinSet", "MaxSet"] | None = Field(
        None, description="OCPP 2.0.1: the attribute type.")
    evse_id: Int | None = Field(None, description="OCPP 2.0.1: the EVSE (OCPP number).")
    connector_id: Int | None = Field(None, description="OCPP 2.0.1: the connector (OCPP number).")
    value: str = Field(description="The value the key or variable is set to (always a string).")


VARIABLE_KEY = ("key_name", "component", "component_instance", "variable_name", "variable_instance", "evse_id",
                "connector_id")
"""What tells one variable from another within a template (inferred; the API refuses duplicates with 409)."""


class ConfigurationTemplateModel(AmpecoModel):
    name: str = Field(min_length=1, description="Name of the template.")
    ocpp_version: Annotated[Literal["ocpp 1.6", "ocpp 2.0.1"], CreateOnly] = Field(
        description="OCPP version of the keys; set on create only (a change replaces the template).")
    variables: Annotated[list[ConfigurationVariable] | None, SubCollection("variables", key=VARIABLE_KEY),
                         ResetTo([])] = Field(
        None, description="The keys (OCPP 1.6: key_name + value) or variables (OCPP 2.0.1: component, "
        "variable_name, value, ...) the template sets; declared whole.")
    last_updated_at: Annotated[str | None, Computed] = Field(None, description="When the template last changed.")


SPEC = ResourceSpec(
    kind="ConfigurationTemplate",
    module="configuration_template",
    model=ConfigurationTemplateModel,
    collection="/public-api/resources/configuration-templates/v1.0",
    description="An OCPP configuration template: keys to set on charge points, with its variables.",
    # Inferred: the API has no name filter; matched by name client-side.
    natural_key=("name",),
    section_order=70,
)
