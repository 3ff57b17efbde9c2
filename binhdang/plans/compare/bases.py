"""Legal bases (matched by document number, else by wording) and cited documents."""

from __future__ import annotations

from typing import Any

from binhdang.core.text import fold
from binhdang.plans.carry.locate import Location, iter_texts
from binhdang.plans.carry.years import REFERENCE
from binhdang.plans.compare.align import align
from binhdang.plans.compare.diff import fold_key, mask_years, normalise, text_change
from binhdang.plans.structure import LegalBasis, PlanDocument


def reference_key(reference: str) -> str:
    """ "2282/QĐ-TTg" and "2282/QD-TTG" are the same document."""
    return fold(reference).upper().replace(" ", "").rstrip(".,;:")


def references_in(text: str) -> list[str]:
    return [m.group(0).rstrip(".,;:") for m in REFERENCE.finditer(text or "")]


def basis_reference(basis: LegalBasis) -> str:
    """The basis's document number/symbol, from its citation or else from its text."""
    if basis.citation and basis.citation.reference and "/" in basis.citation.reference:
        return basis.citation.reference
    found = references_in(basis.text)
    return found[0] if found else ""


def _basis_json(basis: LegalBasis, index: int) -> dict[str, Any]:
    return {
        "index": index,
        "reference": basis_reference(basis),
        "text": basis.text,
        "citation": basis.citation.to_json() if basis.citation else None,
    }


def compare_bases(old: PlanDocument, new: PlanDocument, result) -> None:
    years = result.years

    def key(basis: LegalBasis) -> str:
        ref = basis_reference(basis)
        return (
            "ref:" + reference_key(ref)
            if ref
            else "text:" + mask_years(fold_key(basis.text), years)
        )

    def comparable(a: LegalBasis, b: LegalBasis) -> bool:
        # numbered documents are the same basis by their number only
        return not (basis_reference(a) or basis_reference(b))

    new_text_refs = _cited_references(new, bases=False)
    old_text_refs = _cited_references(old, bases=False)
    # The same document (same number, or same wording but the year) is the same basis
    # wherever it moved; only what is left is aligned by similarity.
    first_old: dict[str, int] = {}
    for i, basis in enumerate(old.legal_bases):
        first_old.setdefault(key(basis), i)
    pairs: list[tuple[int | None, int | None]] = []
    for j, basis in enumerate(new.legal_bases):
        i = first_old.pop(key(basis), None)
        if i is not None:
            pairs.append((i, j))
    rest_old = [i for i in range(len(old.legal_bases)) if i not in {p[0] for p in pairs}]
    rest_new = [j for j in range(len(new.legal_bases)) if j not in {p[1] for p in pairs}]
    for a, b in align(
        [old.legal_bases[i] for i in rest_old],
        [new.legal_bases[j] for j in rest_new],
        lambda basis: basis.text,
        0.6,
        years=years,
        key=key,
        comparable=comparable,
    ):
        pairs.append(
            (rest_old[a] if a is not None else None, rest_new[b] if b is not None else None)
        )
    for i, j in pairs:
        if j is None:
            entry = _basis_json(old.legal_bases[i], i)
            ref = reference_key(entry["reference"]) if entry["reference"] else ""
            entry["still_cited"] = bool(ref and ref in new_text_refs)
            entry["cited_in"] = new_text_refs.get(ref, [])
            result.bases_removed.append(entry)
        elif i is None:
            entry = _basis_json(new.legal_bases[j], j)
            ref = reference_key(entry["reference"]) if entry["reference"] else ""
            entry["cited_before"] = bool(ref and ref in old_text_refs)
            result.bases_added.append(entry)
        else:
            a, b = old.legal_bases[i], new.legal_bases[j]
            if normalise(a.text) != normalise(b.text):
                change = text_change(
                    Location("basis", index=i), Location("basis", index=j), a.text, b.text, years
                )
                change["reference"] = basis_reference(b)
                result.bases_changed.append(change)
                result.text_changes.append(change)


def _cited_references(plan: PlanDocument, *, bases: bool) -> dict[str, list[str]]:
    """Reference key -> labels of the places that cite it (bases included or not)."""
    found: dict[str, list[str]] = {}
    for loc, text in iter_texts(plan):
        if loc.area == "basis" and not bases:
            continue
        for ref in references_in(text):
            where = found.setdefault(reference_key(ref), [])
            if loc.label() not in where:
                where.append(loc.label())
    if bases:
        for i, basis in enumerate(plan.legal_bases):
            ref = basis_reference(basis)
            if ref:
                where = found.setdefault(reference_key(ref), [])
                label = Location("basis", index=i).label()
                if label not in where:
                    where.append(label)
    return found


def compare_citations(old: PlanDocument, new: PlanDocument, result) -> None:
    """Documents no longer cited anywhere, and documents cited for the first time."""
    old_refs, new_refs = _cited_references(old, bases=True), _cited_references(new, bases=True)
    shown = {}
    for plan in (old, new):
        for _loc, text in iter_texts(plan):
            for ref in references_in(text):
                shown.setdefault(reference_key(ref), ref)
    for key, where in old_refs.items():
        if key not in new_refs:
            result.citations_removed.append({"reference": shown.get(key, key), "cited_in": where})
    for key, where in new_refs.items():
        if key not in old_refs:
            result.citations_added.append({"reference": shown.get(key, key), "cited_in": where})
