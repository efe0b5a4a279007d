"""Body validation driven by the vendored API reference (``fields.json``), with Laravel messages.

``load_schema("id_tag")`` turns the reference's ``create_fields`` into a tree of :class:`Field`.
:class:`Validator` walks a JSON body against such a tree, collects Laravel-style errors keyed by
dot path (``geoposition.latitude``, ``pricing.multiPricePerKwh.0.firstKwh``) and returns a clean
copy holding only known fields. Messages follow Laravel 9's ``validation.php`` wording.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timezone
from importlib import resources
from typing import Any

from .errors import validation_failed

# Inferred (Laravel default middleware ConvertEmptyStringsToNull): "" in a body is read as null.
EMPTY_STRING_IS_NULL = True
# Inferred (Laravel datetime casts, second-precision columns): date-times are stored in UTC and
# read back as "YYYY-MM-DDTHH:MM:SS.000000Z", whatever offset or precision was sent.
NORMALIZE_DATETIMES = True
# Inferred (API 3.110.0 marks most response fields not nullable and documents the new location
# fields as "omitted from GET when unset"): a field without a value is left out of a response,
# except where the response schema requires the key (see each resource's ``response_nulls``).
OMIT_NULLS_IN_RESPONSES = True


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    type: str = "any"  # string | integer | number | boolean | object | array | any
    required: bool = False
    enum: tuple[Any, ...] | None = None
    fmt: str | None = None  # date-time | date | time | digits | timezone
    nested: Mapping[str, Field] | None = None  # object properties
    items: Field | None = None  # array items
    between: tuple[float, float] | None = None
    prohibited: bool = False
    nullable: bool = False  # the body may carry null for it (fields.json "nullable")
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    min_items: int | None = None
    multiple_of: float | None = None
    map_values: Field | None = None  # a free-form object (additionalProperties): every value is this
    write_only: bool = False  # accepted, stored, never returned (fields.json "write_only")


_TIME_FORMATS = {"time", "HH:MM local", "HH:MM 24h"}


def _limits(spec: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "nullable": spec.get("nullable") is True,
        "max_length": spec.get("maxLength"),
        "minimum": spec.get("minimum"),
        "maximum": spec.get("maximum"),
        "pattern": spec.get("pattern"),
        "write_only": spec.get("write_only") is True,
        "multiple_of": spec.get("multipleOf"),
    }


def _node(name: str, spec: Any) -> Field:
    if isinstance(spec, str):  # array item shorthand: "integer", "string", "number", "date"
        if spec == "date":
            return Field(name, "string", fmt="date")
        return Field(name, spec)
    kind = spec.get("type", "object")
    if kind in ("anyOf", "oneOf"):  # variants (a partner's state, an integration's fields): any value
        kind = "any"
    enum = spec.get("enum") if spec.get("enum") is not None else spec.get("items_enum")
    enum_t = tuple(enum) if isinstance(enum, list) else None
    fmt = spec.get("format")
    if fmt in _TIME_FORMATS:
        fmt = "time"
    required = spec.get("required") is True
    if kind == "object":
        extra = spec.get("additionalProperties")
        if extra is not None and not (spec.get("nested") or spec.get("properties")):
            values = _node("*", extra) if isinstance(extra, dict) else Field("*", "any", nullable=True)
            return Field(name, "object", required, map_values=values, **_limits(spec))
        props = spec.get("nested") or spec.get("properties") or {}
        return Field(name, "object", required, nested=_fields(props), **_limits(spec))
    if kind == "array":
        items = spec.get("items")
        if items is None or (isinstance(items, str) and enum_t):
            item = Field("*", items or "string", enum=enum_t) if enum_t else Field("*", "any")
        elif isinstance(items, str) or isinstance(items.get("type"), str):
            item = _node("*", items)
        else:  # a mapping of property name -> spec
            item = Field("*", "object", nested=_fields(items))
        return Field(name, "array", required, items=item, min_items=spec.get("minItems"), **_limits(spec))
    return Field(name, kind, required, enum=enum_t, fmt=fmt, **_limits(spec))


def _fields(specs: Mapping[str, Any]) -> dict[str, Field]:
    return {name: _node(name, spec) for name, spec in specs.items()}


REFERENCE_FILES = ("fields.json", "fields-extra.json")
"""The vendored digests of the API reference, the later ones' sections winning (``fields-extra.json``:
the resources beyond the first eight, from the official 3.110.0 spec)."""


@functools.lru_cache(maxsize=1)
def reference() -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in REFERENCE_FILES:
        text = resources.files("ampeco_emulator").joinpath(name).read_text(encoding="utf-8")
        data.update({k: v for k, v in json.loads(text).items() if k != "_meta" or "_meta" not in data})
    return data


def load_schema(key: str, extra: Mapping[str, Any] | None = None, *, variant: str | None = None) -> dict[str, Field]:
    """A resource's create body; ``variant`` picks one of its ``create_variants`` (a oneOf body)."""
    section = reference()[key]
    specs = dict(section["create_variants"][variant] if variant is not None else section["create_fields"])
    if extra:
        specs.update(extra)
    return _fields(specs)


