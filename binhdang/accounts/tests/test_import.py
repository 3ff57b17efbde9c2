"""Importing units from .xlsx/.csv: template, preview, all-or-nothing write, bad files."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from binhdang.accounts.importing.columns import COLUMNS
from binhdang.accounts.models import OrgUnit

HEADERS = [header for _field, header in COLUMNS]


def xlsx(rows, headers=HEADERS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def school(code, name="Trường THPT Mới", parent="SGDDT-HP", unit_type="Trường THPT", **extra):
    return [
        code,
        name,
        unit_type,
        parent,
        extra.get("district", "Hải An"),
        extra.get("commune", "Phường Đông Hải"),
        extra.get("address", "Số 1 Lê Hồng Phong"),
        extra.get("phone", "0225.3999000"),
        extra.get("email", "moi@haiphong.edu.vn"),
    ]


def upload(client, content: bytes, name="don-vi.xlsx"):
    return client.post(reverse("units:import"), {"file": SimpleUploadedFile(name, content)})


def page_of(response) -> str:
    return response.content.decode()


@pytest.fixture
def secretariat(client, people):
    client.force_login(people.secretariat)
    return client


def test_the_template_has_the_vietnamese_headers(secretariat, tree):
    response = secretariat.get(reverse("units:import_template"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    header = [cell.value for cell in workbook["Đơn vị"][1]]
    assert header == [
        "Mã đơn vị",
        "Tên đơn vị",
        "Loại đơn vị",
        "Mã đơn vị cấp trên",
        "Quận/huyện",
        "Xã/phường",
        "Địa chỉ",
        "Điện thoại",
        "Thư điện tử",
    ]
    guide = [row[0] for row in workbook["Hướng dẫn"].iter_rows(values_only=True)]
    assert "SGDDT-HP" in guide and "Trường THPT" in guide
    assert "SGDDT-QN" not in guide  # only parents in the secretariat's reach


def test_preview_then_confirm_creates_and_updates_in_one_go(secretariat, tree):
    content = xlsx(
        [
            school("HP-THPT-201", "Trường THPT Đông Hải"),
            school("HP-THPT-202", "Trường THPT Nam Hải", parent="HP-THPT-201"),
            school("HP-THPT-002", "Trường THPT Ngô Quyền", district="Ngô Quyền", email=""),
        ]
    )
    preview = page_of(upload(secretariat, content))
    assert "Xem trước" in preview and "Xác nhận nhập" in preview
    assert "2 tạo mới" in preview and "1 cập nhật" in preview
    assert not OrgUnit.objects.filter(code="HP-THPT-201").exists()  # nothing written yet

    token = preview.split('name="token" value="')[1].split('"')[0]
    response = secretariat.post(reverse("units:import_confirm"), {"token": token})
    assert response.status_code == 302
    east = OrgUnit.objects.get(code="HP-THPT-201")
    assert east.is_within(tree.department) and east.email == "moi@haiphong.edu.vn"
    assert OrgUnit.objects.get(code="HP-THPT-202").parent == east
    tree.school_a.refresh_from_db()
    assert tree.school_a.address == "Số 1 Lê Hồng Phong"
    assert tree.school_a.history.count() == 2  # the update is audited
    followed = secretariat.get(response["Location"]).content.decode()
    assert "Đã nhập xong: 2 đơn vị mới, 1 đơn vị được cập nhật." in followed


def test_an_excel_csv_with_bom_and_semicolons_imports(secretariat, tree):
    lines = [
        ";".join(HEADERS),
        ";".join(
            school(
                "HP-GDTX-050", "Trung tâm GDNN-GDTX Thủy Nguyên", unit_type="Trung tâm GDNN-GDTX"
            )
        ),
    ]
    content = "\r\n".join(lines).encode("utf-8-sig")
    preview = page_of(upload(secretariat, content, "don-vi.csv"))
    assert "1 tạo mới" in preview and "Trung tâm GDNN-GDTX Thủy Nguyên" in preview


def test_headers_match_without_diacritics(secretariat, tree):
    plain = ["ma don vi", "ten don vi", "loai don vi", "ma don vi cap tren"]
    preview = page_of(upload(secretariat, xlsx([school("HP-THPT-203")[:4]], headers=plain)))
    assert "1 tạo mới" in preview


def test_confirm_rechecks_and_writes_nothing_if_the_tree_changed(secretariat, tree):
    preview = page_of(upload(secretariat, xlsx([school("HP-THPT-204")])))
    token = preview.split('name="token" value="')[1].split('"')[0]
    OrgUnit.objects.create(
        code="HP-THPT-204",
        name="Có người tạo trước",
        unit_type="affiliated",
        parent=tree.other_department,
    )
    response = secretariat.post(reverse("units:import_confirm"), {"token": token})
    assert "ngoài phạm vi quản lý của bạn" in page_of(response)
    assert OrgUnit.objects.get(code="HP-THPT-204").name == "Có người tạo trước"


def _refused(client, content, name="don-vi.xlsx") -> str:
    before = OrgUnit.objects.count()
    page = page_of(upload(client, content, name))
    assert "chưa có gì được ghi" in page
    assert "Xác nhận nhập" not in page
    assert OrgUnit.objects.count() == before
    return page


def test_wrong_header_names_the_column(secretariat, tree):
    headers = ["Mã đơn vị", "Tên trường", "Loại đơn vị", "Mã đơn vị cấp trên"]
    page = _refused(secretariat, xlsx([school("HP-THPT-205")[:4]], headers=headers))
    assert "Dòng tiêu đề (dòng 1), cột B: “Tên trường” không phải là cột của mẫu." in page
    assert "thiếu cột “Tên đơn vị”" in page


def test_duplicate_code_within_the_file_names_both_rows(secretariat, tree):
    page = _refused(
        secretariat, xlsx([school("HP-THPT-206"), school("HP-THPT-207"), school("hp-thpt-206")])
    )
    assert "Dòng 4, cột A (Mã đơn vị): mã “HP-THPT-206” trùng với dòng 2 của tệp." in page
    assert OrgUnit.objects.filter(code="HP-THPT-207").count() == 0  # good rows not written


def test_unknown_parent_code_is_refused(secretariat, tree):
    page = _refused(secretariat, xlsx([school("HP-THPT-208", parent="KHONG-CO")]))
    assert (
        "Dòng 2, cột D (Mã đơn vị cấp trên): không có đơn vị mã “KHONG-CO” trong phạm vi quản lý"
        in page
    )


def test_parent_in_another_department_is_refused(secretariat, tree):
    page = _refused(secretariat, xlsx([school("HP-THPT-209", parent="SGDDT-QN")]))
    assert "không có đơn vị mã “SGDDT-QN” trong phạm vi quản lý của bạn" in page


def test_updating_a_unit_of_another_department_is_refused(secretariat, tree):
    page = _refused(secretariat, xlsx([school("QN-THPT-001", parent="SGDDT-HP")]))
    assert "mã “QN-THPT-001” đã được dùng cho một đơn vị ngoài phạm vi quản lý của bạn" in page
    tree.school_c.refresh_from_db()
    assert tree.school_c.name == "Trường THPT Hòn Gai"


def test_an_empty_file_is_refused(secretariat, tree):
    page = _refused(secretariat, b"")
    assert "Tệp “don-vi.xlsx” rỗng." in page


def test_a_file_with_only_the_header_is_refused(secretariat, tree):
    page = _refused(secretariat, xlsx([]))
    assert "Tệp chỉ có dòng tiêu đề, không có dòng đơn vị nào để nhập." in page


def test_an_empty_csv_sheet_is_refused(secretariat, tree):
    page = _refused(secretariat, b"\r\n\r\n", "don-vi.csv")
    assert "thiếu cả dòng tiêu đề" in page


def test_a_text_file_renamed_xlsx_is_refused(secretariat, tree):
    page = _refused(secretariat, "Mã đơn vị,Tên đơn vị\nA,B\n".encode())
    assert "Nội dung tệp “don-vi.xlsx” không phải là tệp .xlsx hợp lệ." in page


def test_a_word_document_renamed_xlsx_is_refused(secretariat, tree):
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    page = _refused(secretariat, buffer.getvalue())
    assert "Không đọc được tệp như một bảng tính Excel (.xlsx)." in page


def test_a_20_mb_file_is_refused_for_its_size(secretariat, tree):
    content = xlsx([school("HP-THPT-210")]) + b"\0" * (20 * 1024 * 1024)
    page = _refused(secretariat, content)
    assert "quá lớn" in page and "giới hạn là 10,0" in page


def test_an_invalid_email_names_row_and_column(secretariat, tree):
    page = _refused(secretariat, xlsx([school("HP-THPT-211", email="thpt@@haiphong")]))
    assert (
        "Dòng 2, cột I (Thư điện tử): “thpt@@haiphong” không phải là địa chỉ thư điện tử hợp lệ."
        in page
    )


def test_an_unknown_unit_type_lists_the_accepted_ones(secretariat, tree):
    page = _refused(secretariat, xlsx([school("HP-THPT-212", unit_type="Trường mầm non")]))
    assert (
        "Dòng 2, cột C (Loại đơn vị): loại đơn vị “Trường mầm non” không có trong danh mục" in page
    )
    assert "Trường THPT; Trung tâm GDNN-GDTX" in page


def test_missing_required_values_are_named(secretariat, tree):
    page = _refused(secretariat, xlsx([["HP-THPT-213", "", "Trường THPT", ""]]))
    assert "Dòng 2, cột B (Tên đơn vị): không được để trống." in page
    assert "Dòng 2, cột D (Mã đơn vị cấp trên): không được để trống." in page


def test_a_loop_of_new_parents_is_refused(secretariat, tree):
    page = _refused(
        secretariat, xlsx([school("HP-X-1", parent="HP-X-2"), school("HP-X-2", parent="HP-X-1")])
    )
    assert "tạo thành vòng lặp" in page


def test_only_organisers_may_import(client, people, tree):
    client.force_login(people.head_a)
    response = upload(client, xlsx([school("HP-THPT-214")]))
    assert response.status_code == 403
    assert not OrgUnit.objects.filter(code="HP-THPT-214").exists()
