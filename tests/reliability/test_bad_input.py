"""Bad input never reaches the tenant: property-based tests generate invalid arguments for every
resource from its spec model (wrong types, bad enum values, missing required fields, out-of-range
numbers, malformed dates and times, wrong shapes of nested objects, unknown arguments) and check
that ``check`` rejects each one, naming the argument (with its nested path), with no API call.

The oracle is the spec's own pydantic model validating the whole object: a generated value the
model accepts is discarded, so every example is invalid by the declaration, not by check's logic.
"""

from __future__ import annotations

import collections
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import annotated_types
import pytest
from _harness import ProviderProcess, serialize_provider
from _reliability_kit import KINDS, Admin, sample_args
from ampeco_emulator import EmulatorServer
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pulumi_ampeco._engine import session
from pulumi_ampeco._engine.provider import AmpecoProvider
from pulumi_ampeco.specs import REGISTRY
from pulumi_ampeco.specs._base import DateStr, DateTimeStr, TimeStr
from pulumi_ampeco.specs._schema import model_meta
from pulumi_ampeco.specs._shapes import Country
from pydantic import BaseModel, ValidationError

EXAMPLES = 80  # per resource and property; the whole file runs in well under 30 s
GRPC_EXAMPLES = 12
GENERATED: collections.Counter[str] = collections.Counter()  # examples checked, per resource

# Valid parents (ids) for the sample arguments: check never looks them up.
PARENT_IDS = {"location_id": 1, "charge_point_id": 2, "evse_id": 3, "tariff_group_id": 4, "tariff_ids": 5,
              "partner_id": 6, "circuit_id": 7}


def base_args(kind: str) -> dict[str, Any]:
    return sample_args(kind, "1", **PARENT_IDS)


# --- what the spec declares about a type ----------------------------------------------------------


@dataclass
class TypeInfo:
    kind: str  # str | int | float | bool | literal | list | dict | model
    literals: tuple[Any, ...] = ()
    item: TypeInfo | None = None
    model: type[BaseModel] | None = None
    bounds: dict[str, float] = field(default_factory=dict)  # ge / le / gt / lt
    min_length: int | None = None
    max_length: int | None = None
    special: str | None = None  # datetime | date | time | country | pattern


_SPECIALS = {id(DateTimeStr): "datetime", id(DateStr): "date", id(TimeStr): "time", id(Country): "country"}


def type_info(annotation: Any, metadata: list[Any] | tuple[Any, ...] = ()) -> TypeInfo:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    special = _SPECIALS.get(id(annotation))
    if origin is typing.Annotated:
        info = type_info(args[0], [*metadata, *args[1:]])
        info.special = special or info.special
        return info
    if origin in (typing.Union, types.UnionType):
        [inner] = [a for a in args if a is not type(None)]
        return type_info(inner, metadata)
    info = _plain(annotation, origin, args)
    for meta in _flatten(metadata):
        for name in ("ge", "le", "gt", "lt"):
            if isinstance(meta, getattr(annotated_types, name.capitalize())):
                info.bounds[name] = float(getattr(meta, name))
        if isinstance(meta, annotated_types.MinLen):
            info.min_length = meta.min_length
        if isinstance(meta, annotated_types.MaxLen):
            info.max_length = meta.max_length
        if getattr(meta, "pattern", None):
            info.special = info.special or "pattern"
    return info


def _flatten(metadata: Any) -> Iterator[Any]:
    for meta in metadata:
        yield meta
        yield from getattr(meta, "metadata", ())  # a pydantic Field(...) inside Annotated


def _plain(annotation: Any, origin: Any, args: tuple[Any, ...]) -> TypeInfo:
    if origin is typing.Literal:
        return TypeInfo("literal", literals=args)
    if origin is list:
        return TypeInfo("list", item=type_info(args[0]))
    if origin is dict:
        return TypeInfo("dict")
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return TypeInfo("model", model=annotation)
    return TypeInfo({str: "str", int: "int", float: "float", bool: "bool"}[annotation])


def field_info(model: type[BaseModel], name: str) -> TypeInfo:
    info = model.model_fields[name]
    return type_info(info.annotation, list(info.metadata))


def arguments(model: type[BaseModel]) -> list[str]:
    return [f.name for f in model_meta(model).arguments()]


# --- valid and invalid values of a type -----------------------------------------------------------


