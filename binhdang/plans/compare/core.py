"""Comparing two plans: header, legal bases, outline, items, and a word-level redline.

Plain Python over the shared dataclasses. Years that change only because the plan moved to
another year are marked `year_only` (whole texts) or `"year": true` (single ops), so that
readers can put the real edits first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from binhdang.plans.carry.locate import Location
from binhdang.plans.compare.align import align
from binhdang.plans.compare.bases import compare_bases, compare_citations
from binhdang.plans.compare.diff import normalise, text_change
from binhdang.plans.compare.header import header_changes
from binhdang.plans.compare.sections import compare_sections
from binhdang.plans.structure import PlanDocument


@dataclass
class Comparison:
    """What changed from `old` to `new`; `to_json()` is the `compare_plans --json` contract."""

    old_year: int | None
    new_year: int | None
    header_changes: list[dict[str, Any]] = field(default_factory=list)
    bases_added: list[dict[str, Any]] = field(default_factory=list)
    bases_removed: list[dict[str, Any]] = field(default_factory=list)
    bases_changed: list[dict[str, Any]] = field(default_factory=list)
    citations_added: list[dict[str, Any]] = field(default_factory=list)
    citations_removed: list[dict[str, Any]] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)
    text_changes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return [y for y in (self.old_year, self.new_year) if y]

    @property
    def is_empty(self) -> bool:
        return not any(
            (
                self.header_changes,
                self.bases_added,
                self.bases_removed,
                self.bases_changed,
                self.sections,
                self.text_changes,
            )
        )

    def summary(self) -> dict[str, int]:
        real = [c for c in self.text_changes if not c["year_only"]]
        return {
            "bases_added": len(self.bases_added),
            "bases_removed": len(self.bases_removed),
            "bases_changed": len(self.bases_changed),
            "sections_added": sum(s["change"] == "added" for s in self.sections),
            "sections_removed": sum(s["change"] == "removed" for s in self.sections),
            "sections_changed": sum(s["change"] == "changed" for s in self.sections),
            "text_changes": len(real),
            "year_only_changes": len(self.text_changes) - len(real),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "old_year": self.old_year,
            "new_year": self.new_year,
            "summary": self.summary(),
            "header_changes": self.header_changes,
            "bases_added": self.bases_added,
            "bases_removed": self.bases_removed,
            "bases_changed": self.bases_changed,
            "citations_added": self.citations_added,
            "citations_removed": self.citations_removed,
            "sections": self.sections,
            "text_changes": self.text_changes,
        }


def compare_plans(old: PlanDocument, new: PlanDocument) -> Comparison:
    result = Comparison(old_year=old.year, new_year=new.year)
    years = result.years
    result.header_changes = header_changes(old, new, years)
    compare_bases(old, new, result)
    compare_citations(old, new, result)
    _compare_preamble(old, new, result)
    compare_sections(old.sections, new.sections, (), (), (), (), result)
    # the title is a header field for people, but its wording is a text change as well
    if normalise(old.title) != normalise(new.title):
        result.text_changes.insert(
            0, text_change(Location("title"), Location("title"), old.title, new.title, years)
        )
    return result


def _compare_preamble(old: PlanDocument, new: PlanDocument, result: Comparison) -> None:
    years = result.years
    pairs = align(old.preamble, new.preamble, lambda text: text, years=years)
    for i, j in pairs:
        a = old.preamble[i] if i is not None else ""
        b = new.preamble[j] if j is not None else ""
        if normalise(a) != normalise(b):
            result.text_changes.append(
                text_change(
                    Location("preamble", index=i) if i is not None else None,
                    Location("preamble", index=j) if j is not None else None,
                    a,
                    b,
                    years,
                )
            )
