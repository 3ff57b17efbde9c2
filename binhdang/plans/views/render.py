"""The official document: DOCX and PDF downloads and the page preview.

The PDF (LibreOffice, seconds) and its page images are cached in the default storage per plan
version: any edit bumps the version, so a cached rendering is never out of date.
"""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from binhdang.documents.pdf import DocumentConversionError, convert_to_pdf, pdf_to_png_pages
from binhdang.documents.plan_docx import render_plan_docx

from ..convert import plan_to_document
from ..models import Plan
from .common import plan_for

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class RenderUnavailable(Exception):
    """The renderer or LibreOffice is not available on this server."""


def _filename(plan: Plan, extension: str) -> str:
    base = slugify(f"ke-hoach-{plan.year}-{plan.number or 'du-thao'}") or "ke-hoach"
    return f"{base}.{extension}"


def _cache_key(plan: Plan, suffix: str) -> str:
    return f"plans/renders/plan-{plan.pk}-v{plan.version}{suffix}"


def plan_docx(plan: Plan) -> bytes:
    return render_plan_docx(plan_to_document(plan))


def _cached(name: str) -> bytes | None:
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
    cached = _cached(name)
    if cached is not None:
        return cached
    try:
        pdf = convert_to_pdf(plan_docx(plan))
    except DocumentConversionError as exc:
        raise RenderUnavailable(exc.message) from exc
    _store(name, pdf)
    return pdf


def page_count(plan: Plan) -> int:
    """Render the page images of this version once; return how many pages there are."""
    manifest = _cache_key(plan, "-pages.json")
    cached = _cached(manifest)
    if cached is not None:
        return json.loads(cached)["pages"]
    try:
        pages = pdf_to_png_pages(plan_pdf(plan))
    except DocumentConversionError as exc:
        raise RenderUnavailable(exc.message) from exc
    for number, png in enumerate(pages, start=1):
        _store(_cache_key(plan, f"-p{number}.png"), png)
    _store(manifest, json.dumps({"pages": len(pages)}).encode())
    return len(pages)


def _unavailable(request: HttpRequest, plan: Plan, error: RenderUnavailable) -> HttpResponse:
    message = str(error) or _("Máy chủ chưa tạo được bản PDF.")
    return TemplateResponse(
        request, "plans/render_unavailable.html", {"plan": plan, "message": message}, status=503
    )


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def docx_download(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    return _download(plan_docx(plan), DOCX_TYPE, _filename(plan, "docx"))


@login_required
def pdf_download(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    try:
        pdf = plan_pdf(plan)
    except RenderUnavailable as error:
        return _unavailable(request, plan, error)
    return _download(pdf, "application/pdf", _filename(plan, "pdf"))


@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    try:
        pages = page_count(plan)
    except RenderUnavailable as error:
        return _unavailable(request, plan, error)
    context = {"plan": plan, "pages": range(1, pages + 1), "version": plan.version}
    return TemplateResponse(request, "plans/preview.html", context)


@login_required
def preview_page(request: HttpRequest, pk: int, page: int) -> HttpResponse:
    plan = plan_for(request, pk)
    try:
        count = page_count(plan)
    except RenderUnavailable as exc:
        raise Http404 from exc
    if not 1 <= page <= count:
        raise Http404
    png = _cached(_cache_key(plan, f"-p{page}.png"))
    if png is None:
        raise Http404
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response
