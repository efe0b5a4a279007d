evse = ampeco.Evse("cp-1-evse-1", charge_point_id=cp.id, network_id="1", physical_reference="SOF-1-1",
    current_type="ac", status="enabled", tariff_group_id=group.id)
