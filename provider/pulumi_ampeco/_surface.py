"""Runtime helpers shared by the generated resource classes (id_tag.py, location.py, ...)."""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import pickle
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

import pulumi

from pulumi_ampeco._reserved import ADOPT_ID

# The generated modules pass their field names in (`_OUTPUTS`, `_SECRET_OUTPUTS`, written by
# `tools/codegen.py` from the specs): a program that constructs resources loads neither pydantic nor the
# spec models (tests/test_import_boundaries.py).


def resource_props(args: object | None, kwargs: dict[str, Any], outputs: tuple[str, ...]) -> dict[str, Any]:
    """The props dict for ``dynamic.Resource``: declared arguments, then every output as None.

    An Args object and keyword arguments may be combined; keywords win. Outputs must be present
    (as None) for Pulumi to expose them as attributes; None values are not sent as inputs.
    """
    props: dict[str, Any] = {}
    if args is not None:
        props.update({f.name: getattr(args, f.name) for f in dataclasses.fields(args)})  # type: ignore[arg-type]
    props.update({k: v for k, v in kwargs.items() if v is not None})
    for name in outputs:
        props.setdefault(name, None)
    props.setdefault(ADOPT_ID, None)
    return props


def set_props(args: object | None, kwargs: dict[str, Any], outputs: tuple[str, ...], *, kind: str, field: str,
              key: str, columns: tuple[str, ...], allow_empty: bool) -> dict[str, Any]:
    """The props of a set (``IdTagSet``): ``field``'s members as given, plus the rows of ``csv``.

    A key both given and in the file, or in the file twice, is refused; so is a set with no member
    at all, unless ``allow_empty``: applying it would delete every member the set holds, which an
    emptied or truncated spreadsheet should never do unasked. Problems fail the program in one line.
    """
    from pulumi_ampeco.errors import SpecError

    props = resource_props(args, kwargs, outputs)
    props.pop(ADOPT_ID, None)  # a set adopts by adopt_existing, not by one id
    path = props.pop("csv", None)
    given = props.get(field)
    try:
        if path is not None:
            from pulumi_ampeco._csv import read_members

            rows = read_members(path, key=key, columns=columns)
            if given is not None and not isinstance(given, Mapping):
                raise SpecError(f"{field} is not known yet (an Output), so it cannot be combined with csv; pass "
                                "the file alone, or the members as a mapping", file=str(path))
            both = sorted(set(map(str, given or {})) & set(rows))
            if both:
                raise SpecError(f"{key} {both[0]!r} is in {field} and in the file; give each member once",
                                file=str(path))
            props[field] = {**{str(k): v for k, v in (given or {}).items()}, **rows}
        members = props.get(field)
        if isinstance(members, Mapping):
            props[field] = {str(k): v for k, v in members.items()}
        if (members is None or (isinstance(members, Mapping) and not members)) and not allow_empty:
            raise SpecError(f"{kind} has no members: applying it would delete every member it holds. If that is "
                            "what you want, pass allow_empty=True", file=str(path) if path is not None else None)
    except SpecError as exc:
        raise as_program_error(exc) from None
    props.setdefault(field, {})
    return props


_Class = TypeVar("_Class", bound=type)


def resolved_annotations(cls: _Class) -> _Class:
    """The resource class's own annotations as objects instead of strings (its module has
    ``from __future__ import annotations``). The Pulumi SDK reads them with ``typing.get_type_hints``
    for every resource it registers (``pulumi._types.resource_types``, not cached), compiling each
    string again: resolved once at import, a program of thousands of resources spends ~10 % less
    CPU. (A class naming something its module imports only for type checkers keeps its strings.)"""
    try:
        resolved = inspect.get_annotations(cls, eval_str=True)
    except NameError:
        return cls
    cls.__annotations__ = resolved
    return cls


def resource_options(
    opts: pulumi.ResourceOptions | None, secret_outputs: tuple[str, ...]
) -> pulumi.ResourceOptions:
    """Mark outputs holding secrets (a charge point's pin, network password) as secret.

    Refuses ``import_`` at once, in the program: the engine's import step sends a dynamic provider
    no state, so it would fail later with a KeyError traceback from the SDK (pulumi/pulumi#16175).
    """
    if opts is not None and opts.import_:
        raise pulumi.RunError(
            f"the import_ resource option cannot work with pulumi_ampeco resources (dynamic providers get no "
            f"state to import with, pulumi/pulumi#16175): to take over object {opts.import_}, "
            f"drop import_ and pass adopt_id={opts.import_} instead")
    if not secret_outputs:
        return opts or pulumi.ResourceOptions()
    secret = pulumi.ResourceOptions(additional_secret_outputs=list(secret_outputs))
    return pulumi.ResourceOptions.merge(opts, secret)


_PROGRAM_ERRORS: dict[type[BaseException], type[BaseException]] = {}


def as_program_error(exc: BaseException) -> BaseException:
    """``exc`` as a Pulumi program fails with it: still an instance of its own class (a program can
    catch it as usual), and a ``pulumi.RunError``, which the language host prints as its one-line
    message instead of "Program failed with an unhandled exception" and a traceback."""
    if isinstance(exc, pulumi.RunError):
        return exc
    cls = _PROGRAM_ERRORS.get(type(exc))
    if cls is None:
        cls = _PROGRAM_ERRORS[type(exc)] = type(type(exc).__name__, (type(exc), pulumi.RunError),
                                                 {"__module__": type(exc).__module__})
    again = cls.__new__(cls)
    again.__dict__.update(exc.__dict__)
    again.args = exc.args
    return again


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
