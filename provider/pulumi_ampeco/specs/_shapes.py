"""Nested shapes shared by several resources, declared once."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from pulumi_ampeco.specs._base import AmpecoModel, IdRef, Reference, TimeStr

__all__ = ["COUNTRY_CODES", "Country", "Geoposition", "TimeInterval", "Translation", "WeeklyHours", "WorkingHours"]

# ISO 3166-1 alpha-2 (the API's country enum, including XK).
COUNTRY_CODES = frozenset(
    ["AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW", "XK"]
)


def _check_country(value: str) -> str:
    if value not in COUNTRY_CODES:
        raise ValueError("must be an ISO 3166-1 alpha-2 country code in upper case, e.g. BG, DE, US")
    return value


Country = Annotated[str, Field(strict=True), AfterValidator(_check_country)]


class Translation(AmpecoModel):
    """A text in one locale; the API's translatable fields are lists of these."""

    locale: str = Field(description='Locale code, e.g. "en".', min_length=2)
    translation: str = Field(description="The text in that locale.")


class Geoposition(AmpecoModel):
    latitude: float = Field(ge=-90, le=90, description="Latitude in degrees (-90..90).")
    longitude: float = Field(ge=-180, le=180, description="Longitude in degrees (-180..180).")


class TimeInterval(AmpecoModel):
    start: TimeStr = Field(description="Opening time, HH:MM.")
    end: TimeStr = Field(description="Closing time, HH:MM.")


class WeeklyHours(AmpecoModel):
    monday: list[TimeInterval] | None = None
    tuesday: list[TimeInterval] | None = None
    wednesday: list[TimeInterval] | None = None
    thursday: list[TimeInterval] | None = None
    friday: list[TimeInterval] | None = None
    saturday: list[TimeInterval] | None = None
    sunday: list[TimeInterval] | None = None


class WorkingHours(AmpecoModel):
    is_always_open: bool | None = Field(None, description="When false, hours must be given.")
    stop_session_outside_working_hours: bool | None = Field(
        None, description="The system stops sessions that run past closing time."
    )
    always_open_for_user_group_ids: Annotated[list[IdRef] | None, Reference("UserGroup")] = Field(
        None, description="User groups exempt from the working hours."
    )
    hours: WeeklyHours | None = Field(None, description="Opening intervals per weekday.")


