"""The one place that calls the citation engine (binhdang.legal.citations)."""

from __future__ import annotations

import copy
from typing import Any

from binhdang.legal import citations as _engine
from binhdang.plans.structure import CitationData, PlanDocument


def find(text: str) -> list[CitationData]:
    """Every numbered citation in `text`, with its span."""
    return _engine.find_citations(text)


def basis(text: str) -> CitationData | None:
    """The document a basis line rests on, unnumbered guidance included."""
    found = _engine.find_citations(text)
    return found[0] if found else _engine.parse_basis(text)


def check(
    citation: CitationData, *, year: int, registry=None, bases: bool = False
) -> list[dict[str, Any]]:
    """The engine's findings for `citation` in a plan of `year`: {"code", "message", "fix"}.

    Works on a copy: the engine appends its flags to the citation it is given.
    """
    fresh = copy.copy(citation)
    fresh.flags = []
    return _engine.check_citation(fresh, year=year, registry=registry, bases=bases)


def entries(registry=None) -> list:
    return list(_engine.default_registry() if registry is None else registry)


def refresh(plan: PlanDocument, registry=None) -> None:
    """Citations of every basis and text, checked for the plan's year, exactly as an import
    of the same text would give them."""
    from binhdang.plans.importing.citing import attach_citations

    attach_citations(plan, registry)
