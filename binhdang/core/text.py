"""Vietnamese text helpers shared by every app (no Django import)."""

import re
import unicodedata

from unidecode import unidecode

_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics and collapse spaces: "Ngô  Quyền" -> "ngo quyen".

    Stored beside searchable fields so that a search with or without diacritics finds
    the same rows on SQLite and PostgreSQL alike, with an ordinary index.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", unidecode(text).lower()).strip()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
