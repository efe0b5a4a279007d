zone = ampeco.ChargingZone("staff", location_id=site.id, name="Staff parking", status="enabled")
