"""The declaration words API 3.110.0 needed: what removing an argument sends (Nullable, ResetTo,
neither), WriteOnly, free-form maps, a PUT that keeps what the program does not manage,
ReadOnlyValues, Included, and the spec's limits at check. Pure or over a recording fake client."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi_ampeco._engine import operations
from pulumi_ampeco._engine.check import check_inputs
from pulumi_ampeco._engine.diff import compare
from pulumi_ampeco._engine.state import MANAGED_KEY, outputs
from pulumi_ampeco.specs import REGISTRY
from pulumi_ampeco.specs._convert import to_python, to_wire
from pulumi_ampeco.specs._schema import model_meta

CP = REGISTRY["ChargePoint"]
EVSE = REGISTRY["Evse"]
LOCATION = REGISTRY["Location"]
TAG = REGISTRY["IdTag"]
TARIFF = REGISTRY["Tariff"]


class RecordingClient:
    """The client calls operations makes, answered from one stored wire object."""

    def __init__(self, live: dict[str, Any]) -> None:
        self.live = live
        self.calls: list[tuple[str, str, Any, tuple[str, ...]]] = []

    def get(self, path: str, *, include: tuple[str, ...] = ()) -> dict[str, Any]:
        self.calls.append(("GET", path, None, tuple(include)))
        return dict(self.live)

    def update(self, path: str, body: dict[str, Any], *, method: str = "PATCH",
               include: tuple[str, ...] = ()) -> dict[str, Any]:
        self.calls.append((method, path, body, tuple(include)))
        merged = dict(body) if method == "PUT" else {**self.live, **body}
        return {"id": self.live.get("id", 1), **merged}

    def bodies(self, method: str) -> list[Any]:
        return [c[2] for c in self.calls if c[0] == method]


def _update(spec: Any, client: RecordingClient, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any]:
    return operations.update(spec, client, "1", olds, news)  # type: ignore[arg-type]


# --- removing an argument -------------------------------------------------------------------------


def test_removed_nullable_argument_is_patched_to_null() -> None:
    olds = {"status": "enabled", "id_label": "old", MANAGED_KEY: {"status": True, "id_label": True}}
    client = RecordingClient({"id": 1, "status": "enabled", "idLabel": "old"})
    _update(TAG, client, olds, {"status": "enabled"})
    assert client.bodies("PATCH") == [{"idLabel": None}]


def test_removed_argument_the_api_cannot_clear_is_left_as_it_is_and_no_longer_managed() -> None:
    olds = {"status": "enabled", "label": "Left", MANAGED_KEY: {"status": True, "label": True}}
    changes = compare(EVSE, {"status": "enabled"}, olds, ["status", "label"])
    assert not changes  # no PATCH {label: null}: the API refuses null for label


def test_removed_list_is_reset_to_the_empty_list_not_null() -> None:
    olds = {"name": "CP", "tags": ["a"], MANAGED_KEY: {"name": True, "tags": True}}
    client = RecordingClient({"id": 1, "name": "CP", "tags": ["a"]})
    _update(CP, client, olds, {"name": "CP"})
    assert client.bodies("PATCH") == [{"tags": []}]


def test_removed_flag_goes_back_to_its_documented_default_only_when_it_differs() -> None:
    managed = ["name", "enable_auto_fault_recovery"]
    assert compare(CP, {"name": "CP"}, {"name": "CP", "enable_auto_fault_recovery": False}, managed).removed == [
        "enable_auto_fault_recovery"]
    assert not compare(CP, {"name": "CP"}, {"name": "CP", "enable_auto_fault_recovery": True}, managed)


def test_location_patch_no_longer_carries_geoposition() -> None:
    olds = {"city": "Sofia", "geoposition": {"latitude": 1, "longitude": 2}, MANAGED_KEY: {"city": True}}
    client = RecordingClient({"id": 1, "city": "Sofia"})
    _update(LOCATION, client, olds, {"city": "Plovdiv", "geoposition": {"latitude": 1, "longitude": 2}})
    assert client.bodies("PATCH") == [{"city": "Plovdiv"}]


# --- write-only -----------------------------------------------------------------------------------


def test_write_only_value_is_kept_in_state_so_the_next_diff_is_empty() -> None:
    declared = {"name": "T", "type": "energy tou",
                "pricing": {"flexible_mark_up_as_fixed_per_kwh": {"default_price": 0.05, "interval_pricing": []}}}
    live = {"id": 1, "name": "T", "type": "energy tou", "pricing": {"flexibleMarkUpAsFixedPerKwh": {}}}
    outs = outputs(TARIFF, live, declared)
    assert outs["pricing"]["flexible_mark_up_as_fixed_per_kwh"]["default_price"] == 0.05
    assert not compare(TARIFF, declared, outs, list(declared))
    refreshed = outputs(TARIFF, live, outs, outs[MANAGED_KEY])  # a read carries it from the old state
    assert refreshed["pricing"]["flexible_mark_up_as_fixed_per_kwh"]["default_price"] == 0.05
    changed = {**declared, "pricing": {"flexible_mark_up_as_fixed_per_kwh": {"default_price": 0.07}}}
    assert compare(TARIFF, changed, outs, list(declared)).changed == ["pricing"]


# --- free-form maps -------------------------------------------------------------------------------


def test_locale_map_keys_are_data_kept_verbatim_both_ways() -> None:
    meta = model_meta(TARIFF.model)
    wire = {"description": {"en": "Cheap", "pt_BR": "Barato"}, "learnMoreUrl": {"zh_Hant": "https://x"}}
    python = to_python(meta, wire)
    assert python == {"description": {"en": "Cheap", "pt_BR": "Barato"}, "learn_more_url": {"zh_Hant": "https://x"}}
    assert to_wire(meta, python) == wire


def test_locale_map_is_compared_whole_so_an_extra_live_locale_is_a_change() -> None:
    live = {"description": {"en": "Cheap", "fr": "Pas cher"}}
    assert compare(TARIFF, {"description": {"en": "Cheap"}}, live).changed == ["description"]
    assert not compare(TARIFF, {"description": {"en": "Cheap", "fr": "Pas cher"}}, live)


def test_external_app_data_keys_are_not_renamed() -> None:
    meta = model_meta(LOCATION.model)
    assert to_python(meta, {"externalAppData": {"crmId": {"someKey": 1}}}) == {
        "external_app_data": {"crmId": {"someKey": 1}}}


# --- PUT: the whole object, never wiping what the program does not manage ----------------------------


LIVE_TARIFF = {
    "id": 7, "name": "T", "type": "duration+energy", "currency": "EUR", "lastUpdatedAt": "2026-01-01T00:00:00Z",
    "pricing": {"pricePerKwh": 0.3, "idleFeePerMinute": 0.1, "futureFee": 9},
    "description": {"en": "Set in the back office", "fr": "Depuis le back office"},
    "display": {"priceInformation": "0.30/kWh"},
    "someFutureField": {"keyNotCamel": [1, {"x_y": 2}]},
}


def test_put_reads_the_tenant_first_and_keeps_every_field_the_program_does_not_manage() -> None:
    client = RecordingClient(dict(LIVE_TARIFF))
    olds = {"name": "T", "type": "duration+energy", "pricing": {"price_per_kwh": 0.3},
            MANAGED_KEY: {"name": True, "type": True, "pricing": {"price_per_kwh": True}}}
    news = {"name": "T", "type": "duration+energy", "pricing": {"price_per_kwh": 0.35}}
    _update(TARIFF, client, olds, news)
    assert [c[0] for c in client.calls] == ["GET", "PUT"]
    [body] = client.bodies("PUT")
    assert body == {
        "name": "T", "type": "duration+energy",
        "pricing": {"pricePerKwh": 0.35, "idleFeePerMinute": 0.1, "futureFee": 9},  # merged, unknown kept
        "description": {"en": "Set in the back office", "fr": "Depuis le back office"},
        "display": {"priceInformation": "0.30/kWh"},
        "someFutureField": {"keyNotCamel": [1, {"x_y": 2}]},  # unknown to the declaration: verbatim
    }  # no id, currency, lastUpdatedAt (computed)


def test_put_leaves_out_what_the_program_managed_before_and_no_longer_declares() -> None:
    client = RecordingClient(dict(LIVE_TARIFF))
    olds = {MANAGED_KEY: {"name": True, "type": True, "display": True,
                          "pricing": {"price_per_kwh": True, "idle_fee_per_minute": True}}}
    news = {"name": "T", "type": "duration+energy", "pricing": {"price_per_kwh": 0.3}}
    _update(TARIFF, client, {**olds, "display": {"price_information": "x"}}, news)
    [body] = client.bodies("PUT")
    assert "display" not in body  # removed from the program: reset
    assert body["pricing"] == {"pricePerKwh": 0.3, "futureFee": 9}  # idleFeePerMinute was managed: reset


def test_put_sends_a_declared_map_whole() -> None:
    client = RecordingClient(dict(LIVE_TARIFF))
    news = {"name": "T", "type": "duration+energy", "description": {"en": "Ours"}}
    _update(TARIFF, client, {"name": "U", MANAGED_KEY: {"name": True}}, news)
    assert client.bodies("PUT")[0]["description"] == {"en": "Ours"}  # the API deletes "fr", as declared


def test_adopt_with_a_put_uses_the_object_it_just_read() -> None:
    client = RecordingClient(dict(LIVE_TARIFF))
    inputs = {"adopt_id": 7, "name": "T2", "type": "duration+energy"}
    operations.adopt(TARIFF, client, inputs, 7)  # type: ignore[arg-type]
    assert [c[0] for c in client.calls] == ["GET", "PUT"]
    assert client.bodies("PUT")[0]["pricing"] == LIVE_TARIFF["pricing"]


# --- included, read-only values, limits -----------------------------------------------------------


def test_location_reads_and_writes_ask_for_external_app_data() -> None:
    client = RecordingClient({"id": 1, "city": "Sofia"})
    operations.read(LOCATION, client, "1", {})  # type: ignore[arg-type]
    _update(LOCATION, client, {"city": "a", MANAGED_KEY: {"city": True}}, {"city": "b"})
    assert [c[3] for c in client.calls] == [("externalAppData",), ("externalAppData",)]


def test_emaid_id_tag_is_accepted_only_for_an_adopted_object() -> None:
    news = {"id_tag_uid": "DE-ABC-123", "status": "enabled", "type": "emaid"}
    [problem] = check_inputs(TAG, news)[1]
    assert problem.property == "type" and "adopt_id" in problem.reason
    assert check_inputs(TAG, {**news, "adopt_id": 5})[1] == []


@pytest.mark.parametrize(("spec", "news", "field"), [
    (EVSE, {"power_options": {"max_power": 22000.5}}, "power_options.max_power"),
    (CP, {"pin": "12345"}, "pin"),
    (CP, {"name": "x" * 256}, "name"),
    (TARIFF, {"display": {"default_price_information": "x" * 151}}, "display.default_price_information"),
    (TARIFF, {"day_tariff_start": "07:00:00"}, "day_tariff_start"),
    (TARIFF, {"restrictions": {"start_date": "2027-01-01T00:00:00Z"}}, "restrictions.start_date"),
    (TARIFF, {"pricing": {"duration_fee_grace_period": 2.5}}, "pricing.duration_fee_grace_period"),
    (TARIFF, {"pricing": {"multi_idle_fee": [{"first_unit": 0.5}]}}, "pricing.multi_idle_fee[0].first_unit"),
])
def test_limits_of_the_official_spec_fail_at_check(spec: Any, news: dict[str, Any], field: str) -> None:
    assert field in {f.property for f in check_inputs(spec, news)[1]}


def test_integral_max_power_is_sent_as_an_integer() -> None:
    inputs, problems = check_inputs(EVSE, {"power_options": {"max_power": 22000.0, "max_voltage": "277"}})
    assert problems == [] or all(p.property != "power_options" for p in problems)
    assert inputs["power_options"] == {"max_power": 22000, "max_voltage": "277"}
    assert type(inputs["power_options"]["max_power"]) is int
