"""What the engine keeps in a resource's outputs besides the API's object.

``__managed`` records the shape of what the user declared (field names, nested keys; never
values, so it holds no secret). Read needs it to hand back refreshed inputs for exactly the
managed fields, and diff needs it to notice an argument that was removed from the program.

``__refresh`` records what a refresh needs to write the inputs back as declared, so that a
refresh with no out-of-band change leaves the stored inputs as they were: ``same``, the declared
value of each managed field the server spells differently but holds the same (a date-time read
back with microseconds), and ``server_prefix``, the items the server put in front of a
ServerPrepends list (a tariff group's base tariff), which are not the user's. No secret field is
recorded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_ampeco._engine.check import ADOPT_ID, PROVIDER_KEY, RESERVED_INPUTS
from pulumi_ampeco.specs._base import ResourceSpec
from pulumi_ampeco.specs._convert import to_python
from pulumi_ampeco.specs._schema import ModelMeta, model_meta

MANAGED_KEY = "__managed"
REFRESH_KEY = "__refresh"
ENGINE_KEYS = (PROVIDER_KEY, MANAGED_KEY, REFRESH_KEY, ADOPT_ID)
Shape = Any  # True | dict[str, Shape] | list[Shape] (one item: the union of list items' shapes)


def declared(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The user's arguments, without the reserved ones (``__provider``, ``adopt_id``)."""
    return {k: v for k, v in inputs.items() if k not in RESERVED_INPUTS and v is not None}


def path_params(spec: ResourceSpec, values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: values[name] for name in model_meta(spec.model).path_param_names if name in values}


def shape_of(value: Any, meta: ModelMeta | None = None) -> Shape:
    """The shape of a declared value; a free-form map (its keys are data) is one whole value."""
    if isinstance(value, Mapping):
        out: dict[str, Shape] = {}
        for k, v in value.items():
            field = meta.fields.get(k) if meta is not None else None
            out[k] = True if field is not None and field.is_map else shape_of(v, field.nested if field else None)
        return out
    if isinstance(value, list) and any(isinstance(v, Mapping) for v in value):
        union: dict[str, Any] = {}
        for v in value:
            if isinstance(v, Mapping):
                union.update(shape_of(v, meta))
        return [union]
    return True


def project(value: Any, shape: Shape) -> Any:
    """``value`` cut down to ``shape``: what the user manages of a live value."""
    if isinstance(shape, dict) and isinstance(value, Mapping):
        return {k: project(value[k], s) for k, s in shape.items() if value.get(k) is not None}
    if isinstance(shape, list) and shape and isinstance(value, list):
        return [project(v, shape[0]) for v in value]
    return value


def outputs(spec: ResourceSpec, live: Mapping[str, Any], carry: Mapping[str, Any],
            managed: Shape | None = None, *, wire: bool = True) -> dict[str, Any]:
    """Outputs for state: the API's object in snake_case plus what the engine carries along.

    ``carry`` (the inputs, or the old outputs) supplies the parent ids and ``adopt_id``;
    ``managed`` defaults to the shape of the arguments declared in ``carry``.
    """
    meta = model_meta(spec.model)
    outs = to_python(meta, live) if wire else dict(live)
    outs.pop("id", None)  # the resource's id; "id" is reserved for it in Pulumi
    if meta.has_write_only:
        outs = carry_write_only(meta, outs, carry)
    params = path_params(spec, carry)
    outs.update(params)
    if carry.get(ADOPT_ID) is not None:
        outs[ADOPT_ID] = carry[ADOPT_ID]
    if managed is None:
        managed = shape_of({k: v for k, v in declared(carry).items() if k not in params}, meta)
    outs[MANAGED_KEY] = managed
    refresh = _refresh_record(spec, meta, outs, carry, managed)
    if refresh:
        outs[REFRESH_KEY] = refresh
    return outs


def _refresh_record(spec: ResourceSpec, meta: ModelMeta, outs: Mapping[str, Any], carry: Mapping[str, Any],
                    managed: Shape) -> dict[str, dict[str, Any]]:
    """``__refresh`` for ``outs``: from the declared values in ``carry`` (create, update) or from the
    record in ``carry`` (the old outputs, on read), whichever still holds for the live values."""
    from pulumi_ampeco._engine.diff import compare, strip_server_prefix

    before: Mapping[str, Any] = _record(carry)
    candidates = {k: v for k, v in declared(carry).items() if k in meta.fields and k not in ENGINE_KEYS}
    candidates.update(before.get("same") or {})
    same: dict[str, Any] = {}
    prefix: dict[str, Any] = {}
    for name in managed if isinstance(managed, Mapping) else ():
        fmeta = meta.fields.get(name)
        live = outs.get(name)
        if fmeta is None or fmeta.secret or live is None:
            continue
        if fmeta.server_prepends and isinstance(live, list):
            old = (before.get("server_prefix") or {}).get(name)
            if isinstance(candidates.get(name), list) and not compare(spec, {name: candidates[name]}, {name: live}):
                kept = strip_server_prefix(live, candidates[name])
                prefix[name] = live[: len(live) - len(kept)]
            elif isinstance(old, list) and live[: len(old)] == old:
                prefix[name] = old
        if name in candidates and candidates[name] != live and not compare(spec, {name: candidates[name]},
                                                                            {name: live}):
            same[name] = candidates[name]
    return {k: v for k, v in (("same", same), ("server_prefix", prefix)) if v}


def carry_write_only(meta: ModelMeta, outs: Mapping[str, Any], carry: Mapping[str, Any]) -> dict[str, Any]:
    """``outs`` with the WriteOnly values of ``carry`` (last sent, or kept from earlier state) put
    back where the API never returns them (nested objects too; not inside lists)."""
    result = dict(outs)
    for field in meta.fields.values():
        value = carry.get(field.name)
        if value is None:
            continue
        if field.write_only:
            result[field.name] = value
        elif field.nested is not None and field.nested.has_write_only and not field.is_list \
                and isinstance(value, Mapping):
            live = result.get(field.name)
            merged = carry_write_only(field.nested, live if isinstance(live, Mapping) else {}, value)
            if isinstance(live, Mapping) or merged:
                result[field.name] = merged
    return result


def _record(values: Mapping[str, Any]) -> Mapping[str, Any]:
    record = values.get(REFRESH_KEY)
    return record if isinstance(record, Mapping) else {}


def refreshed_inputs(spec: ResourceSpec, outs: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs a refresh writes back: the live values of the managed fields, as they were
    declared where the server holds the same (``__refresh``), without the server's own items."""
    shape = outs.get(MANAGED_KEY) or {}
    record = _record(outs)
    same = record.get("same") or {}
    prefixes = record.get("server_prefix") or {}
    inputs = {}
    for k, s in shape.items():
        if outs.get(k) is None:
            continue
        if k in same:
            inputs[k] = same[k]
            continue
        value = project(outs[k], s)
        prefix = prefixes.get(k)
        if isinstance(prefix, list) and isinstance(value, list) and value[: len(prefix)] == prefix:
            value = value[len(prefix):]
        inputs[k] = value
    inputs.update(path_params(spec, outs))
    if outs.get(ADOPT_ID) is not None:
        inputs[ADOPT_ID] = outs[ADOPT_ID]
    return inputs


def previously_managed(olds: Mapping[str, Any]) -> list[str]:
    shape = olds.get(MANAGED_KEY)
    return list(shape) if isinstance(shape, Mapping) else []


def live_values(olds: Mapping[str, Any]) -> dict[str, Any]:
    """Old outputs without the engine's own keys."""
    return {k: v for k, v in olds.items() if k not in ENGINE_KEYS}
