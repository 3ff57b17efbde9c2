"""Committees: the department's overview with its flags, a unit's committee, and the
changes its editors make (decision, member, replacement, end of term)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from binhdang.accounts import services
from binhdang.accounts.choices import CommitteePosition, DecisionKind, Sex
from binhdang.accounts.models import CommitteeMember
from binhdang.accounts.tests.factories import committee_with_members as build

D = dt.date
DECIDED = D(2023, 3, 1)


@pytest.fixture
def committees(tree):
    full = build(tree.school_a)
    no_secretary = build(tree.school_b, posts=("head", "deputy", "member"))
    return full, no_secretary


def overview(client, **params):
    return client.get(reverse("units:committees"), params).content.decode()


def test_overview_lists_each_committee_with_counts_and_flags(client, people, tree, committees):
    client.force_login(people.secretariat)
    page = overview(client)
    row_a = page.split("Trường THPT Ngô Quyền")[1].split("</tr>")[0]
    assert "45/QĐ-TEST — 01/03/2023" in row_a
    assert '<td class="num">4</td>' in row_a and '<td class="num">2</td>' in row_a
    assert "Đủ chức danh" in row_a
    row_b = page.split("Trường THPT Lê Quý Đôn")[1].split("</tr>")[0]
    assert "Khuyết Thư ký" in row_b
    assert "1/2 Ban cần xử lý" in page


def test_a_member_leaving_after_the_latest_decision_flags_not_reformed(
    client, people, tree, committees
):
    (_committee, _decision, members), _other = committees
    services.member_end(member=members["member"], end_date=D(2025, 9, 1))
    client.force_login(people.secretariat)
    row_a = overview(client).split("Trường THPT Ngô Quyền")[1].split("</tr>")[0]
    assert "Chưa kiện toàn" in row_a and "Đủ chức danh" not in row_a


def test_a_newer_reform_decision_clears_the_not_reformed_flag(client, people, tree, committees):
    (committee, _decision, members), _other = committees
    services.member_end(member=members["member"], end_date=D(2025, 9, 1))
    services.committee_decision_record(
        committee=committee,
        number="99/QĐ-TEST",
        date=D(2025, 10, 1),
        signer="Hiệu trưởng",
        kind=DecisionKind.REFORM,
    )
    client.force_login(people.secretariat)
    row_a = overview(client).split("Trường THPT Ngô Quyền")[1].split("</tr>")[0]
    assert "Chưa kiện toàn" not in row_a and "99/QĐ-TEST" in row_a and "kiện toàn" in row_a


def test_the_problems_filter_shows_only_committees_with_problems(client, people, tree, committees):
    client.force_login(people.secretariat)
    page = overview(client, problems="1")
    results = page.split('id="results"')[1]
    assert "Trường THPT Lê Quý Đôn" in results and "Trường THPT Ngô Quyền" not in results


def test_a_school_sees_only_its_own_committee_in_the_overview(client, people, tree, committees):
    client.force_login(people.officer_a)
    page = overview(client)
    assert "Trường THPT Ngô Quyền" in page and "Lê Quý Đôn" not in page


def test_committee_page_shows_decisions_members_and_history(client, people, tree, committees):
    (_committee, _decision, members), _other = committees
    services.member_replace(
        member=members["secretary"],
        end_date=D(2025, 2, 1),
        full_name="Phạm Thị Kế Nhiệm",
        sex=Sex.FEMALE,
        job_title="Giáo viên Ngữ văn",
    )
    client.force_login(people.head_a)
    page = client.get(reverse("units:committee", args=[tree.school_a.pk])).content.decode()
    current = page.split('id="current"')[1].split('id="past"')[0]
    past = page.split('id="past"')[1]
    assert "45/QĐ-TEST" in page and "Hiệu trưởng" in page and "Thành lập" in page
    assert "Phạm Thị Kế Nhiệm" in current and "Giáo viên Ngữ văn" in current
    assert "Người số 2 HP-THPT-002" in past and "01/02/2025" in past
    assert "Phạm Thị Kế Nhiệm" in past  # shown as the successor
    assert "Chưa kiện toàn sau khi thôi giữ chức" in page


def test_the_officer_records_a_reform_decision(client, people, tree, committees):
    client.force_login(people.officer_a)
    response = client.post(
        reverse("units:decision_create", args=[tree.school_a.pk]),
        {"kind": "reform", "number": "77/QĐ-THPTNQ", "date": "15/10/2025", "signer": "Carol"},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "77/QĐ-THPTNQ" in page and "15/10/2025" in page and "Kiện toàn" in page


def test_a_decision_dated_in_the_future_is_refused(client, people, tree):
    client.force_login(people.officer_a)
    response = client.post(
        reverse("units:decision_create", args=[tree.school_a.pk]),
        {"kind": "establish", "number": "1/QĐ", "date": "01/01/2999", "signer": "Carol"},
    )
    assert "Ngày ban hành quyết định không được sau ngày hôm nay." in response.content.decode()


def test_adding_the_first_member_creates_the_committee(client, people, tree):
    client.force_login(people.officer_a)
    response = client.post(
        reverse("units:member_add", args=[tree.school_a.pk]),
        {
            "full_name": "Lê Thị Hồng Hạnh",
            "position": "head",
            "job_title": "Hiệu trưởng",
            "sex": "F",
            "field": "Chỉ đạo chung",
            "start_date": "05/09/2024",
        },
    )
    assert response.status_code == 302
    member = CommitteeMember.objects.get(full_name="Lê Thị Hồng Hạnh")
    assert member.committee.unit == tree.school_a and member.start_date == D(2024, 9, 5)


def test_a_second_current_head_is_refused(client, people, tree, committees):
    client.force_login(people.officer_a)
    response = client.post(
        reverse("units:member_add", args=[tree.school_a.pk]),
        {
            "full_name": "Trưởng ban thứ hai",
            "position": "head",
            "sex": "M",
            "start_date": "01/01/2025",
        },
    )
    page = response.content.decode()
    assert "Ban đã có Trưởng ban đương nhiệm: Người số 0 HP-THPT-002." in page
    assert not CommitteeMember.objects.filter(full_name="Trưởng ban thứ hai").exists()


def test_replacing_a_member_keeps_the_history(client, people, tree, committees):
    (_c, _d, members), _other = committees
    deputy = members["deputy"]
    client.force_login(people.officer_a)
    response = client.post(
        reverse("units:member_replace", args=[deputy.pk]),
        {
            "end_date": "01/09/2025",
            "full_name": "Đỗ Văn Mới",
            "sex": "M",
            "job_title": "Chủ tịch Công đoàn",
        },
    )
    assert response.status_code == 302
    deputy.refresh_from_db()
    successor = CommitteeMember.objects.get(full_name="Đỗ Văn Mới")
    assert deputy.end_date == D(2025, 9, 1)
    assert successor.replaces == deputy and successor.position == CommitteePosition.DEPUTY
    assert successor.start_date == D(2025, 9, 1) and successor.field == deputy.field


def test_replacing_with_a_date_before_the_start_is_refused(client, people, tree, committees):
    (_c, _d, members), _other = committees
    client.force_login(people.officer_a)
    response = client.post(
        reverse("units:member_replace", args=[members["deputy"].pk]),
        {"end_date": "01/01/2020", "full_name": "Quá Sớm", "sex": "M"},
    )
    assert (
        "Ngày kết thúc (01/01/2020) không được trước ngày bắt đầu (01/03/2023)."
        in response.content.decode()
    )
    assert not CommitteeMember.objects.filter(full_name="Quá Sớm").exists()


def test_ending_a_term_leaves_the_post_vacant(client, people, tree, committees):
    (_c, _d, members), _other = committees
    client.force_login(people.officer_a)
    response = client.post(
        reverse("units:member_end", args=[members["secretary"].pk]), {"end_date": "30/06/2025"}
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Khuyết Thư ký" in page


def test_ending_a_term_before_it_started_is_refused(client, people, tree, committees):
    (_c, _d, members), _other = committees
    client.force_login(people.officer_a)
    response = client.post(
        reverse("units:member_end", args=[members["member"].pk]), {"end_date": "01/01/2022"}
    )
    assert "không được trước ngày bắt đầu" in response.content.decode()
    members["member"].refresh_from_db()
    assert members["member"].end_date is None


def test_editing_a_member_uses_the_version(client, people, tree, committees):
    (_c, _d, members), _other = committees
    member = members["member"]
    client.force_login(people.officer_a)
    data = {
        "full_name": "Tên đã sửa",
        "position": "member",
        "sex": "F",
        "start_date": "01/03/2023",
        "version": member.version,
    }
    url = reverse("units:member_edit", args=[member.pk])
    assert client.post(url, data).status_code == 302
    stale = client.post(url, {**data, "full_name": "Ghi đè"})
    assert "vừa được người khác cập nhật" in stale.content.decode()
    member.refresh_from_db()
    assert member.full_name == "Tên đã sửa"


def test_service_refuses_a_second_secretary(tree, committees):
    (committee, _d, _m), _other = committees
    with pytest.raises(ValidationError) as caught:
        services.member_add(
            committee=committee,
            full_name="Thư ký thứ hai",
            position="secretary",
            sex="F",
            start_date=D(2024, 1, 1),
        )
    assert "Ban đã có Thư ký đương nhiệm" in str(caught.value)


def test_the_overview_keeps_a_query_budget(client, people, tree, django_assert_max_num_queries):
    from binhdang.accounts.tests.factories import OrgUnitFactory

    for index in range(30):
        build(OrgUnitFactory(parent=tree.department, name=f"Trường THPT Ngân Sách {index}"))
    client.force_login(people.secretariat)
    with django_assert_max_num_queries(13):
        page = overview(client)
    assert "Trường THPT Ngân Sách 29" in page


def test_a_date_field_explains_the_expected_format_in_vietnamese(client, people, tree):
    client.force_login(people.officer_a)
    url = reverse("units:decision_create", args=[tree.school_a.pk])
    form = client.get(url).content.decode()
    assert (
        'placeholder="ngày/tháng/năm"' in form
        and 'title="ngày/tháng/năm, ví dụ 05/09/2025"' in form
    )
    response = client.post(
        url, {"kind": "establish", "number": "1/QĐ", "date": "2025-13-45", "signer": "Carol"}
    )
    page = response.content.decode()
    assert "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2025." in page
    assert "dd/mm/yyyy" not in page
