"""Check a resource's arguments against its declaration, before anything is sent.

Each argument is validated on its own with pydantic, so every bad field is reported at once,
by its snake_case name and with the allowed values, and an argument not known yet (computed by
another resource during a preview, a secret kept in stack config) is simply accepted. The
returned inputs are normalised (ids from other resources as ints, integral floats as ints) so diff
compares like with like.

Pure: the caller says what "not known yet" looks like (the engine: Pulumi's unknowns; the
network spec: a config reference), so reading a YAML spec loads neither pulumi nor grpc.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import ConfigDict, PydanticUserError, TypeAdapter, ValidationError

from pulumi_ampeco._reserved import ADOPT_ID
from pulumi_ampeco.specs._base import ResourceSpec
from pulumi_ampeco.specs._schema import FieldMeta, model_meta

"""The argument every resource takes besides its fields: the id of an existing object to take over."""

Unknown = Callable[[Any], bool]
"""Whether a value is not known yet (so it is accepted now and validated once known)."""


def never_unknown(value: Any) -> bool:
    return False


@dataclass(frozen=True)
class Failure:
    property: str
    reason: str


@functools.cache
def _adapter(model: type, name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]  # type: ignore[attr-defined]
    annotation: Any = info.annotation
    if info.metadata:  # constraints (ge, pattern, ...) and markers pydantic keeps beside the type
        annotation = Annotated.__class_getitem__((annotation, *info.metadata))  # type: ignore[attr-defined]
    try:
        return TypeAdapter(annotation, config=ConfigDict(strict=True))
    except PydanticUserError:  # a model type: its own (strict) config applies
        return TypeAdapter(annotation)


def _describe(error: Mapping[str, Any]) -> str:
    message = str(error["msg"])
    if error["type"] == "missing":
        return "is required"
    if error["type"] == "extra_forbidden":
        return "is not an argument of this resource"
    if error["type"] == "literal_error":
        return f"must be one of {error['ctx']['expected']}"
    return message[0].lower() + message[1:] if message else message


def _path(field: FieldMeta, loc: tuple[Any, ...]) -> str:
    """The argument's dotted path for a pydantic error location, in Python names (pydantic names a
    missing nested field by its camelCase alias)."""
    path = field.name
    meta = field.nested
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
            continue
        inner = meta.by_alias.get(part) or meta.fields.get(part) if meta is not None else None
        path += f".{inner.name if inner is not None else part}"
        meta = inner.nested if inner is not None else None
    return path


def contains_unknown(value: Any, unknown: Unknown) -> bool:
    if unknown(value):
        return True
    if isinstance(value, Mapping):
        return any(contains_unknown(v, unknown) for v in value.values())
    if isinstance(value, list):
        return any(contains_unknown(v, unknown) for v in value)
    return False


def validate_field(spec: ResourceSpec, field: FieldMeta, value: Any) -> tuple[Any, list[Failure]]:
    """(normalised value, failures) of one argument."""
    adapter = _adapter(spec.model, field.name)
    try:
        validated = adapter.validate_python(value)
    except ValidationError as exc:
        return value, [Failure(_path(field, tuple(e["loc"])), _describe(e)) for e in exc.errors()]
    return adapter.dump_python(validated, exclude_unset=True, exclude_none=True), []


def check_inputs(spec: ResourceSpec, news: Mapping[str, Any], *, unknown: Unknown = never_unknown,
                 passthrough: Collection[str] = (), adopting: bool = False,
                 adopt_hint: str = "adopt_id") -> tuple[dict[str, Any], list[Failure]]:
    """(normalised inputs, every failure); ``passthrough`` keys are kept as they are, unchecked.

    ``adopting``: the object is taken over if it exists (a set's ``adopt_existing``), so values
    AMPECO sets itself (``ReadOnlyValues``) are accepted as with ``adopt_id``; ``adopt_hint`` is
    how messages name the way to take one over.
    """
    meta = model_meta(spec.model)
    inputs: dict[str, Any] = {}
    failures: list[Failure] = []
    for name, value in news.items():
        if name in passthrough:
            inputs[name] = value
            continue
        if name == ADOPT_ID:
            adopt, problems = _check_adopt_id(spec, value, unknown)
            inputs[name], failures = adopt, failures + problems
            continue
        field = meta.fields.get(name)
        if field is None:
            failures.append(Failure(name, f"is not an argument of {spec.kind}; arguments: {', '.join(f.name for f in meta.arguments())}"))
            continue
        if field.computed:
            failures.append(Failure(name, "is computed by AMPECO and cannot be set; it is an output only"))
            continue
        if value is None:
            continue
        if contains_unknown(value, unknown):
            inputs[name] = value  # validated on the real run, once known
            continue
        inputs[name], problems = validate_field(spec, field, value)
        failures += problems
        if not problems and value in field.read_only_values and news.get(ADOPT_ID) is None and not adopting:
            failures.append(Failure(name, f"{value!r} is set by AMPECO and cannot be created; take over an "
                                          f"existing object with {adopt_hint}, or use one of the other values"))
    for field in meta.arguments():
        # null counts as missing: an Output that resolved to None arrives as null, not as absent
        if field.required and news.get(field.name) is None:
            failures.append(Failure(field.name, "is required"))
    for rule in spec.required_when:
        conditions = [news.get(k) for k in rule.when]
        if rule.field in news or any(unknown(c) for c in conditions):
            continue
        if all(news.get(k) in vs for k, vs in rule.when.items()):
            failures.append(Failure(rule.field, f"is required when {rule.describe()}"))
    return inputs, failures


def _check_adopt_id(spec: ResourceSpec, value: Any, unknown: Unknown) -> tuple[Any, list[Failure]]:
    if unknown(value):
        return value, []
    if spec.id_type is str:  # the API types this kind's ids as strings (a notification's)
        if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not spec.object_id(value):
            return value, [Failure(ADOPT_ID, f"must be the AMPECO id of an existing {spec.noun} (a string), e.g. '42'")]
        return spec.object_id(value), []
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return value, [Failure(ADOPT_ID, "must be the numeric AMPECO id of an existing object, e.g. 42")]
    return value, []
