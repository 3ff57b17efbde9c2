"""The organisation tree in the browser: list, search, tree branches, detail, create, edit."""

import pytest
from django.urls import reverse

from binhdang.accounts import services
from binhdang.accounts.choices import UnitType
from binhdang.accounts.models import OrgUnit
from binhdang.accounts.tests.factories import OrgUnitFactory


def _list(client, **params):
    return client.get(reverse("units:list"), params).content.decode()


def test_search_without_diacritics_finds_the_school(client, people, tree):
    client.force_login(people.secretariat)
    page = _list(client, q="ngo quyen")
    assert "Trường THPT Ngô Quyền" in page
    assert "Trường THPT Lê Quý Đôn" not in page.split('id="results"')[1]


def test_search_finds_le_quy_don_typed_plainly_or_with_marks(client, people, tree):
    client.force_login(people.secretariat)
    for typed in ("le quy don", "LÊ QUÝ ĐÔN", "Lê Quý Đôn"):
        results = _list(client, q=typed).split('id="results"')[1]
        assert "Trường THPT Lê Quý Đôn" in results, typed
        assert "Trường THPT Ngô Quyền" not in results


def test_search_never_shows_units_out_of_reach(client, people, tree):
    client.force_login(people.secretariat)
    results = _list(client, q="hon gai").split('id="results"')[1]
    assert "Hòn Gai" not in results
    assert "0 đơn vị" in results


def test_filters_by_type_and_district(client, people, tree):
    OrgUnitFactory(
        parent=tree.department,
        name="Trung tâm GDNN-GDTX Lê Chân",
        unit_type=UnitType.CONTINUING_EDUCATION,
        district="Lê Chân",
    )
    client.force_login(people.secretariat)
    results = _list(client, district="Lê Chân").split('id="results"')[1]
    assert "Trường THPT Lê Quý Đôn" in results and "Trung tâm GDNN-GDTX Lê Chân" in results
    results = _list(client, district="Lê Chân", unit_type="continuing_education").split(
        'id="results"'
    )[1]
    assert "Trung tâm GDNN-GDTX Lê Chân" in results
    assert "Trường THPT Lê Quý Đôn" not in results


