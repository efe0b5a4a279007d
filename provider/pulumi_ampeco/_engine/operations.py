"""Create, read, update, delete and adopt, for any spec, over the AMPECO client.

On the happy path each costs one API call. The API forces more in five places: a create that
carries update-only fields (a charge point's integrated_at / manufactured_at) needs a follow-up
PATCH; a sub-collection (a configuration template's variables) is listed on read and written item
by item; an adopt reads the object first and updates it only if it differs; a PUT (the whole
object) reads it first, so that what the program does not manage is sent back as it is now; and
a create whose response was lost, or that the API refuses as "already taken", is resolved by
looking the object up by its natural key, so that a retry never makes a duplicate.

Where an object lives and which calls reach it (a collection's paths, or actions for an
``ActionDriven`` resource) is ``endpoints``' business, read off the declaration.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from pulumi_ampeco._engine.diff import Changes, compare, strip_server_prefix
from pulumi_ampeco._engine.endpoints import Endpoints, endpoints
from pulumi_ampeco._engine.state import (
    MANAGED_KEY,
    declared,
    live_values,
    outputs,
    path_params,
    previously_managed,
)
from pulumi_ampeco.client import AmpecoClient
from pulumi_ampeco.errors import (
    AdoptError,
    AlreadyExistsError,
    AmbiguousWriteError,
    ApiError,
    ApiTransportError,
    MalformedResponseError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    UnprocessableError,
)
from pulumi_ampeco.specs._base import ResourceSpec
from pulumi_ampeco.specs._check import ADOPT_ID, validate_field
from pulumi_ampeco.specs._convert import to_python, to_wire
from pulumi_ampeco.specs._schema import FieldMeta, ModelMeta, model_meta

log = logging.getLogger("pulumi_ampeco.engine")

MAX_CREATE_ATTEMPTS = 3
"""POSTs tried when each earlier one failed ambiguously and the object was then not found."""

LOOKUP_ATTEMPTS = 3
"""Natural-key lookups tried after a failed create while the tenant fails transiently (each one
is a listing the client already retries by its own policy)."""


def _declared_args(spec: ResourceSpec, inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The user's arguments, validated again: inputs cross the wire as protobuf, so ints arrive as floats."""
    params = path_params(spec, inputs)
    meta = model_meta(spec.model)
    args = {}
    for name, value in declared(inputs).items():
        if name in params:
            continue
        fmeta = meta.fields.get(name)
        args[name] = validate_field(spec, fmeta, value)[0] if fmeta is not None else value
    return args