def load_action_schema(key: str, action: str) -> dict[str, Field]:
    """The body of one of a resource's actions (its ``action_bodies`` in the reference)."""
    return _fields(reference()[key]["action_bodies"][action])


def override(schema: Mapping[str, Field], path: str, **changes: Any) -> dict[str, Field]:
    """Return a copy of ``schema`` with the field at dot ``path`` changed."""
    head, _, rest = path.partition(".")
    out = dict(schema)
    f = out[head]
    if rest:
        if f.type == "array" and f.items is not None and f.items.nested is not None:
            items = dataclasses.replace(f.items, nested=override(f.items.nested, rest, **changes))
            out[head] = dataclasses.replace(f, items=items)
        else:
            assert f.nested is not None, path
            out[head] = dataclasses.replace(f, nested=override(f.nested, rest, **changes))
    else:
        out[head] = dataclasses.replace(f, **changes)
    return out


def without_write_only(value: Any, schema: Mapping[str, Field]) -> Any:
    """A stored nested object as returned: its write-only fields left out (inside lists too)."""
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        f = schema.get(key)
        if f is not None and f.write_only:
            continue
        if f is not None and f.nested is not None:
            item = without_write_only(item, f.nested)
        elif f is not None and f.items is not None and f.items.nested is not None and isinstance(item, list):
            item = [without_write_only(i, f.items.nested) for i in item]
        out[key] = item
    return out


def optional(schema: Mapping[str, Field]) -> dict[str, Field]:
    """Top-level fields all optional (PATCH); nested requirements stay."""
    return {k: dataclasses.replace(f, required=False) for k, f in schema.items()}


# ---------------------------------------------------------------- Laravel wording

_SNAKE = re.compile(r"(.)(?=[A-Z])")


@functools.lru_cache(maxsize=4096)
def attribute(path: str) -> str:
    """Laravel's displayable attribute: Str::snake(path) with '_' -> ' '."""
    return _SNAKE.sub(r"\1_", path).lower().replace("_", " ")


def msg_required(path: str) -> str:
    return f"The {attribute(path)} field is required."


def msg_invalid(path: str) -> str:
    return f"The selected {attribute(path)} is invalid."


def msg_taken(path: str) -> str:
    return f"The {attribute(path)} has already been taken."


def msg_prohibited(path: str) -> str:
    return f"The {attribute(path)} field is prohibited."


def msg_required_if(path: str, other: str, value: object) -> str:
    return f"The {attribute(path)} field is required when {attribute(other)} is {value}."


_TYPE_MESSAGES = {
    "string": "The {a} must be a string.",
    "integer": "The {a} must be an integer.",
    "number": "The {a} must be a number.",
    "boolean": "The {a} field must be true or false.",
    "object": "The {a} must be an array.",
    "array": "The {a} must be an array.",
}

_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DIGITS_RE = re.compile(r"^\d+$")


def parse_datetime(value: str) -> datetime | None:
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        if _DATE_RE.match(text):
            parsed = datetime.combine(date.fromisoformat(text), datetime.min.time())
        else:
            parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def format_datetime(value: datetime, micro: bool = False) -> str:
    value = value.astimezone(timezone.utc)
    us = value.microsecond if micro else 0
    # %Y does not pad years before 1000 on every platform ("139-12-27"): pad it, as RFC 3339 requires.
    return f"{value.year:04d}-{value:%m-%dT%H:%M:%S}.{us:06d}Z"


def _valid_timezone(name: str) -> bool:
    if "/" not in name and name != "UTC":
        return False
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(name)
    except Exception:  # noqa: BLE001 - any failure means "not a timezone"
        return False
    return True


