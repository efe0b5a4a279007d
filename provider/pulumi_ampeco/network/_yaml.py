"""YAML in and out for network specs: a strict loader and ONE emitter, stable across runs.

The loader refuses duplicate keys and non-scalar keys (naming the line) and reads ``22:00`` as
text, not as YAML 1.1's base-60 number. The emitter writes block style, keys in the given
order, secrets' ``{config: key}`` on one line; libyaml's emitter is used where it writes the same
bytes as the pure-Python one (see ``dump``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from pulumi_ampeco.errors import SpecError

__all__ = ["CONFIG_KEY", "EXISTING_KEY", "OneLine", "dump", "is_config_ref", "load_text", "type_name"]

CONFIG_KEY = "config"
EXISTING_KEY = "existing"
"""``{config: <key>}``: a value kept in stack config."""


class OneLine(dict):  # type: ignore[type-arg]
    """A mapping written on one line (``04AA0001: {status: enabled, type: rfid}``): a set's members,
    so that a git diff of a 50,000-card set shows one line per card changed."""


def is_config_ref(value: Any) -> bool:
    return isinstance(value, Mapping) and set(value) == {CONFIG_KEY}


def type_name(value: Any) -> str:
    """How a message names the type of a value read from YAML."""
    if value is None:
        return "empty"
    return {dict: "a mapping", list: "a list", str: "a string", int: "a number", float: "a number",
            bool: "a boolean"}.get(type(value), type(value).__name__)


# ---------------------------------------------------------------------------------------------
# Reading.

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
# PyYAML's int and float patterns without their base-60 forms (1:30 -> 90).
_INT_RE = re.compile(r"""^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$""", re.VERBOSE)
_FLOAT_RE = re.compile(r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$""", re.VERBOSE)


def load_text(text: str, file: str) -> Any:
    """The document in ``text`` (``{}`` when empty); SpecError naming ``file`` and the line."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
        loader.flatten_mapping(node)
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                line = key_node.start_mark.line + 1
                raise SpecError(f"line {line}: a key must be a plain name, not {type_name(key)}", file=file)
            if key in out:
                line = key_node.start_mark.line + 1
                raise SpecError(f"line {line}: key {key!r} appears twice in the same mapping", file=file)
            out[key] = loader.construct_object(value_node, deep=True)
        return out

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    # YAML 1.1 reads 22:00 as the base-60 number 1320; in a network spec it is a time of day.
    _Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in (_INT, _FLOAT)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _Loader.add_implicit_resolver(_INT, _INT_RE, list("-+0123456789"))
    _Loader.add_implicit_resolver(_FLOAT, _FLOAT_RE, list("-+0123456789."))
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise SpecError(f"not valid YAML: {where}{problem}", file=file) from None
    return {} if data is None else data


# ---------------------------------------------------------------------------------------------
# Writing.


def dump(data: Mapping[str, Any], *, header: str | None = None) -> str:
    """YAML text of a spec tree, keys in the given order, block style, stable across runs.

    ``header`` lines are written as ``#`` comments at the top.
    """
    if not data:
        body = "{}\n"
    else:
        try:
            body = _dump_body(data, _dumper(pure=False))
        except _NeedsPureEmitter:
            body = _dump_body(data, _dumper(pure=True))
    lines = [f"# {line}".rstrip() for line in (header or "").splitlines()]
    return ("\n".join(lines) + "\n" if lines else "") + body


# libyaml's emitter (yaml.CSafeDumper) is several times faster than PyYAML's pure-Python one but
# does not write every string the same way: characters outside the Basic Multilingual Plane
# (emoji) are escaped, NEL/LS/PS and a carriage return in a key are line breaks to it, a key of
# 123-128 bytes or an empty one is written as a simple key, a literal block kept with `|+` at
# the end ends the document with `...`, and a quoted scalar longer than the line width is folded
# differently. The pure emitter's text is the format, so the C one is used only for documents
# without such strings (every string is checked as it is represented); any other document is
# written by the pure emitter. tests/test_spec_file.py checks both give the same text.
_C_SAFE_TEXT = re.compile("[\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")
_C_SAFE_LENGTH = 1500
"""Longer strings could reach the line width (4096), where the two fold quoted scalars differently."""
_C_SAFE_KEY = re.compile("[\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]+")


class _NeedsPureEmitter(Exception):
    """The document has a string the C emitter would write differently (see above)."""


def _c_safe_text(value: str) -> bool:
    if len(value) > _C_SAFE_LENGTH:
        return False
    if value.isascii() and value.isprintable():  # the common case, quickly: no control characters
        return True
    return _C_SAFE_TEXT.fullmatch(value) is not None and not value.endswith("\n\n") and value != "\n"


def _c_safe_key(key: Any) -> bool:
    if not isinstance(key, str):
        return len(repr(key)) < 100  # a number or a boolean (nothing else is written)
    # the pure emitter counts characters plus the 5 of `!!str`, the C one bytes without the tag
    if key.isascii() and key.isprintable():
        return 0 < len(key) <= 122
    return _C_SAFE_KEY.fullmatch(key) is not None and len(key.encode("utf-8")) <= 122


def _dump_body(data: Mapping[str, Any], dumper: type) -> str:
    import yaml

    text: str = yaml.dump(dict(data), Dumper=dumper, sort_keys=False, default_flow_style=False,
                          allow_unicode=True, width=4096, indent=2)
    return text


@functools.cache
def _dumper(pure: bool) -> type:
    """The spec's YAML dumper: libyaml's emitter when PyYAML has it (``yaml.CSafeDumper``) and
    ``pure`` is false, else the pure-Python one."""
    import yaml

    c_base = None if pure else getattr(yaml, "CSafeDumper", None)
    check = c_base is not None

    def represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        if check and not _c_safe_text(value):
            raise _NeedsPureEmitter
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    def represent_dict(dumper: yaml.SafeDumper, value: dict[Any, Any]) -> yaml.MappingNode:
        if check and not all(_c_safe_key(k) for k in value):
            raise _NeedsPureEmitter
        flow = is_config_ref(value) or isinstance(value, OneLine)  # `password: {config: cp-1-...}`
        return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=flow)

    dumper: type = type("_Dumper", (c_base or yaml.SafeDumper,), {})
    dumper.add_representer(str, represent_str)  # type: ignore[attr-defined]
    dumper.add_representer(dict, represent_dict)  # type: ignore[attr-defined]
    dumper.add_representer(OneLine, represent_dict)  # type: ignore[attr-defined]
    return dumper
