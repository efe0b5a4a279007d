"""One deadline for one logical operation, respected by every layer that repeats or waits.

A provider operation (a create, an update, ...) may make several calls, and each call several
attempts: without a common limit the layers multiply (three POSTs, each followed by up to three
lookups, each of them retried five times by the transport). The engine opens a deadline around
the operation; the client refuses to start a call after it, the transport starts no retry and no
wait that would end past it and cuts each attempt's timeouts to the time left, and the engine's own
loops (POST again, look up again) stop at it too. Without a deadline, nothing changes.

The deadline lives in a ``ContextVar``: each thread (the provider serves four calls at a time)
sees its own.

::

    with operation_deadline(120.0):
        client.create(...)            # ... and every call and retry inside it
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass

__all__ = ["Deadline", "current_deadline", "operation_deadline"]


@dataclass(frozen=True)
class Deadline:
    """The moment (on ``clock``) after which an operation starts nothing new."""

    at: float
    seconds: float
    """The length it was opened with, for messages."""
    clock: Callable[[], float] = time.monotonic

    def remaining(self) -> float:
        return self.at - self.clock()

    @property
    def passed(self) -> bool:
        return self.remaining() <= 0

    def allows(self, wait: float) -> bool:
        """Whether waiting ``wait`` seconds still leaves time for something after it."""
        return self.remaining() - wait > 0

    def describe(self) -> str:
        return f"the operation's deadline of {self.seconds:g} s"


_current: ContextVar[Deadline | None] = ContextVar("pulumi_ampeco_deadline", default=None)


def current_deadline() -> Deadline | None:
    """The deadline of the operation running in this thread, if any."""
    return _current.get()


@contextlib.contextmanager
def operation_deadline(seconds: float | None, clock: Callable[[], float] = time.monotonic) -> Iterator[Deadline | None]:
    """Run the block under a deadline ``seconds`` from now (``None``: no deadline).

    Nested deadlines never extend an outer one: the earlier of the two applies.
    """
    if seconds is None:
        yield _current.get()
        return
    mine = Deadline(clock() + seconds, seconds, clock)
    outer = _current.get()
    chosen = outer if outer is not None and outer.at <= mine.at else mine
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)
