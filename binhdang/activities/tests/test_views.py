import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from binhdang.activities import services
from binhdang.activities.choices import ActivityType
from binhdang.activities.models import Activity, Evidence
from binhdang.core.concurrency import STALE_MESSAGE

from .factories import ActivityFactory, png_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def log(tree):
    """A few activities of both schools of Hải Phòng and one of Quảng Ninh."""
    return {
        "talk": ActivityFactory(
            unit=tree.school_a,
            title="Tọa đàm “Phòng, chống bạo lực học đường”",
            activity_type=ActivityType.TALK,
            start_date=dt.date(2026, 11, 12),
        ),
        "contest": ActivityFactory(
            unit=tree.school_b,
            title="Hội thi tìm hiểu Luật Bình đẳng giới",
            activity_type=ActivityType.CONTEST,
            start_date=dt.date(2026, 11, 20),
            end_date=dt.date(2026, 11, 22),
        ),
        "spring": ActivityFactory(
            unit=tree.school_a,
            title="Tuyên truyền ngày Quốc tế Phụ nữ 8/3",
            start_date=dt.date(2026, 3, 6),
        ),
        "other_department": ActivityFactory(
            unit=tree.school_c, title="Ngoại khóa bình đẳng giới Hòn Gai"
        ),
    }


def titles(response) -> set[str]:
    return {activity.title for activity in response.context["page_obj"]}


def test_the_department_sees_all_its_schools_and_a_school_only_itself(client, people, log):
    client.force_login(people.secretariat)
    assert titles(client.get(reverse("activities:list"))) == {
        log["talk"].title,
        log["contest"].title,
        log["spring"].title,
    }
    client.force_login(people.officer_b)
    assert titles(client.get(reverse("activities:list"))) == {log["contest"].title}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"activity_type": "talk"}, {"talk"}),
        ({"date_from": "21/11/2026", "date_to": "30/11/2026"}, {"contest"}),  # overlaps 20–22/11
        ({"date_to": "31/03/2026"}, {"spring"}),
        ({"action_month": "on"}, {"talk", "contest"}),
        ({"q": "phòng, chống bạo lực"}, {"talk"}),
        ({"q": "phong chong bao luc"}, {"talk"}),
        ({"q": "LUAT binh dang"}, {"contest"}),
        ({"q": "Quốc tế Phụ nữ"}, {"spring"}),
        ({"year": 2025}, set()),
    ],
)
def test_filters_and_search_with_or_without_diacritics(client, tree, people, log, query, expected):
    client.force_login(people.leader)
    response = client.get(reverse("activities:list"), query)
    assert titles(response) == {log[key].title for key in expected}


def test_the_unit_filter_takes_a_unit_in_reach_only(client, tree, people, log):
    client.force_login(people.member)
    response = client.get(reverse("activities:list"), {"unit": tree.school_b.code})
    assert titles(response) == {log["contest"].title}
    # Another department's school is not a valid choice: that filter is ignored with a
    # notice naming it; the type still applies.
    response = client.get(
        reverse("activities:list"), {"unit": tree.school_c.code, "activity_type": "talk"}
    )
    assert "<strong>Đơn vị</strong>:" in response.content.decode()
    assert titles(response) == {log["talk"].title}


def test_a_mistyped_date_is_named_and_the_other_filters_still_apply(client, people, log):
    client.force_login(people.secretariat)
    query = {"date_from": "31/02/2026", "date_to": "30/11/2026", "activity_type": "contest"}
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get(reverse("activities:list"), query, headers=headers)
        page = response.content.decode()
        expected = "<strong>Từ ngày</strong>: Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2025."
        assert expected in page
        assert "Đến ngày</strong>" not in page
        assert titles(response) == {log["contest"].title}
    # The export follows the list: the valid filters, not everything.
    export = client.get(reverse("activities:export_csv"), query)
    lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and log["contest"].title in lines[1]


