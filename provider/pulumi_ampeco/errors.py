"""Every exception pulumi-ampeco raises on purpose.

::

    AmpecoError                        base of everything the package raises on purpose
    ├── ConfigurationError             no tenant URL or token; malformed URL
    ├── SpecError                      network spec problem: file, object, field, reason
    │   └── SpecProblemsError          .problems: every problem of a spec at once
    ├── ExportError                    the tenant's data cannot be written as a spec
    ├── PreviewError                   `summarize` input is not what `pulumi preview --json` printed
    ├── AdoptError                     an existing object cannot be taken over as declared (adopt_id)
    ├── AlreadyExistsError             the object to create exists and is not this program's: set adopt_id
    ├── LookupFailedError              get_<kind>() / {existing: ...}: no object, or more than one, matches
    ├── MembersFailedError             some members of a set (IdTagSet) failed: .failures; the rest was done
    └── ApiError                       .kind .operation .method .path (never headers, never the token)
        ├── ApiTransportError          no response at all (connect failed, read timed out, ...)
        ├── AmbiguousWriteError        a POST may have been applied (timeout/reset after send, 5xx)
        ├── MalformedResponseError     a response came back but is not the API's JSON shape
        └── ApiStatusError             .status .api_message .field_errors
            ├── AuthenticationError    401
            ├── PermissionDeniedError  403
            ├── NotFoundError          404
            ├── UnprocessableError     422
            ├── RateLimitedError       429  (.retry_after)
            └── ServerError            5xx

An ``ApiError`` message is built from its fields when it is printed, so the engine can add the
resource kind and operation after the client raised it::

    ChargePoint update failed: PATCH /public-api/resources/charge-points/v2.0/41 -> 422:
    network.id: The network id has already been taken.

Messages never include request headers, so the API token cannot leak through them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "AdoptError",
    "AlreadyExistsError",
    "AmbiguousWriteError",
    "AmpecoError",
    "ApiError",
    "ApiStatusError",
    "ApiTransportError",
    "AuthenticationError",
    "ConfigurationError",
    "ExportError",
    "LookupFailedError",
    "MalformedResponseError",
    "MembersFailedError",
    "NotFoundError",
    "PermissionDeniedError",
    "PreviewError",
    "Problem",
    "RateLimitedError",
    "ServerError",
    "SpecError",
    "SpecProblemsError",
    "UnprocessableError",
    "error_for_status",
]


class AmpecoError(Exception):
    """Base class of every error the package raises on purpose."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__module__ == __name__:
            cls.__module__ = "pulumi_ampeco"  # the public path, which one-line error messages show


AmpecoError.__module__ = "pulumi_ampeco"


class ConfigurationError(AmpecoError):
    """The tenant URL or API token is missing or malformed."""


class SpecError(AmpecoError):
    """A network spec is invalid; names the file, the object and the field."""

    def __init__(self, reason: str, *, file: str | None = None, obj: str | None = None,
                 field: str | None = None) -> None:
        self.reason, self.file, self.obj, self.field = reason, file, obj, field
        where = ": ".join(p for p in (file, obj, field) if p)
        super().__init__(f"{where}: {reason}" if where else reason)


@dataclass(frozen=True)
class Problem:
    """One problem of a network spec: the object (``charge_points.cp-1``), the field, the reason."""

    obj: str | None
    field: str | None
    reason: str

    def __str__(self) -> str:
        return ": ".join(p for p in (self.obj, self.field, self.reason) if p)


class SpecProblemsError(SpecError):
    """A spec with one or more problems; ``problems`` lists them all (each object, field, reason)."""

    def __init__(self, problems: Sequence[Problem], *, file: str | None) -> None:
        self.problems = list(problems)
        if len(self.problems) == 1:
            only = self.problems[0]
            super().__init__(only.reason, file=file, obj=only.obj, field=only.field)
        else:
            listing = "\n".join(f"  - {p}" for p in self.problems)
            super().__init__(f"{len(self.problems)} problems:\n{listing}", file=file)


class ExportError(AmpecoError):
    """The tenant's data cannot be written as a spec (e.g. a reference to a missing object)."""


class PreviewError(AmpecoError, ValueError):
    """The input is not something ``pulumi preview --json`` printed; the message is one line."""


class AdoptError(AmpecoError):
    """An existing object cannot be taken over as declared (no such id, or it differs where it
    cannot change in place)."""


class AlreadyExistsError(AmpecoError):
    """The object to create exists already, and this program did not create it (or it differs from
    what this create sent): it is never taken over silently; the message names it and ``adopt_id``.
    ``existing_id`` is its id when it was found (None when another resource of the run made it)."""

    def __init__(self, message: str, *, existing_id: int | str | None = None) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class LookupFailedError(AmpecoError):
    """A lookup of an existing object (``get_<kind>()``, ``{existing: ...}`` in a spec) found none, or
    more than one; the message names what was looked for and where."""


