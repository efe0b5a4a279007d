"""AmpecoProvider: the one class dill pickles into every resource's state.

PUBLIC CONTRACT: the module path ``pulumi_ampeco._engine.provider``, the class name
``AmpecoProvider`` and its ``kind`` values ("IdTag", "Location", ...) are stored in existing
stacks. Renaming or moving any of them breaks refresh and destroy of those stacks; keep a shim.

An instance holds only ``kind``, so it pickles by reference to a few dozen bytes that never
change between runs (no ``~__provider`` churn) and refresh/destroy always run the installed code.
Clients, config and caches live in ``session``, inside the provider process.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    ResourceProvider,
    UpdateResult,
)

from pulumi_ampeco._engine.kinds import KINDS, SET_KINDS
from pulumi_ampeco.errors import AmpecoError, ApiError, AuthenticationError, MembersFailedError

if TYPE_CHECKING:
    from pulumi_ampeco.client import AmpecoClient
    from pulumi_ampeco.specs._base import MemberSet, ResourceSpec

T = TypeVar("T")

TRACEBACKS_ENV = "AMPECO_TRACEBACKS"
"""Set it (``AMPECO_TRACEBACKS=1 pulumi up``) to see the provider's full Python tracebacks."""

# Everything else is imported on first use, inside the methods: a Pulumi program constructs
# providers but never calls them, so it loads neither pydantic nor the specs (`check`, `diff`,
# `state`, `specs`); and a provider process that only checks and diffs (a no-op preview) never
# needs `operations` and `session` (and with them httpx).


