"""Loading the shipped registry (`data/registry.json`) into the database.

Used by the data migration (so every install starts with the documents the seed plans cite)
and by `manage.py legal_registry_sync` (to add documents shipped later). Existing rows are
never overwritten: the secretariat may have corrected them.
"""

from __future__ import annotations

from collections.abc import Iterable

from binhdang.core.text import fold

from .choices import DOC_TYPE_BY_NAME, DocType
from .citations import RegistryEntry, default_registry
from .citations.checker import reference_key


def search_text_for(doc_type, number, symbol, issuer, subject, date) -> str:
    """Folded words a search matches: type, "383/qd-bgddt", issuer, subject, year."""
    reference = f"{number}/{symbol}" if number and symbol else (number or "")
    parts = [doc_type, reference, symbol, issuer, subject, str(date.year) if date else ""]
    return fold(" ".join(p for p in parts if p))[:2000]


def sync_registry(model, entries: Iterable[RegistryEntry] | None = None) -> int:
    """Create the entries missing from `model`'s table; return how many were added.

    `model` is LegalDocument or its historical twin inside a migration, so this relies on
    no model method: the derived columns are computed here.
    """
    added = 0
    for entry in default_registry() if entries is None else entries:
        key = reference_key(entry.number, entry.symbol) if entry.number else ""
        if key and model.objects.filter(reference_key=key).exists():
            continue
        doc_type = DOC_TYPE_BY_NAME.get(entry.doc_type, DocType.OFFICIAL_LETTER)
        document = model(
            doc_type=doc_type,
            number=entry.number or "",
            symbol=entry.symbol or "",
            date=entry.date,
            issuer=entry.issuer,
            subject=entry.subject,
            valid_from=entry.valid_from,
            valid_to=entry.valid_to,
            annual_year=entry.annual_year,
            reference_key=key,
            search_text=search_text_for(
                entry.doc_type, entry.number, entry.symbol, entry.issuer, entry.subject, entry.date
            ),
        )
        document.save()
        added += 1
    return added
