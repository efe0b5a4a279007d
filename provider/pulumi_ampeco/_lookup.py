"""Existing objects a program does not manage, found in the stack's tenant by id or by natural key.

What ``get_<kind>()`` and a spec's ``{existing: {<natural key>: value}}`` call, in the program's own
process (as a Terraform data source reads, in a plan too): the tenant URL and token come from the
stack config (``ampeco:tenantUrl``, the secret ``ampeco:apiToken``) or the environment, as for the
provider. Nothing is registered, so nothing reaches the state; secret fields are left out of the
results. One lookup is one GET (by id) or one listing (by natural key, filtered where the API can).
Everything heavy is imported on first use: ``import pulumi_ampeco`` stays light.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pulumi_ampeco.client import AmpecoClient

__all__ = ["find", "find_id"]

_lock = threading.Lock()
_clients: dict[tuple[str, str], AmpecoClient] = {}


def _client() -> AmpecoClient:
    from pulumi.runtime.config import get_config

    from pulumi_ampeco.client import AmpecoClient
    from pulumi_ampeco.config import API_TOKEN_KEY, TENANT_URL_KEY, TenantConfig

    config = {key: value for key in (TENANT_URL_KEY, API_TOKEN_KEY) if (value := get_config(key))}
    tenant = TenantConfig.resolve(config)
    with _lock:
        client = _clients.get((tenant.url, tenant.token))
        if client is None or client.closed:
            if not _clients:
                atexit.register(_close_clients)
            client = _clients[(tenant.url, tenant.token)] = AmpecoClient(tenant.url, tenant.token)
        return client


def _close_clients() -> None:
    """The program is done: its pooled connections are closed, not left to the garbage collector."""
    with _lock:
        clients = list(_clients.values())
        _clients.clear()
    for client in clients:
        client.close()


def find(kind: str, *, id: Any = None, key: Mapping[str, Any] | None = None,
         parents: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The one object of ``kind`` with AMPECO ``id``, or with the one natural key given in ``key``
    (Python names, dotted for nested fields), under ``parents`` (the path parameters of a nested
    kind). Returns its fields as outputs (snake_case, ``id`` a string, no secret field).

    Raises LookupFailedError when none matches or several do (and any AmpecoError of the call) as
    a program error (one line, no traceback), TypeError for a wrong call.
    """
    from pulumi_ampeco._surface import as_program_error
    from pulumi_ampeco.errors import AmpecoError

    try:
        return _find(kind, id, key, parents)
    except AmpecoError as exc:
        raise as_program_error(exc) from None


def _find(kind: str, id: Any, key: Mapping[str, Any] | None,
          parents: Mapping[str, Any] | None) -> dict[str, Any]:
    from pulumi_ampeco.client import DEFAULT_OPERATION_TIMEOUT, operation_deadline
    from pulumi_ampeco.errors import LookupFailedError, NotFoundError
    from pulumi_ampeco.specs import REGISTRY
    from pulumi_ampeco.specs._convert import dig, to_python
    from pulumi_ampeco.specs._schema import model_meta

    spec = REGISTRY[kind]
    meta = model_meta(spec.model)
    given = {k: v for k, v in (key or {}).items() if v is not None}
    function = f"get_{spec.module}"
    if (id is None) == (not given) or len(given) > 1:
        keys = ", ".join(k.replace(".", "_") for k in spec.natural_key)
        raise TypeError(f"{function}() takes id= or exactly one of: {keys}")
    params = {name: int(parents[name]) if str(parents[name]).isdigit() else parents[name]
              for name in spec.path_params_in_order if parents and parents.get(name) is not None}
    missing = [name for name in spec.path_params_in_order if name not in params]
    if missing:
        raise TypeError(f"{function}() needs {', '.join(missing)}: a {spec.noun} is looked up within its parent")
    client = _client()
    with operation_deadline(DEFAULT_OPERATION_TIMEOUT):
        if id is not None:
            try:
                live = client.get(spec.item_path(params, id), include=meta.includes)
            except NotFoundError:
                raise LookupFailedError(f"no {spec.noun} with id {id} in the tenant {client.tenant_url}") \
                    from None
        else:
            [(name, value)] = given.items()
            filter_name = spec.natural_key_filters.get(name)
            listing = client.list(spec.collection_path(params), filters={filter_name: value} if filter_name else None,
                                  include=meta.includes)
            hits = [item for item in listing if dig(to_python(meta, item), name) == value]
            if not hits:
                raise LookupFailedError(f"no {spec.noun} with {name} {value!r} in the tenant "
                                        f"{client.tenant_url}")
            if len(hits) > 1:
                ids = ", ".join(str(h["id"]) for h in hits)
                raise LookupFailedError(f"{len(hits)} {spec.plural} with {name} {value!r} in the tenant "
                                        f"{client.tenant_url} (ids {ids}); look the one you mean up by id")
            live = hits[0]
    values = to_python(meta, live)
    return {"id": str(live["id"]), **{f: values.get(f) for f, fmeta in meta.fields.items() if not fmeta.secret},
            **params}


def find_id(kind: str, key: Mapping[str, Any], parents: Mapping[str, Any] | None = None) -> int:
    """The AMPECO id of the one object of ``kind`` with that natural key (``find``)."""
    return int(find(kind, key=key, parents=parents)["id"])
