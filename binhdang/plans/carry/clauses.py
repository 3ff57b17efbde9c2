"""Removing a cited document from running text, one ";"-separated clause at a time.

Plans list the documents they implement as clauses separated by ";":
"Tiếp tục thực hiện Kế hoạch số 131/...; Kế hoạch số 117/...; Kế hoạch số 53/... và ...".
Removing 131 there must keep the lead-in ("Tiếp tục thực hiện") for the next document,
exactly as the real 2026 plan reads; removing a clause in the middle drops one separator;
removing the last clause keeps the sentence's final punctuation.
"""

from __future__ import annotations

import re

# Words that start a cited document in a list of clauses.
_DOCUMENT_START = re.compile(
    r"(?:kế\s+hoạch|quyết\s+định|nghị\s+định|nghị\s+quyết|thông\s+tư|công\s+văn|chỉ\s+thị|"
    r"luật|pháp\s+lệnh|hướng\s+dẫn|chương\s+trình|đề\s+án|thông\s+báo|kết\s+luận|văn\s+bản|"
    r"các\s+văn\s+bản)\b",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"(?:\.\/\.|[.!?…:])\s*$")


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\s+([;,.])", r"\1", text)
    text = re.sub(r";(\s*;)+", ";", text)
    text = re.sub(r";\s*([.:!?])", r"\1", text)
    return text.strip()


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(first character of the clause holding [start, end), position of its closing ";" or
    the end of the text)."""
    before = text.rfind(";", 0, start)
    clause_start = before + 1 if before >= 0 else 0
    while clause_start < start and text[clause_start].isspace():
        clause_start += 1
    after = text.find(";", end)
    return clause_start, (after if after >= 0 else len(text))


def remove_clause(text: str, start: int, end: int) -> str:
    """`text` without the clause that holds the span [start, end); "" if nothing is left."""
    clause_start, clause_end = clause_bounds(text, start, end)
    has_next = clause_end < len(text)
    lead_in = text[clause_start:start]
    rest = text[clause_end + 1 :].lstrip() if has_next else ""
    if lead_in.strip() and has_next and _DOCUMENT_START.match(rest):
        # "Tiếp tục thực hiện <removed>; Kế hoạch ..." -> "Tiếp tục thực hiện Kế hoạch ..."
        return _tidy(text[:start] + rest)
    if has_next:
        if clause_start == 0:
            if text[:1].isupper() and rest[:1].islower():
                rest = rest[:1].upper() + rest[1:]
            return _tidy(rest)
        return _tidy(text[:clause_start] + rest)
    # the last clause: keep the sentence's final punctuation
    if clause_start == 0:
        return ""
    separator = text.rfind(";", 0, clause_start)
    terminal = _TERMINAL.search(text[clause_start:])
    return _tidy(text[:separator].rstrip() + (terminal.group(0).strip() if terminal else ""))