def valid(info: TypeInfo) -> Any:
    """A minimal valid value (to fill the required fields around a nested mutation)."""
    if info.kind == "model":
        assert info.model is not None
        return {n: valid(field_info(info.model, n)) for n, f in info.model.model_fields.items() if f.is_required()}
    if info.kind == "list":
        assert info.item is not None
        return [valid(info.item)]
    if info.kind == "literal":
        return info.literals[0]
    if info.kind == "str":
        special = {"datetime": "2027-01-01T00:00:00Z", "date": "2027-01-01", "time": "10:00",
                   "country": "BG"}.get(info.special or "")
        return special or "x" * max(info.min_length or 1, 1)
    if info.kind == "bool":
        return True
    if info.kind == "dict":
        return {}
    low = info.bounds.get("ge", info.bounds.get("gt", 0) + 1)
    return int(low) if info.kind == "int" else float(low)


JSON_SCALARS = st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False, width=32),
                         st.booleans(), st.text(max_size=8))
WRONG_SHAPES = {
    "list": st.lists(st.integers(), max_size=2),
    "dict": st.dictionaries(st.sampled_from(["a", "value", "id"]), st.integers(), max_size=2),
}
MALFORMED_DATETIMES = ["2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "yesterday", "31/12/2024",
                       "2024-01-01T25:00:00Z", "2024-1-1", "20240101", "2024-01-01T10:00:00+25:00", ""]
MALFORMED_DATES = ["2024-13-01", "2024-02-30", "2027-01-01T00:00:00Z", "yesterday", "31/12/2024", "2024-1-1", ""]
MALFORMED_TIMES = ["25:00", "12:60", "noon", "1200", "7:5", "-1:00", "12:00 PM", "08:00:00", "24:30", ""]
BAD_COUNTRIES = ["bg", "XX", "BGR", "", "Bulgaria", "ZZ"]

Mutation = tuple[str, Any]  # (path suffix below the argument: "", ".sub", "[0].sub"; the value)


def _values_of_other_types(*excluded: str) -> st.SearchStrategy[Any]:
    choices = {
        "int": st.integers(-10**6, 10**6), "float": st.floats(-1e6, 1e6).filter(lambda f: not f.is_integer()),
        "bool": st.booleans(), "str": st.text(alphabet="abcxyzQ -_", min_size=1, max_size=8),
        **WRONG_SHAPES,
    }
    return st.one_of(*[s for k, s in choices.items() if k not in excluded])


def invalid(info: TypeInfo, depth: int = 0) -> st.SearchStrategy[Mutation]:
    """(path suffix, value) pairs that the declaration rejects (hypothesis discards the few it does not)."""
    here: list[st.SearchStrategy[Any]] = []
    if info.kind == "str":
        here.append(_values_of_other_types("str"))
        if info.min_length:
            here.append(st.just(""))
        if info.special == "datetime":
            here.append(st.sampled_from(MALFORMED_DATETIMES))
        if info.special == "date":
            here.append(st.sampled_from(MALFORMED_DATES))
        if info.max_length is not None:
            here.append(st.just("7" * (info.max_length + 1)))
        if info.special == "time":
            here.append(st.sampled_from(MALFORMED_TIMES))
        if info.special == "country":
            here.append(st.sampled_from(BAD_COUNTRIES))
        if info.special == "pattern":
            here.append(st.sampled_from(["12a4", "with space", "!!"]))
    elif info.kind in ("int", "float"):
        here.append(_values_of_other_types("int", "float") if info.kind == "float"
                    else _values_of_other_types("int"))
        number = st.integers if info.kind == "int" else (lambda **kw: st.floats(allow_nan=False, **kw))
        if "ge" in info.bounds:
            here.append(number(max_value=int(info.bounds["ge"]) - 1 if info.kind == "int"
                               else info.bounds["ge"] - 0.5, min_value=-10**9))
        if "le" in info.bounds:
            here.append(number(min_value=int(info.bounds["le"]) + 1 if info.kind == "int"
                               else info.bounds["le"] + 0.5, max_value=10**9))
    elif info.kind == "bool":
        here.append(_values_of_other_types("bool"))
    elif info.kind == "dict":
        here += [WRONG_SHAPES["list"], st.text(min_size=1, max_size=5), st.integers()]
    elif info.kind == "literal":
        allowed = set(info.literals)
        if all(isinstance(v, str) for v in allowed):
            near = st.sampled_from(sorted(allowed)).map(lambda v: v.upper() + "!")
            here += [near, st.text(max_size=12).filter(lambda v: v not in allowed),
                     _values_of_other_types("str")]
        else:
            here += [st.integers(-1000, 1000).filter(lambda v: v not in allowed), _values_of_other_types("int")]
    elif info.kind == "list":
        assert info.item is not None
        here += [WRONG_SHAPES["dict"], st.text(min_size=1, max_size=5)]
        if info.min_length:
            here.append(st.just([]))
        items = invalid(info.item, depth + 1).map(lambda m: (f"[0]{m[0]}", [m[1]]))
        return st.one_of(*[s.map(lambda v: ("", v)) for s in here], items)
    elif info.kind == "model":
        assert info.model is not None
        model = info.model
        here += [WRONG_SHAPES["list"], st.text(min_size=1, max_size=5), st.integers()]
        alternatives: list[st.SearchStrategy[Mutation]] = [s.map(lambda v: ("", v)) for s in here]
        minimal = valid(info)
        alternatives.append(st.just((".zz_unknown", {**minimal, "zz_unknown": 1})))
        required = [n for n, f in model.model_fields.items() if f.is_required()]
        if required:
            alternatives.append(st.sampled_from(required).map(
                lambda n: (f".{n}", {k: v for k, v in minimal.items() if k != n})))
        if depth < 4:
            alternatives.append(st.sampled_from(arguments(model)).flatmap(
                lambda n: invalid(field_info(model, n), depth + 1).map(
                    lambda m: (f".{n}{m[0]}", {**minimal, n: m[1]}))))
        return st.one_of(*alternatives)
    return st.one_of(*here).map(lambda v: ("", v))


