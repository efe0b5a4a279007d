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
    NotFoundError,
    PermissionDeniedError,
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
    from pulumi_ampeco.connector import (
        Connector,
        ConnectorArgs,
        ConnectorArgsDict,
        GetConnectorResult,
        get_connector,
    )
    from pulumi_ampeco.evse import Evse, EvseArgs, EvseArgsDict, GetEvseResult, get_evse
    from pulumi_ampeco.id_tag import GetIdTagResult, IdTag, IdTagArgs, IdTagArgsDict, get_id_tag
    from pulumi_ampeco.location import (
        GetLocationResult,
        Location,
        LocationArgs,
        LocationArgsDict,
        get_location,
    )
    from pulumi_ampeco.network import Network
    from pulumi_ampeco.tariff import GetTariffResult, Tariff, TariffArgs, TariffArgsDict, get_tariff
    from pulumi_ampeco.tariff_group import (
        GetTariffGroupResult,
        TariffGroup,
        TariffGroupArgs,
        TariffGroupArgsDict,
        get_tariff_group,
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
    "Connector": "pulumi_ampeco.connector",
    "ConnectorArgs": "pulumi_ampeco.connector",
    "ConnectorArgsDict": "pulumi_ampeco.connector",
    "Evse": "pulumi_ampeco.evse",
    "EvseArgs": "pulumi_ampeco.evse",
    "EvseArgsDict": "pulumi_ampeco.evse",
    "GetChargePointResult": "pulumi_ampeco.charge_point",
    "GetChargingZoneResult": "pulumi_ampeco.charging_zone",
    "GetConnectorResult": "pulumi_ampeco.connector",
    "GetEvseResult": "pulumi_ampeco.evse",
    "GetIdTagResult": "pulumi_ampeco.id_tag",
    "GetLocationResult": "pulumi_ampeco.location",
    "GetTariffGroupResult": "pulumi_ampeco.tariff_group",
    "GetTariffResult": "pulumi_ampeco.tariff",
    "IdTag": "pulumi_ampeco.id_tag",
    "IdTagArgs": "pulumi_ampeco.id_tag",
    "IdTagArgsDict": "pulumi_ampeco.id_tag",
    "Location": "pulumi_ampeco.location",
    "LocationArgs": "pulumi_ampeco.location",
    "LocationArgsDict": "pulumi_ampeco.location",
    "Network": "pulumi_ampeco.network",
    "Tariff": "pulumi_ampeco.tariff",
    "TariffArgs": "pulumi_ampeco.tariff",
    "TariffArgsDict": "pulumi_ampeco.tariff",
    "TariffGroup": "pulumi_ampeco.tariff_group",
    "TariffGroupArgs": "pulumi_ampeco.tariff_group",
    "TariffGroupArgsDict": "pulumi_ampeco.tariff_group",
    "get_charge_point": "pulumi_ampeco.charge_point",
    "get_charging_zone": "pulumi_ampeco.charging_zone",
    "get_connector": "pulumi_ampeco.connector",
    "get_evse": "pulumi_ampeco.evse",
    "get_id_tag": "pulumi_ampeco.id_tag",
    "get_location": "pulumi_ampeco.location",
    "get_tariff": "pulumi_ampeco.tariff",
    "get_tariff_group": "pulumi_ampeco.tariff_group",
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
    "ConfigurationError",
    "Connector",
    "ConnectorArgs",
    "ConnectorArgsDict",
    "Evse",
    "EvseArgs",
    "EvseArgsDict",
    "ExportError",
    "GetChargePointResult",
    "GetChargingZoneResult",
    "GetConnectorResult",
    "GetEvseResult",
    "GetIdTagResult",
    "GetLocationResult",
    "GetTariffGroupResult",
    "GetTariffResult",
    "IdTag",
    "IdTagArgs",
    "IdTagArgsDict",
    "Location",
    "LocationArgs",
    "LocationArgsDict",
    "LookupFailedError",
    "MalformedResponseError",
    "Network",
    "NotFoundError",
    "PermissionDeniedError",
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
    "UnprocessableError",
    "get_charge_point",
    "get_charging_zone",
    "get_connector",
    "get_evse",
    "get_id_tag",
    "get_location",
    "get_tariff",
    "get_tariff_group",
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
