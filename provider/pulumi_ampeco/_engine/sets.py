"""Check, diff, create, read, update and delete a ``MemberSet`` (``IdTagSet``): many objects of one
kind as one resource, written member by member, and only where something changed.

State (the set's outputs): ``<field>`` (``tags``) maps each member's key to what is known of it
live: the fields the program declares for it, each as declared where the tenant holds the same
value (so a refresh with no change writes back exactly the inputs), else as the tenant holds it;
``ids`` maps it to its AMPECO id; ``__pending`` lists members whose create may or may not have
happened (a POST whose answer was lost, and whose lookup then failed too), with when it was sent
and what it sent.

``diff`` compares the declaration with that state, member by member, with the member kind's own
comparison (``diff.compare``), and makes no API call. An update POSTs the added members, PATCHes
the changed fields of changed ones and DELETEs the removed ones (``operations``: the single
resource's create, update and delete, so a lost answer is resolved by the member's key and an
"already taken" is refused as not this program's, unless ``adopt_existing`` takes it over),
``concurrency`` at a time in a thread pool over the client's one connection pool, with the client's
retries on every call. Each member operation has the deadline one resource's has
(``ampeco:operationTimeoutSeconds``); the whole call has that deadline once per
``REQUESTS_PER_TIMEOUT`` member operations per lane (``scaled_timeout``).

A member that fails does not stop the others (unless most do: ``MAX_FAILURES``; or on a 401), and
one that failed transiently is tried again at the end (``ROUNDS``). The call then fails with a ``MembersFailedError`` holding the outputs of what
was done, which the provider hands to the engine as a partial failure (``partial``): the state
records every member written, and the next run writes only the rest. Refresh lists the member
kind's collection once (``ceil(n/100)`` pages) and keeps what it finds of the members' ids.
"""

from __future__ import annotations

import contextvars
import logging
import math
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from pulumi_ampeco._engine import operations
from pulumi_ampeco._engine.claims import Claims
from pulumi_ampeco._engine.diff import Changes, canonical, compare
from pulumi_ampeco._engine.endpoints import endpoints
from pulumi_ampeco._engine.state import MANAGED_KEY, live_values, shape_of
from pulumi_ampeco._engine.state import outputs as state_outputs
from pulumi_ampeco.client import AmpecoClient, operation_deadline
from pulumi_ampeco.errors import (
    AlreadyExistsError,
    AmbiguousWriteError,
    AmpecoError,
    ApiTransportError,
    AuthenticationError,
    MalformedResponseError,
    MembersFailedError,
    NotFoundError,
    RateLimitedError,
    ServerError,
)
from pulumi_ampeco.specs._base import MemberSet, ResourceSpec
from pulumi_ampeco.specs._check import validate_field
from pulumi_ampeco.specs._convert import to_python
from pulumi_ampeco.specs._members import ADOPT_EXISTING, member_spec
from pulumi_ampeco.specs._schema import model_meta

__all__ = [
    "DEFAULT_CONCURRENCY",
    "IDS_KEY",
    "MAX_FAILURES",
    "PENDING_KEY",
    "REQUESTS_PER_TIMEOUT",
    "MemberPlan",
    "create",
    "delete",
    "has_changes",
    "plan",
    "read",
    "refreshed_inputs",
    "scaled_timeout",
    "update",
]

log = logging.getLogger("pulumi_ampeco.engine")

DEFAULT_CONCURRENCY = 8
"""Member operations in flight at once (``ampeco:setConcurrency``): below the client's pool of 10
connections, leaving room for the provider's other calls (the engine sends at most 4 at a time)."""

MAX_FAILURES = 25
"""Failed members after which, when they are more than half of those tried, no new member
operation starts: a tenant that refuses everything (down, rate-limiting hard) is not sent all of a
100,000-member set, each with its retries; a flaky one that fails a few is."""

ROUNDS = 3
"""Passes over the members that failed transiently (5xx, 429, no response: after the client's own
retries), the first included."""

TRANSIENT = (ApiTransportError, ServerError, RateLimitedError, MalformedResponseError, AmbiguousWriteError)

