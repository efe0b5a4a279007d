"""A read-once view of a spec's pydantic model: names, aliases, markers and nesting per field.

Everything generic (conversion, check, diff, codegen) walks this tree instead of pydantic's
internals, so the declaration stays the only place a fact about a field lives.
"""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from pulumi_ampeco.specs._base import (
    Computed,
    CreateOnly,
    Equivalent,
    IgnoreItems,
    Immutable,
    Included,
    Nullable,
    Ordered,
    PathParam,
    ReadOnlyValues,
    Reference,
    ResetTo,
    Secret,
    ServerDefault,
    ServerPrepends,
    SubCollection,
    UpdateOnly,
    WriteOnly,
    markers_of,
)


@dataclass(frozen=True)
class FieldMeta:
    name: str
    alias: str
    required: bool
    is_list: bool
    is_map: bool
    """A free-form object (``dict[str, ...]``: a locale -> text map): its keys are data, kept verbatim."""
    nested: ModelMeta | None
    markers: frozenset[Any]
    description: str
    annotation: Any

    def has(self, marker: Any) -> bool:
        return marker in self.markers

    @property
    def computed(self) -> bool:
        return Computed in self.markers

    @property
    def replaces(self) -> bool:
        """A change to this field cannot be applied in place."""
        return bool(self.markers & {Immutable, CreateOnly, PathParam})

    @property
    def server_default(self) -> bool:
        return ServerDefault in self.markers

    @property
    def ordered(self) -> bool:
        return Ordered in self.markers

    @property
    def server_prepends(self) -> bool:
        return ServerPrepends in self.markers

    @property
    def secret(self) -> bool:
        """Secret itself, or holds a secret field somewhere inside."""
        return Secret in self.markers or bool(self.nested and self.nested.has_secret)

    @property
    def equivalents(self) -> tuple[Any, ...]:
        for m in self.markers:
            if isinstance(m, Equivalent):
                return m.values
        return ()

    @property
    def ignored_items(self) -> tuple[Any, ...]:
        for m in self.markers:
            if isinstance(m, IgnoreItems):
                return m.values
        return ()

    @property
    def reference(self) -> Reference | None:
        """The field's reference to another kind of this provider (``Reference("Location")``), if any."""
        for m in self.markers:
            if isinstance(m, Reference) and m.kind is not None:
                return m
        return None

    @property
    def path_param(self) -> bool:
        return PathParam in self.markers

    @property
    def create_only(self) -> bool:
        return CreateOnly in self.markers

    @property
    def update_only(self) -> bool:
        return UpdateOnly in self.markers

    @property
    def nullable(self) -> bool:
        return Nullable in self.markers

    @property
    def write_only(self) -> bool:
        return WriteOnly in self.markers

    @property
    def reset(self) -> ResetTo | None:
        """What removing the argument sends: ``ResetTo(None)`` when nullable, None when nothing can be."""
        for m in self.markers:
            if isinstance(m, ResetTo):
                return m
        return ResetTo(None) if self.nullable else None

    @property
    def include(self) -> str | None:
        for m in self.markers:
            if isinstance(m, Included):
                return m.name
        return None

    @property
    def sub_collection(self) -> SubCollection | None:
        """Where the API keeps the items of this list, if it keeps them apart from the object."""
        for m in self.markers:
            if isinstance(m, SubCollection):
                return m
        return None

    @property
    def after_create(self) -> bool:
        """Not in the create body: written once the object exists (update-only fields, sub-collections)."""
        return UpdateOnly in self.markers or self.sub_collection is not None

    @property
    def read_only_values(self) -> tuple[Any, ...]:
        for m in self.markers:
            if isinstance(m, ReadOnlyValues):
                return m.values
        return ()


@dataclass(frozen=True)
class ModelMeta:
    model: type[BaseModel]
    fields: dict[str, FieldMeta]
    by_alias: dict[str, FieldMeta]

    @property
    def has_secret(self) -> bool:
        return any(f.secret for f in self.fields.values())

    def arguments(self) -> list[FieldMeta]:
        """Fields a user may set (everything but server-computed ones)."""
        return [f for f in self.fields.values() if not f.computed]

    @functools.cached_property
    def includes(self) -> tuple[str, ...]:
        """The ``include[]`` values every read must ask for (fields the API returns only on request)."""
        return tuple(f.include for f in self.fields.values() if f.include)

    @functools.cached_property
    def has_write_only(self) -> bool:
        return any(f.write_only or (f.nested is not None and f.nested.has_write_only) for f in self.fields.values())

    @functools.cached_property
    def sub_collections(self) -> tuple[FieldMeta, ...]:
        """The fields kept as collections of their own (read by listing, written item by item)."""
        return tuple(f for f in self.fields.values() if f.sub_collection is not None)

    @functools.cached_property
    def path_param_names(self) -> tuple[str, ...]:
        """The PathParam fields (parent ids in the URL); asked on every call, so worked out once."""
        return tuple(f.name for f in self.fields.values() if f.path_param)


def _unwrap(annotation: Any) -> tuple[bool, bool, type[BaseModel] | None]:
    """(is a list, is a map, nested model type) of an annotation such as ``list[Translation] | None``."""
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(args[0])
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            if arg is not type(None):
                return _unwrap(arg)
    if origin is list:
        _, _, nested = _unwrap(args[0]) if args else (False, False, None)
        return True, False, nested
    if origin is dict or annotation is dict:
        return False, True, None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return False, False, annotation
    return False, False, None


@functools.cache
def model_meta(model: type[BaseModel]) -> ModelMeta:
    fields: dict[str, FieldMeta] = {}
    for name, info in model.model_fields.items():
        is_list, is_map, nested = _unwrap(info.annotation)
        fields[name] = FieldMeta(
            name=name,
            alias=info.alias or name,
            required=info.is_required(),
            is_list=is_list,
            is_map=is_map,
            nested=model_meta(nested) if nested else None,
            markers=markers_of(list(info.metadata)),
            description=info.description or "",
            annotation=info.annotation,
        )
    return ModelMeta(model, fields, {f.alias: f for f in fields.values()})
