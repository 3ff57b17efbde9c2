"""The few WordprocessingML pieces python-docx has no API for (borders, fields, row flags).

Word rejects a file whose property elements are out of schema order (LibreOffice does not
mind, so a wrong order would only show up at a user's desk): every element added here goes
in its schema position.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

# Schema order of the children we touch (ECMA-376 Part 1, §17.3.1.26, §17.4.60, §17.4.70).
_ORDER = {
    "w:pPr": (
        "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr "
        "w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap "
        "w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd "
        "w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap "
        "w:jc w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId "
        "w:cnfStyle w:rPr w:sectPr w:pPrChange"
    ).split(),
    "w:rPr": (
        "w:rStyle w:rFonts w:b w:bCs w:i w:iCs w:caps w:smallCaps w:strike w:dstrike "
        "w:outline w:shadow w:emboss w:imprint w:noProof w:snapToGrid w:vanish w:webHidden "
        "w:color w:spacing w:w w:kern w:position w:sz w:szCs w:highlight w:u w:effect w:bdr "
        "w:shd w:fitText w:vertAlign w:rtl w:cs w:em w:lang w:eastAsianLayout w:specVanish "
        "w:oMath"
    ).split(),
    "w:tblPr": (
        "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize "
        "w:tblStyleColBandSize w:tblW w:jc w:tblCellSpacing w:tblInd w:tblBorders w:shd "
        "w:tblLayout w:tblCellMar w:tblLook w:tblCaption w:tblDescription w:tblPrChange"
    ).split(),
    "w:tcPr": (
        "w:cnfStyle w:tcW w:gridSpan w:hMerge w:vMerge w:tcBorders w:shd w:noWrap w:tcMar "
        "w:textDirection w:tcFitText w:vAlign w:hideMark"
    ).split(),
}
_TAG_NAMES = {qn(tag): tag for tags in _ORDER.values() for tag in tags}


def _name(element) -> str:
    return _TAG_NAMES.get(element.tag, "")


def child(parent, tag: str, **attrs: str):
    """The `tag` child of `parent`, created in schema order if absent, with w:`attrs` set."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        order = _ORDER.get(_name(parent) or _parent_name(parent), ())
        if tag in order:
            later = set(order[order.index(tag) + 1 :])
            for index, existing in enumerate(parent):
                if _name(existing) in later:
                    parent.insert(index, element)
                    break
            else:
                parent.append(element)
        else:
            parent.append(element)
    for key, value in attrs.items():
        element.set(qn("w:" + key), value)
    return element


def _parent_name(parent) -> str:
    for tag in _ORDER:
        if parent.tag == qn(tag):
            return tag
    return ""


def set_table_borders(table, value: str = "single", size: int = 4) -> None:
    """All borders of a table: "nil" for the borderless header/closing tables."""
    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is not None:
        tbl_pr.remove(borders)
    borders = child(tbl_pr, "w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement("w:" + edge)
        element.set(qn("w:val"), value)
        if value != "nil":
            element.set(qn("w:sz"), str(size))
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        borders.append(element)


def set_cell_margins(table, left_cm: float, right_cm: float) -> None:
    margins = child(table._tbl.tblPr, "w:tblCellMar")
    for edge, value in (("left", left_cm), ("right", right_cm)):
        child(margins, "w:" + edge, w=str(int(Cm(value).twips)), type="dxa")


def set_fixed_widths(table, widths_cm: list[float]) -> None:
    """Fixed layout with the given column widths (Word and LibreOffice read different parts)."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    child(tbl_pr, "w:tblW", w=str(int(Cm(sum(widths_cm)).twips)), type="dxa")
    child(tbl_pr, "w:tblLayout", type="fixed")
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=False):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)


def keep_row_together(row) -> None:
    child(row._tr.get_or_add_trPr(), "w:cantSplit")


def repeat_as_header(row) -> None:
    child(row._tr.get_or_add_trPr(), "w:tblHeader")


def shade_cell(cell, fill: str) -> None:
    child(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=fill)


def rule_border(ppr, *, size: int = 6) -> None:
    """A thin horizontal rule as the top border of a (usually empty) paragraph."""
    borders = child(ppr, "w:pBdr")
    child(borders, "w:top", val="single", sz=str(size), space="1", color="000000")


def add_field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """A field such as PAGE, as a complex field (begin, instruction, separate, result, end)."""
    for kind in ("begin", "instr", "separate", "result", "end"):
        r = paragraph.add_run()._r
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        elif kind == "result":
            element = OxmlElement("w:t")
            element.text = placeholder
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        r.append(element)


def set_language(rpr, lang: str = "vi-VN") -> None:
    child(rpr, "w:lang", val=lang)


def set_fonts(rpr, name: str) -> None:
    """Every script slot of rFonts, theme references removed, so no theme font leaks in."""
    fonts = child(rpr, "w:rFonts")
    for attr in list(fonts.attrib):
        if attr.lower().endswith("theme"):
            del fonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn("w:" + slot), name)
