"""Read what an export needs from the tenant: each kind's listing, children per parent.

Every collection is listed with 100 objects a page, a child collection once per parent (the API
nests them in the URL); objects come back as snake_case dicts with their ``id``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any

from pulumi_ampeco._engine.endpoints import endpoints
from pulumi_ampeco.client import AmpecoClient
from pulumi_ampeco.client._config import DEFAULT_PER_PAGE
from pulumi_ampeco.network._layout import SECTIONS, Section, walk
from pulumi_ampeco.specs._convert import to_python
from pulumi_ampeco.specs._schema import model_meta

__all__ = ["PER_PAGE", "Progress", "Tenant", "kinds_to_read", "read"]

PER_PAGE = DEFAULT_PER_PAGE

Progress = Callable[[str, int], None]
"""Called as objects are read: (label of what is being read, objects read so far)."""

Tenant = dict[str, dict[int | None, list[dict[str, Any]]]]
"""Kind -> parent id (None for a top-level kind) -> the objects read, in listing order."""


def kinds_to_read(kinds: Collection[str]) -> set[str]:
    """The kinds to export, plus the kinds whose ServerPrepends lists tell which of their objects
    the server made (a tariff export needs the groups, to leave out their base tariffs)."""
    wanted = set(kinds)
    for section in walk():
        if section.spec.export_server_prepended is not None and any(
                r.server_prepends and r.kind in kinds for r in section.refs):
            wanted.add(section.kind)
            wanted.update(kind for _, kind in section.ancestors)
    return wanted


def read(client: AmpecoClient, kinds: Collection[str], progress: Progress | None) -> Tenant:
    reader = _Reader(client, progress)
    tenant: Tenant = {}
    for section in SECTIONS:
        if section.kind in kinds:
            reader.section(section, kinds, {}, None, tenant)
    return tenant


class _Reader:
    def __init__(self, client: AmpecoClient, progress: Progress | None) -> None:
        self.client = client
        self.progress = progress
        self.count = 0

    def section(self, section: Section, kinds: Collection[str], ancestor_ids: Mapping[str, Any],
                parent_id: int | None, tenant: Tenant) -> None:
        """List ``section`` (under the ancestors in ``ancestor_ids``: kind -> id), then its children."""
        params = {name: ancestor_ids[kind] for name, kind in section.ancestors}
        objs = self.list(section, params)
        tenant.setdefault(section.kind, {})[parent_id] = objs
        for child in section.children:
            if child.kind in kinds:
                for obj in objs:
                    self.section(child, kinds, {**ancestor_ids, section.kind: obj["id"]}, obj["id"], tenant)

    def list(self, section: Section, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        spec = section.spec
        meta = model_meta(spec.model)
        label = spec.plural
        out = []
        for item in endpoints(spec, self.client, params).list(items=True):
            python = to_python(meta, item)
            python["id"] = item.get("id")
            out.append(python)
            self.count += 1
            if self.progress is not None:
                self.progress(label, self.count)
        if self.progress is not None:
            self.progress(label, self.count)
        return out
