"""Sample arguments and programs for every resource: the one place tests take them from.

Imports nothing but pulumi_ampeco, because the real engine runs these programs too: a test hands a
:class:`Program` to either engine (``tests/_harness``'s imitation or the real CLI through
``_harness.real_cli``), and the real one imports it by name inside its own program process.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pulumi_ampeco as ampeco


def en(text: str) -> list[dict[str, str]]:
    """A locale list with one English text, the API's shape for names and addresses."""
    return [{"locale": "en", "translation": text}]


LOCATION_ARGS: dict[str, Any] = {
    "name": en("Depot"), "address": en("1 Main St"), "country": "BG", "city": "Sofia",
    "geoposition": {"latitude": 42.69, "longitude": 23.32}, "external_id": "depot",
}
CHARGE_POINT_ARGS: dict[str, Any] = {
    "name": "CP", "type": "public", "status": "enabled", "communication_mode": "direct_ocpp",
    "tags": ["b", "a"], "capabilities": ["meter_values"],
}
EVSE_ARGS: dict[str, Any] = {
    "network_id": "1", "physical_reference": "P-1", "current_type": "ac", "status": "enabled",
    "label": "Left", "power_options": {"max_power": 22000, "phases": "three_phase"},
}
ID_TAG_ARGS: dict[str, Any] = {
    "id_tag_uid": "04AA0001", "status": "enabled", "type": "rfid", "id_label": "Card 1", "payment_method_id": "auto",
}
TARIFF_ARGS: dict[str, Any] = {
    "name": "Standard", "type": "duration+energy",
    "pricing": {"price_per_kwh": 0.3, "price_period_in_minutes": 15, "price_per_period": 0.02},
    "restrictions": {"start_date": "2027-01-01"},
}

PARTNER_ARGS: dict[str, Any] = {
    "name": "Acme Fleet", "external_id": "acme", "city": "Sofia", "country": "BG",
    "options": {"create_users": True}, "contact_details": {"billing": {"email": "billing@acme.example"}},
}
CIRCUIT_ARGS: dict[str, Any] = {"phases": "three_phase", "phase_rotation": "RST", "max_current": 63}
NOTIFICATION_ARGS: dict[str, Any] = {
    "via": "webhook", "notifications": ["chargePoint.changed", "evse.changed"],
    "webhook": {"callback_url": "https://hooks.example.com/ampeco"},
}
OCPP16_VARIABLES: list[dict[str, Any]] = [
    {"key_name": "HeartbeatInterval", "value": "300"}, {"key_name": "MeterValueSampleInterval", "value": "60"},
]
OCPP201_VARIABLES: list[dict[str, Any]] = [
    {"component": "OCPPCommCtrlr", "variable_name": "HeartbeatInterval", "value": "300", "variable_type": "Actual"},
]


# -- builders: one resource with sample arguments, overridable -------------------------------


def location(resource_name: str = "site", **overrides: Any) -> ampeco.Location:
    return ampeco.Location(resource_name, **{**LOCATION_ARGS, "external_id": f"ext-{resource_name}", **overrides})


def charge_point(resource_name: str = "cp", site: ampeco.Location | None = None,
                 **overrides: Any) -> ampeco.ChargePoint:
    site = site or location()
    args = {**CHARGE_POINT_ARGS, "location_id": site.id,
            "network": {"id": f"NET-{resource_name}", "protocol": "ocpp 1.6"}}
    return ampeco.ChargePoint(resource_name, **{**args, **overrides})


def evse(resource_name: str = "evse", cp: ampeco.ChargePoint | None = None, **overrides: Any) -> ampeco.Evse:
    cp = cp or charge_point()
    return ampeco.Evse(resource_name, **{**EVSE_ARGS, "charge_point_id": cp.id, **overrides})


# -- one program per kind: declares "subject" (plus the parents it needs) ---------------------
# `extra` are the subject's arguments on top of the sample ones; a few keys choose a parent
# (site/cp/evse: "a" or "b") or an order, so that a test can move the subject or reorder it.


def id_tag_subject(extra: dict[str, Any]) -> None:
    ampeco.IdTag("subject", **{**ID_TAG_ARGS, **extra})


def location_subject(extra: dict[str, Any]) -> None:
    ampeco.Location("subject", **{**LOCATION_ARGS, "working_hours": {"is_always_open": True}, **extra})


