"""A dynamic provider that does nothing: the floor of the engine's path (gRPC, the SDK's server,
property (de)serialisation) without any provider or API cost. Imported by reference in the
provider process, so this directory must be on its PYTHONPATH."""

from __future__ import annotations

import itertools
from typing import Any

from pulumi.dynamic import CreateResult, ReadResult, ResourceProvider, UpdateResult

_ids = itertools.count(1)


class NullProvider(ResourceProvider):
    def create(self, props: dict[str, Any]) -> CreateResult:
        return CreateResult(str(next(_ids)), dict(props))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        return ReadResult(id_, dict(props))

    def update(self, _id: str, _olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        return UpdateResult(dict(news))

    def delete(self, _id: str, _props: dict[str, Any]) -> None:
        return None
