"""What one emulator instance holds: token, tenant (of a kind: ``base_tariffs``), faults, request log, state file."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

from . import persistence
from .faults import Faults
from .store import BASE_TARIFF_MODES, PER_GROUP

__all__ = ["REQUEST_LOG_LIMIT", "Emulator"]

REQUEST_LOG_LIMIT = 200_000


class Emulator:
    """Everything one app instance holds: token, tenant, faults, request log, state file."""

    def __init__(self, token: str, state_file: str | Path | None = None, base_tariffs: str = PER_GROUP) -> None:
        if base_tariffs not in BASE_TARIFF_MODES:
            raise ValueError(f"base_tariffs must be one of {', '.join(BASE_TARIFF_MODES)}, not {base_tariffs!r}")
        self.token = token
        self.base_tariffs = base_tariffs
        self.state_file = Path(state_file) if state_file is not None else None
        self.tenant = (persistence.load(self.state_file, base_tariffs) if self.state_file
                       else persistence.new_tenant(base_tariffs))
        self.faults = Faults()
        self.in_flight = 0
        """Public-API requests being served right now (the request log records it per request)."""
        self.requests: deque[dict[str, Any]] = deque(maxlen=REQUEST_LOG_LIMIT)

    def reset(self, base_tariffs: str | None = None) -> None:
        """A new empty tenant (of another kind, with ``base_tariffs``); no faults, an empty log."""
        if base_tariffs is not None:
            if base_tariffs not in BASE_TARIFF_MODES:
                raise ValueError(f"baseTariffs must be one of {', '.join(BASE_TARIFF_MODES)}, not {base_tariffs!r}")
            self.base_tariffs = base_tariffs
        self.tenant = persistence.new_tenant(self.base_tariffs)
        self.faults.clear()
        self.requests.clear()
        self.persist()

    def load_state(self, dump: Any) -> None:
        self.tenant = persistence.tenant_from_dump(dump, self.base_tariffs)
        self.persist()

    def persist(self) -> None:
        if self.state_file is not None:
            persistence.save(self.tenant, self.state_file)
