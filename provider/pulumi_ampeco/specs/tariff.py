"""Tariff: how charging is priced. Updated with PUT: the whole tariff is sent every time, the
declared fields over the ones the tenant holds (so nothing the program does not manage is wiped)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator

from pulumi_ampeco.specs._base import (
    AmpecoModel,
    Computed,
    DateStr,
    Field,
    IdRef,
    Int,
    Money,
    Number,
    Reference,
    ResourceSpec,
    TimeStr,
    WriteOnly,
    integral,
)

PeriodMinutes = Annotated[Literal[1, 15, 30, 60, 240, 360], BeforeValidator(integral)]
SocThreshold = Annotated[Literal[75, 80, 85, 90, 95, 100], BeforeValidator(integral)]
Minutes = Annotated[Int, Field(ge=0)]
"""A whole number of minutes (the API types these integer)."""
LocaleTexts = dict[str, str | None]
"""A map locale -> text ({"en": "...", "fr": "..."}); a locale left out of an update is deleted."""


class IntervalPrice(AmpecoModel):
    starts_at: TimeStr = Field(description="Interval start, HH:MM local time.")
    ends_at: TimeStr = Field(description="Interval end, HH:MM local time.")
    price: Money = Field(description="Price of the interval, tax included.")


class FlexibleMarkUp(AmpecoModel):
    # writeOnly in API 3.110.0 (default 0): never read back, so the value last sent is what is compared.
    default_price: Annotated[Money | None, WriteOnly] = Field(
        None, description="Markup outside the intervals (write-only: never read back; 0 when not sent).")
    interval_pricing: list[IntervalPrice] | None = Field(None, description="Equal-length intervals within 24 h.")


class KwhLevel(AmpecoModel):
    first_kwh: Money = Field(description="Level start in kWh (0 for the first level).")
    last_kwh: Money | None = Field(None, description="Level end in kWh (open for the last level).")
    fee_per_kwh: Money | None = Field(None, description="Price per kWh within the level.")
    flat_fee: Money | None = Field(None, description="Flat fee for the level.")


class UnitLevel(AmpecoModel):
    first_unit: Minutes = Field(description="Level start, a whole number (0 for the first level).")
    last_unit: Minutes | None = Field(None, description="Level end, a whole number (open for the last level).")
    fee_per_unit: Money | None = Field(None, description="Price per unit within the level.")
    flat_fee: Money | None = Field(None, description="Flat fee for the level.")


class AveragePowerLevel(AmpecoModel):
    average_power_up_to_kw: Money = Field(description="Upper bound of the level in kW.")
    price_per_minute: Money = Field(description="Price per minute within the level.")


class PeakPowerLevel(AmpecoModel):
    peak_power_up_to_kw: Money = Field(description="Upper bound of the level in kW.")
    regular_price_per_minute: Money = Field(description="Price per minute of regular use.")
    excess_use_price_per_min: Money = Field(description="Price per minute of excess use.")


class TimePeriod(AmpecoModel):
    start_time: TimeStr = Field(description="Period start, HH:MM (24 h).")
    end_time: TimeStr = Field(description="Period end, HH:MM (24 h).")


class FeePeriods(AmpecoModel):
    fee: list[Money] | None = Field(None, description="One fee per time period, in order.")


class PricePeriods(AmpecoModel):
    connection_fee_periods: FeePeriods | None = None
    energy_fee_periods: FeePeriods | None = None
    duration_fee_periods: FeePeriods | None = None
    idle_fee_periods: FeePeriods | None = None


class DayPricing(AmpecoModel):
    name: str | None = Field(None, description="Name of the day set.")
    special_dates: list[DateStr] | None = Field(None, description="Dates (YYYY-MM-DD) the pricing applies to.")
    idle_fee_grace_period_minutes: Money | None = None
    idle_pricing_period_in_minutes: PeriodMinutes | None = None
    connection_fee_minimum_session_duration: Minutes | None = None
    connection_fee_minimum_session_energy: Money | None = None
    duration_fee_grace_period: Minutes | None = None
    price_period_in_minutes: PeriodMinutes | None = None
    price_periods: PricePeriods | None = None


class TariffPricing(AmpecoModel):
    price_per_session: Money | None = Field(None, description="Price per session (flat rate).")
    connection_fee: Money | None = Field(None, description="Fixed fee at session start.")
    price_per_kwh: Money | None = Field(None, description="Energy price per kWh.")
    day_price_per_kwh: Money | None = Field(None, description="Day energy price (time of day tariffs).")
    night_price_per_kwh: Money | None = Field(None, description="Night energy price (time of day tariffs).")
    price_period_in_minutes: PeriodMinutes | None = Field(None, description="Billing period of the duration fee.")
    price_per_period: Money | None = Field(None, description="Duration fee per period.")
    duration_fee_limit: Money | None = Field(None, description="Cap on the duration fee per session.")
    day_price_per_period: Money | None = Field(None, description="Day duration fee per period.")
    night_price_per_period: Money | None = Field(None, description="Night duration fee per period.")
    day_idle_fee_per_minute: Money | None = Field(None, description="Day idle fee per minute.")
    night_idle_fee_per_minute: Money | None = Field(None, description="Night idle fee per minute.")
    idle_fee_per_minute: Money | None = Field(None, description="Fee per idle minute.")
    idle_fee_grace_period_minutes: Money | None = Field(None, description="Idle minutes before the fee starts.")
    idle_pricing_period_in_minutes: PeriodMinutes | None = Field(None, description="Idle billing period.")
    idle_fee_period_start: TimeStr | None = Field(None, description="Start of the idle-fee window, HH:MM.")
    idle_fee_period_end: TimeStr | None = Field(None, description="End of the idle-fee window, HH:MM.")
    idle_fee_limit: Money | None = Field(None, description="Cap on the idle fee per session.")
    connection_fee_minimum_session_duration: Minutes | None = Field(
        None, description="Whole minutes before the connection fee applies.")
    connection_fee_minimum_session_energy: Money | None = Field(None, description="kWh before the connection fee applies.")
    duration_fee_grace_period: Minutes | None = Field(None, description="Whole minutes before the duration fee starts.")
    duration_fee_from: TimeStr | None = Field(None, description="Start of the duration-fee window, HH:MM.")
    duration_fee_to: TimeStr | None = Field(None, description="End of the duration-fee window, HH:MM.")
    min_price: Money | None = Field(None, description="Minimum session total.")
    pre_authorize_amount: Money | None = Field(None, description="Amount held before the session.")
    # The API spells this one "taxID", which the mechanical camelCase of tax_id ("taxId") does not match.
    tax_id: Annotated[IdRef | None, Reference("Tax")] = Field(
        None, alias="taxID", description="Tax applied (multi-tax tenants; deprecated by the API: omitted = default tax).")
    charge_point_electricity_rate: bool | None = Field(None, description="Use the charge point's electricity rate.")
    fallback_electricity_rate_id: IdRef | None = Field(None, description="Rate used when the above is false.")
    markup_percentage_per_kwh: Number | None = Field(None, description="Markup in % on the electricity rate.")
    markup_fixed_fee_per_kwh: Number | None = Field(None, description="Fixed markup per kWh on the electricity rate.")
    flexible_mark_up_as_fixed_per_kwh: FlexibleMarkUp | None = Field(None, description="Markup by time interval.")
    multi_price_per_kwh: list[KwhLevel] | None = Field(None, description="Energy price levels.")
    multi_price_per_duration: list[UnitLevel] | None = Field(None, description="Duration price levels.")
    multi_idle_fee: list[UnitLevel] | None = Field(None, description="Idle fee levels.")
    regular_use_period: Money | None = Field(None, description="Minutes of regular use (peak power levels).")
    average_power_levels: list[AveragePowerLevel] | None = Field(None, description="Average power levels.")
    peak_power_levels: list[PeakPowerLevel] | None = Field(None, description="Peak power levels.")
    time_periods: list[TimePeriod] | None = Field(None, description="Time-of-day periods (standard_tod).")
    price_periods: PricePeriods | None = Field(None, description="Fees per time period (standard_tod).")
    days_when_applied: list[DayPricing] | None = Field(None, description="Pricing for specific days.")
    threshold_price_for_energy: Money | None = Field(None, description="kWh price threshold for optimised charging.")
    price_for_energy_when_optimized: Money | None = Field(None, description="kWh price when optimised.")
    optimised_label: str | None = Field(None, description="Label of optimised charging.")
    subsidy_integration_id: IdRef | None = Field(None, description="Subsidy integration (energy tou).")
    lock_price_on_session_start: bool | None = None
    lock_energy_price_on_session_start: bool | None = None
    lock_duration_price_on_session_start: bool | None = None
    lock_idle_price_on_session_start: bool | None = None
    state_of_charge_idle_threshold: SocThreshold | None = Field(None, description="SoC % after which a session is idle.")
    average_power_idle_threshold: Money | None = Field(
        None, le=999999.99, description="kW below which a session is idle (0..999999.99).")


class TariffStopSession(AmpecoModel):
    time_limit_minutes: Money | None = Field(None, description="Maximum session length in minutes.")
    stop_when_energy_exceeds_kwh: Money | None = Field(None, description="Stop after this many kWh.")


class TariffRestrictions(AmpecoModel):
    apply_to_users_of_charge_point_owner: bool | None = Field(
        None, description="Deprecated by the API: use apply_to_users_of_charge_point_partner.")
    apply_to_users_of_charge_point_partner: bool | None = None
    apply_to_users_of_all_roaming_emsps: bool | None = None
    apply_to_ad_hoc_users: bool | None = None
    ad_hoc_pre_authorize_amount: Money | None = None
    ad_hoc_stop_when_pre_authorized_amount_falls_below: Money | None = None
    apply_to_users_of_partners: Annotated[list[IdRef] | None, Reference("Partner")] = Field(
        None, description="Partners whose users the tariff applies to.")
    apply_to_users_with_groups: list[str] | None = Field(
        None, description="Deprecated by the API: use apply_to_user_group_ids.")
    apply_to_user_group_ids: Annotated[list[IdRef] | None, Reference("UserGroup")] = Field(
        None, description="User groups the tariff applies to.")
    apply_to_users_with_subscriptions: list[IdRef] | None = None
    start_date: DateStr | None = Field(None, description="Valid from this date, YYYY-MM-DD.")
    end_date: DateStr | None = Field(None, description="Valid until this date (inclusive), YYYY-MM-DD.")


class TariffPartner(AmpecoModel):
    id: Annotated[IdRef | None, Reference("Partner")] = Field(None, description="Partner that may edit the tariff.")


class TariffDisplay(AmpecoModel):
    default_price_information: str | None = Field(
        None, max_length=150, description="Charger screen text for unauthenticated users (at most 150 characters).")
    default_price_information_offline: str | None = Field(
        None, max_length=150, description="Charger screen text when offline (at most 150 characters).")
    price_information: str | None = Field(None, description="Charger screen text for eligible users.")
    total_cost_information: str | None = Field(None, description="Charger screen text at session end.")


class TariffModel(AmpecoModel):
    name: str = Field(min_length=1, description="Name of the tariff.")
    type: Literal[
        "free", "flat rate", "duration+energy", "duration+energy time of day", "energy tou", "standard",
        "charging not allowed", "average power levels", "peak power levels", "standard_tod",
        "optimised dynamic pricing",
    ] = Field(description="Pricing model; free and charging not allowed need nothing else.")
    day_tariff_start: TimeStr | None = Field(None, description="When the day tariff starts, HH:MM.")
    night_tariff_start: TimeStr | None = Field(None, description="When the night tariff starts, HH:MM.")
    pricing: TariffPricing | None = Field(None, description="Prices and fees.")
    stop_session: TariffStopSession | None = Field(None, description="Limits that stop a session.")
    restrictions: TariffRestrictions | None = Field(None, description="Who the tariff applies to, and when.")
    partner: TariffPartner | None = Field(None, description="Partner that may edit the tariff.")
    display: TariffDisplay | None = Field(None, description="Texts shown on the charger screen.")
    integration_id: IdRef | None = Field(None, description="Integration that enables this tariff type.")
    description: LocaleTexts | None = Field(
        None, description='Description per locale, e.g. {"en": "...", "fr": "..."} (declared whole).')
    additional_information: LocaleTexts | None = Field(
        None, description="Additional information per locale (declared whole).")
    learn_more_url: LocaleTexts | None = Field(None, description="\"Learn more\" link per locale (declared whole).")
    external_id: str | None = Field(None, description="Your own identifier for the tariff.")
    currency: Annotated[str | None, Computed] = Field(None, description="Tenant currency of the prices.")
    last_updated_at: Annotated[str | None, Computed] = Field(None, description="When the tariff last changed.")


SPEC = ResourceSpec(
    kind="Tariff",
    module="tariff",
    model=TariffModel,
    collection="/public-api/resources/tariffs/v1.0",
    description="A tariff: how charging sessions are priced.",
    update_method="PUT",
    # Inferred: the API has no filterable key for tariffs; matched by name client-side.
    natural_key=("name",),
    section_order=20,
)
