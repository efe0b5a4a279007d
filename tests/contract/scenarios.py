"""Every operation of the resources the provider manages, driven over plain HTTP with valid requests and the
usual failures (401, 404, 422), one scenario per resource. Bodies use every writable field the
resource has, so the responses carry every field the emulator can answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

R = "/public-api/resources"


def en(text: str) -> list[dict[str, str]]:
    return [{"locale": "en", "translation": text}]


def _data(response: httpx.Response, status: int) -> Any:
    assert response.status_code == status, (response.request.method, response.request.url, response.text)
    return response.json().get("data") if response.content else None


def location(api: httpx.Client, **extra: Any) -> dict[str, Any]:
    body = {"name": en("Depot"), "address": en("1 Main St"), "country": "BG",
            "geoposition": {"latitude": 42.69, "longitude": 23.32}, **extra}
    return _data(api.post(f"{R}/locations/v2.0", json=body), 201)


def charge_point(api: httpx.Client, location_id: int, **extra: Any) -> dict[str, Any]:
    body = {"name": "CP", "type": "public", "status": "enabled", "locationId": location_id, **extra}
    return _data(api.post(f"{R}/charge-points/v2.0", json=body), 201)


def evse(api: httpx.Client, cp_id: int, **extra: Any) -> dict[str, Any]:
    body = {"physicalReference": f"P-{cp_id}-{extra.get('networkId', '1')}", "currentType": "ac",
            "networkId": "1", "status": "enabled", **extra}
    return _data(api.post(f"{R}/charge-points/v2.0/{cp_id}/evses", json=body), 201)


def id_tags(api: httpx.Client) -> None:
    path = f"{R}/id-tags/v2.0"
    tag = _data(api.post(path, json={"idTagUid": "04A1B2", "status": "enabled", "type": "rfid", "idLabel": "Card",
                                     "expireAt": "2030-01-01T00:00:00Z", "vehicleType": "company_car",
                                     "paymentMethodId": "auto", "externalId": "c-1", "userId": 3,
                                     "partnerId": 4}), 201)
    _data(api.post(path, json={"idTagUid": "04A1B2", "status": "enabled", "type": "rfid"}), 422)  # taken
    _data(api.post(path, json={"status": "on"}), 422)
    _data(api.get(path), 200)  # page mode
    _data(api.get(path, params={"cursor": "", "per_page": 1, "filter[status]": "enabled"}), 200)
    _data(api.get(f"{path}/{tag['id']}"), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.patch(f"{path}/{tag['id']}", json={"idLabel": None, "status": "disabled", "partnerId": None}), 200)
    _data(api.patch(f"{path}/999999", json={"status": "enabled"}), 404)
    assert httpx.get(f"{api.base_url}{path}").status_code == 401  # no token (not recorded)
    _data(api.delete(f"{path}/{tag['id']}"), 204)
    _data(api.delete(f"{path}/{tag['id']}"), 404)


def locations(api: httpx.Client) -> None:
    path = f"{R}/locations/v2.0"
    site = location(
        api, shortDescription=en("Short"), description=en("Long"), additionalDescription=en("More"),
        streetAddress=en("Main St"), city="Sofia", region="Sofia-grad", postCode="1000",
        workingHours={"isAlwaysOpen": False, "stopSessionOutsideWorkingHours": True, "alwaysOpenForUserGroupIds": [1],
                      "hours": {"monday": [{"start": "08:00", "end": "18:00"}]}},
        timezone="Europe/Sofia", externalId="depot", tags=["a"], parkingType="PARKING_LOT",
        accessMethods=["OPEN", "TOKEN"], facilities=["CAFE"], externalAppData={"crm": {"id": 7}},
    )
    location(api, country="US", state="CA")
    _data(api.post(path, json={"name": en("x")}), 422)
    _data(api.get(path), 200)
    _data(api.get(path, params={"per_page": 1, "filter[country]": "BG",
                                "include[]": ["chargingZones", "locationImage", "images", "externalAppData"]}), 200)
    _data(api.get(f"{path}/{site['id']}", params={"include[]": ["chargingZones", "externalAppData"]}), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.patch(f"{path}/{site['id']}", json={"city": None, "tags": [], "parkingType": None}), 200)
    _data(api.patch(f"{path}/{site['id']}", json={"tags": None}), 422)
    charge_point(api, site["id"])
    _data(api.delete(f"{path}/{site['id']}"), 422)  # still used by a charge point (inferred)
    other = location(api)
    _data(api.delete(f"{path}/{other['id']}"), 204)
    _data(api.delete(f"{path}/{other['id']}"), 404)


def charging_zones(api: httpx.Client) -> None:
    site = location(api)
    path = f"{R}/locations/v2.0/{site['id']}/charging-zones"
    zone = _data(api.post(path, json={"name": "Staff", "status": "enabled",
                                      "additionalInfo": {"enabled": True, "title": en("T"), "description": en("D")}}),
                 201)
    _data(api.post(path, json={"name": "x"}), 422)
    _data(api.get(path), 200)
    _data(api.get(path, params={"per_page": 1}), 200)
    _data(api.get(f"{path}/{zone['id']}"), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.patch(f"{path}/{zone['id']}", json={"status": "disabled"}), 200)
    _data(api.patch(f"{path}/999999", json={"status": "disabled"}), 404)
    charge_point(api, site["id"], chargingZoneId=zone["id"])
    _data(api.delete(f"{path}/{zone['id']}"), 422)  # still used (inferred)
    spare = _data(api.post(path, json={"name": "Spare", "status": "enabled"}), 201)
    _data(api.delete(f"{path}/{spare['id']}"), 204)


def charge_points(api: httpx.Client) -> None:
    site = location(api)
    path = f"{R}/charge-points/v2.0"
    cp = charge_point(
        api, site["id"], pin="1234", externalId="cp-1", electricityRateId=2,
        network={"id": "NET-1", "protocol": "ocpp 1.6", "password": "s3cret", "ip": "10.0.0.1", "port": 8080},
        networkType="ethernet", communicationMode="direct_ocpp", capabilities=["meter_values"],
        autoStartWithoutAuthorization=True, disableAutoStartEmulation=False, security={"desiredProfile": 1},
        modelId=3, enableAutoFaultRecovery=True, partner={"id": 1, "contractId": 2, "accessType": "private_view_public_use"},
        utilityId=4, tags=["x"], sharingCode="SHARE001", noticeId=5, usesRenewableEnergy=True,
        installationAndMaintenanceCompanyId=6,
    )
    personal = charge_point(api, site["id"], type="personal", pin="4321", user={"id": 9},
                            subscription={"required": True, "planIds": [1]}, enabledRandomisedDelay=True,
                            electricityCostReimbursementIntegrationId=8)
    charge_point(api, site["id"], communicationMode="via_ocpp_connected_charge_point",
                 ocppConnectedChargePointId=cp["id"])
    _data(api.post(path, json={"name": "x" * 256, "type": "public", "status": "enabled"}), 422)
    _data(api.get(path), 200)
    _data(api.get(path, params={"per_page": 2, "filter[networkId]": "NET-1",
                                "include[]": ["lastBootNotification", "chargingProfile", "smartCharging",
                                              "availablePersonalSmartChargingModes"]}), 200)
    _data(api.get(f"{path}/{cp['id']}", params={"include[]": ["lastBootNotification", "chargingProfile"]}), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.patch(f"{path}/{cp['id']}", json={"name": "CP 1", "pin": None, "integratedAt": "2024-01-01T10:00:00Z",
                                                "tags": [], "externalId": None}), 200)
    _data(api.patch(f"{path}/{personal['id']}", json={"tags": None}), 422)
    _data(api.delete(f"{path}/{cp['id']}"), 422)  # OCPP master of a satellite (inferred)
    _data(api.delete(f"{path}/{personal['id']}"), 204)
    _data(api.delete(f"{path}/{personal['id']}"), 404)


def evses(api: httpx.Client) -> None:
    site = location(api)
    cp = charge_point(api, site["id"])
    group = _data(api.post(f"{R}/tariff-groups/v1.0", json={"name": "G"}), 201)
    path = f"{R}/charge-points/v2.0/{cp['id']}/evses"
    one = evse(api, cp["id"], label="Left", midMeterCertificationEndYear=2030, tariffGroupId=group["id"],
               allowsReservation=True, bookingEnabled=True, externalId="e-1",
               powerOptions={"maxPower": 22000, "maxVoltage": "277", "maxAmperage": 32.5, "phases": "three_phase",
                             "phaseRotation": "RST", "connectedPhase": "L1"})
    _data(api.post(path, json={"physicalReference": "x", "currentType": "ac", "networkId": "2", "status": "enabled",
                               "powerOptions": {"maxPower": 22000.5}}), 422)
    _data(api.get(path), 200)
    _data(api.get(path, params={"per_page": 1, "include[]": ["connectors", "chargingProfile"]}), 200)
    _data(api.get(f"{path}/{one['id']}", params={"include[]": ["connectors"]}), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.patch(f"{path}/{one['id']}", json={"label": "Right", "tariffGroupId": None}), 200)
    _data(api.patch(f"{path}/{one['id']}", json={"label": None}), 422)
    two = evse(api, cp["id"], networkId="2")
    _data(api.delete(f"{path}/{two['id']}"), 204)
    _data(api.delete(f"{path}/{two['id']}"), 404)
    # the standalone v2.1 paths
    v21 = f"{R}/evses/v2.1"
    three = _data(api.post(v21, json={"chargePointId": cp["id"], "physicalReference": "P-3", "currentType": "dc",
                                      "networkId": "3", "status": "out of order"}), 201)
    _data(api.post(v21, json={"physicalReference": "P-4", "currentType": "dc", "networkId": "4", "status": "enabled"}),
          422)
    _data(api.get(v21), 200)
    _data(api.get(v21, params={"filter[chargePointId]": cp["id"], "per_page": 1,
                               "include[]": ["connectors", "externalAppData"]}), 200)
    _data(api.get(f"{v21}/{three['id']}", params={"include[]": ["externalAppData"]}), 200)
    _data(api.get(f"{v21}/999999"), 404)
    _data(api.patch(f"{v21}/{three['id']}", json={"status": "enabled"}), 200)
    _data(api.delete(f"{v21}/{three['id']}"), 204)
    _data(api.delete(f"{v21}/{three['id']}"), 404)


def connectors(api: httpx.Client) -> None:
    site = location(api)
    cp = charge_point(api, site["id"])
    one = evse(api, cp["id"])
    path = f"{R}/charge-points/v2.0/{cp['id']}/evses/{one['id']}/connectors"
    plug = _data(api.post(path, json={"type": "type2", "format": "socket", "status": "enabled"}), 201)
    _data(api.post(path, json={"type": "type9"}), 422)
    _data(api.get(path), 200)
    _data(api.get(f"{path}/{plug['id']}"), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.patch(f"{path}/{plug['id']}", json={"format": "cable"}), 200)
    _data(api.patch(f"{path}/{plug['id']}", json={"status": None}), 422)
    _data(api.delete(f"{path}/{plug['id']}"), 204)
    _data(api.delete(f"{path}/{plug['id']}"), 404)


TARIFF_BODY: dict[str, Any] = {
    "name": "Standard", "type": "duration+energy", "dayTariffStart": "07:00", "nightTariffStart": "22:00",
    "pricing": {
        "pricePerKwh": 0.3, "pricePeriodInMinutes": 15, "pricePerPeriod": 0.02, "connectionFee": 1,
        "connectionFeeMinimumSessionDuration": 5, "durationFeeGracePeriod": 10, "idleFeePerMinute": 0.1,
        "idlePricingPeriodInMinutes": 15, "idleFeePeriodStart": "22:00", "idleFeePeriodEnd": "06:00",
        "chargePointElectricityRate": True, "lockPriceOnSessionStart": True, "stateOfChargeIdleThreshold": 80,
        "averagePowerIdleThreshold": 1.5,
        "flexibleMarkUpAsFixedPerKwh": {"defaultPrice": 0.05, "intervalPricing": [
            {"startsAt": "00:00", "endsAt": "12:00", "price": 0.1}, {"startsAt": "12:00", "endsAt": "23:59", "price": 0.2}]},
        "multiPricePerKwh": [{"firstKwh": 0, "lastKwh": 10, "feePerKwh": 0.3}, {"firstKwh": 10, "feePerKwh": 0.25}],
        "multiPricePerDuration": [{"firstUnit": 0, "lastUnit": 60, "feePerUnit": 0.01}],
        "multiIdleFee": [{"firstUnit": 0, "feePerUnit": 0.2, "flatFee": 1}],
        "timePeriods": [{"startTime": "00:00", "endTime": "12:00"}],
        "daysWhenApplied": [{"name": "Holidays", "specialDates": ["2027-12-25"], "durationFeeGracePeriod": 5}],
    },
    "stopSession": {"timeLimitMinutes": 240, "stopWhenEnergyExceedsKwh": 80},
    "restrictions": {"applyToAdHocUsers": True, "adHocPreAuthorizeAmount": 20, "applyToUserGroupIds": [1],
                     "startDate": "2027-01-01", "endDate": "2027-12-31"},
    "partner": {"id": 1},
    "display": {"defaultPriceInformation": "0.30/kWh", "priceInformation": "0.30/kWh"},
    "description": {"en": "Standard", "pt_BR": "Padrão"}, "additionalInformation": {"en": "Info"},
    "learnMoreUrl": {"en": "https://example.com/tariffs"}, "externalId": "t-1", "integrationId": 2,
}


def tariffs(api: httpx.Client) -> None:
    path = f"{R}/tariffs/v1.0"
    tariff = _data(api.post(path, json=TARIFF_BODY), 201)
    _data(api.post(path, json={**TARIFF_BODY, "restrictions": {"startDate": "2027-01-01T00:00:00Z"}}), 422)
    _data(api.get(path), 200)
    _data(api.get(path, params={"cursor": "", "per_page": 1, "filter[type]": "duration+energy"}), 200)
    _data(api.get(f"{path}/{tariff['id']}"), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.put(f"{path}/{tariff['id']}", json={"name": "Standard", "type": "flat rate",
                                                  "pricing": {"pricePerSession": 2}, "description": {"en": "Flat"}}),
          200)
    _data(api.put(f"{path}/{tariff['id']}", json={"pricing": {}}), 422)
    _data(api.put(f"{path}/999999", json={"name": "x", "type": "free"}), 404)
    group = _data(api.post(f"{R}/tariff-groups/v1.0", json={"name": "G", "tariffIds": [tariff["id"]]}), 201)
    _data(api.get(path, params={"filter[userId]": 5, "filter[tariffGroupId]": group["id"]}), 200)  # one tariff
    _data(api.get(path, params={"filter[userId]": 5}), 422)  # needs filter[tariffGroupId] (inferred)
    _data(api.delete(f"{path}/{tariff['id']}"), 422)  # listed by a tariff group (inferred)
    _data(api.put(f"{R}/tariff-groups/v1.0/{group['id']}", json={"name": "G", "tariffIds": []}), 200)
    _data(api.delete(f"{path}/{tariff['id']}"), 204)
    _data(api.delete(f"{path}/{tariff['id']}"), 404)


def tariff_groups(api: httpx.Client) -> None:
    path = f"{R}/tariff-groups/v1.0"
    tariff = _data(api.post(f"{R}/tariffs/v1.0", json={"name": "T", "type": "free"}), 201)
    group = _data(api.post(path, json={"name": "Public", "tariffIds": [tariff["id"]], "partnerId": 3}), 201)
    _data(api.post(path, json={"tariffIds": [999999]}), 422)
    _data(api.get(path), 200)
    _data(api.get(path, params={"page": 1, "per_page": 1, "filter[partnerId]": 3}), 200)
    _data(api.get(f"{path}/{group['id']}"), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.put(f"{path}/{group['id']}", json={"name": "Public 2", "tariffIds": [tariff["id"]], "partnerId": None}),
          200)
    site = location(api)
    cp = charge_point(api, site["id"])
    evse(api, cp["id"], tariffGroupId=group["id"])
    _data(api.delete(f"{path}/{group['id']}"), 422)  # assigned to an EVSE (inferred)
    spare = _data(api.post(path, json={"name": "Spare"}), 201)
    _data(api.delete(f"{path}/{spare['id']}"), 204)
    _data(api.delete(f"{path}/{spare['id']}"), 404)


def partner(api: httpx.Client, **extra: Any) -> dict[str, Any]:
    return _data(api.post(f"{R}/partners/v2.0", json={"name": "Acme", **extra}), 201)


def circuit(api: httpx.Client, **extra: Any) -> dict[str, Any]:
    body = {"name": "Main", "phases": "three_phase", "maxCurrent": 63, **extra}
    return _data(api.post(f"{R}/circuits/v2.0", json=body), 201)


CONTACT = {"contactPerson": "Ana", "email": "ana@acme.example", "phone": "+359 2 000"}


def partners(api: httpx.Client) -> None:
    path = f"{R}/partners/v2.0"
    one = partner(
        api, businessName="Acme Charging", regNo="BG-1", vatNo="BG123", address="1 Main St", postcode="1000",
        city="Sofia", country="BG", region="Sofia-grad",
        contactDetails={"administrative": CONTACT, "technical": CONTACT, "billing": CONTACT},
        notifications={"technical": {"chargePointFaults": True}, "billing": {"settlementReports": True}},
        monthlyPlatformFee=99.5, options={"createUsers": True, "addUserBalance": True, "supplierOnReceipts": True,
                                          "allowToControlTariffs": True, "allowToControlTariffGroups": True},
        corporateBilling={"enabled": True, "monthlyLimit": 1000, "discount": 5}, externalId="acme",
        bankDetails={"bankIban": "BG00", "bankName": "Bank", "bankAddress": "Sofia", "bankCode": "B1",
                     "bankAccountNumber": "1", "bankAccountType": "current"},
    )
    partner(api, name="US Fleet", country="US", state="CA")
    _data(api.post(path, json={"country": "BG"}), 422)  # no name
    _data(api.get(path), 200)  # page mode
    _data(api.get(path, params={"cursor": "", "per_page": 1, "filter[externalId]": "acme", "filter[country]": "BG",
                                "filter[regNo]": "BG-1"}), 200)
    _data(api.get(f"{path}/{one['id']}"), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.patch(f"{path}/{one['id']}", json={"city": None, "contactDetails": None, "options": {"createUsers": False}}),
          200)
    _data(api.patch(f"{path}/{one['id']}", json={"country": "XX"}), 422)
    _data(api.patch(f"{path}/999999", json={"name": "x"}), 404)
    _data(api.post(f"{R}/id-tags/v2.0", json={"idTagUid": "04P1", "status": "enabled", "type": "rfid",
                                             "partnerId": one["id"]}), 201)
    _data(api.delete(f"{path}/{one['id']}"), 409)  # still used by an id tag (inferred)
    spare = partner(api, name="Spare")
    _data(api.delete(f"{path}/{spare['id']}"), 204)
    _data(api.delete(f"{path}/{spare['id']}"), 404)


def user_groups(api: httpx.Client) -> None:
    path = f"{R}/user-groups/v1.0"
    owner = partner(api)
    group = _data(api.post(path, json={"name": "Fleet", "partnerId": owner["id"], "description": "Drivers",
                                       "externalId": "fleet"}), 201)
    _data(api.post(path, json={"name": "x", "description": "d" * 2001}), 422)
    _data(api.get(path), 200)
    _data(api.get(path, params={"cursor": "", "per_page": 1, "filter[partnerId]": owner["id"],
                                "filter[noPartner]": "false"}), 200)
    _data(api.get(f"{path}/{group['id']}"), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.patch(f"{path}/{group['id']}", json={"name": "Fleet", "description": None, "partnerId": None}), 200)
    _data(api.patch(f"{path}/{group['id']}", json={"description": "no name"}), 422)  # PATCH requires name
    _data(api.patch(f"{path}/999999", json={"name": "x"}), 404)
    _data(api.post(f"{R}/tariffs/v1.0", json={"name": "T", "type": "free",
                                             "restrictions": {"applyToUserGroupIds": [group["id"]]}}), 201)
    _data(api.delete(f"{path}/{group['id']}"), 422)  # listed by a tariff (inferred)
    spare = _data(api.post(path, json={"name": "Spare"}), 201)
    _data(api.delete(f"{path}/{spare['id']}"), 204)
    _data(api.delete(f"{path}/{spare['id']}"), 404)


def taxes(api: httpx.Client) -> None:
    path = f"{R}/taxes/v2.0"
    tax = _data(api.post(path, json={"name": "VAT", "displayName": en("VAT"), "percentage": 20,
                                     "taxIdentificationNumberId": 1}), 201)
    _data(api.post(path, json={"name": "No rate"}), 422)
    _data(api.get(path), 200)
    _data(api.get(path, params={"cursor": "", "per_page": 1}), 200)
    _data(api.get(f"{path}/{tax['id']}"), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.patch(f"{path}/{tax['id']}", json={"percentage": 9.5, "displayName": None,
                                                 "taxIdentificationNumberId": None}), 200)
    _data(api.patch(f"{path}/{tax['id']}", json={"percentage": "twenty"}), 422)
    _data(api.patch(f"{path}/999999", json={"name": "x"}), 404)
    _data(api.post(f"{R}/tariffs/v1.0", json={"name": "Taxed", "type": "flat rate",
                                             "pricing": {"pricePerSession": 2, "taxID": tax["id"]}}), 201)
    _data(api.delete(f"{path}/{tax['id']}"), 409)  # a tariff's tax (inferred)
    spare = _data(api.post(path, json={"name": "Zero", "percentage": 0}), 201)
    _data(api.delete(f"{path}/{spare['id']}"), 204)
    _data(api.delete(f"{path}/{spare['id']}"), 404)


def circuits(api: httpx.Client) -> None:
    path = f"{R}/circuits/v2.0"
    actions = "/public-api/actions/circuit/v2.0"
    main = circuit(api, electricalConfiguration="star", maxVoltage="400", minChargePointCurrent=6,
                   electricityMeterId=3, offlineReservedCurrent=10.5, setSessionLimitToZeroOnIdle=False,
                   loadBalancingIntegration={"id": 2, "fields": {"startDate": "2027-01-01"}})
    bay = circuit(api, name="Bay", parentCircuitId=main["id"], phaseRotation="RST", maxCurrent=32)
    _data(api.post(path, json={"name": "x", "phases": "three_phase", "maxCurrent": 10.05}), 422)  # steps of 0.1
    _data(api.post(path, json={"name": "x", "phases": "three_phase", "maxCurrent": 10, "parentCircuitId": main["id"]}),
          422)  # multi-level three_phase needs phaseRotation
    _data(api.get(path), 200)
    _data(api.get(path, params={"per_page": 1, "filter[lastUpdatedAfter]": "2020-01-01T00:00:00Z",
                                "include[]": ["chargePointPriorities", "userPriorities", "socPriorities",
                                              "consumption", "unmanagedLoad"]}), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.patch(f"{path}/{bay['id']}", json={"maxCurrent": 40, "maxVoltage": None, "loadBalancingIntegration": None}),
          200)
    _data(api.patch(f"{path}/{bay['id']}", json={"phases": "four_phase"}), 422)
    _data(api.patch(f"{path}/999999", json={"name": "x"}), 404)
    site = location(api)
    cp, other = charge_point(api, site["id"]), charge_point(api, site["id"])
    _data(api.post(f"{actions}/{bay['id']}/attach-charge-point", json={"chargePointId": cp["id"], "priority": 2}), 202)
    _data(api.post(f"{actions}/{bay['id']}/attach-charge-point", json={"chargePointId": other["id"]}), 202)
    _data(api.post(f"{actions}/{bay['id']}/attach-charge-point", json={"chargePointId": cp["id"]}), 422)  # on it
    _data(api.post(f"{actions}/{bay['id']}/attach-charge-point", json={"priority": 1}), 422)
    _data(api.post(f"{actions}/999999/attach-charge-point", json={"chargePointId": cp["id"]}), 404)
    _data(api.post(f"{actions}/{bay['id']}/set-charge-point-priority/{cp['id']}", json={"priority": 1.5}), 202)
    _data(api.post(f"{actions}/{bay['id']}/set-charge-point-priority/{cp['id']}", json={"priority": -1}), 422)
    _data(api.post(f"{actions}/{main['id']}/set-charge-point-priority/{cp['id']}", json={"priority": 1}), 404)
    _data(api.get(f"{path}/{bay['id']}", params={"include[]": ["chargePointPriorities", "socPriorities"]}), 200)
    _data(api.post(f"{actions}/{bay['id']}/detach-charge-point/{other['id']}"), 202)
    _data(api.post(f"{actions}/{bay['id']}/detach-charge-point/{other['id']}"), 404)
    _data(api.delete(f"{path}/{main['id']}"), 422)  # the parent of Bay (inferred)
    _data(api.delete(f"{path}/{bay['id']}"), 204)
    _data(api.delete(f"{path}/{bay['id']}"), 404)


HOOK = {"via": "webhook", "notifications": ["chargePoint.changed", "evse.changed"],
        "webhook": {"callbackUrl": "https://hooks.example.com/ampeco"}}
KAFKA = {"via": "kafka", "notifications": ["session.start.stop.notification"],
         "kafka": {"topic": "ampeco", "brokers": ["kafka-1:9092"], "compressionCodec": "lz4",
                   "securityProtocol": "SASL_SSL", "saslMechanism": "SCRAM-SHA-512", "saslUsername": "user",
                   "saslPassword": "s3cret"}}


def notifications(api: httpx.Client) -> None:
    path = "/public-api/notifications/v2.0"
    hook = _data(api.post(path, json=HOOK), 201)
    _data(api.post(path, json={"via": "kafka", "notifications": ["idTag.changed"],
                               "kafka": {"topic": "t", "brokers": ["b:9092"]}}), 201)  # Kafka defaults filled in
    _data(api.post(path, json={"via": "webhook", "notifications": ["idTag.changed"]}), 422)  # no webhook
    _data(api.get(path), 200)
    _data(api.get(path, params={"per_page": 1}), 200)
    _data(api.get(f"{path}/{hook['id']}"), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.put(f"{path}/{hook['id']}", json=KAFKA), 200)
    _data(api.put(f"{path}/{hook['id']}", json={"via": "webhook"}), 422)  # no notifications
    _data(api.put(f"{path}/999999", json=HOOK), 404)
    _data(api.delete(f"{path}/{hook['id']}"), 204)
    _data(api.delete(f"{path}/{hook['id']}"), 404)


def configuration_templates(api: httpx.Client) -> None:
    path = f"{R}/configuration-templates/v1.0"
    v16 = _data(api.post(path, json={"name": "Defaults", "ocppVersion": "ocpp 1.6"}), 201)
    v201 = _data(api.post(path, json={"name": "Defaults 2", "ocppVersion": "ocpp 2.0.1"}), 201)
    _data(api.post(path, json={"name": "x", "ocppVersion": "ocpp 3"}), 409)  # documented: 409 for a bad payload
    _data(api.get(path), 200)
    _data(api.get(path, params={"per_page": 1, "filter[ocppVersion]": "ocpp1.6"}), 200)
    _data(api.get(f"{path}/{v16['id']}"), 200)
    _data(api.get(f"{path}/999999"), 404)
    _data(api.patch(f"{path}/{v16['id']}", json={"name": "Defaults 1.6"}), 200)
    _data(api.patch(f"{path}/999999", json={"name": "x"}), 404)
    variables = f"{path}/{v16['id']}/variables"
    heartbeat = _data(api.post(variables, json={"keyName": "HeartbeatInterval", "value": "300"}), 201)
    _data(api.post(variables, json={"keyName": "HeartbeatInterval", "value": "600"}), 409)  # duplicate
    _data(api.post(variables, json={"keyName": "NoValue"}), 422)
    _data(api.post(f"{path}/999999/variables", json={"keyName": "X", "value": "1"}), 404)
    _data(api.post(f"{path}/{v201['id']}/variables", json={
        "value": "300", "variableName": "Interval", "variableType": "Actual", "variableInstance": "a",
        "component": "OCPPCommCtrlr", "componentInstance": "b", "evseId": 1, "connectorId": 1}), 201)
    _data(api.post(f"{path}/{v201['id']}/variables", json={"value": "1", "component": "OCPPCommCtrlr"}), 422)
    _data(api.get(variables), 200)
    _data(api.get(f"{path}/{v201['id']}/variables", params={"per_page": 1}), 200)
    _data(api.get(f"{path}/999999/variables"), 404)
    _data(api.patch(f"{variables}/{heartbeat['id']}", json={"value": "600"}), 200)
    _data(api.patch(f"{variables}/{heartbeat['id']}", json={"value": 600}), 422)
    _data(api.patch(f"{variables}/999999", json={"value": "1"}), 404)
    _data(api.delete(f"{variables}/{heartbeat['id']}"), 204)
    _data(api.delete(f"{variables}/{heartbeat['id']}"), 404)
    _data(api.delete(f"{path}/{v16['id']}"), 204)
    _data(api.delete(f"{path}/{v16['id']}"), 404)


SCENARIOS: dict[str, Callable[[httpx.Client], None]] = {
    "IdTag": id_tags, "Location": locations, "ChargingZone": charging_zones, "ChargePoint": charge_points,
    "Evse": evses, "Connector": connectors, "Tariff": tariffs, "TariffGroup": tariff_groups,
    "Partner": partners, "UserGroup": user_groups, "Tax": taxes, "Circuit": circuits,
    "Notification": notifications, "ConfigurationTemplate": configuration_templates,
}
"""One scenario per resource; CircuitChargePoint's actions are in the circuits one (the API has no path of its own for it)."""
