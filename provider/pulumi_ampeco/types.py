# Generated from specs/ by `python tools/codegen.py`. Do not edit by hand.
"""Nested argument shapes, shared by the resources that use them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, TypedDict

import pulumi

__all__ = [
    "AveragePowerLevelArgsDict",
    "ChargePointNetworkArgsDict",
    "ChargePointPartnerArgsDict",
    "ChargePointSecurityArgsDict",
    "ChargePointSubscriptionArgsDict",
    "ChargePointUserArgsDict",
    "ChargingZoneAdditionalInfoArgsDict",
    "ConfigurationVariableArgsDict",
    "DayPricingArgsDict",
    "EvsePowerOptionsArgsDict",
    "EvsePriorityArgsDict",
    "FeePeriodsArgsDict",
    "FlexibleMarkUpArgsDict",
    "GeopositionArgsDict",
    "IntervalPriceArgsDict",
    "KwhLevelArgsDict",
    "LoadBalancingFieldsArgsDict",
    "LoadBalancingIntegrationArgsDict",
    "NotificationKafkaArgsDict",
    "NotificationWebhookArgsDict",
    "PartnerBankDetailsArgsDict",
    "PartnerBillingNotificationsArgsDict",
    "PartnerContactArgsDict",
    "PartnerContactDetailsArgsDict",
    "PartnerCorporateBillingArgsDict",
    "PartnerNotificationsArgsDict",
    "PartnerOptionsArgsDict",
    "PartnerTechnicalNotificationsArgsDict",
    "PeakPowerLevelArgsDict",
    "PricePeriodsArgsDict",
    "TariffDisplayArgsDict",
    "TariffPartnerArgsDict",
    "TariffPricingArgsDict",
    "TariffRestrictionsArgsDict",
    "TariffStopSessionArgsDict",
    "TimeIntervalArgsDict",
    "TimePeriodArgsDict",
    "TranslationArgsDict",
    "UnitLevelArgsDict",
    "WeeklyHoursArgsDict",
    "WorkingHoursArgsDict",
]


class AveragePowerLevelArgsDict(TypedDict, total=False):
    average_power_up_to_kw: pulumi.Input[float]
    """Upper bound of the level in kW."""
    price_per_minute: pulumi.Input[float]
    """Price per minute within the level."""


class ChargePointNetworkArgsDict(TypedDict, total=False):
    id: pulumi.Input[str]
    """OCPP identity the station connects with."""
    protocol: pulumi.Input[Literal['ocpp 1.5', 'ocpp 1.6', 'ocpp 1.6 soap', 'ocpp 2.0.1']]
    """OCPP protocol version."""
    password: pulumi.Input[str]
    """OCPP basic-auth password (secret)."""
    ip: pulumi.Input[str]
    """Station IP, needed for OCPP 1.5 SOAP."""
    port: pulumi.Input[int]
    """Station port, needed for OCPP 1.5 SOAP."""


class ChargePointPartnerArgsDict(TypedDict, total=False):
    id: pulumi.Input[int | str]
    """Partner that owns or operates the charge point."""
    contract_id: pulumi.Input[int | str]
    """Partner contract."""
    contact_id: pulumi.Input[int | str]
    """Partner contact (deprecated by the API)."""
    corporate_billing_as_default: pulumi.Input[bool]
    """Bill the partner by default."""
    access_type: pulumi.Input[Literal['private_view_private_use', 'private_view_public_use', 'public_view_private_use']]
    """Who sees and who may use a private charge point."""
    notice: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]]
    """Notice per locale (private, public_view_private_use; deprecated by the API: use notice_id)."""


class ChargePointSecurityArgsDict(TypedDict, total=False):
    desired_profile: pulumi.Input[int]
    """OCPP security profile the backend applies at boot (0-3)."""


class ChargePointSubscriptionArgsDict(TypedDict, total=False):
    required: pulumi.Input[bool]
    """A subscription is required to charge (personal CPs)."""
    plan_ids: pulumi.Input[Sequence[pulumi.Input[int | str]]]
    """Subscription plans that allow charging."""


class ChargePointUserArgsDict(TypedDict, total=False):
    id: pulumi.Input[int | str]
    """Owner of a personal charge point."""
    automatic_firmware_updates_enabled: pulumi.Input[bool]
    """Owner allows firmware updates."""


class ChargingZoneAdditionalInfoArgsDict(TypedDict, total=False):
    enabled: pulumi.Input[bool]
    """Show the additional information to drivers."""
    title: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]]
    """Title per locale."""
    description: pulumi.Input[Sequence[pulumi.Input[TranslationArgsDict]]]
    """Text per locale."""


class ConfigurationVariableArgsDict(TypedDict, total=False):
    key_name: pulumi.Input[str]
    """OCPP 1.6: the configuration key."""
    component: pulumi.Input[str]
    """OCPP 2.0.1: the component."""
    component_instance: pulumi.Input[str]
    """OCPP 2.0.1: the component instance."""
    variable_name: pulumi.Input[str]
    """OCPP 2.0.1: the variable."""
    variable_instance: pulumi.Input[str]
    """OCPP 2.0.1: the variable instance."""
    variable_type: pulumi.Input[Literal['Actual', 'Target', 'MinSet', 'MaxSet']]
    """OCPP 2.0.1: the attribute type."""
    evse_id: pulumi.Input[int]
    """OCPP 2.0.1: the EVSE (OCPP number)."""
    connector_id: pulumi.Input[int]
    """OCPP 2.0.1: the connector (OCPP number)."""
    value: pulumi.Input[str]
    """The value the key or variable is set to (always a string)."""


class DayPricingArgsDict(TypedDict, total=False):
    name: pulumi.Input[str]
    """Name of the day set."""
    special_dates: pulumi.Input[Sequence[pulumi.Input[str]]]
    """Dates (YYYY-MM-DD) the pricing applies to."""
    idle_fee_grace_period_minutes: pulumi.Input[float]
    idle_pricing_period_in_minutes: pulumi.Input[Literal[1, 15, 30, 60, 240, 360]]
    connection_fee_minimum_session_duration: pulumi.Input[int]
    connection_fee_minimum_session_energy: pulumi.Input[float]
    duration_fee_grace_period: pulumi.Input[int]
    price_period_in_minutes: pulumi.Input[Literal[1, 15, 30, 60, 240, 360]]
    price_periods: pulumi.Input[PricePeriodsArgsDict]


class EvsePowerOptionsArgsDict(TypedDict, total=False):
    max_power: pulumi.Input[int]
    """Maximum power, a whole number (the API documents Wh; W is meant)."""
    max_voltage: pulumi.Input[Literal['230', '380', '400', '480', '120', '208', '240', '110-130', '220-240', '277']]
    """Maximum voltage, as one of the API's strings."""
    max_amperage: pulumi.Input[float]
    """Maximum current in A."""
    phases: pulumi.Input[Literal['single_phase', 'three_phase', 'split_phase']]
    """Phases."""
    phase_rotation: pulumi.Input[Literal['RST', 'RTS', 'SRT', 'STR', 'TRS', 'TSR']]
    """Phase rotation (R=L1, S=L2, T=L3); being phased out by the API: prefer connected_phase."""
    connected_phase: pulumi.Input[Literal['L1', 'L2', 'L3', 'L1_L2', 'L1_L3', 'L2_L3']]
    """Conductors a single- or split-phase EVSE uses."""