class AmpecoProvider(ResourceProvider):
    """Generic CRUD for one AMPECO resource kind, driven by its spec (``specs.REGISTRY``), or for
    one kind of set of them (``specs.SETS``: ``_engine.sets``)."""

    serialize_as_secret_always = False  # the pickle holds no secret: module + class + kind

    def __init__(self, kind: str) -> None:
        super().__init__()
        if kind not in KINDS:
            raise ValueError(f"unknown AMPECO resource kind {kind!r}")
        self.kind = kind

    def __getstate__(self) -> dict[str, Any]:
        return {"kind": self.kind}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.kind = state["kind"]

    def __repr__(self) -> str:
        return f"AmpecoProvider({self.kind!r})"

    @property
    def spec(self) -> ResourceSpec:
        """The resource's declaration; for a set, its members' kind's."""
        from pulumi_ampeco.specs import REGISTRY

        members = self.member_set
        return REGISTRY[members.member if members is not None else self.kind]

    @property
    def member_set(self) -> MemberSet | None:
        """The set's declaration when this provider manages a set (``IdTagSet``)."""
        if self.kind not in SET_KINDS:
            return None
        from pulumi_ampeco.specs import SETS

        return SETS[self.kind]

    def configure(self, req: ConfigureRequest) -> None:
        from pulumi_ampeco._engine import session

        # Only the provider process gets here. The SDK's server sends the engine
        # traceback.format_exc() for every exception; with the limit at 0 that is one line, the
        # message our errors are written to be read as.
        if not os.environ.get(TRACEBACKS_ENV):
            sys.tracebacklimit = 0
        session.configure({key: req.config.get(key) for key in session.CONFIG_KEYS})

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        from pulumi_ampeco._engine import session
        from pulumi_ampeco._engine.check import check_inputs

        members = self.member_set
        if members is not None:
            from pulumi_ampeco._engine.unknown import is_unknown
            from pulumi_ampeco._reserved import PROVIDER_KEY
            from pulumi_ampeco.specs._members import check_set

            inputs, failures = check_set(members, news, unknown=is_unknown, passthrough=(PROVIDER_KEY,))
        else:
            inputs, failures = check_inputs(self.spec, news)
        if not failures and session.configured():
            # Once per run (one GET, or none when a call already succeeded): a preview with a
            # wrong token fails here, instead of passing without a single API call.
            path = _probe_path(self.spec)
            self._call("check", lambda client: session.check_credentials(client, path))
        return CheckResult(inputs, [CheckFailure(f.property, f.reason) for f in failures])

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        from pulumi_ampeco._engine.diff import compare
        from pulumi_ampeco._engine.state import declared, live_values, previously_managed

        members = self.member_set
        if members is not None:
            from pulumi_ampeco._engine import sets

            # changes=None: the engine diffs the inputs itself, so a preview shows each member added,
            # changed (field by field) or removed, as `tags["04AA"].status`.
            return DiffResult(changes=None if sets.has_changes(members, olds, news) else False)
        spec = self.spec
        # Parent ids are declared arguments too: compare() sees a changed one and, as a PathParam, replaces.
        changes = compare(spec, declared(news), live_values(olds), previously_managed(olds))
        if not changes:
            return DiffResult(changes=False)
        # changes=None: the engine diffs old and new inputs itself, so `preview --diff`, `--json` and
        # replace_on_changes see which fields change; `replaces` still forces the replacement.
        return DiffResult(
            changes=None,
            replaces=sorted(changes.replaces),
            delete_before_replace=spec.delete_before_replace and bool(changes.replaces),
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        from pulumi_ampeco._engine import operations, session

        members = self.member_set
        if members is not None:
            from pulumi_ampeco._engine import sets

            set_id, set_outs = self._call("create", lambda client: sets.create(
                members, client, props, claims=session.claims(), **self._set_options()), props=props)
            return CreateResult(set_id, set_outs)
        object_id, outs = self._call("create", lambda client: operations.create(
            self.spec, client, props, claims=session.claims()))
        return CreateResult(object_id, outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        from pulumi_ampeco._engine import operations, session
        from pulumi_ampeco._engine.state import refreshed_inputs

        members = self.member_set
        if members is not None:
            from pulumi_ampeco._engine import sets

            set_outs = self._call("read", lambda client: sets.read(
                members, client, props, timeout=session.operation_timeout()), scaled=True)
            return ReadResult(id_, set_outs, sets.refreshed_inputs(members, set_outs))
        outs = self._call("read", lambda client: operations.read(self.spec, client, id_, props))
        if outs is None:
            return ReadResult(None, {})  # gone: the engine drops it from state
        return ReadResult(id_, outs, refreshed_inputs(self.spec, outs))

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        from pulumi_ampeco._engine import operations, session

        members = self.member_set
        if members is not None:
            from pulumi_ampeco._engine import sets

            return UpdateResult(self._call("update", lambda client: sets.update(
                members, client, id_, olds, news, claims=session.claims(), **self._set_options()), props=news))
        outs = self._call("update", lambda client: operations.update(self.spec, client, id_, olds, news))
        return UpdateResult(outs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        from pulumi_ampeco._engine import operations, session

        members = self.member_set
        if members is not None:
            from pulumi_ampeco._engine import sets

            self._call("delete", lambda client: sets.delete(
                members, client, props, claims=session.claims(), **self._set_options()), scaled=True)
            return
        self._call("delete", lambda client: operations.delete(self.spec, client, id_, props, claims=session.claims()))

    @staticmethod
    def _set_options() -> dict[str, Any]:
        from pulumi_ampeco._engine import session, sets

        return {"timeout": session.operation_timeout(), "concurrency": session.set_concurrency(sets.DEFAULT_CONCURRENCY)}

    def _call(self, operation: str, fn: Callable[[AmpecoClient], T], *, scaled: bool = False,
              props: dict[str, Any] | None = None) -> T:
        """``fn`` with the run's client, under one deadline for all of it; errors as one line.

        A set's call (``scaled``, or ``props`` given: a create or update) opens its own deadline,
        scaled to its members; one that fails part-way reports what it did (``partial``), with the
        ``__provider`` of ``props``, so the state records it.
        """
        from pulumi_ampeco._engine import session
        from pulumi_ampeco.client import operation_deadline

        try:
            client = session.client()
            scaled = scaled or props is not None
            with operation_deadline(None if scaled else session.operation_timeout()):
                return fn(client)
        except MembersFailedError as exc:
            if props is not None:
                from pulumi_ampeco._engine import partial
                from pulumi_ampeco._reserved import PROVIDER_KEY

                line = f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}"
                partial.report(exc.resource_id, {**exc.outputs, PROVIDER_KEY: props.get(PROVIDER_KEY)}, [line])
            raise exc.with_traceback(None) from None
        except ApiError as exc:
            if isinstance(exc, AuthenticationError):
                from pulumi_ampeco.config import TOKEN_HINT

                if TOKEN_HINT not in exc.detail:
                    exc.detail = f"{exc.detail} ({TOKEN_HINT})"
            # A short traceback: the engine shows it whole, and our frames help nobody.
            raise exc.with_context(self.kind, operation).with_traceback(None) from None
        except AmpecoError as exc:  # AlreadyExistsError, AdoptError, ConfigurationError: their message says it all
            raise exc.with_traceback(None) from None


def _probe_path(spec: ResourceSpec) -> str:
    """A collection to list for the credential check: the kind's own, or its top ancestor's (a
    nested kind's path needs parent ids that a check may not know yet)."""
    from pulumi_ampeco.specs import REGISTRY
    from pulumi_ampeco.specs._schema import model_meta

    while spec.path_params_in_order:
        reference = model_meta(spec.model).fields[spec.path_params_in_order[0]].reference
        assert reference is not None and reference.kind is not None
        spec = REGISTRY[reference.kind]
    return spec.collection
