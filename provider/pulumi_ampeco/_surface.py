"""Runtime helpers shared by the generated resource classes (id_tag.py, location.py, ...)."""

from __future__ import annotations

import dataclasses
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
