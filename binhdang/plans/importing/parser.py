"""Logical lines → PlanDocument: header, type and title, legal bases, outline, closing.

The parser reads the document the way a clerk does: the header block until the type name
("KẾ HOẠCH"), the title under it, the "Căn cứ ..." bases and the introductory paragraph until
the first outline heading, the outline (Roman sections, numbered tasks, lettered items,
bullets, paragraphs) until "Nơi nhận" or the signature, then recipients and signer.
Headings are recognised by their label and its place in the sequence (I, II, III; 1, 2, 3),
never by Markdown heading level or font size, which real exports get wrong. A line the
parser cannot place is kept in `unplaced`.
"""

from __future__ import annotations

import datetime as dt
import re

from binhdang.plans.structure import Block, LegalBasis, PlanDocument, Section

from . import patterns as P
from .classify import Kind, classify, is_upper, join_continuations, strong
from .lines import Line

# --- the builder ---------------------------------------------------------------------------


def _closing_starts(line: Line, previous: Line | None) -> bool:
    text = line.text
    if P.RECIPIENTS.match(text):
        return True
    if len(text) > 80 or not is_upper(text):
        return False
    if P.AUTHORITY.match(text):
        return True
    ended = previous is not None and bool(P.DOCUMENT_END.search(previous.text))
    # "GIÁM ĐỐC" alone (signing in person): a short upper-case line naming a position.
    return bool(P.POSITION_WORDS.search(text)) and (line.in_table or ended or len(text) <= 40)


def _is_letter(label: str) -> bool:
    return len(label) == 1 and label.isalpha() and label.islower()


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 7 or any(ch.isdigit() for ch in text):
        return False
    if any(ch in text for ch in ":;/()"):
        return False
    return all(word[0].isupper() for word in words if word[0].isalpha())


