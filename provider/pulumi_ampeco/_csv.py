"""A set's members from a CSV file with a header row: the card list kept in git as a spreadsheet.

::

    id_tag_uid,status,type,id_label
    04AA0001,enabled,rfid,Card 1
    04AA0002,disabled,rfid,

One row per member; the header names the key column (``id_tag_uid``) and any of the member's
arguments (snake_case, as for the resource); an empty cell leaves that argument out. Values are
text: the provider's check validates and converts them (``user_id`` ``12`` is the number 12),
exactly as for the arguments of one resource. Read in the program with the standard library only
(no pydantic): problems of the file itself (a missing key column, an unknown column, a key on two
rows, a row of the wrong length) are one ``SpecError`` naming the file and the line.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence

from pulumi_ampeco.errors import SpecError

__all__ = ["read_members"]


def read_members(path: str | os.PathLike[str], *, key: str, columns: Sequence[str],
                 lines: dict[str, int] | None = None) -> dict[str, dict[str, str]]:
    """key -> {column: value} of every row of ``path`` (``columns``: the member's arguments);
    ``lines``, if given, gets each key's line number."""
    file = os.fspath(path)
    try:
        with open(file, newline="", encoding="utf-8-sig") as handle:  # a spreadsheet's BOM is no column name
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read it: {getattr(exc, 'strerror', None) or exc}", file=file) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header:
        raise SpecError(f"no header row; the first line names the columns, {key} and any of: "
                        f"{', '.join(columns)}", file=file)
    names = [h.strip() for h in header]
    allowed = {key, *columns}
    unknown = [n for n in names if n not in allowed]
    if unknown or key not in names or len(set(names)) != len(names):
        what = (f"unknown column(s) {', '.join(repr(n) for n in unknown)}" if unknown else
                f"no {key} column" if key not in names else "a column named twice")
        raise SpecError(f"line 1: {what}; columns are {key} and any of: {', '.join(columns)}", file=file)
    at = names.index(key)
    members: dict[str, dict[str, str]] = {}
    lines = {} if lines is None else lines
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        if len(row) != len(names):
            raise SpecError(f"line {line}: {len(row)} cells, the header has {len(names)}", file=file)
        uid = row[at].strip()
        if not uid:
            raise SpecError(f"line {line}: no {key}", file=file)
        if uid in members:
            raise SpecError(f"line {line}: {key} {uid!r} is on line {lines[uid]} too; a set holds each once",
                            file=file)
        members[uid] = {n: cell.strip() for n, cell in zip(names, row) if n != key and cell.strip()}
        lines[uid] = line
    return members
