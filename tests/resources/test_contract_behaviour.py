"""API 3.110.0 behaviours end to end (program -> provider process -> emulator): what removing an
argument sends, a write-only field without a perpetual diff, a PUT that keeps back-office data,
and the new fields reading back as declared."""

from __future__ import annotations

from typing import Any

import pulumi_ampeco as ampeco
from _harness import Engine
from _samples import charge_point, evse, location

from resources.tests_support import TenantApi


def test_removing_arguments_sends_null_only_where_the_api_accepts_it(engine: Engine, api: TenantApi) -> None:
    def program(**extra: Any) -> None:
        evse("subject", **extra)

    engine.up(lambda: program(external_id="e-1", mid_meter_certification_end_year=2030))
    path = f"/public-api/resources/charge-points/v2.0/{engine.resource('cp').id}/evses/{engine.resource('subject').id}"
    api.clear_log()
    plan = engine.up(lambda: evse("subject", label=None))  # external_id, year and label removed
    assert plan.step("subject").op == "update"
    assert [w.split()[0] for w in api.writes()] == ["PATCH"]
    live = api.get(path)
    assert "midMeterCertificationEndYear" not in live  # nullable: cleared
    assert live["externalId"] == "e-1" and live["label"] == "Left"  # not nullable: left as they were
    assert engine.up(lambda: evse("subject", label=None)).changes() == []


def test_removing_tags_clears_them_with_an_empty_list(engine: Engine, api: TenantApi) -> None:
    engine.up(lambda: charge_point("subject"))
    path = f"/public-api/resources/charge-points/v2.0/{engine.resource('subject').id}"
    engine.up(lambda: charge_point("subject", tags=None))
    assert api.get(path)["tags"] == []
    assert engine.up(lambda: charge_point("subject", tags=None)).changes() == []


def _tariff(**extra: Any) -> None:
    ampeco.Tariff("subject", **{"name": "Flexible", "type": "energy tou",
                                "pricing": {"price_per_kwh": 0.3, "flexible_mark_up_as_fixed_per_kwh": {
                                    "default_price": 0.05,
                                    "interval_pricing": [{"starts_at": "00:00", "ends_at": "12:00", "price": 0.1}]}},
                                **extra})


def test_write_only_default_price_gives_no_perpetual_diff(engine: Engine, api: TenantApi) -> None:
    engine.up(_tariff)
    assert engine.up(_tariff).changes() == []
    engine.refresh()
    assert engine.preview(_tariff).changes() == []


def test_tariff_update_keeps_texts_set_in_the_back_office(engine: Engine, api: TenantApi) -> None:
    engine.up(_tariff)
    path = f"/public-api/resources/tariffs/v1.0/{engine.resource('subject').id}"
    live = api.get(path)
    back_office = {k: v for k, v in live.items() if k not in ("id", "currency", "lastUpdatedAt")}
    api.send("PUT", path, {**back_office, "description": {"en": "Set by hand", "fr": "A la main"},
                           "learnMoreUrl": {"en": "https://example.com"}})
    engine.up(lambda: _tariff(name="Flexible 2"))  # no refresh first: state does not know the texts
    after = api.get(path)
    assert after["name"] == "Flexible 2"
    assert after["description"] == {"en": "Set by hand", "fr": "A la main"}
    assert after["learnMoreUrl"] == {"en": "https://example.com"}


def test_new_location_and_tariff_fields_read_back_as_declared(engine: Engine, api: TenantApi) -> None:
    def program() -> None:
        location("subject", parking_type="PARKING_LOT", access_methods=["OPEN", "TOKEN"], facilities=["WIFI"],
                 external_app_data={"crm": {"siteId": "S-1"}})
        ampeco.Tariff("texts", name="Texts", type="free", external_id="t-1",
                      description={"en": "Free", "pt_BR": "Grátis"})

    engine.up(program)
    site = engine.resource("subject").outputs
    assert site["external_app_data"] == {"crm": {"siteId": "S-1"}}
    assert engine.resource("texts").outputs["description"] == {"en": "Free", "pt_BR": "Grátis"}
    assert engine.up(program).changes() == []
