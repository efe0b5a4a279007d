"""The objects this provider process has created, so that a lost response is never resolved to another
resource's object.

When a create's response is lost, the object found by its natural key is taken as the one that
POST made. If another resource of the same program created that very object (the same natural key
declared twice, and this POST refused as "already taken" with its answer lost), it is not: taking it
would make two resources share one object. ``session`` keeps one record per process (a run, under
the real engine) and the provider hands it to the operations; called on their own, they check
nothing.

Objects taken over (``adopt_id``, a set's ``adopt_existing``) are recorded too, marked as such, so
that a delete does not undo a hand-over: an object another resource of the run took over (an
``IdTagSet`` adopting the cards of the ``IdTag`` resources it replaces, a resource renamed with
its ``adopt_id``) is not deleted when the resource that held it before is (``taken_over``). An
object created in the run is never held by another resource, so its delete goes ahead.

An object is recorded with its ``created_at`` as the API returned it, and recognised only when
both match: ids are reused by a tenant that was emptied and filled again (an emulator between
tests), creation times are not. A kind without a creation time (a charge point's membership of a
circuit) is recognised by its id alone: two resources sharing one object is the worse mistake.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

__all__ = ["Claims"]

_CREATED = "createdAt"


class Claims:
    """Thread-safe record of (tenant URL, kind, id) -> creation time (or None) of the objects created here."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._created: dict[tuple[str, str, str], str | None] = {}
        self._taken: set[tuple[str, str, str]] = set()

    def record(self, tenant: str, kind: str, obj: Mapping[str, Any], *, taken_over: bool = False) -> None:
        """Remember an object (the API's wire form) this process created, or took over."""
        created = obj.get(_CREATED)
        key = (tenant, kind, str(obj["id"]))
        with self._lock:
            self._created[key] = created if isinstance(created, str) and created else None
            if taken_over:
                self._taken.add(key)

    def made_here(self, tenant: str, kind: str, obj: Mapping[str, Any]) -> bool:
        """Whether this process created ``obj`` (the API's wire form) already."""
        key = (tenant, kind, str(obj["id"]))
        created = obj.get(_CREATED)
        with self._lock:
            return key in self._created and self._created[key] == (created if isinstance(created, str) and created
                                                                   else None)

    def taken_over(self, tenant: str, kind: str, object_id: str) -> bool:
        """Whether a resource of this run took over an object with this id (confirm with ``made_here``)."""
        with self._lock:
            return (tenant, kind, str(object_id)) in self._taken
