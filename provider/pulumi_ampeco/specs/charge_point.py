"""ChargePoint: a charging station, reached over OCPP."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pulumi_ampeco.specs._base import (
    AmpecoModel,
    Computed,
    CreateOnly,
    DateTimeStr,
    Field,
    IdRef,
    IgnoreItems,
    Int,
    Nullable,
    Reference,
    RequiredWhen,
    ResetTo,
    ResourceSpec,
    Secret,
    ServerDefault,
    UpdateOnly,
)
from pulumi_ampeco.specs._shapes import Translation

Capability = Literal[
    "remote_start_stop_capable", "meter_values", "stop_transaction_on_ev_disconnect",
    "disregard_the_heartbeats", "display_messages",
]


class ChargePointNetwork(AmpecoModel):
    id: str | None = Field(None, min_length=1, description="OCPP identity the station connects with.")
    protocol: Literal["ocpp 1.5", "ocpp 1.6", "ocpp 1.6 soap", "ocpp 2.0.1"] | None = Field(
        None, description="OCPP protocol version."
    )
    password: Annotated[str | None, Secret] = Field(None, description="OCPP basic-auth password (secret).")
    ip: str | None = Field(None, description="Station IP, needed for OCPP 1.5 SOAP.")
    port: Int | None = Field(None, ge=1, le=65535, description="Station port, needed for OCPP 1.5 SOAP.")


class ChargePointSecurity(AmpecoModel):
    desired_profile: Int | None = Field(
        None, ge=0, le=3, description="OCPP security profile the backend applies at boot (0-3)."
    )


class ChargePointSubscription(AmpecoModel):
    required: bool | None = Field(None, description="A subscription is required to charge (personal CPs).")
    plan_ids: list[IdRef] | None = Field(None, description="Subscription plans that allow charging.")


class ChargePointUser(AmpecoModel):
    id: IdRef | None = Field(None, description="Owner of a personal charge point.")
    automatic_firmware_updates_enabled: bool | None = Field(None, description="Owner allows firmware updates.")


class ChargePointPartner(AmpecoModel):
    id: Annotated[IdRef | None, Reference("Partner")] = Field(
        None, description="Partner that owns or operates the charge point.")
    contract_id: IdRef | None = Field(None, description="Partner contract.")
    contact_id: IdRef | None = Field(None, description="Partner contact (deprecated by the API).")
    corporate_billing_as_default: bool | None = Field(None, description="Bill the partner by default.")
    access_type: Literal["private_view_private_use", "private_view_public_use", "public_view_private_use"] | None = (
        Field(None, description="Who sees and who may use a private charge point.")
    )
    notice: list[Translation] | None = Field(
        None, description="Notice per locale (private, public_view_private_use; deprecated by the API: use notice_id).")


# Removing an argument (API 3.110.0 PATCH): Nullable ones are cleared with null; tags and
# capabilities with []; flags with a documented default go back to it; network, network_type,
# security, subscription, user, partner and enabled_randomised_delay cannot be cleared, so the
# live value stays and is no longer managed.


class ChargePointModel(AmpecoModel):
    name: str = Field(min_length=1, max_length=255, description="Name of the charge point.")
    type: Literal["public", "private", "personal"] = Field(
        description="public: on the map for everyone; private: for a partner's users; personal: one owner."
    )
    status: Literal["enabled", "disabled", "out of order", "demo"] = Field(description="Operational status.")
    communication_mode: Annotated[
        Literal["none", "direct_ocpp", "via_ocpp_connected_charge_point"] | None, CreateOnly, ServerDefault
    ] = Field(None, description="How the station talks to the backend; set on create only (a change replaces).")
    location_id: Annotated[IdRef | None, Nullable, Reference("Location")] = Field(
        None, description="Location of the charge point; required for public and private.")
    charging_zone_id: Annotated[IdRef | None, Nullable, Reference("ChargingZone", within="location_id")] = Field(
        None, description="Charging zone within the location.")
    pin: Annotated[str | None, Secret, Nullable] = Field(
        None, pattern=r"^\d+$", max_length=4,
        description="Up to 4 digits the owner enters to claim a personal charge point.",
    )
    ocpp_connected_charge_point_id: Annotated[IdRef | None, CreateOnly, Reference("ChargePoint")] = Field(
        None, description="Master charge point of a satellite (communication_mode via_ocpp_connected_charge_point)."
    )
    external_id: Annotated[str | None, Nullable] = Field(None, description="Your own identifier for the charge point.")
    network: ChargePointNetwork | None = Field(None, description="OCPP identity and connection settings.")
    network_type: Literal["cellular", "ethernet", "wlan"] | None = Field(None, description="Uplink type.")
    electricity_rate_id: Annotated[IdRef | None, Nullable] = Field(
        None, description="Electricity rate for per-session cost tracking.")
    electricity_cost_reimbursement_integration_id: Annotated[IdRef | None, Nullable] = Field(
        None, description="Integration reimbursing the electricity cost (ignored by the API for public and "
        "private charge points).")
    installation_and_maintenance_company_id: Annotated[IdRef | None, Nullable] = Field(
        None, description="Company that installs and maintains the charge point.")
    subscription: ChargePointSubscription | None = Field(None, description="Subscription rules (personal only).")
    managed_by_operator: Annotated[bool | None, ServerDefault] = Field(
        None, description="Deprecated by the API; use communication_mode (the server derives it from that)."
    )
    capabilities: Annotated[list[Capability] | None, IgnoreItems("display_messages"), ResetTo([])] = Field(
        None, description="Station capabilities; display_messages is detected at boot and never compared."
    )
    auto_start_without_authorization: Annotated[bool | None, ResetTo(False)] = Field(
        None, description="Allow locally started and plug-and-charge sessions (default false)."
    )
    disable_auto_start_emulation: Annotated[bool | None, ResetTo(False)] = Field(
        None, description="Rely on the station's own auto-start (default false).")
    security: ChargePointSecurity | None = Field(None, description="OCPP security profile settings.")
    model_id: Annotated[IdRef | None, Nullable] = Field(
        None, description="Charge point model; the station's boot notification may overwrite it.")
    enable_auto_fault_recovery: Annotated[bool | None, ResetTo(True)] = Field(
        None, description="Try to recover from faults automatically (default true).")
    user: ChargePointUser | None = Field(None, description="Owner settings of a personal charge point.")
    partner: ChargePointPartner | None = Field(None, description="Partner settings of a private charge point.")
    utility_id: Annotated[IdRef | None, Nullable] = Field(None, description="Utility supplying the station.")
    tags: Annotated[list[str] | None, ResetTo([])] = Field(
        None, description="Free-form tags (an update replaces the whole list).")
    sharing_code: Annotated[str | None, CreateOnly, ServerDefault] = Field(
        None, description="Code for sharing a personal charge point; set on create only (a change replaces)."
    )
    enabled_randomised_delay: bool | None = Field(None, description="Randomised start delay (personal only).")
    notice_id: Annotated[IdRef | None, Nullable] = Field(
        None, description="Notice shown to drivers; wins over partner.notice.")
    uses_renewable_energy: Annotated[bool | None, ResetTo(False)] = Field(
        None, description="Mark roaming sessions as renewable (default false).")
    integrated_at: Annotated[DateTimeStr | None, UpdateOnly, Nullable] = Field(
        None, description="When the station was integrated (the API accepts it on update only)."
    )
    manufactured_at: Annotated[DateTimeStr | None, UpdateOnly, Nullable] = Field(
        None, description="When the station was manufactured (the API accepts it on update only)."
    )
    network_status: Annotated[str | None, Computed] = Field(None, description="Connection state of the station.")
    hardware_status: Annotated[str | None, Computed] = Field(None, description="Hardware state of the station.")
    vendor_error_code: Annotated[str | None, Computed] = Field(None, description="Last vendor error code.")
    roaming_operator_id: Annotated[int | None, Computed] = Field(None, description="Roaming operator, if roaming.")
    created_at: Annotated[str | None, Computed] = Field(None, description="When the charge point was created.")
    first_contact_at: Annotated[str | None, Computed] = Field(None, description="First OCPP contact.")
    last_updated_at: Annotated[str | None, Computed] = Field(None, description="When the charge point last changed.")


def _export_omit(args: Mapping[str, Any]) -> tuple[str, ...]:
    """The server makes ``sharing_code`` per object: a clone must not copy it (and as it is
    create-only, a later change would replace the charge point). The deprecated
    ``managed_by_operator`` is left out when it only repeats ``communication_mode``."""
    repeats = args.get("managed_by_operator") == (args.get("communication_mode", "direct_ocpp") != "none")
    return ("sharing_code", "managed_by_operator") if repeats else ("sharing_code",)


SPEC = ResourceSpec(
    kind="ChargePoint",
    module="charge_point",
    model=ChargePointModel,
    collection="/public-api/resources/charge-points/v2.0",
    description="A charging station and how it connects to the backend.",
    natural_key=("network.id", "external_id"),
    natural_key_filters={"network.id": "networkId", "external_id": "externalId"},
    required_when=(
        RequiredWhen("location_id", {"type": ("public", "private")}),
        RequiredWhen("pin", {"type": ("personal",)}),
        RequiredWhen("ocpp_connected_charge_point_id", {"communication_mode": ("via_ocpp_connected_charge_point",)}),
    ),
    # A replacement keeping network.id would be refused as "already taken" while the old one exists.
    delete_before_replace=True,
    section_order=40,
    export_name=("network.id", "external_id", "name"),
    export_omit=_export_omit,
)
