"""The public surface: what users import, what the engine pickles, what the generator keeps fresh."""

from __future__ import annotations

import base64
import dataclasses
import importlib
import importlib.util
import inspect
import pkgutil
from pathlib import Path
from types import ModuleType

import dill
import pulumi_ampeco as ampeco
import pytest
from pulumi.dynamic.dynamic import serialize_provider
from pulumi_ampeco._engine.kinds import KINDS, SET_FIELDS, SET_KINDS
from pulumi_ampeco._engine.provider import AmpecoProvider
from pulumi_ampeco.errors import AmpecoError
from pulumi_ampeco.specs import REGISTRY, SETS
from pulumi_ampeco.specs._schema import model_meta

CODEGEN = Path(__file__).parent.parent / "tools" / "codegen.py"


def codegen() -> ModuleType:
    """tools/codegen.py, the generator (part of the repository, not of the installed package)."""
    spec = importlib.util.spec_from_file_location("codegen", CODEGEN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_all_is_sorted_and_every_name_exists() -> None:
    assert ampeco.__all__ == sorted(ampeco.__all__)
    for name in ampeco.__all__:
        assert hasattr(ampeco, name), name


def test_every_error_a_user_can_catch_is_in_the_error_tree_and_exported() -> None:
    outside = []
    for info in pkgutil.walk_packages(ampeco.__path__, "pulumi_ampeco."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, AmpecoError) and value.__module__ == info.name
                    and info.name != "pulumi_ampeco.errors"):
                outside.append(f"{info.name}.{name}")
    assert outside == []
    from pulumi_ampeco import errors

    tree = [v for v in vars(errors).values() if inspect.isclass(v) and issubclass(v, AmpecoError)]
    assert all(cls.__name__ in ampeco.__all__ and cls.__name__ in (errors.__doc__ or "") for cls in tree)


@pytest.mark.parametrize("kind", sorted(REGISTRY))
def test_resource_args_and_outputs_mirror_the_spec(kind: str) -> None:
    meta = model_meta(REGISTRY[kind].model)
    args_class = getattr(ampeco, f"{kind}Args")
    arg_fields = {f.name: f for f in dataclasses.fields(args_class)}
    assert set(arg_fields) == {f.name for f in meta.arguments()} | {"adopt_id"}
    for f in meta.arguments():
        required = arg_fields[f.name].default is dataclasses.MISSING
        assert required == f.required, f.name
    outputs = set(getattr(ampeco, kind).__annotations__)
    assert {f.name for f in meta.fields.values()} | {"adopt_id"} <= outputs
    module = importlib.import_module(getattr(ampeco, kind).__module__)
    assert module._OUTPUTS == tuple(meta.fields)
    assert module._SECRET_OUTPUTS == tuple(f.name for f in meta.fields.values() if f.secret)


@pytest.mark.parametrize("kind", sorted(SETS))
def test_set_args_are_its_mapping_a_csv_and_the_adopt_policy_and_members_mirror_the_member_kind(kind: str) -> None:
    s = SETS[kind]
    assert {f.name for f in dataclasses.fields(getattr(ampeco, f"{kind}Args"))} == {s.field, "csv", "adopt_existing"}
    member = model_meta(REGISTRY[s.member].model)
    member_keys = set(getattr(ampeco, f"{kind}MemberArgsDict").__annotations__)
    assert member_keys == {f.name for f in member.arguments()} - {s.key}
    assert {s.field, "ids", "adopt_existing"} <= set(getattr(ampeco, kind).__annotations__)
    assert callable(getattr(ampeco, kind).from_csv)


def test_generated_surface_and_reference_pages_are_fresh() -> None:
    assert codegen().main(["--check"]) == 0, "run python tools/codegen.py"


def test_generated_modules_say_so_in_their_first_line_and_hand_written_ones_do_not() -> None:
    generated = {path for path in codegen().generated_files() if path.suffix == ".py"}
    package = Path(ampeco.__file__).parent
    for path in package.rglob("*.py"):
        says = path.read_text(encoding="utf-8").startswith("# Generated from ")
        assert says == (path in generated), path
    assert importlib.util.find_spec("pulumi_ampeco._codegen") is None  # the package never writes the repo


@pytest.mark.parametrize("kind", sorted([*REGISTRY, *SETS]))
def test_pickled_provider_is_a_small_stable_reference(kind: str) -> None:
    first = serialize_provider(AmpecoProvider(kind))
    assert first == serialize_provider(AmpecoProvider(kind))
    raw = base64.b64decode(first)
    assert len(raw) < 120
    assert b"pulumi_ampeco._engine.provider" in raw and b"AmpecoProvider" in raw
    restored = dill.loads(raw)
    assert vars(restored) == {"kind": kind}


def test_provider_kinds_are_the_registry() -> None:
    # AmpecoProvider checks kinds against KINDS so that a program need not import the specs.
    assert KINDS == tuple(sorted([*REGISTRY, *SETS]))
    assert SET_KINDS == tuple(sorted(SETS))
    assert SET_FIELDS == {kind: s.field for kind, s in SETS.items()}


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown AMPECO resource kind"):
        AmpecoProvider("Spaceship")


def test_provider_class_path_is_the_public_contract() -> None:
    # Renaming these breaks refresh and destroy of every existing stack: keep a shim if they move.
    assert AmpecoProvider.__module__ == "pulumi_ampeco._engine.provider"
    assert AmpecoProvider.__qualname__ == "AmpecoProvider"
    assert sorted(REGISTRY) == ["ChargePoint", "ChargingZone", "Circuit", "CircuitChargePoint",
                                "ConfigurationTemplate", "Connector", "Evse", "IdTag", "Location", "Notification",
                                "Partner", "Tariff", "TariffGroup", "Tax", "UserGroup"]
    assert sorted(SETS) == ["IdTagSet"]
