"""The header lines guessed for a bare plan file rendered on the command line."""

from __future__ import annotations

import pytest

from binhdang.documents.decree30.bodies import guess_header


@pytest.mark.parametrize(
    ("symbol", "place", "expected"),
    [
        ("KH-SGDĐT", "Hải Phòng", ("UBND THÀNH PHỐ HẢI PHÒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")),
        ("KH-SGDĐT", "Nghệ An", ("UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")),
        ("KH-UBND", "Hải Phòng", ("", "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG")),
        # A body this module does not know, or no place: blank rather than a wrong authority.
        ("KH-THPTNQ", "Hải Phòng", ("", "")),
        ("KH-SGDĐT", "", ("", "")),
        ("", "Hải Phòng", ("", "")),
    ],
)
def test_guess_header(symbol, place, expected):
    assert guess_header(symbol, place) == expected