def charging_zone_subject(extra: dict[str, Any]) -> None:
    sites = {"a": location("site-a"), "b": location("site-b")}
    parent = sites[extra.pop("site", "a")]
    ampeco.ChargingZone("subject", **{"location_id": parent.id, "name": "Staff", "status": "enabled", **extra})


def charge_point_subject(extra: dict[str, Any]) -> None:
    charge_point("subject", **extra)


def evse_subject(extra: dict[str, Any]) -> None:
    site = location()
    cps = {"a": charge_point("cp-a", site=site), "b": charge_point("cp-b", site=site)}
    group = ampeco.TariffGroup("group", name="Group")
    evse("subject", cp=cps[extra.pop("cp", "a")], tariff_group_id=group.id, **extra)


def connector_subject(extra: dict[str, Any]) -> None:
    cp = charge_point("cp")
    evses = {"a": evse("evse-a", cp=cp), "b": evse("evse-b", cp=cp, network_id="2", physical_reference="P-2")}
    ampeco.Connector("subject", **{"charge_point_id": cp.id, "evse_id": evses[extra.pop("evse", "a")].id,
                                   "type": "type2", "format": "socket", "status": "enabled", **extra})


def tariff_subject(extra: dict[str, Any]) -> None:
    ampeco.Tariff("subject", **{**TARIFF_ARGS, **extra})


def tariff_group_subject(extra: dict[str, Any]) -> None:
    t1 = ampeco.Tariff("t1", name="T1", type="free")
    t2 = ampeco.Tariff("t2", name="T2", type="flat rate", pricing={"price_per_session": 2})
    order = extra.pop("order", "12")
    ids = [t1.id, t2.id] if order == "12" else [t2.id, t1.id]
    ampeco.TariffGroup("subject", **{"name": "Public", "tariff_ids": ids, **extra})


def partner_subject(extra: dict[str, Any]) -> None:
    ampeco.Partner("subject", **{**PARTNER_ARGS, **extra})


def user_group_subject(extra: dict[str, Any]) -> None:
    partner = ampeco.Partner("partner", name="Acme", external_id="acme")
    ampeco.UserGroup("subject", **{"name": "Fleet", "partner_id": partner.id, "description": "Fleet drivers",
                                   "external_id": "fleet", **extra})


def tax_subject(extra: dict[str, Any]) -> None:
    ampeco.Tax("subject", **{"name": "VAT 20", "percentage": 20, "display_name": en("VAT"), **extra})


def circuit_subject(extra: dict[str, Any]) -> None:
    """A circuit on a parent circuit (multi-level load management); ``parent`` a or b moves it."""
    parents = {key: ampeco.Circuit(f"main-{key}", name=f"Main {key}", phases="three_phase", max_current=125)
               for key in ("a", "b")}
    parent = parents[extra.pop("parent", "a")]
    ampeco.Circuit("subject", **{"name": "Bay 1", **CIRCUIT_ARGS, "parent_circuit_id": parent.id, **extra})


def circuit_charge_point_subject(extra: dict[str, Any]) -> None:
    """A charge point on a circuit; ``cp`` or ``circuit`` a or b picks another one."""
    site = location()
    cps = {"a": charge_point("cp-a", site=site), "b": charge_point("cp-b", site=site)}
    circuits = {key: ampeco.Circuit(f"circuit-{key}", name=f"Circuit {key}", **CIRCUIT_ARGS) for key in ("a", "b")}
    cp, circuit = cps[extra.pop("cp", "a")], circuits[extra.pop("circuit", "a")]
    ampeco.CircuitChargePoint("subject", **{"circuit_id": circuit.id, "charge_point_id": cp.id, "priority": 2,
                                            **extra})


def notification_subject(extra: dict[str, Any]) -> None:
    ampeco.Notification("subject", **{**NOTIFICATION_ARGS, **extra})


def configuration_template_subject(extra: dict[str, Any]) -> None:
    ampeco.ConfigurationTemplate("subject", **{"name": "Fleet defaults", "ocpp_version": "ocpp 1.6",
                                               "variables": OCPP16_VARIABLES, **extra})


def nothing(_extra: dict[str, Any]) -> None:
    """The empty program: everything in state is deleted."""


# -- programs both engines can run ------------------------------------------------------------


