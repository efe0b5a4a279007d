"""Read JSON from a text stream one value at a time, so a 300 MB preview never sits in memory whole.

The stdlib decoder does the decoding (``JSONDecoder.raw_decode``, C speed); this module only frames
it: it keeps a sliding buffer over the stream, walks the top level of an object or array itself,
and hands each member to the decoder. A value that runs past the buffer's end is retried with more
text, so elements of any size work; memory is the buffer plus the largest single element.

A *pin* keeps text from a position on in the buffer, so a reader can go back to where a candidate
document started (CI logs put noise before and after the JSON) until it commits to it.
"""

from __future__ import annotations

import json
import re
from typing import IO, Any, Final

__all__ = ["JsonStream", "StreamError"]

_WS: Final = re.compile(r"[ \t\n\r]*")
_INDENT: Final = re.compile(r"[ \t]*")
_DECODER: Final = json.JSONDecoder()
#: A decoder error this close to the buffer's end may only mean the value goes on past it ...
_NEAR_END: Final = 32
#: ... and, once the stream has ended, this close means the text was cut off (``{"a": tr``).
_CUT_TAIL: Final = 8


class StreamError(ValueError):
    """The text is not JSON where JSON was expected; ``truncated`` when it simply ends too early."""

    def __init__(self, message: str, *, line: int, truncated: bool = False) -> None:
        super().__init__(message)
        self.line = line
        self.truncated = truncated


