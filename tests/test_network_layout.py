"""The network spec's layout is read off the declarations: sections, nesting, references, order.

Pure: no tenant, no Pulumi engine.
"""

from __future__ import annotations

from typing import Annotated

import pytest
from pulumi_ampeco.export import DEPENDENCIES
from pulumi_ampeco.network import _layout
from pulumi_ampeco.network._layout import KIND_ORDER, SECTIONS, Ref, walk
from pulumi_ampeco.specs import REGISTRY
from pulumi_ampeco.specs._base import AmpecoModel, Field, IdRef, PathParam, Reference, ResourceSpec


def _in_order(items: list[str] | tuple[str, ...], expected: list[str]) -> bool:
    """``expected`` appear in ``items`` in that order (other kinds may come between)."""
    positions = [items.index(e) for e in expected if e in items]
    return len(positions) == len(expected) and positions == sorted(positions)


def test_sections_nest_children_under_the_kind_their_last_path_parameter_refers_to() -> None:
    tree = {s.key: [c.key for c in s.children] for s in walk()}
    top = [s.key for s in SECTIONS]
    assert _in_order(top, ["locations", "tariffs", "tariff_groups", "charge_points", "id_tags"])
    assert "charging_zones" in tree["locations"] and "evses" in tree["charge_points"]
    assert "connectors" in tree["evses"] and not {"charging_zones", "evses", "connectors"} & set(top)
    connectors = next(s for s in walk() if s.key == "connectors")
    assert connectors.ancestors == (("evse_id", "Evse"), ("charge_point_id", "ChargePoint"))
    assert _in_order(KIND_ORDER, ["Location", "ChargingZone", "Tariff", "TariffGroup", "ChargePoint", "Evse",
                                  "Connector", "IdTag"])


def test_arguments_declared_as_references_are_written_as_logical_names() -> None:
    refs = {s.kind: s.refs for s in walk()}
    assert Ref("tariffs", "tariff_ids", "Tariff", "tariffs", many=True, server_prepends=True) in refs["TariffGroup"]
    assert refs["ChargePoint"][:3] == (
        Ref("location", "location_id", "Location", "locations"),
        Ref("charging_zone", "charging_zone_id", "ChargingZone", "charging_zones", within="location"),
        Ref("ocpp_connected_charge_point", "ocpp_connected_charge_point_id", "ChargePoint", "charge_points"),
    )
    assert Ref("tariff_group", "tariff_group_id", "TariffGroup", "tariff_groups") in refs["Evse"]
    assert all(not ref.many for ref in refs["Evse"]) and refs["Connector"] == ()
    assert [r.field for r in refs["IdTag"]] == ["partner_id"]  # user_id: ids of objects outside the spec stay numbers


def test_references_inside_nested_objects_are_written_as_dotted_logical_names() -> None:
    refs = {s.kind: s.refs for s in walk()}
    assert Ref("pricing.tax", "pricing.tax_id", "Tax", "taxes") in refs["Tariff"]
    assert Ref("restrictions.apply_to_user_groups", "restrictions.apply_to_user_group_ids", "UserGroup",
               "user_groups", many=True) in refs["Tariff"]
    assert Ref("partner.partner", "partner.id", "Partner", "partners") in refs["ChargePoint"]  # a nested id
    assert refs["Location"] == (Ref("working_hours.always_open_for_user_groups",
                                    "working_hours.always_open_for_user_group_ids", "UserGroup", "user_groups",
                                    many=True),)


def test_export_brings_each_types_parent_and_what_it_refers_to() -> None:
    expected = {
        "charging_zone": ("location",),
        "tariff_group": ("tariff",),
        "charge_point": ("location", "charging_zone"),
        "evse": ("charge_point", "tariff_group"),
        "connector": ("evse",),
    }
    for module, needs in expected.items():
        assert DEPENDENCIES[module][:len(needs)] == needs, module
    assert DEPENDENCIES["id_tag"] == ("partner",) and DEPENDENCIES["location"] == ("user_group",)
    assert set(DEPENDENCIES["tariff"]) == {"tax", "partner", "user_group"}  # references inside nested objects
    assert DEPENDENCIES["circuit_charge_point"] == ("circuit", "charge_point")
    assert "partner" not in DEPENDENCIES and "tax" not in DEPENDENCIES


