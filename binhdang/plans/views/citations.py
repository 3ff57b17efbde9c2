"""Citation flags shown beside a plan's bases and body (the legal app's engine and registry)."""

from __future__ import annotations

from ..convert import citation_from_json
from ..models import Plan, PlanBasis


def registry():
    """The registry the engine checks against: the legal app's table when it has rows,
    else the engine's shipped default (None)."""
    try:
        from binhdang.legal.selectors import registry_entries
    except ImportError:
        return None
    return registry_entries() or None


def _engine():
    from binhdang.legal import citations

    return citations


def bases_with_flags(plan: Plan, bases: list[PlanBasis]) -> list[tuple[PlanBasis, list[dict]]]:
    """Each basis with the engine's findings for the plan's year (stored citation re-checked,
    so a registry correction shows without re-importing)."""
    engine = _engine()
    entries = registry()
    # A unit plan's first basis is the department plan it was built from: issued in this
    # app, so "not in the legal registry" is no finding there.
    parent_reference = plan.parent_plan.reference if plan.parent_plan_id else None
    out = []
    for basis in bases:
        citation = citation_from_json(basis.citation) or engine.parse_basis(basis.text)
        flags = []
        if citation is not None:
            citation.flags = []
            flags = engine.check_citation(citation, year=plan.year, registry=entries, bases=True)
            if parent_reference and citation.reference == parent_reference:
                flags = [flag for flag in flags if flag.get("code") != "unknown"]
        out.append((basis, flags))
    return out


def text_flags(plan: Plan, document) -> list[dict]:
    """Flagged citations in the body (tasks and items) of `document` (the plan, converted):
    where, the citation text, and the engine's finding."""
    engine = _engine()
    entries = registry()
    found = []

    def scan(where: str, text: str) -> None:
        for citation in engine.find_citations(text):
            for flag in engine.check_citation(citation, year=plan.year, registry=entries):
                found.append({"where": where, "text": citation.text, **flag})

    def walk(sections, path: tuple[str, ...]) -> None:
        for section in sections:
            here = (*path, section.label.rstrip("."))
            label = ".".join(p for p in here if p)
            scan(label, section.title)
            for position, block in enumerate(section.blocks, start=1):
                scan(f"{label} – ý {position}", block.text)
            walk(section.children, here)

    walk(document.sections, ())
    return found


def open_findings(plan: Plan, bases=None, flags_in_text=None) -> dict[str, int]:
    """What still needs a look before the plan is approved or issued: flagged bases, flagged
    citations in the body, imported text never placed. A warning, not a block — the leader
    may knowingly keep a citation the registry does not have yet."""
    if bases is None:
        bases = bases_with_flags(plan, list(plan.bases.order_by("order", "pk")))
    if flags_in_text is None:
        from ..convert import plan_to_document

        flags_in_text = text_flags(plan, plan_to_document(plan))
    counts = {
        "bases": sum(1 for _basis, flags in bases if flags),
        "text": len(flags_in_text),
        "unplaced": len(plan.unplaced or []),
    }
    counts["total"] = sum(counts.values())
    return counts
