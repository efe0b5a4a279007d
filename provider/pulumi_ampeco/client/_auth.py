"""Bearer-token auth whose repr, str and pickled form never show the token."""

from __future__ import annotations

from collections.abc import Generator
from typing import NoReturn

import httpx

from pulumi_ampeco.errors import ConfigurationError

__all__ = ["BearerAuth", "validate_token"]

_MASK = "***"


def validate_token(token: str) -> str:
    """The token without surrounding whitespace, or ConfigurationError (which never shows it).

    A token with inner whitespace, control or non-ASCII characters cannot be sent in a header;
    left unchecked, the HTTP library would raise an error quoting the header value.
    """
    if not isinstance(token, str):
        raise ConfigurationError(f"the API token must be a string, got {type(token).__name__}")
    token = token.strip()
    if not token:
        raise ConfigurationError("the API token is empty")
    if not all("!" <= ch <= "~" for ch in token):
        raise ConfigurationError(
            "the API token contains whitespace, control or non-ASCII characters; "
            "copy it again from CHARGE Back Office > API Access Tokens"
        )
    return token


class BearerAuth(httpx.Auth):
    """Adds ``Authorization: Bearer <token>`` to every request."""

    __slots__ = ("_token",)

    def __init__(self, token: str) -> None:
        self._token = validate_token(token)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request

    def __repr__(self) -> str:
        return f"BearerAuth(token={_MASK!r})"

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        raise TypeError("BearerAuth is not picklable: it would write the API token out")
