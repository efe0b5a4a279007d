cp = ampeco.ChargePoint("cp-1", name="Depot CP 1", type="public", status="enabled",
    location_id=site.id, communication_mode="direct_ocpp",
    network={"id": "DEPOT-CP-1", "protocol": "ocpp 1.6"})
