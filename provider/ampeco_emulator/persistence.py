"""Optional JSON state file: loaded at start, written atomically (temp file + rename) after every mutation.

A dump (the state file, ``PUT /_emulator/state``) is checked before it replaces the tenant: a JSON
object of known collections, each a list of objects with a unique positive integer ``id``, only
fields the resource has (or private ``_x`` keys the emulator keeps), and parents that exist. A
dump that fails raises :class:`StateError` saying where and why, and the tenant stays as it was.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .resources import COLLECTIONS, RESOURCES, Resource, rebuild_indexes
from .resources.tariff_group import prepare_tenant
from .store import PER_GROUP, Tenant

__all__ = ["StateError", "check_dump", "load", "new_tenant", "save", "tenant_from_dump"]


class StateError(ValueError):
    """A state dump that cannot be loaded: the message says where and why, in one line."""


def _fields(resource: Resource) -> frozenset[str]:
    names = {"id", *resource.writable, *resource.response_fields, *resource.timestamps}
    for variant in resource.variants:
        names.update(resource.response_fields_for(variant))
    if resource.parent is not None:
        names.add(resource.parent[1])
    return frozenset(names)


_BY_COLLECTION: dict[str, Resource] = {r.collection: r for r in RESOURCES.values()}
_BY_PARAM: dict[str, Resource] = {r.param: r for r in RESOURCES.values()}


def check_dump(dump: Any) -> None:
    """Raise StateError unless ``dump`` is a loadable state (see the module docstring)."""
    if not isinstance(dump, Mapping):
        raise StateError(f"the state must be a JSON object of collection -> list of objects, not {_type(dump)}")
    unknown = [str(k) for k in dump if k not in COLLECTIONS]
    if unknown:
        raise StateError(f"unknown collection(s) {', '.join(unknown)}; collections are {', '.join(COLLECTIONS)}")
    ids: dict[str, set[int]] = {}
    for name in COLLECTIONS:
        objects = dump.get(name)
        if objects is None:
            ids[name] = set()
            continue
        if not isinstance(objects, list):
            raise StateError(f"{name} must be a list of objects, not {_type(objects)}")
        resource = _BY_COLLECTION[name]
        allowed = _fields(resource)
        seen: set[int] = set()
        for index, obj in enumerate(objects):
            where = f"{name}[{index}]"
            if not isinstance(obj, Mapping):
                raise StateError(f"{where} must be an object, not {_type(obj)}")
            ident = obj.get("id")
            if not isinstance(ident, int) or isinstance(ident, bool) or ident < 1:
                raise StateError(f"{where} needs an integer id >= 1, got {ident!r}")
            if ident in seen:
                raise StateError(f"{where}: id {ident} appears twice in {name}")
            seen.add(ident)
            strange = sorted(str(k) for k in obj if k not in allowed and not str(k).startswith("_"))
            if strange:
                raise StateError(f"{where} (id {ident}): unknown field(s) {', '.join(strange)} for a "
                                 f"{resource.model}; fields are {', '.join(sorted(allowed))}")
        ids[name] = seen
    for name in COLLECTIONS:
        resource = _BY_COLLECTION[name]
        if resource.parent is None:
            continue
        param, field = resource.parent
        parent = _BY_PARAM[param]
        for index, obj in enumerate(dump.get(name) or []):
            if obj.get(field) not in ids[parent.collection]:
                raise StateError(f"{name}[{index}] (id {obj['id']}): {field} {obj.get(field)!r} is not the id of "
                                 f"any object in {parent.collection}")


def _type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__)


def new_tenant(base_tariffs: str = PER_GROUP) -> Tenant:
    """An empty tenant of that kind, with the objects such a tenant starts with."""
    return prepare_tenant(Tenant(COLLECTIONS, base_tariffs=base_tariffs))


def tenant_from_dump(dump: object, base_tariffs: str = PER_GROUP) -> Tenant:
    check_dump(dump)
    assert isinstance(dump, dict)
    tenant = Tenant.from_dump(dump, COLLECTIONS, base_tariffs=base_tariffs)
    rebuild_indexes(tenant)
    return prepare_tenant(tenant)


def load(path: Path, base_tariffs: str = PER_GROUP) -> Tenant:
    """The tenant stored in ``path``, or a new one when the file does not exist yet.

    Raises StateError (naming the file) when it is not JSON or not a state.
    """
    if not path.exists():
        return new_tenant(base_tariffs)
    try:
        text = path.read_text(encoding="utf-8")
        dump = json.loads(text)
    except RecursionError:
        raise StateError(f"{path}: nested too deeply to be a state file") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise StateError(f"{path} is not JSON ({exc})") from None
    except OSError as exc:
        raise StateError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return tenant_from_dump(dump, base_tariffs)
    except StateError as exc:
        raise StateError(f"{path}: {exc}") from None


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
