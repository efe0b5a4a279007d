"""Programs far larger than the Pulumi SDK's pickler patching would allow on its own."""

from __future__ import annotations

import pickle

import pulumi
import pulumi_ampeco as ampeco
import pytest


class _Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict]:
        return f"{args.name}-id", dict(args.inputs)

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict, None]:
        return {}, None


@pytest.fixture
def mocks() -> None:
    pulumi.runtime.set_mocks(_Mocks(), preview=False)


def test_constructing_a_resource_leaves_the_pickler_as_it_was(mocks: None) -> None:
    before = pickle._Pickler._batch_setitems, pickle._Pickler.save_dict  # type: ignore[attr-defined]
    ampeco.IdTag("card", id_tag_uid="04AB", status="enabled", type="rfid")
    assert (pickle._Pickler._batch_setitems, pickle._Pickler.save_dict) == before  # type: ignore[attr-defined]


def test_program_with_2000_resources_constructs_without_recursion_error(mocks: None) -> None:
    for i in range(2000):
        ampeco.IdTag(f"card-{i}", id_tag_uid=f"04{i:08X}", status="enabled", type="rfid")
