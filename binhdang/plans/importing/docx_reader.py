"""A .docx file → logical lines, in reading order, tables included.

Real documents put the header block (governing and issuing body, number; national title,
place and date) and the recipients/signature block in borderless tables, so tables are read
row by row, cell by cell. The XML is read directly (zipfile + lxml, both already needed by
python-docx) rather than through python-docx's object model, because we need what that model
hides: automatic numbering labels, page breaks, line breaks inside a paragraph and style
inheritance of bold, and it is several times faster.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from lxml import etree

from . import errors
from .docx_styles import MC, REL, Numbering, Styles, flag, qname, val
from .lines import Line, clean

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
# Uncompressed size of one XML part above which the archive is treated as a zip bomb.
MAX_PART_BYTES = 64 * 1024 * 1024

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
)


# --- the document ------------------------------------------------------------------------


class _Reader:
    def __init__(self, styles: Styles, numbering: Numbering):
        self.styles = styles
        self.numbering = numbering
        self.lines: list[Line] = []
        self.pending_break = False
        self.index = 0

    def block(self, element, in_table: bool) -> None:
        for child in element:
            tag = child.tag
            if tag == qname("p"):
                self.paragraph(child, in_table)
            elif tag == qname("tbl"):
                self.table(child)
            elif tag in (qname("sdt"), qname("customXml"), qname("sdtContent")):
                self.block(child, in_table)

    def table(self, tbl) -> None:
        for row in tbl.iter(qname("tr")):
            if row.getparent() is not tbl:
                continue  # rows of nested tables are read through their cell
            for cell in row:
                if cell.tag == qname("tc"):
                    self.block(cell, True)
                elif cell.tag in (qname("sdt"), qname("customXml")):
                    for inner in cell.iter(qname("tc")):
                        self.block(inner, True)

    def paragraph(self, p, in_table: bool) -> None:
        self.index += 1
        ppr = p.find(qname("pPr"))
        style_id = val(ppr, "pStyle") if ppr is not None else None
        style_bold = self.styles.bold(style_id)
        if ppr is not None and flag(ppr, "pageBreakBefore"):
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
            rpr = r.find(qname("rPr"))
            bold = flag(rpr, "b")
            if bold is None and rpr is not None:
                rstyle = val(rpr, "rStyle")
                bold = self.styles.bold(rstyle) if rstyle else None
            if bold is None:
                bold = style_bold
            for child in r:
                tag = child.tag
                if tag == qname("t"):
                    add_text(child.text or "", bold)
                elif tag == qname("tab"):
                    add_text("\t", bold)
                elif tag == qname("br"):
                    new_segment(child.get(qname("type")) == "page")
                elif tag == qname("cr"):
                    new_segment(False)
                elif tag == qname("noBreakHyphen"):
                    add_text("-", bold)
                elif tag in (qname("drawing"), qname("pict"), f"{{{MC}}}AlternateContent"):
                    boxes.append(child)

        def walk(element) -> None:
            for child in element:
                tag = child.tag
                if tag == qname("r"):
                    run(child)
                elif tag in (qname("del"), qname("moveFrom"), qname("pPr")):
                    continue
                elif tag in (
                    qname("hyperlink"),
                    qname("ins"),
                    qname("moveTo"),
                    qname("smartTag"),
                    qname("fldSimple"),
                    qname("customXml"),
                    qname("sdt"),
                    qname("sdtContent"),
                ):
                    walk(child)

        walk(p)
        label = ""
        num_pr = ppr.find(qname("numPr")) if ppr is not None else None
        numbered = None
        if num_pr is not None:
            numbered = (val(num_pr, "numId") or "", int(val(num_pr, "ilvl") or 0))
        else:
            numbered = self.styles.numbering(style_id)
        if numbered and any("".join(parts).strip() for parts, _b, _k in segments):
            label = self.numbering.label(*numbered)
        heading = self.styles.heading(style_id)
        if ppr is not None and val(ppr, "outlineLvl") not in (None, "9"):
            heading = heading or int(val(ppr, "outlineLvl") or 0) + 1
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
        for content in element.iter(qname("txbxContent")):
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
        styles = Styles(_part_root(archive, related.get("styles", ""), filename))
        numbering = Numbering(_part_root(archive, related.get("numbering", ""), filename))
    except (
        zipfile.BadZipFile,
        zlib.error,
        etree.XMLSyntaxError,
        EOFError,
        OSError,
        ValueError,
        # zipfile's own refusals: a compression method it lacks, an encrypted member
        NotImplementedError,
        RuntimeError,
    ) as exc:
        raise errors.corrupt(filename) from exc
    body = document.find(qname("body"))
    if body is None:
        raise errors.corrupt(filename)
    reader = _Reader(styles, numbering)
    reader.block(body, False)
    return reader.lines


read_docx_paragraphs = read_docx_lines
