"""Charge points — ``/public-api/resources/charge-points/v2.0`` (REFERENCE.md §4)."""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

from ..store import Obj, Tenant
from ..validation import (
    Field,
    Validator,
    load_schema,
    msg_invalid,
    msg_required_if,
    optional,
    override,
    reference,
)
from ._base import (
    LAST_UPDATED_FILTERS,
    Ctx,
    IncludeFn,
    KeyFn,
    Matcher,
    Resource,
    contains,
    eq,
    get_path,
    ids_text,
    is_set,
    never,
)

INFERRED = {
    "network.id uniqueness": "unique per tenant (422 'The network.id has already been taken.')",
    "sharingCode": "generated when not sent on create: 8 characters A-Z0-9, unique per tenant; "
    "a sent sharingCode must be unique too",
    "communicationMode default": "when not sent: 'none' if managedByOperator is false, else 'direct_ocpp'",
    "managedByOperator": "read back as sent; when never sent: communicationMode != 'none'",
    "capabilities": "display_messages is dropped on create (auto-detected at boot); kept on PATCH; [] when unset",
    "tags": "[] when unset; PATCH replaces the whole list",
    "security": "always an object {desiredProfile, currentProfile: 0, hardwareEnabledProfile: null, "
    "desiredProfileStatus}; status is 'applied' when desiredProfile is 0 or null, else 'pending' "
    "(the charger never boots); desiredProfile must be 0..3",
    "hardwareStatus": "'unavailable' (never connected)",
    "chargingZoneId": "must belong to the charge point's locationId",
    "ocppConnectedChargePointId": "create-only (prohibited on PATCH), must be an existing charge point",
    "network": "read back as an object ({} when never sent): 3.110.0 requires it in responses",
    "delete": "refused (422) while another charge point names it in ocppConnectedChargePointId; "
    "its EVSEs and their connectors are deleted with it",
    "includes": "lastBootNotification, chargingProfile, smartCharging, smartChargingPreferences, "
    "personalSmartChargingPreferences -> null; availablePersonalSmartChargingModes -> []",
    "nested defaults": "user.automaticFirmwareUpdatesEnabled (true) and partner.corporateBillingAsDefault "
    "(false), documented defaults, are filled in whenever user / partner is sent without them",
    "unknowable filters": "vendorId, bootNotificationSerialNumber, subOperatorId, circuitId only match 'null'",
}

# Documented: ignored (not stored) for via_ocpp_connected_charge_point charge points.
IGNORED_FOR_SATELLITES = (
    "electricityRateId", "networkType", "capabilities", "network", "autoStartWithoutAuthorization",
    "disableAutoStartEmulation", "security", "modelId", "enableAutoFaultRecovery", "utilityId",
    "usesRenewableEnergy", "enabledRandomisedDelay", "integratedAt", "manufacturedAt",
)  # fmt: skip
CREATE_ONLY = ("communicationMode", "ocppConnectedChargePointId", "sharingCode")
NESTED_DEFAULTS = (("user", "automaticFirmwareUpdatesEnabled", True), ("partner", "corporateBillingAsDefault", False))
SHARING_CODE_ALPHABET = string.ascii_uppercase + string.digits
SHARING_CODE_LENGTH = 8
HARDWARE_STATUS = "unavailable"
NETWORK_STATUS = "never_connected"


def _evse_reference(tenant: Tenant, obj: Obj, values: list[str]) -> bool:
    return any(
        e.get("chargePointId") == obj["id"] and e.get("physicalReference") in values for e in tenant["evses"]
    )


