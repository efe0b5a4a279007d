"""Pulumi resources for AMPECO.CHARGE EV-charging networks.

    import pulumi_ampeco as ampeco

    site = ampeco.Location("depot", name=[{"locale": "en", "translation": "Depot"}], ...)
    cp = ampeco.ChargePoint("cp-1", location_id=site.id, ...)

Tenant: stack config ``ampeco:tenantUrl`` and secret ``ampeco:apiToken``, else the environment
variables ``AMPECO_TENANT_URL`` and ``AMPECO_API_TOKEN``. Existing objects are taken over with
``adopt_id`` (``import_`` cannot work for dynamic providers, pulumi/pulumi#16175).
"""

from pulumi_ampeco.charge_point import ChargePoint, ChargePointArgs, ChargePointArgsDict
from pulumi_ampeco.charging_zone import ChargingZone, ChargingZoneArgs, ChargingZoneArgsDict
from pulumi_ampeco.connector import Connector, ConnectorArgs, ConnectorArgsDict
from pulumi_ampeco.errors import (
    AmbiguousWriteError,
    AmpecoError,
    ApiError,
    ApiStatusError,
    ApiTransportError,
    AuthenticationError,
    ConfigurationError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    SpecError,
    UnprocessableError,
)
from pulumi_ampeco.evse import Evse, EvseArgs, EvseArgsDict
from pulumi_ampeco.id_tag import IdTag, IdTagArgs, IdTagArgsDict
from pulumi_ampeco.location import Location, LocationArgs, LocationArgsDict
from pulumi_ampeco.tariff import Tariff, TariffArgs, TariffArgsDict
from pulumi_ampeco.tariff_group import TariffGroup, TariffGroupArgs, TariffGroupArgsDict

__all__ = [
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
    "IdTag",
    "IdTagArgs",
    "IdTagArgsDict",
    "Location",
    "LocationArgs",
    "LocationArgsDict",
    "MalformedResponseError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitedError",
    "ServerError",
    "SpecError",
    "Tariff",
    "TariffArgs",
    "TariffArgsDict",
    "TariffGroup",
    "TariffGroupArgs",
    "TariffGroupArgsDict",
    "UnprocessableError",
]
