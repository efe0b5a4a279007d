# Generated from specs/charge_point.py by `python tools/codegen.py`. Do not edit by hand.
"""ChargePoint: A charging station and how it connects to the backend."""

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
from pulumi_ampeco.types import (
    ChargePointNetworkArgsDict,
    ChargePointPartnerArgsDict,
    ChargePointSecurityArgsDict,
    ChargePointSubscriptionArgsDict,
    ChargePointUserArgsDict,
)

__all__ = ["ChargePoint", "ChargePointArgs", "ChargePointArgsDict", "GetChargePointResult", "get_charge_point"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "name",
    "type",
    "status",
    "communication_mode",
    "location_id",
    "charging_zone_id",
    "pin",
    "ocpp_connected_charge_point_id",
    "external_id",
    "network",
    "network_type",
    "electricity_rate_id",
    "electricity_cost_reimbursement_integration_id",
    "installation_and_maintenance_company_id",
    "subscription",
    "managed_by_operator",
    "capabilities",
    "auto_start_without_authorization",
    "disable_auto_start_emulation",
    "security",
    "model_id",
    "enable_auto_fault_recovery",
    "user",
    "partner",
    "utility_id",
    "tags",
    "sharing_code",
    "enabled_randomised_delay",
    "notice_id",
    "uses_renewable_energy",
    "integrated_at",
    "manufactured_at",
    "network_status",
    "hardware_status",
    "vendor_error_code",
    "roaming_operator_id",
    "created_at",
    "first_contact_at",
    "last_updated_at",
)
_SECRET_OUTPUTS: tuple[str, ...] = (
    "pin",
    "network",
)


class ChargePointArgsDict(TypedDict, total=False):
    """Arguments of ChargePoint as a dict (keys as in ChargePointArgs)."""

    name: pulumi.Input[str]
    """Name of the charge point."""
    type: pulumi.Input[Literal['public', 'private', 'personal']]
    """public: on the map for everyone; private: for a partner's users; personal: one owner."""
    status: pulumi.Input[Literal['enabled', 'disabled', 'out of order', 'demo']]
    """Operational status."""
    communication_mode: pulumi.Input[Literal['none', 'direct_ocpp', 'via_ocpp_connected_charge_point']]
    """How the station talks to the backend; set on create only (a change replaces)."""
    location_id: pulumi.Input[int | str]
    """Location of the charge point; required for public and private."""
    charging_zone_id: pulumi.Input[int | str]
    """Charging zone within the location."""
    pin: pulumi.Input[str]
    """Up to 4 digits the owner enters to claim a personal charge point."""
    ocpp_connected_charge_point_id: pulumi.Input[int | str]
    """Master charge point of a satellite (communication_mode via_ocpp_connected_charge_point)."""
    external_id: pulumi.Input[str]
    """Your own identifier for the charge point."""
    network: pulumi.Input[ChargePointNetworkArgsDict]
    """OCPP identity and connection settings."""
    network_type: pulumi.Input[Literal['cellular', 'ethernet', 'wlan']]
    """Uplink type."""
    electricity_rate_id: pulumi.Input[int | str]
    """Electricity rate for per-session cost tracking."""
    electricity_cost_reimbursement_integration_id: pulumi.Input[int | str]
    """Integration reimbursing the electricity cost (ignored by the API for public and private charge points)."""
    installation_and_maintenance_company_id: pulumi.Input[int | str]
    """Company that installs and maintains the charge point."""
    subscription: pulumi.Input[ChargePointSubscriptionArgsDict]
    """Subscription rules (personal only)."""
    managed_by_operator: pulumi.Input[bool]
    """Deprecated by the API; use communication_mode (the server derives it from that)."""
    capabilities: pulumi.Input[Sequence[pulumi.Input[Literal['remote_start_stop_capable', 'meter_values', 'stop_transaction_on_ev_disconnect', 'disregard_the_heartbeats', 'display_messages']]]]
    """Station capabilities; display_messages is detected at boot and never compared."""
    auto_start_without_authorization: pulumi.Input[bool]
    """Allow locally started and plug-and-charge sessions (default false)."""
    disable_auto_start_emulation: pulumi.Input[bool]
    """Rely on the station's own auto-start (default false)."""
    security: pulumi.Input[ChargePointSecurityArgsDict]
    """OCPP security profile settings."""
    model_id: pulumi.Input[int | str]
    """Charge point model; the station's boot notification may overwrite it."""
    enable_auto_fault_recovery: pulumi.Input[bool]
    """Try to recover from faults automatically (default true)."""
    user: pulumi.Input[ChargePointUserArgsDict]
    """Owner settings of a personal charge point."""
    partner: pulumi.Input[ChargePointPartnerArgsDict]
    """Partner settings of a private charge point."""
    utility_id: pulumi.Input[int | str]
    """Utility supplying the station."""
    tags: pulumi.Input[Sequence[pulumi.Input[str]]]
    """Free-form tags (an update replaces the whole list)."""
    sharing_code: pulumi.Input[str]
    """Code for sharing a personal charge point; set on create only (a change replaces)."""
    enabled_randomised_delay: pulumi.Input[bool]
    """Randomised start delay (personal only)."""
    notice_id: pulumi.Input[int | str]
    """Notice shown to drivers; wins over partner.notice."""
    uses_renewable_energy: pulumi.Input[bool]
    """Mark roaming sessions as renewable (default false)."""
    integrated_at: pulumi.Input[str]
    """When the station was integrated (the API accepts it on update only)."""
    manufactured_at: pulumi.Input[str]
    """When the station was manufactured (the API accepts it on update only)."""
    adopt_id: pulumi.Input[int]


