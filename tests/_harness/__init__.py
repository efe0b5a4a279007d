"""Engine-protocol test harness: the SDK's real dynamic-provider server plus a small engine.

Import as ``from _harness import ...`` (pytest puts ``tests/`` on ``sys.path`` because
``tests/conftest.py`` has no package ``__init__``). A provider class used through the process must be
importable there too: pass its directory in ``ProviderProcess(pythonpath=[...])``.

* :class:`ProviderProcess` - ``python -u -m pulumi.dynamic`` in a subprocess, called over gRPC
  exactly as the engine calls it (Configure/Check/Diff/Create/Read/Update/Delete; plain dicts in
  and out; :data:`UNKNOWN` for the engine's unknown sentinel; output captured).
* :class:`Engine` - runs a program under ``pulumi.runtime`` mocks and answers each registration
  with real provider calls (preview/up/refresh/destroy), keeping state between operations.

What the harness does NOT model (so tests must not rely on it):

* One provider process serves every operation of an ``Engine``; the real CLI starts a fresh one
  per command. Its provider cache survives, so ``configure()`` runs once per distinct pickled
  provider per process, not once per operation (start a new ProviderProcess to test that).
* No real checkpoint file, no encryption of secrets (secret-ness is a per-top-level-key flag in
  ``StateEntry.secret_inputs/secret_outputs``), no ``pulumi import``/``import_`` option, no invokes,
  no explicit provider resources (``opts.provider``), no aliases, no transforms, no resource hooks,
  no ``deleted_with``/``replace_with``/``replacement_trigger``, no custom timeouts, no stack-output
  registration beyond ``Plan.outputs``, no ``--target``/``--refresh`` flags.
* ``ignore_changes``/``replace_on_changes`` act on top-level property names (nested paths are
  matched by prefix only); the engine's own input diff (``changes=unknown``) is a plain recursive
  comparison, not the engine's full ObjectDiff (no special array/asset rules).
* Delete-before-replace does not cascade to dependents (the engine replaces those too).
* Registrations run with the SDK's real concurrency (executor threads), so providers see parallel
  calls, but there is no ``--parallel`` limit and no step ordering beyond the program's own
  dependencies. After the first failure, later registrations are refused ("not attempted").
* Refresh reads sequentially; like the engine it then asks Diff whether an unchanged program would
  change anything (refreshed state as old, old inputs as new) and reports that, not raw output changes.
* Component resources are recorded in state (for parent ordering) but never diffed.
"""

from .engine import (
    DeploymentError,
    Engine,
    EngineTimeout,
    Plan,
    StateEntry,
    Step,
    StepFailed,
    engine_input_diff,
)
from .props import UNKNOWN, Secret, contains_unknowns, from_struct, is_unknown, to_struct
from .provider_process import (
    PROVIDER_KEY,
    CheckResult,
    CreateResult,
    DiffResult,
    ProviderError,
    ProviderProcess,
    ReadResult,
    decode_provider_blob,
    serialize_provider,
    wait_for,
)

__all__ = [
    "PROVIDER_KEY",
    "UNKNOWN",
    "CheckResult",
    "CreateResult",
    "DeploymentError",
    "DiffResult",
    "Engine",
    "EngineTimeout",
    "Plan",
    "ProviderError",
    "ProviderProcess",
    "ReadResult",
    "Secret",
    "StateEntry",
    "Step",
    "StepFailed",
    "contains_unknowns",
    "decode_provider_blob",
    "engine_input_diff",
    "from_struct",
    "is_unknown",
    "serialize_provider",
    "to_struct",
    "wait_for",
]
