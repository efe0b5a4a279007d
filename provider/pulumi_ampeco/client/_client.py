"""AmpecoClient: AMPECO paths, the ``{"data": ...}`` envelope, cursor pagination, errors.

Everything about *whether to try again* lives in ``RetryTransport`` below it; this layer sends
one logical call, unwraps what came back, and raises the most specific ``ApiError``. No httpx
exception escapes it.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Literal, NoReturn
from urllib.parse import quote

import httpx

from pulumi_ampeco.client._auth import BearerAuth
from pulumi_ampeco.client._config import (
    DEFAULT_MAX_CONNECTIONS,
    DEFAULT_MAX_KEEPALIVE_CONNECTIONS,
    DEFAULT_PER_PAGE,
    DEFAULT_RETRY,
    DEFAULT_TIMEOUTS,
    RetryPolicy,
    Timeouts,
    normalize_tenant_url,
)
from pulumi_ampeco.client._deadline import current_deadline
from pulumi_ampeco.client._errors import (
    error_from_failure,
    error_from_response,
    malformed_response,
)
from pulumi_ampeco.client._paging import (
    PageError,
    QueryParams,
    first_page_params,
    include_params,
    next_page_url,
    page_items,
)
from pulumi_ampeco.client._transport import (
    ATTEMPTS,
    MAYBE_APPLIED,
    ClientStats,
    RetryTransport,
    TransportFailure,
)
from pulumi_ampeco.errors import AmbiguousWriteError, ApiTransportError

log = logging.getLogger("pulumi_ampeco.client")

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["AmpecoClient"]

_USER_AGENT = "pulumi-ampeco"
_PLAIN_PATH = re.compile(r"/[A-Za-z0-9/._~-]*")
"""A path of unreserved characters only: valid as it is, and quoting would not change it."""


class AmpecoClient:
    """A thread-safe client for one AMPECO tenant, over one pooled connection pool.

    ::

        with AmpecoClient("https://example.ampeco.com", token) as client:
            tag = client.create("/public-api/resources/id-tags/v2.0",
                                {"idTagUid": "04A1", "status": "enabled", "type": "rfid"})
            for tag in client.list("/public-api/resources/id-tags/v2.0", filters={"status": "enabled"}):
                ...

    ``path`` is always the absolute API path (``/public-api/resources/.../v2.0/12``); it is
    appended to the tenant URL (which may carry a path prefix). ``transport`` replaces the
    network (an ``httpx.MockTransport`` in tests); retries are applied on top of it either way.
    """

    def __init__(self, tenant_url: str, token: str, *, timeouts: Timeouts = DEFAULT_TIMEOUTS,
                 retry: RetryPolicy = DEFAULT_RETRY, transport: httpx.BaseTransport | None = None) -> None:
        self.tenant_url = normalize_tenant_url(tenant_url)
        self.timeouts = timeouts
        self.retry = retry
        auth = BearerAuth(token)  # validates the token before anything is opened
        self._token = auth._token
        self.stats = ClientStats()
        inner = transport if transport is not None else httpx.HTTPTransport(
            limits=httpx.Limits(max_connections=DEFAULT_MAX_CONNECTIONS,
                                max_keepalive_connections=DEFAULT_MAX_KEEPALIVE_CONNECTIONS))
        self._transport = RetryTransport(inner, policy=retry, stats=self.stats)
        self._http = httpx.Client(
            base_url=self.tenant_url + "/",
            auth=auth,
            headers={"Accept": "application/json", "User-Agent": _USER_AGENT},
            timeout=timeouts.as_httpx(),
            transport=self._transport,
            follow_redirects=False,
            trust_env=False,
        )
        self._base = httpx.URL(self.tenant_url + "/")
        self._closed = False
        self._lock = threading.Lock()
        self.authenticated = False
        """Whether the tenant has accepted the token: some call of this client got a 2xx."""

    # --- public calls ---------------------------------------------------------------------

    def get(self, path: str, *, include: Sequence[str] = ()) -> dict[str, object]:
        """GET one object; returns the unwrapped ``data``."""
        response = self._call("GET", path, params=include_params(include))
        return self._unwrap("GET", path, response)

    def list(self, path: str, *, filters: Mapping[str, object] | None = None,
             include: Sequence[str] = (), per_page: int = DEFAULT_PER_PAGE) -> Iterator[dict[str, object]]:
        """Every object of a collection, fetching pages lazily as the iterator advances.

        Arguments are checked now; requests are sent only when iteration starts.
        """
        params = first_page_params(filters, include, per_page)
        self._url(path)  # refuse a bad path eagerly
        return self._iterate(path, params)

    def create(self, path: str, body: Mapping[str, object], *,
               include: Sequence[str] = ()) -> dict[str, object]:
        """POST a new object; returns the unwrapped ``data``.

        Never resent once it may have reached the server: a lost response or a 5xx raises
        ``AmbiguousWriteError``.
        """
        response = self._call("POST", path, params=include_params(include), body=body)
        return self._unwrap("POST", path, response)

    def update(self, path: str, body: Mapping[str, object], *, method: Literal["PATCH", "PUT"] = "PATCH",
               include: Sequence[str] = ()) -> dict[str, object]:
        """PATCH (partial) or PUT (full body) an object; returns the unwrapped ``data``."""
        if method not in ("PATCH", "PUT"):
            raise ValueError(f"update method must be 'PATCH' or 'PUT', got {method!r}")
        response = self._call(method, path, params=include_params(include), body=body)
        return self._unwrap(method, path, response)

    def action(self, path: str, body: Mapping[str, object] | None = None) -> None:
        """POST an action (``/public-api/actions/...``). The API answers 202 with no body: any 2xx
        is success and its body is ignored. Like a create, never resent once it may have reached
        the server (``AmbiguousWriteError``)."""
        self._call("POST", path, body=body if body is not None else {})

    def replace(self, path: str, body: Mapping[str, object], *,
                include: Sequence[str] = ()) -> dict[str, object]:
        """PUT the full body of an object (``update(..., method="PUT")``)."""
        return self.update(path, body, method="PUT", include=include)

    def delete(self, path: str) -> None:
        """DELETE an object. A 2xx with an empty or JSON body is success.

        A 404 after an earlier attempt of this same call was sent but its response was lost is
        also success: that attempt did the delete. Any other 404 raises NotFoundError. A 2xx whose
        body is not JSON (a proxy's page) is not the API's answer: DELETE is idempotent, so the
        tenant is asked once more, and a 404 then means the first one did reach it.
        """
        response = self._call("DELETE", path, allow_gone_after_retry=True)
        if response.content.strip() and not _is_json(response.content):
            log.warning("DELETE %s answered %s with a non-JSON body; asking the tenant again",
                        path, response.status_code)
            again = self._call("DELETE", path, allow_gone_after_retry=True, gone_is_done=True)
            if again.content.strip() and not _is_json(again.content):
                raise malformed_response("DELETE", path, again, "an empty or JSON body", redact=self._redact)

    # --- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._http.close()

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"AmpecoClient({self.tenant_url!r}, token='***', timeouts={self.timeouts!r}, retry={self.retry!r})"

    def __reduce__(self) -> NoReturn:
        raise TypeError("AmpecoClient is not picklable: it would write the API token out")

    # --- internals ----------------------------------------------------------------------------

    def _redact(self, text: str) -> str:
        return text.replace(self._token, "***") if self._token in text else text

    def _url(self, path: str) -> httpx.URL:
        """The absolute URL of an API path; only paths (never URLs) are accepted, so the token
        is sent to the tenant and nowhere else."""
        if isinstance(path, str) and _PLAIN_PATH.fullmatch(path) and not path.startswith("//"):
            quoted = path[1:]  # the usual case: nothing to check further, nothing to quote
        else:
            if not isinstance(path, str) or not path.startswith("/") or path.startswith("//") \
                    or "?" in path or "#" in path or any(ch.isspace() for ch in path):
                raise ValueError(f"path must be an absolute API path like /public-api/resources/..., got {path!r}")
            quoted = quote(path.lstrip("/"), safe="/:@!$&'()*+,;=-._~%")
        return self._base.copy_with(raw_path=self._base.raw_path + quoted.encode("ascii"))

    def _call(self, method: str, path: str, *, params: QueryParams | None = None,
              body: Mapping[str, object] | None = None, url: httpx.URL | None = None,
              allow_gone_after_retry: bool = False, gone_is_done: bool = False) -> httpx.Response:
        """One logical call: the response on success, else the mapped error (raised)."""
        if self._closed:
            raise RuntimeError("this AmpecoClient is closed")
        deadline = current_deadline()
        if deadline is not None and deadline.passed:
            # Surely not sent, so never ambiguous, whatever the method.
            raise ApiTransportError(f"not sent: {deadline.describe()} has passed (ampeco:operationTimeoutSeconds)",
                                    method=method, path=path)
        target = url if url is not None else self._url(path)
        content = None if body is None else json.dumps(body, separators=(",", ":")).encode()
        headers = {"Content-Type": "application/json"} if content is not None else None
        try:
            response = self._http.request(method, target, params=tuple(params) if params else None, content=content,
                                          headers=headers)
        except TransportFailure as failure:
            raise error_from_failure(method, path, failure, target=self.tenant_url,
                                     redact=self._redact) from None
        except httpx.HTTPError as exc:  # e.g. DecodingError of a garbled body; never let it out
            detail = self._redact(f"{type(exc).__name__}: {exc}")
            if method == "POST":  # something came back, so the create may have happened
                raise AmbiguousWriteError(f"{detail}; the object may or may not have been created",
                                          method=method, path=path) from None
            raise ApiTransportError(detail, method=method, path=path) from None
        if response.is_success:  # any 2xx; for DELETE the body is ignored
            self.authenticated = True
            return response
        if gone_is_done and response.status_code == 404:
            return response
        if (allow_gone_after_retry and response.status_code == 404
                and response.extensions.get(MAYBE_APPLIED) and response.extensions.get(ATTEMPTS, 1) > 1):
            return response
        raise error_from_response(method, path, response, redact=self._redact) from None

    def _unwrap(self, method: str, path: str, response: httpx.Response) -> dict[str, object]:
        body = self._json(method, path, response, 'a JSON object with a "data" object')
        if isinstance(body, dict) and isinstance(body.get("data"), dict):
            data: dict[str, object] = body["data"]
            return data
        raise malformed_response(method, path, response, 'a JSON object with a "data" object',
                                 redact=self._redact)

    def _json(self, method: str, path: str, response: httpx.Response, expected: str) -> object:
        try:
            return json.loads(response.content)
        except (ValueError, UnicodeDecodeError):
            raise malformed_response(method, path, response, expected, redact=self._redact) from None

    def _iterate(self, path: str, params: QueryParams) -> Iterator[dict[str, object]]:
        url = self._url(path).copy_with(params=httpx.QueryParams(tuple(params)))
        while True:
            response = self._call("GET", path, url=url)
            expected = 'a JSON object with a "data" list'
            body = self._json("GET", path, response, expected)
            try:
                items = page_items(body)
                assert isinstance(body, dict)
                nxt = next_page_url(body, response.request.url, params)
            except PageError as exc:
                raise malformed_response("GET", path, response, str(exc), redact=self._redact) from None
            yield from items
            if nxt is None:
                return
            url = nxt


def _is_json(content: bytes) -> bool:
    try:
        json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return False
    return True
