"""How wide a line of text prints, to size the short rules under the header lines.

The Decree asks for rules of a length relative to the text above them (the motto's rule as
long as the motto, the issuing body's a third to a half of it). Widths come from the font's
own metrics through Pillow when Times New Roman or its metric twin Liberation Serif is
installed, else from an average glyph width that is close enough for a rule.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_FONT_DIRS = (
    "/usr/share/fonts/truetype/msttcorefonts",
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/liberation",
    "/Library/Fonts",
    "C:/Windows/Fonts",
)
_FILES = {
    False: ("Times_New_Roman.ttf", "times.ttf", "LiberationSerif-Regular.ttf"),
    True: ("Times_New_Roman_Bold.ttf", "timesbd.ttf", "LiberationSerif-Bold.ttf"),
}
_SCALE = 20  # measure at 20× the size: Pillow rounds glyph advances to whole pixels
_CM_PER_PT = 2.54 / 72


@lru_cache(maxsize=4)
def _font(size_pt: float, bold: bool):
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover - pillow is a dependency
        return None
    for folder in _FONT_DIRS:
        for name in _FILES[bold]:
            path = Path(folder) / name
            if path.is_file():
                return ImageFont.truetype(str(path), round(size_pt * _SCALE))
    return None


@lru_cache(maxsize=256)
def text_width_cm(text: str, size_pt: float, bold: bool = False) -> float:
    font = _font(size_pt, bold)
    if font is not None:
        return font.getlength(text) / _SCALE * _CM_PER_PT
    upper = sum(1 for ch in text if ch.isupper())
    em = (len(text) - upper) * 0.45 + upper * 0.68  # Times: lower-case ~0.45 em, caps ~0.68
    return em * size_pt * _CM_PER_PT
