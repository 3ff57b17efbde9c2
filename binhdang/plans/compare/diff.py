"""Word-level redline of two texts (difflib), and the "year-only" test.

Ops are `{"op": "equal"|"insert"|"delete"|"replace", "old": str, "new": str}`; a replace op
that only swaps the plan's year carries `"year": True` so that a reader can dim it and let
the real edits stand out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Any

from binhdang.core.text import fold

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_SPACES = re.compile(r"\s+")
# A run this short (or only spaces and punctuation) between two edits is folded into them,
# so that "a b c" -> "x y z" reads as one replacement rather than a comb of tiny ones.
_SHORT_EQUAL = 2


def normalise(text: str) -> str:
    """Comparison key: NFC, one space between words, no leading/trailing spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def fold_key(text: str) -> str:
    """Looser key for aligning items: no diacritics, lower case, no punctuation."""
    return " ".join(re.findall(r"\w+", fold(text)))


def mask_years(text: str, years: Iterable[int]) -> str:
    years = [str(y) for y in years if y]
    if not years:
        return normalise(text)
    return re.sub(r"(?<!\d)(?:" + "|".join(years) + r")(?!\d)", "YYYY", normalise(text))


def is_year_only(old: str, new: str, years: Iterable[int]) -> bool:
    """True when the two texts differ, and only by the plan years in `years`."""
    years = list(years)
    return normalise(old) != normalise(new) and mask_years(old, years) == mask_years(new, years)


def _is_filler(text: str) -> bool:
    return not re.search(r"\w", text) or len(text.strip()) <= _SHORT_EQUAL


def word_ops(old: str, new: str, years: Iterable[int] = ()) -> list[dict[str, Any]]:
    """Word-level ops turning `old` into `new` (both normalised first)."""
    old, new = normalise(old), normalise(new)
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    ops = [
        [tag, "".join(a[i1:i2]), "".join(b[j1:j2])] for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    merged = True
    while merged:
        merged = False
        for i in range(1, len(ops) - 1):
            before, mid, after = ops[i - 1], ops[i], ops[i + 1]
            if mid[0] == "equal" and before[0] != "equal" and after[0] != "equal":
                if _is_filler(mid[1]):
                    ops[i - 1 : i + 2] = [
                        ["replace", before[1] + mid[1] + after[1], before[2] + mid[2] + after[2]]
                    ]
                    merged = True
                    break
        if not merged:  # two adjacent edits (left by a merge) become one
            for i in range(len(ops) - 1):
                if ops[i][0] != "equal" and ops[i + 1][0] != "equal":
                    ops[i : i + 2] = [
                        ["replace", ops[i][1] + ops[i + 1][1], ops[i][2] + ops[i + 1][2]]
                    ]
                    merged = True
                    break
    years = list(years)
    result = []
    for tag, o, n in ops:
        if tag != "equal":
            tag = "replace" if o and n else ("delete" if o else "insert")
        op: dict[str, Any] = {"op": tag, "old": o, "new": n}
        if tag == "replace" and years and is_year_only(o, n, years):
            op["year"] = True
        result.append(op)
    return result


def segments(ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flat runs for rendering: `{"kind": "equal"|"delete"|"insert", "text", "year"}`.

    A replace becomes a delete followed by an insert, which is how a redline reads.
    """
    runs = []
    for op in ops:
        year = bool(op.get("year"))
        if op["op"] == "equal":
            runs.append({"kind": "equal", "text": op["old"], "year": False})
            continue
        if op["old"]:
            runs.append({"kind": "delete", "text": op["old"], "year": year})
        if op["new"]:
            runs.append({"kind": "insert", "text": op["new"], "year": year})
    return runs


def text_change(old_loc, new_loc, old_text, new_text, years) -> dict[str, Any]:
    """One changed text with its places (Location or None) in both plans, and its redline."""
    return {
        "where": (new_loc or old_loc).label(),
        "old_location": old_loc.to_json() if old_loc else None,
        "new_location": new_loc.to_json() if new_loc else None,
        "old": old_text,
        "new": new_text,
        "ops": word_ops(old_text, new_text, years),
        "year_only": is_year_only(old_text, new_text, years),
    }
