"""Citations of an imported plan, found and checked by the citation engine.

Every legal basis gets the citation it rests on (`parse_basis`: its first numbered citation,
or the unnumbered guidance it names). `PlanDocument.citations` lists every citation of the
document in reading order — bases, preamble, then the outline (titles and blocks) — each
checked against the registry for the plan's year, bases as bases (so that last year's annual
guidance used as a basis is flagged). A basis' citation is the same object as its entry in
`citations`, so both carry the same flags.
"""

from __future__ import annotations

from binhdang.legal import citations as engine
from binhdang.plans.structure import CitationData, PlanDocument

from .parser import body_texts


def attach_citations(doc: PlanDocument, registry=None) -> None:
    """Fill `basis.citation` and `doc.citations`, with the engine's flags."""
    if registry is None:
        registry = engine.default_registry()
    in_bases: list[CitationData] = []
    for basis in doc.legal_bases:
        found = engine.find_citations(basis.text)
        basis.citation = found[0] if found else engine.parse_basis(basis.text)
        if basis.citation is not None and not found:
            found = [basis.citation]
        in_bases += found
    in_body = [c for text in body_texts(doc) if text for c in engine.find_citations(text)]
    engine.check_citations(in_bases, registry, plan_year=doc.year, bases=True)
    engine.check_citations(in_body, registry, plan_year=doc.year)
    doc.citations = in_bases + in_body
