"""Carry a plan forward to a new year: a new draft with its years moved, and what to review."""

from __future__ import annotations

import copy
import re

from binhdang.plans.carry import flags as flagging
from binhdang.plans.carry.locate import Location, iter_texts, set_text
from binhdang.plans.carry.model import CarryResult, Change
from binhdang.plans.carry.years import shift_date, shift_years
from binhdang.plans.structure import PlanDocument

_CONTEXT = 40


def _context(text: str, start: int, length: int) -> str:
    left = max(0, start - _CONTEXT)
    right = min(len(text), start + length + _CONTEXT)
    snippet = text[left:right]
    if left > 0:
        snippet = "…" + snippet[snippet.find(" ") + 1 :]
    if right < len(text):
        snippet = snippet[: snippet.rfind(" ")] + "…"
    return snippet


def _guess_year(plan: PlanDocument) -> int | None:
    """A plan without a year field still says it in its title ("... năm 2024")."""
    found = re.findall(r"năm\s+(\d{4})", plan.title or "", re.IGNORECASE)
    return int(found[-1]) if found else None


def carry_forward(plan: PlanDocument, *, year: int, registry=None) -> CarryResult:
    """A new draft of `plan` for `year`; `plan` itself is never changed.

    Moves the plan year everywhere it is the plan's own (title, "năm 2024" in the body and in
    the unnumbered guidance bases, "tháng 11 năm 2024", deadlines "28/5/2024"), shifts the
    Deadline dates, clears number and date, keeps the signer; then flags the citations that
    the citation engine finds outdated for `year`, and the signer, for review.
    """
    new = copy.deepcopy(plan)
    old_year = plan.year or _guess_year(plan)
    result = CarryResult(plan=new, from_year=old_year, year=year)
    changes = result.changes

    if new.year != year:
        changes.append(
            Change(Location("header", field="year"), "year", str(new.year or ""), str(year))
        )
        new.year = year
    if new.number:
        changes.append(Change(Location("header", field="number"), "number_cleared", new.number, ""))
        new.number = ""
    if new.date:
        before = new.date.strftime("%d/%m/%Y")
        changes.append(Change(Location("header", field="date"), "date_cleared", before, ""))
        new.date = None

    if old_year and old_year != year:
        delta = year - old_year
        scan = flagging.CitationScan(registry)
        for loc, text in list(iter_texts(new)):
            moved, edits = shift_years(text, old_year, year, scan.starts(text))
            if not edits:
                continue
            set_text(new, loc, moved)
            if loc.area == "deadline":  # reported once, with its date, below
                continue
            offset = 0
            for edit in edits:
                at = edit.start + offset
                offset += len(edit.after) - len(edit.before)
                changes.append(
                    Change(
                        loc,
                        edit.kind,
                        edit.before,
                        edit.after,
                        _context(moved, at, len(edit.after)),
                    )
                )
        for i, deadline in enumerate(new.deadlines):
            moved = shift_date(deadline.date, delta)
            if moved != deadline.date:
                changes.append(
                    Change(
                        Location("deadline", index=i, field=deadline.kind),
                        "deadline_date",
                        deadline.date.strftime("%d/%m/%Y"),
                        moved.strftime("%d/%m/%Y"),
                    )
                )
                deadline.date = moved

    result.flags = flagging.find_flags(new, year=year, registry=registry, from_year=old_year)
    flagging.refresh_citations(new, year=year, registry=registry)
    return result
