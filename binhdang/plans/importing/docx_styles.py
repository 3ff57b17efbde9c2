"""Word styles and automatic numbering, as the .docx reader needs them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_W = "{" + W + "}"

_FALSE = {"0", "false", "off", "none"}


@functools.cache
def qname(tag: str) -> str:
    return _W + tag


def val(element, tag: str) -> str | None:
    child = element.find(qname(tag)) if element is not None else None
    if child is None:
        return None
    return child.get(qname("val"))


def flag(element, tag: str) -> bool | None:
    """Word's toggle properties: <w:b/> is on, <w:b w:val="0"/> is off, absent is unknown."""
    if element is None:
        return None
    child = element.find(qname(tag))
    if child is None:
        return None
    return (child.get(qname("val")) or "true").lower() not in _FALSE


# --- styles ------------------------------------------------------------------------------


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    bold: bool | None = None
    outline: int | None = None
    num_id: str | None = None
    ilvl: int = 0


class Styles:
    """Paragraph and character styles, read lazily: a document uses a handful of the
    hundreds of styles a Word template defines."""

    def __init__(self, root):
        self.elements: dict[str, object] = {}
        self.by_id: dict[str, _Style | None] = {}
        if root is not None:
            style_id = qname("styleId")
            for element in root.iterchildren(qname("style")):
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
    ppr = element.find(qname("pPr"))
    num_pr = ppr.find(qname("numPr")) if ppr is not None else None
    outline = val(ppr, "outlineLvl")
    return _Style(
        name=val(element, "name") or "",
        based_on=val(element, "basedOn"),
        bold=flag(element.find(qname("rPr")), "b"),
        outline=int(outline) if outline and outline.isdigit() and int(outline) < 9 else None,
        num_id=val(num_pr, "numId") if num_pr is not None else None,
        ilvl=int(val(num_pr, "ilvl") or 0) if num_pr is not None else 0,
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


class Numbering:
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
        for element in root.iterchildren(qname("abstractNum")):
            levels = {}
            for lvl in element.iterchildren(qname("lvl")):
                start = val(lvl, "start")
                levels[int(lvl.get(qname("ilvl"), "0"))] = _Level(
                    fmt=val(lvl, "numFmt") or "decimal",
                    text=val(lvl, "lvlText") or "",
                    start=int(start) if start and start.lstrip("-").isdigit() else 1,
                )
            self.abstract[element.get(qname("abstractNumId"), "")] = levels
        for element in root.iterchildren(qname("num")):
            overrides = {}
            for override in element.iterchildren(qname("lvlOverride")):
                start = val(override, "startOverride")
                if start and start.isdigit():
                    overrides[int(override.get(qname("ilvl"), "0"))] = int(start)
            abstract_id = val(element, "abstractNumId") or ""
            self.instances[element.get(qname("numId"), "")] = (abstract_id, overrides)

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
