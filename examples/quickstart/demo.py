"""`make demo`: start the AMPECO emulator and `pulumi up` this quickstart against it.

No AMPECO account needed: a local file backend and a throwaway passphrase keep everything in
.pulumi-demo/ at the repository root. Needs the Pulumi CLI, as a Terraform provider needs terraform.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import httpx

from ampeco_emulator import EmulatorServer

HERE = Path(__file__).resolve().parent
WORK = HERE.parent.parent / ".pulumi-demo"


def main() -> int:
    pulumi = shutil.which("pulumi")
    if pulumi is None:
        print("make demo needs the Pulumi CLI: install it (https://www.pulumi.com/docs/iac/download-install/, "
              "e.g. `curl -fsSL https://get.pulumi.com | sh`) and run `make demo` again.", file=sys.stderr)
        return 1
    (WORK / "state").mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(24)
    with EmulatorServer(token=token, state_file=WORK / "emulator.json") as tenant:
        env = {
            **os.environ,
            "PULUMI_BACKEND_URL": (WORK / "state").as_uri(),
            "PULUMI_CONFIG_PASSPHRASE": "pulumi-ampeco-demo-only",
            "PULUMI_SKIP_UPDATE_CHECK": "true",
            "AMPECO_TENANT_URL": tenant.url,
            "AMPECO_API_TOKEN": token,
        }

        def run(*args: str) -> None:
            print("$ pulumi", *args, flush=True)
            subprocess.run([pulumi, *args], cwd=HERE, env=env, check=True)

        print(f"AMPECO emulator at {tenant.url} (state in {WORK / 'emulator.json'})")
        run("stack", "select", "--create", "demo")
        run("up", "--yes", "--skip-preview")
        state = httpx.get(f"{tenant.url}/_emulator/state").json()
        counts = {name: len(items) for name, items in state.items() if isinstance(items, list)}
        print("The emulated tenant now holds:", ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
        print(f"Run again for a no-op up; tear down with: cd {HERE} && pulumi destroy (same environment).")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as exc:
        print(f"pulumi failed with exit code {exc.returncode}", file=sys.stderr)
        sys.exit(exc.returncode)
