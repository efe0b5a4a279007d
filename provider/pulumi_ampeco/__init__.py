# Generated from specs/ and errors.py by `python tools/codegen.py`. Do not edit by hand.
"""Pulumi resources for AMPECO.CHARGE EV-charging networks.

    import pulumi_ampeco as ampeco

    site = ampeco.Location("depot", name=[{"locale": "en", "translation": "Depot"}], ...)
    cp = ampeco.ChargePoint("cp-1", location_id=site.id, ...)

Tenant: stack config ``ampeco:tenantUrl`` and secret ``ampeco:apiToken``, else the environment
variables ``AMPECO_TENANT_URL`` and ``AMPECO_API_TOKEN``. Existing objects are taken over with
``adopt_id`` (``import_`` cannot work for dynamic providers, pulumi/pulumi#16175); ones the program
only refers to are read with ``X.get(name, id)`` or looked up with ``get_x(id=...)`` /
``get_x(<natural key>=...)``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pulumi_ampeco.errors import (
    AdoptError,
    AlreadyExistsError,
    AmbiguousWriteError,
    AmpecoError,
    ApiError,
    ApiStatusError,
    ApiTransportError,
    AuthenticationError,
    ConfigurationError,
    ExportError,
    LookupFailedError,
    MalformedResponseError,
    MembersFailedError,
    NotFoundError,
    PermissionDeniedError,
    PreviewError,
    RateLimitedError,
    ServerError,
    SpecError,
    SpecProblemsError,
    UnprocessableError,
)

if TYPE_CHECKING:
    from pulumi_ampeco.charge_point import (
        ChargePoint,
        ChargePointArgs,
        ChargePointArgsDict,
        GetChargePointResult,
        get_charge_point,
    )
    from pulumi_ampeco.charging_zone import (
        ChargingZone,
        ChargingZoneArgs,
        ChargingZoneArgsDict,
        GetChargingZoneResult,
        get_charging_zone,
    )
    from pulumi_ampeco.circuit import Circuit, CircuitArgs, CircuitArgsDict, GetCircuitResult, get_circuit
    from pulumi_ampeco.circuit_charge_point import (
        CircuitChargePoint,
        CircuitChargePointArgs,
        CircuitChargePointArgsDict,
        GetCircuitChargePointResult,
        get_circuit_charge_point,
    )
    from pulumi_ampeco.configuration_template import (
        ConfigurationTemplate,
        ConfigurationTemplateArgs,
        ConfigurationTemplateArgsDict,
        GetConfigurationTemplateResult,
        get_configuration_template,
    )
    from pulumi_ampeco.connector import (
        Connector,
        ConnectorArgs,
        ConnectorArgsDict,
        GetConnectorResult,
        get_connector,
    )
    from pulumi_ampeco.evse import Evse, EvseArgs, EvseArgsDict, GetEvseResult, get_evse
    from pulumi_ampeco.id_tag import GetIdTagResult, IdTag, IdTagArgs, IdTagArgsDict, get_id_tag
    from pulumi_ampeco.id_tag_set import IdTagSet, IdTagSetArgs, IdTagSetArgsDict, IdTagSetMemberArgsDict
    from pulumi_ampeco.location import (
        GetLocationResult,
        Location,
        LocationArgs,
        LocationArgsDict,
        get_location,
    )
    from pulumi_ampeco.network import Network
    from pulumi_ampeco.notification import (
        GetNotificationResult,
        Notification,
        NotificationArgs,
        NotificationArgsDict,
        get_notification,
    )
    from pulumi_ampeco.partner import GetPartnerResult, Partner, PartnerArgs, PartnerArgsDict, get_partner
    from pulumi_ampeco.tariff import GetTariffResult, Tariff, TariffArgs, TariffArgsDict, get_tariff
    from pulumi_ampeco.tariff_group import (
        GetTariffGroupResult,
        TariffGroup,
        TariffGroupArgs,
        TariffGroupArgsDict,
        get_tariff_group,
    )
    from pulumi_ampeco.tax import GetTaxResult, Tax, TaxArgs, TaxArgsDict, get_tax
    from pulumi_ampeco.user_group import (
        GetUserGroupResult,
        UserGroup,
        UserGroupArgs,
        UserGroupArgsDict,
        get_user_group,
    )

# Resource classes load on first use (PEP 562): `import pulumi_ampeco` stays cheap, and a provider
# process, which only needs pulumi_ampeco._engine, never loads the Pulumi surface of every resource.
_LAZY: dict[str, str] = {
    "ChargePoint": "pulumi_ampeco.charge_point",
    "ChargePointArgs": "pulumi_ampeco.charge_point",
    "ChargePointArgsDict": "pulumi_ampeco.charge_point",
    "ChargingZone": "pulumi_ampeco.charging_zone",
    "ChargingZoneArgs": "pulumi_ampeco.charging_zone",
    "ChargingZoneArgsDict": "pulumi_ampeco.charging_zone",
    "Circuit": "pulumi_ampeco.circuit",
    "CircuitArgs": "pulumi_ampeco.circuit",
    "CircuitArgsDict": "pulumi_ampeco.circuit",
    "CircuitChargePoint": "pulumi_ampeco.circuit_charge_point",
    "CircuitChargePointArgs": "pulumi_ampeco.circuit_charge_point",
    "CircuitChargePointArgsDict": "pulumi_ampeco.circuit_charge_point",
    "ConfigurationTemplate": "pulumi_ampeco.configuration_template",
    "ConfigurationTemplateArgs": "pulumi_ampeco.configuration_template",
    "ConfigurationTemplateArgsDict": "pulumi_ampeco.configuration_template",
    "Connector": "pulumi_ampeco.connector",
    "ConnectorArgs": "pulumi_ampeco.connector",
    "ConnectorArgsDict": "pulumi_ampeco.connector",
    "Evse": "pulumi_ampeco.evse",
    "EvseArgs": "pulumi_ampeco.evse",
    "EvseArgsDict": "pulumi_ampeco.evse",
    "GetChargePointResult": "pulumi_ampeco.charge_point",
    "GetChargingZoneResult": "pulumi_ampeco.charging_zone",
    "GetCircuitChargePointResult": "pulumi_ampeco.circuit_charge_point",
    "GetCircuitResult": "pulumi_ampeco.circuit",
    "GetConfigurationTemplateResult": "pulumi_ampeco.configuration_template",
    "GetConnectorResult": "pulumi_ampeco.connector",
    "GetEvseResult": "pulumi_ampeco.evse",
    "GetIdTagResult": "pulumi_ampeco.id_tag",
    "GetLocationResult": "pulumi_ampeco.location",
    "GetNotificationResult": "pulumi_ampeco.notification",
    "GetPartnerResult": "pulumi_ampeco.partner",
    "GetTariffGroupResult": "pulumi_ampeco.tariff_group",
    "GetTariffResult": "pulumi_ampeco.tariff",
    "GetTaxResult": "pulumi_ampeco.tax",
    "GetUserGroupResult": "pulumi_ampeco.user_group",
    "IdTag": "pulumi_ampeco.id_tag",
    "IdTagArgs": "pulumi_ampeco.id_tag",
    "IdTagArgsDict": "pulumi_ampeco.id_tag",
    "IdTagSet": "pulumi_ampeco.id_tag_set",
    "IdTagSetArgs": "pulumi_ampeco.id_tag_set",
    "IdTagSetArgsDict": "pulumi_ampeco.id_tag_set",
    "IdTagSetMemberArgsDict": "pulumi_ampeco.id_tag_set",
    "Location": "pulumi_ampeco.location",
    "LocationArgs": "pulumi_ampeco.location",
    "LocationArgsDict": "pulumi_ampeco.location",
    "Network": "pulumi_ampeco.network",
    "Notification": "pulumi_ampeco.notification",
    "NotificationArgs": "pulumi_ampeco.notification",
    "NotificationArgsDict": "pulumi_ampeco.notification",
    "Partner": "pulumi_ampeco.partner",
    "PartnerArgs": "pulumi_ampeco.partner",
    "PartnerArgsDict": "pulumi_ampeco.partner",
    "Tariff": "pulumi_ampeco.tariff",
    "TariffArgs": "pulumi_ampeco.tariff",
    "TariffArgsDict": "pulumi_ampeco.tariff",
    "TariffGroup": "pulumi_ampeco.tariff_group",
    "TariffGroupArgs": "pulumi_ampeco.tariff_group",
    "TariffGroupArgsDict": "pulumi_ampeco.tariff_group",
    "Tax": "pulumi_ampeco.tax",
    "TaxArgs": "pulumi_ampeco.tax",
    "TaxArgsDict": "pulumi_ampeco.tax",
    "UserGroup": "pulumi_ampeco.user_group",
    "UserGroupArgs": "pulumi_ampeco.user_group",
    "UserGroupArgsDict": "pulumi_ampeco.user_group",
    "get_charge_point": "pulumi_ampeco.charge_point",
    "get_charging_zone": "pulumi_ampeco.charging_zone",
    "get_circuit": "pulumi_ampeco.circuit",
    "get_circuit_charge_point": "pulumi_ampeco.circuit_charge_point",
    "get_configuration_template": "pulumi_ampeco.configuration_template",
    "get_connector": "pulumi_ampeco.connector",
    "get_evse": "pulumi_ampeco.evse",
    "get_id_tag": "pulumi_ampeco.id_tag",
    "get_location": "pulumi_ampeco.location",
    "get_notification": "pulumi_ampeco.notification",
    "get_partner": "pulumi_ampeco.partner",
    "get_tariff": "pulumi_ampeco.tariff",
    "get_tariff_group": "pulumi_ampeco.tariff_group",
    "get_tax": "pulumi_ampeco.tax",
    "get_user_group": "pulumi_ampeco.user_group",
}

__all__ = [
    "AdoptError",
    "AlreadyExistsError",
    "AmbiguousWriteError",
    "AmpecoError",
    "ApiError",
    "ApiStatusError",
    "ApiTransportError",
    "AuthenticationError",
    "ChargePoint",
    "ChargePointArgs",
    "ChargePointArgsDict",
    "ChargingZone",
    "ChargingZoneArgs",
    "ChargingZoneArgsDict",
    "Circuit",
    "CircuitArgs",
    "CircuitArgsDict",
    "CircuitChargePoint",
    "CircuitChargePointArgs",
    "CircuitChargePointArgsDict",
    "ConfigurationError",
    "ConfigurationTemplate",
    "ConfigurationTemplateArgs",
    "ConfigurationTemplateArgsDict",
    "Connector",
    "ConnectorArgs",
    "ConnectorArgsDict",
    "Evse",
    "EvseArgs",
    "EvseArgsDict",
    "ExportError",
    "GetChargePointResult",
    "GetChargingZoneResult",
    "GetCircuitChargePointResult",
    "GetCircuitResult",
    "GetConfigurationTemplateResult",
    "GetConnectorResult",
    "GetEvseResult",
    "GetIdTagResult",
    "GetLocationResult",
    "GetNotificationResult",
    "GetPartnerResult",
    "GetTariffGroupResult",
    "GetTariffResult",
    "GetTaxResult",
    "GetUserGroupResult",
    "IdTag",
    "IdTagArgs",
    "IdTagArgsDict",
    "IdTagSet",
    "IdTagSetArgs",
    "IdTagSetArgsDict",
    "IdTagSetMemberArgsDict",
    "Location",
    "LocationArgs",
    "LocationArgsDict",
    "LookupFailedError",
    "MalformedResponseError",
    "MembersFailedError",
    "Network",
    "NotFoundError",
    "Notification",
    "NotificationArgs",
    "NotificationArgsDict",
    "Partner",
    "PartnerArgs",
    "PartnerArgsDict",
    "PermissionDeniedError",
    "PreviewError",
    "RateLimitedError",
    "ServerError",
    "SpecError",
    "SpecProblemsError",
    "Tariff",
    "TariffArgs",
    "TariffArgsDict",
    "TariffGroup",
    "TariffGroupArgs",
    "TariffGroupArgsDict",
    "Tax",
    "TaxArgs",
    "TaxArgsDict",
    "UnprocessableError",
    "UserGroup",
    "UserGroupArgs",
    "UserGroupArgsDict",
    "get_charge_point",
    "get_charging_zone",
    "get_circuit",
    "get_circuit_charge_point",
    "get_configuration_template",
    "get_connector",
    "get_evse",
    "get_id_tag",
    "get_location",
    "get_notification",
    "get_partner",
    "get_tariff",
    "get_tariff_group",
    "get_tax",
    "get_user_group",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