@dataclass(frozen=True)
class Program:
    """A module-level function and its JSON-able argument: callable here, importable by name there.

    The imitation engine calls it; the real engine writes ``{"ref": ..., "extra": ...}`` into the
    project and its ``__main__.py`` calls :func:`run_program` on it.
    """

    function: Callable[[dict[str, Any]], None]
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        return f"{self.function.__module__}:{self.function.__qualname__}"

    def __call__(self) -> None:
        self.function(dict(self.extra))

    def to_json(self) -> dict[str, Any]:
        return {"ref": self.ref, "extra": self.extra}


def run_program(spec: dict[str, Any]) -> None:
    """What the real engine's ``__main__.py`` does with a :meth:`Program.to_json`."""
    module, _, name = spec["ref"].partition(":")
    function = getattr(importlib.import_module(module), name)
    function(dict(spec["extra"]))


def run_file(extra: dict[str, Any]) -> None:
    """Run a program file (an example's ``__main__.py``) as the language host would."""
    import runpy

    runpy.run_path(extra["path"], run_name="__main__")


def exported_location(_extra: dict[str, Any]) -> None:
    """A location whose id is a stack output."""
    import pulumi

    pulumi.export("site", location().id)


def tariff_group_with_unknown_tariff(_extra: dict[str, Any]) -> None:
    """Valid at check (ids are positive integers), refused by the API: 422, no such tariff."""
    ampeco.TariffGroup("broken-group", name="Broken", tariff_ids=[987654])


def two_id_tags_with_one_uid(_extra: dict[str, Any]) -> None:
    """The same natural key declared twice (the second after the first): the tenant holds one object per uid."""
    import pulumi

    first = ampeco.IdTag("card-a", **{**ID_TAG_ARGS, "id_tag_uid": "04TWICE"})
    ampeco.IdTag("card-b", **{**ID_TAG_ARGS, "id_tag_uid": "04TWICE"}, opts=pulumi.ResourceOptions(depends_on=[first]))


def personal_charge_point(_extra: dict[str, Any]) -> None:
    """A charge point with a secret-bearing field (its PIN)."""
    charge_point("home", type="personal", pin="1234")


def mixed_changes(extra: dict[str, Any]) -> None:
    """A small network; with ``after`` set: one update, one replacement, one delete, one create, and
    (with ``adopt_id``) one adoption, the mix a reviewer meets in a pull request."""
    after = bool(extra.get("after"))
    site = location()
    charge_point("cp-keep", site=site, name="Kept" if after else "Keep")
    charge_point("cp-move", site=site, communication_mode="none" if after else "direct_ocpp")
    ampeco.IdTag("card-a", **{**ID_TAG_ARGS, "id_tag_uid": "04MIX0A"})
    if not after:
        ampeco.IdTag("card-b", **{**ID_TAG_ARGS, "id_tag_uid": "04MIX0B"})
    else:
        ampeco.IdTag("card-c", **{**ID_TAG_ARGS, "id_tag_uid": "04MIX0C"})
        if extra.get("adopt_id"):
            ampeco.IdTag("card-d", adopt_id=extra["adopt_id"], **{**ID_TAG_ARGS, "id_tag_uid": "04MIX0D"})


def network_spec(extra: dict[str, Any]) -> None:
    """An ``ampeco.Network`` from a YAML spec file, its charge point ids exported."""
    import pulumi

    net = ampeco.Network("net", spec=extra["path"])
    pulumi.export("charge_points", {name: cp.id for name, cp in net.charge_points.items()})


