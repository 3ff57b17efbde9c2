"""The comparison as a downloadable Word document (redline).

Deleted text is red and struck through, inserted text green and underlined; changes that
only move the year are grey, and listed after the real edits. Built with python-docx in
the Decree 30 page set-up (A4, Times New Roman) so that it prints like the plans it compares.
"""

from __future__ import annotations

import io
from gettext import gettext as _

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from binhdang.plans.compare.core import Comparison
from binhdang.plans.compare.present import comparison_view
from binhdang.plans.structure import PlanDocument

RED = RGBColor(0xC0, 0x00, 0x00)
GREEN = RGBColor(0x00, 0x80, 0x3C)
GREY = RGBColor(0x80, 0x80, 0x80)
FONT = "Times New Roman"


def _setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(4)


def _para(doc, text: str = "", *, bold=False, size=None, center=False, italic=False):
    paragraph = doc.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    return paragraph


def _redline(paragraph, runs) -> None:
    for seg in runs:
        run = paragraph.add_run(seg["text"])
        if seg["kind"] == "delete":
            run.font.strike = True
            run.font.color.rgb = GREY if seg["year"] else RED
        elif seg["kind"] == "insert":
            run.font.underline = True
            run.font.color.rgb = GREY if seg["year"] else GREEN


def _marked(doc, prefix: str, runs) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Mm(10)
    if prefix:
        paragraph.add_run(prefix + " ").bold = True
    _redline(paragraph, runs)


def comparison_docx(comparison: Comparison, old: PlanDocument, new: PlanDocument) -> bytes:
    view = comparison_view(comparison, old, new)
    doc = Document()
    _setup(doc)
    _para(doc, _("SO SÁNH HAI KẾ HOẠCH"), bold=True, size=14, center=True)
    _para(
        doc,
        _("Bản cũ: %(old)s — Bản mới: %(new)s")
        % {"old": old.title or old.year or "", "new": new.title or new.year or ""},
        italic=True,
        center=True,
    )
    legend = doc.add_paragraph()
    legend.add_run(_("Chú thích: "))
    _redline(
        legend,
        [
            {"kind": "delete", "text": _("nội dung bị bỏ"), "year": False},
            {"kind": "equal", "text": "; ", "year": False},
            {"kind": "insert", "text": _("nội dung thêm mới"), "year": False},
            {"kind": "equal", "text": "; ", "year": False},
            {"kind": "insert", "text": _("thay đổi chỉ do năm"), "year": True},
            {"kind": "equal", "text": ".", "year": False},
        ],
    )
    if view["is_empty"]:
        _para(doc, _("Hai kế hoạch giống nhau: không có thay đổi nào."), italic=True)
        return _bytes(doc)

    _para(doc, _("I. THÔNG TIN CHUNG"), bold=True)
    if view["header"]:
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells, (_("Mục"), _("Bản cũ"), _("Bản mới")), strict=True
        ):
            cell.paragraphs[0].add_run(text).bold = True
        for change in view["header"]:
            cells = table.add_row().cells
            cells[0].text = change["label"]
            _redline(
                cells[1].paragraphs[0],
                [{"kind": "delete", "text": change["old_text"], "year": change["year_only"]}],
            )
            _redline(
                cells[2].paragraphs[0],
                [{"kind": "insert", "text": change["new_text"], "year": change["year_only"]}],
            )
    else:
        _para(doc, _("Không thay đổi."), italic=True)

    _para(doc, _("II. CĂN CỨ"), bold=True)
    for basis in view["bases_removed"]:
        _marked(doc, _("Bỏ:"), basis["segments"])
        if basis.get("still_cited"):
            _para(
                doc,
                _("(không còn là căn cứ nhưng vẫn được trích dẫn tại: %(where)s)")
                % {"where": ", ".join(basis["cited_in"])},
                italic=True,
            )
    for basis in view["bases_added"]:
        _marked(doc, _("Thêm:"), basis["segments"])
    for basis in view["bases_changed"]:
        _marked(doc, _("Sửa:"), basis["segments"])
    if not (view["bases_removed"] or view["bases_added"] or view["bases_changed"]):
        _para(doc, _("Không thay đổi."), italic=True)
    if view["citations_removed"] or view["citations_added"]:
        _para(doc, _("Văn bản được trích dẫn"), bold=True, italic=True)
        for entry in view["citations_removed"]:
            _marked(
                doc,
                _("Không còn trích dẫn:"),
                [{"kind": "delete", "text": entry["reference"], "year": False}],
            )
        for entry in view["citations_added"]:
            _marked(
                doc,
                _("Trích dẫn mới:"),
                [{"kind": "insert", "text": entry["reference"], "year": False}],
            )

    _para(doc, _("III. NỘI DUNG"), bold=True)
    for section in view["sections"]:
        heading = doc.add_paragraph()
        heading.add_run(f"{section['change_label']} – ").italic = True
        number = ".".join(p.rstrip(".") for p in section["path"])
        heading.add_run(f"{number}. ").bold = True
        _redline(heading, section["title_segments"])
        for run in heading.runs[2:]:
            run.bold = True
        for item in section["items"]:
            _marked(doc, f"{item['label']} ({item['change_label'].lower()}):", item["segments"])
    if not view["sections"]:
        _para(doc, _("Không có thay đổi về nội dung ngoài năm."), italic=True)

    year_only = view["year_only_sections"] + [s for s in view["sections"] if s["year_only_items"]]
    if year_only:
        _para(doc, _("IV. THAY ĐỔI CHỈ DO NĂM"), bold=True)
        for section in year_only:
            items = section["year_only_items"] or section["items"]
            number = ".".join(p.rstrip(".") for p in section["path"])
            for item in items:
                _marked(doc, f"{number} – {item['label']}:", item["segments"])
    return _bytes(doc)


def _bytes(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
