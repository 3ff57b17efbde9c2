"""The paragraph styles of an official document, and the blank template that carries them.

Formatting lives in named styles, not on each run: the file stays small, a clerk who edits
it in Word gets the right look for a new paragraph, and rendering stays as fast as writing
bare paragraphs. The styles, the page set-up and the page-number header are built once per
layout into a template held in memory; each document starts from a copy of it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from . import ooxml
from .layout import FONT, Layout

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


@dataclass(frozen=True)
class _Spec:
    key: str
    name: str
    size: str  # attribute of Layout holding the size in pt
    bold: bool = False
    italic: bool = False
    align: object = CENTER
    indent: bool = False  # first-line indent of the body
    before: float = 0
    after: float = 0
    line: float | None = None  # multiple of single spacing; None = single
    keep_next: bool = False
    outline: int | None = None  # heading level shown in Word's navigation pane


_SPECS = (
    _Spec("governing", "D30 Governing Body", "governing_pt"),
    _Spec("issuing", "D30 Issuing Body", "issuing_pt", bold=True),
    _Spec("national", "D30 National Title", "national_pt", bold=True),
    _Spec("motto", "D30 Motto", "motto_pt", bold=True),
    _Spec("number", "D30 Number", "number_pt", before=4),
    _Spec("place_date", "D30 Place Date", "place_date_pt", italic=True, before=4),
    _Spec("rule", "D30 Rule", "governing_pt", before=3),
    _Spec("doc_type", "D30 Type", "doc_type_pt", bold=True, before=18, keep_next=True),
    _Spec("title", "D30 Title", "title_pt", bold=True, keep_next=True),
    _Spec("body", "D30 Body", "body_pt", align=JUSTIFY, indent=True, before=0, after=-1),
    _Spec(
        "heading1",
        "D30 Heading 1",
        "body_pt",
        bold=True,
        align=JUSTIFY,
        indent=True,
        after=-1,
        keep_next=True,
        outline=0,
    ),
    _Spec(
        "heading2",
        "D30 Heading 2",
        "body_pt",
        bold=True,
        align=JUSTIFY,
        indent=True,
        after=-1,
        keep_next=True,
        outline=1,
    ),
    _Spec(
        "heading3",
        "D30 Heading 3",
        "body_pt",
        bold=True,
        italic=True,
        align=JUSTIFY,
        indent=True,
        after=-1,
        keep_next=True,
        outline=2,
    ),
    _Spec("table_text", "D30 Table Text", "table_pt", align=LEFT, before=2, after=2),
    _Spec("table_head", "D30 Table Heading", "table_pt", bold=True, before=2, after=2),
    _Spec("caption", "D30 Caption", "caption_pt", italic=True, before=2, after=6),
    _Spec("figure", "D30 Figure", "body_pt", before=6, after=2, keep_next=True),
    _Spec(
        "recipients_label",
        "D30 Recipients Label",
        "recipients_label_pt",
        bold=True,
        italic=True,
        align=LEFT,
        keep_next=True,
    ),
    _Spec("recipients", "D30 Recipients", "recipients_pt", align=LEFT, keep_next=True),
    _Spec("signature", "D30 Signature", "signature_pt", bold=True, keep_next=True),
    _Spec("page_number", "D30 Page Number", "page_number_pt"),
)
STYLE_KEYS = tuple(spec.key for spec in _SPECS)


def _style_id(name: str) -> str:
    return name.replace(" ", "")


STYLE_IDS = {spec.key: _style_id(spec.name) for spec in _SPECS}


def _normal(document, layout: Layout) -> None:
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            ooxml.set_fonts(rpr, FONT)
            ooxml.set_language(rpr)
    normal = document.styles["Normal"]
    normal.font.size = Pt(layout.body_pt)
    rpr = normal.element.get_or_add_rPr()
    ooxml.set_fonts(rpr, FONT)
    ooxml.set_language(rpr)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.widow_control = True


def _install(document, layout: Layout) -> None:
    _normal(document, layout)
    normal = document.styles["Normal"]
    for spec in _SPECS:
        style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = spec.key in ("body", "heading1", "heading2", "heading3")
        font = style.font
        font.size = Pt(getattr(layout, spec.size))
        font.bold = spec.bold
        font.italic = spec.italic
        fmt = style.paragraph_format
        fmt.alignment = spec.align
        fmt.space_before = Pt(spec.before)
        fmt.space_after = Pt(layout.space_after_pt if spec.after < 0 else spec.after)
        fmt.line_spacing = layout.line_spacing if spec.indent else 1.0
        if spec.indent:
            fmt.first_line_indent = Cm(layout.first_line_indent_cm)
        if spec.keep_next:
            fmt.keep_with_next = True
        if spec.outline is not None:
            ooxml.child(style.element.get_or_add_pPr(), "w:outlineLvl", val=str(spec.outline))
    rule = document.styles["D30 Rule"]
    rule.font.size = Pt(2)  # the empty paragraph is only as tall as its border needs


def _page(document, layout: Layout) -> None:
    section = document.sections[0]
    section.page_width = Mm(layout.page_width_mm)
    section.page_height = Mm(layout.page_height_mm)
    section.top_margin = Mm(layout.top_mm)
    section.bottom_margin = Mm(layout.bottom_mm)
    section.left_margin = Mm(layout.left_mm)
    section.right_margin = Mm(layout.right_mm)
    section.header_distance = Mm(layout.header_distance_mm)
    section.footer_distance = Mm(layout.header_distance_mm)
    # Page numbers from page 2 on, centred in the header (Decree 30, Appendix I, item 7).
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.style = document.styles["D30 Page Number"]
    ooxml.add_field(paragraph, "PAGE", "2")


@lru_cache(maxsize=4)
def template_bytes(layout: Layout) -> bytes:
    """A blank A4 document with the Decree 30 styles, margins and page-number header."""
    document = Document()
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    _install(document, layout)
    _page(document, layout)
    core = document.core_properties
    core.author = "BinhDang"
    core.last_modified_by = "BinhDang"
    core.language = "vi-VN"
    core.comments = ""
    core.keywords = ""
    core.subject = ""
    core.title = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def new_document(layout: Layout):
    return Document(io.BytesIO(template_bytes(layout)))
