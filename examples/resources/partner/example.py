acme = ampeco.Partner("acme", name="Acme Fleet", external_id="acme", country="BG", city="Sofia",
    contact_details={"billing": {"email": "billing@acme.example"}}, options={"create_users": True})
ampeco.IdTag("acme-card-1", id_tag_uid="04A1B2C3D4E5", status="enabled", type="rfid", partner_id=acme.id)
