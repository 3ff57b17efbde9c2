"""Reader layer: any source becomes a list of logical lines with the little formatting the
structure parser needs (bold, heading level, page break, table cell).

Plain text: one line per physical line, paired `**`/`***` emphasis removed (exports of Word
documents often keep them). Markdown: also `#` headings, `*`/`_` emphasis, backslash
escapes, hard breaks (two trailing spaces or a trailing backslash), pipe tables (one line per
cell, like the header and signature tables of a real document), links and `<br>`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Line", "clean", "looks_like_markdown", "read_markdown_lines", "read_text_lines"]


@dataclass(slots=True)
class Line:
    """One logical line of the source document, as the reader saw it."""

    text: str
    bold: bool = False
    italic: bool = False
    heading: int = 0  # markdown "#" count, or the Word heading / outline level (1-based)
    style: str = ""  # Word paragraph style name
    numbering: str = ""  # label produced by Word's automatic numbering ("1.", "a)", "-")
    page_break: bool = False  # a page break comes just before this line
    in_table: bool = False
    source: int = 0  # physical line number (text) or paragraph index (docx), for messages


# Characters Word and PDF converters leave behind that must not reach the structure.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE_LIKE = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def clean(text: str) -> str:
    """NFC, invisible characters removed, every run of white space one space, stripped."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if _HAS_INVISIBLE.search(text):
            text = text.translate(_INVISIBLE)
    elif "  " not in text and "\t" not in text:
        return text.strip()
    return _SPACE_LIKE.sub(" ", text).strip()


# --- inline emphasis -------------------------------------------------------------------

_STARS = re.compile(r"\*{1,3}|_{2,3}")


def _strip_emphasis(text: str, state: list[bool], *, single: bool) -> tuple[str, bool, bool]:
    """Remove emphasis delimiters; return (text, all_bold, all_italic).

    `state` is [bold, italic] carried across the lines of one paragraph, so that
    "**KT. GIÁM ĐỐC  \\nPHÓ GIÁM ĐỐC**" makes two bold lines. A delimiter counts only when it
    touches text on one side (so "a * b" keeps its star); single `*` and `_` only when
    `single` (Markdown), because plain text uses them literally.
    """
    if "*" not in text and "__" not in text:
        bold, italic = state
        return text, bold and bool(text.strip()), italic and bool(text.strip())
    out: list[str] = []
    all_bold = all_italic = True
    seen_text = False
    pos = 0
    for match in _STARS.finditer(text):
        run = match.group()
        if run[0] == "*" and len(run) == 1 and not single:
            continue
        before = text[match.start() - 1] if match.start() > 0 else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if before.isspace() and after.isspace():
            continue  # a lone star between spaces is text
        if run[0] == "_" and before.isalnum() and after.isalnum():
            continue  # snake_case, not emphasis
        segment = text[pos : match.start()]
        if segment.strip():
            seen_text = True
            all_bold &= state[0]
            all_italic &= state[1]
        out.append(segment)
        pos = match.end()
        width = len(run)
        if width >= 2:
            state[0] = not state[0]
        if width in (1, 3):
            state[1] = not state[1]
    segment = text[pos:]
    if segment.strip():
        seen_text = True
        all_bold &= state[0]
        all_italic &= state[1]
    out.append(segment)
    return "".join(out), all_bold and seen_text, all_italic and seen_text


# --- plain text --------------------------------------------------------------------------


def read_text_lines(text: str) -> list[Line]:
    """Plain text: every non-blank physical line is a logical line."""
    lines: list[Line] = []
    state = [False, False]
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            state = [False, False]  # emphasis never spans a blank line
            continue
        body, bold, italic = _strip_emphasis(raw, state, single=False)
        body = clean(body)
        if body:
            lines.append(Line(body, bold=bold, italic=italic, source=number))
    return lines


# --- markdown ----------------------------------------------------------------------------

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s+|$)(.*?)(?:\s+#+\s*)?$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'<])")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?(?:u|b|i|strong|em|span|sup|sub|p|div)\b[^>]*>", re.IGNORECASE)
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_HR = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^ {0,3}>\s?")
_MD_BULLET = re.compile(r"^(\s*)\*\s+")  # "+" stays: Vietnamese documents use it for sub-items

_MARKDOWN_HINTS = re.compile(r"^ {0,3}#{1,6}\s+\S|\*\*\S|^\|.*\|\s*$|\\[.\-*]", re.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    """Headings, bold markers, pipe tables or escapes: the file is Markdown whatever its name
    (the 2026 seed is Markdown exported from Word, saved as .txt)."""
    return _MARKDOWN_HINTS.search(text) is not None


def _markdown_cells(raw: str) -> list[str]:
    """A pipe-table row becomes its cells; "<br>" inside a cell becomes a line break."""
    inner = raw.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    cells = re.split(r"(?<!\\)\|", inner)
    return [part for cell in cells for part in _BR.split(cell)]


def read_markdown_lines(text: str) -> list[Line]:
    """Markdown: heading levels and emphasis become attributes; the text is plain."""
    lines: list[Line] = []
    state = [False, False]
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or _HR.match(raw):
            state = [False, False]
            continue
        in_table = False
        stripped = raw.strip()
        if stripped.startswith("|") and stripped.endswith("|"):
            if _TABLE_RULE.match(stripped):
                continue
            pieces = _markdown_cells(stripped)
            in_table = True
        else:
            pieces = _BR.split(raw)
        for piece in pieces:
            level = 0
            # Each rewrite only when its marker is present: the reader is linear in the file.
            if ">" in piece:
                piece = _QUOTE.sub("", piece)
            if "#" in piece:
                heading = _HEADING.match(piece)
                if heading:
                    level = len(heading.group(1))
                    piece = heading.group(2)
            if "*" in piece:
                piece = _MD_BULLET.sub(r"\1- ", piece)
            piece = piece.rstrip()
            if piece.endswith("\\") and not piece.endswith("\\\\"):
                piece = piece[:-1]  # hard line break
            if "[" in piece:
                piece = _LINK.sub(r"\1", piece)
            if "<" in piece:
                piece = _TAG.sub("", piece)
            escaped = "\\" in piece
            if escaped:
                # Escaped markers ("1\.", "\*") are text: protected from the emphasis pass by
                # a placeholder, restored afterwards.
                piece = _ESCAPE.sub(lambda m: "\x00" + str(ord(m.group(1))) + "\x01", piece)
            body, bold, italic = _strip_emphasis(piece, state, single=True)
            if escaped:
                body = re.sub("\x00(\\d+)\x01", lambda m: chr(int(m.group(1))), body)
            body = clean(body)
            if body:
                lines.append(
                    Line(
                        body,
                        bold=bold,
                        italic=italic,
                        heading=level,
                        in_table=in_table,
                        source=number,
                    )
                )
        if in_table:
            state = [False, False]
    return lines
