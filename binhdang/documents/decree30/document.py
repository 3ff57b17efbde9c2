"""`OfficialDocument`: a Vietnamese administrative document laid out per Decree 30/2020/NĐ-CP.

    doc = OfficialDocument(
        governing_body="UBND THÀNH PHỐ HẢI PHÒNG", issuing_body="SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        number="12", symbol="KH-SGDĐT", place="Hải Phòng", date=None, year=2026,
        doc_type="KẾ HOẠCH", title="Thực hiện công tác ... năm 2026",
    )
    doc.paragraph("Căn cứ ...;")
    doc.heading("MỤC ĐÍCH, YÊU CẦU", label="I")
    doc.heading("Mục đích", label="1", level=2)
    doc.bullet("Tiếp tục ...")
    doc.recipients(["Ban VSTBPN Ngành", "Lưu: VT, TCCB"])
    doc.signature("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phí Thị Thùy Vân")
    data = doc.to_bytes()

Text is written as it reads ("I. TITLE", "1. Title", "- item"), never through Word's
automatic numbering, so the labels survive copy and paste, e-mail and re-import.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from . import ooxml
from .layout import DEFAULT_LAYOUT, MOTTO, NATIONAL_TITLE, Layout, number_line, place_date_line
from .measure import text_width_cm
from .styles import CENTER, JUSTIFY, LEFT, RIGHT, STYLE_IDS, new_document
from .text import Span, TextLike, format_number, label_text

_SPECIAL = re.compile(r"[\t\n\r]")
_XML_SPACE = qn("xml:space")


def _prototype(style_id: str, with_text: bool):
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    ppr.append(OxmlElement("w:pStyle", {qn("w:val"): style_id}))
    p.append(ppr)
    if with_text:
        run = OxmlElement("w:r")
        run.append(OxmlElement("w:t"))
        p.append(run)
    return p


# (empty paragraph, paragraph with one run) for each style key
_PROTOTYPES = {
    key: (_prototype(style_id, False), _prototype(style_id, True))
    for key, style_id in STYLE_IDS.items()
}

_ALIGN = {"left": LEFT, "center": CENTER, "right": RIGHT, "justify": JUSTIFY}
_CELL_MARGIN_CM = 0.1


class OfficialDocument:
    """A document of the given type; add the body in order, then `to_bytes()`."""

    def __init__(
        self,
        governing_body: str = "",
        issuing_body: str = "",
        number: str = "",
        symbol: str = "",
        place: str = "",
        date: dt.date | None = None,
        year: int | None = None,
        doc_type: str = "",
        title: str = "",
        *,
        layout: Layout = DEFAULT_LAYOUT,
    ):
        self.layout = layout
        self.doc_type = doc_type
        self.title = title
        self._document = new_document(layout)
        self._body = self._document.element.body
        self._sect_pr = self._body.find(qn("w:sectPr"))
        self._recipients: list[str] = []
        self._signature: tuple[str, str, str, str] | None = None
        self._closed = False
        self._last_body: Paragraph | None = None
        year = year or (date.year if date else None)
        self._header(governing_body, issuing_body, number_line(number, symbol))
        self._header_right(place_date_line(place, date, year))
        if doc_type:
            self._add("doc_type", doc_type.upper())
        if title:
            self._add("title", title)
            rule = self._rule_under(title, layout.title_pt, layout.text_width_cm, 0.4)
            rule.paragraph_format.space_after = Pt(layout.space_after_pt)
        core = self._document.core_properties
        core.title = " ".join(filter(None, [doc_type, title]))[:250]
        core.author = issuing_body or "BinhDang"
        # python-docx writes the time with a "Z": it must be UTC, not the server's local time.
        core.created = core.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)

    # --- low level ------------------------------------------------------------------------

    def _add(self, style: str, text: TextLike = "", container=None) -> Paragraph:
        """A paragraph of `style` at the end of the body (or of a table cell).

        Built by copying a prototype <w:p> rather than through python-docx's element API,
        which looks up the schema order of every child it inserts: this is what keeps a
        styled document as fast to write as bare paragraphs (bench/bench_render.py).
        """
        plain = isinstance(text, str) and text and not _SPECIAL.search(text)
        p = copy.deepcopy(_PROTOTYPES[style][1 if plain else 0])
        if plain:
            t = p[1][0]
            t.text = text
            if text[0] == " " or text[-1] == " ":
                t.set(_XML_SPACE, "preserve")
        if container is None:
            self._sect_pr.addprevious(p)
            paragraph = Paragraph(p, self._document._body)
        else:
            container._tc.append(p)
            paragraph = Paragraph(p, container)
        if isinstance(text, str):
            if text and not plain:
                p.add_r().text = text  # tabs and line breaks become <w:tab/>, <w:br/>
        else:
            self._spans(paragraph, [text] if isinstance(text, Span) else text)
        return paragraph

    @staticmethod
    def _spans(paragraph: Paragraph, spans: Iterable[str | Span]) -> None:
        for span in spans:
            if isinstance(span, str):
                paragraph.add_run(span)
                continue
            run = paragraph.add_run(span.text)
            run.bold = span.bold
            run.italic = span.italic
            run.underline = span.underline
            if span.strike is not None:
                run.font.strike = span.strike
            if span.color:
                run.font.color.rgb = RGBColor.from_string(span.color)
            if span.highlight:
                from docx.enum.text import WD_COLOR_INDEX

                run.font.highlight_color = getattr(WD_COLOR_INDEX, span.highlight)

    def _rule_under(self, text: str, size_pt: float, room_cm: float, share: float, cell=None):
        """A short centred rule under `text`, `share` of its printed width long."""
        width = min(text_width_cm(text, size_pt, bold=True), room_cm)
        length = max(width * share, 1.5)
        paragraph = self._add("rule", "", cell)
        side = max((room_cm - length) / 2, 0)
        ppr = paragraph._p.get_or_add_pPr()
        ooxml.rule_border(ppr)
        paragraph.paragraph_format.left_indent = Cm(side)
        paragraph.paragraph_format.right_indent = Cm(side)
        return paragraph

    @staticmethod
    def _borderless(table, widths: list[float]) -> None:
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        ooxml.set_table_borders(table, "nil")
        ooxml.set_cell_margins(table, _CELL_MARGIN_CM, _CELL_MARGIN_CM)
        ooxml.set_fixed_widths(table, widths)
        for row in table.rows:
            ooxml.keep_row_together(row)

    @staticmethod
    def _clear(cell) -> None:
        for p in list(cell._tc.iterchildren(qn("w:p"))):
            cell._tc.remove(p)

    # --- header ---------------------------------------------------------------------------

    def _header(self, governing: str, issuing: str, number: str) -> None:
        layout = self.layout
        widths = [layout.header_left_cm, layout.header_right_cm]
        table = self._document.add_table(rows=2, cols=2)
        self._borderless(table, widths)
        self._header_table = table
        left, right = table.rows[0].cells
        for cell in (*table.rows[0].cells, *table.rows[1].cells):
            self._clear(cell)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        room_left = layout.header_left_cm - 2 * _CELL_MARGIN_CM
        room_right = layout.header_right_cm - 2 * _CELL_MARGIN_CM
        if governing:
            self._add("governing", governing.upper(), left)
        if issuing:
            self._add("issuing", issuing.upper(), left)
            self._rule_under(issuing.upper(), layout.issuing_pt, room_left, 0.4, left)
        if not (governing or issuing):
            self._add("governing", "", left)
        self._add("national", NATIONAL_TITLE, right)
        self._add("motto", MOTTO, right)
        self._rule_under(MOTTO, layout.motto_pt, room_right, 1.0, right)
        self._add("number", number, table.rows[1].cells[0])

    def _header_right(self, place_date: str) -> None:
        self._add("place_date", place_date, self._header_table.rows[1].cells[1])

    # --- body -----------------------------------------------------------------------------

    def paragraph(
        self,
        text: TextLike,
        *,
        bold: bool = False,
        italic: bool = False,
        align: str | None = None,
        indent: bool = True,
        keep_with_next: bool = False,
    ) -> Paragraph:
        """A body paragraph: justified, first-line indent, 6 pt after."""
        paragraph = self._add("body", text)
        if bold or italic:
            for run in paragraph.runs:
                if bold:
                    run.bold = True
                if italic:
                    run.italic = True
        fmt = paragraph.paragraph_format
        if align:
            fmt.alignment = _ALIGN[align]
        if not indent:
            fmt.first_line_indent = Cm(0)
        if keep_with_next:
            fmt.keep_with_next = True
        self._last_body = paragraph
        return paragraph

    def heading(self, title: TextLike, *, label: str = "", level: int = 1) -> Paragraph:
        """An outline heading: level 1 "I. TITLE", level 2 "1. Title", level 3 "a) Title".

        Kept with the paragraph that follows, so no heading ends a page.
        """
        level = min(max(level, 1), 3)
        prefix = label_text(label)
        if isinstance(title, str):
            text: TextLike = (prefix + " " + title).strip() if prefix else title
        else:
            spans = [title] if isinstance(title, Span) else list(title)
            text = [prefix + " ", *spans] if prefix else spans
        paragraph = self._add(f"heading{level}", text)
        self._last_body = paragraph
        return paragraph

    def bullet(self, text: TextLike, *, mark: str = "-") -> Paragraph:
        """A "- item" paragraph, the dash typed in the text as the Decree's samples do."""
        if isinstance(text, str):
            content: TextLike = mark + " " + text
        else:
            spans = [text] if isinstance(text, Span) else list(text)
            content = [mark + " ", *spans]
        paragraph = self._add("body", content)
        self._last_body = paragraph
        return paragraph

    def item(self, label: str, text: TextLike) -> Paragraph:
        """A lettered or numbered item in running text: "a) ...", "1) ..."."""
        label = label.strip()
        if label and label[-1] not in ".)":
            label += ")"
        if isinstance(text, str):
            content: TextLike = label + " " + text
        else:
            content = [label + " ", *([text] if isinstance(text, Span) else list(text))]
        paragraph = self._add("body", content)
        self._last_body = paragraph
        return paragraph

    def page_break(self) -> None:
        paragraph = self._add("body")
        paragraph.add_run().add_break(WD_BREAK.PAGE)

    def table(
        self,
        rows: Sequence[Sequence[object]],
        header: Sequence[str] | None = None,
        widths: Sequence[float] | None = None,
        *,
        align: Sequence[str] | None = None,
        caption: str = "",
        bold_last_row: bool = False,
    ):
        """A bordered table; the heading row repeats on every page and rows never split.

        Numbers are right-aligned and written the Vietnamese way (1.234; 12,5); `widths`
        are in cm and default to equal columns across the text width.
        """
        columns = max([len(header or [])] + [len(r) for r in rows]) if (rows or header) else 0
        if not columns:
            return None
        if caption:
            self._add("caption", caption).paragraph_format.keep_with_next = True
        widths = list(widths or [self.layout.text_width_cm / columns] * columns)
        table = self._document.add_table(rows=0, cols=columns)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        ooxml.set_table_borders(table, "single", 4)
        ooxml.set_cell_margins(table, 0.1, 0.1)
        every = ([list(header)] if header else []) + [list(r) for r in rows]
        for index, values in enumerate(every):
            row = table.add_row()
            ooxml.keep_row_together(row)
            is_header = bool(header) and index == 0
            if is_header:
                ooxml.repeat_as_header(row)
            bold_row = bold_last_row and index == len(every) - 1
            for col, cell in enumerate(row.cells):
                value = values[col] if col < len(values) else ""
                self._clear(cell)
                numeric = isinstance(value, int | float) and not isinstance(value, bool)
                text = format_number(value) if numeric else ("" if value is None else str(value))
                p = self._add("table_head" if is_header else "table_text", text, cell)
                if is_header:
                    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                    continue
                if align and col < len(align):
                    p.paragraph_format.alignment = _ALIGN[align[col]]
                elif numeric:
                    p.paragraph_format.alignment = RIGHT
                if bold_row:
                    for run in p.runs:
                        run.bold = True
        ooxml.set_fixed_widths(table, widths)
        self._add("body").paragraph_format.space_after = Pt(0)  # keeps tables apart
        return table

    def image(self, png_bytes: bytes, width_cm: float = 15.0, *, caption: str = "") -> Paragraph:
        """A centred picture (a chart), kept on the page of its caption."""
        width_cm = min(width_cm, self.layout.text_width_cm)
        paragraph = self._add("figure")
        paragraph.add_run().add_picture(io.BytesIO(png_bytes), width=Cm(width_cm))
        if caption:
            self._add("caption", caption)
        else:
            paragraph.paragraph_format.keep_with_next = False
        return paragraph

    # --- closing --------------------------------------------------------------------------

    def recipients(self, items: Iterable[str]) -> None:
        """The "Nơi nhận:" list, bottom left; ";" after each item and "." after the last."""
        self._recipients = [i.strip().rstrip(" ;.,") for i in items if i and i.strip()]

    def signature(self, authority: str, position: str, name: str, *, stamp: str = "") -> None:
        """The signature block, bottom right: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC", room, name.

        `stamp` is a note such as "(Đã ký)" printed in the signing space of a copy.
        """
        self._signature = (authority.strip(), position.strip(), name.strip(), stamp.strip())

    def _closing(self) -> None:
        if self._closed or not (self._recipients or self._signature):
            self._closed = True
            return
        self._closed = True
        if self._last_body is not None:
            # The signature never starts a page alone (Decree 30: it follows the text).
            self._last_body.paragraph_format.keep_with_next = True
        layout = self.layout
        spacer = self._add("body")
        spacer.paragraph_format.space_after = Pt(0)
        spacer.paragraph_format.keep_with_next = True
        table = self._document.add_table(rows=1, cols=2)
        self._borderless(table, [layout.closing_left_cm, layout.closing_right_cm])
        left, right = table.rows[0].cells
        self._clear(left)
        self._clear(right)
        if self._recipients:
            self._add("recipients_label", "Nơi nhận:", left)
            last = len(self._recipients) - 1
            for index, item in enumerate(self._recipients):
                self._add("recipients", f"- {item}{'.' if index == last else ';'}", left)
        else:
            self._add("recipients", "", left)
        if self._signature:
            authority, position, name, stamp = self._signature
            lines = [line.upper() for line in (authority, position) if line]
            for line in lines:
                self._add("signature", line, right)
            if stamp:
                note = self._add("signature", stamp, right)
                note.paragraph_format.space_before = Pt(layout.signature_space_pt / 2 - 10)
                note.runs[0].bold = False
                note.runs[0].italic = True
            if name:
                last = self._add("signature", name, right)
                space = layout.signature_space_pt / 2 if stamp else layout.signature_space_pt
                last.paragraph_format.space_before = Pt(space)
        else:
            self._add("signature", "", right)

    def to_bytes(self) -> bytes:
        """The .docx file."""
        self._closing()
        buffer = io.BytesIO()
        self._document.save(buffer)
        return buffer.getvalue()

    @property
    def docx(self):
        """The python-docx Document, for what this class does not cover."""
        return self._document
