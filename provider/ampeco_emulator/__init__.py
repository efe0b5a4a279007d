"""A fake AMPECO.CHARGE tenant: the public API for id tags, locations, charging zones, charge
points, EVSEs, connectors, tariffs and tariff groups, written from the API reference.

It imports nothing from ``pulumi_ampeco`` or ``pulumi``.

>>> from ampeco_emulator import EmulatorServer
>>> with EmulatorServer(token="secret") as server:  # doctest: +SKIP
...     print(server.url)   # http://127.0.0.1:<free port>
"""

from __future__ import annotations

from .app import create_app
from .server import EmulatorServer

__all__ = ["EmulatorServer", "create_app"]
