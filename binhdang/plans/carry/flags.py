"""Flags for a carried-forward plan, and the one-click actions that resolve them.

The citation engine (binhdang.legal.citations) decides what is outdated for the new year
(period ended, an annual document of an earlier year, ...); this module places each finding
in the plan, proposes an action, and applies it when asked.
"""

from __future__ import annotations

import copy
import re
from gettext import gettext as _

from binhdang.core.text import fold
from binhdang.plans.carry import engine
from binhdang.plans.carry.clauses import remove_clause
from binhdang.plans.carry.locate import Location, get_text, iter_texts, set_text
from binhdang.plans.carry.model import CarryResult, Flag
from binhdang.plans.structure import CitationData, PlanDocument, Section

# What the one-click button proposes for each finding of the engine, when it has no fix.
_REMOVE_CODES = {"period_ended", "old_annual"}
_DATE = re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}")


class CitationScan:
    """Where numbered citations start in a text, to keep their years out of carry-forward."""

    def __init__(self, registry=None):
        self.registry = registry

    def starts(self, text: str) -> list[int]:
        return [c.start for c in engine.find(text)]


def _successor(citation: CitationData, year: int, registry) -> str | None:
    """The same issuer's document of the same type for `year`, written as a citation."""
    issuer = fold(citation.issuer or "")
    for entry in engine.entries(registry):
        if (
            entry.annual_year == year
            and entry.number
            and entry.doc_type == citation.type
            and issuer
            and (fold(entry.issuer).startswith(issuer) or issuer.startswith(fold(entry.issuer)))
        ):
            date = entry.date.strftime("%d/%m/%Y") if entry.date else ""
            text = f"{entry.doc_type} số {entry.reference}"
            text += f" ngày {date}" if date else ""
            text += f" của {entry.issuer}"
            return text + (
                f" về {entry.subject[:1].lower()}{entry.subject[1:]}" if entry.subject else ""
            )
    return None


def _replacement(citation: CitationData, finding: dict, year: int, registry) -> str | None:
    """The text that would take the citation's place, when one is known."""
    code, fix = finding.get("code"), finding.get("fix")
    if code == "number_mismatch" and fix and citation.reference:
        return citation.text.replace(citation.reference, fix, 1)
    if code == "date_mismatch" and fix:
        return _DATE.sub(fix, citation.text, count=1)
    if code == "old_annual":
        return fix or _successor(citation, year, registry)
    return fix or None


def find_flags(
    plan: PlanDocument, *, year: int, registry=None, from_year: int | None = None
) -> list[Flag]:
    """Every citation the engine flags for `year`, placed in the plan, plus the signer.

    On a basis line, the document the basis rests on decides the basis: "remove" drops the
    whole basis. Other citations inside a basis line are only offered for review.
    """
    flags: list[Flag] = []
    for loc, text in iter_texts(plan):
        if loc.area == "deadline":  # excerpts of the body, flagged there
            continue
        found = engine.find(text)
        if loc.area == "basis":
            main = found[0] if found else engine.basis(text)
            found = ([main] if main else []) + found[1:]
        for position, citation in enumerate(found):
            in_basis = loc.area == "basis"
            for finding in engine.check(citation, year=year, registry=registry, bases=in_basis):
                code = finding.get("code", "")
                replacement = _replacement(citation, finding, year, registry)
                action = (
                    "replace" if replacement else ("remove" if code in _REMOVE_CODES else "review")
                )
                if in_basis and position > 0 and action == "remove":
                    action = "review"
                flags.append(
                    Flag(
                        id=f"{_loc_id(loc)}:{citation.start}:{code}",
                        code=code,
                        location=loc,
                        message=finding.get("message", ""),
                        action=action,
                        text=text[citation.start : citation.end],
                        reference=citation.reference,
                        citation=citation.to_json(),
                        replacement=replacement,
                        start=citation.start,
                        end=citation.end,
                    )
                )
    if plan.signer.name or plan.signer.position:
        flags.append(
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
    """Re-read and re-check every citation for `year` (what `import_plan` would list)."""
    plan.year = year
    engine.refresh(plan, registry)


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
    if loc.area == "basis" and action == "remove":
        del plan.legal_bases[loc.index]
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
