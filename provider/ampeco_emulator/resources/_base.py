"""What every resource shares: validate -> check references/uniqueness -> store -> present.

A resource module subclasses :class:`Resource`, declares its schema tweaks, response fields,
filters, includes and unique keys, and overrides the hooks (``check``, ``on_create``,
``on_update``, ``refuse_delete``, ``cascade``) for its own rules. Handlers never touch HTTP here:
they get Python values and raise errors from ``ampeco_emulator.errors``.

Every *inferred* behaviour of a resource is listed in that module's ``INFERRED`` mapping
(behaviour -> what we chose), so a correction starts there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

from ..errors import BadRequest, refused, validation_failed
from ..store import Obj, Tenant
from ..validation import (
    OMIT_NULLS_IN_RESPONSES,
    Field,
    Validator,
    msg_invalid,
    msg_taken,
    optional,
    parse_datetime,
    without_write_only,
)

Matcher = Callable[[Tenant, Obj, list[str]], bool]
ActionFn = Callable[[Tenant, Mapping[str, Obj], Mapping[str, Any]], None]
"""An action: (tenant, the path's objects by parameter, the JSON body) -> None (202, no body)."""
OPERATIONS = frozenset({"list", "create", "read", "update", "delete"})
KeyFn = Callable[[Obj], Hashable | None]
IncludeFn = Callable[[Tenant, Obj], Any]


@dataclasses.dataclass(frozen=True)
class Ctx:
    """Where a call came from: the path's parent objects and the API variant (e.g. EVSE "v2.1")."""

    parents: Mapping[str, Obj] = dataclasses.field(default_factory=dict)
    variant: str | None = None


# ---------------------------------------------------------------- helpers


def get_path(obj: Mapping[str, Any] | None, path: str) -> Any:
    value: Any = obj
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def _matches(actual: Any, wanted: str) -> bool:
    if actual is None:
        return wanted.lower() == "null"
    if isinstance(actual, bool):
        return wanted.lower() in (("true", "1") if actual else ("false", "0"))
    if isinstance(actual, float):
        try:
            return float(wanted) == actual
        except ValueError:
            return False
    return str(actual) == wanted


def eq(path: str) -> Matcher:
    def match(tenant: Tenant, obj: Obj, values: list[str]) -> bool:
        actual = get_path(obj, path)
        return any(_matches(actual, v) for v in values)

    return match


def contains(path: str) -> Matcher:
    """The list at ``path`` contains one of the values (``filter[tag]``)."""

    def match(tenant: Tenant, obj: Obj, values: list[str]) -> bool:
        items = get_path(obj, path) or []
        return any(v in items for v in values)

    return match


def is_set(path: str) -> Matcher:
    """``filter[roaming]=true|false``: whether ``path`` holds a value."""

    def match(tenant: Tenant, obj: Obj, values: list[str]) -> bool:
        has = get_path(obj, path) is not None
        return any(v.lower() in (("true", "1") if has else ("false", "0")) for v in values)

    return match


def date_cmp(path: str, after: bool, name: str) -> Matcher:
    """Inclusive date bound (``filter[lastUpdatedAfter]``, ``filter[expireAt]``)."""

    def match(tenant: Tenant, obj: Obj, values: list[str]) -> bool:
        bound = parse_datetime(values[0])
        if bound is None:
            raise validation_failed({f"filter.{name}": [f"The filter.{name} is not a valid date."]})
        actual = get_path(obj, path)
        if actual is None:
            return False
        when = parse_datetime(actual)
        if when is None:
            return False
        return when >= bound if after else when <= bound

    return match


def never(tenant: Tenant, obj: Obj, values: list[str]) -> bool:
    """A filter on data the emulator never has (boot notification, vendor, circuit...)."""
    return any(v.lower() == "null" for v in values)


LAST_UPDATED_FILTERS: dict[str, Matcher] = {
    "lastUpdatedAfter": date_cmp("lastUpdatedAt", True, "lastUpdatedAfter"),
    "lastUpdatedBefore": date_cmp("lastUpdatedAt", False, "lastUpdatedBefore"),
}


# ---------------------------------------------------------------- the base class


class Resource:
    key: str = ""  # section of fields.json
    collection: str = ""
    model: str = ""  # Laravel model name in 404 messages
    update_method: str = "PATCH"
    # routing (``routes.py`` serves list/create on ``path`` and read/update/delete on ``path/{param}``)
    path: str = ""  # the collection's URL path, with the parents' {param}s
    param: str = ""  # the path parameter naming one object ("chargePoint")
    parent: tuple[str, str] | None = None  # (parent's path parameter, field naming the parent)
    paginated: bool = True  # False: the listing is {"data": [...]} only
    variants: Mapping[str, str] = {}  # API variant -> its own collection path (EVSE "v2.1")
    operations: frozenset[str] = OPERATIONS  # the ones the API serves (template variables have no read)
    # action path (with the path's {param}s) -> name of the method doing it (POST, 202, no body)
    actions: Mapping[str, str] = {}
    timestamps: tuple[str, ...] = ("createdAt", "lastUpdatedAt")
    response_fields: tuple[str, ...] = ()
    filters: Mapping[str, Matcher] = {}
    # filter name -> unique key path used to answer it without a scan
    indexed_filters: Mapping[str, str] = {}
    unique: Mapping[str, KeyFn] = {}
    includes: Mapping[str, IncludeFn] = {}
    # stored value of a writable field that was never sent (default: None)
    defaults: Mapping[str, Any] = {}
    # top-level response fields kept as null when they have no value (the response schema requires
    # the key); every other field without a value is left out (validation.OMIT_NULLS_IN_RESPONSES)
    response_nulls: frozenset[str] = frozenset()
    INFERRED: Mapping[str, str] = {}

    def __init__(self) -> None:
        self.schema: dict[str, Field] = self.build_schema()
        self.writable: tuple[str, ...] = tuple(
            dict.fromkeys([*self.schema, *self.update_schema(None), *self.create_schema("v2.1")])
        )

    # ---- schema (override to adjust) --------------------------------------------------
    def build_schema(self) -> dict[str, Field]:
        raise NotImplementedError

    def create_schema(self, variant: str | None) -> Mapping[str, Field]:
        return self.schema

    def update_schema(self, variant: str | None) -> Mapping[str, Field]:
        if self.update_method == "PUT":
            return self.schema
        return optional(self.schema)

    def response_fields_for(self, variant: str | None) -> tuple[str, ...]:
        return self.response_fields

    def includes_for(self, variant: str | None) -> Mapping[str, IncludeFn]:
        return self.includes

    # ---- hooks ------------------------------------------------------------------------
    def check(self, tenant: Tenant, v: Validator, new: Obj, sent: Obj, current: Obj | None, ctx: Ctx) -> None:
        """Cross-field, reference and conditional rules; add errors to ``v``."""

    def on_create(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        """Server-side effects and computed fields at creation (obj already has its id)."""

    def on_update(self, tenant: Tenant, new: Obj, current: Obj, sent: Obj, ctx: Ctx) -> None:
        """Server-side effects on update."""

    def refuse_delete(self, tenant: Tenant, obj: Obj) -> str | None:
        """A message if something still references ``obj``."""
        return None

    def cascade(self, tenant: Tenant, obj: Obj) -> None:
        """Delete the children that go with ``obj``."""

    # ---- shared rules -----------------------------------------------------------------
    def blank(self) -> Obj:
        return {name: _copy(self.defaults.get(name)) for name in self.writable}

    def prepare(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        """Fill parent ids from the path before checks (override)."""

    def check_exists(self, tenant: Tenant, v: Validator, path: str, value: Any, collection: str) -> None:
        if value is None or not v.ok(path):
            return
        if tenant[collection].get(value) is None:
            v.add(path, msg_invalid(path))

    def check_unique(self, tenant: Tenant, v: Validator, new: Obj, current: Obj | None) -> None:
        for path, key_fn in self.unique.items():
            key = key_fn(new)
            if key is None or not v.ok(path):
                continue
            owner = tenant.unique.get((self.collection, path), {}).get(key)
            if owner is not None and (current is None or owner != current["id"]):
                v.add(path, msg_taken(path))

    def index(self, tenant: Tenant, obj: Obj) -> None:
        for path, key_fn in self.unique.items():
            key = key_fn(obj)
            if key is not None:
                tenant.unique.setdefault((self.collection, path), {})[key] = obj["id"]

    def unindex(self, tenant: Tenant, obj: Obj) -> None:
        for path, key_fn in self.unique.items():
            key = key_fn(obj)
            index = tenant.unique.get((self.collection, path), {})
            if key is not None and index.get(key) == obj["id"]:
                del index[key]

    # ---- operations -------------------------------------------------------------------
    def create(self, tenant: Tenant, body: Mapping[str, Any], ctx: Ctx) -> Obj:
        v = Validator()
        sent = v.clean_object(self.create_schema(ctx.variant), body)
        obj = self.blank()
        obj.update(sent)
        self.prepare(tenant, obj, ctx)
        self.check(tenant, v, obj, sent, None, ctx)
        self.check_unique(tenant, v, obj, None)
        v.raise_if_errors(self.create_schema(ctx.variant))
        obj = {"id": tenant.next_id(self.collection), **obj}
        now = tenant.now()
        for stamp in self.timestamps:
            obj[stamp] = now
        self.on_create(tenant, obj, ctx)
        self.store(tenant, obj)
        return obj

    def store(self, tenant: Tenant, obj: Obj) -> None:
        tenant[self.collection].add(obj)
        self.index(tenant, obj)

    def update(self, tenant: Tenant, current: Obj, body: Mapping[str, Any], ctx: Ctx) -> Obj:
        v = Validator()
        sent = v.clean_object(self.update_schema(ctx.variant), body)
        new = dict(current)
        if self.update_method == "PUT":  # full replacement: what is not sent is reset
            new.update(self.blank())
        new.update(sent)
        self.check(tenant, v, new, sent, current, ctx)
        self.check_unique(tenant, v, new, current)
        v.raise_if_errors(self.update_schema(ctx.variant))
        self.on_update(tenant, new, current, sent, ctx)
        if "lastUpdatedAt" in self.timestamps:
            new["lastUpdatedAt"] = tenant.now()
        self.unindex(tenant, current)
        current.clear()
        current.update(new)
        self.index(tenant, current)
        return current

    def delete(self, tenant: Tenant, obj: Obj) -> None:
        reason = self.refuse_delete(tenant, obj)
        if reason:
            raise refused(reason)
        self.cascade(tenant, obj)
        self.remove(tenant, obj)

    def remove(self, tenant: Tenant, obj: Obj) -> None:
        self.unindex(tenant, obj)
        tenant[self.collection].remove(obj["id"])

    def present(self, tenant: Tenant, obj: Obj, includes: Iterable[str], ctx: Ctx) -> dict[str, Any]:
        # top-level fields are the module's response_fields; nested ones follow the schema, less write-only ones
        out = {name: self._returned(name, obj.get(name)) for name in self.response_fields_for(ctx.variant)}
        if OMIT_NULLS_IN_RESPONSES:
            out = {k: v if k in self.response_nulls else without_nulls(v)
                   for k, v in out.items() if v is not None or k in self.response_nulls}
        available = self.includes_for(ctx.variant)
        for name in includes:
            out[name] = available[name](tenant, obj)
        return out

    def _returned(self, name: str, value: Any) -> Any:
        f = self.schema.get(name)
        if f is not None and f.nested is not None:
            return without_write_only(value, f.nested)
        return value

    # ---- listing ----------------------------------------------------------------------
    def allowed_filters(self, variant: str | None) -> Mapping[str, Matcher]:
        return self.filters

    def check_query(self, filters: Mapping[str, Any], includes: Iterable[str], variant: str | None) -> None:
        """Spatie query builder refusals: unknown filter / include -> 400."""
        allowed = self.allowed_filters(variant)
        unknown = [name for name in filters if name not in allowed]
        if unknown:
            raise BadRequest(
                f"Requested filter(s) `{', '.join(unknown)}` are not allowed. "
                f"Allowed filter(s) are `{', '.join(allowed)}`."
            )
        allowed_inc = self.includes_for(variant)
        bad = [name for name in includes if name not in allowed_inc]
        if bad:
            raise BadRequest(
                f"Requested include(s) `{', '.join(bad)}` are not allowed. "
                f"Allowed include(s) are `{', '.join(allowed_inc)}`."
            )


def without_nulls(value: Any) -> Any:
    """``value`` with null-valued keys left out of every object inside it (list items are kept)."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def children(tenant: Tenant, collection: str, field: str, parent_id: int) -> list[Obj]:
    return [o for o in tenant[collection] if o.get(field) == parent_id]


def ids_text(objs: Iterable[Obj]) -> str:
    return ", ".join(str(o["id"]) for o in objs)
