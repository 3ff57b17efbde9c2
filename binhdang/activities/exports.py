"""Activity list and Action Month coverage as .xlsx and .csv, with Vietnamese headers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import IO

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .coverage import Coverage
from .models import Activity


def activity_headers() -> list[str]:
    return [
        _("STT"),
        _("Mã đơn vị"),
        _("Đơn vị"),
        _("Tên hoạt động"),
        _("Loại hoạt động"),
        _("Nhiệm vụ kế hoạch"),
        _("Ngày bắt đầu"),
        _("Ngày kết thúc"),
        _("Địa điểm"),
        _("Đối tượng"),
        _("CB, GV, NV nữ"),
        _("CB, GV, NV nam"),
        _("Học sinh nữ"),
        _("Học sinh nam"),
        _("Đối tượng khác nữ"),
        _("Đối tượng khác nam"),
        _("Tổng số nữ"),
        _("Tổng số nam"),
        _("Tổng số người tham gia"),
        _("Đơn vị phối hợp"),
        _("Tháng hành động"),
        _("Mô tả"),
    ]


DATE_COLUMNS = (6, 7)  # zero-based positions of the two dates


def task_label(activity: Activity) -> str:
    task = getattr(activity, "plan_task", None)
    if task is None:
        return ""
    parts = [getattr(task, "label", ""), getattr(task, "title", "")]
    return ". ".join(part for part in parts if part)


def activity_row(index: int, activity: Activity) -> list:
    return [
        index,
        activity.unit.code,
        activity.unit.name,
        activity.title,
        activity.get_activity_type_display(),
        task_label(activity),
        activity.start_date,
        activity.end_date,
        activity.place,
        "; ".join(activity.audience_labels()),
        activity.staff_female,
        activity.staff_male,
        activity.students_female,
        activity.students_male,
        activity.others_female,
        activity.others_male,
        activity.participants_female,
        activity.participants_male,
        activity.participants_total,
        activity.partners,
        _("Có") if activity.is_action_month else _("Không"),
        activity.description,
    ]


def _rows(activities: QuerySet[Activity]) -> Iterator[list]:
    for index, activity in enumerate(activities.iterator(chunk_size=2000), start=1):
        yield activity_row(index, activity)


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


def _header_cells(sheet, headers: Iterable[str]) -> list[WriteOnlyCell]:
    cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cells.append(cell)
    return cells


def _title_outside_the_grid(workbook: Workbook, sheet, title: str) -> None:
    """The title goes in the file's properties and the printed page header, not in a row:
    spreadsheet tools and automated checks read row 1 as the column headers."""
    workbook.properties.title = title
    # "&" starts a control code in Excel's header text; "&&" prints one ampersand.
    sheet.oddHeader.center.text = title.replace("&", "&&")
    sheet.print_title_rows = "1:1"  # the headers on every printed page


def write_activities_xlsx(activities: QuerySet[Activity], out: IO[bytes], *, title: str) -> int:
    """Write the activity list to `out`, the Vietnamese column headers in row 1 (frozen);
    returns the number of activities written."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Hoạt động"))
    widths = [6, 14, 34, 44, 28, 30, 13, 13, 24, 30] + [10] * 9 + [28, 12, 50]
    for position, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = width
    headers = activity_headers()
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}1"
    _title_outside_the_grid(workbook, sheet, title)
    sheet.append(_header_cells(sheet, headers))
    count = 0
    for row in _rows(activities):
        cells = []
        for position, value in enumerate(row):
            cell = WriteOnlyCell(sheet, value=value)
            if position in DATE_COLUMNS:
                cell.number_format = "DD/MM/YYYY"
            cells.append(cell)
        sheet.append(cells)
        count += 1
    workbook.save(out)
    return count


class _Echo:
    def write(self, value: str) -> str:
        return value


def iter_activities_csv(activities: QuerySet[Activity]) -> Iterator[bytes]:
    """CSV in UTF-8 with a byte-order mark, so Excel opens Vietnamese text correctly."""
    writer = csv.writer(_Echo())
    yield "\ufeff".encode()
    yield writer.writerow(activity_headers()).encode()
    for row in _rows(activities):
        for position in DATE_COLUMNS:
            row[position] = f"{row[position]:%d/%m/%Y}"
        yield writer.writerow(row).encode()


def coverage_xlsx(coverage: Coverage) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    summary.title = _("Tổng hợp")
    campaign = coverage.campaign
    _title_outside_the_grid(
        workbook,
        summary,
        _("Tháng hành động năm %(year)s — %(department)s")
        % {"year": campaign.year, "department": coverage.department.name},
    )
    summary.append([_("Nội dung"), _("Số liệu")])
    rows = [
        (_("Sở"), coverage.department.name),
        (_("Tên đợt"), campaign.title),
        (_("Chủ đề"), campaign.theme),
        (_("Từ ngày"), f"{campaign.start_date:%d/%m/%Y}"),
        (_("Đến ngày"), f"{campaign.end_date:%d/%m/%Y}"),
        (_("Số đơn vị"), coverage.units_total),
        (_("Số đơn vị có hoạt động"), coverage.units_covered),
        (_("Tỷ lệ (%)"), coverage.rate),
        (_("Số hoạt động"), coverage.activities),
        (_("Người tham gia nữ"), coverage.female),
        (_("Người tham gia nam"), coverage.male),
    ]
    for row in rows:
        summary.append(list(row))
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 60

    by_type = workbook.create_sheet(_("Theo loại hoạt động"))
    by_type.append([_("Loại hoạt động"), _("Số hoạt động"), _("Nữ"), _("Nam")])
    for row in coverage.by_type:
        by_type.append([row.label, row.activities, row.female, row.male])
    by_type.column_dimensions["A"].width = 48

    by_unit_type = workbook.create_sheet(_("Theo loại đơn vị"))
    by_unit_type.append(
        [
            _("Loại đơn vị"),
            _("Số đơn vị"),
            _("Có hoạt động"),
            _("Tỷ lệ (%)"),
            _("Số hoạt động"),
            _("Nữ"),
            _("Nam"),
        ]
    )
    for row in coverage.by_unit_type:
        by_unit_type.append(
            [row.label, row.units, row.covered, row.rate, row.activities, row.female, row.male]
        )
    by_unit_type.column_dimensions["A"].width = 32

    without = workbook.create_sheet(_("Đơn vị chưa có hoạt động"))
    without.append([_("Mã đơn vị"), _("Tên đơn vị")])
    for unit in coverage.units_without:
        without.append([unit.code, unit.name])
    without.column_dimensions["B"].width = 48
    for sheet in workbook.worksheets:
        sheet.freeze_panes = "A2"
        for cell in sheet[1]:
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
