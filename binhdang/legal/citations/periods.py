"""Validity periods written in a document's subject: "giai đoạn 2021-2025", "đến năm 2030"."""

from __future__ import annotations

import re
import unicodedata

_YEAR = r"((?:19|20)\d{2})"
_DASH = r"\s*[-–—]\s*"
# "giai đoạn 2021-2025", "giai đoạn 2021 - 2030", "từ năm 2021 đến năm 2025",
# "năm học 2024-2025", and a bare "2021-2030" range.
_RANGE_RES = (
    re.compile(rf"(?i:giai\s+đoạn)\s+(?:(?i:từ)\s+)?(?:(?i:năm)\s+)?{_YEAR}{_DASH}{_YEAR}"),
    re.compile(
        rf"(?i:giai\s+đoạn\s+)?(?i:từ)\s+(?i:năm)\s+{_YEAR}\s+(?i:đến)\s+(?:(?i:năm)\s+)?{_YEAR}"
    ),
    re.compile(rf"(?i:năm\s+học)\s+{_YEAR}{_DASH}{_YEAR}"),
    re.compile(rf"(?<![\d/]){_YEAR}{_DASH}{_YEAR}(?![\d/])"),
)
_UNTIL_RE = re.compile(rf"(?i:đến|tới)\s+(?i:năm)\s+{_YEAR}")
_VISION_RE = re.compile(rf"(?i:tầm\s+nhìn)\s+(?i:đến)\s+(?i:năm)\s+{_YEAR}")
_ANNUAL_RE = re.compile(rf"(?i:năm)\s+{_YEAR}(?![\d/-])")
# "ngày 14 tháng 3 năm 2022" is a date, not an annual document.
_DATE_BEFORE_RE = re.compile(r"(?i:tháng)\s+\d{1,2}\s+\Z")


def parse_period(text: str | None) -> tuple[int | None, int | None, int | None]:
    """(valid_from, valid_to, annual_year) written in `text`.

    "giai đoạn 2021-2025" -> (2021, 2025, None); "đến năm 2030" -> (None, 2030, None);
    "năm 2024" -> (None, None, 2024); nothing -> (None, None, None). A period wins over a
    single year, and a "tầm nhìn đến năm 2045" (long-term vision) is not a validity end.
    """
    if not text:
        return (None, None, None)
    text = unicodedata.normalize("NFC", text)
    for pattern in _RANGE_RES:
        match = pattern.search(text)
        if match:
            start, end = int(match.group(1)), int(match.group(2))
            if start <= end:
                return (start, end, None)
    # A long-term vision is not a validity end; blank it out before looking for one.
    text = _VISION_RE.sub(lambda m: " " * len(m.group(0)), text)
    match = _UNTIL_RE.search(text)
    if match:
        return (None, int(match.group(1)), None)
    for match in _ANNUAL_RE.finditer(text):
        if not _DATE_BEFORE_RE.search(text, 0, match.start()):
            return (None, None, int(match.group(1)))
    return (None, None, None)
