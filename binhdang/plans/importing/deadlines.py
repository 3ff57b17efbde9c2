"""Deadlines written in the body of a plan: report due dates and the Action Month."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from binhdang.plans.structure import Deadline

_DUE = re.compile(
    r"\b(?:trước|chậm\s+nhất(?:\s+là)?|hạn(?:\s+chót)?(?:\s+là)?|không\s+quá)\s+ngày\s+"
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?",
    re.IGNORECASE,
)
# The clause that names what is due starts after the last of these before the date.
_CLAUSE_START = re.compile(r"[;:!?]|\.(?=\s)")
_MID_YEAR = re.compile(r"\b(?:0?6|sáu)\s+tháng|sơ\s+kết|giữa\s+năm|học\s+kỳ\s+(?:I|1)\b", re.I)
_YEAR_END = re.compile(r"cuối\s+năm|tổng\s+kết|cả\s+năm|hằng\s+năm|hàng\s+năm|năm\s+học", re.I)
_UNIT_PLAN = re.compile(r"kế\s+hoạch", re.IGNORECASE)
_REPORT = re.compile(r"báo\s+cáo", re.IGNORECASE)

_ACTION_MONTH = re.compile(r"Tháng\s+hành\s+động", re.IGNORECASE)
_ACTION_WEEKS = re.compile(
    r"(?:tuần\s+(?:thứ\s+)?\d(?:\s*(?:hoặc|và|,|-|–|đến)\s*tuần\s+(?:thứ\s+)?\d)*\s+(?:của\s+)?)?"
    r"tháng\s+(?P<m>\d{1,2})\s*(?:năm|/)\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
_ACTION_FROM = re.compile(
    r"từ\s+ngày\s+(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?", re.IGNORECASE
)


def _date(year: int | None, month: str, day: str) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, int(month), int(day))
    except ValueError:
        return None


def _kind(lead: str) -> str:
    if _MID_YEAR.search(lead):
        return "mid_year_report"
    if _REPORT.search(lead) and _YEAR_END.search(lead):
        return "year_end_report"
    if _YEAR_END.search(lead):
        return "year_end_report"
    if _UNIT_PLAN.search(lead):
        return "unit_plan"
    return "other"


def find_deadlines(texts: Iterable[str], plan_year: int | None) -> list[Deadline]:
    """Every "... trước ngày 28/5/2024" (classified by the words before it) and the Action
    Month ("tuần 1 hoặc tuần 2 tháng 11 năm 2024" → 1 November 2024), in document order,
    each kind and date once, with the original words kept as `text`."""
    found: list[Deadline] = []
    seen: set[tuple[str, dt.date]] = set()
    action_month_found = False

    def add(kind: str, date: dt.date | None, text: str) -> None:
        if date is None or (kind, date) in seen:
            return
        seen.add((kind, date))
        found.append(Deadline(kind, date, " ".join(text.split())))

    for text in texts:
        if "ngày" in text:
            for match in _DUE.finditer(text):
                year = int(match.group("y")) if match.group("y") else plan_year
                date = _date(year, match.group("m"), match.group("d"))
                before = text[max(0, match.start() - 400) : match.start()]
                starts = [m.end() for m in _CLAUSE_START.finditer(before)]
                lead = before[starts[-1] if starts else 0 :]
                add(_kind(lead), date, (lead + match.group(0)).strip())
        if not action_month_found and _ACTION_MONTH.search(text):
            start = _ACTION_FROM.search(text)
            if start:
                year = int(start.group("y")) if start.group("y") else plan_year
                date = _date(year, start.group("m"), start.group("d"))
                if date:
                    add("action_month", date, start.group(0))
                    action_month_found = True
                    continue
            weeks = _ACTION_WEEKS.search(text)
            if weeks:
                date = _date(int(weeks.group("y")), weeks.group("m"), "1")
                if date:
                    add("action_month", date, weeks.group(0))
                    action_month_found = True
    return found