# --- the property ---------------------------------------------------------------------------------


def rejected_by_the_model(kind: str, args: Mapping[str, Any]) -> bool:
    try:
        REGISTRY[kind].model.model_validate(dict(args))
    except ValidationError:
        return True
    return False


def names(failures: list[Any]) -> list[str]:
    return [f.property if hasattr(f, "property") else f[0] for f in failures]


def assert_named(failures: list[Any], path: str) -> None:
    """Some failure names exactly the generated path, or (for a whole bad value) a path inside it."""
    found = names(failures)
    assert found, f"no failure for {path}"
    assert any(p == path or p.startswith((path + ".", path + "[")) for p in found), (path, found)


def mutated_args(kind: str) -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
    model = REGISTRY[kind].model

    def build(name: str) -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
        return invalid(field_info(model, name)).map(
            lambda m: (name + m[0], {**base_args(kind), name: m[1]}))

    return st.sampled_from(arguments(model)).flatmap(build)


@pytest.fixture(scope="module", autouse=True)
def _report_counts(request: pytest.FixtureRequest) -> Iterator[None]:
    """After the module: how many invalid inputs were checked per resource (docs/reliability.md)."""
    yield
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if GENERATED and capture is not None:
        with capture.global_and_fixture_disabled():
            print(f"\nbad inputs checked: {dict(sorted(GENERATED.items()))}")


@pytest.fixture
def no_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """check must not even ask for a client."""
    def refuse() -> None:
        raise AssertionError("check asked for an API client")

    monkeypatch.setattr(session, "client", refuse)


def test_sample_arguments_pass_check_so_each_failure_below_comes_from_its_mutation(no_client: None) -> None:
    for kind in KINDS:
        assert AmpecoProvider(kind).check({}, base_args(kind)).failures == []
        assert not rejected_by_the_model(kind, base_args(kind))


@pytest.mark.parametrize("kind", KINDS)
def test_invalid_argument_is_rejected_at_check_naming_the_argument(kind: str, no_client: None) -> None:
    provider = AmpecoProvider(kind)

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(mutated_args(kind))
    def property_(case: tuple[str, dict[str, Any]]) -> None:
        path, args = case
        assume(rejected_by_the_model(kind, args))
        GENERATED[kind] += 1
        assert_named(provider.check({}, args).failures, path)

    property_()


