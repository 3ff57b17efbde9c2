"""Vietnamese administrative documents per Decree 30/2020/NĐ-CP (plain Python, python-docx).

Used by the plan renderer, unit plans, reports and the plan comparison document.
"""

from .document import OfficialDocument
from .layout import DEFAULT_LAYOUT, MOTTO, NATIONAL_TITLE, Layout, number_line, place_date_line
from .text import Span, format_number

__all__ = [
    "DEFAULT_LAYOUT",
    "MOTTO",
    "NATIONAL_TITLE",
    "Layout",
    "OfficialDocument",
    "Span",
    "format_number",
    "number_line",
    "place_date_line",
]
