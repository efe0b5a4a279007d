"""Write the Pulumi surface and the reference pages from the specs (a tool of the repository,
not part of the installed package: it writes into this checkout).

    python tools/codegen.py          # rewrite the generated files
    python tools/codegen.py --check  # exit 1 if any is stale (the test suite runs this)

Generated, each saying so in its first line: ``pulumi_ampeco/<module>.py`` (Args, ArgsDict,
resource class with typed outputs; for a set of ``specs.SETS``, its members' ArgsDict too and
``from_csv``), ``pulumi_ampeco/__init__.py`` (the public names),
``pulumi_ampeco/types.py`` (nested argument shapes), ``pulumi_ampeco/_engine/kinds.py`` (the
registry's kinds and file stems, for code that must not load the specs),
``pulumi_ampeco/network/_sections.py`` (``ampeco.Network``'s typed attributes) and
``examples/resources/<module>/README.md`` (with ``example.py`` beside it, written by hand).
"""

from __future__ import annotations

import re
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "provider" / "pulumi_ampeco"
sys.path.insert(0, str(PACKAGE.parent))  # this checkout's specs, whatever is installed

from pulumi_ampeco import errors
from pulumi_ampeco.network._layout import walk
from pulumi_ampeco.specs import REGISTRY, SETS
from pulumi_ampeco.specs._base import MemberSet, Reference, ResourceSpec
from pulumi_ampeco.specs._members import ADOPT_EXISTING
from pulumi_ampeco.specs._schema import FieldMeta, ModelMeta, model_meta
from pydantic import BaseModel

HEADER = "# Generated from {source} by `python tools/codegen.py`. Do not edit by hand.\n"


