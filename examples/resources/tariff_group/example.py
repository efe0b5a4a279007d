group = ampeco.TariffGroup("public", name="Public AC", tariff_ids=[day.id])
