"""API 3.110.0 behaviours end to end (program -> provider process -> emulator): what removing an
argument sends, a write-only field without a perpetual diff, a PUT that keeps back-office data,
and the new fields reading back as declared."""

from __future__ import annotations

from _harness import Engine
from _samples import (
    Program,
    charge_point_subject,
    flexible_tariff_subject,
    lone_evse_subject,
    new_api_3_110_fields,
)

from resources._resources_kit import TenantApi


def test_removing_arguments_sends_null_only_where_the_api_accepts_it(engine: Engine, api: TenantApi) -> None:
    engine.up(Program(lone_evse_subject, {"external_id": "e-1", "mid_meter_certification_end_year": 2030}))
    path = f"/public-api/resources/charge-points/v2.0/{engine.resource('cp').id}/evses/{engine.resource('subject').id}"
    api.clear_log()
    plan = engine.up(Program(lone_evse_subject, {"label": None}))  # external_id, year and label removed
    assert plan.step("subject").op == "update"
    assert [w.split()[0] for w in api.writes()] == ["PATCH"]
    live = api.get(path)
    assert "midMeterCertificationEndYear" not in live  # nullable: cleared
    assert live["externalId"] == "e-1" and live["label"] == "Left"  # not nullable: left as they were
    assert engine.up(Program(lone_evse_subject, {"label": None})).changes() == []


def test_removing_tags_clears_them_with_an_empty_list(engine: Engine, api: TenantApi) -> None:
    engine.up(Program(charge_point_subject))
    path = f"/public-api/resources/charge-points/v2.0/{engine.resource('subject').id}"
    engine.up(Program(charge_point_subject, {"tags": None}))
    assert api.get(path)["tags"] == []
    assert engine.up(Program(charge_point_subject, {"tags": None})).changes() == []


TARIFF = Program(flexible_tariff_subject)


def test_write_only_default_price_gives_no_perpetual_diff(engine: Engine, api: TenantApi) -> None:
    engine.up(TARIFF)
    assert engine.up(TARIFF).changes() == []
    engine.refresh()
    assert engine.preview(TARIFF).changes() == []


def test_tariff_update_keeps_texts_set_in_the_back_office(engine: Engine, api: TenantApi) -> None:
    engine.up(TARIFF)
    path = f"/public-api/resources/tariffs/v1.0/{engine.resource('subject').id}"
    live = api.get(path)
    back_office = {k: v for k, v in live.items() if k not in ("id", "currency", "lastUpdatedAt")}
    api.send("PUT", path, {**back_office, "description": {"en": "Set by hand", "fr": "A la main"},
                           "learnMoreUrl": {"en": "https://example.com"}})
    engine.up(Program(flexible_tariff_subject, {"name": "Flexible 2"}))  # no refresh first: state does not know the texts
    after = api.get(path)
    assert after["name"] == "Flexible 2"
    assert after["description"] == {"en": "Set by hand", "fr": "A la main"}
    assert after["learnMoreUrl"] == {"en": "https://example.com"}


def test_new_location_and_tariff_fields_read_back_as_declared(engine: Engine, api: TenantApi) -> None:
    program = Program(new_api_3_110_fields)
    engine.up(program)
    site = engine.resource("subject").outputs
    assert site["external_app_data"] == {"crm": {"siteId": "S-1"}}
    assert engine.resource("texts").outputs["description"] == {"en": "Free", "pt_BR": "Grátis"}
    assert engine.up(program).changes() == []
