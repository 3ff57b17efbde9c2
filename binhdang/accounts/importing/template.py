"""The downloadable .xlsx template for importing units."""

from __future__ import annotations

import io
from collections.abc import Iterable

from .columns import COLUMNS, REQUIRED


def build_template(
    *,
    type_labels: list[str],
    parents: Iterable[tuple[str, str]],
    instructions: list[str],
    example: list[str] | None = None,
) -> bytes:
    """A workbook: sheet "Đơn vị" with the header row (required columns marked) and a drop-down
    of unit types; sheet "Hướng dẫn" with the instructions, the types and the parent codes the
    user may use."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Đơn vị"
    sheet.append([header for _field, header in COLUMNS])
    required_fill = PatternFill("solid", fgColor="F8D7E6")
    for cell, (field_name, _header) in zip(sheet[1], COLUMNS, strict=True):
        cell.font = Font(bold=True)
        if field_name in REQUIRED:
            cell.fill = required_fill
    for letter, width in zip("ABCDEFGHI", (16, 42, 26, 20, 18, 18, 40, 16, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    if example:
        sheet.append(example)
    sheet.freeze_panes = "A2"

    guide = workbook.create_sheet("Hướng dẫn")
    guide.column_dimensions["A"].width = 24
    guide.column_dimensions["B"].width = 60
    for line in instructions:
        guide.append([line])
    guide.append([])
    guide.append(["Loại đơn vị"])
    guide.cell(row=guide.max_row, column=1).font = Font(bold=True)
    first_type_row = guide.max_row + 1
    for label in type_labels:
        guide.append([label])
    last_type_row = guide.max_row
    guide.append([])
    guide.append(["Mã đơn vị cấp trên", "Tên đơn vị"])
    for cell in guide[guide.max_row]:
        cell.font = Font(bold=True)
    for code, name in parents:
        guide.append([code, name])

    choices = f"'Hướng dẫn'!$A${first_type_row}:$A${last_type_row}"
    validation = DataValidation(type="list", formula1=choices, allow_blank=True)
    validation.error = "Chọn một loại đơn vị trong danh sách."
    sheet.add_data_validation(validation)
    validation.add("C2:C5001")

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