class EvsePriorityArgsDict(TypedDict, total=False):
    id: pulumi.Input[int]
    """The EVSE."""
    priority: pulumi.Input[float]
    """Its priority."""


class FeePeriodsArgsDict(TypedDict, total=False):
    fee: pulumi.Input[Sequence[pulumi.Input[float]]]
    """One fee per time period, in order."""


class FlexibleMarkUpArgsDict(TypedDict, total=False):
    default_price: pulumi.Input[float]
    """Markup outside the intervals (write-only: never read back; 0 when not sent)."""
    interval_pricing: pulumi.Input[Sequence[pulumi.Input[IntervalPriceArgsDict]]]
    """Equal-length intervals within 24 h."""


class GeopositionArgsDict(TypedDict, total=False):
    latitude: pulumi.Input[float]
    """Latitude in degrees (-90..90)."""
    longitude: pulumi.Input[float]
    """Longitude in degrees (-180..180)."""


class IntervalPriceArgsDict(TypedDict, total=False):
    starts_at: pulumi.Input[str]
    """Interval start, HH:MM local time."""
    ends_at: pulumi.Input[str]
    """Interval end, HH:MM local time."""
    price: pulumi.Input[float]
    """Price of the interval, tax included."""


class KwhLevelArgsDict(TypedDict, total=False):
    first_kwh: pulumi.Input[float]
    """Level start in kWh (0 for the first level)."""
    last_kwh: pulumi.Input[float]
    """Level end in kWh (open for the last level)."""
    fee_per_kwh: pulumi.Input[float]
    """Price per kWh within the level."""
    flat_fee: pulumi.Input[float]
    """Flat fee for the level."""


