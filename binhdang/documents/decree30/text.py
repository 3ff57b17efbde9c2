"""Text that goes into an official document: formatted spans, outline labels, numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph with its own formatting (for redlines and emphasis)."""

    text: str
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    strike: bool | None = None
    color: str | None = None  # "C00000"
    highlight: str | None = None  # "YELLOW", a WD_COLOR_INDEX name


TextLike = str | Span | Sequence[str | Span]


def label_text(label: str) -> str:
    """ "I" → "I.", "1" → "1.", "1.2" → "1.2.", "a" → "a)"; a label with its mark stays."""
    label = label.strip()
    if not label or label[-1] in ".)":
        return label
    if len(label) == 1 and label.isalpha() and label.islower():
        return label + ")"
    return label + "."


def format_number(value: float | int) -> str:
    """Vietnamese number format: 1.234 and 12,5."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, fraction = f"{value:,.2f}".partition(".")
    fraction = fraction.rstrip("0")
    whole = whole.replace(",", ".")
    return whole + ("," + fraction if fraction else "")