REQUESTS_PER_TIMEOUT = 100
"""The call's deadline is ``ampeco:operationTimeoutSeconds`` once per this many member operations
in each lane (a single resource's operation makes 1-3 requests)."""

LIST_TO_ADOPT_ABOVE = 20
"""With ``adopt_existing``, more members to add than this are looked for with one listing of the
collection (``ceil(n/100)`` pages) instead of one filtered GET each."""

SHOWN = 10
"""Failed members named one by one in a set's error; the rest are counted."""

IDS_KEY = "ids"
PENDING_KEY = "__pending"
_ID_PREFIX = "set-"


def scaled_timeout(timeout: float, operations_count: int, concurrency: int) -> float:
    """The deadline of a whole set call: ``timeout`` (one resource's) per REQUESTS_PER_TIMEOUT member
    operations per lane, and never less than ``timeout``."""
    lanes = max(1, concurrency)
    return timeout * max(1, math.ceil(operations_count / (lanes * REQUESTS_PER_TIMEOUT)))


# -- what is declared, and what the state knows ----------------------------------------------


def _members(s: MemberSet, values: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    members = values.get(s.field)
    return {str(k): dict(v) for k, v in members.items()} if isinstance(members, Mapping) else {}


def _ids(values: Mapping[str, Any]) -> dict[str, Any]:
    ids = values.get(IDS_KEY)
    return dict(ids) if isinstance(ids, Mapping) else {}


def _pending(values: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    pending = values.get(PENDING_KEY)
    return {str(k): dict(v) for k, v in pending.items()} if isinstance(pending, Mapping) else {}


@dataclass
class MemberPlan:
    """What an update does, per member key."""

    added: list[str] = field(default_factory=list)
    changed: dict[str, Changes] = field(default_factory=dict)
    replaced: list[str] = field(default_factory=list)
    """Changed where the member kind cannot change in place: deleted, then created again."""
    removed: list[str] = field(default_factory=list)

    @property
    def operations(self) -> int:
        return len(self.added) + len(self.changed) + 2 * len(self.replaced) + len(self.removed)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.replaced or self.removed)

    def describe(self) -> str:
        return (f"{len(self.added)} to create, {len(self.changed)} to update, {len(self.replaced)} to replace, "
                f"{len(self.removed)} to delete")


def plan(s: MemberSet, news: Mapping[str, Any], olds: Mapping[str, Any]) -> MemberPlan:
    """The declared members (``news``) against the state (``olds``, outputs): no API call."""
    spec = member_spec(s)
    desired, live, ids = _members(s, news), _members(s, olds), _ids(olds)
    out = MemberPlan()
    for key, want in desired.items():
        have = live.get(key)
        if have is None or key not in ids:
            out.added.append(key)
            continue
        if want == have:  # the steady state: the record holds the declared values
            continue
        changes = compare(spec, want, have, have.keys())
        if changes.replaces:
            out.replaced.append(key)
        elif changes:
            out.changed[key] = changes
    out.removed = [key for key in ids if key not in desired]
    return out


def has_changes(s: MemberSet, olds: Mapping[str, Any], news: Mapping[str, Any]) -> bool:
    return bool(plan(s, news, olds))


def _record(spec: ResourceSpec, values: Mapping[str, Any], live: Mapping[str, Any]) -> dict[str, Any]:
    """What the state keeps of one member: each of ``values`` (the declared fields after a write,
    the recorded ones on a refresh) as given where the tenant holds the same value (another
    spelling of it, an equivalent), else as the tenant holds it; a field the tenant no longer
    returns is dropped."""
    meta = model_meta(spec.model)
    out: dict[str, Any] = {}
    for name, want in values.items():
        fmeta = meta.fields.get(name)
        if fmeta is None:
            continue
        if fmeta.write_only:
            out[name] = want  # never returned: what was sent is all there is to compare
            continue
        have = live.get(name)
        if have is None:
            continue
        out[name] = want if want == have or canonical(fmeta, want, want) == canonical(fmeta, have, want) else have
    return out


def outputs(s: MemberSet, records: Mapping[str, Any], ids: Mapping[str, Any], pending: Mapping[str, Any],
            carry: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {s.field: dict(records), IDS_KEY: dict(ids)}
    if pending:
        out[PENDING_KEY] = dict(pending)
    if carry.get(ADOPT_EXISTING) is not None:
        out[ADOPT_EXISTING] = carry[ADOPT_EXISTING]
    return out


def refreshed_inputs(s: MemberSet, outs: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs a refresh writes back: the members found, as recorded."""
    ids = _ids(outs)
    inputs: dict[str, Any] = {s.field: {k: v for k, v in _members(s, outs).items() if k in ids}}
    if outs.get(ADOPT_EXISTING) is not None:
        inputs[ADOPT_EXISTING] = outs[ADOPT_EXISTING]
    return inputs


# -- writing members ---------------------------------------------------------------------------


class _Writer:
    """One set call's member operations, run ``concurrency`` at a time; the outputs so far."""

    def __init__(self, s: MemberSet, client: AmpecoClient, olds: Mapping[str, Any], news: Mapping[str, Any], *,
                 claims: Claims | None, timeout: float, concurrency: int) -> None:
        self.s, self.spec, self.client, self.claims = s, member_spec(s), client, claims
        self.meta = model_meta(self.spec.model)
        self.timeout, self.concurrency = timeout, max(1, concurrency)
        self.desired = _members(s, news)
        # Ids crossed protobuf as floats: back to the API's type (5.0 would be another path).
        self.ids = {k: self.spec.object_id(v) for k, v in _ids(olds).items()}
        self.records = {k: v for k, v in _members(s, olds).items() if k in self.ids}
        self.pending = _pending(olds)
        self.adopt_existing = news.get(ADOPT_EXISTING) is True
        self.existing: dict[str, dict[str, Any]] | None = None
        """With adopt_existing and many members to add: the tenant's objects with their keys, listed once."""
        self.news = news
        self.lock = threading.Lock()
        self.failures: dict[str, Exception] = {}
        self.not_attempted = 0
        self.attempted = 0
        self.stop = threading.Event()

    # the operations ----------------------------------------------------------------------

    def _args(self, key: str) -> dict[str, Any]:
        """The member's arguments as one resource of its kind has them (ints came as floats)."""
        args = {self.s.key: key}
        for name, value in self.desired[key].items():
            fmeta = self.meta.fields.get(name)
            args[name] = validate_field(self.spec, fmeta, value)[0] if fmeta is not None and value is not None else value
        return args

    def _done(self, key: str, object_id: Any, outs: Mapping[str, Any]) -> None:
        record = _record(self.spec, self.desired[key], live_values(outs))
        with self.lock:
            self.records[key] = record
            self.ids[key] = self.spec.object_id(object_id)
            self.pending.pop(key, None)

    def _gone(self, key: str) -> None:
        with self.lock:
            self.records.pop(key, None)
            self.ids.pop(key, None)

    def find_existing(self, keys: list[str]) -> None:
        """With ``adopt_existing``: the existing objects with the keys to add, looked up before any
        POST (a migration adopts thousands: one listing, not a refused POST and a lookup each).
        Past LIST_TO_ADOPT_ABOVE keys the collection is listed once; below, each key is looked up
        when its turn comes (one filtered GET)."""
        if len(keys) <= LIST_TO_ADOPT_ABOVE:
            return
        wanted, meta, found = set(keys), self.meta, {}
        for item in endpoints(self.spec, self.client, {}).list():
            key = to_python(meta, item).get(self.s.key)
            if key in wanted and key not in found:
                found[key] = item
        self.existing = found

    def _adopt(self, key: str, args: dict[str, Any]) -> bool:
        """Take over the existing object with this key, if there is one; whether there was."""
        at = endpoints(self.spec, self.client, {})
        found = self.existing.get(key) if self.existing is not None else operations.find_existing(self.spec, at, args)
        if found is None:
            return False
        live = operations._adopt_found(self.spec, at, found, args, self.claims, None)
        self._done(key, live["id"], state_outputs(self.spec, live, args))
        return True

    def add(self, key: str) -> None:
        args = self._args(key)
        if key in self.pending and self._resolve_pending(key, args):
            return
        if self.adopt_existing and self._adopt(key, args):
            return
        sent_at = datetime.now(timezone.utc)
        try:
            object_id, outs = operations.create(self.spec, self.client, args, claims=self.claims,
                                                adopt_existing=self.adopt_existing)
        except (AmbiguousWriteError, MalformedResponseError):
            # It may exist now: the next run looks it up by its key before POSTing again, and takes it
            # only by the rules of a lost answer (made after this POST, as it was sent).
            with self.lock:
                self.pending[key] = {"sent_at": sent_at.isoformat(), "sent": self.desired[key]}
            raise
        self._done(key, object_id, outs)

    def _resolve_pending(self, key: str, args: dict[str, Any]) -> bool:
        """A member an earlier run POSTed without learning the outcome: found by its key, it is that
        POST's if made after it and as it was sent (then brought to the declaration); whether found."""
        at = endpoints(self.spec, self.client, {})
        found = operations.find_existing(self.spec, at, args)
        if found is None:
            return False
        cause, sent, sent_at = self._pending_post(key, at.collection)
        if self.adopt_existing:
            live = operations._adopt_found(self.spec, at, found, args, self.claims, cause)
            outs = state_outputs(self.spec, live, args)
        else:
            live = operations._take_own(self.spec, at, found, sent, self.claims, sent_at, cause)
            outs = state_outputs(self.spec, live, args)
            if compare(self.spec, args, live_values(outs)):
                outs = operations.update(self.spec, self.client, str(live["id"]), outs, args)
        self._done(key, live["id"], outs)
        return True

    def _pending_post(self, key: str, path: str) -> tuple[AmbiguousWriteError, dict[str, Any], datetime]:
        """(the error it is resolved from, what it sent, when) of a pending member's earlier POST."""
        entry = self.pending[key]
        sent = {self.s.key: key, **(entry.get("sent") or {})}
        sent_at = datetime.fromisoformat(str(entry.get("sent_at")))
        cause = AmbiguousWriteError("an earlier run's POST of it went unanswered", method="POST", path=path)
        return cause, sent, sent_at

    def change(self, key: str) -> None:
        record = self.records[key]
        olds = {**record, MANAGED_KEY: shape_of(record)}
        try:
            outs = operations.update(self.spec, self.client, str(self.ids[key]), olds, self._args(key))
        except NotFoundError:
            # Deleted in the back office since the state last saw it: created again, as declared.
            log.info("%s %s: member %s is gone; creating it again", self.s.kind, self.spec.kind, key)
            self._gone(key)
            self.add(key)
            return
        self._done(key, self.ids[key], outs)

    def remove(self, key: str) -> None:
        operations.delete(self.spec, self.client, str(self.ids[key]), {}, claims=self.claims)
        self._gone(key)

    def replace(self, key: str) -> None:
        self.remove(key)
        self.add(key)

    def remove_pending(self, key: str) -> None:
        """Delete a member an earlier run may have made, if it is found as that POST made it."""
        at = endpoints(self.spec, self.client, {})
        cause, sent, sent_at = self._pending_post(key, at.collection)
        found = operations.find_existing(self.spec, at, sent)
        if found is not None:
            try:
                operations._take_own(self.spec, at, found, sent, None, sent_at, cause)
            except AmpecoError:
                log.info("%s: %s %r exists but is not the one this set's POST made; left alone", self.s.kind,
                         self.spec.kind, key)
            else:
                operations.delete(self.spec, self.client, str(found["id"]), {})
        with self.lock:
            self.pending.pop(key, None)

    # running them ------------------------------------------------------------------------

    def _one(self, key: str, operation: Callable[[str], None]) -> None:
        if self.stop.is_set():
            with self.lock:
                self.not_attempted += 1
            return
        try:
            with operation_deadline(self.timeout):
                operation(key)
        except Exception as exc:  # noqa: BLE001 - each member's failure is reported with its key
            with self.lock:
                self.attempted += 1
                self.failures[key] = exc
                # A tenant that refuses (nearly) everything is not sent the whole set, each with retries.
                hopeless = len(self.failures) >= MAX_FAILURES and 2 * len(self.failures) > self.attempted
                if hopeless or isinstance(exc, AuthenticationError) or not isinstance(exc, AmpecoError):
                    self.stop.set()
        else:
            with self.lock:
                self.attempted += 1

    def _round(self, work: Iterable[tuple[str, Callable[[str], None]]]) -> None:
        """``concurrency`` workers taking the next (key, operation) from one shared iterator: no task
        object per member (a 100,000-member set would make as many futures), memory stays flat."""
        items = iter(work)
        take = threading.Lock()

        def worker() -> None:
            while True:
                with take:
                    item = next(items, None)
                if item is None:
                    return
                self._one(*item)

        with ThreadPoolExecutor(self.concurrency, thread_name_prefix="ampeco-set") as pool:
            # Each worker in its own copy of this context: the call's deadline holds in its thread.
            workers = [pool.submit(contextvars.copy_context().run, worker) for _ in range(self.concurrency)]
        for done in workers:
            done.result()

    def _still_to_do(self, key: str) -> Callable[[str], None]:
        """What a member that failed still needs, from where it got to (a replacement may be half done)."""
        if key not in self.desired:
            return self.remove if key in self.ids else self.remove_pending
        return self.change if key in self.ids else self.add

    def run(self, work: Iterable[tuple[str, Callable[[str], None]]], count: int, operation: str) -> None:
        """Every (key, operation), ``concurrency`` at a time, under the call's scaled deadline; members
        that failed transiently (the tenant's 5xx, 429, a lost connection, after the client's own
        retries) are tried again at the end, up to ROUNDS times in all, while the deadline allows."""
        with operation_deadline(scaled_timeout(self.timeout, count, self.concurrency)) as deadline:
            self._round(work)
            for attempt in range(1, ROUNDS):
                again = sorted(k for k, e in self.failures.items() if isinstance(e, TRANSIENT))
                if not again or self.stop.is_set():
                    break
                wait_s = self.client.retry.wait_before(attempt, None)
                if deadline is not None and not deadline.allows(wait_s):
                    break
                log.info("%s %s: trying %d member(s) again after transient failures", self.s.kind, operation,
                         len(again))
                self.client.retry.sleep(wait_s)
                for key in again:
                    del self.failures[key]
                self._round((key, self._still_to_do(key)) for key in again)
        if self.failures:
            raise self.failed(operation)

    def failed(self, operation: str) -> MembersFailedError:
        """One message for every failed member: the ones that exist but are not the set's first (with
        what to do about them), then up to SHOWN others, each with its own error's first line."""
        kind, spec = self.s.kind, self.spec
        taken = sorted((k, e.existing_id) for k, e in self.failures.items()
                       if isinstance(e, AlreadyExistsError) and e.existing_id is not None)
        others = sorted((k, e) for k, e in self.failures.items() if k not in dict(taken))
        parts = []
        if taken:
            listing = ", ".join(f"{k} ({spec.kind} {i})" for k, i in taken[:SHOWN])
            more = f" and {len(taken) - SHOWN} more" if len(taken) > SHOWN else ""
            parts.append(f"{len(taken)} {spec.plural} with a {self.s.key} of the set exist already and this set did not "
                         f"create them, so they are not taken over: {listing}{more}; set {ADOPT_EXISTING}=True to "
                         "take them over, or leave them out of the set")
        if others:
            listing = "; ".join(f"{k}: {_one_line(e)}" for k, e in others[:SHOWN])
            more = f" (and {len(others) - SHOWN} more)" if len(others) > SHOWN else ""
            parts.append(f"{len(others)} failed: {listing}{more}")
        if self.not_attempted:
            parts.append(f"{self.not_attempted} not attempted after {len(self.failures)} failures")
        message = (f"{kind} {operation} failed: {'; '.join(parts)}. The set holds {len(self.records)} "
                   f"{spec.plural}, which the state records; the next run does only what is left")
        return MembersFailedError(message, failures=self.failures, not_attempted=self.not_attempted,
                                  outputs=self.outputs())

    def outputs(self) -> dict[str, Any]:
        with self.lock:
            return outputs(self.s, self.records, self.ids, self.pending, self.news)


def _one_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _apply(writer: _Writer, todo: MemberPlan, operation: str) -> dict[str, Any]:
    work: list[tuple[str, Callable[[str], None]]] = [
        *((k, writer.remove) for k in todo.removed),
        *((k, writer.change) for k in todo.changed),
        *((k, writer.replace) for k in todo.replaced),
        *((k, writer.add) for k in todo.added),
    ]
    if todo:
        log.info("%s %s: %s", writer.s.kind, operation, todo.describe())
    if writer.adopt_existing and todo.added:
        with operation_deadline(scaled_timeout(writer.timeout, len(todo.added), writer.concurrency)):
            writer.find_existing(todo.added)
    writer.run(work, todo.operations, operation)
    return writer.outputs()


# -- the provider's calls ---------------------------------------------------------------------


def create(s: MemberSet, client: AmpecoClient, props: Mapping[str, Any], *, claims: Claims | None,
           timeout: float, concurrency: int = DEFAULT_CONCURRENCY) -> tuple[str, dict[str, Any]]:
    """Every member created (or taken over, with ``adopt_existing``); the set's id is new."""
    resource_id = f"{_ID_PREFIX}{uuid.uuid4().hex[:16]}"
    writer = _Writer(s, client, {}, props, claims=claims, timeout=timeout, concurrency=concurrency)
    try:
        return resource_id, _apply(writer, plan(s, props, {}), "create")
    except MembersFailedError as exc:
        exc.resource_id = resource_id
        raise


def update(s: MemberSet, client: AmpecoClient, resource_id: str, olds: Mapping[str, Any], news: Mapping[str, Any],
           *, claims: Claims | None, timeout: float, concurrency: int = DEFAULT_CONCURRENCY) -> dict[str, Any]:
    """Only what changed: POST the added, PATCH the changed fields, DELETE the removed."""
    writer = _Writer(s, client, olds, news, claims=claims, timeout=timeout, concurrency=concurrency)
    try:
        return _apply(writer, plan(s, news, olds), "update")
    except MembersFailedError as exc:
        exc.resource_id = resource_id
        raise


def read(s: MemberSet, client: AmpecoClient, props: Mapping[str, Any], *, timeout: float) -> dict[str, Any]:
    """The members as the tenant holds them, from one listing of the member kind's collection; a
    member not found by its id is dropped (the next ``up`` creates it again)."""
    spec = member_spec(s)
    meta = model_meta(spec.model)
    records, ids = _members(s, props), _ids(props)
    wanted = {str(spec.object_id(v)): k for k, v in ids.items()}
    found: dict[str, dict[str, Any]] = {}
    pages = math.ceil(max(len(wanted), 1) / 100)
    with operation_deadline(scaled_timeout(timeout, pages, 1)):
        for item in endpoints(spec, client, {}).list():
            key = wanted.get(str(item.get("id")))
            if key is not None:
                found[key] = item
    new_records = {key: _record(spec, records.get(key, {}), to_python(meta, live)) for key, live in found.items()}
    new_ids = {key: spec.object_id(ids[key]) for key in found}
    gone = len(ids) - len(found)
    if gone:
        log.info("%s refresh: %d member(s) no longer exist", s.kind, gone)
    return outputs(s, new_records, new_ids, _pending(props), props)


def delete(s: MemberSet, client: AmpecoClient, props: Mapping[str, Any], *, claims: Claims | None,
           timeout: float, concurrency: int = DEFAULT_CONCURRENCY) -> None:
    """Every member the set holds (an already deleted one is done), and any whose create an
    earlier run could not confirm, if found as that POST made it."""
    writer = _Writer(s, client, props, {}, claims=claims, timeout=timeout, concurrency=concurrency)
    keys = list(writer.ids)
    pending = [k for k in writer.pending if k not in writer.ids]
    work = [*((k, writer.remove) for k in keys), *((k, writer.remove_pending) for k in pending)]
    writer.run(work, len(work), "delete")
