"""Staff figures: the .xlsx template, and its import (row-and-column errors, all or nothing)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from binhdang.accounts.models import OrgUnit

from .models import StaffFigures

# (field, Vietnamese column heading)
COLUMNS: list[tuple[str, str]] = [
    ("staff_total", "Tổng số CB, GV, NV"),
    ("staff_female", "CB, GV, NV nữ"),
    ("managers_total", "Cán bộ quản lý"),
    ("managers_female", "Cán bộ quản lý nữ"),
    ("head_is_female", "Người đứng đầu là nữ (x)"),
    ("party_total", "Đảng viên"),
    ("party_female", "Đảng viên nữ"),
    ("succession_total", "Trong quy hoạch"),
    ("succession_female", "Nữ trong quy hoạch"),
    ("appointments_total", "Bổ nhiệm mới"),
    ("appointments_female", "Nữ được bổ nhiệm mới"),
]
PAIRS = ("staff", "managers", "party", "succession", "appointments")
HEADER = ["Mã đơn vị", "Tên đơn vị", *[label for _f, label in COLUMNS]]


@dataclass(frozen=True)
class CellError:
    row: int
    column: str
    message: str


def template_bytes(units: list[OrgUnit], year: int) -> bytes:
    existing = {f.unit_id: f for f in StaffFigures.objects.filter(unit__in=units, year=year)}
    book = Workbook()
    sheet = book.active
    sheet.title = f"So lieu can bo {year}"
    sheet.append(HEADER)
    for unit in units:
        figures = existing.get(unit.pk)
        row = [unit.code, unit.name]
        for field, _label in COLUMNS:
            value = getattr(figures, field) if figures else None
            if field == "head_is_female":
                value = "x" if value else ""
            row.append(value)
        sheet.append(row)
    for index in range(1, len(HEADER) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 18 if index > 2 else 30
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def validate_figures(values: dict) -> list[tuple[str, str]]:
    """(field, message) for each broken rule of one unit's figures."""
    problems = []
    for key in PAIRS:
        total, female = values.get(f"{key}_total") or 0, values.get(f"{key}_female") or 0
        if female > total:
            problems.append(
                (
                    f"{key}_female",
                    _("Số nữ (%(f)s) lớn hơn tổng số (%(t)s).") % {"f": female, "t": total},
                )
            )
    for key in ("managers", "party", "succession", "appointments"):
        if (values.get(f"{key}_total") or 0) > (values.get("staff_total") or 0):
            problems.append((f"{key}_total", _("Lớn hơn tổng số cán bộ, giáo viên, nhân viên.")))
    return problems


def parse(
    data: bytes, allowed_units: dict[str, OrgUnit]
) -> tuple[list[tuple[OrgUnit, dict]], list[CellError]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        return [], [CellError(0, "", _("Không đọc được tệp Excel; hãy dùng mẫu tải về."))]
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    if not rows or [str(c or "").strip() for c in rows[0][: len(HEADER)]] != HEADER:
        return [], [CellError(1, "A", _("Dòng tiêu đề không đúng mẫu; hãy tải mẫu mới."))]
    parsed: list[tuple[OrgUnit, dict]] = []
    errors: list[CellError] = []
    seen: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        if not row or all(c in (None, "") for c in row):
            continue
        code = str(row[0] or "").strip()
        unit = allowed_units.get(code)
        if unit is None:
            errors.append(
                CellError(
                    number,
                    "A",
                    _("Mã đơn vị “%(code)s” không có hoặc ngoài phạm vi của bạn.") % {"code": code},
                )
            )
            continue
        # A template row left as downloaded (code and name, no figures) is a unit not
        # reported in this file: skipped, not saved as zeros over whatever it has.
        if all(c in (None, "") for c in row[2 : len(HEADER)]):
            continue
        if code in seen:
            errors.append(
                CellError(number, "A", _("Đơn vị “%(code)s” xuất hiện hai lần.") % {"code": code})
            )
            continue
        seen.add(code)
        values: dict = {}
        letters: dict[str, str] = {}
        for index, (field, _label) in enumerate(COLUMNS, start=2):
            letter = get_column_letter(index + 1)
            letters[field] = letter
            cell = row[index] if index < len(row) else None
            if field == "head_is_female":
                values[field] = str(cell or "").strip().lower() in {"x", "1", "có", "co", "true"}
                continue
            if cell in (None, ""):
                values[field] = 0
                continue
            try:
                number_value = int(float(str(cell).replace(",", ".")))
                if number_value < 0 or float(str(cell).replace(",", ".")) != number_value:
                    raise ValueError
            except ValueError:
                errors.append(
                    CellError(
                        number, letter, _("“%(v)s” không phải số nguyên không âm.") % {"v": cell}
                    )
                )
                continue
            values[field] = number_value
        for field, message in validate_figures(values):
            errors.append(CellError(number, letters[field], message))
        parsed.append((unit, values))
    if not parsed and not errors:
        errors.append(
            CellError(0, "", _("Tệp chưa có số liệu của đơn vị nào; hãy điền vào mẫu rồi tải lên."))
        )
    return parsed, errors


@transaction.atomic
def save_all(rows: list[tuple[OrgUnit, dict]], year: int) -> int:
    for unit, values in rows:
        StaffFigures.objects.update_or_create(unit=unit, year=year, defaults=values)
    return len(rows)
