fleet = ampeco.IdTagSet("fleet", tags={
    "04A1B2C3D4": {"status": "enabled", "type": "rfid", "id_label": "Fleet card 1"},
    "04A1B2C3D5": {"status": "disabled", "type": "rfid", "id_label": "Fleet card 2"},
})
staff = ampeco.IdTagSet.from_csv("staff", "staff-cards.csv")  # id_tag_uid,status,type,id_label,...
pulumi.export("fleet_ids", fleet.ids)