@dataclasses.dataclass(kw_only=True)
class ChargePointArgs:
    """Arguments of ChargePoint."""

    name: pulumi.Input[str]
    """Name of the charge point."""
    type: pulumi.Input[Literal['public', 'private', 'personal']]
    """public: on the map for everyone; private: for a partner's users; personal: one owner."""
    status: pulumi.Input[Literal['enabled', 'disabled', 'out of order', 'demo']]
    """Operational status."""
    communication_mode: pulumi.Input[Literal['none', 'direct_ocpp', 'via_ocpp_connected_charge_point']] | None = None
    """How the station talks to the backend; set on create only (a change replaces)."""
    location_id: pulumi.Input[int | str] | None = None
    """Location of the charge point; required for public and private."""
    charging_zone_id: pulumi.Input[int | str] | None = None
    """Charging zone within the location."""
    pin: pulumi.Input[str] | None = None
    """Up to 4 digits the owner enters to claim a personal charge point."""
    ocpp_connected_charge_point_id: pulumi.Input[int | str] | None = None
    """Master charge point of a satellite (communication_mode via_ocpp_connected_charge_point)."""
    external_id: pulumi.Input[str] | None = None
    """Your own identifier for the charge point."""
    network: pulumi.Input[ChargePointNetworkArgsDict] | None = None
    """OCPP identity and connection settings."""
    network_type: pulumi.Input[Literal['cellular', 'ethernet', 'wlan']] | None = None
    """Uplink type."""
    electricity_rate_id: pulumi.Input[int | str] | None = None
    """Electricity rate for per-session cost tracking."""
    electricity_cost_reimbursement_integration_id: pulumi.Input[int | str] | None = None
    """Integration reimbursing the electricity cost (ignored by the API for public and private charge points)."""
    installation_and_maintenance_company_id: pulumi.Input[int | str] | None = None
    """Company that installs and maintains the charge point."""
    subscription: pulumi.Input[ChargePointSubscriptionArgsDict] | None = None
    """Subscription rules (personal only)."""
    managed_by_operator: pulumi.Input[bool] | None = None
    """Deprecated by the API; use communication_mode (the server derives it from that)."""
    capabilities: pulumi.Input[Sequence[pulumi.Input[Literal['remote_start_stop_capable', 'meter_values', 'stop_transaction_on_ev_disconnect', 'disregard_the_heartbeats', 'display_messages']]]] | None = None
    """Station capabilities; display_messages is detected at boot and never compared."""
    auto_start_without_authorization: pulumi.Input[bool] | None = None
    """Allow locally started and plug-and-charge sessions (default false)."""
    disable_auto_start_emulation: pulumi.Input[bool] | None = None
    """Rely on the station's own auto-start (default false)."""
    security: pulumi.Input[ChargePointSecurityArgsDict] | None = None
    """OCPP security profile settings."""
    model_id: pulumi.Input[int | str] | None = None
    """Charge point model; the station's boot notification may overwrite it."""
    enable_auto_fault_recovery: pulumi.Input[bool] | None = None
    """Try to recover from faults automatically (default true)."""
    user: pulumi.Input[ChargePointUserArgsDict] | None = None
    """Owner settings of a personal charge point."""
    partner: pulumi.Input[ChargePointPartnerArgsDict] | None = None
    """Partner settings of a private charge point."""
    utility_id: pulumi.Input[int | str] | None = None
    """Utility supplying the station."""
    tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None
    """Free-form tags (an update replaces the whole list)."""
    sharing_code: pulumi.Input[str] | None = None
    """Code for sharing a personal charge point; set on create only (a change replaces)."""
    enabled_randomised_delay: pulumi.Input[bool] | None = None
    """Randomised start delay (personal only)."""
    notice_id: pulumi.Input[int | str] | None = None
    """Notice shown to drivers; wins over partner.notice."""
    uses_renewable_energy: pulumi.Input[bool] | None = None
    """Mark roaming sessions as renewable (default false)."""
    integrated_at: pulumi.Input[str] | None = None
    """When the station was integrated (the API accepts it on update only)."""
    manufactured_at: pulumi.Input[str] | None = None
    """When the station was manufactured (the API accepts it on update only)."""
    adopt_id: pulumi.Input[int] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class ChargePoint(pulumi.dynamic.Resource, module="ampeco", name="ChargePoint"):
    """A charging station and how it connects to the backend.
    
    Changing communication_mode, ocpp_connected_charge_point_id, sharing_code replaces the object.
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    name: pulumi.Output[str]
    """Name of the charge point."""
    type: pulumi.Output[Literal['public', 'private', 'personal']]
    """public: on the map for everyone; private: for a partner's users; personal: one owner."""
    status: pulumi.Output[Literal['enabled', 'disabled', 'out of order', 'demo']]
    """Operational status."""
    communication_mode: pulumi.Output[Literal['none', 'direct_ocpp', 'via_ocpp_connected_charge_point'] | None]
    """How the station talks to the backend; set on create only (a change replaces)."""
    location_id: pulumi.Output[int | None]
    """Location of the charge point; required for public and private."""
    charging_zone_id: pulumi.Output[int | None]
    """Charging zone within the location."""
    pin: pulumi.Output[str | None]
    """Up to 4 digits the owner enters to claim a personal charge point."""
    ocpp_connected_charge_point_id: pulumi.Output[int | None]
    """Master charge point of a satellite (communication_mode via_ocpp_connected_charge_point)."""
    external_id: pulumi.Output[str | None]
    """Your own identifier for the charge point."""
    network: pulumi.Output[dict[str, Any] | None]
    """OCPP identity and connection settings."""
    network_type: pulumi.Output[Literal['cellular', 'ethernet', 'wlan'] | None]
    """Uplink type."""
    electricity_rate_id: pulumi.Output[int | None]
    """Electricity rate for per-session cost tracking."""
    electricity_cost_reimbursement_integration_id: pulumi.Output[int | None]
    """Integration reimbursing the electricity cost (ignored by the API for public and private charge points)."""
    installation_and_maintenance_company_id: pulumi.Output[int | None]
    """Company that installs and maintains the charge point."""
    subscription: pulumi.Output[dict[str, Any] | None]
    """Subscription rules (personal only)."""
    managed_by_operator: pulumi.Output[bool | None]
    """Deprecated by the API; use communication_mode (the server derives it from that)."""
    capabilities: pulumi.Output[list[Literal['remote_start_stop_capable', 'meter_values', 'stop_transaction_on_ev_disconnect', 'disregard_the_heartbeats', 'display_messages']] | None]
    """Station capabilities; display_messages is detected at boot and never compared."""
    auto_start_without_authorization: pulumi.Output[bool | None]
    """Allow locally started and plug-and-charge sessions (default false)."""
    disable_auto_start_emulation: pulumi.Output[bool | None]
    """Rely on the station's own auto-start (default false)."""
    security: pulumi.Output[dict[str, Any] | None]
    """OCPP security profile settings."""
    model_id: pulumi.Output[int | None]
    """Charge point model; the station's boot notification may overwrite it."""
    enable_auto_fault_recovery: pulumi.Output[bool | None]
    """Try to recover from faults automatically (default true)."""
    user: pulumi.Output[dict[str, Any] | None]
    """Owner settings of a personal charge point."""
    partner: pulumi.Output[dict[str, Any] | None]
    """Partner settings of a private charge point."""
    utility_id: pulumi.Output[int | None]
    """Utility supplying the station."""
    tags: pulumi.Output[list[str] | None]
    """Free-form tags (an update replaces the whole list)."""
    sharing_code: pulumi.Output[str | None]
    """Code for sharing a personal charge point; set on create only (a change replaces)."""
    enabled_randomised_delay: pulumi.Output[bool | None]
    """Randomised start delay (personal only)."""
    notice_id: pulumi.Output[int | None]
    """Notice shown to drivers; wins over partner.notice."""
    uses_renewable_energy: pulumi.Output[bool | None]
    """Mark roaming sessions as renewable (default false)."""
    integrated_at: pulumi.Output[str | None]
    """When the station was integrated (the API accepts it on update only)."""
    manufactured_at: pulumi.Output[str | None]
    """When the station was manufactured (the API accepts it on update only)."""
    network_status: pulumi.Output[str | None]
    """Connection state of the station."""
    hardware_status: pulumi.Output[str | None]
    """Hardware state of the station."""
    vendor_error_code: pulumi.Output[str | None]
    """Last vendor error code."""
    roaming_operator_id: pulumi.Output[int | None]
    """Roaming operator, if roaming."""
    created_at: pulumi.Output[str | None]
    """When the charge point was created."""
    first_contact_at: pulumi.Output[str | None]
    """First OCPP contact."""
    last_updated_at: pulumi.Output[str | None]
    """When the charge point last changed."""
    adopt_id: pulumi.Output[int | None]

    def __init__(
        self,
        resource_name: str,
        args: ChargePointArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        name: pulumi.Input[str] | None = None,
        type: pulumi.Input[Literal['public', 'private', 'personal']] | None = None,
        status: pulumi.Input[Literal['enabled', 'disabled', 'out of order', 'demo']] | None = None,
        communication_mode: pulumi.Input[Literal['none', 'direct_ocpp', 'via_ocpp_connected_charge_point']] | None = None,
        location_id: pulumi.Input[int | str] | None = None,
        charging_zone_id: pulumi.Input[int | str] | None = None,
        pin: pulumi.Input[str] | None = None,
        ocpp_connected_charge_point_id: pulumi.Input[int | str] | None = None,
        external_id: pulumi.Input[str] | None = None,
        network: pulumi.Input[ChargePointNetworkArgsDict] | None = None,
        network_type: pulumi.Input[Literal['cellular', 'ethernet', 'wlan']] | None = None,
        electricity_rate_id: pulumi.Input[int | str] | None = None,
        electricity_cost_reimbursement_integration_id: pulumi.Input[int | str] | None = None,
        installation_and_maintenance_company_id: pulumi.Input[int | str] | None = None,
        subscription: pulumi.Input[ChargePointSubscriptionArgsDict] | None = None,
        managed_by_operator: pulumi.Input[bool] | None = None,
        capabilities: pulumi.Input[Sequence[pulumi.Input[Literal['remote_start_stop_capable', 'meter_values', 'stop_transaction_on_ev_disconnect', 'disregard_the_heartbeats', 'display_messages']]]] | None = None,
        auto_start_without_authorization: pulumi.Input[bool] | None = None,
        disable_auto_start_emulation: pulumi.Input[bool] | None = None,
        security: pulumi.Input[ChargePointSecurityArgsDict] | None = None,
        model_id: pulumi.Input[int | str] | None = None,
        enable_auto_fault_recovery: pulumi.Input[bool] | None = None,
        user: pulumi.Input[ChargePointUserArgsDict] | None = None,
        partner: pulumi.Input[ChargePointPartnerArgsDict] | None = None,
        utility_id: pulumi.Input[int | str] | None = None,
        tags: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None,
        sharing_code: pulumi.Input[str] | None = None,
        enabled_randomised_delay: pulumi.Input[bool] | None = None,
        notice_id: pulumi.Input[int | str] | None = None,
        uses_renewable_energy: pulumi.Input[bool] | None = None,
        integrated_at: pulumi.Input[str] | None = None,
        manufactured_at: pulumi.Input[str] | None = None,
        adopt_id: pulumi.Input[int] | None = None,
    ) -> None:
        kwargs = {
            "name": name,
            "type": type,
            "status": status,
            "communication_mode": communication_mode,
            "location_id": location_id,
            "charging_zone_id": charging_zone_id,
            "pin": pin,
            "ocpp_connected_charge_point_id": ocpp_connected_charge_point_id,
            "external_id": external_id,
            "network": network,
            "network_type": network_type,
            "electricity_rate_id": electricity_rate_id,
            "electricity_cost_reimbursement_integration_id": electricity_cost_reimbursement_integration_id,
            "installation_and_maintenance_company_id": installation_and_maintenance_company_id,
            "subscription": subscription,
            "managed_by_operator": managed_by_operator,
            "capabilities": capabilities,
            "auto_start_without_authorization": auto_start_without_authorization,
            "disable_auto_start_emulation": disable_auto_start_emulation,
            "security": security,
            "model_id": model_id,
            "enable_auto_fault_recovery": enable_auto_fault_recovery,
            "user": user,
            "partner": partner,
            "utility_id": utility_id,
            "tags": tags,
            "sharing_code": sharing_code,
            "enabled_randomised_delay": enabled_randomised_delay,
            "notice_id": notice_id,
            "uses_renewable_energy": uses_renewable_energy,
            "integrated_at": integrated_at,
            "manufactured_at": manufactured_at,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("ChargePoint"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> ChargePoint:
        """The existing charge point with this AMPECO id, read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return ChargePoint(resource_name, opts=read)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetChargePointResult:
    """An existing charge point, as ``get_charge_point`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    name: str
    """Name of the charge point."""
    type: Literal['public', 'private', 'personal']
    """public: on the map for everyone; private: for a partner's users; personal: one owner."""
    status: Literal['enabled', 'disabled', 'out of order', 'demo']
    """Operational status."""
    communication_mode: Literal['none', 'direct_ocpp', 'via_ocpp_connected_charge_point'] | None = None
    """How the station talks to the backend; set on create only (a change replaces)."""
    location_id: int | None = None
    """Location of the charge point; required for public and private."""
    charging_zone_id: int | None = None
    """Charging zone within the location."""
    ocpp_connected_charge_point_id: int | None = None
    """Master charge point of a satellite (communication_mode via_ocpp_connected_charge_point)."""
    external_id: str | None = None
    """Your own identifier for the charge point."""
    network_type: Literal['cellular', 'ethernet', 'wlan'] | None = None
    """Uplink type."""
    electricity_rate_id: int | None = None
    """Electricity rate for per-session cost tracking."""
    electricity_cost_reimbursement_integration_id: int | None = None
    """Integration reimbursing the electricity cost (ignored by the API for public and private charge points)."""
    installation_and_maintenance_company_id: int | None = None
    """Company that installs and maintains the charge point."""
    subscription: dict[str, Any] | None = None
    """Subscription rules (personal only)."""
    managed_by_operator: bool | None = None
    """Deprecated by the API; use communication_mode (the server derives it from that)."""
    capabilities: list[Literal['remote_start_stop_capable', 'meter_values', 'stop_transaction_on_ev_disconnect', 'disregard_the_heartbeats', 'display_messages']] | None = None
    """Station capabilities; display_messages is detected at boot and never compared."""
    auto_start_without_authorization: bool | None = None
    """Allow locally started and plug-and-charge sessions (default false)."""
    disable_auto_start_emulation: bool | None = None
    """Rely on the station's own auto-start (default false)."""
    security: dict[str, Any] | None = None
    """OCPP security profile settings."""
    model_id: int | None = None
    """Charge point model; the station's boot notification may overwrite it."""
    enable_auto_fault_recovery: bool | None = None
    """Try to recover from faults automatically (default true)."""
    user: dict[str, Any] | None = None
    """Owner settings of a personal charge point."""
    partner: dict[str, Any] | None = None
    """Partner settings of a private charge point."""
    utility_id: int | None = None
    """Utility supplying the station."""
    tags: list[str] | None = None
    """Free-form tags (an update replaces the whole list)."""
    sharing_code: str | None = None
    """Code for sharing a personal charge point; set on create only (a change replaces)."""
    enabled_randomised_delay: bool | None = None
    """Randomised start delay (personal only)."""
    notice_id: int | None = None
    """Notice shown to drivers; wins over partner.notice."""
    uses_renewable_energy: bool | None = None
    """Mark roaming sessions as renewable (default false)."""
    integrated_at: str | None = None
    """When the station was integrated (the API accepts it on update only)."""
    manufactured_at: str | None = None
    """When the station was manufactured (the API accepts it on update only)."""
    network_status: str | None = None
    """Connection state of the station."""
    hardware_status: str | None = None
    """Hardware state of the station."""
    vendor_error_code: str | None = None
    """Last vendor error code."""
    roaming_operator_id: int | None = None
    """Roaming operator, if roaming."""
    created_at: str | None = None
    """When the charge point was created."""
    first_contact_at: str | None = None
    """First OCPP contact."""
    last_updated_at: str | None = None
    """When the charge point last changed."""


def get_charge_point(
    *,
    id: int | str | None = None,
    network_id: str | None = None,
    external_id: str | None = None,
) -> GetChargePointResult:
    """Look up an existing charge point in the stack's tenant by its AMPECO ``id`` or by ``network_id`` or ``external_id``.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("ChargePoint", id=id, key={"network.id": network_id, "external_id": external_id}, parents={})
    return GetChargePointResult(**found)