class LoadBalancingFieldsArgsDict(TypedDict, total=False):
    start_date: pulumi.Input[str]
    """DREEV: charging schedules start on this date, YYYY-MM-DD."""
    installation_id: pulumi.Input[str]
    """Zaptec: the installation id (a UUID) of the circuit."""


class LoadBalancingIntegrationArgsDict(TypedDict, total=False):
    id: pulumi.Input[int | str]
    """Load balancing integration (from the back office); null: AMPECO's own load balancing."""
    fields: pulumi.Input[LoadBalancingFieldsArgsDict]
    """Settings the integration needs."""


class NotificationKafkaArgsDict(TypedDict, total=False):
    topic: pulumi.Input[str]
    """Kafka topic."""
    brokers: pulumi.Input[Sequence[pulumi.Input[str]]]
    """Brokers, host:port."""
    compression_codec: pulumi.Input[Literal['none', 'gzip', 'snappy', 'lz4']]
    """Compression (the API's default: gzip)."""
    security_protocol: pulumi.Input[Literal['PLAINTEXT', 'SASL_SSL']]
    """Security protocol (the API's default: PLAINTEXT)."""
    sasl_mechanism: pulumi.Input[Literal['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']]
    """SASL mechanism (the API's default: PLAIN)."""
    sasl_username: pulumi.Input[str]
    """SASL user name."""
    sasl_password: pulumi.Input[str]
    """SASL password (secret)."""


class NotificationWebhookArgsDict(TypedDict, total=False):
    callback_url: pulumi.Input[str]
    """URL the events are POSTed to (signed with X-Signature, keyed with the creating API token)."""


class PartnerBankDetailsArgsDict(TypedDict, total=False):
    bank_iban: pulumi.Input[str]
    """IBAN."""
    bank_name: pulumi.Input[str]
    """Name of the bank."""
    bank_address: pulumi.Input[str]
    """Address of the bank."""
    bank_code: pulumi.Input[str]
    """Bank code."""
    bank_account_number: pulumi.Input[str]
    """Bank account number."""
    bank_account_type: pulumi.Input[str]
    """Type of the account."""


class PartnerBillingNotificationsArgsDict(TypedDict, total=False):
    settlement_reports: pulumi.Input[bool]
    """E-mail the partner its settlement reports (default false)."""


class PartnerContactArgsDict(TypedDict, total=False):
    contact_person: pulumi.Input[str]
    """Name of the contact person."""
    email: pulumi.Input[str]
    """E-mail address."""
    phone: pulumi.Input[str]
    """Phone number."""


class PartnerContactDetailsArgsDict(TypedDict, total=False):
    administrative: pulumi.Input[PartnerContactArgsDict]
    """Administrative contact."""
    technical: pulumi.Input[PartnerContactArgsDict]
    """Technical contact."""
    billing: pulumi.Input[PartnerContactArgsDict]
    """Billing contact."""


