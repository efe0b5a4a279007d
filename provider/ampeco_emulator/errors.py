"""The emulator's own small exception tree. Nothing here knows about HTTP responses;
``responses.render_error`` is the ONE place that turns these into Laravel-style JSON.

::

    EmulatorError              (status, message, field errors, headers)
    ├── BadRequest             400  malformed JSON, unknown filter / include (Spatie query builder)
    ├── Unauthenticated        401  {"message": "Unauthenticated."}
    ├── NotFound               404  unknown route or "No query results for model [App\\Models\\X] id"
    ├── MethodNotAllowed       405  "The PUT method is not supported for route ... Supported methods: ..."
    ├── Conflict               409  a duplicate the API refuses as a conflict, a delete refused as in use
    └── Unprocessable          422  validation failure (field errors) or a refused delete
"""

from __future__ import annotations


class EmulatorError(Exception):
    status: int = 500

    def __init__(
        self,
        message: str,
        errors: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors
        self.headers = headers or {}

    def body(self) -> dict[str, object]:
        body: dict[str, object] = {"message": self.message}
        if self.errors is not None:
            body["errors"] = self.errors
        return body


class BadRequest(EmulatorError):
    status = 400


class Unauthenticated(EmulatorError):
    status = 401

    def __init__(self) -> None:
        super().__init__("Unauthenticated.")


class NotFound(EmulatorError):
    status = 404


class MethodNotAllowed(EmulatorError):
    status = 405


class Conflict(EmulatorError):
    status = 409


class Unprocessable(EmulatorError):
    status = 422


def model_not_found(model: str, ident: object) -> NotFound:
    """Laravel's ModelNotFoundException message for route model binding."""
    return NotFound(f"No query results for model [App\\Models\\{model}] {ident}")


def route_not_found(path: str) -> NotFound:
    return NotFound(f"The route {path.lstrip('/')} could not be found.")


def validation_failed(errors: dict[str, list[str]]) -> Unprocessable:
    """Laravel's ValidationException: first message plus '(and N more error(s))'."""
    messages = [m for msgs in errors.values() for m in msgs]
    first = messages[0] if messages else "The given data was invalid."
    extra = len(messages) - 1
    if extra == 1:
        first = f"{first} (and 1 more error)"
    elif extra > 1:
        first = f"{first} (and {extra} more errors)"
    return Unprocessable(first, errors)


def refused(message: str) -> Unprocessable:
    """A delete (or other operation) the tenant refuses, e.g. an object still referenced."""
    return Unprocessable(message)
