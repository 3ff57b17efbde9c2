"""Moving the years of a plan's text to a new year, without touching the years of citations.

A plan for 2024 says "năm 2024", "tháng 11 năm 2024", "trước ngày 28/5/2024": those move to
the new year. It also cites "Quyết định số 383/QĐ-BGDĐT ngày 26/01/2022", "giai đoạn
2021-2030", "đến năm 2030", "125/2021/NĐ-CP" and the subject of a cited annual document
("... Bộ Giáo dục và Đào tạo năm 2026"): those belong to the cited document and never move.
So everything from a document reference to the end of its clause is protected, except a
date that reads as a deadline ("trước ngày 28/5/2024").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

# "383/QĐ-BGDĐT", "125/2021/NĐ-CP", "2282/QĐ-TTg": a number, then a symbol with letters.
REFERENCE = re.compile(r"(?<![\w/])\d{1,6}(?:/\d{4})?/[^\W\d_][\w]*(?:[-–/][\w]+)*")
_PERIOD = re.compile(
    r"(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ)\s+(?:từ\s+(?:năm\s+)?)?\d{4}\s*(?:[-–]|đến)\s*"
    r"(?:năm\s+)?\d{4}|(?:đến|tới|tầm\s+nhìn(?:\s+đến)?)\s+năm\s+\d{4}",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r";|\.(?=\s+[^\W\d_])|\.?\s*$|\n")
_DEADLINE_WORDS = re.compile(
    r"(?:trước|chậm\s+nhất|hạn(?:\s+chót|\s+cuối)?|hết)\s+(?:(?:vào|là)\s+)?(?:ngày\s+)?$",
    re.IGNORECASE,
)
_SHIFTABLE = re.compile(
    r"(?P<school>năm\s+học\s+)(?P<y1>\d{4})(?P<dash>\s*[-–]\s*)(?P<y2>\d{4})"
    r"|(?<![\d/.-])(?P<d>\d{1,2})(?P<s1>[/.-])(?P<m>\d{1,2})(?P<s2>[/.-])(?P<y>\d{4})(?![\d/])"
    r"|(?P<nam>năm\s+)(?P<year>\d{4})(?!\d)",
    re.IGNORECASE,
)


@dataclass
class Edit:
    """One automatic change inside a text."""

    kind: str  # "year" | "date" | "deadline" | "action_month" | "school_year"
    before: str
    after: str
    start: int


def shift_date(day: dt.date, years: int) -> dt.date:
    """Same day and month `years` later; 29/2 falls back to 28/2 in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def protected_spans(text: str, citation_starts: Iterable[int] = ()) -> list[tuple[int, int]]:
    """Spans that belong to cited documents: from a citation to the end of its clause,
    periods ("giai đoạn 2021-2030") and horizons ("đến năm 2030")."""
    spans = [(m.start(), m.end()) for m in _PERIOD.finditer(text)]
    starts = {m.start() for m in REFERENCE.finditer(text)} | set(citation_starts)
    for start in starts:
        end = _CLAUSE_END.search(text, start)
        spans.append((start, end.start() if end else len(text)))
    return spans


def _inside(pos: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos and end <= e for s, e in spans)


def _is_deadline(text: str, start: int) -> bool:
    return bool(_DEADLINE_WORDS.search(text[max(0, start - 30) : start]))


def _kind_of_year(text: str, start: int) -> str:
    before = text[max(0, start - 40) : start].lower()
    if re.search(r"tháng\s+(11|mười\s+một)\s+$", before) or "tháng hành động" in text[
        max(0, start - 120) : start
    ].lower().replace("  ", " "):
        return "action_month"
    return "year"


def shift_years(
    text: str,
    old_year: int,
    new_year: int,
    citation_starts: Iterable[int] = (),
) -> tuple[str, list[Edit]]:
    """Replace the plan year (and dates in it) by the new year outside cited documents.

    A date of the year after the old plan year moves too when it reads as a deadline
    ("trước ngày 15/01/2025" in a 2024 plan).
    """
    if not text or old_year == new_year:
        return text, []
    delta = new_year - old_year
    spans = protected_spans(text, citation_starts)
    out: list[str] = []
    edits: list[Edit] = []
    last = 0
    for m in _SHIFTABLE.finditer(text):
        start, end = m.start(), m.end()
        replacement = None
        kind = "year"
        if m.group("school"):
            y1, y2 = int(m.group("y1")), int(m.group("y2"))
            if old_year in (y1, y2) and not _inside(start, end, spans):
                replacement = f"{m.group('school')}{y1 + delta}{m.group('dash')}{y2 + delta}"
                kind = "school_year"
        elif m.group("y"):
            year = int(m.group("y"))
            deadline = _is_deadline(text, start)
            if (year == old_year and (deadline or not _inside(start, end, spans))) or (
                year == old_year + 1 and deadline
            ):
                try:
                    day = dt.date(year, int(m.group("m")), int(m.group("d")))
                except ValueError:
                    continue
                moved = shift_date(day, delta)
                replacement = (
                    f"{m.group('d') if moved.day == day.day else moved.day}"
                    f"{m.group('s1')}{m.group('m')}{m.group('s2')}{moved.year}"
                )
                kind = "deadline" if deadline else _kind_of_year(text, start)
                if kind == "year":
                    kind = "date"
        elif m.group("year"):
            if int(m.group("year")) == old_year and not _inside(start, end, spans):
                replacement = f"{m.group('nam')}{new_year}"
                kind = _kind_of_year(text, start)
        if replacement is None:
            continue
        out.append(text[last:start])
        out.append(replacement)
        edits.append(Edit(kind, m.group(0), replacement, start))
        last = end
    out.append(text[last:])
    return "".join(out), edits