class _WidgetModel(AmpecoModel):
    name: str = Field(description="Name.")
    tariff_id: Annotated[IdRef | None, Reference("Tariff")] = Field(None, description="A tariff.")


class _GadgetModel(AmpecoModel):
    widget_id: Annotated[IdRef, PathParam, Reference("Widget")] = Field(description="Its widget.")
    label: str = Field(description="Label.")


WIDGET = ResourceSpec(kind="Widget", module="widget", model=_WidgetModel, collection="/widgets", description="W.",
                      section_order=35)
GADGET = ResourceSpec(kind="Gadget", module="gadget", model=_GadgetModel, collection="/widgets/{widget_id}/gadgets",
                      description="G.")


def test_a_kind_added_to_the_registry_gets_its_section_nesting_and_references_with_no_other_edit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(REGISTRY, "Widget", WIDGET)
    monkeypatch.setitem(REGISTRY, "Gadget", GADGET)
    sections = _layout._build()
    keys = [s.key for s in sections]
    assert _in_order(keys, ["tariff_groups", "widgets", "charge_points"])  # section_order 30 < 35 < 40
    widgets = sections[keys.index("widgets")]
    assert [c.key for c in widgets.children] == ["gadgets"]
    assert widgets.refs == (Ref("tariff", "tariff_id", "Tariff", "tariffs"),)
    assert widgets.children[0].ancestors == (("widget_id", "Widget"),)


def test_a_path_parameter_without_a_reference_kind_is_a_declaration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Orphan(AmpecoModel):
        widget_id: Annotated[IdRef, PathParam] = Field(description="Its widget.")

    monkeypatch.setitem(REGISTRY, "Orphan", ResourceSpec(kind="Orphan", module="orphan", model=Orphan,
                                                         collection="/widgets/{widget_id}/orphans", description="O."))
    with pytest.raises(TypeError, match=r"Orphan.widget_id: a path parameter needs Reference"):
        _layout._build()


def test_a_reference_inside_a_nested_object_gets_a_dotted_key_with_no_other_edit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Inner(AmpecoModel):
        tariff_id: Annotated[IdRef | None, Reference("Tariff")] = Field(None, description="A tariff.")
        id: Annotated[IdRef | None, Reference("Tax")] = Field(None, description="A tax.")

    class Outer(AmpecoModel):
        pricing: Inner | None = Field(None, description="Nested.")

    monkeypatch.setitem(REGISTRY, "Outer", ResourceSpec(kind="Outer", module="outer", model=Outer,
                                                        collection="/outers", description="O."))
    outer = next(s for s in _layout._build() if s.kind == "Outer")
    assert outer.refs == (Ref("pricing.tariff", "pricing.tariff_id", "Tariff", "tariffs"),
                          Ref("pricing.tax", "pricing.id", "Tax", "taxes"))  # a bare id: the target's module


def test_a_reference_inside_a_list_of_objects_is_a_declaration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Item(AmpecoModel):
        tariff_id: Annotated[IdRef | None, Reference("Tariff")] = Field(None, description="A tariff.")

    class Outer(AmpecoModel):
        levels: list[Item] | None = Field(None, description="Nested in a list.")

    monkeypatch.setitem(REGISTRY, "Outer", ResourceSpec(kind="Outer", module="outer", model=Outer,
                                                        collection="/outers", description="O."))
    with pytest.raises(TypeError, match=r"Outer.levels.tariff_id: Reference\('Tariff'\) inside the list levels"):
        _layout._build()
