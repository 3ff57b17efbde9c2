"""Writes of the legal-document registry: the secretariat and administrators keep it."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.accounts.models import User
from binhdang.core.concurrency import save_versioned

from .citations import parse_period
from .citations.checker import reference_key
from .models import LegalDocument
from .selectors import can_write

DOCUMENT_FIELDS = [
    "doc_type",
    "number",
    "symbol",
    "date",
    "issuer",
    "subject",
    "valid_from",
    "valid_to",
    "annual_year",
    "is_active",
]


def _require_editor(user: User) -> None:
    if not can_write(user):
        raise PermissionDenied(_("Chỉ Thường trực Ban và quản trị viên được sửa danh mục văn bản."))


def _clean(values: dict, *, document: LegalDocument | None = None) -> dict:
    """Trim text, fill the period from the subject when none is given, and check it."""
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    number, symbol = values.get("number", ""), values.get("symbol", "")
    # "125/2021/NĐ-CP" typed whole into the number field: split it by the engine's convention.
    if number and "/" in number and not symbol:
        number, symbol = number.split("/", 1)
        values["number"], values["symbol"] = number.strip(), symbol.strip()
    errors: dict[str, str] = {}
    if values.get("number") and not values.get("symbol"):
        errors["symbol"] = _("Văn bản có số thì phải có ký hiệu (ví dụ QĐ-BGDĐT).")
    if values.get("symbol") and not values.get("number"):
        errors["number"] = _("Văn bản có ký hiệu thì phải có số.")
    if not any(values.get(k) for k in ("valid_from", "valid_to", "annual_year")):
        valid_from, valid_to, annual = parse_period(values.get("subject", ""))
        values.update(valid_from=valid_from, valid_to=valid_to, annual_year=annual)
    start, end = values.get("valid_from"), values.get("valid_to")
    if start and end and start > end:
        errors["valid_to"] = _("Năm hết hiệu lực phải không sớm hơn năm bắt đầu.")
    if values.get("annual_year") and (start or end):
        errors["annual_year"] = _(
            "Văn bản của một năm không có giai đoạn hiệu lực; hãy để trống một trong hai."
        )
    date: dt.date | None = values.get("date")
    if date and values.get("annual_year") and values["annual_year"] < date.year:
        errors["annual_year"] = _("Năm áp dụng không thể trước năm ban hành.")
    if values.get("number") and not errors:
        key = reference_key(values["number"], values["symbol"])
        clash = LegalDocument.objects.filter(reference_key=key)
        if document is not None:
            clash = clash.exclude(pk=document.pk)
        if clash.exists():
            errors["number"] = _("Danh mục đã có văn bản số %(ref)s.") % {
                "ref": f"{values['number']}/{values['symbol']}"
            }
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def legal_document_create(*, user: User, **fields) -> LegalDocument:
    """Add a document to the registry (secretariat or administrator)."""
    _require_editor(user)
    unknown = set(fields) - set(DOCUMENT_FIELDS)
    if unknown:
        raise TypeError(f"legal_document_create got unknown fields {sorted(unknown)}")
    document = LegalDocument(**_clean(fields))
    document.full_clean(exclude=["version"])
    document.save()
    return document


@transaction.atomic
def legal_document_update(
    *, user: User, document: LegalDocument, expected_version: int, **fields
) -> LegalDocument:
    """Change a document; refuses when someone else saved it since the form was opened."""
    _require_editor(user)
    unknown = set(fields) - set(DOCUMENT_FIELDS)
    if unknown:
        raise TypeError(f"legal_document_update got unknown fields {sorted(unknown)}")
    cleaned = _clean(fields, document=document)
    for name, value in cleaned.items():
        setattr(document, name, value)
    document.full_clean(exclude=["version"])
    save_versioned(document, expected_version=expected_version, fields=list(cleaned), audit=False)
    # A plain save records the change in the audit history and refreshes the derived columns.
    document.refresh_from_db()
    document.save()
    return document