EVERY_KIND: dict[str, Any] = {
    "locations": {"depot": {
        **{k: v for k, v in LOCATION_ARGS.items()}, "tags": ["depot", "fleet"], "working_hours": {"is_always_open": True},
        "charging_zones": {"staff": {"name": "Staff", "status": "enabled"}},
    }},
    "tariffs": {
        "standard": TARIFF_ARGS,
        "markup": {"name": "Markup", "type": "energy tou", "pricing": {
            "flexible_mark_up_as_fixed_per_kwh": {"default_price": 0.05}, "price_per_kwh": 0.2}},
        "free-staff": {"name": "Staff free", "type": "free", "restrictions": {"apply_to_users_with_groups": ["staff"]}},
    },
    "tariff_groups": {
        "public": {"name": "Public", "tariffs": ["standard", "markup"]},  # AMPECO puts a base tariff in front
        "staff": {"name": "Staff", "tariffs": ["free-staff"]},
        "empty": {"name": "Nothing but the base tariff"},
    },
    "charge_points": {"cp-1": {
        **{k: v for k, v in CHARGE_POINT_ARGS.items()}, "location": "depot", "charging_zone": "staff",
        "network": {"id": "CP-EVERY-1", "protocol": "ocpp 1.6"}, "integrated_at": "2024-03-01T10:00:00Z",
        "evses": {
            "1": {**EVSE_ARGS, "tariff_group": "public", "connectors": {"type2": {"type": "type2", "format": "socket"}}},
            "2": {**EVSE_ARGS, "network_id": "2", "physical_reference": "P-2",  # the tenant's default tariff group
                  "connectors": {"ccs2": {"type": "ccs2", "format": "cable"}}},
        },
    }},
    "id_tags": {
        "card": ID_TAG_ARGS,
        "expiring": {"id_tag_uid": "04EXP01", "status": "enabled", "type": "rfid", "expire_at": "2027-12-31T23:59:59Z",
                     "vehicle_type": "company_car"},
    },
}
"""A network of every kind, with the values the server rewrites: a base tariff in front of each group's
tariffs, an EVSE on the tenant's default group, a write-only price, date-times in another spelling,
update-only fields, ints sent as floats."""


def every_kind(_extra: dict[str, Any]) -> None:
    ampeco.Network("net", spec=EVERY_KIND)


def lookups(extra: dict[str, Any]) -> None:
    """Objects the program does not manage: looked up by natural key and by id, and read with ``get``."""
    import pulumi

    group = ampeco.get_tariff_group(name=extra["group"])
    tariff = ampeco.get_tariff(id=extra["tariff_id"])
    read = ampeco.TariffGroup.get("existing-group", group.id)
    evse = ampeco.get_evse(charge_point_id=extra["charge_point_id"], network_id="1")
    ampeco.TariffGroup("mine", name="Mine", tariff_ids=[tariff.id])
    pulumi.export("group", {"id": group.id, "name": group.name, "tariff_ids": group.tariff_ids})
    pulumi.export("read_name", read.name)
    pulumi.export("evse", {"id": evse.id, "physical_reference": evse.physical_reference})


def lookup_of_nothing(extra: dict[str, Any]) -> None:
    ampeco.get_tariff_group(name=extra["group"])


def id_tag_with_import_option(extra: dict[str, Any]) -> None:
    """The ``import_`` resource option, which dynamic providers cannot honour (pulumi/pulumi#16175)."""
    import pulumi

    ampeco.IdTag("imported", **ID_TAG_ARGS, opts=pulumi.ResourceOptions(import_=str(extra["id"])))


def many_id_tags(extra: dict[str, Any]) -> None:
    """``count`` id tags (a fleet's cards, one resource each)."""
    for i in range(int(extra["count"])):
        ampeco.IdTag(f"card-{i}", id_tag_uid=f"{extra.get('prefix', 'F')}{i:07d}", status="enabled", type="rfid",
                     id_label=f"{extra.get('label', 'Card')} {i}")


def lone_evse_subject(extra: dict[str, Any]) -> None:
    """An EVSE named "subject" with its charge point and location, the EVSE's arguments overridable."""
    evse("subject", **extra)


FLEXIBLE_TARIFF_ARGS: dict[str, Any] = {
    "name": "Flexible", "type": "energy tou",
    "pricing": {"price_per_kwh": 0.3, "flexible_mark_up_as_fixed_per_kwh": {
        "default_price": 0.05, "interval_pricing": [{"starts_at": "00:00", "ends_at": "12:00", "price": 0.1}]}},
}


def flexible_tariff_subject(extra: dict[str, Any]) -> None:
    """A time-of-use tariff whose pricing holds the write-only ``default_price``."""
    ampeco.Tariff("subject", **{**FLEXIBLE_TARIFF_ARGS, **extra})


def new_api_3_110_fields(_extra: dict[str, Any]) -> None:
    """A location and a tariff using fields API 3.110.0 added."""
    location("subject", parking_type="PARKING_LOT", access_methods=["OPEN", "TOKEN"], facilities=["WIFI"],
             external_app_data={"crm": {"siteId": "S-1"}})
    ampeco.Tariff("texts", name="Texts", type="free", external_id="t-1", description={"en": "Free", "pt_BR": "Grátis"})


