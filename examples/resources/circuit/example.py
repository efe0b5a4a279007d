main = ampeco.Circuit("depot-main", name="Depot main", phases="three_phase", max_current=250)
bay = ampeco.Circuit("depot-bay", name="Depot bay", phases="three_phase", phase_rotation="RST",
    max_current=63, min_charge_point_current=6, parent_circuit_id=main.id)  # multi-level load management
