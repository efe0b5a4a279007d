plug = ampeco.Connector("cp-1-evse-1-type2", charge_point_id=cp.id, evse_id=evse.id,
    type="type2", format="socket", status="enabled")
