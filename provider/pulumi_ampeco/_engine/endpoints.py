"""Where one spec's objects live in the API, and the calls that reach them, read off the declaration.

Most resources are a collection: POST to create, GET/PATCH/PUT/DELETE its item path. An
``ActionDriven`` one (a charge point's membership of a circuit) has no path: its actions write
it, and it is one item of a list its parent returns with ``include[]``. A ``SubCollection``
field (a configuration template's variables) is listed beside the object it belongs to and
written item by item (``sync_items``). The engine and export call these five methods and never
ask which kind of resource they have.

Imports neither pulumi nor grpc: export uses it too.
"""

from __future__ import annotations

import builtins
import json
import logging
from collections.abc import Iterator, Mapping
from typing import Any, Literal

from pulumi_ampeco.client import AmpecoClient
from pulumi_ampeco.errors import AmbiguousWriteError, MalformedResponseError, NotFoundError
from pulumi_ampeco.specs._base import Action, ActionDriven, ResourceSpec, integral
from pulumi_ampeco.specs._convert import to_python, to_wire
from pulumi_ampeco.specs._schema import FieldMeta, ModelMeta, model_meta

__all__ = ["Endpoints", "endpoints"]

log = logging.getLogger("pulumi_ampeco.engine")

Wire = dict[str, Any]

ITEM_CREATE_ATTEMPTS = 3
"""POSTs of one sub-collection item tried while each fails ambiguously and the item is then not found."""


def endpoints(spec: ResourceSpec, client: AmpecoClient, params: Mapping[str, Any]) -> Endpoints:
    """The calls for ``spec``'s objects under the parents ``params`` (PathParam name -> id)."""
    return Endpoints(spec, client, params)