class MembersFailedError(AmpecoError):
    """Some members of a set (an ``IdTagSet``) could not be created, changed or deleted. The others
    were, and the state records them (with ``outputs``), so the next run does only what is left.
    ``failures`` maps each failed member's key to its error; ``not_attempted`` counts the members
    left alone once too many had failed."""

    def __init__(self, message: str, *, failures: Mapping[str, Exception], not_attempted: int = 0,
                 outputs: Mapping[str, object] | None = None, resource_id: str = "") -> None:
        super().__init__(message)
        self.failures = dict(failures)
        self.not_attempted = not_attempted
        self.outputs = dict(outputs or {})
        self.resource_id = resource_id


class ApiError(AmpecoError):
    """A call to the AMPECO API failed.

    ``kind`` and ``operation`` are filled in by whoever knows them (the engine), so the message
    reads "IdTag create failed: POST /public-api/... -> 422: ...".
    """

    def __init__(self, detail: str, *, method: str, path: str, kind: str | None = None,
                 operation: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.method = method
        self.path = path
        self.kind = kind
        self.operation = operation

    def _status_part(self) -> str:
        return ""

    def __str__(self) -> str:
        prefix = ""
        if self.kind or self.operation:
            prefix = f"{' '.join(p for p in (self.kind, self.operation) if p)} failed: "
        return f"{prefix}{self.method} {self.path}{self._status_part()}: {self.detail}"

    def with_context(self, kind: str | None, operation: str | None) -> ApiError:
        """Attach the resource kind and operation unless already set; returns self."""
        self.kind = self.kind or kind
        self.operation = self.operation or operation
        return self


class ApiTransportError(ApiError):
    """No response at all: the tenant could not be reached or did not answer in time."""


class AmbiguousWriteError(ApiError):
    """A create (POST) may or may not have been applied: the response was lost.

    The engine resolves it by looking the object up by its natural key. ``status`` is the
    HTTP status when a (5xx) response came back, None when no response arrived at all.
    """

    def __init__(self, detail: str, *, method: str, path: str, status: int | None = None,
                 kind: str | None = None, operation: str | None = None) -> None:
        super().__init__(detail, method=method, path=path, kind=kind, operation=operation)
        self.status = status

    def _status_part(self) -> str:
        return f" -> {self.status}" if self.status is not None else ""


class MalformedResponseError(ApiError):
    """The server answered, but not with the JSON shape the API documents."""

    def __init__(self, detail: str, *, method: str, path: str, status: int, **kw: str | None) -> None:
        super().__init__(detail, method=method, path=path, **kw)
        self.status = status

    def _status_part(self) -> str:
        return f" -> {self.status}"


class ApiStatusError(ApiError):
    """The API answered with an error status."""

    def __init__(self, *, method: str, path: str, status: int, api_message: str | None = None,
                 field_errors: Mapping[str, Sequence[str]] | None = None,
                 kind: str | None = None, operation: str | None = None) -> None:
        self.status = status
        self.api_message = api_message
        self.field_errors: dict[str, list[str]] = {k: list(v) for k, v in (field_errors or {}).items()}
        super().__init__(self._detail(), method=method, path=path, kind=kind, operation=operation)

    def _detail(self) -> str:
        if self.field_errors:
            return "; ".join(f"{f}: {' '.join(m)}" for f, m in self.field_errors.items())
        return self.api_message or "(no message)"

    def _status_part(self) -> str:
        return f" -> {self.status}"


class AuthenticationError(ApiStatusError):
    """401: the API token is missing, wrong or revoked."""


class PermissionDeniedError(ApiStatusError):
    """403: the token's admin may not do this."""


class NotFoundError(ApiStatusError):
    """404: the object does not exist (read: gone; delete: already done)."""


class UnprocessableError(ApiStatusError):
    """422: the API rejected the body; ``field_errors`` holds its per-field messages."""


class RateLimitedError(ApiStatusError):
    """429: too many requests; ``retry_after`` is the server's hint in seconds, if any."""

    def __init__(self, *, retry_after: float | None = None, **kw: object) -> None:
        self.retry_after = retry_after
        super().__init__(**kw)  # type: ignore[arg-type]


class ServerError(ApiStatusError):
    """5xx: the tenant failed."""


_BY_STATUS: dict[int, type[ApiStatusError]] = {
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: UnprocessableError,
    429: RateLimitedError,
}


def error_for_status(status: int) -> type[ApiStatusError]:
    """The most specific ApiStatusError subclass for an HTTP status."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        return ServerError
    return ApiStatusError
