"""Fail a Create or Update with the outputs of what it did: Pulumi's partial-failure protocol,
which the SDK's Python dynamic-provider server does not expose.

The engine records a call that failed part-way when the provider's gRPC error carries an
``ErrorResourceInitFailed`` detail (the resource's id and outputs, the reasons): the state then
holds what was done, the run fails showing the reasons, and the next ``up`` updates the resource
even when nothing else changed (the engine's "init errors", ``step_generator.go``), starting from
those outputs. Native providers send that detail; the dynamic server (``pulumi/dynamic/__main__.py``,
SDK 3.272) turns every exception into ``context.abort(UNKNOWN, traceback)`` and hands the provider
no ``context``. So ``report`` finds the servicer's ``Create``/``Update`` frame on the calling
thread's stack and puts the detail into that call's trailing metadata (``grpc-status-details-bin``,
with the code the server then aborts with: gRPC keeps the detail only when both codes agree), just
before the provider raises. The Python SDK's own provider server sends rich errors the same way
(``pulumi/provider/server.py``).

The detail travels as an HTTP/2 header, and the engine's gRPC client takes at most 16 MiB of
headers (``defaultClientMaxHeaderListSize``), base64 for a ``-bin`` one: so outputs up to
MAX_DETAIL_BYTES (about 100,000 id tags of a set) are reported. Larger ones, or where no servicer
frame is found (another SDK, a provider called in-process), ``report`` returns False and the failure
is a plain one: the state keeps nothing of the call, and the next run finds the members it made by
their keys, refusing them as not its own (the error names them; a set's ``adopt_existing`` takes
them over). ``tests/resources/test_id_tag_set.py`` pins that the pinned SDK and CLI record the
partial outputs.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from types import FrameType
from typing import Any

__all__ = ["MAX_DETAIL_BYTES", "report"]

log = logging.getLogger("pulumi_ampeco.engine")

_SERVER = os.path.join("pulumi", "dynamic", "__main__.py")
MAX_DETAIL_BYTES = 11 * 2**20
"""The largest detail sent: 16 MiB of header list on the engine's side, less base64's third and margin."""
_METHODS = ("Create", "Update")


def _servicer_context(frame: FrameType | None) -> Any:
    while frame is not None:
        code = frame.f_code
        if code.co_name in _METHODS and code.co_filename.endswith(_SERVER):
            context = frame.f_locals.get("context")
            return context if hasattr(context, "set_trailing_metadata") else None
        frame = frame.f_back
    return None


def report(resource_id: str, outputs: Mapping[str, Any], reasons: Sequence[str]) -> bool:
    """Attach ``outputs`` (with ``__provider``, as the server would) to the failing Create/Update
    RPC of this thread; whether it could be. The caller raises its error right after."""
    context = _servicer_context(sys._getframe(1))
    if context is None or not resource_id:
        return False
    import grpc
    from google.rpc import status_pb2
    from pulumi.runtime import rpc
    from pulumi.runtime.proto import provider_pb2

    loop = asyncio.new_event_loop()
    try:
        properties = loop.run_until_complete(rpc.serialize_properties(dict(outputs), {}))
    finally:
        loop.close()
    detail = provider_pb2.ErrorResourceInitFailed(id=resource_id, properties=properties, reasons=list(reasons))
    status = status_pb2.Status(code=grpc.StatusCode.UNKNOWN.value[0], message="; ".join(reasons))
    status.details.add().Pack(detail)
    raw = status.SerializeToString()
    if len(raw) > MAX_DETAIL_BYTES:
        log.warning("the outputs of this partial failure (%d bytes) are too large to report; the state keeps "
                    "nothing of this call", len(raw))
        return False
    context.set_trailing_metadata((("grpc-status-details-bin", raw),))
    return True
