"""The official document of a stored plan: DOCX, PDF and page images.

The PDF (LibreOffice, seconds) and its page images are cached in the default storage per plan
version: any edit bumps the version, so a cached rendering is never out of date.
"""

from __future__ import annotations

import json

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import slugify

from binhdang.documents.pdf import DocumentConversionError, convert_to_pdf, pdf_to_png_pages
from binhdang.documents.plan_docx import render_plan_docx

from .convert import plan_to_document
from .models import Plan

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class RenderUnavailable(Exception):
    """The renderer or LibreOffice is not available on this server."""


def filename(plan: Plan, extension: str) -> str:
    base = slugify(f"ke-hoach-{plan.year}-{plan.number or 'du-thao'}") or "ke-hoach"
    return f"{base}.{extension}"


def _cache_key(plan: Plan, suffix: str) -> str:
    return f"plans/renders/plan-{plan.pk}-v{plan.version}{suffix}"


def plan_docx(plan: Plan) -> bytes:
    return render_plan_docx(plan_to_document(plan))


def cached(name: str) -> bytes | None:
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    return None


def _store(name: str, data: bytes) -> None:
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(data))


def plan_pdf(plan: Plan) -> bytes:
    """The PDF of this version of the plan, rendered once."""
    name = _cache_key(plan, ".pdf")
    found = cached(name)
    if found is not None:
        return found
    try:
        pdf = convert_to_pdf(plan_docx(plan))
    except DocumentConversionError as exc:
        raise RenderUnavailable(exc.message) from exc
    _store(name, pdf)
    return pdf


def page_count(plan: Plan) -> int:
    """Render the page images of this version once; return how many pages there are."""
    manifest = _cache_key(plan, "-pages.json")
    found = cached(manifest)
    if found is not None:
        return json.loads(found)["pages"]
    try:
        pages = pdf_to_png_pages(plan_pdf(plan))
    except DocumentConversionError as exc:
        raise RenderUnavailable(exc.message) from exc
    for number, png in enumerate(pages, start=1):
        _store(_cache_key(plan, f"-p{number}.png"), png)
    _store(manifest, json.dumps({"pages": len(pages)}).encode())
    return len(pages)


def page_png(plan: Plan, page: int) -> bytes | None:
    """Page `page` (from 1) of this version, once `page_count` has rendered the pages."""
    return cached(_cache_key(plan, f"-p{page}.png"))
