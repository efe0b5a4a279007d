"""Runtime helpers shared by the generated resource classes (id_tag.py, location.py, ...)."""

from __future__ import annotations

import contextlib
import dataclasses
import pickle
from collections.abc import Iterator
from typing import Any

import pulumi

from pulumi_ampeco._engine.schema import model_meta
from pulumi_ampeco.specs import REGISTRY

ADOPT_ID = "adopt_id"


def resource_props(kind: str, args: object | None, kwargs: dict[str, Any]) -> dict[str, Any]:
    """The props dict for ``dynamic.Resource``: declared arguments, then every output as None.

    An Args object and keyword arguments may be combined; keywords win. Outputs must be present
    (as None) for Pulumi to expose them as attributes; None values are not sent as inputs.
    """
    props: dict[str, Any] = {}
    if args is not None:
        props.update({f.name: getattr(args, f.name) for f in dataclasses.fields(args)})  # type: ignore[arg-type]
    props.update({k: v for k, v in kwargs.items() if v is not None})
    for name in model_meta(REGISTRY[kind].model).fields:
        props.setdefault(name, None)
    props.setdefault(ADOPT_ID, None)
    return props


def resource_options(kind: str, opts: pulumi.ResourceOptions | None) -> pulumi.ResourceOptions:
    """Mark outputs holding secrets (a charge point's pin, network password) as secret."""
    secret = [f.name for f in model_meta(REGISTRY[kind].model).fields.values() if f.secret]
    if not secret:
        return opts or pulumi.ResourceOptions()
    return pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(additional_secret_outputs=secret))


@contextlib.contextmanager
def sdk_pickler_restored() -> Iterator[None]:
    """Undo what ``pulumi.dynamic.serialize_provider`` leaves behind on ``pickle._Pickler``.

    The SDK (3.272) wraps ``_batch_setitems`` once more on every dynamic resource it builds and
    never unwraps it, so a program with about 980 resources dies with RecursionError. Restoring
    the two methods after each construction keeps every pickle identical and the depth at one.
    """
    pickler: Any = pickle._Pickler  # type: ignore[attr-defined]
    saved = pickler._batch_setitems, pickler.save_dict
    try:
        yield
    finally:
        pickler._batch_setitems, pickler.save_dict = saved