class Validator:
    """Collects field errors in order; ``clean_*`` return validated copies."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, path: str, message: str) -> None:
        self.errors.setdefault(path, []).append(message)

    def ok(self, path: str) -> bool:
        return path not in self.errors

    def raise_if_errors(self, order: Iterable[str] = ()) -> None:
        """Raise the 422; errors sorted by the top-level field order (Laravel checks rules in order)."""
        if self.errors:
            rank = {name: i for i, name in enumerate(order)}
            paths = sorted(self.errors, key=lambda p: rank.get(p.split(".", 1)[0], len(rank)))
            raise validation_failed({p: self.errors[p] for p in paths})

    def clean_object(
        self, schema: Mapping[str, Field], body: Mapping[str, Any], prefix: str = ""
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, f in schema.items():
            path = prefix + name
            present = name in body
            value = body.get(name)
            if EMPTY_STRING_IS_NULL and value == "":
                value = None
            if f.prohibited:
                if present and value not in (None, [], {}):
                    self.add(path, msg_prohibited(path))
                continue
            if value is None or value == [] or value == {}:
                if f.required:
                    self.add(path, msg_required(path))
                elif present and value is None and not f.nullable and f.type != "any":
                    self._type_error(f.type, path)  # Laravel: a rule without "nullable" refuses null
                elif present:
                    out[name] = value
                continue
            ok, clean = self.clean_value(f, value, path)
            if ok:
                out[name] = clean
        return out

    def clean_value(self, f: Field, value: Any, path: str) -> tuple[bool, Any]:
        kind = f.type
        if kind == "string":
            if not isinstance(value, str):
                return self._type_error(kind, path)
        elif kind == "integer":
            if not isinstance(value, int) or isinstance(value, bool):
                return self._type_error(kind, path)
        elif kind == "number":
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                return self._type_error(kind, path)
        elif kind == "boolean":
            if not isinstance(value, bool):
                return self._type_error(kind, path)
        elif kind == "object":
            if not isinstance(value, dict):
                return self._type_error(kind, path)
            if f.map_values is not None:  # a free-form map: keys are data, each value checked
                good = True
                clean_map: dict[str, Any] = {}
                for key, element in value.items():
                    if element is None and f.map_values.nullable:
                        clean_map[key] = None
                        continue
                    ok, clean_map[key] = self.clean_value(f.map_values, element, f"{path}.{key}")
                    good = good and ok
                return good, clean_map
            return True, self.clean_object(f.nested or {}, value, path + ".")
        elif kind == "array":
            if not isinstance(value, list):
                return self._type_error(kind, path)
            item = f.items or Field("*")
            out = []
            good = True
            for i, element in enumerate(value):
                ipath = f"{path}.{i}"
                if element is None:
                    if item.type != "any":
                        self._type_error(item.type, ipath)
                        good = False
                    continue
                ok, clean = self.clean_value(item, element, ipath)
                good = good and ok
                out.append(clean)
            if f.min_items is not None and len(value) < f.min_items:
                self.add(path, f"The {attribute(path)} must have at least {f.min_items} items.")
                return False, None
            return good, out
        if f.enum is not None and value not in f.enum:
            self.add(path, msg_invalid(path))
            return False, None
        if f.between is not None and not (f.between[0] <= value <= f.between[1]):
            lo, hi = (_num(b) for b in f.between)
            self.add(path, f"The {attribute(path)} must be between {lo} and {hi}.")
            return False, None
        if not self._limits(f, value, path):
            return False, None
        if f.fmt is not None and isinstance(value, str):
            return self._format(f.fmt, value, path)
        return True, value

    def _limits(self, f: Field, value: Any, path: str) -> bool:
        """maxLength / minimum / maximum / pattern, with Laravel 9's wording."""
        a = attribute(path)
        if isinstance(value, str):
            if f.max_length is not None and len(value) > f.max_length:
                self.add(path, f"The {a} must not be greater than {f.max_length} characters.")
                return False
            if f.pattern is not None and not re.search(f.pattern, value):
                self.add(path, f"The {a} format is invalid.")
                return False
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if f.minimum is not None and value < f.minimum:
                self.add(path, f"The {a} must be at least {_num(f.minimum)}.")
                return False
            if f.maximum is not None and value > f.maximum:
                self.add(path, f"The {a} must not be greater than {_num(f.maximum)}.")
                return False
            if f.multiple_of is not None and abs(value / f.multiple_of - round(value / f.multiple_of)) > 1e-9:
                self.add(path, f"The {a} must be a multiple of {_num(f.multiple_of)}.")
                return False
        return True

    def _type_error(self, kind: str, path: str) -> tuple[bool, Any]:
        self.add(path, _TYPE_MESSAGES[kind].format(a=attribute(path)))
        return False, None

    def _format(self, fmt: str, value: str, path: str) -> tuple[bool, Any]:
        a = attribute(path)
        if fmt == "date-time":
            parsed = parse_datetime(value)
            if parsed is None:
                self.add(path, f"The {a} is not a valid date.")
                return False, None
            return True, format_datetime(parsed) if NORMALIZE_DATETIMES else value
        if fmt == "date":
            try:
                date.fromisoformat(value)
            except ValueError:
                self.add(path, f"The {a} does not match the format Y-m-d.")
                return False, None
        elif fmt == "time":
            if not _TIME_RE.match(value):
                self.add(path, f"The {a} does not match the format H:i.")
                return False, None
        elif fmt == "digits":
            if not _DIGITS_RE.match(value):
                self.add(path, f"The {a} format is invalid.")
                return False, None
        elif fmt == "timezone" and not _valid_timezone(value):
            self.add(path, f"The {a} must be a valid timezone.")
            return False, None
        return True, value


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def split_csv(values: Iterable[str]) -> list[str]:
    return [part for value in values for part in value.split(",") if part != ""]