def create(spec: ResourceSpec, client: AmpecoClient, inputs: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    params = path_params(spec, inputs)
    if inputs.get(ADOPT_ID) is not None:
        return adopt(spec, client, inputs, spec.object_id(inputs[ADOPT_ID]))
    meta = model_meta(spec.model)
    desired = _declared_args(spec, inputs)
    body = to_wire(meta, {k: v for k, v in desired.items() if not meta.fields[k].after_create})
    at = endpoints(spec, client, params)
    live = _post_once(spec, at, body, desired)
    later = {k: v for k, v in desired.items() if meta.fields[k].update_only}
    if later:
        live = at.update(live["id"], to_wire(meta, later), "PATCH")
    live = _write_items(at, live, desired, meta.sub_collections)
    return str(live["id"]), outputs(spec, live, inputs)


def _write_items(at: Endpoints, live: dict[str, Any], desired: Mapping[str, Any],
                 fields: tuple[FieldMeta, ...]) -> dict[str, Any]:
    """``live`` with each sub-collection in ``fields`` brought to its declared items (the wire
    form the API then holds); one the program does not declare is listed as it is."""
    if not fields:
        return live
    out = dict(live)
    for fmeta in fields:
        if fmeta.name in desired:
            out[fmeta.alias] = at.sync_items(live["id"], fmeta, list(desired[fmeta.name] or []))
        elif fmeta.alias not in out:
            out[fmeta.alias] = list(at.client.list(at.items_path(live["id"], fmeta)))
    return out


def _post_once(spec: ResourceSpec, at: Endpoints, body: dict[str, Any],
               desired: Mapping[str, Any]) -> dict[str, Any]:
    """POST, resolving a lost response or an "already taken" refusal through the natural key."""
    for attempt in range(1, MAX_CREATE_ATTEMPTS + 1):
        try:
            return at.create(body)
        except (AmbiguousWriteError, MalformedResponseError) as exc:
            # A 2xx body that is not the API's (no "data", a proxy's page) is as ambiguous as a lost
            # response: the object may have been created, and there is no id to know it by.
            key = key_of(spec, desired)
            if key is None:
                exc.detail += (f" (it may have been created; {spec.kind} has no natural key declared here to "
                               "check: look in the back office and set adopt_id to take it over)")
                raise
            found = _look_up_after_failure(spec, at, desired, exc)
            if found is None:
                if attempt == MAX_CREATE_ATTEMPTS:
                    exc.detail = (f"{attempt} POSTs failed and after each no {spec.kind} with {key[0]} "
                                  f"{key[1]!r} existed, so none was created; run again later. "
                                  f"Last failure: {exc.detail}")
                    raise
                log.warning("%s create: response lost and no object found; trying again", spec.kind)
                continue
            return _take_over_found(spec, found, desired, cause=exc)
        except UnprocessableError as exc:
            if not _already_taken(exc):
                raise
            found = _look_up_after_failure(spec, at, desired, exc)
            if found is None:
                raise
            return _take_over_found(spec, found, desired, cause=exc)
    raise AssertionError("unreachable")  # pragma: no cover


def _look_up_after_failure(spec: ResourceSpec, at: Endpoints, desired: Mapping[str, Any],
                           cause: ApiError) -> dict[str, Any] | None:
    """find_existing, tried again while the tenant fails transiently.

    After a create whose response was lost, the answer decides between adopting and POSTing
    again, and giving up instead would leave an object the next run cannot see (and would create
    again): so a lookup that failed is repeated, and if it keeps failing the error says the
    object may exist.
    """
    policy = at.client.retry
    for attempt in range(1, LOOKUP_ATTEMPTS + 1):
        try:
            return find_existing(spec, at, desired)
        except (ServerError, ApiTransportError, RateLimitedError, MalformedResponseError) as exc:
            if attempt < LOOKUP_ATTEMPTS:
                policy.sleep(policy.wait_before(attempt, getattr(exc, "retry_after", None)))
                continue
            if isinstance(cause, UnprocessableError):
                raise  # "already taken": it exists, and the next run looks it up again
            key = key_of(spec, desired)
            assert key is not None
            raise AmbiguousWriteError(
                f"{cause.detail}; looking it up by {key[0]} {key[1]!r} then failed {LOOKUP_ATTEMPTS} times "
                f"(last: {exc}). The {spec.kind} may exist now: before running again, look for it in the "
                "back office and, if it is there, set adopt_id to its id",
                method=cause.method, path=cause.path, status=getattr(cause, "status", None),
            ) from None
    raise AssertionError("unreachable")  # pragma: no cover


def _take_over_found(spec: ResourceSpec, found: dict[str, Any], desired: Mapping[str, Any],
                     cause: Exception) -> dict[str, Any]:
    # Update-only fields and sub-collections were never POSTed (create writes them after), so the
    # found object cannot have them yet: compare what a create sends, and let create do the rest.
    meta = model_meta(spec.model)
    sent = {k: v for k, v in desired.items() if not (k in meta.fields and meta.fields[k].after_create)}
    changes = compare(spec, sent, to_python(meta, found))
    if not changes:
        log.info("%s create: found the object (id %s) by its natural key; taking it over", spec.kind, found["id"])
        return found
    key = key_of(spec, desired)
    assert key is not None
    raise AlreadyExistsError(
        f"{spec.kind} create failed: {spec.kind} {found['id']} with {key[0]} {key[1]!r} already exists "
        f"and differs from the declaration in: {changes.describe()}. To take it over, set adopt_id={found['id']}; "
        f"to create a new one, give it another {key[0]}."
    ) from cause


def _already_taken(exc: UnprocessableError) -> bool:
    return any("already been taken" in m for msgs in exc.field_errors.values() for m in msgs)


def key_of(spec: ResourceSpec, desired: Mapping[str, Any]) -> tuple[str, Any] | None:
    """The first natural key the user declared, as (dotted name, value)."""
    for name in spec.natural_key:
        value = dig(desired, name)
        if value is not None:
            return name, value
    return None


def dig(values: Mapping[str, Any], dotted: str) -> Any:
    current: Any = values
    for part in dotted.split("."):
        if not isinstance(current, Mapping):
            return None
        current = current.get(part)
    return current


def find_existing(spec: ResourceSpec, at: Endpoints, desired: Mapping[str, Any]) -> dict[str, Any] | None:
    """The object ``desired`` names by its first declared natural key, among ``at``'s objects."""
    key = key_of(spec, desired)
    if key is None:
        return None
    name, value = key
    filter_name = spec.natural_key_filters.get(name)
    filters = {filter_name: value} if filter_name else None
    meta = model_meta(spec.model)
    for item in at.list(filters):
        if dig(to_python(meta, item), name) == value:
            return item
    return None


def adopt(spec: ResourceSpec, client: AmpecoClient, inputs: Mapping[str, Any],
          object_id: int | str) -> tuple[str, dict[str, Any]]:
    """Take over an existing object: read it, then bring it to the declared state in one update."""
    params = path_params(spec, inputs)
    try:
        live = endpoints(spec, client, params).get(object_id)
    except NotFoundError as exc:
        raise AdoptError(
            f"{spec.kind} adopt failed: no {spec.kind} with id {object_id} at {exc.path}; "
            "check adopt_id (the number in the back office URL)"
        ) from None
    desired = _declared_args(spec, inputs)
    live_py = to_python(model_meta(spec.model), live)
    changes = compare(spec, desired, live_py)
    if changes.replaces:
        raise AdoptError(
            f"{spec.kind} adopt failed: {spec.kind} {object_id} differs in {', '.join(changes.replaces)}, "
            "which cannot change in place. Declare the values it has, or drop adopt_id to create a new one."
        )
    if changes:
        live = send_update(spec, client, str(object_id), params, desired, live_py, changes, live_wire=live)
    return str(object_id), outputs(spec, live, inputs)


def read(spec: ResourceSpec, client: AmpecoClient, object_id: str,
         olds: Mapping[str, Any]) -> dict[str, Any] | None:
    """The live object as outputs, or None when it is gone."""
    params = path_params(spec, olds)
    try:
        live = endpoints(spec, client, params).get(object_id)
    except NotFoundError:
        return None
    return outputs(spec, live, olds, olds.get(MANAGED_KEY, {}))


def update(spec: ResourceSpec, client: AmpecoClient, object_id: str, olds: Mapping[str, Any],
           news: Mapping[str, Any]) -> dict[str, Any]:
    """Bring the object to ``news``; always returns the full outputs."""
    params = path_params(spec, news)
    desired = _declared_args(spec, news)
    live_py = live_values(olds)
    changes = compare(spec, desired, live_py, previously_managed(olds))
    if not changes:
        # Nothing to send (e.g. only adopt_id or the provider pickle changed): outputs as they were.
        return outputs(spec, live_py, news, wire=False)
    live = send_update(spec, client, object_id, params, desired, live_py, changes,
                       managed_before=olds.get(MANAGED_KEY))
    return outputs(spec, live, news)


def send_update(spec: ResourceSpec, client: AmpecoClient, object_id: str, params: Mapping[str, Any],
                desired: Mapping[str, Any], live_py: Mapping[str, Any], changes: Changes, *,
                live_wire: Mapping[str, Any] | None = None, managed_before: Any = None) -> dict[str, Any]:
    meta = model_meta(spec.model)
    at = endpoints(spec, client, params)
    log.info("%s %s update: %s", spec.kind, object_id, changes.describe() or "(no field changes)")
    items = tuple(f for f in meta.sub_collections if f.name in (*changes.changed, *changes.removed))
    if spec.update_method == "PUT":
        if live_wire is None:  # state may be stale: send back what the tenant holds now
            live_wire = at.get(object_id)
        body = put_body(meta, _typed(spec, desired), live_wire, managed_before)
        return _write_items(at, at.update(object_id, body, "PUT"), _reset_items(desired, changes, items), items)
    names = [*changes.changed, *changes.removed, *spec.always_send]
    patch: dict[str, Any] = {}
    for name in dict.fromkeys(names):
        fmeta = meta.fields[name]
        if fmeta.path_param or fmeta.create_only or fmeta.sub_collection is not None:
            continue
        if name in desired:
            patch[name] = desired[name]
        elif name in spec.always_send:
            patch[name] = live_py.get(name)
        else:
            reset = fmeta.reset
            assert reset is not None, f"{name} cannot be reset"  # compare() only removes resettable fields
            patch[name] = reset.value
    if patch or not items:
        live = at.update(object_id, to_wire(meta, _typed(spec, patch), keep_none=True), "PATCH")
    else:  # only sub-collection items change: the object itself is not written
        live = at.get(object_id)
    return _write_items(at, live, _reset_items(desired, changes, items), items)


def _reset_items(desired: Mapping[str, Any], changes: Changes, items: tuple[FieldMeta, ...]) -> dict[str, Any]:
    """The declared arguments, with each removed sub-collection at its reset value (``[]``: emptied)."""
    out = dict(desired)
    for fmeta in items:
        if fmeta.name in changes.removed and fmeta.reset is not None:
            out[fmeta.name] = fmeta.reset.value
    return out


def _typed(spec: ResourceSpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """Values taken from state crossed protobuf too (ints as floats): bring each to its declared type."""
    meta = model_meta(spec.model)
    return {k: v if v is None else validate_field(spec, meta.fields[k], v)[0] for k, v in values.items()}


def put_body(meta: ModelMeta, desired: Mapping[str, Any], live: Mapping[str, Any], managed_before: Any,
             *, top: bool = True) -> dict[str, Any]:
    """The whole object for a PUT: the declared fields over what the tenant holds now (``live``,
    its wire form), so that a PUT never wipes a field the program does not manage.

    Kept from ``live``, verbatim: every writable field not declared, inside declared nested
    objects too, and fields the declaration does not know (the API returned them, so they are the
    tenant's data; a newer API refusing one fails loudly, where dropping it would lose data
    silently). Not kept: computed fields, ``id``, and fields the program managed before and no
    longer declares (``managed_before``, the old shape): those are reset by leaving them out. A
    map (locale -> text) and a list are declared whole: their live items are not merged in.
    """
    before = managed_before if isinstance(managed_before, Mapping) else {}
    body: dict[str, Any] = {}
    for key, value in live.items():
        field = meta.by_alias.get(key)
        if (top and key == "id") or value is None or (field is not None and (
                field.computed or field.path_param or field.sub_collection is not None)):
            continue
        if field is not None and (field.name in desired or field.name in before):
            continue
        body[key] = value
    for name, value in desired.items():
        field = meta.fields[name]
        if field.path_param or field.sub_collection is not None:
            continue
        have = live.get(field.alias)
        if field.nested is not None and not field.is_list and isinstance(have, Mapping) \
                and isinstance(value, Mapping):
            body[field.alias] = put_body(field.nested, value, have, before.get(name), top=False)
            continue
        wire = to_wire(meta, {name: value})[field.alias]
        if field.server_prepends and isinstance(have, list) and isinstance(wire, list):
            kept = strip_server_prefix(have, wire)
            wire = have[: len(have) - len(kept)] + wire
        body[field.alias] = wire
    return body


def delete(spec: ResourceSpec, client: AmpecoClient, object_id: str, olds: Mapping[str, Any]) -> None:
    try:
        endpoints(spec, client, path_params(spec, olds)).delete(object_id)
    except NotFoundError:
        log.info("%s %s was already gone", spec.kind, object_id)
