"""Run the emulator on a real socket: :class:`EmulatorServer` (uvicorn in a background thread).

The HTTP protocol is uvicorn's h11 protocol plus one thing: each request's ASGI scope carries
``scope["extensions"]["ampeco.abort"]``, a callable that resets the TCP connection (SO_LINGER 0,
then abort => RST, no response). The fault injector uses it for ``reset_before`` / ``reset_after``.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from .app import ABORT_EXTENSION, create_app

START_TIMEOUT = 10.0
STOP_TIMEOUT = 5.0


class AbortableH11Protocol(H11Protocol):
    """uvicorn's h11 protocol whose request scopes carry an abort (TCP reset) callback."""

    @property
    def scope(self) -> Any:
        return self._ampeco_scope

    @scope.setter
    def scope(self, value: Any) -> None:
        if isinstance(value, dict):
            value.setdefault("extensions", {})[ABORT_EXTENSION] = self.reset_connection
        self._ampeco_scope = value

    def connection_made(self, transport: Any) -> None:
        # asyncio only sets TCP_NODELAY when the socket's proto is IPPROTO_TCP; without it every
        # keep-alive response waits ~40 ms for a delayed ACK (Nagle).
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)

    def reset_connection(self) -> None:
        transport = self.transport
        if transport is None or transport.is_closing():
            return
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()


class EmulatorServer:
    """The emulator on ``host:port`` (port 0 = a free port), in a background thread.

    ``base_tariffs`` chooses the kind of tenant: ``"per-group"`` (each tariff group gets its own
    free base tariff, as the reference says) or ``"tenant-wide"`` (one free tariff and one default
    group, shared by every group and EVSE); see ``store.BASE_TARIFF_MODES``.

    >>> with EmulatorServer(token="t") as server:  # doctest: +SKIP
    ...     httpx.get(f"{server.url}/public-api/resources/id-tags/v2.0", headers=...)
    """

    def __init__(
        self,
        token: str,
        host: str = "127.0.0.1",
        port: int = 0,
        state_file: str | Path | None = None,
        base_tariffs: str = "per-group",
    ) -> None:
        self.token = token
        self.base_tariffs = base_tariffs
        self.host = host
        self.port = port
        self.state_file = state_file
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._app: Any = None

    @property
    def url(self) -> str:
        if not self.port:
            raise RuntimeError("EmulatorServer is not started (port 0 is chosen at start)")
        return f"http://{self.host}:{self.port}"

    def start(self) -> EmulatorServer:
        if self._thread is not None:
            return self
        app = create_app(self.token, state_file=self.state_file, base_tariffs=self.base_tariffs)
        self._app = app
        sock = socket.socket(
            socket.AF_INET6 if ":" in self.host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP
        )
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.listen(1024)
        self.port = sock.getsockname()[1]
        self._socket = sock
        config = uvicorn.Config(
            app,
            http=AbortableH11Protocol,
            lifespan="off",
            access_log=False,
            log_config=None,
            log_level="warning",
            timeout_graceful_shutdown=1,
            backlog=1024,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="ampeco-emulator", daemon=True
        )
        self._server, self._thread = server, thread
        thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if not thread.is_alive():
                self._cleanup()
                raise RuntimeError("the emulator failed to start")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the emulator did not start in time")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(STOP_TIMEOUT)
        self._cleanup()

    def _cleanup(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.close()
        self._server = self._thread = self._socket = None

    @property
    def app_state(self) -> Any:
        """The running :class:`~ampeco_emulator.app.Emulator` (in-process access for tests)."""
        if self._app is None:
            raise RuntimeError("EmulatorServer is not started")
        return self._app.state.emulator

    def __enter__(self) -> EmulatorServer:  # noqa: PYI034 - py3.10 has no typing.Self
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = f"{self.host}:{self.port}" if self._socket is not None else "not started"
        return f"EmulatorServer({where})"
