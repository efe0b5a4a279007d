"""`make demo` / `make demo-destroy`: the quickstart through the real `pulumi`, against the emulator.

No AMPECO or Pulumi account needed: the emulated tenant, a local file backend and a throwaway
passphrase all live in .pulumi-demo/ at the repository root. The emulator's URL and a throwaway
token go into the stack's config (`ampeco:tenantUrl`, secret `ampeco:apiToken`), as they would for a
real tenant.
"""

from __future__ import annotations

import argparse
import secrets
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORK = ROOT / ".pulumi-demo"
STACK = "demo"
DEFAULT_PORT = 18765

sys.path.insert(0, str(ROOT / "tools"))
import pulumi_env  # noqa: E402  (tools/ is not a package: it is shared with the tests and the benchmarks)


def _token() -> str:
    """One throwaway token per demo folder, so a later `make demo-destroy` can reach the same tenant."""
    path = WORK / "emulator-token"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(24))
        path.chmod(0o600)
    return path.read_text().strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--destroy", action="store_true", help="tear the demo network down")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="emulator port")
    args = parser.parse_args(argv)

    bin_dir = pulumi_env.find_cli()
    if bin_dir is None:
        print(f"make demo needs the Pulumi CLI {pulumi_env.pinned_version()}: {pulumi_env.HOW_TO_GET_IT}.",
              file=sys.stderr)
        return 1

    from ampeco_emulator import EmulatorServer  # after the check: a missing CLI is reported at once

    token = _token()
    env = pulumi_env.offline_env(bin_dir, state_dir=WORK / "state", home=WORK / "home",
                                 venv=Path(sys.prefix))

    def pulumi(*cmd: str, show: bool = True) -> subprocess.CompletedProcess[str]:
        if show:
            print(f"\n$ pulumi {' '.join(cmd)}", flush=True)
        return subprocess.run([str(bin_dir / "pulumi"), *cmd, "--non-interactive"], cwd=HERE, env=env,
                              check=True, text=True, stdout=None if show else subprocess.PIPE)

    state_file = WORK / "emulator.json"
    try:
        tenant = EmulatorServer(token=token, port=args.port, state_file=state_file)
        tenant.start()
    except (OSError, RuntimeError) as exc:
        print(f"cannot start the AMPECO emulator on port {args.port} ({exc}); pass --port", file=sys.stderr)
        return 1
    with tenant:
        print(f"AMPECO emulator at {tenant.url} (tenant kept in {state_file.relative_to(ROOT)})")
        pulumi("stack", "select", "--create", STACK, show=False)
        pulumi("config", "set", "ampeco:tenantUrl", tenant.url, show=False)
        pulumi("config", "set", "--secret", "ampeco:apiToken", token, show=False)
        if args.destroy:
            pulumi("destroy", "--yes")
            print("\nThe demo network is gone; `rm -rf .pulumi-demo` removes the stack and the tenant.")
            return 0
        pulumi("up", "--yes")
        pulumi("stack", "output", "--json")
        pulumi("preview", "--expect-no-changes")
        print(f"""
The network above now lives in the emulated tenant ({state_file.relative_to(ROOT)}).
  Look at it:   .venv/bin/pulumi-ampeco emulator --port {args.port} --state-file {state_file.relative_to(ROOT)} \\
                  --token "$(cat .pulumi-demo/emulator-token)"    then open {tenant.url}/_emulator/state
  Change it:    edit examples/quickstart/__main__.py and run `make demo` again (an update, not a rebuild)
  Tear it down: make demo-destroy""")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as exc:
        print(f"pulumi failed with exit code {exc.returncode}", file=sys.stderr)
        sys.exit(exc.returncode)
