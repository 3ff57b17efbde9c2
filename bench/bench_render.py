"""Rendering the 2026 seed plan as the official document.

- render_docx_2026: median of 10 renders of the imported plan through the Decree 30 builder
  (`render_plan_docx`), with ratio = that / a minimal python-docx script writing the same
  paragraphs without any styling (Document(), add_paragraph per line, save), measured in
  the same run. Goal (issue 4): ratio within 1.3.
- render_pdf_2026: one LibreOffice headless conversion of that DOCX to PDF (median of 3),
  with a fresh private profile each time as in production.
"""

from __future__ import annotations

import io
import shutil
import statistics

from docx import Document

from bench.common import timeit
from binhdang.documents.pdf import convert_to_pdf, soffice_binary
from binhdang.documents.plan_docx import render_plan_docx
from binhdang.plans.importing import import_plan_file
from binhdang.plans.structure import PlanDocument, Section
from binhdang.plans.tests.fixtures.build_docx import SEED_2026

REPEAT = 10


def _section_lines(section: Section) -> list[str]:
    lines = [f"{section.label}. {section.title}"]
    for block in section.blocks:
        lines.append(f"{block.label} {block.text}" if block.label else block.text)
    for child in section.children:
        lines += _section_lines(child)
    return lines


def plain_lines(plan: PlanDocument) -> list[str]:
    """Every paragraph the official document prints, as plain text."""
    lines = [
        "UBND THÀNH PHỐ HẢI PHÒNG",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        f"Số: {plan.number}/{plan.symbol}",
        f"{plan.place}, ngày tháng năm {plan.year}",
        plan.doc_type,
        plan.title,
    ]
    lines += [basis.text for basis in plan.legal_bases]
    lines += plan.preamble
    for section in plan.sections:
        lines += _section_lines(section)
    lines += ["Nơi nhận:", *(f"- {r};" for r in plan.recipients)]
    lines += [plan.signer.authority, plan.signer.position, plan.signer.name]
    return lines


def bare_docx(lines: list[str]) -> bytes:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def run(report) -> None:
    plan = import_plan_file(SEED_2026.read_bytes(), SEED_2026.name)
    lines = plain_lines(plan)
    header = {
        "governing_body": "UBND THÀNH PHỐ HẢI PHÒNG",
        "issuing_body": "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    }
    # Interleaved, so that load from other processes on the machine weighs on both alike.
    bare_times: list[float] = []
    render_times: list[float] = []
    for _ in range(REPEAT):
        bare_times.append(timeit(lambda: bare_docx(lines), repeat=1, warmup=1))
        render_times.append(timeit(lambda: render_plan_docx(plan, **header), repeat=1, warmup=1))
    bare = statistics.median(bare_times)
    rendered = statistics.median(render_times)
    report("render_docx_2026", rendered, "ms", ratio=rendered / bare)
    report("render_docx_2026.bare_python_docx", bare, "ms")
    if shutil.which(soffice_binary()) is None:
        raise RuntimeError("LibreOffice (soffice) is not installed: no PDF figure")
    docx = render_plan_docx(plan, **header)
    pdf = timeit(lambda: convert_to_pdf(docx), repeat=3, warmup=0)
    report("render_pdf_2026", pdf, "ms")
