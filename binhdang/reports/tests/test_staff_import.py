"""Staff figures: template, import, error report by row and column, all or nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from binhdang.reports.models import StaffFigures

from .factories import staff_figures

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _book(client, year=2026):
    response = client.get(reverse("reports:staff_template") + f"?year={year}")
    return load_workbook(io.BytesIO(response.content))


def _upload(client, book, year=2026):
    buffer = io.BytesIO()
    book.save(buffer)
    return client.post(
        reverse("reports:staff"),
        {"year": year, "file": SimpleUploadedFile("so-lieu.xlsx", buffer.getvalue(), XLSX)},
    )


def test_template_round_trip(client, tree, people):
    client.force_login(people.secretariat)
    book = _book(client)
    sheet = book.active
    codes = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert codes == [tree.school_a.code, tree.school_b.code]
    for row, values in zip(
        sheet.iter_rows(min_row=2), [(80, 50, 3, 2), (40, 30, 2, 0)], strict=True
    ):
        for cell, value in zip(row[2:6], values, strict=True):
            cell.value = value
    sheet.cell(row=2, column=7).value = "x"
    response = _upload(client, book)
    assert response.status_code == 302
    a = StaffFigures.objects.get(unit=tree.school_a, year=2026)
    assert (a.staff_total, a.staff_female, a.managers_female, a.head_is_female) == (80, 50, 2, True)


def test_bad_file_reports_row_and_column_and_writes_nothing(client, tree, people):
    client.force_login(people.secretariat)
    book = _book(client)
    sheet = book.active
    sheet.cell(row=2, column=3).value = 50
    sheet.cell(row=2, column=4).value = 60  # women > total
    sheet.cell(row=3, column=3).value = "bốn mươi"
    sheet.append(["KHONG-CO", "Đơn vị lạ"])
    response = _upload(client, book)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Số nữ (60) lớn hơn tổng số (50)" in page
    assert "<td>2</td><td>D</td>" in page
    assert "<td>3</td><td>C</td>" in page and "không phải số nguyên" in page
    assert "KHONG-CO" in page
    assert StaffFigures.objects.count() == 0


def test_school_cannot_import_another_schools_figures(client, tree, people):
    client.force_login(people.secretariat)
    book = _book(client)
    client.force_login(people.officer_b)
    for row in book.active.iter_rows(min_row=2):
        row[2].value, row[3].value = 10, 5
    response = _upload(client, book)
    assert response.status_code == 422
    assert "ngoài phạm vi" in response.content.decode()
    assert StaffFigures.objects.count() == 0


def test_not_an_excel_file(client, tree, people):
    client.force_login(people.secretariat)
    response = client.post(
        reverse("reports:staff"),
        {"year": 2026, "file": SimpleUploadedFile("so-lieu.xlsx", b"not a zip", XLSX)},
    )
    assert response.status_code == 422
    assert "không phải là tệp .xlsx hợp lệ" in response.content.decode()


def test_form_for_one_unit(client, tree, people):
    url = reverse("reports:staff_edit", args=[tree.school_a.pk, 2026])
    client.force_login(people.officer_a)
    base = {
        f"{k}_{s}": 0 for k in ("party", "succession", "appointments") for s in ("total", "female")
    }
    response = client.post(
        url,
        {**base, "staff_total": 10, "staff_female": 12, "managers_total": 11, "managers_female": 1},
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert "Số nữ (12) lớn hơn tổng số (10)." in page
    assert "Lớn hơn tổng số cán bộ, giáo viên, nhân viên." in page
    assert not StaffFigures.objects.exists()
    response = client.post(
        url,
        {**base, "staff_total": 90, "staff_female": 60, "managers_total": 3, "managers_female": 1},
    )
    assert response.status_code == 302
    assert StaffFigures.objects.get(unit=tree.school_a, year=2026).staff_female == 60
    client.force_login(people.officer_b)
    assert client.get(url).status_code == 404


def test_rows_left_blank_are_not_saved_as_zeros(client, tree, people):
    """The template lists every unit; the secretariat fills in one: only that one is saved,
    and a unit's earlier figures are not wiped by its blank row."""
    client.force_login(people.secretariat)
    staff_figures(tree.school_b, 2026, staff_total=40, staff_female=30)
    book = _book(client)
    sheet = book.active
    for cell in sheet[3][2:]:
        cell.value = None  # school B's row as if never filled in
    for cell, value in zip(sheet[2][2:6], (80, 50, 3, 2), strict=True):
        cell.value = value
    response = _upload(client, book)
    assert response.status_code == 302
    follow = client.get(response.url).content.decode()
    assert "Đã nhập số liệu cán bộ của 1 đơn vị." in follow
    assert StaffFigures.objects.get(unit=tree.school_a, year=2026).staff_total == 80
    assert StaffFigures.objects.get(unit=tree.school_b, year=2026).staff_total == 40


def test_a_template_uploaded_unfilled_is_refused(client, tree, people):
    client.force_login(people.secretariat)
    response = _upload(client, _book(client))
    assert response.status_code == 422
    assert "Tệp chưa có số liệu của đơn vị nào" in response.content.decode()
    assert not StaffFigures.objects.exists()
