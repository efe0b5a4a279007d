"""Turning what came back (or did not) into the package's error tree. Pure functions.

Every function takes a ``redact`` callable that removes the token from any text taken from the
wire, so even a proxy page echoing the request cannot leak it into a message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import httpx

from pulumi_ampeco.client._transport import TransportFailure, parse_retry_after
from pulumi_ampeco.errors import (
    AmbiguousWriteError,
    ApiError,
    ApiStatusError,
    ApiTransportError,
    MalformedResponseError,
    RateLimitedError,
    error_for_status,
)

__all__ = [
    "SNIPPET_LIMIT",
    "error_from_failure",
    "error_from_response",
    "malformed_response",
    "parse_error_body",
    "snippet",
]

SNIPPET_LIMIT = 200
Redact = Callable[[str], str]

_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")


def _identity(text: str) -> str:
    return text


def snippet(text: str, limit: int = SNIPPET_LIMIT) -> str:
    """A one-line excerpt of at most ``limit`` characters; HTML tags are dropped."""
    flat = _SPACE.sub(" ", _TAG.sub(" ", text)).strip() if "<" in text else _SPACE.sub(" ", text).strip()
    if not flat:
        flat = _SPACE.sub(" ", text).strip()
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "\u2026"
    return flat


def _body_text(response: httpx.Response) -> str:
    try:
        return response.text
    except (UnicodeDecodeError, LookupError, httpx.HTTPError):
        return response.content.decode("utf-8", errors="replace")


def parse_error_body(response: httpx.Response, redact: Redact = _identity
                     ) -> tuple[str | None, dict[str, list[str]]]:
    """``(api_message, field_errors)`` from Laravel's ``{"message", "errors"}``; a non-JSON
    body gives its snippet as the message."""
    text = _body_text(response)
    if not text.strip():
        return None, {}
    try:
        body = json.loads(text)
    except ValueError:
        return redact(snippet(text)) or None, {}
    if not isinstance(body, dict):
        return redact(snippet(text)) or None, {}
    message = body.get("message")
    api_message = redact(snippet(message, 1000)) if isinstance(message, str) and message.strip() else None
    field_errors: dict[str, list[str]] = {}
    errors = body.get("errors")
    if isinstance(errors, dict):
        for field, msgs in errors.items():
            items = msgs if isinstance(msgs, list) else [msgs]
            field_errors[redact(str(field))] = [redact(m if isinstance(m, str) else json.dumps(m))
                                                for m in items]
    if api_message is None and not field_errors:
        api_message = redact(snippet(text))
    return api_message, field_errors


def error_from_response(method: str, path: str, response: httpx.Response,
                        redact: Redact = _identity) -> ApiError:
    """The most specific error for a non-2xx response; a POST 5xx is ambiguous."""
    status = response.status_code
    api_message, field_errors = parse_error_body(response, redact)
    location = response.headers.get("Location")
    if 300 <= status < 400 and location:
        # Typically http:// -> https:// or a moved tenant; redirects are not followed, so the
        # bearer token is never sent anywhere but the configured tenant URL.
        api_message = redact(f"redirected to {snippet(location)}; set the tenant URL to where it points")
    if not api_message and not field_errors:
        api_message = response.reason_phrase or f"HTTP {status}"
    if method == "POST" and status >= 500:
        detail = "; ".join(f"{f}: {' '.join(m)}" for f, m in field_errors.items()) or api_message
        return AmbiguousWriteError(
            f"{detail} (the tenant failed after receiving the request: the object may or may not "
            "have been created; look it up before creating it again)",
            method=method, path=path, status=status)
    cls = error_for_status(status)
    if cls is RateLimitedError:
        return RateLimitedError(retry_after=parse_retry_after(response.headers.get("Retry-After")),
                                method=method, path=path, status=status, api_message=api_message,
                                field_errors=field_errors)
    error: ApiStatusError = cls(method=method, path=path, status=status, api_message=api_message,
                                field_errors=field_errors)
    return error


def malformed_response(method: str, path: str, response: httpx.Response, expected: str,
                       redact: Redact = _identity) -> MalformedResponseError:
    """A 2xx whose body is not what the API documents; quotes a short snippet of it."""
    text = _body_text(response)
    got = redact(snippet(text)) if text.strip() else "an empty body"
    content_type = response.headers.get("Content-Type", "no content type")
    return MalformedResponseError(f"expected {expected}, got {got!s} ({content_type})",
                                  method=method, path=path, status=response.status_code)


def _describe(exc: httpx.TransportError) -> str:
    message = str(exc).strip()
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def error_from_failure(method: str, path: str, failure: TransportFailure, *, target: str,
                       redact: Redact = _identity) -> ApiError:
    """No response: ApiTransportError, or AmbiguousWriteError for a POST that may have landed."""
    cause = redact(_describe(failure.error))
    if method == "POST" and failure.maybe_applied:
        return AmbiguousWriteError(
            f"the request was sent to {target} but no response arrived ({cause}); the object may "
            "or may not have been created; look it up before creating it again",
            method=method, path=path)
    attempts = f"{failure.attempts} attempt" + ("s" if failure.attempts != 1 else "")
    stopped = f"; no more tries: {failure.deadline.describe()} was reached" if failure.deadline else ""
    return ApiTransportError(
        f"no response from {target} after {attempts} in {failure.elapsed:.1f} s ({cause}){stopped}; "
        "check that the tenant URL is right and reachable",
        method=method, path=path)
