"""Downloads of the official document (DOCX, PDF) and the page preview."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..models import Plan
from ..rendering import (
    DOCX_TYPE,
    RenderUnavailable,
    filename,
    page_count,
    page_png,
    plan_docx,
    plan_pdf,
)
from .common import plan_for


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
    return _download(plan_docx(plan), DOCX_TYPE, filename(plan, "docx"))


@login_required
def pdf_download(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    try:
        pdf = plan_pdf(plan)
    except RenderUnavailable as error:
        return _unavailable(request, plan, error)
    return _download(pdf, "application/pdf", filename(plan, "pdf"))


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
    png = page_png(plan, page)
    if png is None:
        raise Http404
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response
