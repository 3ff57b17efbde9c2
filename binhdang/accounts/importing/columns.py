"""The columns of the unit import file, in the order of the downloadable template."""

from __future__ import annotations

from binhdang.core.text import fold

# (field, Vietnamese header as printed in the template)
COLUMNS: list[tuple[str, str]] = [
    ("code", "Mã đơn vị"),
    ("name", "Tên đơn vị"),
    ("unit_type", "Loại đơn vị"),
    ("parent_code", "Mã đơn vị cấp trên"),
    ("district", "Quận/huyện"),
    ("commune", "Xã/phường"),
    ("address", "Địa chỉ"),
    ("phone", "Điện thoại"),
    ("email", "Thư điện tử"),
]
REQUIRED = ("code", "name", "unit_type", "parent_code")
HEADER_OF = dict(COLUMNS)
# Headers are matched without diacritics, case or extra spaces: "ma don vi" == "Mã đơn vị".
FIELD_OF_FOLDED = {fold(header): field for field, header in COLUMNS}
FIELD_OF_FOLDED.update({field: field for field, _header in COLUMNS})


def column_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA" (as Excel names columns)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
