"""Values not known yet: during preview, inputs computed by other resources arrive as unknowns.

The dynamic-provider server passes them as the engine's sentinel string (``rpc.UNKNOWN``) or,
in some paths, as ``pulumi.output.Unknown`` instances.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi.output import Unknown
from pulumi.runtime.rpc import UNKNOWN


def is_unknown(value: Any) -> bool:
    return isinstance(value, Unknown) or (isinstance(value, str) and value == UNKNOWN)


def contains_unknown(value: Any) -> bool:
    if is_unknown(value):
        return True
    if isinstance(value, Mapping):
        return any(contains_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(contains_unknown(v) for v in value)
    return False
