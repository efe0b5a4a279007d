"""The tenant: every collection, id counter, unique index, random source and the clock, in ONE object.

Reset means building a new :class:`Tenant`. Resource rules live in ``resources/``; this module
only stores plain dicts (the objects as the API shows them, plus a few ``_private`` keys that are
never rendered).
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Hashable, Iterable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

from .validation import format_datetime

DEFAULT_CURRENCY = "EUR"

PER_GROUP = "per-group"
TENANT_WIDE = "tenant-wide"
BASE_TARIFF_MODES = (PER_GROUP, TENANT_WIDE)
"""How the tenant gives tariff groups their free base tariff (an emulator option; real tenants are
of either kind): ``per-group`` (the reference: each new group gets a new free tariff; the default
group an EVSE without one gets is made on first need) or ``tenant-wide`` (the tenant starts with
one free tariff and a default group holding it; every group gets that same tariff in front, and
every EVSE without a group gets that group)."""

Obj = dict[str, Any]


class Collection:
    """Objects by id plus a sorted id list, so cursor pages start with a bisect, not a scan."""

    __slots__ = ("ids", "name", "objects")

    def __init__(self, name: str) -> None:
        self.name = name
        self.objects: dict[int, Obj] = {}
        self.ids: list[int] = []

    def __len__(self) -> int:
        return len(self.objects)

    def __iter__(self) -> Iterator[Obj]:
        return self.after(0)

    def get(self, ident: int) -> Obj | None:
        return self.objects.get(ident)

    def add(self, obj: Obj) -> None:
        ident = obj["id"]
        self.objects[ident] = obj
        if not self.ids or ident > self.ids[-1]:
            self.ids.append(ident)
        else:
            bisect.insort(self.ids, ident)

    def remove(self, ident: int) -> Obj:
        obj = self.objects.pop(ident)
        index = bisect.bisect_left(self.ids, ident)
        del self.ids[index]
        return obj

    def after(self, after_id: int) -> Iterator[Obj]:
        """Objects with id > after_id, ascending."""
        ids, objects = self.ids, self.objects
        for index in range(bisect.bisect_right(ids, after_id), len(ids)):
            yield objects[ids[index]]

    def before(self, before_id: int) -> Iterator[Obj]:
        """Objects with id < before_id, descending."""
        ids, objects = self.ids, self.objects
        for index in range(bisect.bisect_left(ids, before_id) - 1, -1, -1):
            yield objects[ids[index]]


class Tenant:
    """All state of one emulated AMPECO tenant: a collection per name in ``collections``
    (``resources.COLLECTIONS``: one per resource)."""

    def __init__(self, collections: Iterable[str], currency: str = DEFAULT_CURRENCY, seed: int | None = None,
                 base_tariffs: str = PER_GROUP) -> None:
        if base_tariffs not in BASE_TARIFF_MODES:
            raise ValueError(f"base_tariffs must be one of {', '.join(BASE_TARIFF_MODES)}, not {base_tariffs!r}")
        self.currency = currency
        self.base_tariffs = base_tariffs
        self.collections: dict[str, Collection] = {name: Collection(name) for name in collections}
        self.counters: dict[str, int] = dict.fromkeys(self.collections, 0)
        # (collection, field path) -> {key value: object id}; maintained by resources/_base.py
        self.unique: dict[tuple[str, str], dict[Hashable, int]] = {}
        self.rng = random.Random(seed)
        self.default_tariff_group_id: int | None = None
        self.tenant_free_tariff_id: int | None = None  # tenant-wide: the free tariff every group starts with
        self._last_time: datetime | None = None

    def __getitem__(self, collection: str) -> Collection:
        return self.collections[collection]

    def next_id(self, collection: str) -> int:
        self.counters[collection] += 1
        return self.counters[collection]

    def now(self) -> str:
        """A strictly increasing UTC timestamp, so lastUpdatedAt changes on every update."""
        current = datetime.now(timezone.utc)
        if self._last_time is not None and current <= self._last_time:
            current = self._last_time + timedelta(microseconds=1)
        self._last_time = current
        return format_datetime(current, micro=True)

    def dump(self) -> dict[str, list[Obj]]:
        return {name: list(coll) for name, coll in self.collections.items()}

    @classmethod
    def from_dump(cls, dump: dict[str, Any], collections: Iterable[str], base_tariffs: str = PER_GROUP) -> Tenant:
        tenant = cls(collections, base_tariffs=base_tariffs)
        for name in tenant.collections:
            objects = dump.get(name) or []
            if not isinstance(objects, list):
                raise TypeError(f"state: {name} must be a list of objects")
            for obj in sorted(objects, key=lambda o: o["id"]):
                if not isinstance(obj, dict) or not isinstance(obj.get("id"), int):
                    raise TypeError(f"state: every object in {name} needs an integer id")
                tenant.collections[name].add(dict(obj))
            tenant.counters[name] = max((o["id"] for o in objects), default=0)
        for group in tenant.collections["tariff_groups"]:
            if group.get("_default"):
                tenant.default_tariff_group_id = group["id"]
        for tariff in tenant.collections["tariffs"]:
            if tariff.get("_tenantFree"):
                tenant.tenant_free_tariff_id = tariff["id"]
        return tenant
