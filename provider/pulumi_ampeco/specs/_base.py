"""The declaration language for AMPECO resources: field markers, value types and ``ResourceSpec``.

A spec says everything the generic engine needs about a resource and nothing else: the wire
model (pydantic, Python names with camelCase aliases), which fields force replacement, which the
server computes or fills in, how to reach and update the object, and its natural key. Adding a
resource means writing one spec; when the engine would need a special case, a marker is missing.

This module imports neither pulumi nor httpx.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.alias_generators import to_camel

__all__ = [
    "Action",
    "ActionDriven",
    "AmpecoModel",
    "Computed",
    "CreateOnly",
    "DateStr",
    "DateTimeStr",
    "Equivalent",
    "Field",
    "IdRef",
    "IgnoreItems",
    "Immutable",
    "Included",
    "Int",
    "MemberSet",
    "Money",
    "Nullable",
    "Number",
    "Ordered",
    "PathParam",
    "ReadOnlyValues",
    "Reference",
    "RequiredWhen",
    "ResetTo",
    "ResourceSpec",
    "Secret",
    "ServerDefault",
    "ServerPrepends",
    "SubCollection",
    "TimeStr",
    "UpdateOnly",
    "WriteOnly",
    "integral",
    "markers_of",
]


# ---------------------------------------------------------------------------------------------
# Field markers, placed in Annotated[...] metadata.


@dataclass(frozen=True)
class _Marker:
    name: str

    def __repr__(self) -> str:
        return self.name


Immutable = _Marker("Immutable")
"""A change cannot be made in place: the engine replaces the object."""

CreateOnly = _Marker("CreateOnly")
"""Accepted on create only (never sent in an update); implies Immutable."""

UpdateOnly = _Marker("UpdateOnly")
"""Accepted on update only: create sends it in a follow-up update (an extra API call)."""

Computed = _Marker("Computed")
"""Set by the server; an output, never an argument."""

ServerDefault = _Marker("ServerDefault")
"""The server fills it in when omitted, so an omitted argument means "not managed", never null."""

Secret = _Marker("Secret")
"""Marked secret in outputs; export writes a config reference instead of the value."""

Ordered = _Marker("Ordered")
"""A list whose order is meaningful; other lists compare as sets."""

@dataclass(frozen=True)
class Reference:
    """The value is the id of another AMPECO object (so it also accepts a resource's string ``id``).

    ``kind`` names the resource of this provider it points at (``Reference("Location")``): a
    network spec then refers to the object by its logical name, export writes that name, and
    dependency order follows it. Without a kind (users, electricity rates) the id stays a number.
    On a PathParam it names the parent the object nests under. ``within`` names the argument of
    this object whose referenced object holds the target as a child: a charge point's zone is one
    of its location's zones (``Reference("ChargingZone", within="location_id")``).
    """

    kind: str | None = None
    within: str | None = None

    def __repr__(self) -> str:
        if self.kind is None:
            return "Reference"
        return f"Reference({self.kind!r}" + (f", within={self.within!r})" if self.within else ")")

PathParam = _Marker("PathParam")
"""A parent id carried in the URL, not the body; changing it moves the object, so it replaces."""

Nullable = _Marker("Nullable")
"""The update body accepts null for it: removing the argument sends null (the API clears it).

Without it (and without ``ResetTo``) the API refuses null, so removing the argument leaves the
live value as it is and stops managing it: nothing the program no longer declares is changed."""

WriteOnly = _Marker("WriteOnly")
"""Accepted in requests, never returned: the value last sent is kept in state and compared instead
of a live value (which would always look missing and give a diff on every run)."""


@dataclass(frozen=True)
class ResetTo:
    """Removing the argument sends this value, the API's documented empty value or default
    (``[]`` for a list it replaces whole, ``False`` for a flag documented as false by default),
    because the API does not accept null for it."""

    value: Any

    def __hash__(self) -> int:
        return hash(repr(self.value))


@dataclass(frozen=True)
class Included:
    """The API returns the field only when asked for with ``include[]=<name>``."""

    name: str


@dataclass(frozen=True)
class ReadOnlyValues:
    """Values the API returns but refuses in a request (an id tag's type ``emaid``): accepted
    only on an adopted object, whose value then stays as it is."""

    values: tuple[Any, ...]

    def __init__(self, *values: Any) -> None:
        object.__setattr__(self, "values", values)


@dataclass(frozen=True)
class Equivalent:
    """Values the API treats as the same (e.g. a null payment method read back as "auto")."""

    values: tuple[Any, ...]

    def __init__(self, *values: Any) -> None:
        object.__setattr__(self, "values", values)


@dataclass(frozen=True)
class IgnoreItems:
    """List items the server adds on its own (e.g. auto-detected capabilities); not the user's."""

    values: tuple[Any, ...]

    def __init__(self, *values: Any) -> None:
        object.__setattr__(self, "values", values)


ServerPrepends = _Marker("ServerPrepends")
"""The server puts items of its own at the front of this list (a tariff group's base tariff);
they are kept on update and are not part of what the user declares."""


@dataclass(frozen=True)
class RequiredWhen:
    """A field required only when other fields have given values (e.g. ``pin`` for personal CPs)."""

    field: str
    when: Mapping[str, tuple[Any, ...]]

    def describe(self) -> str:
        parts = [f"{k} is {' or '.join(repr(v) for v in vs)}" for k, vs in self.when.items()]
        return " and ".join(parts)


@dataclass(frozen=True)
class SubCollection:
    """A list argument the API keeps as a collection of its own under the object
    (``<object>/<path>``, whose items are listed, created, PATCHed and deleted one by one): read
    by listing it; written once the object exists, by creating, updating and deleting items until
    the collection is the declared list. Items are told apart by ``key`` (their fields, Python
    names; the tuple of their values, absent ones as None), so a changed value updates an item in
    place and a changed key replaces it."""

    path: str
    key: tuple[str, ...]


def markers_of(metadata: list[Any]) -> frozenset[Any]:
    """The markers among a pydantic FieldInfo's metadata (hashable instances only)."""
    return frozenset(m for m in metadata
                     if isinstance(m, (_Marker, Equivalent, IgnoreItems, Reference, ResetTo, Included, ReadOnlyValues,
                                       SubCollection)))


# ---------------------------------------------------------------------------------------------
# Value types. Numbers reach the provider as floats (protobuf), ids from other resources as strings.


def integral(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _id_ref(value: Any) -> Any:
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return integral(value)


_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def _check_datetime(value: str) -> str:
    if not _ISO_DATETIME.match(value):
        raise ValueError("must be an ISO 8601 date-time, e.g. 2027-01-31T23:59:59Z")
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T"))
    except ValueError as exc:
        raise ValueError(f"is not a valid date-time ({exc})") from None
    return value


def _check_date(value: str) -> str:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise ValueError("must be a date as YYYY-MM-DD, e.g. 2027-01-31") from None
    return value


def _check_time(value: str) -> str:
    # The API's pattern is ^\d{2}:\d{2}$ (no seconds); 24:00 ends a day.
    match = re.fullmatch(r"(\d{2}):(\d{2})", value)
    if not match or int(match[1]) > 24 or int(match[2]) > 59 or (int(match[1]) == 24 and int(match[2]) > 0):
        raise ValueError("must be a time of day as HH:MM (24 h, no seconds), e.g. 07:30")
    return value


Int = Annotated[int, BeforeValidator(integral), Field(strict=True)]
"""An integer; an integral float (what protobuf delivers) is accepted."""

IdRef = Annotated[int, BeforeValidator(_id_ref), Field(strict=True, ge=1), Reference()]
"""The AMPECO id of another object; accepts a resource's ``id`` output (a string of digits)."""

Number = Annotated[float, Field(strict=True)]
Money = Annotated[float, Field(strict=True, ge=0)]
DateTimeStr = Annotated[str, Field(strict=True), AfterValidator(_check_datetime)]
DateStr = Annotated[str, Field(strict=True), AfterValidator(_check_date)]
TimeStr = Annotated[str, Field(strict=True), AfterValidator(_check_time)]


class AmpecoModel(BaseModel):
    """Base of every wire model: Python names, camelCase aliases, unknown arguments rejected."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        strict=True,
        frozen=True,
        defer_build=True,  # build validators on first use: keeps `import pulumi_ampeco` cheap
    )


# ---------------------------------------------------------------------------------------------
# How a resource is reached when it is not a collection of its own.


@dataclass(frozen=True)
class Action:
    """An API action: POST ``path`` with the arguments ``body`` names (in their wire form),
    answered 202 with no body, so the object is read back after it. ``{name}`` placeholders in
    ``path`` are arguments of the object (its parent ids, the argument its id is)."""

    path: str
    body: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionDriven:
    """A resource the API has no path for: written by actions, read as one item of a list its
    parent object returns with ``include[]=<listed_in>`` (``ResourceSpec.collection`` is then the
    parent object's path). An item's ``id`` is the object's id, and the value of the argument
    ``id`` names: a charge point's membership of a circuit is known by the charge point."""

    create: Action
    update: Action
    delete: Action
    listed_in: str
    id: str


# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResourceSpec:
    """Everything the engine knows about one AMPECO resource.

    ``collection`` is the list/create path; ``{python_name}`` placeholders name PathParam fields.
    ``natural_key`` lists alternative fields (Python names, dotted for nested), each of which alone
    identifies an object within its collection (so within its parent, for nested collections):
    the first one the user declared is used to find the object when a create's response was lost
    or the API says it already exists. ``natural_key_filters`` maps a key to its ``filter[...]``
    name when the API can filter on it; other keys are matched client-side over the listing.
    ``actions`` describes a resource written by actions instead (``ActionDriven``); its
    ``collection`` is then the path of the parent object that lists it.
    """

    kind: str
    model: type[AmpecoModel]
    collection: str
    description: str
    update_method: Literal["PATCH", "PUT"] = "PATCH"
    natural_key: tuple[str, ...] = ()
    natural_key_filters: Mapping[str, str] = field(default_factory=dict)
    always_send: tuple[str, ...] = ()
    required_when: tuple[RequiredWhen, ...] = ()
    delete_before_replace: bool = False
    id_type: type[int | str] = int
    """The type of the API's id of one object, as its path parameter declares it: ``str`` for the
    few the API types as strings (a notification), so ``adopt_id`` takes a string too."""
    actions: ActionDriven | None = None
    module: str = ""
    """File stem shared by the spec, the Pulumi surface, the emulator module and the tests."""

    # -- the YAML network spec and export ------------------------------------------------------
    section: str = ""
    """The kind's mapping in a network spec, nested under its parent's objects when it has a
    parent (a PathParam with a Reference kind): ``charge_points``. Default: ``module`` + "s"."""
    section_order: int = 0
    """Where that mapping comes among its siblings, lowest first (ties: REGISTRY order)."""
    noun: str = ""
    """How messages name one object ("charge point", "EVSE"). Default: the kind in lower-case words."""
    export_name: tuple[str, ...] = ()
    """Fields (dotted) whose first non-empty value gives an exported object its logical name; a
    list of translations gives its English text. Default: ``natural_key``."""
    export_omit: Callable[[Mapping[str, Any]], Iterable[str]] | None = None
    """The arguments export leaves out of an object, given its arguments: values the server makes
    per object, which a clone must not copy."""
    export_server_prepended: Callable[[Mapping[str, Any]], bool] | None = None
    """For this kind's ServerPrepends reference lists: whether the referenced object at the front
    of one object's list, listed by no other (or at the front of every one: a tenant-wide one), is
    the one the server made for it. Export leaves such objects out, and out of the list (the
    target tenant makes its own)."""
    export_tenant_owned: Callable[[Mapping[str, Any]], bool] | None = None
    """Whether an object of this kind, given its exported arguments (references as ids, the
    server's own items already left out), is the tenant's own rather than any program's (a default
    the tenant makes and uses on its own). Export leaves it out; a reference to it is left out
    where the server fills the field in when it is omitted (ServerDefault: the target tenant's own
    applies), and written as ``{existing: {<natural key>: ...}}`` elsewhere."""

    def __post_init__(self) -> None:
        if not self.section:
            object.__setattr__(self, "section", f"{self.module}s")
        if not self.noun:
            object.__setattr__(self, "noun", re.sub(r"(?<!^)(?=[A-Z])", " ", self.kind).lower())

    @property
    def plural(self) -> str:
        """The noun for several objects: "EVSEs", "charge points" (the section, read as words)."""
        words = self.section.replace("_", " ")
        return f"{self.noun}s" if f"{self.noun}s".lower() == words else words

    @property
    def path_params_in_order(self) -> tuple[str, ...]:
        """The PathParam fields in the order the collection path names them (the parent last)."""
        return tuple(re.findall(r"\{(\w+)\}", self.collection))

    def object_id(self, value: Any) -> int | str:
        """An id (``adopt_id``, an id from state) as the API types it: an integral float that
        crossed protobuf becomes ``5``, or ``"5"`` for string ids."""
        value = integral(value)
        if self.id_type is str:
            return str(value).strip()
        return int(value)

    def collection_path(self, path_params: Mapping[str, Any]) -> str:
        return self.collection.format(**{k: _id_ref(v) for k, v in path_params.items()})

    def item_path(self, path_params: Mapping[str, Any], object_id: Any) -> str:
        return f"{self.collection_path(path_params)}/{_id_ref(object_id)}"


# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberSet:
    """One resource owning many objects of an existing kind, keyed by one of its natural keys.

    A fleet's thousands of RFID cards as one resource (``MemberSet(kind="IdTagSet",
    member="IdTag", key="id_tag_uid", field="tags")``) instead of one resource each: one engine
    step and one checkpoint for the whole set, a diff per member key. Its argument ``field`` maps
    each member's ``key`` value to the member's other arguments, which are checked as the member
    kind's own; ``adopt_existing`` (an argument of every set) takes over existing objects with a
    key of the set instead of refusing them. The engine writes only the members that changed
    (POST, PATCH, DELETE each, at a bounded concurrency) and reads them back with one listing of
    the member kind's collection. The member kind must be a top-level collection (no parent in its
    path, not written by actions) with ``key`` among its natural keys.
    """

    kind: str
    """The resource's kind and class name (``IdTagSet``)."""
    member: str
    """The kind of its members, a kind of ``REGISTRY`` (``IdTag``)."""
    key: str
    """The members' natural key, the keys of ``field`` (``id_tag_uid``)."""
    field: str
    """The argument holding the members: key value -> the member's other arguments (``tags``)."""
    module: str
    """File stem of the declaration and of the generated surface (``id_tag_set``)."""
    description: str
    export_above: int = 100
    """Export writes a tenant's objects of the member kind as one set when it has more than this
    many (one resource each below it: the per-resource form reads better in a small spec)."""

    @property
    def noun(self) -> str:
        """How messages name it ("id tag set")."""
        return re.sub(r"(?<!^)(?=[A-Z])", " ", self.kind).lower()