class _Builder:
    def __init__(self, lines: list[Line]):
        self.lines = lines
        self.doc = PlanDocument(doc_type="")
        self.bodies: list[str] = []
        self.path: list[Section] = []
        self.roman_mode = False

    # header ----------------------------------------------------------------------------

    def _type_index(self) -> int | None:
        for index, line in enumerate(self.lines[:60]):
            if P.BASIS.match(line.text) or classify(line.text).kind == "roman":
                return None
            if P.DOC_TYPE.match(line.text):
                return index
        return None

    def _header_line(self, line: Line) -> bool:
        """Take a line of the header block; False when it is not one."""
        text = line.text
        doc = self.doc
        if P.NATIONAL_TITLE.match(text) or P.MOTTO.match(text) or P.SEPARATOR.match(text):
            return True
        match = P.NUMBER_LINE.match(text)
        if match and not doc.symbol:
            doc.number = re.sub(r"[^\dA-Za-z]", "", match.group("number"))
            doc.symbol = match.group("symbol").rstrip(".")
            return True
        match = P.PLACE_DATE.match(text)
        if match and not doc.place:
            doc.place = match.group("place").strip()
            doc.year = int(match.group("year"))
            if match.group("day") and match.group("month"):
                try:
                    doc.date = dt.date(doc.year, int(match.group("month")), int(match.group("day")))
                except ValueError:
                    doc.date = None
            return True
        match = P.SUBJECT.match(text)
        if match and not doc.title:
            doc.title = match.group("subject").strip()
            doc.doc_type = doc.doc_type or "CÔNG VĂN"
            return True
        if is_upper(text) and len(text) <= 120 and not P.DOC_TYPE.match(text):
            self.bodies.append(text)
            return True
        return False

    def _finish_header(self) -> None:
        if len(self.bodies) == 1:
            self.doc.issuing_body = self.bodies[0]
        elif self.bodies:
            self.doc.governing_body = self.bodies[0]
            self.doc.issuing_body = " ".join(self.bodies[1:])

    # outline ---------------------------------------------------------------------------

    def _open(self, section: Section, parent_depth: int) -> None:
        if parent_depth < 0:
            self.doc.sections.append(section)
            self.path = [section]
        else:
            self.path[parent_depth].children.append(section)
            self.path = [*self.path[: parent_depth + 1], section]

    @staticmethod
    def _next_number(siblings: list[Section]) -> int:
        numbers = [int(s.label) for s in siblings if s.label.isdigit()]
        return numbers[-1] + 1 if numbers else 1

    def _heading(self, kind: Kind, line: Line, following: Line | None) -> Section | None:
        """Open a section for a labelled line when its label fits the outline, else None."""
        bold = strong(line)
        ends_item = kind.rest.endswith((";", ","))
        if kind.kind == "roman":
            value = P.roman_value(kind.label) or 0
            tops = [P.roman_value(s.label) for s in self.doc.sections if P.roman_value(s.label)]
            expected = (tops[-1] + 1) if tops and self.roman_mode else 1
            if value == expected or (bold and not ends_item):
                self.roman_mode = True
                section = Section(kind.label, kind.rest)
                self._open(section, -1)
                return section
            return None
        if kind.kind == "number":
            if ends_item and not bold:
                return None
            number = int(kind.label)
            if self.roman_mode:
                if not self.path:
                    return None
                expected = self._next_number(self.path[0].children)
                depth = 0
            else:
                expected = self._next_number(self.doc.sections)
                depth = -1
            if number == expected or bold:
                section = Section(kind.label, kind.rest)
                self._open(section, depth)
                return section
            return None
        if kind.kind == "dotted":
            if ends_item and not bold:
                return None
            prefix, _, last = kind.label.rpartition(".")
            for depth, parent in enumerate(self.path):
                if parent.label != prefix:
                    continue
                taken = [c.label.rpartition(".")[2] for c in parent.children]
                numbers = [int(n) for n in taken if n.isdigit()]
                if int(last) == (numbers[-1] + 1 if numbers else 1) or bold:
                    section = Section(kind.label, kind.rest)
                    self._open(section, depth)
                    return section
            return None
        if kind.kind == "letter":
            if not self.path or (kind.rest.endswith((";", ".", ",")) and not bold):
                return None
            follows = following is not None and classify(following.text).kind in (
                "bullet",
                "text",
            )
            if not (bold or follows):
                return None
            # A lettered heading hangs under the deepest numbered or Roman section.
            depth = max(i for i, s in enumerate(self.path) if not _is_letter(s.label))
            section = Section(kind.label, kind.rest)
            self._open(section, depth)
            return section
        return None

    def _body_line(self, line: Line, following: Line | None) -> None:
        kind = classify(line.text)
        if kind.kind in ("roman", "number", "dotted", "letter") and self._heading(
            kind, line, following
        ):
            return
        if not self.path:
            self.doc.preamble.append(line.text)
            return
        if (
            kind.kind in ("letter", "paren")
            and len(self.path) > 1
            and _is_letter(self.path[-1].label)
        ):
            # "b) ...;" after the lettered heading "a)" is its sibling, not its content.
            self.path = self.path[:-1]
        current = self.path[-1]
        if kind.kind == "bullet":
            current.blocks.append(Block("bullet", kind.rest, kind.label))
        elif kind.kind in ("letter", "paren"):
            label = kind.label if kind.kind == "paren" else kind.label + ")"
            current.blocks.append(Block("letter", kind.rest, label))
        else:
            current.blocks.append(Block("paragraph", line.text))

    # closing ---------------------------------------------------------------------------

    def _closing(self, lines: list[Line]) -> None:
        doc = self.doc
        signer = doc.signer
        receiving = False
        for line in lines:
            text = line.text
            match = P.RECIPIENTS.match(text)
            if match:
                receiving = True
                rest = match.group("rest").strip()
                if rest:
                    doc.recipients.append(_recipient(rest))
                continue
            if P.STAMP.match(text) or P.SEPARATOR.match(text):
                continue
            if receiving and classify(text).kind == "bullet":
                doc.recipients.append(_recipient(text))
                continue
            upper = is_upper(text) and len(text) <= 80
            if upper and P.AUTHORITY.match(text) and not signer.authority and not signer.name:
                signer.authority = text
                receiving = False
                continue
            if (
                upper
                and not signer.position
                and not signer.name
                and (signer.authority or P.POSITION_WORDS.search(text))
            ):
                signer.position = text
                receiving = False
                continue
            if receiving and not signer.position:
                doc.recipients.append(_recipient(text))
                continue
            if (signer.position or signer.authority) and not signer.name and _looks_like_name(text):
                signer.name = text
                continue
            doc.unplaced.append(text)

    # everything ------------------------------------------------------------------------

    def build(self) -> PlanDocument:
        lines = self.lines
        doc = self.doc
        type_index = self._type_index()
        start = 0
        if type_index is not None:
            for line in lines[:type_index]:
                if not self._header_line(line):
                    doc.unplaced.append(line.text)
            doc.doc_type = P.DOC_TYPE.match(lines[type_index].text).group("type")
            start = type_index + 1
            title: list[str] = []
            while start < len(lines):
                line = lines[start]
                text = line.text
                if P.SEPARATOR.match(text):
                    start += 1
                    continue
                if P.BASIS.match(text) or P.CITATION_START.match(text):
                    break
                if classify(text).kind != "text" or _closing_starts(line, None):
                    break
                if title and not (strong(line) and strong(lines[start - 1])):
                    break
                if title and (P.TERMINAL.search(text) or len(text) > 250):
                    break
                title.append(text)
                start += 1
            if title:
                doc.title = " ".join(title)
        else:
            while start < len(lines) and self._header_line(lines[start]):
                start += 1
        self._finish_header()

        # Bases and preamble until the first heading of the outline.
        index = start
        while index < len(lines):
            line = lines[index]
            kind = classify(line.text)
            if (kind.kind == "roman" and kind.label == "I") or (
                kind.kind == "number" and kind.label == "1"
            ):
                break
            if _closing_starts(line, lines[index - 1] if index else None):
                break
            text = line.text
            # Some documents list their bases as bullets ("- Căn cứ ...").
            basis = kind.rest if kind.kind == "bullet" else text
            if P.BASIS.match(basis) or (
                P.CITATION_START.match(basis) and basis.rstrip().endswith((";", ".", ","))
            ):
                doc.legal_bases.append(LegalBasis(basis))
            elif not P.SEPARATOR.match(text):
                doc.preamble.append(text)
            index += 1

        # The outline until the recipients or the signature.
        while index < len(lines):
            line = lines[index]
            previous = lines[index - 1] if index else None
            if self.path and _closing_starts(line, previous):
                break
            following = lines[index + 1] if index + 1 < len(lines) else None
            self._body_line(line, following)
            index += 1
        self._closing(lines[index:])
        if doc.year is None:
            doc.year = _year_from(doc.title)
        return doc


def _recipient(text: str) -> str:
    kind = classify(text)
    if kind.kind == "bullet":
        text = kind.rest
    return text.rstrip(" ;.,").strip()


def _year_from(text: str) -> int | None:
    years = re.findall(r"\b(20\d\d|19\d\d)\b", text or "")
    return int(years[-1]) if years else None


def body_texts(doc: PlanDocument):
    """Every text of the body in reading order: preamble, then each section's title and
    blocks."""
    yield from doc.preamble
    for section in doc.walk():
        yield section.title
        for block in section.blocks:
            yield block.text


def parse_lines(lines: list[Line]) -> PlanDocument:
    """Structure of a plan from its logical lines (no citations, deadlines or checks)."""
    kept = [line for line in lines if line.text]
    return _Builder(join_continuations(kept)).build()