def test_htmx_gets_only_the_results(client, people, log):
    client.force_login(people.secretariat)
    response = client.get(
        reverse("activities:list"), {"activity_type": "contest"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "<html" not in page
    assert 'id="results"' in page
    assert "Hội thi tìm hiểu Luật Bình đẳng giới" in page


def test_the_list_pages_and_keeps_a_query_budget(
    client, tree, people, django_assert_max_num_queries
):
    for day in range(1, 61):
        unit = tree.school_a if day % 2 else tree.school_b
        ActivityFactory(unit=unit, start_date=dt.date(2026, 1, 1) + dt.timedelta(days=day))
    client.force_login(people.secretariat)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("activities:list"), {"page": 2})
    assert response.context["page_obj"].paginator.count == 60
    assert len(response.context["page_obj"]) == 25
    client.force_login(people.officer_a)
    with django_assert_max_num_queries(12):
        client.get(reverse("activities:calendar"), {"month": "2026-02"})


def activity_post(**overrides) -> dict:
    data = {
        "title": "Ngoại khóa “Tuổi trẻ nói không với bạo lực giới”",
        "activity_type": "experiential",
        "start_date": "14/11/2026",
        "end_date": "",
        "place": "Sân trường",
        "audiences": ["staff", "students"],
        "staff_total": 40,
        "staff_female": 28,
        "students_total": 600,
        "students_female": 310,
        "others_total": 0,
        "others_female": 0,
        "partners": "Đoàn Thanh niên",
        "description": "",
    }
    data.update(overrides)
    return data


def test_an_officer_logs_an_activity_in_the_form(client, tree, people):
    client.force_login(people.officer_a)
    response = client.post(reverse("activities:create"), activity_post(unit=tree.school_a.code))
    activity = Activity.objects.get()
    assert response.url == reverse("activities:detail", args=[activity.pk])
    assert (activity.staff_female, activity.staff_male) == (28, 12)
    assert (activity.students_female, activity.students_male) == (310, 290)
    assert activity.end_date == dt.date(2026, 11, 14)  # one-day activity
    assert activity.is_action_month
    page = client.get(response.url).content.decode()
    assert "14/11/2026" in page
    assert "Tháng hành động" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"students_total": 300, "students_female": 310},
            "Số nữ (310) lớn hơn tổng số người tham gia (300) của nhóm “Học sinh”: "
            "số liệu không khớp.",
        ),
        ({"start_date": "31/02/2026"}, "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2025."),
        (
            {"start_date": "20/11/2026", "end_date": "14/11/2026"},
            "Ngày kết thúc (14/11/2026) không được trước ngày bắt đầu (20/11/2026).",
        ),
        (
            {"start_date": "28/12/2025", "end_date": "03/01/2026"},
            "Hoạt động phải bắt đầu và kết thúc trong cùng một năm (2025)",
        ),
        (
            {"staff_total": 0, "staff_female": 0, "students_total": 0, "students_female": 0},
            "Hãy nhập số người tham gia (ít nhất một người).",
        ),
        (
            {"others_total": 25, "others_female": 20},
            "Có 25 người tham gia thuộc nhóm “Đối tượng khác (cha mẹ học sinh, cộng đồng)” "
            "nhưng đối tượng này chưa được chọn.",
        ),
    ],
)
def test_the_form_explains_bad_input_and_saves_nothing(client, tree, people, overrides, message):
    client.force_login(people.officer_a)
    response = client.post(
        reverse("activities:create"), activity_post(unit=tree.school_a.code, **overrides)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Activity.objects.exists()


def test_a_school_cannot_record_for_another_school(client, tree, people):
    client.force_login(people.officer_b)
    response = client.post(reverse("activities:create"), activity_post(unit=tree.school_a.code))
    assert response.status_code == 200
    assert not Activity.objects.exists()


def test_an_edit_over_someone_elses_newer_save_is_refused(client, tree, people, log):
    activity = log["talk"]
    client.force_login(people.officer_a)
    form_page = client.get(reverse("activities:edit", args=[activity.pk])).content.decode()
    assert 'value="12/11/2026"' in form_page
    services.activity_update(
        activity=activity, user=people.head_a, expected_version=1, place="Thư viện"
    )
    response = client.post(
        reverse("activities:edit", args=[activity.pk]),
        activity_post(title="Bản sửa cũ", start_date="12/11/2026", version=1),
    )
    assert STALE_MESSAGE in response.content.decode()
    activity.refresh_from_db()
    assert (activity.title, activity.place) == (log["talk"].title, "Thư viện")


def test_a_locked_activity_cannot_be_edited_or_deleted(client, tree, people, log, lock_registry):
    lock_registry(
        lambda unit, date: (
            "Báo cáo tổng kết năm 2026 đã được chấp nhận; không thể sửa."
            if date.year == 2026
            else None
        )
    )
    activity = log["talk"]
    client.force_login(people.officer_a)
    detail = client.get(reverse("activities:detail", args=[activity.pk])).content.decode()
    assert "Báo cáo tổng kết năm 2026 đã được chấp nhận; không thể sửa." in detail
    assert reverse("activities:edit", args=[activity.pk]) not in detail
    response = client.post(
        reverse("activities:edit", args=[activity.pk]),
        activity_post(start_date="12/11/2026", version=1),
    )
    assert "Báo cáo tổng kết năm 2026 đã được chấp nhận" in response.content.decode()
    response = client.post(reverse("activities:delete", args=[activity.pk]))
    assert "Báo cáo tổng kết năm 2026 đã được chấp nhận" in response.content.decode()
    assert Activity.objects.filter(pk=activity.pk, version=1).exists()


def test_evidence_upload_thumbnail_and_download(client, tree, people, log):
    activity = log["talk"]
    client.force_login(people.officer_a)
    response = client.post(
        reverse("activities:evidence_upload", args=[activity.pk]),
        {"file": png_upload("Ảnh tọa đàm.png")},
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    detail = client.get(reverse("activities:detail", args=[activity.pk])).content.decode()
    assert reverse("activities:evidence_thumbnail", args=[evidence.pk]) in detail
    assert "Ảnh tọa đàm.png" in detail

    download = client.get(reverse("activities:evidence_download", args=[evidence.pk]))
    assert download["Content-Type"] == "image/png"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content).startswith(b"\x89PNG")
    thumb = client.get(reverse("activities:evidence_thumbnail", args=[evidence.pk]))
    assert b"".join(thumb.streaming_content).startswith(b"\xff\xd8\xff")


def test_an_executable_renamed_jpg_is_refused_on_the_page(client, tree, people, log, settings):
    client.force_login(people.officer_a)
    fake = SimpleUploadedFile("anh-su-kien.jpg", b"MZ\x90\x00" + b"\x00" * 500)
    response = client.post(
        reverse("activities:evidence_upload", args=[log["talk"].pk]), {"file": fake}
    )
    assert response.status_code == 400
    assert "không phải là tệp .jpg hợp lệ" in response.content.decode()
    assert not Evidence.objects.exists()


def test_an_oversized_upload_is_refused_on_the_page(client, tree, people, log, settings):
    settings.EVIDENCE_MAX_BYTES = 2048
    client.force_login(people.officer_a)
    response = client.post(
        reverse("activities:evidence_upload", args=[log["talk"].pk]),
        {"file": png_upload(size=(900, 900))},
    )
    assert "quá lớn" in response.content.decode()
    assert not Evidence.objects.exists()


def test_the_calendar_places_activities_on_their_days(client, tree, people, log):
    client.force_login(people.secretariat)
    response = client.get(
        reverse("activities:calendar"),
        {"unit": tree.department.code, "month": "2026-11", "subtree": "1"},
    )
    weeks = response.context["grid"].weeks
    days = {day.date: [a.title for a in day.activities] for week in weeks for day in week}
    assert days[dt.date(2026, 11, 12)] == [log["talk"].title]
    assert days[dt.date(2026, 11, 21)] == [log["contest"].title]  # 20–22/11
    assert days[dt.date(2026, 11, 13)] == []
    page = response.content.decode()
    assert "month=2026-10" in page and "month=2026-12" in page
    # Without its subunits, the department's calendar holds its own activities only.
    own = client.get(
        reverse("activities:calendar"), {"unit": tree.department.code, "month": "2026-11"}
    )
    assert all(not day.activities for week in own.context["grid"].weeks for day in week)
    # A school cannot open another school's calendar.
    client.force_login(people.officer_a)
    assert (
        client.get(reverse("activities:calendar"), {"unit": tree.school_b.code}).status_code == 404
    )


def test_a_crowded_day_shows_four_and_links_to_the_rest(client, tree, people):
    for _ in range(6):
        ActivityFactory(unit=tree.school_a, start_date=dt.date(2026, 11, 9))
    client.force_login(people.officer_a)
    page = client.get(reverse("activities:calendar"), {"month": "2026-11"}).content.decode()
    assert page.count('class="event') == 4
    assert "+2 hoạt động khác" in page
    assert "date_from=09/11/2026&date_to=09/11/2026" in page


def test_the_xlsx_export_has_vietnamese_headers_and_the_filtered_rows(client, people, log):
    client.force_login(people.secretariat)
    response = client.get(reverse("activities:export_xlsx"), {"action_month": "on"})
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    rows = list(sheet.iter_rows(values_only=True))
    # Row 1 holds the headers (frozen); the title lives in the file's properties.
    headers = rows[0]
    assert headers[:5] == ("STT", "Mã đơn vị", "Đơn vị", "Tên hoạt động", "Loại hoạt động")
    assert "Tổng số nữ" in headers and "Tháng hành động" in headers
    assert sheet.freeze_panes == "A2"
    assert workbook.properties.title.startswith("Danh sách hoạt động")
    data = rows[1:]
    assert [row[3] for row in data] == [log["talk"].title, log["contest"].title]
    talk = dict(zip(headers, data[0], strict=True))
    assert talk["Ngày bắt đầu"].date() == dt.date(2026, 11, 12)
    assert (talk["Tổng số nữ"], talk["Tổng số nam"]) == (170, 150)
    assert talk["Loại hoạt động"] == "Tọa đàm, nói chuyện chuyên đề"


def test_the_csv_export_opens_in_excel_with_vietnamese(client, people, log):
    client.force_login(people.officer_b)
    response = client.get(reverse("activities:export_csv"))
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    lines = body.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("STT,Mã đơn vị,Đơn vị,Tên hoạt động")
    assert len(lines) == 2
    assert "Hội thi tìm hiểu Luật Bình đẳng giới" in lines[1]
    assert "20/11/2026,22/11/2026" in lines[1]


def test_the_export_command_writes_the_year(tmp_path, tree, log):
    out = tmp_path / "hoat-dong-2026.xlsx"
    call_command("export_activities", "--year", "2026", "--out", str(out))
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][1:4] == ("Mã đơn vị", "Đơn vị", "Tên hoạt động")
    assert len(rows) == 1 + 4
    call_command("export_activities", "--year", "2026", "--unit", "HP-THPT-002", "--out", str(out))
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert sorted(row[3] for row in rows[1:]) == sorted([log["talk"].title, log["spring"].title])


def test_a_wide_reach_types_the_unit_code_instead_of_a_long_list(
    client, tree, people, log, monkeypatch
):
    from binhdang.activities import forms

    monkeypatch.setattr(forms, "UNIT_SELECT_LIMIT", 2)
    client.force_login(people.admin)
    response = client.get(reverse("activities:list"), {"unit": "HP-THPT-004"})
    page = response.content.decode()
    assert '<input type="text" name="unit" value="HP-THPT-004"' in page
    assert titles(response) == {log["contest"].title}
