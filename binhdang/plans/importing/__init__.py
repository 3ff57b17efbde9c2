"""Import a plan from .docx, .txt or .md into a PlanDocument (plain Python, no Django).

    import_plan_file(data, filename, *, registry=None, max_bytes=10 MB) -> PlanDocument
    import_plan_text(text, *, markdown=None, registry=None) -> PlanDocument
    PlanImportError(.message Vietnamese, .code stable)
    read_docx_lines / read_text_lines / read_markdown_lines -> list[Line]  (reader layer)

Layers: reader (lines.py, docx_reader.py: any source → logical lines with bold, heading
level, numbering, page break, table cell) → parser (classify.py joins lines cut by a page
break; parser.py builds header, bases, outline, closing) → deadlines.py → citing.py (the
citation engine finds and checks every citation for the plan's year).

Decisions: texts are kept verbatim (a basis keeps its "Căn cứ" and its ";", so a rendered
document re-imports to the same plan); `markdown=None` decides from the text (the 2026 seed
is Markdown saved as .txt); only Unicode text files are accepted (see decoding.py); a line
that cannot be placed goes to `unplaced`, never away; `doc_type` is "" when the document
names none.
"""

from __future__ import annotations

from pathlib import Path

from binhdang.plans.structure import PlanDocument

from . import errors
from .citing import attach_citations
from .deadlines import find_deadlines
from .decoding import decode_text
from .docx_reader import read_docx_lines, read_docx_paragraphs
from .errors import PlanImportError
from .lines import Line, looks_like_markdown, read_markdown_lines, read_text_lines
from .parser import body_texts, parse_lines

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "Line",
    "PlanImportError",
    "import_plan_file",
    "import_plan_lines",
    "import_plan_path",
    "import_plan_text",
    "read_docx_lines",
    "read_docx_paragraphs",
    "read_markdown_lines",
    "read_text_lines",
]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
EXTENSIONS = ("docx", "txt", "md")


def import_plan_lines(lines: list[Line], *, registry=None, name: str = "") -> PlanDocument:
    doc = parse_lines(lines)
    if not doc.sections or not (doc.doc_type or doc.symbol or doc.legal_bases):
        raise errors.no_structure(name or "văn bản")
    doc.deadlines = find_deadlines(body_texts(doc), doc.year)
    attach_citations(doc, registry)
    return doc


def import_plan_text(
    text: str, *, markdown: bool | None = None, registry=None, name: str = ""
) -> PlanDocument:
    """Structure of a plan given as text; `markdown=None` decides from the text itself."""
    if not text.strip():
        raise errors.empty(name or "văn bản")
    if markdown is None:
        markdown = looks_like_markdown(text)
    lines = read_markdown_lines(text) if markdown else read_text_lines(text)
    return import_plan_lines(lines, registry=registry, name=name)


def import_plan_file(
    data: bytes, filename: str, *, registry=None, max_bytes: int = DEFAULT_MAX_BYTES
) -> PlanDocument:
    """Structure of a plan file (.docx, .txt, .md). Raises PlanImportError for a bad file."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1] or "tệp"
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension == "doc":
        raise errors.legacy_word(name)
    if extension not in EXTENSIONS:
        raise errors.unsupported(name)
    if not data or not data.strip():
        raise errors.empty(name)
    if len(data) > max_bytes:
        raise errors.too_large(name, len(data), max_bytes)
    if extension == "docx":
        lines = read_docx_lines(data, name)
        if not lines:
            raise errors.empty(name)
        return import_plan_lines(lines, registry=registry, name=name)
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
        raise errors.docx_named_as_text(name)
    text = decode_text(data, name)
    markdown = True if extension == "md" else None
    return import_plan_text(text, markdown=markdown, registry=registry, name=name)


def import_plan_path(path, *, registry=None, max_bytes: int = DEFAULT_MAX_BYTES) -> PlanDocument:
    """Structure of the plan file at `path`; a missing or unreadable file is a PlanImportError
    too, so the command-line tools report every problem the same way."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > max_bytes:
            # Refused before reading: a multi-gigabyte file must not be loaded to say so.
            raise errors.too_large(file.name, size, max_bytes)
        data = file.read_bytes()
    except FileNotFoundError as exc:
        raise errors.PlanImportError(
            errors._("Không tìm thấy tệp “%(path)s”.") % {"path": path}, "missing"
        ) from exc
    except OSError as exc:
        raise errors.PlanImportError(
            errors._("Không đọc được tệp “%(path)s”: %(error)s.")
            % {"path": path, "error": exc.strerror or exc},
            "unreadable",
        ) from exc
    return import_plan_file(data, file.name, registry=registry, max_bytes=max_bytes)
