site = ampeco.Location("depot", name=[{"locale": "en", "translation": "Depot Sofia"}],
    address=[{"locale": "en", "translation": "1 Vitosha Blvd, Sofia"}], country="BG",
    geoposition={"latitude": 42.6977, "longitude": 23.3219}, external_id="depot-sofia")