def test_htmx_live_search_returns_only_the_results(client, people, tree):
    client.force_login(people.secretariat)
    response = client.get(reverse("units:list"), {"q": "ngo"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="results">')
    assert "Trường THPT Ngô Quyền" in page
    assert "<html" not in page


def test_list_is_paginated_by_fifty_in_name_order(client, people, tree):
    for index in range(60):
        OrgUnitFactory(parent=tree.department, name=f"Trường THPT Phân Trang {index:02d}")
    client.force_login(people.secretariat)
    first = _list(client, q="phan trang").split('id="results"')[1]
    assert "60 đơn vị" in first and "Trang 1/2" in first
    assert "Phân Trang 00" in first and "Phân Trang 49" in first and "Phân Trang 50" not in first
    second = _list(client, q="phan trang", page=2).split('id="results"')[1]
    assert "Phân Trang 59" in second and "Phân Trang 00" not in second


def test_tree_groups_children_by_type_with_counts(client, people, tree):
    OrgUnitFactory(
        parent=tree.department,
        name="Trung tâm GDNN-GDTX An Dương",
        unit_type=UnitType.CONTINUING_EDUCATION,
    )
    client.force_login(people.secretariat)
    page = client.get(reverse("units:tree", args=[tree.department.pk])).content.decode()
    assert "Trường THPT" in page and '<span class="badge">2</span>' in page
    assert "Trung tâm GDNN-GDTX" in page and '<span class="badge">1</span>' in page
    assert "Trường THPT Ngô Quyền" in page


def test_the_school_officer_sees_only_her_school_in_the_list(client, people, tree):
    client.force_login(people.officer_a)
    page = _list(client)
    assert "Trường THPT Ngô Quyền" in page
    assert "Lê Quý Đôn" not in page and "Hòn Gai" not in page


def test_detail_shows_contact_committee_and_people_to_the_department(client, people, tree):
    school = tree.school_a
    school.address, school.phone, school.email = "Số 5 Lạch Tray", "0225.3846012", "nq@hp.vn"
    school.save()
    client.force_login(people.secretariat)
    page = client.get(reverse("units:detail", args=[school.pk])).content.decode()
    for text in ("HP-THPT-002", "Số 5 Lạch Tray", "0225.3846012", "nq@hp.vn", "Dave Cán Bộ"):
        assert text in page
    assert "Lịch sử thay đổi" in page
    assert reverse("units:edit", args=[school.pk]) in page


def test_viewer_sees_the_unit_but_no_personal_data(client, people, tree):
    committee = services.committee_ensure(unit=tree.school_a)
    services.member_add(
        committee=committee,
        full_name="Nguyễn Thị Bí Mật",
        position="head",
        sex="F",
        start_date=__import__("datetime").date(2024, 1, 2),
    )
    client.force_login(people.viewer)
    page = client.get(reverse("units:detail", args=[tree.school_a.pk])).content.decode()
    assert "Trường THPT Ngô Quyền" in page and "HP-THPT-002" in page
    assert "1 thành viên đương nhiệm" in page
    assert "Nguyễn Thị Bí Mật" not in page
    assert "Dave Cán Bộ" not in page and "Carol" not in page
    assert "Lịch sử thay đổi" not in page
    assert reverse("units:committee", args=[tree.school_a.pk]) not in page


def test_the_school_head_sees_colleagues_but_not_the_history(client, people, tree):
    client.force_login(people.head_a)
    page = client.get(reverse("units:detail", args=[tree.school_a.pk])).content.decode()
    assert "Dave Cán Bộ" in page
    assert "Lịch sử thay đổi" not in page
    assert reverse("units:edit", args=[tree.school_a.pk]) not in page


def test_secretariat_creates_a_school_under_the_department(client, people, tree):
    client.force_login(people.secretariat)
    response = client.post(
        reverse("units:create"),
        {
            "code": "hp-thpt-150",
            "name": "Trường THPT Hải Phòng Mới",
            "unit_type": UnitType.UPPER_SECONDARY,
            "parent": tree.department.code,
            "district": "Hải An",
            "email": "moi@haiphong.edu.vn",
            "is_active": "on",
        },
    )
    unit = OrgUnit.objects.get(code="HP-THPT-150")
    assert response.status_code == 302
    assert response["Location"] == reverse("units:detail", args=[unit.pk])
    assert unit.is_within(tree.department) and unit.search_text.startswith("hp-thpt-150")


def test_secretariat_cannot_hang_a_unit_under_another_department(client, people, tree):
    client.force_login(people.secretariat)
    response = client.post(
        reverse("units:create"),
        {
            "code": "X-1",
            "name": "Trường lạc chỗ",
            "unit_type": UnitType.UPPER_SECONDARY,
            "parent": tree.other_department.code,
        },
    )
    assert response.status_code == 200
    assert "Không có đơn vị mã “SGDDT-QN” trong phạm vi của bạn." in response.content.decode()
    assert not OrgUnit.objects.filter(code="X-1").exists()


def test_secretariat_cannot_create_a_department(client, people, tree):
    client.force_login(people.secretariat)
    response = client.post(
        reverse("units:create"),
        {
            "code": "SGDDT-X",
            "name": "Sở mới",
            "unit_type": UnitType.DEPARTMENT,
            "parent": tree.department.code,
        },
    )
    assert "Chỉ quản trị hệ thống mới tạo được đơn vị loại này." in response.content.decode()
    assert not OrgUnit.objects.filter(code="SGDDT-X").exists()


def _edit_data(unit, **changes):
    data = {
        "code": unit.code,
        "name": unit.name,
        "short_name": unit.short_name,
        "unit_type": unit.unit_type,
        "district": unit.district,
        "commune": unit.commune,
        "address": unit.address,
        "phone": unit.phone,
        "email": unit.email,
        "is_active": "on",
        "version": unit.version,
    }
    if unit.parent_id:
        data["parent"] = unit.parent.code
    data.update(changes)
    return data


def test_editing_records_the_change_in_the_history(client, people, tree):
    client.force_login(people.secretariat)
    school = tree.school_a
    response = client.post(
        reverse("units:edit", args=[school.pk]),
        _edit_data(school, address="Số 9 Đà Nẵng", commune="Phường Gia Viên"),
    )
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.address == "Số 9 Đà Nẵng" and school.version == 2
    assert "phuong gia vien" in school.search_text
    page = client.get(reverse("units:detail", args=[school.pk])).content.decode()
    assert "Số 9 Đà Nẵng" in page and "Alice Thư Ký" in page


def test_two_people_editing_the_same_unit_do_not_overwrite_each_other(client, people, tree):
    client.force_login(people.secretariat)
    school = tree.school_a
    stale = _edit_data(school, address="Bản của người thứ hai")
    client.post(reverse("units:edit", args=[school.pk]), _edit_data(school, address="Bản đầu"))
    response = client.post(reverse("units:edit", args=[school.pk]), stale)
    assert response.status_code == 200
    assert "vừa được người khác cập nhật" in response.content.decode()
    school.refresh_from_db()
    assert school.address == "Bản đầu"


def test_moving_a_school_between_units_of_the_department(client, people, tree):
    annex = OrgUnitFactory(parent=tree.department, code="HP-TT-900", name="Trung tâm X")
    client.force_login(people.secretariat)
    response = client.post(
        reverse("units:edit", args=[tree.school_b.pk]),
        _edit_data(tree.school_b, parent=annex.code),
    )
    assert response.status_code == 302
    tree.school_b.refresh_from_db()
    assert tree.school_b.parent == annex and tree.school_b.path.startswith(annex.path)
    page = client.get(reverse("units:detail", args=[tree.school_b.pk])).content.decode()
    history = page.split('id="history"')[1]
    assert "đơn vị cấp trên: Sở Giáo dục và Đào tạo Hải Phòng → Trung tâm X" in history


def test_list_pages_keep_a_query_budget(client, people, tree, django_assert_max_num_queries):
    for index in range(30):
        OrgUnitFactory(parent=tree.department, name=f"Trường THPT Ngân Sách {index}")
    client.force_login(people.secretariat)
    with django_assert_max_num_queries(15):
        client.get(reverse("units:list"))
    with django_assert_max_num_queries(15):
        client.get(reverse("units:list"), {"q": "ngan sach"}, HTTP_HX_REQUEST="true")


def test_the_department_itself_keeps_its_place_for_the_secretariat(client, people, tree):
    client.force_login(people.secretariat)
    department = tree.department
    page = client.get(reverse("units:edit", args=[department.pk])).content.decode()
    assert "không đổi được cấp trên" in page
    data = _edit_data(department, phone="0225.3842648")
    data.pop("parent")
    assert client.post(reverse("units:edit", args=[department.pk]), data).status_code == 302
    department.refresh_from_db()
    assert department.phone == "0225.3842648" and department.parent == tree.ministry


def test_a_code_already_used_is_named(client, people, tree):
    client.force_login(people.secretariat)
    response = client.post(
        reverse("units:create"),
        {
            "code": "hp-thpt-004",
            "name": "Trường trùng mã",
            "unit_type": UnitType.UPPER_SECONDARY,
            "parent": tree.department.code,
        },
    )
    assert "Mã đơn vị này đã được dùng." in response.content.decode()
    assert not OrgUnit.objects.filter(name="Trường trùng mã").exists()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Trường THPT Ngô Quyền", "THPTNQ"),
        ("Trung tâm GDNN-GDTX huyện An Lão", "TTGDNN-GDTXHAL"),
        ("Trường Phổ thông Nội trú Đồ Sơn", "PTNTĐS"),
        ("Sở Giáo dục và Đào tạo Hải Phòng", "SGDĐT"),
        ("Bộ Giáo dục và Đào tạo", "BGDĐT"),
        ("Trung tâm Ngoại ngữ và Tin học", "TTNNTH"),
    ],
)
def test_a_units_symbol_code_is_written_as_its_documents_write_it(name, code):
    assert OrgUnit(name=name, code="X-1").symbol_code() == code
