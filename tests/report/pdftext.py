"""Text out of an fpdf2 PDF in pure Python, for checks that must not depend on poppler.

Reads every object, inflates Flate streams, maps each font resource (``/F1``...) to its
``/ToUnicode`` CMap, then decodes the strings shown by ``Tj`` and ``TJ`` in the page content
streams. Enough for fpdf2's own output (Type0 fonts, 2-byte codes); not a general parser.
"""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_FONTS = re.compile(rb"/Font\s*<<(.*?)>>", re.S)
_FONT_REF = re.compile(rb"/(F\d+)\s+(\d+) 0 R")
_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_BFRANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_TOKENS = re.compile(rb"/(F\d+)\s+[\d.]+\s+Tf|\((?:\\.|[^\\)])*\)|\]\s*TJ|Tj|ET", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _objects(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    found: dict[int, tuple[bytes, bytes | None]] = {}
    for match in _OBJ.finditer(pdf):
        body = match.group(2)
        stream = _STREAM.search(body)
        data = None
        if stream is not None:
            data = stream.group(1)
            if b"/FlateDecode" in body[: stream.start()]:
                data = zlib.decompress(data)
        found[int(match.group(1))] = (body, data)
    return found


def _cmap(data: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, uni in _BFCHAR.findall(block):
            mapping[int(code, 16)] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, start in _BFRANGE.findall(block):
            first = int(start, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def _unescape(literal: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(literal):
        ch = literal[i : i + 1]
        if ch != b"\\":
            out += ch
            i += 1
            continue
        nxt = literal[i + 1 : i + 2]
        if nxt in _ESCAPES:
            out += _ESCAPES[nxt]
            i += 2
        elif nxt.isdigit():
            digits = re.match(rb"[0-7]{1,3}", literal[i + 1 : i + 4])
            assert digits is not None
            out.append(int(digits.group(0), 8) & 0xFF)
            i += 1 + len(digits.group(0))
        elif nxt in (b"\r", b"\n"):
            i += 2
        else:
            out += nxt
            i += 2
    return bytes(out)


def extract_text(pdf: bytes) -> str:
    """Every shown string, in content order: a space between shows, a newline per text block."""
    objects = _objects(pdf)
    fonts: dict[bytes, dict[int, str]] = {}
    for body, _ in objects.values():
        for block in _FONTS.findall(body):
            for name, ref in _FONT_REF.findall(block):
                link = _TO_UNICODE.search(objects[int(ref)][0])
                if link is not None:
                    cmap_data = objects[int(link.group(1))][1] or b""
                    fonts[name] = _cmap(cmap_data)
    pieces: list[str] = []
    for body, data in objects.values():
        if data is None or b"BT" not in data or b"/Length1" in body:
            continue
        current: dict[int, str] = {}
        for token in _TOKENS.finditer(data):
            raw = token.group(0)
            if token.group(1):
                current = fonts.get(token.group(1), {})
            elif raw.startswith(b"("):
                codes = _unescape(raw[1:-1])
                pieces.append(
                    "".join(
                        current.get(int.from_bytes(codes[i : i + 2], "big"), "")
                        for i in range(0, len(codes) - 1, 2)
                    )
                )
            elif raw == b"Tj" or raw.endswith(b"TJ"):
                pieces.append(" ")
            elif raw == b"ET":
                pieces.append("\n")
    return "".join(pieces)