class JsonStream:
    """A cursor over a text stream with JSON-aware reads; positions are absolute character offsets."""

    def __init__(self, stream: IO[str], *, chunk_chars: int = 1 << 20) -> None:
        self._stream = stream
        self._chunk = chunk_chars
        self._buf = ""
        self._base = 0  # absolute offset of self._buf[0]
        self._lines_before = 0  # newlines in the text dropped before self._buf[0]
        self._rel = 0  # cursor, relative to self._buf
        self._eof = False
        self._pin: int | None = None

    # ---------------------------------------------------------------------------- buffer

    @property
    def pos(self) -> int:
        return self._base + self._rel

    def pin(self, pos: int | None) -> None:
        """Keep the text from ``pos`` on readable (``seek`` back to it); ``None`` releases it."""
        self._pin = pos

    def seek(self, pos: int) -> None:
        """Go back (or forward within the buffer) to ``pos``; it must not have been dropped."""
        rel = pos - self._base
        if rel < 0:
            raise ValueError("position already dropped from the buffer")
        while rel > len(self._buf) and self._more():
            pass
        self._rel = min(rel, len(self._buf))

    def _more(self, size: int | None = None) -> bool:
        """Append the next chunk; False at the end of the stream."""
        if self._eof:
            return False
        keep = self._rel if self._pin is None else min(self._rel, max(self._pin - self._base, 0))
        if keep > self._chunk:  # drop what no one can go back to
            self._lines_before += self._buf.count("\n", 0, keep)
            self._buf = self._buf[keep:]
            self._base += keep
            self._rel -= keep
        text = self._stream.read(size or self._chunk)
        if not text:
            self._eof = True
            return False
        self._buf += text
        return True

    def at_end(self) -> bool:
        while self._rel >= len(self._buf):
            if not self._more():
                return True
        return False

    def line(self, pos: int | None = None) -> int:
        """1-based line number of ``pos`` (default: the cursor), for messages."""
        rel = (self.pos if pos is None else pos) - self._base
        return self._lines_before + self._buf.count("\n", 0, max(rel, 0)) + 1

    # ---------------------------------------------------------------------------- reads

    def peek(self) -> str:
        """The next character that is not JSON whitespace, without consuming it; "" at the end."""
        while True:
            end = _end(_WS, self._buf, self._rel)
            self._rel = end
            if end < len(self._buf):
                return self._buf[end]
            if not self._more():
                return ""

    def expect(self, chars: str) -> str:
        """Consume the next non-blank character, which must be one of ``chars``."""
        found = self.peek()
        if not found or found not in chars:
            wanted = " or ".join(repr(c) for c in chars)
            if not found:
                raise StreamError(f"the input ends where {wanted} was expected", line=self.line(),
                                  truncated=True)
            raise StreamError(f"expected {wanted}, found {found!r}", line=self.line())
        self._rel += 1
        return found

    def value(self) -> Any:
        """Decode the JSON value at the cursor (after blanks) and move past it."""
        if not self.peek():
            raise StreamError("the input ends where a value was expected", line=self.line(), truncated=True)
        grow = self._chunk
        while True:
            try:
                value, end = _DECODER.raw_decode(self._buf, self._rel)
            except json.JSONDecodeError as exc:
                if not self._eof and _maybe_incomplete(exc, len(self._buf)):
                    self._more(grow)
                    grow *= 2
                    continue
                truncated = _cut_off(exc, self._buf)
                raise StreamError(_reason(exc, truncated), line=self.line(self._base + exc.pos),
                                  truncated=truncated) from None
            except RecursionError:
                raise StreamError("JSON nested too deeply to read", line=self.line()) from None
            except ValueError as exc:  # e.g. an integer with more digits than int() accepts
                raise StreamError(f"unreadable JSON value ({exc})", line=self.line()) from None
            if end >= len(self._buf) and not self._eof and self._more(grow):
                continue  # a number or literal may go on in the next chunk
            self._rel = end
            return value

    def skip_line(self) -> None:
        """Move to the start of the next line (or the end)."""
        while True:
            newline = self._buf.find("\n", self._rel)
            if newline >= 0:
                self._rel = newline + 1
                return
            self._rel = len(self._buf)
            if not self._more():
                return

    def next_line_start(self, openers: str) -> int | None:
        """From the cursor (at a line start), the first line whose first non-blank character is one
        of ``openers``: the cursor moves there and its position is returned; ``None`` at the end."""
        while True:
            while True:
                end = _end(_INDENT, self._buf, self._rel)
                if end < len(self._buf) or not self._more():
                    break
            self._rel = end
            if end >= len(self._buf):
                return None
            if self._buf[end] in openers:
                return self.pos
            self.skip_line()

    def members(self) -> Any:
        """Iterate ``(key, start)`` over the object at the cursor; the caller reads each value.

        A generator: after each key the cursor is at its value, which the caller must consume
        (``value()`` or ``elements()``) before asking for the next key.
        """
        self.expect("{")
        if self.peek() == "}":
            self._rel += 1
            return
        while True:
            if self.peek() != '"':
                raise StreamError("expected a property name in double quotes", line=self.line(),
                                  truncated=not self.peek())
            key = self.value()
            self.expect(":")
            self.peek()
            yield key
            if self.expect(",}") == "}":
                return

    def elements(self) -> Any:
        """Iterate the array at the cursor; the caller reads each element (``value()``)."""
        self.expect("[")
        if self.peek() == "]":
            self._rel += 1
            return
        while True:
            self.peek()
            yield self.pos
            if self.expect(",]") == "]":
                return


def _end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where a run of ``pattern`` (which matches the empty string too) starting at ``pos`` ends."""
    match = pattern.match(text, pos)
    return match.end() if match is not None else pos


def _maybe_incomplete(exc: json.JSONDecodeError, length: int) -> bool:
    return exc.pos >= length - _NEAR_END or exc.msg.startswith("Unterminated string")


def _cut_off(exc: json.JSONDecodeError, text: str) -> bool:
    return exc.pos >= len(text.rstrip()) - _CUT_TAIL or exc.msg.startswith("Unterminated string")


def _reason(exc: json.JSONDecodeError, truncated: bool) -> str:
    if truncated:
        return f"the input ends inside a JSON value ({exc.msg})"
    return exc.msg
