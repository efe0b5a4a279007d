"""Secrets in a preview: which values are secret, and scrubbing their clear text from a comment.

Pulumi already blinds secret values in a preview (the string ``"[secret]"``, ``MassageSecrets`` in
``pkg/backend/display/json.go``); a state export would hold signature objects instead. Both are
masked. A provider may still hand clear text through an input the user did not mark secret (a
dynamic provider's ``network.password``, a config value set without ``--secret``), so values under
secret-looking names are masked by name too, and collected to be scrubbed wherever else in the
comment they turn up (a diagnostic, another field). Scrubbing is exact and linear in the text: one
dictionary probe per position, whatever the number of secrets.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

__all__ = [
    "MASK",
    "SECRET_PLACEHOLDER",
    "UNKNOWN",
    "Scrubber",
    "is_secret_value",
    "is_sensitive_name",
    "secrets_in",
]

UNKNOWN: Final = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
"""A value not known until apply (``computedValuePlaceholder`` in Pulumi)."""
SECRET_PLACEHOLDER: Final = "[secret]"
SECRET_SIG_KEY: Final = "4dabf18193072939515e22adb298388d"
SECRET_SIG_VALUE: Final = "1b47061264138c4ac30d75fd1eb44270"
MASK: Final = "***"

#: Words that make a property secret by name, whatever its value says (``network.password``, ``pin``).
_SENSITIVE_WORDS: Final = frozenset(
    {"password", "passwd", "passphrase", "secret", "token", "pin", "credential", "credentials"}
)
_SENSITIVE_SUFFIXES: Final = ("apikey", "privatekey", "secretkey", "accesskey")
_WORD_RE: Final = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")

#: Shorter strings are not scrubbed from the whole comment: "abc" would eat ordinary words.
MIN_SCRUBBED: Final = 4
#: Strings too common to scrub from the whole comment even when a secret-named field holds them.
_NOT_SCRUBBED: Final = frozenset({UNKNOWN, SECRET_PLACEHOLDER, "true", "false", "null", "none"})


def is_sensitive_name(key: str) -> bool:
    """Whether a property name says it holds a secret (``password``, ``apiToken``, ``pin``...)."""
    return _sensitive(key) if len(key) <= 64 else _sensitive.__wrapped__(key)


@functools.lru_cache(maxsize=4096)
def _sensitive(key: str) -> bool:
    """Cached: a preview repeats the same few hundred property names on every step."""
    words = [w.lower() for w in _WORD_RE.findall(key)]
    if any(w in _SENSITIVE_WORDS for w in words):
        return True
    return "".join(words).endswith(_SENSITIVE_SUFFIXES)


def is_secret_value(value: Any) -> bool:
    """A value Pulumi has already blinded: ``"[secret]"`` or a secret signature object."""
    if isinstance(value, str):
        return value == SECRET_PLACEHOLDER
    return isinstance(value, dict) and value.get(SECRET_SIG_KEY) == SECRET_SIG_VALUE


def secrets_in(value: Any, *, sensitive: bool = False) -> set[str]:
    """Clear-text strings held under secret-looking names anywhere in ``value`` (iterative: any depth).

    Each is returned as written and as it reads inside a JSON string, so both forms are scrubbed.
    This walks every value of every step, so it is written for speed: containers go on a stack,
    scalars are looked at in place.
    """
    found: set[str] = set()
    stack: list[tuple[Any, bool]] = [(value, sensitive)]
    while stack:
        current, secret = stack.pop()
        if isinstance(current, dict):
            if current.get(SECRET_SIG_KEY) == SECRET_SIG_VALUE:
                continue
            for key, inner in current.items():
                inner_secret = secret or is_sensitive_name(key if isinstance(key, str) else str(key))
                if isinstance(inner, (dict, list)):
                    stack.append((inner, inner_secret))
                elif inner_secret and isinstance(inner, str):
                    _add_secret(found, inner)
        elif isinstance(current, list):
            for inner in current:
                if isinstance(inner, (dict, list)):
                    stack.append((inner, secret))
                elif secret and isinstance(inner, str):
                    _add_secret(found, inner)
        elif secret and isinstance(current, str):
            _add_secret(found, current)
    return found


def _add_secret(found: set[str], text: str) -> None:
    if len(text) < MIN_SCRUBBED or text.lower() in _NOT_SCRUBBED:
        return
    found.add(text)
    escaped = json.dumps(text, ensure_ascii=False)[1:-1]
    if escaped != text and len(escaped) >= MIN_SCRUBBED:
        found.add(escaped)


class Scrubber:
    """Replaces every occurrence of any known secret with ``***``; overlapping ones are masked whole.

    Candidates are found by their first four characters, so the cost is one dictionary probe per
    position of the text (plus a set lookup per length that shares that prefix).
    """

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets = frozenset(s for s in secrets if len(s) >= MIN_SCRUBBED)
        lengths: dict[str, set[int]] = {}
        for secret in self._secrets:
            lengths.setdefault(secret[:MIN_SCRUBBED], set()).add(len(secret))
        self._lengths: Mapping[str, tuple[int, ...]] = {
            prefix: tuple(sorted(found, reverse=True)) for prefix, found in lengths.items()
        }
        self.longest = max((len(s) for s in self._secrets), default=0)

    def __bool__(self) -> bool:
        return bool(self._secrets)

    def __call__(self, text: str) -> str:
        if not self._secrets or len(text) < MIN_SCRUBBED:
            return text
        spans: list[tuple[int, int]] = []
        lengths, secrets = self._lengths, self._secrets
        for i in range(len(text) - MIN_SCRUBBED + 1):
            for length in lengths.get(text[i:i + MIN_SCRUBBED], ()):
                if text[i:i + length] in secrets:  # the longest secret starting here
                    spans.append((i, i + length))
                    break
        if not spans:
            return text
        parts: list[str] = []
        last = 0
        start, end = spans[0]
        for span_start, span_end in spans[1:]:
            if span_start <= end:  # overlapping or adjacent: one mask
                end = max(end, span_end)
                continue
            parts += [text[last:start], MASK]
            last, start, end = end, span_start, span_end
        parts += [text[last:start], MASK, text[end:]]
        return "".join(parts)

    def clip(self, text: str, limit: int) -> str:
        """Scrub, then cut to ``limit`` characters (``…`` at the end): no fragment of a secret survives.

        Only a prefix is scanned: enough that, after masks have shortened it, a secret cut off at
        the prefix's end still lies wholly beyond the kept ``limit`` characters.
        """
        margin = limit + self.longest
        cut = margin
        while len(text) > cut:
            scrubbed = self(text[:cut])
            if len(scrubbed) >= margin:
                return truncate(scrubbed, limit)
            cut *= 2
        return truncate(self(text), limit)


def truncate(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters, ending with ``…`` when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1] + "…" if limit > 0 else ""
