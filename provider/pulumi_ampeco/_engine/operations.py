"""Create, read, update, delete and adopt, for any spec, over the AMPECO client.

On the happy path each costs one API call. The API forces more in five places: a create that
carries update-only fields (a charge point's integrated_at / manufactured_at) needs a follow-up
PATCH; a sub-collection (a configuration template's variables) is listed on read and written item
by item; an adopt reads the object first and updates it only if it differs; a PUT (the whole
object) reads it first, so that what the program does not manage is sent back as it is now; and
a create whose outcome is unknown (response lost after sending, 5xx, a 2xx without the API's body)
is resolved by looking the object up by its natural key, so that a retry never makes a duplicate.

Never taken over: an object this program did not create or adopt. A create refused as "already
taken" is an error naming the existing object and ``adopt_id``; an object found after a lost
response is taken only if it is what the POST sent, was not there before it, and no other resource
of this run created it.
Each operation runs under one deadline (``client.operation_deadline``): no POST, lookup, retry or
wait starts past it.

Where an object lives and which calls reach it (a collection's paths, or actions for an
``ActionDriven`` resource) is ``endpoints``' business, read off the declaration.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

from pulumi_ampeco._engine.claims import Claims
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
from pulumi_ampeco.client import AmpecoClient, current_deadline
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
from pulumi_ampeco.specs._convert import dig, to_python, to_wire
from pulumi_ampeco.specs._schema import FieldMeta, ModelMeta, model_meta

log = logging.getLogger("pulumi_ampeco.engine")

MAX_POSTS = 3
"""POSTs of one create: another one is sent only when the earlier one's outcome was unknown and
the object was then not found by its natural key."""

LOOKUP_ATTEMPTS = 3
"""Natural-key lookups after a create whose outcome is unknown, while the tenant fails transiently
(each one is a listing the client already retries by its own policy; all within the deadline)."""


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


def create(spec: ResourceSpec, client: AmpecoClient, inputs: Mapping[str, Any], *,
           claims: Claims | None = None, adopt_existing: bool = False) -> tuple[str, dict[str, Any]]:
    """Create the object (or take over ``adopt_id``); never takes over an object it did not make.

    ``claims``: the objects this provider process created, so that a lost response is never
    resolved to another resource's object (the provider passes it; alone, nothing is checked).
    ``adopt_existing`` (a set's policy): an object that already has the natural key is taken over
    and brought to the declaration, instead of being an error, unless another resource of this
    run created or took it.
    """
    params = path_params(spec, inputs)
    if inputs.get(ADOPT_ID) is not None:
        return adopt(spec, client, inputs, spec.object_id(inputs[ADOPT_ID]), claims)
    meta = model_meta(spec.model)
    desired = _declared_args(spec, inputs)
    body = to_wire(meta, {k: v for k, v in desired.items() if not meta.fields[k].after_create})
    at = endpoints(spec, client, params)
    live = _post_until_known(spec, at, body, desired, claims, adopt_existing=adopt_existing)
    later = {k: v for k, v in desired.items() if meta.fields[k].update_only}
    try:
        if later:
            live = at.update(live["id"], to_wire(meta, later), "PATCH")
        live = _write_items(at, live, desired, meta.sub_collections)
    except ApiError as exc:
        raise _undo_unfinished_create(spec, at, live["id"], exc) from None
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


def _post_until_known(spec: ResourceSpec, at: Endpoints, body: dict[str, Any],
                      desired: Mapping[str, Any], claims: Claims | None, *,
                      adopt_existing: bool = False) -> dict[str, Any]:
    """POST up to MAX_POSTS times, until the outcome is known; returns the object this create made.

    When a POST's outcome is unknown (the response was lost after sending, a 5xx, a 2xx without
    the API's body), the object is looked up by its natural key: found, it is the one that POST
    made (taken without a second POST); not found, the POST is sent again. That is the only case
    where an existing object is taken: a clean "already taken" refusal of the first POST means an
    object this program did not create has the key, and it is an error naming it (with
    ``adopt_existing``, it is taken over instead: ``_adopt_found``).
    """
    deadline = current_deadline()
    ambiguous: ApiError | None = None  # an earlier POST of this create whose outcome was unknown
    first_sent = datetime.now(timezone.utc)
    unanswered = False  # some POST was sent and no answer came back
    for attempt in range(1, MAX_POSTS + 1):
        if ambiguous is not None and deadline is not None and deadline.passed:
            ambiguous.detail = (f"{ambiguous.detail}; not sent again: {deadline.describe()} has passed "
                                "(ampeco:operationTimeoutSeconds); before running again, look for it in the back "
                                "office and, if it is there, set adopt_id to its id")
            raise ambiguous
        try:
            made = at.create(body)
        except (AmbiguousWriteError, MalformedResponseError) as exc:
            # A 2xx body that is not the API's (no "data", a proxy's page) is as ambiguous as a lost
            # response: the object may have been created, and there is no id to know it by.
            key = key_of(spec, desired)
            if key is None:
                exc.detail += (f" (it may have been created; {spec.kind} has no natural key declared here to "
                               "check: look in the back office and set adopt_id to take it over)")
                raise
            ambiguous = exc
            unanswered = unanswered or getattr(exc, "status", None) is None
            found = _find_after_lost_response(spec, at, desired, exc)
            if found is None:
                if attempt == MAX_POSTS:
                    if unanswered:  # a POST sent but never answered may still be at work on the tenant
                        exc.detail = (f"{attempt} POSTs failed, and after each no {spec.kind} with {key[0]} "
                                      f"{key[1]!r} was found yet; one that went unanswered may still be made: "
                                      "before running again, look for it in the back office and, if it is "
                                      f"there, set adopt_id to its id. Last failure: {exc.detail}")
                    else:
                        exc.detail = (f"{attempt} POSTs failed and after each no {spec.kind} with {key[0]} "
                                      f"{key[1]!r} existed, so none was created; run again later. "
                                      f"Last failure: {exc.detail}")
                    raise
                log.warning("%s create: response lost and no object found; trying again", spec.kind)
                continue
            return _take_own(spec, at, found, desired, claims, first_sent, cause=exc, adopt_existing=adopt_existing)
        except UnprocessableError as exc:
            if not _already_taken(exc):
                raise
            if ambiguous is not None:
                # An earlier POST of this create may have made it after all (a listing that lagged).
                found = _find_after_lost_response(spec, at, desired, ambiguous)
                if found is not None:
                    return _take_own(spec, at, found, desired, claims, first_sent, cause=exc,
                                     adopt_existing=adopt_existing)
            if adopt_existing:
                found = find_existing(spec, at, desired)
                if found is not None:
                    return _adopt_found(spec, at, found, desired, claims, cause=exc)
            raise _taken_by_another(spec, at, desired, exc) from None
        if claims is not None:
            claims.record(at.client.tenant_url, spec.kind, made)
        return made
    raise AssertionError("unreachable")  # pragma: no cover


CLOCK_SKEW_ALLOWANCE = timedelta(minutes=5)
"""How much earlier than this process's clock a tenant's ``created_at`` may read for an object a
POST just made; an object created before that was there before the POST."""


def _find_after_lost_response(spec: ResourceSpec, at: Endpoints, desired: Mapping[str, Any],
                              cause: ApiError) -> dict[str, Any] | None:
    """find_existing, asked again (up to LOOKUP_ATTEMPTS listings) while the tenant fails transiently.

    After a create whose response was lost, the answer decides between taking the object and
    POSTing again, and giving up instead would leave an object the next run cannot see: so a
    lookup that failed is repeated (within the operation's deadline), and if it keeps failing the
    error says the object may exist.
    """
    policy = at.client.retry
    deadline = current_deadline()
    for attempt in range(1, LOOKUP_ATTEMPTS + 1):
        try:
            return find_existing(spec, at, desired)
        except (ServerError, ApiTransportError, RateLimitedError, MalformedResponseError) as exc:
            wait = policy.wait_before(attempt, getattr(exc, "retry_after", None))
            if attempt < LOOKUP_ATTEMPTS and (deadline is None or deadline.allows(wait)):
                policy.sleep(wait)
                continue
            key = key_of(spec, desired)
            assert key is not None
            raise AmbiguousWriteError(
                f"{cause.detail}; looking it up by {key[0]} {key[1]!r} then failed {attempt} times "
                f"(last: {exc}). The {spec.kind} may exist now: before running again, look for it in the "
                "back office and, if it is there, set adopt_id to its id",
                method=cause.method, path=cause.path, status=getattr(cause, "status", None),
            ) from None
    raise AssertionError("unreachable")  # pragma: no cover


def _take_own(spec: ResourceSpec, at: Endpoints, found: dict[str, Any], desired: Mapping[str, Any],
              claims: Claims | None, sent_at: datetime, cause: Exception, *,
              adopt_existing: bool = False) -> dict[str, Any]:
    """The object found after this create's own POST went unanswered: it is the one that POST made,
    unless it differs from what was sent, existed before the POST, or another resource made it.
    With ``adopt_existing``, one that is not (but was not made by another resource) is taken over."""
    key = key_of(spec, desired)
    assert key is not None
    _refuse_claimed(spec, at, found, key, claims, cause)
    if adopt_existing:
        return _adopt_found(spec, at, found, desired, claims, cause=cause)
    created = _created_at(found)
    if created is not None and created < sent_at - CLOCK_SKEW_ALLOWANCE:
        raise AlreadyExistsError(
            f"{spec.kind} create failed: the response was lost, and the {spec.kind} found with {key[0]} "
            f"{key[1]!r} ({spec.kind} {found['id']}) was created at {found.get('createdAt')}, before this create: "
            f"this program did not create it, so it is not taken over. To take it over, set "
            f"adopt_id={found['id']}; to create a new one, give it another {key[0]}. If the same {key[0]} is "
            "declared twice in this program, remove or rename one.", existing_id=found["id"],
        ) from cause
    # Update-only fields and sub-collections were never POSTed (create writes them after), so the
    # found object cannot have them yet: compare what a create sends, and let create do the rest.
    meta = model_meta(spec.model)
    sent = {k: v for k, v in desired.items() if not (k in meta.fields and meta.fields[k].after_create)}
    changes = compare(spec, sent, to_python(meta, found))
    if changes:
        raise AlreadyExistsError(
            f"{spec.kind} create failed: the response was lost, and the {spec.kind} found with {key[0]} "
            f"{key[1]!r} ({spec.kind} {found['id']}) differs from the declaration in: {changes.describe()}, so it "
            f"is not the one this create made. To take it over, set adopt_id={found['id']}; to create a new one, "
            f"give it another {key[0]}.", existing_id=found["id"],
        ) from cause
    log.info("%s create: its response was lost; found the object it made (id %s) by its natural key",
             spec.kind, found["id"])
    if claims is not None:
        claims.record(at.client.tenant_url, spec.kind, found)
    return found


def _refuse_claimed(spec: ResourceSpec, at: Endpoints, found: Mapping[str, Any], key: tuple[str, Any],
                    claims: Claims | None, cause: Exception | None) -> None:
    if claims is not None and claims.made_here(at.client.tenant_url, spec.kind, found):
        raise AlreadyExistsError(
            f"{spec.kind} create failed: {spec.kind} {found['id']} with {key[0]} {key[1]!r} was created by another "
            f"resource of this program in this run (or taken over by it): the same {key[0]} is declared twice. Give "
            f"one of them another {key[0]}."
        ) from cause


def _adopt_found(spec: ResourceSpec, at: Endpoints, found: dict[str, Any], desired: Mapping[str, Any],
                 claims: Claims | None, cause: Exception | None) -> dict[str, Any]:
    """Take over ``found``, an existing object with the declared natural key (a set's
    ``adopt_existing``): brought to the declaration in at most one update, recorded as this run's so
    no other resource takes it too."""
    key = key_of(spec, desired)
    assert key is not None
    _refuse_claimed(spec, at, found, key, claims, cause)
    meta = model_meta(spec.model)
    live_py = to_python(meta, found)
    sent = {k: v for k, v in desired.items() if not (k in meta.fields and meta.fields[k].after_create)}
    changes = compare(spec, sent, live_py)
    if changes.replaces:
        raise AdoptError(
            f"{spec.kind} adopt failed: {spec.kind} {found['id']} with {key[0]} {key[1]!r} differs in "
            f"{', '.join(changes.replaces)}, which cannot change in place. Declare the values it has, or give "
            f"this one another {key[0]}."
        ) from cause
    live = found
    if changes:
        live = send_update(spec, at.client, str(found["id"]), at.params, sent, live_py, changes, live_wire=found)
    log.info("%s %s with %s %r taken over (adopt_existing)", spec.kind, found["id"], key[0], key[1])
    if claims is not None:
        claims.record(at.client.tenant_url, spec.kind, found, taken_over=True)
    return live


def _created_at(obj: Mapping[str, Any]) -> datetime | None:
    value = obj.get("createdAt")
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)


def _taken_by_another(spec: ResourceSpec, at: Endpoints, desired: Mapping[str, Any],
                      refusal: UnprocessableError) -> AlreadyExistsError:
    """The error for a clean "already taken": which object has the key, and what to do about it."""
    key = key_of(spec, desired)
    taken = "; ".join(f"{f}: {' '.join(m)}" for f, m in refusal.field_errors.items())
    if key is None:
        return AlreadyExistsError(
            f"{spec.kind} create failed: the API refused it ({taken}): an existing {spec.kind} has that value. "
            "This program did not create it, so it is not taken over: find its id in the back office and set "
            "adopt_id to take it over, or declare another value."
        )
    name, value = key
    try:
        found = find_existing(spec, at, desired)
    except ApiError as exc:
        found, lookup = None, f" (looking it up failed: {exc})"
    else:
        lookup = ""
    if found is None:
        return AlreadyExistsError(
            f"{spec.kind} create failed: the API refused it ({taken}): a {spec.kind} with {name} {value!r} already "
            f"exists{lookup}. This program did not create it, so it is not taken over: find its id in the back "
            f"office and set adopt_id to take it over, or give this one another {name}. The same {name} may also "
            "be declared twice in this program."
        )
    object_id = found["id"]
    return AlreadyExistsError(
        f"{spec.kind} create failed: {spec.kind} {object_id} with {name} {value!r} already exists, and this "
        f"program did not create it, so it is not taken over. To take it over, set adopt_id={object_id}; to "
        f"create a new one, give it another {name}. If the same {name} is declared twice in this program, "
        "remove or rename one.", existing_id=object_id,
    )


def _undo_unfinished_create(spec: ResourceSpec, at: Endpoints, object_id: Any, cause: ApiError) -> ApiError:
    """The follow-up update of a create failed: delete the half-made object, so no run is left with
    an object it cannot see (the engine records nothing of a failed create)."""
    try:
        at.delete(object_id)
    except ApiError as exc:
        cause.detail = (f"{cause.detail} ({spec.kind} {object_id} was created but not finished, and deleting it "
                        f"again failed too ({exc}): set adopt_id={object_id} to take it over)")
    else:
        cause.detail = (f"{cause.detail} (the {spec.kind} it had just created, {object_id}, was deleted again, "
                        "so nothing is left behind; run again)")
    return cause


def _already_taken(exc: UnprocessableError) -> bool:
    return any("already been taken" in m for msgs in exc.field_errors.values() for m in msgs)


def key_of(spec: ResourceSpec, desired: Mapping[str, Any]) -> tuple[str, Any] | None:
    """The first natural key the user declared, as (dotted name, value)."""
    for name in spec.natural_key:
        value = dig(desired, name)
        if value is not None:
            return name, value
    return None



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
          object_id: int | str, claims: Claims | None = None) -> tuple[str, dict[str, Any]]:
    """Take over an existing object: read it, then bring it to the declared state in one update;
    recorded as this run's, so that the resource that held it before does not delete it."""
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
    if claims is not None:
        claims.record(client.tenant_url, spec.kind, live, taken_over=True)
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


def _handed_over(spec: ResourceSpec, at: Endpoints, object_id: str, olds: Mapping[str, Any], claims: Claims) -> bool:
    """Whether another resource of this run took the object over (same id and creation time: the
    creation time from the state, or, for a set's member whose record has none, one GET)."""
    tenant = at.client.tenant_url
    if not claims.taken_over(tenant, spec.kind, object_id):
        return False
    created = olds.get("created_at")
    if not created:
        try:
            created = at.get(object_id).get("createdAt")
        except NotFoundError:
            return False
    return claims.made_here(tenant, spec.kind, {"id": object_id, "createdAt": created})


def delete(spec: ResourceSpec, client: AmpecoClient, object_id: str, olds: Mapping[str, Any], *,
           claims: Claims | None = None) -> None:
    """Delete the object, unless another resource of this run created or took it over (``claims``):
    then it was handed over, and deleting it would take it from its new owner."""
    at = endpoints(spec, client, path_params(spec, olds))
    if claims is not None and _handed_over(spec, at, object_id, olds, claims):
        log.info("%s %s was taken over by another resource of this run; not deleted", spec.kind, object_id)
        return
    try:
        at.delete(object_id)
    except NotFoundError:
        log.info("%s %s was already gone", spec.kind, object_id)
