tag = ampeco.IdTag("driver-card", id_tag_uid="04A1B2C3D4", status="enabled", type="rfid",
                   id_label="Fleet card 17")