class PartnerCorporateBillingArgsDict(TypedDict, total=False):
    enabled: pulumi.Input[bool]
    """Corporate billing is on (default false)."""
    monthly_limit: pulumi.Input[float]
    """Monthly spending limit."""
    discount: pulumi.Input[float]
    """Discount."""


class PartnerNotificationsArgsDict(TypedDict, total=False):
    technical: pulumi.Input[PartnerTechnicalNotificationsArgsDict]
    """Technical notifications."""
    billing: pulumi.Input[PartnerBillingNotificationsArgsDict]
    """Billing notifications."""


class PartnerOptionsArgsDict(TypedDict, total=False):
    create_users: pulumi.Input[bool]
    """The partner's API tokens may create users (default false)."""
    add_user_balance: pulumi.Input[bool]
    """The partner's API tokens see users' balances (default false)."""
    supplier_on_receipts: pulumi.Input[bool]
    """Show the partner as supplier on receipts (default false)."""
    allow_to_control_tariffs: pulumi.Input[bool]
    """The partner may update its tariffs' pricing (default false)."""
    allow_to_control_tariff_groups: pulumi.Input[bool]
    """The partner may also manage its tariff groups (default false)."""


class PartnerTechnicalNotificationsArgsDict(TypedDict, total=False):
    charge_point_faults: pulumi.Input[bool]
    """E-mail the partner about charge point faults (default false)."""


class PeakPowerLevelArgsDict(TypedDict, total=False):
    peak_power_up_to_kw: pulumi.Input[float]
    """Upper bound of the level in kW."""
    regular_price_per_minute: pulumi.Input[float]
    """Price per minute of regular use."""
    excess_use_price_per_min: pulumi.Input[float]
    """Price per minute of excess use."""


class PricePeriodsArgsDict(TypedDict, total=False):
    connection_fee_periods: pulumi.Input[FeePeriodsArgsDict]
    energy_fee_periods: pulumi.Input[FeePeriodsArgsDict]
    duration_fee_periods: pulumi.Input[FeePeriodsArgsDict]
    idle_fee_periods: pulumi.Input[FeePeriodsArgsDict]


class TariffDisplayArgsDict(TypedDict, total=False):
    default_price_information: pulumi.Input[str]
    """Charger screen text for unauthenticated users (at most 150 characters)."""
    default_price_information_offline: pulumi.Input[str]
    """Charger screen text when offline (at most 150 characters)."""
    price_information: pulumi.Input[str]
    """Charger screen text for eligible users."""
    total_cost_information: pulumi.Input[str]
    """Charger screen text at session end."""


class TariffPartnerArgsDict(TypedDict, total=False):
    id: pulumi.Input[int | str]
    """Partner that may edit the tariff."""


