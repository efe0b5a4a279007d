"""Optional JSON state file: loaded at start, written atomically (temp file + rename) after every mutation."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .resources import COLLECTIONS, rebuild_indexes
from .store import Tenant


def tenant_from_dump(dump: object) -> Tenant:
    if not isinstance(dump, dict):
        raise TypeError("state must be a JSON object of collection name -> list of objects")
    tenant = Tenant.from_dump(dump, COLLECTIONS)
    rebuild_indexes(tenant)
    return tenant


def load(path: Path) -> Tenant:
    """The tenant stored in ``path``, or a new one when the file does not exist yet."""
    if not path.exists():
        return Tenant(COLLECTIONS)
    return tenant_from_dump(json.loads(path.read_text(encoding="utf-8")))


def save(tenant: Tenant, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(tenant.dump(), handle, separators=(",", ":"))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
