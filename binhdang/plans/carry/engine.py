"""The one place that calls the citation engine (binhdang.legal.citations)."""

from __future__ import annotations

from typing import Any

from binhdang.plans.structure import CitationData


def _citations():
    from binhdang.legal import citations  # late: the engine loads its registry on first use

    return citations


def find(text: str) -> list[CitationData]:
    """Every citation in `text`, with its span."""
    return _citations().find_citations(text)


def check(citation: CitationData, *, year: int, registry=None) -> list[dict[str, Any]]:
    """The engine's findings for `citation` in a plan of `year`: {"code", "message", "fix"?}."""
    return _citations().check_citation(citation, year=year, registry=registry)
