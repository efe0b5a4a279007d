"""IdTagSet: a fleet's RFID cards (or any number of id tags) as one resource, keyed by uid."""

from __future__ import annotations

from pulumi_ampeco.specs._base import MemberSet

SPEC = MemberSet(
    kind="IdTagSet",
    member="IdTag",
    key="id_tag_uid",
    field="tags",
    module="id_tag_set",
    description="A set of id tags (a fleet's RFID cards) owned as one resource, keyed by id_tag_uid.",
    # One IdTag resource each is a step, a provider call and a checkpoint of the whole state per
    # card: past ~100 cards an `up` is dominated by that (docs/scale.md), so export writes a set.
    export_above=100,
)
