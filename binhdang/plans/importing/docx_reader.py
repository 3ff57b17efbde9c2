"""A .docx file → logical lines, in reading order, tables included.

Real documents put the header block (governing and issuing body, number; national title,
place and date) and the recipients/signature block in borderless tables, so tables are read
row by row, cell by cell. The XML is read directly (zipfile + lxml, both already needed by
python-docx) rather than through python-docx's object model, because we need what that model
hides: automatic numbering labels, page breaks, line breaks inside a paragraph and style
inheritance of bold, and it is several times faster.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from . import errors
from .lines import Line, clean

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_W = "{" + W + "}"

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
# Uncompressed size of one XML part above which the archive is treated as a zip bomb.
MAX_PART_BYTES = 64 * 1024 * 1024

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
)
_FALSE = {"0", "false", "off", "none"}


@functools.cache
def _q(tag: str) -> str:
    return _W + tag


def _val(element, tag: str) -> str | None:
    child = element.find(_q(tag)) if element is not None else None
    if child is None:
        return None
    return child.get(_q("val"))


def _flag(element, tag: str) -> bool | None:
    """Word's toggle properties: <w:b/> is on, <w:b w:val="0"/> is off, absent is unknown."""
    if element is None:
        return None
    child = element.find(_q(tag))
    if child is None:
        return None
    return (child.get(_q("val")) or "true").lower() not in _FALSE


# --- styles ------------------------------------------------------------------------------


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    bold: bool | None = None
    outline: int | None = None
    num_id: str | None = None
    ilvl: int = 0


class _Styles:
    """Paragraph and character styles, read lazily: a document uses a handful of the
    hundreds of styles a Word template defines."""

    def __init__(self, root):
        self.elements: dict[str, object] = {}
        self.by_id: dict[str, _Style | None] = {}
        if root is not None:
            style_id = _q("styleId")
            for element in root.iterchildren(_q("style")):
                key = element.get(style_id)
                if key:
                    self.elements.setdefault(key, element)

    def get(self, style_id: str | None) -> _Style | None:
        if not style_id:
            return None
        if style_id not in self.by_id:
            element = self.elements.get(style_id)
            self.by_id[style_id] = None if element is None else _read_style(element)
        return self.by_id[style_id]

    def _chain(self, style_id: str | None):
        seen: set[str] = set()
        while style_id and style_id not in seen:
            style = self.get(style_id)
            if style is None:
                return
            seen.add(style_id)
            yield style
            style_id = style.based_on

    def bold(self, style_id: str | None) -> bool:
        for style in self._chain(style_id):
            if style.bold is not None:
                return style.bold
        return False

    def name(self, style_id: str | None) -> str:
        style = self.get(style_id)
        return style.name if style else ""

    def heading(self, style_id: str | None) -> int:
        for style in self._chain(style_id):
            match = re.fullmatch(r"heading\s*(\d)", style.name, re.IGNORECASE)
            if match:
                return int(match.group(1))
            if style.name.lower() == "title":
                return 1
            if style.outline is not None:
                return style.outline + 1
        return 0

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        for style in self._chain(style_id):
            if style.num_id:
                return style.num_id, style.ilvl
        return None


def _read_style(element) -> _Style:
    ppr = element.find(_q("pPr"))
    num_pr = ppr.find(_q("numPr")) if ppr is not None else None
    outline = _val(ppr, "outlineLvl")
    return _Style(
        name=_val(element, "name") or "",
        based_on=_val(element, "basedOn"),
        bold=_flag(element.find(_q("rPr")), "b"),
        outline=int(outline) if outline and outline.isdigit() and int(outline) < 9 else None,
        num_id=_val(num_pr, "numId") if num_pr is not None else None,
        ilvl=int(_val(num_pr, "ilvl") or 0) if num_pr is not None else 0,
    )


# --- automatic numbering -----------------------------------------------------------------


def _roman(n: int) -> str:
    pairs = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
    pairs += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in pairs:
        while n >= value:
            out += letters
            n -= value
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


