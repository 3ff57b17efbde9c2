"""Reads of the legal-document registry.

The registry is global reference data with no personal data: whoever may view records
anywhere reads all of it (`policy.can_anywhere(user, VIEW)`); others see nothing.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from binhdang.accounts import policy
from binhdang.accounts.models import User
from binhdang.core.text import fold

from .citations import RegistryEntry
from .models import LegalDocument


def can_read(user: User) -> bool:
    return policy.can_anywhere(user, policy.Action.VIEW)


def can_write(user: User) -> bool:
    return policy.can_anywhere(user, policy.Action.MANAGE) or policy.can_anywhere(
        user, policy.Action.ADMINISTER
    )


def registry_entries(*, include_inactive: bool = False) -> list[RegistryEntry]:
    """The registry as the citation engine's plain records (active documents only).

    Not scoped by user: callers are the import, the checker and carry-forward, which check
    a text the user already holds against public reference data.
    """
    documents = LegalDocument.objects.all()
    if not include_inactive:
        documents = documents.filter(is_active=True)
    return [document.as_entry() for document in documents]


def document_list(
    user: User,
    *,
    q: str = "",
    doc_type: str = "",
    in_force_year: int | None = None,
    include_inactive: bool = False,
) -> QuerySet[LegalDocument]:
    """Documents matching every word of `q` (with or without diacritics), by type and year."""
    if not can_read(user):
        return LegalDocument.objects.none()
    documents = LegalDocument.objects.all()
    if not include_inactive:
        documents = documents.filter(is_active=True)
    for word in fold(q).split():
        documents = documents.filter(search_text__contains=word)
    if doc_type:
        documents = documents.filter(doc_type=doc_type)
    if in_force_year is not None:
        documents = documents.filter(in_force_q(in_force_year))
    return documents


def in_force_q(year: int) -> Q:
    """Documents in force in `year`: its own year, or a period covering it, issued by then."""
    issued = Q(date__isnull=True) | Q(date__year__lte=year)
    annual = Q(annual_year=year)
    period = (
        Q(annual_year__isnull=True)
        & (Q(valid_from__isnull=True) | Q(valid_from__lte=year))
        & (Q(valid_to__isnull=True) | Q(valid_to__gte=year))
    )
    return annual | (period & issued)


def document_get(user: User, pk: int) -> LegalDocument:
    """One document; 404 when missing or when the user may not read the registry at all."""
    queryset = LegalDocument.objects.all() if can_read(user) else LegalDocument.objects.none()
    return get_object_or_404(queryset, pk=pk)
