"""The header block's two lines, guessed from a document's symbol and place.

A plan file seldom carries the header block in a form the importer can read (both seeds
lack it), and inside the app the unit supplies it. A document rendered from a bare file on
the command line has no unit: the symbol ("KH-SGDĐT") says which kind of body issued it and
the place ("Hải Phòng") which province, which is all the Decree 30 header needs.
"""

from __future__ import annotations

# Provincial-level bodies by the last segment of their symbols (Decree 30, Appendix III).
_LOCAL_BODIES: dict[str, str] = {
    "SGDĐT": "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "SNV": "SỞ NỘI VỤ",
    "STC": "SỞ TÀI CHÍNH",
    "SYT": "SỞ Y TẾ",
    "UBND": "ỦY BAN NHÂN DÂN",
}

# Centrally-run cities since the 2025 reorganisation; every other place is a province.
_CITIES = {"hà nội", "hải phòng", "đà nẵng", "huế", "cần thơ", "hồ chí minh", "tp. hồ chí minh"}


def _province(place: str) -> str:
    place = place.strip()
    if not place:
        return ""
    kind = "THÀNH PHỐ" if place.casefold() in _CITIES else "TỈNH"
    name = place.upper().removeprefix("TP. ").removeprefix("THÀNH PHỐ ").removeprefix("TỈNH ")
    return f"{kind} {name}"


def guess_header(symbol: str, place: str) -> tuple[str, str]:
    """(governing body, issuing body) for a document of `symbol` issued at `place`.

    Empty strings where the symbol names no body this module knows: a blank header cell is
    better than a wrong authority on an official document."""
    code = symbol.rsplit("-", 1)[-1].strip() if "-" in symbol else ""
    body = _LOCAL_BODIES.get(code, "")
    province = _province(place)
    if not body or not province:
        return "", ""
    if code == "UBND":
        return "", f"{body} {province}"
    return f"UBND {province}", body
