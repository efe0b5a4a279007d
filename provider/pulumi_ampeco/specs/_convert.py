"""Wire (camelCase JSON) <-> Python (snake_case) forms of an object, guided by the spec's model.

Keys the model does not declare (response-only extras such as ``externalAppData``) are still
carried over, with a mechanical snake_case name, so outputs show the API's whole object. Null
values are dropped: Pulumi drops them from state anyway, and "absent" is what they mean.
The keys of a free-form map (a tariff's locale -> text ``description``) are data, not field
names: they are carried verbatim both ways.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from pydantic import alias_generators

from pulumi_ampeco.specs._schema import ModelMeta

# The few undeclared keys (externalAppData, ...) come back in every response: convert each once.
to_snake = functools.lru_cache(maxsize=1024)(alias_generators.to_snake)
to_camel = functools.lru_cache(maxsize=1024)(alias_generators.to_camel)


def to_python(meta: ModelMeta | None, wire: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in wire.items():
        if value is None:
            continue
        field = meta.by_alias.get(key) if meta else None
        name = field.name if field else to_snake(key)
        out[name] = _verbatim(value) if field is not None and field.is_map else _value_to_python(
            field.nested if field else None, value)
    return out


def _verbatim(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _verbatim(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_verbatim(v) for v in value]
    return value


def _value_to_python(nested: ModelMeta | None, value: Any) -> Any:
    if isinstance(value, Mapping):
        return to_python(nested, value)
    if isinstance(value, list):
        return [_value_to_python(nested, v) for v in value]
    return value


def to_wire(meta: ModelMeta | None, python: Mapping[str, Any], *, keep_none: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in python.items():
        if value is None and not keep_none:
            continue
        field = meta.fields.get(name) if meta else None
        key = field.alias if field else to_camel(name)
        out[key] = _verbatim(value) if field is not None and field.is_map else _value_to_wire(
            field.nested if field else None, value)
    return out


def _value_to_wire(nested: ModelMeta | None, value: Any) -> Any:
    if isinstance(value, Mapping):
        return to_wire(nested, value)
    if isinstance(value, list):
        return [_value_to_wire(nested, v) for v in value]
    return value


def dig(values: Mapping[str, Any], dotted: str) -> Any:
    """The value at a dotted path (``network.id``), or None where a step is missing or not a mapping."""
    current: Any = values
    for part in dotted.split("."):
        if not isinstance(current, Mapping):
            return None
        current = current.get(part)
    return current
