ampeco.CircuitChargePoint("cp-1-on-bay", circuit_id=bay.id, charge_point_id=cp.id, priority=2)
