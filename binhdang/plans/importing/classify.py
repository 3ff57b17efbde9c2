"""One line at a time: what a line starts (a heading, an item, a basis...) and whether it
merely continues the line before it (a paragraph or heading cut by a page break)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import patterns as P
from .lines import Line

# --- classification of one line ------------------------------------------------------------


@dataclass(slots=True)
class Kind:
    kind: str  # roman | number | dotted | paren | letter | bullet | text
    label: str
    rest: str


def classify(text: str) -> Kind:
    match = P.ROMAN.match(text)
    if match and P.roman_value(match.group("label")):
        return Kind("roman", match.group("label"), match.group("title").strip())
    match = P.NUMBERED.match(text) or P.NUMBERED_NO_DOT.match(text)
    if match:
        label = match.group("label")
        return Kind("dotted" if "." in label else "number", label, match.group("title").strip())
    match = P.NUMBERED_PAREN.match(text)
    if match:
        return Kind("paren", match.group("label") + ")", match.group("title").strip())
    match = P.LETTER.match(text)
    if match:
        return Kind("letter", match.group("label"), match.group("title").strip())
    match = P.BULLET.match(text)
    if match:
        mark = "+" if match.group("mark") == "+" else "-"
        return Kind("bullet", mark, match.group("text").strip())
    return Kind("text", "", text)


def strong(line: Line) -> bool:
    return line.bold or line.heading > 0


def is_upper(text: str) -> bool:
    """Has letters, all upper-case."""
    return text.upper() == text and text.lower() != text


def structural(text: str) -> bool:
    """A line that starts something new, so it never continues the previous one."""
    if classify(text).kind != "text":
        return True
    return bool(
        P.BASIS.match(text)
        or P.RECIPIENTS.match(text)
        or P.NUMBER_LINE.match(text)
        or P.PLACE_DATE.match(text)
        or P.DOC_TYPE.match(text)
        or P.NATIONAL_TITLE.match(text)
        or P.MOTTO.match(text)
        or P.STAMP.match(text)
        or (P.AUTHORITY.match(text) and is_upper(text))
    )


def continues(previous: Line, tail: str, line: Line) -> bool:
    """Is `line` the rest of `previous` (whose text ends with `tail`), cut in two by a page
    break or a wrapped heading?

    Yes when the previous line does not end a sentence or clause, both look alike (bold or
    not, in a table or not), the line starts nothing new, and it starts lower-case or the
    previous line ends on a word a clause cannot end on ("của", "các", "và" ...).
    """
    if previous.in_table != line.in_table or strong(previous) != strong(line):
        return False
    if P.TERMINAL.search(tail) or P.SEPARATOR.match(tail):
        return False
    text = line.text
    first = text[0]
    if first.islower():
        # Of the lines that start something new, only these can start lower-case.
        return not (P.LETTER.match(text) or P.STAMP.match(text) or P.RECIPIENTS.match(text))
    if not first.isalnum() or structural(text):
        return False
    if tail.rsplit(" ", 1)[-1].lower() in P.CONNECTIVES:
        return True
    # A long bold heading followed by a bold line that starts nothing: the heading wrapped
    # onto a second paragraph whose first letter Word capitalised.
    return (
        strong(line)
        and len(tail) >= 60
        and classify(previous.text).kind in ("roman", "number", "dotted", "letter")
    )


def join_continuations(lines: list[Line]) -> list[Line]:
    """The lines, each continuation appended to the line it continues."""
    heads: list[Line] = []
    parts: list[list[str]] = []  # joined once at the end: no quadratic string building
    for line in lines:
        if heads and continues(heads[-1], parts[-1][-1], line):
            parts[-1].append(line.text)
        else:
            heads.append(line)
            parts.append([line.text])
    return [
        head if len(texts) == 1 else replace(head, text=" ".join(texts))
        for head, texts in zip(heads, parts, strict=True)
    ]
