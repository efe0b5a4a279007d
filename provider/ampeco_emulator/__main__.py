"""``python -m ampeco_emulator --port 8765 --token T [--host H] [--state-file F]``."""

from __future__ import annotations

import argparse
import os
import sys
import threading

from .persistence import StateError
from .server import EmulatorServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ampeco_emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (0 = any free port; default 8765)")
    parser.add_argument(
        "--token",
        default=os.environ.get("AMPECO_API_TOKEN"),
        help="bearer token clients must send (default: $AMPECO_API_TOKEN)",
    )
    parser.add_argument("--state-file", default=None, help="JSON file holding the tenant across restarts")
    parser.add_argument("--base-tariffs", choices=("per-group", "tenant-wide"), default="per-group",
                        help="each tariff group's own free base tariff (default), or one free tariff and one "
                             "default group shared by every group and EVSE")
    args = parser.parse_args(argv)
    if not args.token:
        parser.error("--token is required (or set AMPECO_API_TOKEN)")
    server = EmulatorServer(token=args.token, host=args.host, port=args.port, state_file=args.state_file,
                            base_tariffs=args.base_tariffs)
    try:
        server.start()
    except StateError as exc:
        print(f"error: --state-file: {exc}", file=sys.stderr)
        return 1
    print(f"AMPECO emulator listening on {server.url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