class Endpoints:
    """create / get / list / update / delete of one spec's objects under given parents, in the
    API's wire form (camelCase dicts with ``id``), sub-collections included."""

    def __init__(self, spec: ResourceSpec, client: AmpecoClient, params: Mapping[str, Any]) -> None:
        self.spec = spec
        self.client = client
        self.params = dict(params)
        self.meta: ModelMeta = model_meta(spec.model)
        self.collection = spec.collection_path(self.params)
        """The list/create path; for an ActionDriven resource, the parent object's path."""

    def item_path(self, object_id: Any) -> str:
        return self.spec.item_path(self.params, object_id)

    # -- the five calls ----------------------------------------------------------------------

    def create(self, body: Mapping[str, Any]) -> Wire:
        """Create from a wire body; returns the object as the API now holds it (without the
        sub-collections, which ``sync_items`` writes after)."""
        actions = self.spec.actions
        if actions is None:
            return self.client.create(self.collection, body, include=self.meta.includes)
        self._act(actions.create, body, None)
        return self.get(body[self._alias(actions.id)])

    def get(self, object_id: Any) -> Wire:
        """One object, its sub-collections listed in; NotFoundError when it is gone."""
        actions = self.spec.actions
        if actions is None:
            return self._with_items(self.client.get(self.item_path(object_id), include=self.meta.includes), object_id)
        wanted = self.spec.object_id(object_id)
        for item in self._listed(actions):
            if self.spec.object_id(item["id"]) == wanted:
                return item
        raise NotFoundError(method="GET", path=self.collection, status=404,
                            api_message=f"{self.spec.kind} {object_id} is not in {actions.listed_in} of {self.collection}")

    def list(self, filters: Mapping[str, Any] | None = None, *, items: bool = False) -> Iterator[Wire]:
        """Every object; with ``items``, each with its sub-collections listed in (one more listing
        per object, so only when they are wanted: export, not a natural-key lookup)."""
        actions = self.spec.actions
        if actions is not None:
            return iter(self._listed(actions))
        listed = self.client.list(self.collection, filters=filters, include=self.meta.includes)
        if not (items and self.meta.sub_collections):
            return listed
        return (self._with_items(live, live["id"]) for live in listed)

    def update(self, object_id: Any, body: Mapping[str, Any], method: Literal["PATCH", "PUT"]) -> Wire:
        actions = self.spec.actions
        if actions is None:
            live = self.client.update(self.item_path(object_id), body, method=method, include=self.meta.includes)
            return self._with_items(live, object_id)
        self._act(actions.update, body, object_id)
        return self.get(object_id)

    def delete(self, object_id: Any) -> None:
        """NotFoundError when it was gone already (the caller decides what that means)."""
        actions = self.spec.actions
        if actions is None:
            self.client.delete(self.item_path(object_id))
        else:
            self._act(actions.delete, {}, object_id)

    # -- sub-collections -------------------------------------------------------------------------

    def items_path(self, object_id: Any, fmeta: FieldMeta) -> str:
        assert fmeta.sub_collection is not None
        return f"{self.item_path(object_id)}/{fmeta.sub_collection.path}"

    def _with_items(self, live: Wire, object_id: Any) -> Wire:
        if not self.meta.sub_collections:
            return live
        out = dict(live)
        for fmeta in self.meta.sub_collections:
            out[fmeta.alias] = list(self.client.list(self.items_path(object_id, fmeta)))
        return out

    def sync_items(self, object_id: Any, fmeta: FieldMeta, desired: builtins.list[Mapping[str, Any]]) -> builtins.list[Wire]:
        """Make the sub-collection ``fmeta`` hold exactly ``desired`` (Python items): items whose
        key is not declared are deleted, declared ones missing are created, and ones whose other
        fields differ are PATCHed. Returns the items as the API then holds them."""
        rule = fmeta.sub_collection
        assert rule is not None and fmeta.nested is not None
        nested = fmeta.nested
        path = self.items_path(object_id, fmeta)
        live = list(self.client.list(path))
        by_key: dict[str, Wire] = {}
        for held in live:
            by_key.setdefault(_key(rule.key, to_python(nested, held)), held)
        wanted = {_key(rule.key, item): item for item in desired}
        for key, stale in by_key.items():
            if key not in wanted:
                log.info("%s %s: deleting %s item %s", self.spec.kind, object_id, fmeta.name, stale.get("id"))
                self.client.delete(f"{path}/{stale['id']}")
        result: builtins.list[Wire] = []
        for key, item in wanted.items():
            body = to_wire(nested, item)
            have = by_key.get(key)
            if have is None:
                result.append(self._create_item(path, body, rule.key, nested, key))
            elif any(_differs(nested.by_alias.get(k), have.get(k), v) for k, v in body.items()):
                result.append(self.client.update(f"{path}/{have['id']}", body, method="PATCH"))
            else:
                result.append(have)
        return result

    def _create_item(self, path: str, body: Mapping[str, Any], key_fields: tuple[str, ...], nested: ModelMeta,
                     key: str) -> Wire:
        """POST one item; when its response was lost, the item is looked for by its key and POSTed
        again only if it is not there (as a create is: a lost response never makes a duplicate)."""
        for attempt in range(1, ITEM_CREATE_ATTEMPTS + 1):
            try:
                return self.client.create(path, body)
            except (AmbiguousWriteError, MalformedResponseError):
                found = next((i for i in self.client.list(path) if _key(key_fields, to_python(nested, i)) == key),
                             None)
                if found is not None:
                    log.info("%s: item %s was created (its response was lost); found by its key", self.spec.kind, key)
                    return found
                if attempt == ITEM_CREATE_ATTEMPTS:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    # -- actions -----------------------------------------------------------------------------

    def _listed(self, actions: ActionDriven) -> builtins.list[Wire]:
        parent = self.client.get(self.collection, include=(actions.listed_in,))
        items = parent.get(actions.listed_in)
        if not isinstance(items, builtins.list):
            items = []
        id_alias = self._alias(actions.id)
        return [{**item, id_alias: item.get("id")} for item in items if isinstance(item, Mapping)]

    def _act(self, action: Action, body: Mapping[str, Any], object_id: Any) -> None:
        values = {k: integral(v) for k, v in {**self.params, **to_python(self.meta, body)}.items()}
        if object_id is not None and self.spec.actions is not None:
            values[self.spec.actions.id] = self.spec.object_id(object_id)
        sent = {self._alias(name): body[self._alias(name)] for name in action.body if self._alias(name) in body}
        self.client.action(action.path.format(**values), sent)

    def _alias(self, name: str) -> str:
        return self.meta.fields[name].alias


def _key(fields: tuple[str, ...], item: Mapping[str, Any]) -> str:
    return json.dumps([item.get(name) for name in fields], default=str)


def _differs(fmeta: FieldMeta | None, have: Any, want: Any) -> bool:
    from pulumi_ampeco._engine.diff import canonical  # the provider's comparison; export never syncs

    return canonical(fmeta, have, want) != canonical(fmeta, want, want)
