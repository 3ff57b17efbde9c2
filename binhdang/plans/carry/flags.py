"""Flags for a carried-forward plan, and the one-click actions that resolve them.

The citation engine (binhdang.legal.citations) decides what is outdated for the new year
(period ended, an annual document of an earlier year, ...); this module places each finding
in the plan, proposes an action, and applies it when asked.
"""

from __future__ import annotations

import copy
from gettext import gettext as _

from binhdang.plans.carry import engine
from binhdang.plans.carry.clauses import remove_clause
from binhdang.plans.carry.locate import Location, get_text, iter_texts, set_text
from binhdang.plans.carry.model import CarryResult, Flag
from binhdang.plans.structure import PlanDocument, Section

# Engine codes whose one-click answer is to drop the citation.
_REMOVE_CODES = {"period_ended", "old_annual", "expired", "repealed"}


class CitationScan:
    """Where citations start in a text, to keep their years out of carry-forward."""

    def __init__(self, registry=None):
        self.registry = registry

    def starts(self, text: str) -> list[int]:
        return [c.start for c in engine.find(text)]


def _action(code: str, fix: str | None) -> str:
    if fix:
        return "replace"
    return "remove" if code in _REMOVE_CODES else "review"


def find_flags(
    plan: PlanDocument, *, year: int, registry=None, from_year: int | None = None
) -> list[Flag]:
    flags: list[Flag] = []
    seen: set[str] = set()

    def add(flag: Flag) -> None:
        if flag.id not in seen:
            seen.add(flag.id)
            flags.append(flag)

    for loc, text in iter_texts(plan):
        for citation in engine.find(text):
            for finding in engine.check(citation, year=year, registry=registry):
                code = finding.get("code", "")
                fix = finding.get("fix") or None
                whole_basis = loc.area == "basis"
                replacement = None
                if fix and whole_basis:
                    replacement = text[: citation.start] + fix + text[citation.end :]
                elif fix:
                    replacement = fix
                add(
                    Flag(
                        id=f"{_loc_id(loc)}:{citation.start}:{code}",
                        code=code,
                        location=loc,
                        message=finding.get("message", ""),
                        action=_action(code, fix),
                        text=text[citation.start : citation.end],
                        reference=citation.reference,
                        citation=citation.to_json(),
                        replacement=replacement,
                        start=citation.start,
                        end=citation.end,
                    )
                )
    if plan.signer.name or plan.signer.position:
        add(
            Flag(
                id="signer:review",
                code="signer_review",
                location=Location("signer", field="name"),
                message=_(
                    "Người ký được giữ nguyên từ kế hoạch năm %(year)s (%(name)s); "
                    "hãy kiểm tra lại trước khi trình ký."
                )
                % {"year": from_year or "", "name": plan.signer.name or plan.signer.position},
                action="review",
                text=plan.signer.name,
            )
        )
    return flags


def _loc_id(loc: Location) -> str:
    if loc.area == "section":
        where = ".".join(str(i) for i in loc.indices)
        return f"section:{where}:{loc.field}:{'' if loc.block is None else loc.block}"
    return f"{loc.area}:{'' if loc.index is None else loc.index}"


def refresh_citations(plan: PlanDocument, *, year: int, registry=None) -> None:
    """Re-read the citations of every text, checked for `year` (the list `import_plan` gives)."""
    citations = []
    for loc, text in iter_texts(plan):
        found = engine.find(text)
        for citation in found:
            citation.flags = engine.check(citation, year=year, registry=registry)
        citations.extend(found)
        if loc.area == "basis":
            basis = plan.legal_bases[loc.index]
            basis.citation = found[0] if found else None
    plan.citations = citations


# --- applying a flag -------------------------------------------------------------------------


def _plan_of(target) -> PlanDocument:
    return target.plan if isinstance(target, CarryResult) else target


def _find_span(plan: PlanDocument, flag: Flag) -> tuple[Location, int, int] | None:
    """Where the flagged citation is now; earlier removals may have moved it."""
    text = get_text(plan, flag.location)
    if text is not None and text[flag.start : flag.end] == flag.text:
        return flag.location, flag.start, flag.end
    if text is not None and flag.text and flag.text in text:
        at = text.index(flag.text)
        return flag.location, at, at + len(flag.text)
    candidates = [
        (loc, t)
        for loc, t in iter_texts(plan)
        if loc.area == flag.location.area
        and loc.field == flag.location.field
        and (loc.area != "section" or loc.indices == flag.location.indices)
        and flag.text
        and flag.text in t
    ]
    if not candidates:
        return None
    loc, t = candidates[0]
    at = t.index(flag.text)
    return loc, at, at + len(flag.text)


def apply_flag(target, flag: Flag, action: str | None = None, *, registry=None) -> PlanDocument:
    """A new plan with `flag` resolved by `action` (default: the flag's proposed action).

    "remove": a flagged basis leaves `legal_bases`; a flagged citation in the text takes its
    ";"-clause with it (a block left empty disappears). "replace": the basis or the citation
    becomes `flag.replacement`. Anything else ("review", "keep") changes nothing. Resolving
    a flag that was already resolved changes nothing either.
    """
    plan = copy.deepcopy(_plan_of(target))
    action = action or flag.action
    if action not in ("remove", "replace"):
        return plan
    if action == "replace" and not flag.replacement:
        raise ValueError(_("Không có nội dung thay thế cho trích dẫn này."))
    found = _find_span(plan, flag)
    if found is None:
        return plan
    loc, start, end = found
    text = get_text(plan, loc)
    if loc.area == "basis":
        if action == "remove":
            del plan.legal_bases[loc.index]
        else:
            set_text(plan, loc, flag.replacement)
    elif action == "replace":
        set_text(plan, loc, text[:start] + flag.replacement + text[end:])
    else:
        remaining = remove_clause(text, start, end)
        if remaining or loc.area != "section" or loc.field != "block":
            set_text(plan, loc, remaining)
        else:
            _section(plan, loc).blocks.pop(loc.block)
    if plan.year:
        refresh_citations(plan, year=plan.year, registry=registry)
    return plan


def apply_flags(
    target, flags: list[Flag] | None = None, actions=("remove", "replace"), *, registry=None
) -> PlanDocument:
    """Apply every flag whose proposed action is in `actions` (the "accept all" button)."""
    plan = copy.deepcopy(_plan_of(target))
    if flags is None:
        flags = target.flags if isinstance(target, CarryResult) else []
    for flag in flags:
        if flag.action in actions:
            plan = apply_flag(plan, flag, registry=registry)
    return plan


def _section(plan: PlanDocument, loc: Location) -> Section:
    sections, section = plan.sections, None
    for i in loc.indices:
        section = sections[i]
        sections = section.children
    return section