def _copy_default(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


class ChargePoint(Resource):
    key = "charge_point"
    collection = "charge_points"
    model = "ChargePoint"
    path = "/public-api/resources/charge-points/v2.0"
    param = "chargePoint"
    response_fields = (
        "id", "name", "type", "pin", "locationId", "chargingZoneId", "electricityRateId", "subscription",
        "networkType", "status", "managedByOperator", "externalId", "network", "capabilities",
        "autoStartWithoutAuthorization", "disableAutoStartEmulation", "security", "modelId",
        "enableAutoFaultRecovery", "user", "partner", "utilityId", "createdAt", "firstContactAt",
        "roamingOperatorId", "displayTariffAndCosts", "networkStatus", "hardwareStatus", "vendorErrorCode",
        "tags", "sharingCode", "enabledRandomisedDelay", "noticeId", "usesRenewableEnergy", "integratedAt",
        "manufacturedAt", "lastUpdatedAt", "ocppConnectedChargePointId", "communicationMode",
        "electricityCostReimbursementIntegrationId", "installationAndMaintenanceCompanyId",
    )  # fmt: skip
    filters: Mapping[str, Matcher] = {
        "desiredSecurityProfileStatus": eq("security.desiredProfileStatus"),
        "evsePhysicalReference": _evse_reference,
        "networkId": eq("network.id"),
        "bootNotificationSerialNumber": never,
        "modelId": eq("modelId"),
        "vendorId": never,
        "userId": eq("user.id"),
        "partnerId": eq("partner.id"),
        "type": eq("type"),
        "subOperatorId": never,
        "roaming": is_set("roamingOperatorId"),
        "name": eq("name"),
        "locationId": eq("locationId"),
        "circuitId": never,
        "chargingZoneId": eq("chargingZoneId"),
        "managedByOperator": eq("managedByOperator"),
        "externalId": eq("externalId"),
        "utilityId": eq("utilityId"),
        "tag": contains("tags"),
        "sharingCode": eq("sharingCode"),
        "roamingOperatorIds": eq("roamingOperatorId"),
        **LAST_UPDATED_FILTERS,
    }
    indexed_filters: Mapping[str, str] = {"networkId": "network.id", "sharingCode": "sharingCode"}
    unique: Mapping[str, KeyFn] = {
        "network.id": lambda o: get_path(o, "network.id"),
        "sharingCode": lambda o: o.get("sharingCode"),
    }
    includes: Mapping[str, IncludeFn] = {
        "lastBootNotification": lambda tenant, obj: None,
        "chargingProfile": lambda tenant, obj: None,
        "smartCharging": lambda tenant, obj: None,
        "smartChargingPreferences": lambda tenant, obj: None,
        "personalSmartChargingPreferences": lambda tenant, obj: None,
        "availablePersonalSmartChargingModes": lambda tenant, obj: [],
    }
    # Documented defaults (3.110.0) of the flags, applied when a create does not send them.
    defaults: Mapping[str, Any] = {
        "tags": [], "capabilities": [], "autoStartWithoutAuthorization": False, "disableAutoStartEmulation": False,
        "enableAutoFaultRecovery": True, "usesRenewableEnergy": False,
    }  # fmt: skip
    INFERRED = INFERRED

    def build_schema(self) -> dict[str, Field]:
        schema = load_schema(self.key)
        schema = override(schema, "pin", fmt="digits")
        schema = override(schema, "security.desiredProfile", enum=(0, 1, 2, 3))
        return schema

    def update_schema(self, variant: str | None) -> Mapping[str, Field]:
        schema = optional(self.schema)
        for name in CREATE_ONLY:
            schema = override(schema, name, prohibited=True)
        extra = load_schema(self.key, reference()[self.key]["update_only_fields"])
        for name in reference()[self.key]["update_only_fields"]:
            schema[name] = extra[name]
        return schema

    def check(self, tenant: Tenant, v: Validator, new: Obj, sent: Obj, current: Obj | None, ctx: Ctx) -> None:
        kind = new.get("type")
        if kind == "personal" and not new.get("pin") and v.ok("pin"):
            v.add("pin", msg_required_if("pin", "type", "personal"))
        if kind in ("public", "private") and new.get("locationId") is None and v.ok("locationId"):
            v.add("locationId", msg_required_if("locationId", "type", kind))
        if current is None and new.get("communicationMode") == "via_ocpp_connected_charge_point":
            path = "ocppConnectedChargePointId"
            if new.get(path) is None and v.ok(path):
                v.add(path, msg_required_if(path, "communicationMode", "via_ocpp_connected_charge_point"))
        self.check_exists(tenant, v, "locationId", new.get("locationId"), "locations")
        self.check_exists(
            tenant, v, "ocppConnectedChargePointId", new.get("ocppConnectedChargePointId"), "charge_points"
        )
        zone_id = new.get("chargingZoneId")
        if zone_id is not None and v.ok("chargingZoneId"):
            zone = tenant["charging_zones"].get(zone_id)
            if zone is None or zone.get("locationId") != new.get("locationId"):
                v.add("chargingZoneId", msg_invalid("chargingZoneId"))

    def on_create(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        if obj.get("communicationMode") is None:
            obj["communicationMode"] = "none" if obj.get("managedByOperator") is False else "direct_ocpp"
        if obj.get("managedByOperator") is None:
            obj["managedByOperator"] = obj["communicationMode"] != "none"
        obj["capabilities"] = [c for c in obj.get("capabilities") or [] if c != "display_messages"]
        if obj.get("sharingCode") is None:
            obj["sharingCode"] = self._new_sharing_code(tenant)
        obj["integratedAt"] = None
        obj["manufacturedAt"] = None
        self._drop_ignored(obj)
        obj["security"] = self._security(obj.get("security"))
        self._nested_defaults(obj)
        obj.update(
            firstContactAt=None,
            roamingOperatorId=None,
            displayTariffAndCosts=None,
            networkStatus=NETWORK_STATUS,
            hardwareStatus=HARDWARE_STATUS,
            vendorErrorCode=None,
        )

    def on_update(self, tenant: Tenant, new: Obj, current: Obj, sent: Obj, ctx: Ctx) -> None:
        if "security" in sent:
            new["security"] = self._security(sent["security"], current.get("security"))
        if new.get("capabilities") is None:
            new["capabilities"] = []
        if new.get("tags") is None:
            new["tags"] = []
        self._drop_ignored(new)
        if new.get("security") is None:
            new["security"] = self._security(None, current.get("security"))
        self._nested_defaults(new)

    @staticmethod
    def _nested_defaults(obj: Obj) -> None:
        if obj.get("network") is None:
            obj["network"] = {}
        for name, key, default in NESTED_DEFAULTS:
            if isinstance(obj.get(name), dict) and obj[name].get(key) is None:
                obj[name] = {**obj[name], key: default}

    def _drop_ignored(self, obj: Obj) -> None:
        if obj.get("communicationMode") == "via_ocpp_connected_charge_point":
            for name in IGNORED_FOR_SATELLITES:  # not stored: what a create without them would hold
                obj[name] = _copy_default(self.defaults.get(name))
        if obj.get("type") != "personal":  # documented: personal only, ignored (omitted) otherwise
            obj["enabledRandomisedDelay"] = None
            obj["electricityCostReimbursementIntegrationId"] = None

    def refuse_delete(self, tenant: Tenant, obj: Obj) -> str | None:
        users = [cp for cp in tenant["charge_points"] if cp.get("ocppConnectedChargePointId") == obj["id"]]
        if users:
            return f"The charge point is the OCPP master of charge point(s) {ids_text(users)} and cannot be deleted."
        return None

    def cascade(self, tenant: Tenant, obj: Obj) -> None:
        from .evse import RESOURCE as EVSES

        for evse in [e for e in tenant["evses"] if e.get("chargePointId") == obj["id"]]:
            EVSES.cascade(tenant, evse)
            EVSES.remove(tenant, evse)

    @staticmethod
    def _security(sent: dict[str, Any] | None, current: dict[str, Any] | None = None) -> dict[str, Any]:
        desired = (sent or {}).get("desiredProfile")
        current_profile = (current or {}).get("currentProfile", 0)
        status = "applied" if desired in (None, current_profile) else "pending"
        return {
            "desiredProfile": desired,
            "currentProfile": current_profile,
            "hardwareEnabledProfile": None,
            "desiredProfileStatus": status,
        }

    def _new_sharing_code(self, tenant: Tenant) -> str:
        taken = tenant.unique.get((self.collection, "sharingCode"), {})
        while True:
            code = "".join(tenant.rng.choice(SHARING_CODE_ALPHABET) for _ in range(SHARING_CODE_LENGTH))
            if code not in taken:
                return code


RESOURCE = ChargePoint()
