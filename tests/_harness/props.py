"""Property values on the wire: plain Python dicts <-> google.protobuf Struct, as the engine encodes them.

Why our own converter instead of `pulumi.runtime.rpc.(de)serialize_properties`: those depend on the
ambient `pulumi.runtime.settings` (dry-run turns the unknown sentinel into `None` or `Unknown()`,
top-level `None`s are dropped, secrets stay wrapped dicts), and the harness plays the *engine*, which
sees the raw encoding. Here:

* the unknown sentinel string ``rpc.UNKNOWN`` <-> the module-level marker :data:`UNKNOWN`
  (``pulumi.output.Unknown`` instances are accepted on the way out too);
* a secret ``{sig: secret, value: v}`` <-> :class:`Secret` (``v``);
* a resource reference ``{sig: resource, urn, id}`` -> its id (custom) or URN (component), which is
  what the engine sends to a provider that did not declare ``acceptResources`` (the dynamic one);
* numbers come back as ``float`` (Struct has only doubles, exactly like the real wire).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from google.protobuf import struct_pb2
from pulumi.output import Unknown as _SdkUnknown
from pulumi.runtime import rpc

SIG = rpc._special_sig_key
SECRET_SIG = rpc._special_secret_sig
RESOURCE_SIG = rpc._special_resource_sig
UNKNOWN_SENTINEL = rpc.UNKNOWN


class _Unknown:
    """Marker for a value not known yet (a preview output of a resource still to be created)."""

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __reduce__(self) -> str:
        return "UNKNOWN"  # copy/deepcopy/pickle give back the module singleton


UNKNOWN = _Unknown()
"""Put this in a dict sent to the provider to send the engine's unknown sentinel; values read back
from the wire that were unknown compare ``is UNKNOWN``."""


@dataclass(frozen=True)
class Secret:
    """A secret value as the program sent it (the engine strips it before calling the provider)."""

    value: Any

    def __repr__(self) -> str:
        return "Secret(***)"


def is_unknown(value: Any) -> bool:
    return value is UNKNOWN or isinstance(value, _SdkUnknown) or value == UNKNOWN_SENTINEL


def contains_unknowns(value: Any) -> bool:
    if is_unknown(value):
        return True
    if isinstance(value, Secret):
        return contains_unknowns(value.value)
    if isinstance(value, dict):
        return any(contains_unknowns(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(contains_unknowns(v) for v in value)
    return False


# -- python -> wire ---------------------------------------------------------------------------


def _to_plain(value: Any) -> Any:
    if isinstance(value, str) and value == UNKNOWN_SENTINEL:
        return UNKNOWN_SENTINEL
    if value is UNKNOWN or isinstance(value, _SdkUnknown):
        return UNKNOWN_SENTINEL
    if isinstance(value, Secret):
        return {SIG: SECRET_SIG, "value": _to_plain(value.value)}
    if isinstance(value, dict):
        return {str(k): _to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    raise TypeError(f"cannot send {type(value).__name__} on the wire: {value!r}")


def to_struct(props: dict[str, Any] | None) -> struct_pb2.Struct:
    """Encode a property dict; :data:`UNKNOWN` becomes the sentinel, :class:`Secret` the secret envelope."""
    struct = struct_pb2.Struct()
    if props:
        struct.update(_to_plain(props))
    return struct


# -- wire -> python ---------------------------------------------------------------------------


def _from_value(value: struct_pb2.Value) -> Any:
    kind = value.WhichOneof("kind")
    if kind == "string_value":
        return UNKNOWN if value.string_value == UNKNOWN_SENTINEL else value.string_value
    if kind == "number_value":
        return value.number_value
    if kind == "bool_value":
        return value.bool_value
    if kind == "list_value":
        return [_from_value(v) for v in value.list_value.values]
    if kind == "struct_value":
        return _from_fields(value.struct_value)
    return None


def _from_fields(struct: struct_pb2.Struct) -> Any:
    fields = struct.fields
    if SIG in fields:
        sig = fields[SIG].string_value
        if sig == SECRET_SIG:
            return Secret(_from_value(fields["value"]) if "value" in fields else None)
        if sig == RESOURCE_SIG:
            if "id" in fields:
                ref_id = _from_value(fields["id"])
                return UNKNOWN if ref_id in ("", UNKNOWN) else ref_id
            return _from_value(fields["urn"])
        # assets/archives/output values: pass the envelope through untouched
    return {k: _from_value(v) for k, v in fields.items()}


def from_struct(struct: struct_pb2.Struct | None) -> dict[str, Any]:
    """Decode a property Struct (top-level ``null`` values are kept as ``None``)."""
    if struct is None:
        return {}
    decoded = _from_fields(struct)
    return decoded if isinstance(decoded, dict) else {"": decoded}


# -- secrets ----------------------------------------------------------------------------------


def _strip(value: Any) -> tuple[Any, bool]:
    if isinstance(value, Secret):
        inner, _ = _strip(value.value)
        return inner, True
    if isinstance(value, dict):
        out, secret = {}, False
        for k, v in value.items():
            out[k], s = _strip(v)
            secret = secret or s
        return out, secret
    if isinstance(value, list):
        items, secret = [], False
        for v in value:
            item, s = _strip(v)
            items.append(item)
            secret = secret or s
        return items, secret
    return value, False


def unwrap_secrets(props: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """Remove every secret envelope; return the plain dict and the top-level keys that held a secret.

    Secretness is tracked per top-level property (a nested secret marks its whole property), which is
    coarser than the engine but enough to re-mark outputs and to assert on.
    """
    plain: dict[str, Any] = {}
    secret_keys: set[str] = set()
    for k, v in props.items():
        plain[k], is_secret = _strip(v)
        if is_secret:
            secret_keys.add(k)
    return plain, secret_keys


def wrap_secrets(props: dict[str, Any], secret_keys: set[str] | frozenset[str]) -> dict[str, Any]:
    """The inverse of :func:`unwrap_secrets` at top level: wrap the listed keys as :class:`Secret`."""
    return {k: (Secret(v) if k in secret_keys and not isinstance(v, Secret) else v) for k, v in props.items()}
