fleet = ampeco.UserGroup("fleet", name="Fleet drivers", partner_id=acme.id, external_id="fleet")
ampeco.Tariff("fleet-flat", name="Fleet flat", type="flat rate", pricing={"price_per_session": 5},
    restrictions={"apply_to_user_group_ids": [fleet.id]})
