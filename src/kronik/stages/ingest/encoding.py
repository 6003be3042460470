"""Turn the bytes of a page into text, whatever its declared charset says.

Pages often declare one charset and are written in another (a page declaring iso-8859-1 whose bytes are
UTF-8 is common). Strict UTF-8 is tried first because a wrong UTF-8 decode fails loudly, unlike a
single-byte one; then the declared charset; then charset-normalizer's guess.
"""

from __future__ import annotations

import codecs
import re

import ftfy
from charset_normalizer import from_bytes

from kronik.errors import InputError

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
#: Share of control characters (other than tab, CR, LF, FF) above which a file is taken as binary.
_BINARY_CONTROL_SHARE = 0.02


def declared_charset(data: bytes) -> str | None:
    m = _DECLARED.search(data[:4096])
    return m.group(1).decode("ascii", "replace").lower() if m else None


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for c in sample if c < 32 and c not in (9, 10, 12, 13))
    return control / len(sample) > _BINARY_CONTROL_SHARE


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode ``data`` from ``source``; returns (text, encoding used).

    Raises:
        InputError: the file is empty or binary.
    """
    if not data.strip():
        raise InputError(source, "empty file")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", "replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), "utf-16"
    if looks_binary(data):
        raise InputError(source, "binary file, not a text or HTML page")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared:
        try:
            codecs.lookup(declared)
            if declared not in ("utf-8", "utf8"):
                return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    return data.decode("cp1252", "replace"), "cp1252"


#: Only mojibake is mended: quotation marks, widths, line breaks and Unicode forms stay as written.
_MOJIBAKE_ONLY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_line_breaks=False,
    fix_latin_ligatures=False,
    normalization=None,
)


def repair_mojibake(text: str) -> str:
    """Text that went through a wrong decode before it reached us ("‚Äú" for "“": UTF-8 read as Mac
    Roman, common in scraped CSV/JSON datasets), mended by ftfy; correct text comes back unchanged."""
    return ftfy.fix_text(text, _MOJIBAKE_ONLY) if text else text