def _strip(annotation: Any) -> Any:
    """The annotation without Annotated and Optional wrappers."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _strip(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _strip(rest[0]) if len(rest) == 1 else annotation
    return annotation


def _is_reference(annotation: Any) -> bool:
    if typing.get_origin(annotation) is typing.Annotated:
        return (any(isinstance(m, Reference) for m in typing.get_args(annotation)[1:])
                or _is_reference(typing.get_args(annotation)[0]))
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_reference(a) for a in typing.get_args(annotation))
    return False


def _type(annotation: Any, *, output: bool) -> str:
    if _is_reference(annotation) and typing.get_origin(_strip(annotation)) is not list:
        return "int" if output else "int | str"
    annotation = _strip(annotation)
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return "Literal[" + ", ".join(repr(a) for a in typing.get_args(annotation)) + "]"
    if origin is list:
        inner = _type(typing.get_args(annotation)[0], output=output)
        return f"list[{inner}]" if output else f"Sequence[pulumi.Input[{inner}]]"
    if origin is dict:
        value = _type(typing.get_args(annotation)[1], output=output)
        return f"dict[str, {value}]" if output else f"Mapping[str, pulumi.Input[{value}]]"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "dict[str, Any]" if output else f"{annotation.__name__}ArgsDict"
    if isinstance(annotation, type):
        return annotation.__name__
    return "Any"


def _doc(text: str, indent: str) -> str:
    return f'{indent}"""{text}"""\n' if text else ""


def _nested_models() -> list[ModelMeta]:
    seen: dict[type, ModelMeta] = {}

    def walk(meta: ModelMeta) -> None:
        for f in meta.fields.values():
            if f.nested and f.nested.model not in seen:
                walk(f.nested)
                seen[f.nested.model] = f.nested

    for spec in REGISTRY.values():
        walk(model_meta(spec.model))
    return sorted(seen.values(), key=lambda m: m.model.__name__)


def render_types() -> str:
    out = [HEADER.format(source="specs/"), '"""Nested argument shapes, shared by the resources that use them."""\n\n',
           "from __future__ import annotations\n\n",
           "from collections.abc import Sequence\nfrom typing import Literal, TypedDict\n\nimport pulumi\n\n",
           "__all__ = [\n"]
    metas = _nested_models()
    out += [f'    "{m.model.__name__}ArgsDict",\n' for m in metas]
    out.append("]\n")
    for m in metas:
        out.append(f"\n\nclass {m.model.__name__}ArgsDict(TypedDict, total=False):\n")
        out.append(_doc((m.model.__doc__ or "").strip().splitlines()[0] if m.model.__doc__ else "", "    "))
        for f in m.arguments():
            out.append(f"    {f.name}: pulumi.Input[{_type(f.annotation, output=False)}]\n")
            out.append(_doc(f.description, "    "))
    text = "".join(out)
    return text.replace("from collections.abc import Sequence\nfrom typing import Literal, TypedDict\n",
                        _imports(text.split("__all__", 1)[1]))


def _field_replaces(f: FieldMeta) -> str:
    if f.path_param:
        return "yes (parent)"
    if f.create_only:
        return "yes (create-only)"
    return "yes" if f.replaces else ""


def render_resource(spec: ResourceSpec) -> str:
    meta = model_meta(spec.model)
    args = meta.arguments()
    required = [f for f in args if f.required]
    optional = [f for f in args if not f.required]
    nested = sorted({_strip(f.annotation).__name__ for f in args if f.nested and not f.is_list}
                    | {typing.get_args(_strip(f.annotation))[0].__name__ for f in args if f.nested and f.is_list})
    cls = spec.kind
    lines: list[str] = [HEADER.format(source=f"specs/{spec.module}.py")]
    lines.append(f'"""{cls}: {spec.description}"""\n\n')
    lines.append("from __future__ import annotations\n\n")
    lines.append("import dataclasses\n@IMPORTS@\n")
    lines.append("import pulumi\nimport pulumi.dynamic\n\n")
    lines.append("from pulumi_ampeco._engine.provider import AmpecoProvider\n")
    lines.append("from pulumi_ampeco._lookup import find\n")
    lines.append("from pulumi_ampeco._surface import (\n    resolved_annotations,\n    resource_options,\n    resource_props,\n    sdk_pickler_restored,\n)\n")
    if nested:
        names = [f"{n}ArgsDict" for n in nested]
        if len(names) == 1:
            lines.append(f"from pulumi_ampeco.types import {names[0]}\n")
        else:
            lines.append("from pulumi_ampeco.types import (\n" + "".join(f"    {n},\n" for n in names) + ")\n")
    names = sorted([cls, f"{cls}Args", f"{cls}ArgsDict", f"Get{cls}Result", f"get_{spec.module}"],
                   key=lambda n: (not n[0].isupper(), n))
    lines.append("\n__all__ = [" + ", ".join(f'"{n}"' for n in names) + "]\n")
    lines.append("\n# Every output (passed as None unless given) and the secret ones: `_surface` takes them from\n"
                 "# here, so a program that constructs resources loads neither pydantic nor the specs.\n")
    lines.append(_tuple("_OUTPUTS", list(meta.fields)))
    lines.append(_tuple("_SECRET_OUTPUTS", [f.name for f in meta.fields.values() if f.secret]))

    lines.append(f"\n\nclass {cls}ArgsDict(TypedDict, total=False):\n")
    lines.append(f'    """Arguments of {cls} as a dict (keys as in {cls}Args)."""\n\n')
    for f in args:
        lines.append(f"    {f.name}: pulumi.Input[{_type(f.annotation, output=False)}]\n")
        lines.append(_doc(f.description, "    "))
    adopt = spec.id_type.__name__  # the API's id type (a notification's is a string)
    lines.append(f"    adopt_id: pulumi.Input[{adopt}]\n")

    lines.append("\n\n@dataclasses.dataclass(kw_only=True)\n")
    lines.append(f"class {cls}Args:\n")
    lines.append(f'    """Arguments of {cls}."""\n\n')
    for f in required:
        lines.append(f"    {f.name}: pulumi.Input[{_type(f.annotation, output=False)}]\n")
        lines.append(_doc(f.description, "    "))
    for f in optional:
        lines.append(f"    {f.name}: pulumi.Input[{_type(f.annotation, output=False)}] | None = None\n")
        lines.append(_doc(f.description, "    "))
    lines.append(f"    adopt_id: pulumi.Input[{adopt}] | None = None\n")
    lines.append('    """Take over the existing AMPECO object with this id instead of creating one."""\n')

    replaced = [f.name for f in args if f.replaces]
    lines.append(f"\n\n@resolved_annotations\nclass {cls}(pulumi.dynamic.Resource, module=\"ampeco\", name=\"{cls}\"):\n")
    doc = [f"{spec.description}", ""]
    if replaced:
        doc.append(f"Changing {', '.join(replaced)} replaces the object.")
    doc.append("To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the")
    doc.append("``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).")
    lines.append('    """' + "\n    ".join(doc) + '\n    """\n\n')
    for f in meta.fields.values():
        t = _type(f.annotation, output=True)
        lines.append(f"    {f.name}: pulumi.Output[{t if f.required else t + ' | None'}]\n")
        lines.append(_doc(f.description, "    "))
    lines.append(f"    adopt_id: pulumi.Output[{adopt} | None]\n")

    lines.append("\n    def __init__(\n        self,\n        resource_name: str,\n")
    lines.append(f"        args: {cls}Args | None = None,\n        opts: pulumi.ResourceOptions | None = None,\n        *,\n")
    for f in args:
        lines.append(f"        {f.name}: pulumi.Input[{_type(f.annotation, output=False)}] | None = None,\n")
    lines.append(f"        adopt_id: pulumi.Input[{adopt}] | None = None,\n    ) -> None:\n")
    lines.append("        kwargs = {\n")
    lines += [f'            "{f.name}": {f.name},\n' for f in [*args]]
    lines.append('            "adopt_id": adopt_id,\n        }\n')
    lines.append("        props = resource_props(args, kwargs, _OUTPUTS)\n")
    lines.append("        with sdk_pickler_restored():\n")
    lines.append(f'            super().__init__(AmpecoProvider("{cls}"), resource_name, props,\n'
                 "                             resource_options(opts, _SECRET_OUTPUTS))\n")
    lines += _lookups(spec, meta)
    text = "".join(lines)
    return text.replace("@IMPORTS@\n", _imports(text.split("__all__", 1)[1]) + "\n")


def _lookups(spec: ResourceSpec, meta: ModelMeta) -> list[str]:
    """``X.get(resource_name, id)`` (Pulumi's read of an existing object), ``GetXResult`` and
    ``get_x(...)`` (a lookup by id or natural key, the form of Pulumi's get functions)."""
    cls, noun = spec.kind, spec.noun
    parents = [meta.fields[p] for p in spec.path_params_in_order]
    keys = [(k.replace(".", "_"), k) for k in spec.natural_key]
    out = ["\n    @staticmethod\n",
           ("    def get(\n        resource_name: str,\n        id: pulumi.Input[str],\n"
            "        opts: pulumi.ResourceOptions | None = None,\n")]
    if parents:
        out.append("        *,\n")
        out += [f"        {p.name}: pulumi.Input[{_type(p.annotation, output=False)}],\n" for p in parents]
    out.append(f"    ) -> {cls}:\n")
    where = f" (under its {', '.join(p.name for p in parents)})" if parents else ""
    out.append(f'        """The existing {noun} with this AMPECO id{where}, read into the program: its outputs,\n'
               "        refreshed on every run; this program never creates, changes or deletes it.\n"
               '        """\n')
    call = "".join(f", {p.name}={p.name}" for p in parents)
    out.append("        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))\n")
    out.append(f"        return {cls}(resource_name, opts=read{call})\n")

    out.append("\n\n@dataclasses.dataclass(frozen=True, kw_only=True)\n")
    out.append(f"class Get{cls}Result:\n")
    out.append(f'    """An existing {noun}, as ``get_{spec.module}`` found it in the tenant (secret fields left out)."""\n\n')
    out.append('    id: str\n    """The AMPECO id (a string, as Pulumi ids are)."""\n')
    for f in meta.fields.values():
        if f.secret:
            continue
        t = _type(f.annotation, output=True)
        out.append(f"    {f.name}: {t if f.required or f.path_param else t + ' | None'}"
                   f"{'' if f.required or f.path_param else ' = None'}\n")
        out.append(_doc(f.description, "    "))
    out.append(f"\n\ndef get_{spec.module}(\n    *,\n")
    out += [f"    {p.name}: int | str,\n" for p in parents]
    out.append("    id: int | str | None = None,\n")
    for name, dotted in keys:
        fmeta = _field(meta, dotted)
        out.append(f"    {name}: {_type(fmeta.annotation, output=True) if fmeta else 'Any'} | None = None,\n")
    out.append(f") -> Get{cls}Result:\n")
    by = " or ".join(f"``{name}``" for name, _ in keys)
    out.append(f'    """Look up an existing {noun} in the stack\'s tenant by its AMPECO ``id``'
               + (f" or by {by}" if keys else "") + (f",\n    within its {parents[0].name}" if parents else "")
               + ".\n\n    Its values as plain Python, now (in a preview too): nothing is registered, so nothing "
               "of it\n    lands in the state. Raises LookupFailedError when none matches, or more than one.\n"
               '    """\n')
    key = ", ".join(f'"{dotted}": {name}' for name, dotted in keys)
    parent_map = ", ".join(f'"{p.name}": {p.name}' for p in parents)
    out.append(f'    found = find("{cls}", id=id, key={{{key}}}, parents={{{parent_map}}})\n')
    out.append(f"    return Get{cls}Result(**found)\n")
    return out


def _field(meta: ModelMeta, dotted: str) -> FieldMeta | None:
    current: ModelMeta | None = meta
    fmeta = None
    for part in dotted.split("."):
        if current is None or part not in current.fields:
            return None
        fmeta = current.fields[part]
        current = fmeta.nested
    return fmeta


def _tuple(name: str, items: list[str]) -> str:
    """``name: tuple[str, ...] = (...)``, one item a line."""
    if not items:
        return f"{name}: tuple[str, ...] = ()\n"
    return f"{name}: tuple[str, ...] = (\n" + "".join(f'    "{item}",\n' for item in items) + ")\n"


def _imports(body: str) -> str:
    """Only the typing imports the generated body uses."""
    abcs = [n for n in ("Mapping", "Sequence") if f"{n}[" in body]
    lines = [f"from collections.abc import {', '.join(abcs)}\n"] if abcs else []
    names = sorted(n for n in ("Any", "Literal", "TypedDict") if re.search(rf"\b{n}\b", body))
    lines.append(f"from typing import {', '.join(names)}\n")
    return "".join(lines)


def render_set(s: MemberSet) -> str:
    """``<module>.py`` of a set: its members' ArgsDict, Args, ArgsDict and the resource with ``from_csv``."""
    member = REGISTRY[s.member]
    meta = model_meta(member.model)
    columns = [f for f in meta.arguments() if f.name != s.key]
    cls, noun = s.kind, member.noun
    id_type = member.id_type.__name__
    nested = sorted({_strip(f.annotation).__name__ for f in columns if f.nested and not f.is_list}
                    | {typing.get_args(_strip(f.annotation))[0].__name__ for f in columns if f.nested and f.is_list})
    members_type = f"pulumi.Input[Mapping[str, {cls}MemberArgsDict]]"
    lines: list[str] = [HEADER.format(source=f"specs/{s.module}.py")]
    lines.append(f'"""{cls}: {s.description}"""\n\n')
    lines.append("from __future__ import annotations\n\nimport dataclasses\nimport os\n@IMPORTS@\n")
    lines.append("import pulumi\nimport pulumi.dynamic\n\n")
    lines.append("from pulumi_ampeco._engine.provider import AmpecoProvider\n")
    lines.append("from pulumi_ampeco._surface import resolved_annotations, resource_options, sdk_pickler_restored, set_props\n")
    if nested:
        lines.append(_import_line("pulumi_ampeco.types", [f"{n}ArgsDict" for n in nested], indent=""))
    names = sorted([cls, f"{cls}Args", f"{cls}ArgsDict", f"{cls}MemberArgsDict"])
    lines.append("\n__all__ = [" + ", ".join(f'"{n}"' for n in names) + "]\n\n")
    lines.append(_tuple("_OUTPUTS", [s.field, "ids", ADOPT_EXISTING]))
    lines.append(_tuple("_SECRET_OUTPUTS", [s.field] if meta.has_secret else []))
    lines.append(f"# A CSV file's columns besides {s.key}: the {member.kind} arguments.\n")
    lines.append(_tuple("_COLUMNS", [f.name for f in columns]))
    lines.append(f"\n\nclass {cls}MemberArgsDict(TypedDict, total=False):\n")
    lines.append(f'    """One {noun} of an {cls}: the arguments of {member.kind} but {s.key}, its key in ``{s.field}``."""\n\n')
    for f in columns:
        lines.append(f"    {f.name}: pulumi.Input[{_type(f.annotation, output=False)}]\n")
        lines.append(_doc(f.description, "    "))
    docs = {
        s.field: f"The {member.plural}, by {s.key}: each one's arguments as for one {member.kind} (without {s.key}).",
        "csv": f"A CSV file with a header row ({s.key} and any of the other arguments): more {member.plural}, one a row.",
        ADOPT_EXISTING: (f"Take over existing {member.plural} whose {s.key} is in the set (each brought to its "
                         "declaration) instead of failing on them."),
    }
    types_ = {s.field: members_type, "csv": "str | os.PathLike[str]", ADOPT_EXISTING: "pulumi.Input[bool]"}
    lines.append(f"\n\nclass {cls}ArgsDict(TypedDict, total=False):\n")
    lines.append(f'    """Arguments of {cls} as a dict (keys as in {cls}Args)."""\n\n')
    for name in (s.field, "csv", ADOPT_EXISTING):
        lines.append(f"    {name}: {types_[name]}\n")
        lines.append(_doc(docs[name], "    "))
    lines.append(f"\n\n@dataclasses.dataclass(kw_only=True)\nclass {cls}Args:\n")
    lines.append(f'    """Arguments of {cls}."""\n\n')
    for name in (s.field, "csv", ADOPT_EXISTING):
        lines.append(f"    {name}: {types_[name]} | None = None\n")
        lines.append(_doc(docs[name], "    "))
    doc = [s.description, "",
           f"One resource for any number of {member.plural}: one engine step and one checkpoint for all of them, and a",
           f"diff per {s.key}. An update writes only the {member.plural} that changed (POST the added, PATCH the",
           f"changed fields, DELETE the removed), {_concurrency()} at a time (``ampeco:setConcurrency``). {member.plural.capitalize()}",
           "of the tenant that are not in the set are never touched; one that exists with a key of the set is an",
           f"error naming it, unless ``{ADOPT_EXISTING}=True``. A set with no member is refused unless",
           "``allow_empty=True`` (applying it deletes every member it holds)."]
    lines.append(f"\n\n@resolved_annotations\nclass {cls}(pulumi.dynamic.Resource, module=\"ampeco\", name=\"{cls}\"):\n")
    lines.append('    """' + "\n    ".join(doc) + '\n    """\n\n')
    lines.append(f"    {s.field}: pulumi.Output[dict[str, dict[str, Any]]]\n")
    lines.append(_doc(f"The {member.plural} as the tenant holds them (their declared fields), by {s.key}.", "    "))
    lines.append(f"    ids: pulumi.Output[dict[str, {id_type}]]\n")
    lines.append(_doc(f"The AMPECO id of each {noun}, by {s.key}.", "    "))
    lines.append(f"    {ADOPT_EXISTING}: pulumi.Output[bool | None]\n")
    lines.append("\n    def __init__(\n        self,\n        resource_name: str,\n")
    lines.append(f"        args: {cls}Args | None = None,\n        opts: pulumi.ResourceOptions | None = None,\n        *,\n")
    for name in (s.field, "csv", ADOPT_EXISTING):
        lines.append(f"        {name}: {types_[name]} | None = None,\n")
    lines.append("        allow_empty: bool = False,\n    ) -> None:\n")
    lines.append(f'        kwargs = {{"{s.field}": {s.field}, "csv": csv, "{ADOPT_EXISTING}": {ADOPT_EXISTING}}}\n')
    lines.append(f'        props = set_props(args, kwargs, _OUTPUTS, kind="{cls}", field="{s.field}", key="{s.key}",\n'
                 "                          columns=_COLUMNS, allow_empty=allow_empty)\n")
    lines.append("        with sdk_pickler_restored():\n")
    lines.append(f'            super().__init__(AmpecoProvider("{cls}"), resource_name, props,\n'
                 "                             resource_options(opts, _SECRET_OUTPUTS))\n")
    lines.append("\n    @classmethod\n    def from_csv(\n        cls,\n        resource_name: str,\n"
                 "        path: str | os.PathLike[str],\n        opts: pulumi.ResourceOptions | None = None,\n"
                 f"        *,\n        {ADOPT_EXISTING}: pulumi.Input[bool] | None = None,\n"
                 f"        allow_empty: bool = False,\n    ) -> {cls}:\n")
    lines.append(f'        """The {member.plural} of a CSV file with a header row: {s.key} and any of ``_COLUMNS``,\n'
                 "        one a row (an empty cell leaves that argument out).\n        \"\"\"\n")
    lines.append(f"        return cls(resource_name, opts=opts, csv=path, {ADOPT_EXISTING}={ADOPT_EXISTING}, "
                 "allow_empty=allow_empty)\n")
    text = "".join(lines)
    return text.replace("@IMPORTS@\n", _imports(text.split("__all__", 1)[1]) + "\n")


def _concurrency() -> int:
    from pulumi_ampeco._engine.sets import DEFAULT_CONCURRENCY

    return DEFAULT_CONCURRENCY


def render_set_reference(s: MemberSet) -> str:
    """``examples/resources/<module>/README.md`` of a set."""
    member = REGISTRY[s.member]
    meta = model_meta(member.model)
    columns = [f for f in meta.arguments() if f.name != s.key]
    cls = s.kind
    parts = [HEADER.format(source=f"provider/pulumi_ampeco/specs/{s.module}.py").replace("# ", "<!-- ", 1).rstrip()
             + " -->\n\n", f"# ampeco.{cls}\n\n{s.description}\n\n"]
    parts.append(f"- Members: [`{member.kind}`](../{member.module}/README.md) objects, keyed by `{s.key}`; each "
                 f"member's arguments are checked as one {member.kind}'s, and a bad one is named "
                 f"`{s.field}[\"<{s.key}>\"].<argument>`.\n")
    parts.append(f"- API: `{member.collection}`; an update POSTs the added members, PATCHes the changed fields of "
                 f"changed ones and DELETEs the removed ones, {_concurrency()} at a time (`ampeco:setConcurrency`, "
                 "1-10), each with the client's retries; a refresh lists the collection once (`ceil(n/100)` pages).\n")
    article = "an" if member.noun[:1] in "aeiou" else "a"
    parts.append(f"- Never taken over: {article} {member.noun} of the tenant that is not in the set is never touched; one "
                 f"that already exists with a `{s.key}` of the set is an error naming it, unless "
                 f"`{ADOPT_EXISTING}=True` (then it is taken over and brought to its declaration).\n")
    parts.append("- A failure part-way leaves nothing lost or duplicated: the state records every member written, "
                 "and the next `up` does only the rest.\n")
    parts.append("\n## Arguments\n\n| argument | type | notes |\n|---|---|---|\n")
    parts.append(f"| `{s.field}` | `Mapping[str, {cls}MemberArgsDict]` | {s.key} -> the member's arguments (below). |\n")
    parts.append(f"| `csv` | `str` | A CSV file with a header row: `{s.key}` and any of the member arguments; "
                 "one member a row, an empty cell leaves that argument out (`from_csv(name, path)` too). |\n")
    parts.append(f"| `{ADOPT_EXISTING}` | `bool` | Take over existing {member.plural} with a key of the set. |\n")
    parts.append("| `allow_empty` | `bool` | Allow a set with no member (it deletes every member it holds). |\n")
    parts.append("\n### A member's arguments\n\n| argument | type | required | notes |\n|---|---|---|---|\n")
    for f in columns:
        notes = [f.description]
        if not f.required:
            notes.append(_removal(member, f))
        parts.append(f"| `{f.name}` | `{_type(f.annotation, output=False)}` | {'yes' if f.required else ''} "
                     f"| {' '.join(notes).replace('|', '/')} |\n")
    parts.append(f"\n## Outputs\n\n- `{s.field}`: the members as the tenant holds them (their declared fields).\n"
                 f"- `ids`: the AMPECO id of each member, by `{s.key}`.\n"
                 "- `id`: the set's own id (`set-...`; it is no AMPECO object).\n")
    parts.append(f"\n## Example\n\n```python\nimport pulumi_ampeco as ampeco\n\n{_example_of(s.module)}```\n")
    return "".join(parts)


def _example_of(module: str) -> str:
    path = REPO / "examples" / "resources" / module / "example.py"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _removal(spec: ResourceSpec, f: FieldMeta) -> str:
    """What removing the argument from the program does (the declaration's reset words)."""
    if f.path_param or f.create_only or f.server_default:
        return "Removed: no longer managed; the live value stays."
    if f.sub_collection is not None:
        return "Removed: every item is deleted." if f.reset is not None else "Removed: no longer managed."
    if spec.update_method == "PUT":
        return "Removed: reset (left out of the PUT)."
    reset = f.reset
    if reset is None:
        return "Removed: no longer managed; the live value stays (the API accepts no null here)."
    if reset.value is None:
        return "Removed: cleared (null)."
    return f"Removed: set to `{reset.value!r}` (the API accepts no null here)."


def render_reference(spec: ResourceSpec) -> str:
    meta = model_meta(spec.model)
    args = meta.arguments()
    cls = spec.kind
    parts = [HEADER.format(source=f"provider/pulumi_ampeco/specs/{spec.module}.py").replace("# ", "<!-- ", 1).rstrip()
             + " -->\n\n", f"# ampeco.{cls}\n\n{spec.description}\n\n"]
    if spec.actions is not None:
        a = spec.actions
        parts.append(f"- API: no path of its own. Read as an item of `include[]={a.listed_in}` of `{spec.collection}` "
                     f"(its id is `{a.id}`); created with `POST {a.create.path}`, updated with `POST {a.update.path}`, "
                     f"deleted with `POST {a.delete.path}` (actions, answered 202)\n")
    else:
        parts.append(f"- API: `{spec.collection}` (update with {spec.update_method}"
                     + (", the whole object is sent" if spec.update_method == "PUT" else ", only changed fields")
                     + ")\n")
    if spec.id_type is not int:
        parts.append(f"- The API types its ids as `{spec.id_type.__name__}` in its paths, so `adopt_id` takes one too.\n")
    if spec.natural_key:
        parts.append(f"- Natural key (used to recover a create whose response was lost): "
                     f"{' or '.join('`' + k + '`' for k in spec.natural_key)}\n")
    if spec.always_send:
        parts.append(f"- Sent on every update, as the API requires: {', '.join('`' + k + '`' for k in spec.always_send)}\n")
    if spec.delete_before_replace:
        parts.append("- A replacement deletes the old object first (its natural key must stay unique).\n")
    parts.append("\n## Arguments\n\n| argument | type | required | replaces | notes |\n|---|---|---|---|---|\n")
    for f in args:
        notes = [f.description]
        if f.server_default:
            notes.append("Omitted: the server's value is kept and not managed.")
        if f.update_only:
            notes.append("Sent in a follow-up update after create.")
        if f.secret:
            notes.append("Secret output.")
        if f.ordered:
            notes.append("Order matters.")
        if f.write_only:
            notes.append("Write-only: never read back; the value last sent is what is compared.")
        if f.include:
            notes.append(f"Read with `include[]={f.include}`.")
        if f.sub_collection is not None:
            notes.append(f"Kept by the API at `.../{{id}}/{f.sub_collection.path}` and written item by item after "
                         f"create; items are matched by {', '.join('`' + k + '`' for k in f.sub_collection.key)}.")
        if f.read_only_values:
            notes.append(f"{', '.join(repr(v) for v in f.read_only_values)}: only on an adopted object.")
        if not f.required:
            notes.append(_removal(spec, f))
        parts.append(f"| `{f.name}` | `{_type(f.annotation, output=False)}` | {'yes' if f.required else ''} "
                     f"| {_field_replaces(f)} | {' '.join(notes).replace('|', '/')} |\n")
    for rule in spec.required_when:
        parts.append(f"\n`{rule.field}` is required when {rule.describe()}.\n")
    parts.append("\n## Outputs\n\nEvery argument, plus what AMPECO computes:\n\n")
    for f in meta.fields.values():
        if f.computed:
            parts.append(f"- `{f.name}`: {f.description}\n")
    if spec.actions is not None:
        parts.append(f"- `id`: the object's id, which the API knows it by: the value of `{spec.actions.id}` "
                     "(a string, as Pulumi ids are; `adopt_id` takes it too).\n")
    else:
        parts.append("- `id`: the AMPECO id of the object (a string, as Pulumi ids are).\n")
    parts.append(f"\n## Example\n\n```python\nimport pulumi_ampeco as ampeco\n\n{_example(spec)}```\n")
    parts.append("\n## Adopting an existing object\n\n`pulumi import` and the `import_` resource option cannot work "
                 "with Pulumi dynamic providers (pulumi/pulumi#16175). Pass the object's AMPECO id as `adopt_id` "
                 "instead: the first `up` reads the object and updates it to the declaration (at most one update); "
                 "later changes to `adopt_id` do nothing.\n\n"
                 f"```python\nampeco.{cls}(\"existing\", adopt_id={'42' if spec.id_type is int else repr('42')}, ...)"
                 "  # the same arguments as above\n```\n")
    parents = list(spec.path_params_in_order)
    within = "".join(f", {p}=..." for p in parents)
    keys = [k.replace(".", "_") for k in spec.natural_key]
    by_key = f"ampeco.get_{spec.module}({keys[0]}=...{within})" if keys else ""
    parts.append("\n## Referring to an object the program does not manage\n\n"
                 f"`ampeco.{cls}.get(\"name\", id{within})` reads it into the program (outputs refreshed on every "
                 "run; never created, changed or deleted by it). "
                 f"`ampeco.get_{spec.module}(id=...{within})`"
                 + (f" or `{by_key}`" if keys else "")
                 + f" looks it up now and returns a `Get{cls}Result` of plain values (secret fields left out; "
                 "nothing lands in the state); it raises `LookupFailedError` when none matches, or several do."
                 + (" In a network spec, a reference names one as "
                    f"`{{existing: {{{spec.natural_key[0]}: ...}}}}`." if spec.natural_key and not parents else "")
                 + "\n\n```python\n"
                 + (f"found = {by_key}\n" if keys else f"found = ampeco.get_{spec.module}(id=42{within})\n")
                 + f"same = ampeco.{cls}.get(\"existing-{spec.module.replace('_', '-')}\", found.id{within})\n```\n")
    return "".join(parts)


def _example(spec: ResourceSpec) -> str:
    """``examples/resources/<module>/example.py``: the page's example, written by hand."""
    path = REPO / "examples" / "resources" / spec.module / "example.py"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def render_kinds() -> str:
    kinds = "".join(f'    "{kind}",\n' for kind in sorted([*REGISTRY, *SETS]))
    modules = "".join(f'    "{spec.module}",\n' for spec in REGISTRY.values())
    set_kinds = "".join(f'    "{kind}",\n' for kind in sorted(SETS))
    fields = "".join(f'    "{kind}": "{s.field}",\n' for kind, s in sorted(SETS.items()))
    return (HEADER.format(source="specs/__init__.py (REGISTRY)")
            + '"""The registry\'s kinds and file stems, and the sets\', without importing the specs.\n\n'
            "A Pulumi program constructs an ``AmpecoProvider`` per resource but never calls it; checking the\n"
            "kind against this tuple instead of ``specs.REGISTRY`` keeps pydantic and the spec models out of\n"
            "the program, as ``MODULES`` keeps them out of ``pulumi-ampeco --help``.\n\"\"\"\n\n"
            "from __future__ import annotations\n\n"
            f"KINDS: tuple[str, ...] = (\n{kinds})\n"
            '"""Resource kinds, sorted."""\n\n'
            f"MODULES: tuple[str, ...] = (\n{modules})\n"
            '"""Their file stems (``id_tag``, ...), in REGISTRY order."""\n\n'
            f"SET_KINDS: tuple[str, ...] = (\n{set_kinds})\n"
            '"""The kinds that are sets of another kind (``specs.SETS``), sorted."""\n\n'
            f"SET_FIELDS: dict[str, str] = {{\n{fields}}}\n"
            '"""Each set kind\'s member mapping argument (the preview summary counts its members)."""\n')


PACKAGE_DOC = '''"""Pulumi resources for AMPECO.CHARGE EV-charging networks.

    import pulumi_ampeco as ampeco

    site = ampeco.Location("depot", name=[{"locale": "en", "translation": "Depot"}], ...)
    cp = ampeco.ChargePoint("cp-1", location_id=site.id, ...)

Tenant: stack config ``ampeco:tenantUrl`` and secret ``ampeco:apiToken``, else the environment
variables ``AMPECO_TENANT_URL`` and ``AMPECO_API_TOKEN``. Existing objects are taken over with
``adopt_id`` (``import_`` cannot work for dynamic providers, pulumi/pulumi#16175); ones the program
only refers to are read with ``X.get(name, id)`` or looked up with ``get_x(id=...)`` /
``get_x(<natural key>=...)``.
"""
'''


def render_package() -> str:
    """``__init__.py``: the errors, then every resource and ``Network``, loaded on first use."""
    error_names = sorted(n for n in errors.__all__
                         if isinstance(getattr(errors, n), type) and issubclass(getattr(errors, n), Exception))
    lazy: dict[str, str] = {}
    for spec in sorted(REGISTRY.values(), key=lambda s: s.kind):
        for name in (spec.kind, f"{spec.kind}Args", f"{spec.kind}ArgsDict", f"Get{spec.kind}Result",
                     f"get_{spec.module}"):
            lazy[name] = f"pulumi_ampeco.{spec.module}"
    for s in sorted(SETS.values(), key=lambda s: s.kind):
        for name in (s.kind, f"{s.kind}Args", f"{s.kind}ArgsDict", f"{s.kind}MemberArgsDict"):
            lazy[name] = f"pulumi_ampeco.{s.module}"
    lazy["Network"] = "pulumi_ampeco.network"
    by_module: dict[str, list[str]] = {}
    for name, module in lazy.items():
        by_module.setdefault(module, []).append(name)
    out = [HEADER.format(source="specs/ and errors.py"), PACKAGE_DOC, "\nfrom __future__ import annotations\n\n",
           "import importlib\nfrom typing import TYPE_CHECKING, Any\n\n",
           "from pulumi_ampeco.errors import (\n", *(f"    {n},\n" for n in error_names), ")\n\n",
           "if TYPE_CHECKING:\n"]
    out += [_import_line(m, sorted(names)) for m, names in sorted(by_module.items())]
    out.append("\n# Resource classes load on first use (PEP 562): `import pulumi_ampeco` stays cheap, and a provider\n"
               "# process, which only needs pulumi_ampeco._engine, never loads the Pulumi surface of every resource.\n")
    out.append("_LAZY: dict[str, str] = {\n")
    out += [f'    "{name}": "{lazy[name]}",\n' for name in sorted(lazy)]
    out.append("}\n\n__all__ = [\n")
    out += [f'    "{name}",\n' for name in sorted([*error_names, *lazy])]
    out.append("]\n")
    out.append('''

def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
''')
    return "".join(out)


LINE_LENGTH = 110  # ruff's line-length (pyproject.toml)


def _import_line(module: str, names: list[str], indent: str = "    ") -> str:
    """``from module import a, b`` on one line, or one name a line when that is too long (as ruff writes it)."""
    line = f"{indent}from {module} import {', '.join(names)}\n"
    if len(line) - 1 <= LINE_LENGTH:
        return line
    return f"{indent}from {module} import (\n" + "".join(f"{indent}    {n},\n" for n in names) + f"{indent})\n"


def render_sections() -> str:
    """``network/_sections.py``: one typed attribute of ``ampeco.Network`` per section."""
    sections = list(walk())
    out = [HEADER.format(source="specs/ (the network layout)"),
           '"""The typed attributes of ``ampeco.Network``: the resources of each section, by logical name."""\n\n',
           "from __future__ import annotations\n\nfrom typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"]
    out += [f"    from pulumi_ampeco.{REGISTRY[k].module} import {k}\n"
            for k in sorted({s.kind for s in sections}, key=lambda k: REGISTRY[k].module)]
    out.append('\n__all__ = ["NetworkSections"]\n\n\nclass NetworkSections:\n')
    for s in sections:
        qualified = " (qualified by the parents' names: ``parent/child``)" if s.parent_kind else ""
        out.append(f"    {s.key}: dict[str, {s.kind}]\n")
        out.append(f'    """{s.kind} resources by logical name{qualified}."""\n')
    return "".join(out)


def generated_files() -> dict[Path, str]:
    files = {PACKAGE / "types.py": render_types(), PACKAGE / "_engine" / "kinds.py": render_kinds(),
             PACKAGE / "__init__.py": render_package(), PACKAGE / "network" / "_sections.py": render_sections()}
    for spec in REGISTRY.values():
        files[PACKAGE / f"{spec.module}.py"] = render_resource(spec)
        files[REPO / "examples" / "resources" / spec.module / "README.md"] = render_reference(spec)
    for s in SETS.values():
        files[PACKAGE / f"{s.module}.py"] = render_set(s)
        files[REPO / "examples" / "resources" / s.module / "README.md"] = render_set_reference(s)
    return files


def main(argv: list[str]) -> int:
    stale = []
    for path, text in generated_files().items():
        current = path.read_text() if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if "--check" not in argv:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if "--check" in argv and stale:
        print("stale generated files (run python tools/codegen.py):", *map(str, stale), sep="\n  ")
        return 1
    for path in stale:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
