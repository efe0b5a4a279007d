day = ampeco.Tariff("standard", name="Standard AC", type="duration+energy",
    pricing={"price_per_kwh": 0.35, "price_per_period": 0.05, "price_period_in_minutes": 15})