class _Numbering:
    """Renders the label Word shows for a numbered paragraph ("II.", "1.", "a)", "-").

    Counters belong to the abstract list, so list instances (w:num) sharing it continue one
    another, as in Word; an instance with a start override restarts the list the first time
    it is used (LibreOffice writes one such instance per restarted list).
    """

    def __init__(self, root):
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.instances: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[str] = set()
        if root is None:
            return
        for element in root.iterchildren(_q("abstractNum")):
            levels = {}
            for lvl in element.iterchildren(_q("lvl")):
                start = _val(lvl, "start")
                levels[int(lvl.get(_q("ilvl"), "0"))] = _Level(
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                    start=int(start) if start and start.lstrip("-").isdigit() else 1,
                )
            self.abstract[element.get(_q("abstractNumId"), "")] = levels
        for element in root.iterchildren(_q("num")):
            overrides = {}
            for override in element.iterchildren(_q("lvlOverride")):
                start = _val(override, "startOverride")
                if start and start.isdigit():
                    overrides[int(override.get(_q("ilvl"), "0"))] = int(start)
            abstract_id = _val(element, "abstractNumId") or ""
            self.instances[element.get(_q("numId"), "")] = (abstract_id, overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        abstract_id, overrides = self.instances.get(num_id, ("", {}))
        levels = self.abstract.get(abstract_id)
        if not levels or ilvl not in levels:
            return ""
        level = levels[ilvl]
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            return "+" if level.text.strip() == "+" else "-"
        counters = self.counters.setdefault(abstract_id, [None] * 9)
        if num_id not in self.used:
            self.used.add(num_id)
            for index, start in overrides.items():
                if 0 <= index < 9:
                    counters[index] = start - 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        for upper in range(ilvl):
            if counters[upper] is None and upper in levels:
                counters[upper] = levels[upper].start
        current = counters[ilvl]
        counters[ilvl] = current + 1 if current is not None else level.start

        def render(match: re.Match) -> str:
            index = int(match.group(1)) - 1
            value = counters[index] if 0 <= index < 9 else None
            if index not in levels or value is None:
                return ""
            return _format(value, levels[index].fmt)

        return re.sub(r"%(\d)", render, level.text).strip()


# --- the document ------------------------------------------------------------------------


class _Reader:
    def __init__(self, styles: _Styles, numbering: _Numbering):
        self.styles = styles
        self.numbering = numbering
        self.lines: list[Line] = []
        self.pending_break = False
        self.index = 0

    def block(self, element, in_table: bool) -> None:
        for child in element:
            tag = child.tag
            if tag == _q("p"):
                self.paragraph(child, in_table)
            elif tag == _q("tbl"):
                self.table(child)
            elif tag in (_q("sdt"), _q("customXml"), _q("sdtContent")):
                self.block(child, in_table)

    def table(self, tbl) -> None:
        for row in tbl.iter(_q("tr")):
            if row.getparent() is not tbl:
                continue  # rows of nested tables are read through their cell
            for cell in row:
                if cell.tag == _q("tc"):
                    self.block(cell, True)
                elif cell.tag in (_q("sdt"), _q("customXml")):
                    for inner in cell.iter(_q("tc")):
                        self.block(inner, True)

    def paragraph(self, p, in_table: bool) -> None:
        self.index += 1
        ppr = p.find(_q("pPr"))
        style_id = _val(ppr, "pStyle") if ppr is not None else None
        style_bold = self.styles.bold(style_id)
        if ppr is not None and _flag(ppr, "pageBreakBefore"):
            self.pending_break = True
        segments: list[tuple[list[str], bool, bool]] = [([], True, False)]  # text, bold, brk
        boxes: list = []

        def add_text(text: str, bold: bool) -> None:
            parts, all_bold, brk = segments[-1]
            parts.append(text)
            if text.strip() and not bold:
                all_bold = False
            segments[-1] = (parts, all_bold, brk)

        def new_segment(page: bool) -> None:
            segments.append(([], True, page))

        def run(r) -> None:
            rpr = r.find(_q("rPr"))
            bold = _flag(rpr, "b")
            if bold is None and rpr is not None:
                rstyle = _val(rpr, "rStyle")
                bold = self.styles.bold(rstyle) if rstyle else None
            if bold is None:
                bold = style_bold
            for child in r:
                tag = child.tag
                if tag == _q("t"):
                    add_text(child.text or "", bold)
                elif tag == _q("tab"):
                    add_text("\t", bold)
                elif tag == _q("br"):
                    new_segment(child.get(_q("type")) == "page")
                elif tag == _q("cr"):
                    new_segment(False)
                elif tag == _q("noBreakHyphen"):
                    add_text("-", bold)
                elif tag in (_q("drawing"), _q("pict"), f"{{{MC}}}AlternateContent"):
                    boxes.append(child)

        def walk(element) -> None:
            for child in element:
                tag = child.tag
                if tag == _q("r"):
                    run(child)
                elif tag in (_q("del"), _q("moveFrom"), _q("pPr")):
                    continue
                elif tag in (
                    _q("hyperlink"),
                    _q("ins"),
                    _q("moveTo"),
                    _q("smartTag"),
                    _q("fldSimple"),
                    _q("customXml"),
                    _q("sdt"),
                    _q("sdtContent"),
                ):
                    walk(child)

        walk(p)
        label = ""
        num_pr = ppr.find(_q("numPr")) if ppr is not None else None
        numbered = None
        if num_pr is not None:
            numbered = (_val(num_pr, "numId") or "", int(_val(num_pr, "ilvl") or 0))
        else:
            numbered = self.styles.numbering(style_id)
        if numbered and any("".join(parts).strip() for parts, _b, _k in segments):
            label = self.numbering.label(*numbered)
        heading = self.styles.heading(style_id)
        if ppr is not None and _val(ppr, "outlineLvl") not in (None, "9"):
            heading = heading or int(_val(ppr, "outlineLvl") or 0) + 1
        style_name = self.styles.name(style_id)
        first = True
        for parts, bold, page in segments:
            text = clean("".join(parts))
            if page:
                self.pending_break = True
            if not text:
                continue
            numbering = ""
            if first and label:
                numbering = label
                if not text.startswith(label):
                    text = label + " " + text
            first = False
            self.lines.append(
                Line(
                    text,
                    bold=bold,
                    heading=heading,
                    style=style_name,
                    numbering=numbering,
                    page_break=self.pending_break,
                    in_table=in_table,
                    source=self.index,
                )
            )
            self.pending_break = False
        for box in boxes:
            self.text_box(box, in_table)

    def text_box(self, element, in_table: bool) -> None:
        # mc:AlternateContent carries the same box twice (DrawingML and VML fallback).
        if element.tag == f"{{{MC}}}AlternateContent":
            choice = element.find(f"{{{MC}}}Choice")
            element = choice if choice is not None else element
        for content in element.iter(_q("txbxContent")):
            self.block(content, in_table)
            break


def _part_root(archive: zipfile.ZipFile, name: str, filename: str):
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise errors.too_large(filename, info.file_size, MAX_PART_BYTES)
    return etree.fromstring(archive.read(info), _PARSER)


def _targets(archive: zipfile.ZipFile, rels_name: str, base: str) -> dict[str, str]:
    """Relationship type (last path segment) → part name, from a .rels part."""
    try:
        root = etree.fromstring(archive.read(rels_name), _PARSER)
    except KeyError:
        return {}
    out: dict[str, str] = {}
    for rel in root.iter(f"{{{REL}}}Relationship"):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else base + target
        parts: list[str] = []
        for piece in path.split("/"):
            if piece == "..":
                if parts:
                    parts.pop()
            elif piece and piece != ".":
                parts.append(piece)
        out.setdefault(kind, "/".join(parts))
    return out


def check_office_container(data: bytes, filename: str) -> None:
    """OLE2 files are either password-protected OOXML or the legacy binary .doc format."""
    if not data.startswith(OLE2_SIGNATURE):
        return
    try:
        import msoffcrypto

        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        is_encrypted = office.is_encrypted()
        is_ooxml = office.format == "ooxml"
    except Exception as exc:  # msoffcrypto raises many kinds on odd containers
        raise errors.corrupt(filename) from exc
    if is_encrypted or is_ooxml:
        raise errors.encrypted(filename)
    raise errors.legacy_word(filename)


def read_docx_lines(data: bytes, filename: str = "tệp .docx") -> list[Line]:
    """Logical lines of a .docx in reading order. Raises PlanImportError on a bad file."""
    check_office_container(data, filename)
    if not data.startswith(ZIP_SIGNATURE):
        raise errors.corrupt(filename)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        main = _targets(archive, "_rels/.rels", "").get("officeDocument", "word/document.xml")
        folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
        rels_name = folder + "_rels/" + main.rsplit("/", 1)[-1] + ".rels"
        related = _targets(archive, rels_name, folder)
        document = _part_root(archive, main, filename)
        if document is None:
            raise errors.corrupt(filename)
        styles = _Styles(_part_root(archive, related.get("styles", ""), filename))
        numbering = _Numbering(_part_root(archive, related.get("numbering", ""), filename))
    except (
        zipfile.BadZipFile,
        zlib.error,
        etree.XMLSyntaxError,
        EOFError,
        OSError,
        ValueError,
    ) as exc:
        raise errors.corrupt(filename) from exc
    except (NotImplementedError, RuntimeError) as exc:  # unsupported compression, encryption
        raise errors.corrupt(filename) from exc
    body = document.find(_q("body"))
    if body is None:
        raise errors.corrupt(filename)
    reader = _Reader(styles, numbering)
    reader.block(body, False)
    return reader.lines


read_docx_paragraphs = read_docx_lines