class TariffPricingArgsDict(TypedDict, total=False):
    price_per_session: pulumi.Input[float]
    """Price per session (flat rate)."""
    connection_fee: pulumi.Input[float]
    """Fixed fee at session start."""
    price_per_kwh: pulumi.Input[float]
    """Energy price per kWh."""
    day_price_per_kwh: pulumi.Input[float]
    """Day energy price (time of day tariffs)."""
    night_price_per_kwh: pulumi.Input[float]
    """Night energy price (time of day tariffs)."""
    price_period_in_minutes: pulumi.Input[Literal[1, 15, 30, 60, 240, 360]]
    """Billing period of the duration fee."""
    price_per_period: pulumi.Input[float]
    """Duration fee per period."""
    duration_fee_limit: pulumi.Input[float]
    """Cap on the duration fee per session."""
    day_price_per_period: pulumi.Input[float]
    """Day duration fee per period."""
    night_price_per_period: pulumi.Input[float]
    """Night duration fee per period."""
    day_idle_fee_per_minute: pulumi.Input[float]
    """Day idle fee per minute."""
    night_idle_fee_per_minute: pulumi.Input[float]
    """Night idle fee per minute."""
    idle_fee_per_minute: pulumi.Input[float]
    """Fee per idle minute."""
    idle_fee_grace_period_minutes: pulumi.Input[float]
    """Idle minutes before the fee starts."""
    idle_pricing_period_in_minutes: pulumi.Input[Literal[1, 15, 30, 60, 240, 360]]
    """Idle billing period."""
    idle_fee_period_start: pulumi.Input[str]
    """Start of the idle-fee window, HH:MM."""
    idle_fee_period_end: pulumi.Input[str]
    """End of the idle-fee window, HH:MM."""
    idle_fee_limit: pulumi.Input[float]
    """Cap on the idle fee per session."""
    connection_fee_minimum_session_duration: pulumi.Input[int]
    """Whole minutes before the connection fee applies."""
    connection_fee_minimum_session_energy: pulumi.Input[float]
    """kWh before the connection fee applies."""
    duration_fee_grace_period: pulumi.Input[int]
    """Whole minutes before the duration fee starts."""
    duration_fee_from: pulumi.Input[str]
    """Start of the duration-fee window, HH:MM."""
    duration_fee_to: pulumi.Input[str]
    """End of the duration-fee window, HH:MM."""
    min_price: pulumi.Input[float]
    """Minimum session total."""
    pre_authorize_amount: pulumi.Input[float]
    """Amount held before the session."""
    tax_id: pulumi.Input[int | str]
    """Tax applied (multi-tax tenants; deprecated by the API: omitted = default tax)."""
    charge_point_electricity_rate: pulumi.Input[bool]
    """Use the charge point's electricity rate."""
    fallback_electricity_rate_id: pulumi.Input[int | str]
    """Rate used when the above is false."""
    markup_percentage_per_kwh: pulumi.Input[float]
    """Markup in % on the electricity rate."""
    markup_fixed_fee_per_kwh: pulumi.Input[float]
    """Fixed markup per kWh on the electricity rate."""
    flexible_mark_up_as_fixed_per_kwh: pulumi.Input[FlexibleMarkUpArgsDict]
    """Markup by time interval."""
    multi_price_per_kwh: pulumi.Input[Sequence[pulumi.Input[KwhLevelArgsDict]]]
    """Energy price levels."""
    multi_price_per_duration: pulumi.Input[Sequence[pulumi.Input[UnitLevelArgsDict]]]
    """Duration price levels."""
    multi_idle_fee: pulumi.Input[Sequence[pulumi.Input[UnitLevelArgsDict]]]
    """Idle fee levels."""
    regular_use_period: pulumi.Input[float]
    """Minutes of regular use (peak power levels)."""
    average_power_levels: pulumi.Input[Sequence[pulumi.Input[AveragePowerLevelArgsDict]]]
    """Average power levels."""
    peak_power_levels: pulumi.Input[Sequence[pulumi.Input[PeakPowerLevelArgsDict]]]
    """Peak power levels."""
    time_periods: pulumi.Input[Sequence[pulumi.Input[TimePeriodArgsDict]]]
    """Time-of-day periods (standard_tod)."""
    price_periods: pulumi.Input[PricePeriodsArgsDict]
    """Fees per time period (standard_tod)."""
    days_when_applied: pulumi.Input[Sequence[pulumi.Input[DayPricingArgsDict]]]
    """Pricing for specific days."""
    threshold_price_for_energy: pulumi.Input[float]
    """kWh price threshold for optimised charging."""
    price_for_energy_when_optimized: pulumi.Input[float]
    """kWh price when optimised."""
    optimised_label: pulumi.Input[str]
    """Label of optimised charging."""
    subsidy_integration_id: pulumi.Input[int | str]
    """Subsidy integration (energy tou)."""
    lock_price_on_session_start: pulumi.Input[bool]
    lock_energy_price_on_session_start: pulumi.Input[bool]
    lock_duration_price_on_session_start: pulumi.Input[bool]
    lock_idle_price_on_session_start: pulumi.Input[bool]
    state_of_charge_idle_threshold: pulumi.Input[Literal[75, 80, 85, 90, 95, 100]]
    """SoC % after which a session is idle."""
    average_power_idle_threshold: pulumi.Input[float]
    """kW below which a session is idle (0..999999.99)."""


