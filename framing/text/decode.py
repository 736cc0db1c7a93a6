"""Reading an article file (or stdin) into text, with clear errors.

UTF-8 with or without a byte-order mark is the norm. UTF-16/32 with a BOM,
and BOM-less UTF-16 (every other byte NUL), are decoded. Text that is not
valid UTF-8 is decoded as Windows-1252 (the usual legacy encoding of English
news) with a warning. Files that are missing, directories, empty, too large
or binary raise :class:`~framing.errors.InputError` naming the file and why.
"""
from __future__ import annotations

import codecs
import os
import sys
from typing import BinaryIO

from ..errors import InputError

MAX_BYTES = 10 * 1024 * 1024  # 10 MiB: far above any news article
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = frozenset(chr(c) for c in range(32)) - set("\t\n\r\f\v")


def decode_bytes(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode ``data`` read from ``source``; returns the text and warnings."""
    warnings: list[str] = []
    if not data.strip():
        raise InputError(source, "the file is empty" if not data else "the file holds only white space")
    text = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"starts with a {codec} byte-order mark but is not "
                                         f"valid {codec} (byte {exc.start})") from None
            break
    if text is None and b"\x00" in data:
        text = _bomless_utf16(data)
        if text is None:
            raise InputError(source, "looks like a binary file (it contains NUL bytes), not text")
        warnings.append(f"{source}: decoded as UTF-16 without a byte-order mark")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
            warnings.append(f"{source}: not valid UTF-8 (byte {exc.start}); decoded as Windows-1252")
    controls = sum(1 for ch in text[:65536] if ch in _CONTROL)
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(source, "looks like a binary file (many control characters), not text")
    if not text.strip():
        raise InputError(source, "the file holds only white space")
    return text, warnings


def _bomless_utf16(data: bytes) -> str | None:
    even, odd = data[0::2], data[1::2]
    for codec, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros and zeros.count(0) > 0.9 * len(zeros):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def read_text(path: str, stdin: BinaryIO | None = None) -> tuple[str, list[str]]:
    """Read one article from ``path`` (``-`` for standard input)."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_BYTES + 1)
        source = "<stdin>"
    else:
        source = path
        if not os.path.exists(path):
            raise InputError(source, "no such file")
        if os.path.isdir(path):
            raise InputError(source, "is a directory, not a file (give the article files inside it)")
        try:
            size = os.path.getsize(path)
            if size > MAX_BYTES:
                raise InputError(source, f"is {size / 2**20:.1f} MiB, over the {MAX_BYTES // 2**20} MiB "
                                         f"limit for one article")
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except PermissionError:
            raise InputError(source, "permission denied") from None
        except OSError as exc:
            raise InputError(source, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise InputError(source, f"is over the {MAX_BYTES // 2**20} MiB limit for one article")
    return decode_bytes(data, source)
