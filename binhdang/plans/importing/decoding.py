"""Bytes of a .txt/.md file → text, refusing what would import as garbled Vietnamese.

Decision: only Unicode is accepted — UTF-8 (with or without BOM) and UTF-16 (BOM, or the
unmistakable pattern of NUL bytes of English-free UTF-16 without one). Anything else is
refused with a message telling the user to save the file as UTF-8, even when it decodes as
Windows-1258: the legacy Vietnamese encodings (Windows-1258, TCVN3/ABC, VNI) share byte
ranges, so a guess can silently put wrong diacritics into names, numbers of legal documents
and deadlines, and the user can re-save in seconds. The likely encoding is named in the
message. Text that is valid Unicode but was typed with a legacy font (TCVN3 or VNI
characters stored as Latin-1 letters, "KÕ ho¹ch", "Keá hoaïch") is refused the same way.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

from . import errors

# Vietnamese letters that happen to live in Latin-1; every other Latin-1 letter or symbol
# in Vietnamese text is the mark of a legacy font read as Latin-1.
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_HARMLESS_LATIN1 = set("\u00a0«»°±·×÷§©®²³¹")
_VNI_MARKS = set("øûïöñäåëÿ")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII-heavy UTF-16: one byte of each pair is NUL for most characters.
    if odd_nuls > half * 0.3 and even_nuls < half * 0.05:
        encoding = "utf-16-le"
    elif even_nuls > half * 0.3 and odd_nuls < half * 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


_NOT_ASCII = re.compile("[^\x00-\x9f]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _control_ratio(text: str) -> float:
    """Share of characters that never occur in text (C0/C1 controls, replacement char)."""
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROLS.findall(sample)) / len(sample)


def legacy_font_name(text: str) -> str | None:
    """ "TCVN3 (ABC)" or "VNI" when Unicode text carries the characters of a legacy font."""
    bad = vietnamese = vni = symbols = 0
    for ch, count in Counter(_NOT_ASCII.findall(text)).items():
        code = ord(ch)
        if code <= 0xFF:
            if ch in _VIETNAMESE_LATIN1:
                vietnamese += count
            elif ch not in _HARMLESS_LATIN1:
                bad += count
                if ch in _VNI_MARKS:
                    vni += count
                elif code < 0xC0:
                    symbols += count
        elif 0x100 <= code <= 0x24F or 0x1E00 <= code <= 0x1EFF:
            vietnamese += count
    if bad < 5 or bad < 0.05 * (bad + vietnamese):
        return None
    return "VNI" if vni >= symbols else "TCVN3 (ABC)"


def _legacy_encoding_name(data: bytes) -> str:
    """Best guess of the legacy encoding of bytes that are not UTF-8, for the message."""
    windows = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    if legacy_font_name(windows) is None:
        return "Windows-1258"
    # TCVN3 and VNI fonts map their letters onto Latin-1 code points.
    return legacy_font_name(data.decode("latin-1")) or "Windows-1258"


def decode_text(data: bytes, name: str) -> str:
    """Return the text of a .txt/.md upload or raise PlanImportError."""
    text: str | None = None
    try:
        if data.startswith(codecs.BOM_UTF8):
            text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        elif b"\x00" in data:
            text = _utf16_without_bom(data)
            if text is None:
                raise errors.binary(name)
        else:
            text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None:
        if _control_ratio(data.decode("cp1258", errors="replace")) > 0.01:
            raise errors.binary(name)
        raise errors.legacy_encoding(name, _legacy_encoding_name(data))
    if _control_ratio(text) > 0.005:
        raise errors.binary(name)
    font = legacy_font_name(text)
    if font:
        raise errors.legacy_encoding(name, font)
    return text