@pytest.mark.parametrize("kind", KINDS)
def test_missing_required_argument_is_rejected_at_check_naming_it(kind: str, no_client: None) -> None:
    model = REGISTRY[kind].model
    required = [f.name for f in model_meta(model).arguments() if f.required]
    for name in required:
        args = {k: v for k, v in base_args(kind).items() if k != name}
        for news in (args, {**args, name: None}):  # left out, or given as null
            failures = AmpecoProvider(kind).check({}, news).failures
            GENERATED[kind] += 1
            assert [(f.property, f.reason) for f in failures] == [(name, "is required")]


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_or_computed_argument_is_rejected_at_check_naming_it(kind: str, no_client: None) -> None:
    meta = model_meta(REGISTRY[kind].model)
    computed = [f.name for f in meta.fields.values() if f.computed]

    @settings(max_examples=EXAMPLES // 4, deadline=None, derandomize=True)
    @given(st.one_of(st.from_regex(r"\A[a-z][a-z_]{0,12}\Z").filter(lambda n: n not in meta.fields
                                                                      and n not in ("adopt_id", "__provider")),
                     st.sampled_from(computed or ["zz_not_an_argument"])),
           JSON_SCALARS)
    def property_(name: str, value: Any) -> None:
        GENERATED[kind] += 1
        failures = AmpecoProvider(kind).check({}, {**base_args(kind), name: value}).failures
        assert names(failures) == [name]

    property_()


@pytest.mark.parametrize("value", [0, -3, 1.5, "abc", True, [1], {"id": 1}])
def test_invalid_adopt_id_is_rejected_at_check(value: Any, no_client: None) -> None:
    failures = AmpecoProvider("IdTag").check({}, {**base_args("IdTag"), "adopt_id": value}).failures
    assert names(failures) == ["adopt_id"]


@pytest.mark.parametrize(("kind", "args", "field_name"), [
    ("ChargePoint", {"type": "personal", "location_id": None}, "pin"),
    ("ChargePoint", {"type": "private", "location_id": None}, "location_id"),
    ("ChargePoint", {"communication_mode": "via_ocpp_connected_charge_point"}, "ocpp_connected_charge_point_id"),
])
def test_argument_required_by_another_ones_value_is_rejected_at_check(kind: str, args: dict[str, Any],
                                                                      field_name: str, no_client: None) -> None:
    news = {k: v for k, v in {**base_args(kind), **args}.items() if v is not None}
    failures = AmpecoProvider(kind).check({}, news).failures
    assert names(failures) == [field_name]
    assert "is required when" in failures[0].reason


# --- through the real gRPC server, configured with a tenant -----------------------------------------


@pytest.fixture(scope="module")
def configured_process(emulator: EmulatorServer) -> Iterator[ProviderProcess]:
    with ProviderProcess(project="reliability") as process:
        process.configure({"ampeco:tenantUrl": emulator.url, "ampeco:apiToken": emulator.token},
                          secret_keys=["ampeco:apiToken"])
        yield process


def _struct_safe(value: Any) -> bool:
    """Survives protobuf Struct unchanged in meaning (ints come back as floats, which check accepts)."""
    if isinstance(value, float):
        return abs(value) < 2**52
    if isinstance(value, int) and not isinstance(value, bool):
        return abs(value) < 2**52
    if isinstance(value, list):
        return all(_struct_safe(v) for v in value)
    if isinstance(value, dict):
        return all(_struct_safe(v) for v in value.values())
    return value is not None


@pytest.mark.parametrize("kind", KINDS)
def test_invalid_argument_sent_over_grpc_is_rejected_at_check_with_no_api_call(
        kind: str, configured_process: ProviderProcess, tenant: EmulatorServer) -> None:
    admin = Admin(tenant.url)
    blob = serialize_provider(AmpecoProvider(kind))
    urn = f"urn:pulumi:dev::reliability::pulumi-python:dynamic/ampeco:{kind}::subject"

    @settings(max_examples=GRPC_EXAMPLES, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(mutated_args(kind))
    def property_(case: tuple[str, dict[str, Any]]) -> None:
        path, args = case
        assume(_struct_safe(args) and rejected_by_the_model(kind, args))
        # protobuf turns every int into a float; keep only values whose meaning survives that
        assume(rejected_by_the_model(kind, _as_floats(args)))
        GENERATED[f"{kind} (gRPC)"] += 1
        _, failures = configured_process.check(urn, {}, {"__provider": blob, **args})
        assert_named(failures, path)

    property_()
    assert admin.requests() == []


def _as_floats(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, list):
        return [_as_floats(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_floats(v) for k, v in value.items()}
    return value


