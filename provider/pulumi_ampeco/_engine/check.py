"""check for the engine: the declaration's own check (``specs._check``) with Pulumi's unknowns.

During a preview, inputs computed by other resources arrive as Pulumi's unknowns: accepted now,
validated on the real run. The provider reference Pulumi adds to the inputs is passed through.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_ampeco._engine.unknown import is_unknown
from pulumi_ampeco._reserved import ADOPT_ID, PROVIDER_KEY
from pulumi_ampeco.specs._base import ResourceSpec
from pulumi_ampeco.specs._check import Failure
from pulumi_ampeco.specs._check import check_inputs as check_declared

__all__ = ["ADOPT_ID", "PROVIDER_KEY", "RESERVED_INPUTS", "Failure", "check_inputs"]

RESERVED_INPUTS = (PROVIDER_KEY, ADOPT_ID)


def check_inputs(spec: ResourceSpec, news: Mapping[str, Any]) -> tuple[dict[str, Any], list[Failure]]:
    return check_declared(spec, news, unknown=is_unknown, passthrough=(PROVIDER_KEY,))
