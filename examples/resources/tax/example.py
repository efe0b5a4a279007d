vat = ampeco.Tax("vat-20", name="VAT 20", percentage=20, display_name=[{"locale": "en", "translation": "VAT"}])
ampeco.Tariff("standard", name="Standard", type="energy", pricing={"price_per_kwh": 0.32, "tax_id": vat.id})
