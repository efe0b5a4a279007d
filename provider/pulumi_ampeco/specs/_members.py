"""What reads a ``MemberSet`` declaration: its arguments, their check, the path naming one member.

A set's members are checked with their kind's own check (``_check.check_inputs``), each on its own,
so a bad row is reported exactly as the same object declared alone would be, named by its key:
``tags["04AA0001"].status: must be one of ...``. Pure, like ``_check``: the caller says what "not
known yet" looks like.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from pulumi_ampeco._reserved import ADOPT_ID
from pulumi_ampeco.specs._base import MemberSet, ResourceSpec
from pulumi_ampeco.specs._check import Failure, Unknown, check_inputs, never_unknown

__all__ = ["ADOPT_EXISTING", "MAX_REPORTED", "check_set", "member_path", "member_spec", "set_arguments"]

ADOPT_EXISTING = "adopt_existing"
"""The argument every set takes: take over existing objects whose key is in the set."""

MAX_REPORTED = 1000
"""Problems of one set reported one by one; past this many, one more line counts the rest (a CSV
with a wrong column would otherwise print a line per row of a 100,000-row file)."""


def member_spec(s: MemberSet) -> ResourceSpec:
    from pulumi_ampeco.specs import REGISTRY

    return REGISTRY[s.member]


def set_arguments(s: MemberSet) -> tuple[str, ...]:
    return (s.field, ADOPT_EXISTING)


def member_path(s: MemberSet, key: str, prop: str = "") -> str:
    """How Pulumi's property paths name a member (``tags["04AA"]``) or a field of one."""
    quoted = key.replace("\\", "\\\\").replace('"', '\\"')
    return f'{s.field}["{quoted}"]' + (f".{prop}" if prop else "")


def check_set(s: MemberSet, news: Mapping[str, Any], *, unknown: Unknown = never_unknown,
              passthrough: Collection[str] = ()) -> tuple[dict[str, Any], list[Failure]]:
    """(normalised inputs, failures) of a set: members without their key field inside (the key is
    the mapping's), each as its kind's check returns it."""
    inputs: dict[str, Any] = {}
    failures: list[Failure] = []
    adopt = news.get(ADOPT_EXISTING)
    for name, value in news.items():
        if name in passthrough:
            inputs[name] = value
        elif name == ADOPT_EXISTING:
            if value is None or unknown(value) or isinstance(value, bool):
                inputs[name] = value
            else:
                failures.append(Failure(name, "must be true or false"))
        elif name != s.field:
            failures.append(Failure(name, f"is not an argument of {s.kind}; arguments: "
                                          f"{', '.join(set_arguments(s))}"))
    members = news.get(s.field)
    if members is None:
        inputs[s.field] = {}
    elif unknown(members):
        inputs[s.field] = members
    elif not isinstance(members, Mapping):
        failures.append(Failure(s.field, f"must be a mapping of {s.key} to the {member_spec(s).noun}'s "
                                         "arguments"))
    else:
        checked, problems = _check_members(s, members, unknown, adopting=adopt is True)
        inputs[s.field] = checked
        failures += problems[:MAX_REPORTED]
        if len(problems) > MAX_REPORTED:
            failures.append(Failure(s.field, f"{len(problems) - MAX_REPORTED:,} more problems in other "
                                             f"members, not listed (the first {MAX_REPORTED:,} are)"))
    return inputs, failures


def _check_members(s: MemberSet, members: Mapping[str, Any], unknown: Unknown, *,
                   adopting: bool) -> tuple[dict[str, Any], list[Failure]]:
    spec = member_spec(s)
    out: dict[str, Any] = {}
    failures: list[Failure] = []
    for key, value in members.items():
        key = str(key)
        if unknown(value):
            out[key] = value
            continue
        if not isinstance(value, Mapping):
            failures.append(Failure(member_path(s, key), f"must be a mapping of {spec.kind} arguments "
                                                         f"(without {s.key}: it is the key)"))
            continue
        args = dict(value)
        if ADOPT_ID in args:
            failures.append(Failure(member_path(s, key, ADOPT_ID), f"members are not adopted one by one: set "
                                                                   f"{ADOPT_EXISTING}=True on the {s.kind}"))
            del args[ADOPT_ID]
        if s.key in args and args.pop(s.key) != key:
            failures.append(Failure(member_path(s, key, s.key), f"differs from the member's key {key!r}; leave "
                                                                "it out (the key is the member's)"))
        checked, problems = check_inputs(spec, {**args, s.key: key}, unknown=unknown, adopting=adopting,
                                         adopt_hint=f"{ADOPT_EXISTING}=True on the {s.kind}")
        for problem in problems:
            if problem.property == s.key:
                failures.append(Failure(member_path(s, key), f"the key: {s.key} {problem.reason}"))
            else:
                failures.append(Failure(member_path(s, key, problem.property), problem.reason))
        checked.pop(s.key, None)
        out[key] = checked
    return out, failures
