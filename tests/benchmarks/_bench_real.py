"""The benchmark's real engine: `pulumi up` through the pinned CLI, and where its CPU time and memory go.

A sampler thread reads /proc while a command runs and keeps, per process, the last CPU time seen
(user + system) and its peak resident memory (VmHWM), grouped by role: the engine (`pulumi` itself, Go), the program (the Python
language host's exec shim running the program), the provider (`python -m pulumi.dynamic`) and the
language host binary. What no process accounts for is waiting: on the API, on disk, on each other.
"""

from __future__ import annotations

import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
TICK = os.sysconf("SC_CLK_TCK")
ROLES = {"provider": "-m pulumi.dynamic", "program": "pulumi-language-python-exec",
         "language host": "pulumi-language-python", "engine": "/pulumi"}


def _role(cmdline: str) -> str | None:
    for role, needle in ROLES.items():
        if needle in cmdline:
            return role
    return None


def _cpu(pid: str) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def _peak_rss(pid: str) -> int:
    """The process's peak resident memory so far, in bytes."""
    with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


@dataclass
class Usage:
    """Per role: CPU seconds (summed over its processes) and peak resident memory (its largest process)."""

    cpu: dict[str, float] = field(default_factory=dict)
    peak: dict[str, int] = field(default_factory=dict)


@contextmanager
def usage_by_role(root: Path) -> Iterator[Usage]:
    """CPU seconds and peak memory per role of the processes working in ``root`` (the engine runs its
    plugins and the program in the project directory, so their working directory tells them from
    everything else)."""
    seen: dict[str, tuple[str, float, int]] = {}
    stop = threading.Event()
    result = Usage()

    def sample() -> None:
        while not stop.is_set():
            for pid in os.listdir("/proc"):
                if not pid.isdigit() or pid == str(os.getpid()):
                    continue
                try:
                    if not os.readlink(f"/proc/{pid}/cwd").startswith(str(root)):
                        continue
                    with open(f"/proc/{pid}/cmdline", "rb") as f:
                        cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
                    role = _role(cmd)
                    if role:
                        seen[pid] = (role, _cpu(pid), _peak_rss(pid))
                except OSError:
                    continue
            stop.wait(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield result
    finally:
        stop.set()
        thread.join()
        totals: dict[str, float] = defaultdict(float)
        for role, cpu, peak in seen.values():
            totals[role] += cpu
            result.peak[role] = max(result.peak.get(role, 0), peak)
        result.cpu.update(totals)


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def state_bytes(workdir: Path) -> int:
    """The size of the stack's current checkpoint (not its history or backups)."""
    stacks = list((workdir / "state" / ".pulumi" / "stacks").rglob("*.json"))
    return sum(p.stat().st_size for p in stacks)


def describe(cpu: dict[str, Any]) -> str:
    return ", ".join(f"{role} {cpu.get(role, 0.0):.1f}" for role in ("engine", "program", "provider"))
