"""Quickstart: one depot with a charging zone, two charge points (two EVSEs each), a tariff group, three cards.

Tenant: `pulumi config set ampeco:tenantUrl https://<tenant>.ampeco.com` and
`pulumi config set --secret ampeco:apiToken <token>` (or AMPECO_TENANT_URL / AMPECO_API_TOKEN).
"""

import pulumi

import pulumi_ampeco as ampeco


def en(text: str) -> list[dict[str, str]]:
    return [{"locale": "en", "translation": text}]


depot = ampeco.Location(
    "depot-sofia",
    name=en("Depot Sofia"),
    address=en("1 Tsarigradsko Shose Blvd, 1113 Sofia"),
    city="Sofia",
    country="BG",
    post_code="1113",
    geoposition={"latitude": 42.6854, "longitude": 23.3447},
    timezone="Europe/Sofia",
    external_id="depot-sofia",
    working_hours={"is_always_open": True},
    tags=["depot", "fleet"],
)

staff = ampeco.ChargingZone("staff-parking", location_id=depot.id, name="Staff parking", status="enabled")

standard = ampeco.Tariff(
    "standard-ac",
    name="Standard AC",
    type="duration+energy",
    pricing={"price_per_kwh": 0.32, "price_per_period": 0.02, "price_period_in_minutes": 15,
             "idle_fee_per_minute": 0.1, "idle_fee_grace_period_minutes": 30},
)
night = ampeco.Tariff(
    "night-owl",
    name="Night owl",
    type="duration+energy time of day",
    day_tariff_start="07:00",
    night_tariff_start="22:00",
    pricing={"day_price_per_kwh": 0.34, "night_price_per_kwh": 0.18,
             "day_price_per_period": 0.02, "night_price_per_period": 0.0, "price_period_in_minutes": 15},
)
public = ampeco.TariffGroup("public", name="Depot public", tariff_ids=[standard.id, night.id])

charge_points: dict[str, object] = {}
for n in (1, 2):
    cp = ampeco.ChargePoint(
        f"cp-{n}",
        name=f"Depot Sofia {n}",
        type="public",
        status="enabled",
        location_id=depot.id,
        charging_zone_id=staff.id,
        communication_mode="direct_ocpp",
        network={"id": f"DEPOT-SOF-{n:02d}", "protocol": "ocpp 1.6"},
        capabilities=["remote_start_stop_capable", "meter_values"],
        tags=["depot"],
    )
    evses = {}
    for e in (1, 2):
        evse = ampeco.Evse(
            f"cp-{n}-evse-{e}",
            charge_point_id=cp.id,
            network_id=str(e),
            physical_reference=f"SOF-{n}-{e}",
            current_type="ac",
            status="enabled",
            tariff_group_id=public.id,
            power_options={"max_power": 22000, "max_voltage": "400", "max_amperage": 32, "phases": "three_phase"},
        )
        ampeco.Connector(f"cp-{n}-evse-{e}-type2", charge_point_id=cp.id, evse_id=evse.id,
                         type="type2", format="socket", status="enabled")
        evses[f"SOF-{n}-{e}"] = {"id": evse.id, "status": evse.hardware_status}
    charge_points[f"DEPOT-SOF-{n:02d}"] = {"id": cp.id, "evses": evses}

cards = {}
for i, uid in enumerate(("04A1B2C3D4E5", "04F6A7B8C9D0", "04112233445566"), start=1):
    tag = ampeco.IdTag(f"fleet-card-{i}", id_tag_uid=uid, id_label=f"Fleet card {i}", status="enabled", type="rfid")
    cards[uid] = tag.id

# What `make demo` shows after the up: the network as the tenant now holds it, by the names you know.
pulumi.export("location_id", depot.id)
pulumi.export("tariff_group_id", public.id)
pulumi.export("charge_points", charge_points)  # OCPP id -> AMPECO id and its EVSEs (physical ref -> id, status)
pulumi.export("cards", cards)  # RFID uid -> AMPECO id
