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
from binhdang.documents.plan_docx import build_plan_document, render_plan_docx

from .convert import outline_items, plan_to_document
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
    if plan.kind == "unit":
        return unit_plan_docx(plan)
    return render_plan_docx(plan_to_document(plan))


def assignment_rows(plan: Plan) -> list[list[str]]:
    """(No., task, work, responsible, timeframe, expected output) of the items of a unit
    plan's tasks (part II), and of any other item the unit assigned, in outline order."""
    rows: list[list[str]] = []
    for item, _sections, here, in_tasks in outline_items(plan):
        assigned = item.responsible_id or item.timeframe or item.expected_output
        if not (in_tasks or assigned):
            continue
        rows.append(
            [
                str(len(rows) + 1),
                here,
                item.text,
                item.responsible.full_name if item.responsible else "",
                item.timeframe,
                item.expected_output,
            ]
        )
    return rows


def unit_plan_docx(plan: Plan) -> bytes:
    """A unit plan: the Decree 30 text, then after the signature an appendix table of who
    does what, when, with what result (the columns the unit fills in the editor)."""
    doc = build_plan_document(plan_to_document(plan))
    rows = assignment_rows(plan)
    if rows:
        # The closing block (recipients, signature) belongs to the text, before the appendix;
        # OfficialDocument writes it once, so writing it now keeps it there.
        doc._closing()
        doc.page_break()
        doc.paragraph("PHỤ LỤC", bold=True, align="center")
        doc.paragraph(
            f"PHÂN CÔNG THỰC HIỆN KẾ HOẠCH NĂM {plan.year} CỦA {plan.issuing_body}",
            bold=True,
            align="center",
        )
        doc.table(
            rows,
            header=["TT", "Mục", "Nội dung công việc", "Người phụ trách", "Thời gian", "Sản phẩm"],
            widths=[0.9, 1.3, 6.6, 2.8, 2.1, 2.8],
            align=["center", "center", "left", "left", "left", "left"],
        )
    return doc.to_bytes()


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
