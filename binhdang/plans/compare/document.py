"""The comparison as a downloadable Word document (redline), on the Decree 30 builder.

Deleted text is red and struck through, inserted text green and underlined; changes that
only move the year are grey, and listed after the real edits. The page, fonts and header
are those of the plans it compares (binhdang.documents.decree30).
"""

from __future__ import annotations

from gettext import gettext as _
from typing import Any

from binhdang.documents.decree30 import OfficialDocument, Span
from binhdang.plans.compare.core import Comparison
from binhdang.plans.compare.present import comparison_view
from binhdang.plans.structure import PlanDocument

RED, GREEN, GREY = "C00000", "00803C", "808080"


def _spans(runs: list[dict[str, Any]], *, bold: bool | None = None) -> list[Span]:
    spans = []
    for seg in runs:
        if seg["kind"] == "delete":
            spans.append(
                Span(seg["text"], bold=bold, strike=True, color=GREY if seg["year"] else RED)
            )
        elif seg["kind"] == "insert":
            spans.append(
                Span(seg["text"], bold=bold, underline=True, color=GREY if seg["year"] else GREEN)
            )
        else:
            spans.append(Span(seg["text"], bold=bold))
    return spans


def _run(kind: str, text: str, year: bool = False) -> list[dict[str, Any]]:
    return [{"kind": kind, "text": text, "year": year}]


def _years(old: PlanDocument, new: PlanDocument) -> str:
    if old.year and new.year and old.year != new.year:
        return _("năm %(old)s và năm %(new)s") % {"old": old.year, "new": new.year}
    return _("hai phiên bản")


def comparison_docx(comparison: Comparison, old: PlanDocument, new: PlanDocument) -> bytes:
    view = comparison_view(comparison, old, new)
    doc = OfficialDocument(
        governing_body=new.governing_body,
        issuing_body=new.issuing_body,
        place=new.place,
        year=new.year,
        doc_type=_("BẢN SO SÁNH"),
        title=_("Kế hoạch %(years)s") % {"years": _years(old, new)},
    )
    doc.paragraph(
        _("Bản cũ: %(old)s. Bản mới: %(new)s.")
        % {"old": old.title or old.year or "", "new": new.title or new.year or ""},
        italic=True,
    )
    doc.paragraph(
        [
            Span(_("Chú thích: ")),
            *_spans(_run("delete", _("nội dung bị bỏ"))),
            Span("; "),
            *_spans(_run("insert", _("nội dung thêm mới"))),
            Span("; "),
            *_spans(_run("insert", _("thay đổi chỉ do năm"), True)),
            Span("."),
        ]
    )
    if view["is_empty"]:
        doc.paragraph(_("Hai kế hoạch giống nhau: không có thay đổi nào."), italic=True)
        return doc.to_bytes()

    doc.heading(_("THÔNG TIN CHUNG"), label="I")
    if view["header"]:
        table = doc.table(
            [[h["label"], h["old_text"], h["new_text"]] for h in view["header"]],
            header=[_("Mục"), _("Bản cũ"), _("Bản mới")],
            widths=[4.0, 6.0, 6.0],
        )
        # colour the old/new cells as a redline
        for row, change in zip(table.rows[1:], view["header"], strict=True):
            color = GREY if change["year_only"] else None
            for cell, strike in ((row.cells[1], True), (row.cells[2], False)):
                for run in cell.paragraphs[0].runs:
                    run.font.strike = strike
                    run.font.underline = not strike
                    run.font.color.rgb = _rgb(color or (RED if strike else GREEN))
    else:
        doc.paragraph(_("Không thay đổi."), italic=True)

    doc.heading(_("CĂN CỨ"), label="II")
    for basis in view["bases_removed"]:
        doc.bullet([Span(_("Bỏ: "), bold=True), *_spans(basis["segments"])])
        if basis.get("still_cited"):
            doc.paragraph(
                _("(không còn là căn cứ nhưng vẫn được trích dẫn tại: %(where)s)")
                % {"where": ", ".join(basis["cited_in"])},
                italic=True,
            )
    for basis in view["bases_added"]:
        doc.bullet([Span(_("Thêm: "), bold=True), *_spans(basis["segments"])])
    for basis in view["bases_changed"]:
        doc.bullet([Span(_("Sửa: "), bold=True), *_spans(basis["segments"])])
    if not (view["bases_removed"] or view["bases_added"] or view["bases_changed"]):
        doc.paragraph(_("Không thay đổi."), italic=True)
    if view["citations_removed"] or view["citations_added"]:
        doc.heading(_("Văn bản được trích dẫn"), level=2)
        for entry in view["citations_removed"]:
            doc.bullet(
                [
                    Span(_("Không còn trích dẫn ở đâu: ")),
                    *_spans(_run("delete", entry["reference"])),
                ]
            )
        for entry in view["citations_added"]:
            doc.bullet([Span(_("Trích dẫn mới: ")), *_spans(_run("insert", entry["reference"]))])

    doc.heading(_("NỘI DUNG"), label="III")
    for section in view["sections"]:
        number = ".".join(p.rstrip(".") for p in section["path"])
        doc.heading(
            [
                Span(f"{section['change_label']} – ", italic=True),
                Span(f"{number}. ", bold=True),
                *_spans(section["title_segments"], bold=True),
            ],
            level=2,
        )
        for item in section["items"]:
            label = f"{item['label']} ({item['change_label'].lower()}): "
            doc.paragraph([Span(label, bold=True), *_spans(item["segments"])])
    if not view["sections"]:
        doc.paragraph(_("Không có thay đổi về nội dung ngoài năm."), italic=True)

    year_only = view["year_only_sections"] + [s for s in view["sections"] if s["year_only_items"]]
    if year_only:
        doc.heading(_("THAY ĐỔI CHỈ DO NĂM"), label="IV")
        for section in year_only:
            number = ".".join(p.rstrip(".") for p in section["path"])
            for item in section["year_only_items"] or section["items"]:
                doc.paragraph([Span(f"{number} – {item['label']}: "), *_spans(item["segments"])])
    return doc.to_bytes()


def _rgb(hex_color: str):
    from docx.shared import RGBColor

    return RGBColor.from_string(hex_color)
