"""What one emulator instance holds: token, tenant, faults, request log, state file."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

from . import persistence
from .faults import Faults
from .resources import COLLECTIONS
from .store import Tenant

__all__ = ["REQUEST_LOG_LIMIT", "Emulator"]

REQUEST_LOG_LIMIT = 200_000


class Emulator:
    """Everything one app instance holds: token, tenant, faults, request log, state file."""

    def __init__(self, token: str, state_file: str | Path | None = None) -> None:
        self.token = token
        self.state_file = Path(state_file) if state_file is not None else None
        self.tenant = persistence.load(self.state_file) if self.state_file else Tenant(COLLECTIONS)
        self.faults = Faults()
        self.in_flight = 0
        """Public-API requests being served right now (the request log records it per request)."""
        self.requests: deque[dict[str, Any]] = deque(maxlen=REQUEST_LOG_LIMIT)

    def reset(self) -> None:
        self.tenant = Tenant(COLLECTIONS)
        self.faults.clear()
        self.requests.clear()
        self.persist()

    def load_state(self, dump: Any) -> None:
        self.tenant = persistence.tenant_from_dump(dump)
        self.persist()

    def persist(self) -> None:
        if self.state_file is not None:
            persistence.save(self.tenant, self.state_file)