class TariffRestrictionsArgsDict(TypedDict, total=False):
    apply_to_users_of_charge_point_owner: pulumi.Input[bool]
    """Deprecated by the API: use apply_to_users_of_charge_point_partner."""
    apply_to_users_of_charge_point_partner: pulumi.Input[bool]
    apply_to_users_of_all_roaming_emsps: pulumi.Input[bool]
    apply_to_ad_hoc_users: pulumi.Input[bool]
    ad_hoc_pre_authorize_amount: pulumi.Input[float]
    ad_hoc_stop_when_pre_authorized_amount_falls_below: pulumi.Input[float]
    apply_to_users_of_partners: pulumi.Input[Sequence[pulumi.Input[int | str]]]
    """Partners whose users the tariff applies to."""
    apply_to_users_with_groups: pulumi.Input[Sequence[pulumi.Input[str]]]
    """Deprecated by the API: use apply_to_user_group_ids."""
    apply_to_user_group_ids: pulumi.Input[Sequence[pulumi.Input[int | str]]]
    """User groups the tariff applies to."""
    apply_to_users_with_subscriptions: pulumi.Input[Sequence[pulumi.Input[int | str]]]
    start_date: pulumi.Input[str]
    """Valid from this date, YYYY-MM-DD."""
    end_date: pulumi.Input[str]
    """Valid until this date (inclusive), YYYY-MM-DD."""


class TariffStopSessionArgsDict(TypedDict, total=False):
    time_limit_minutes: pulumi.Input[float]
    """Maximum session length in minutes."""
    stop_when_energy_exceeds_kwh: pulumi.Input[float]
    """Stop after this many kWh."""


class TimeIntervalArgsDict(TypedDict, total=False):
    start: pulumi.Input[str]
    """Opening time, HH:MM."""
    end: pulumi.Input[str]
    """Closing time, HH:MM."""


class TimePeriodArgsDict(TypedDict, total=False):
    start_time: pulumi.Input[str]
    """Period start, HH:MM (24 h)."""
    end_time: pulumi.Input[str]
    """Period end, HH:MM (24 h)."""


class TranslationArgsDict(TypedDict, total=False):
    """A text in one locale; the API's translatable fields are lists of these."""
    locale: pulumi.Input[str]
    """Locale code, e.g. "en"."""
    translation: pulumi.Input[str]
    """The text in that locale."""


class UnitLevelArgsDict(TypedDict, total=False):
    first_unit: pulumi.Input[int]
    """Level start, a whole number (0 for the first level)."""
    last_unit: pulumi.Input[int]
    """Level end, a whole number (open for the last level)."""
    fee_per_unit: pulumi.Input[float]
    """Price per unit within the level."""
    flat_fee: pulumi.Input[float]
    """Flat fee for the level."""


class WeeklyHoursArgsDict(TypedDict, total=False):
    monday: pulumi.Input[Sequence[pulumi.Input[TimeIntervalArgsDict]]]
    tuesday: pulumi.Input[Sequence[pulumi.Input[TimeIntervalArgsDict]]]
    wednesday: pulumi.Input[Sequence[pulumi.Input[TimeIntervalArgsDict]]]
    thursday: pulumi.Input[Sequence[pulumi.Input[TimeIntervalArgsDict]]]
    friday: pulumi.Input[Sequence[pulumi.Input[TimeIntervalArgsDict]]]
    saturday: pulumi.Input[Sequence[pulumi.Input[TimeIntervalArgsDict]]]
    sunday: pulumi.Input[Sequence[pulumi.Input[TimeIntervalArgsDict]]]


class WorkingHoursArgsDict(TypedDict, total=False):
    is_always_open: pulumi.Input[bool]
    """When false, hours must be given."""
    stop_session_outside_working_hours: pulumi.Input[bool]
    """The system stops sessions that run past closing time."""
    always_open_for_user_group_ids: pulumi.Input[Sequence[pulumi.Input[int | str]]]
    """User groups exempt from the working hours."""
    hours: pulumi.Input[WeeklyHoursArgsDict]
    """Opening intervals per weekday."""