# -- id tag sets: many cards as one resource ----------------------------------------------------

SET_CARD: dict[str, Any] = {"status": "enabled", "type": "rfid"}


def set_cards(count: int, prefix: str = "04S", label: str = "Card") -> dict[str, dict[str, Any]]:
    """``count`` members of an IdTagSet: uid -> arguments."""
    return {f"{prefix}{i:05d}": {**SET_CARD, "id_label": f"{label} {i}"} for i in range(count)}


def id_tag_set_subject(extra: dict[str, Any]) -> None:
    """An IdTagSet named "subject": ``count`` cards (3 by default) with ``prefix``; ``change`` (uid ->
    arguments, merged over a card's, or added), ``drop`` (uids left out), ``adopt_existing``, ``csv``
    (a file's rows besides), ``allow_empty``."""
    tags = set_cards(int(extra.get("count", 3)), extra.get("prefix", "04S"))
    for uid, args in (extra.get("change") or {}).items():
        tags[uid] = {**tags.get(uid, SET_CARD), **args}
    for uid in extra.get("drop") or ():
        tags.pop(uid, None)
    options = {k: extra[k] for k in ("adopt_existing", "csv", "allow_empty") if k in extra}
    ampeco.IdTagSet("subject", tags=tags, **options)


def id_tag_set_from_csv(extra: dict[str, Any]) -> None:
    """An IdTagSet named "subject" of the rows of the CSV file ``path``."""
    import pulumi

    fleet = ampeco.IdTagSet.from_csv("subject", extra["path"], adopt_existing=extra.get("adopt_existing"))
    pulumi.export("ids", fleet.ids)


def big_network_spec(locations: int, charge_points: int = 5, evses: int = 2, connectors: int = 2) -> dict[str, Any]:
    """A Network spec of ``locations`` sites, each with ``charge_points`` charge points of ``evses``
    EVSEs of ``connectors`` connectors (the default 26 resources a site: 1,000 sites are 26,000)."""
    plugs = (("type2", "socket"), ("ccs2", "cable"), ("chademo", "cable"), ("schuko", "socket"))[:connectors]
    sites: dict[str, Any] = {}
    cps: dict[str, Any] = {}
    for i in range(locations):
        sites[f"site-{i}"] = {**LOCATION_ARGS, "name": en(f"Site {i}"), "external_id": f"site-{i}"}
        for j in range(charge_points):
            cps[f"cp-{i}-{j}"] = {
                **CHARGE_POINT_ARGS, "name": f"CP {i}-{j}", "location": f"site-{i}",
                "network": {"id": f"CP-{i:04d}-{j}", "protocol": "ocpp 1.6"},
                "evses": {str(k + 1): {**EVSE_ARGS, "network_id": str(k + 1), "physical_reference": f"P-{i}-{j}-{k}",
                                       "connectors": {p: {"type": p, "format": f} for p, f in plugs}}
                          for k in range(evses)},
            }
    return {"locations": sites, "charge_points": cps}


def big_network(extra: dict[str, Any]) -> None:
    """:func:`big_network_spec` of ``locations`` sites as one ``ampeco.Network``."""
    ampeco.Network("net", spec=big_network_spec(int(extra["locations"])))


def id_tag_named(extra: dict[str, Any]) -> None:
    """The sample IdTag as the resource ``name``, with ``adopt_id`` when given (a rename that keeps the card)."""
    ampeco.IdTag(extra["name"], **ID_TAG_ARGS, **({"adopt_id": extra["adopt_id"]} if "adopt_id" in extra else {}))


def card_moved_out_of_a_set(extra: dict[str, Any]) -> None:
    """An IdTagSet of ``count`` cards but ``uid``, which is its own IdTag adopting ``adopt_id``; the set
    depends on it, so the adoption comes before the set lets the card go."""
    import pulumi

    tags = set_cards(int(extra["count"]))
    args = tags.pop(extra["uid"])
    card = ampeco.IdTag("moved", id_tag_uid=extra["uid"], adopt_id=extra["adopt_id"], **args)
    ampeco.IdTagSet("subject", tags=tags, opts=pulumi.ResourceOptions(depends_on=[card]))
