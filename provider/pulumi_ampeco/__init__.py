"""Pulumi resources for AMPECO.CHARGE EV-charging networks."""

from pulumi_ampeco.errors import (
    AmbiguousWriteError,
    AmpecoError,
    ApiError,
    ApiStatusError,
    ApiTransportError,
    AuthenticationError,
    ConfigurationError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    SpecError,
    UnprocessableError,
)

__all__ = [
    "AmbiguousWriteError",
    "AmpecoError",
    "ApiError",
    "ApiStatusError",
    "ApiTransportError",
    "AuthenticationError",
    "ConfigurationError",
    "MalformedResponseError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitedError",
    "ServerError",
    "SpecError",
    "UnprocessableError",
]
