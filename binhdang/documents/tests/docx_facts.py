"""Reading back what a rendered .docx shows: effective fonts and sizes, tables, header parts.

Sizes and fonts are resolved the way Word does (run, then the paragraph style and the
styles it is based on, then the document defaults), so a test checks what a reader sees,
not where the renderer happened to put the property.
"""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


def _style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def _defaults_font(document) -> str | None:
    fonts = document.styles.element.find(
        qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr") + "/" + qn("w:rFonts")
    )
    return fonts.get(qn("w:ascii")) if fonts is not None else None


def size_pt(paragraph, run=None) -> float | None:
    if run is not None and run.font.size is not None:
        return run.font.size.pt
    for style in _style_chain(paragraph.style):
        if style.font.size is not None:
            return style.font.size.pt
    return None


def font_name(document, paragraph, run=None) -> str | None:
    if run is not None and run.font.name:
        return run.font.name
    for style in _style_chain(paragraph.style):
        if style.font.name:
            return style.font.name
    return _defaults_font(document)


def flag(paragraph, run, attr: str) -> bool:
    """Bold or italic as shown: the run's own setting, else the style chain's."""
    value = getattr(run.font, attr) if run is not None else None
    if value is not None:
        return value
    for style in _style_chain(paragraph.style):
        value = getattr(style.font, attr)
        if value is not None:
            return value
    return False


def paragraph_format(paragraph, attr: str):
    value = getattr(paragraph.paragraph_format, attr)
    if value is not None:
        return value
    for style in _style_chain(paragraph.style):
        value = getattr(style.paragraph_format, attr)
        if value is not None:
            return value
    return None


def all_paragraphs(document):
    """Every paragraph in reading order, the ones in table cells included."""
    body = document.element.body
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document._body)
        elif child.tag == qn("w:tbl"):
            table = Table(child, document._body)
            for row in table.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def find(document, text: str):
    """The first paragraph whose text is `text` (exactly), anywhere in the body."""
    for paragraph in all_paragraphs(document):
        if paragraph.text == text:
            return paragraph
    raise AssertionError(f"no paragraph reads {text!r}")


def table_borders(table) -> dict[str, str]:
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    if borders is None:
        return {}
    return {child.tag.rsplit("}", 1)[1]: child.get(qn("w:val")) for child in borders}
