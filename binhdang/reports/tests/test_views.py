"""The report cycle in the browser's requests: edit, conflict, submit, review, downloads."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from binhdang.reports.choices import ReportStatus
from binhdang.reports.models import ReportPeriod, UnitReport

from .factories import fill, open_period, staff_figures, submit

YEAR = dt.date.today().year
pytestmark = pytest.mark.django_db


@pytest.fixture
def period(tree):
    staff_figures(tree.school_a, YEAR)
    staff_figures(tree.school_b, YEAR, staff_total=40, staff_female=30)
    return open_period(tree.department, due=dt.date.today() + dt.timedelta(days=5))


def _report(period, unit) -> UnitReport:
    return UnitReport.objects.get(period=period, unit=unit)


def test_secretariat_opens_a_period_from_the_list(client, tree, people):
    client.force_login(people.secretariat)
    response = client.post(
        reverse("reports:period_create"),
        {"department": tree.department.code, "year": YEAR, "kind": "mid_year"},
    )
    period = ReportPeriod.objects.get(year=YEAR, kind="mid_year")
    assert response.url == reverse("reports:board", args=[period.pk])
    client.post(reverse("reports:period_open", args=[period.pk]))
    page = client.get(reverse("reports:board", args=[period.pk])).content.decode()
    assert "Trường THPT Ngô Quyền" in page and "Trường THPT Lê Quý Đôn" in page
    assert "Chưa nộp" in page and "Tỷ lệ đầy đủ" in page


def test_officer_saves_a_draft_and_a_stale_form_is_refused(client, tree, people, period):
    report = _report(period, tree.school_a)
    url = reverse("reports:report", args=[report.pk])
    client.force_login(people.officer_a)
    page = client.get(url).content.decode()
    assert "Kết quả đạt được" in page and 'name="t_STAFF" value="80"' in page
    form = {"version": report.version, "results": "Bản của Dave", "t_STAFF": "80", "f_STAFF": "55"}
    assert client.post(url, form).status_code == 302
    # Carol opened the same page before Dave saved: her save is refused, Dave's text stays.
    client.force_login(people.head_a)
    response = client.post(url, {**form, "results": "Bản của Carol"})
    assert response.status_code == 409
    assert "vừa được người khác cập nhật" in response.content.decode()
    assert UnitReport.objects.get(pk=report.pk).results == "Bản của Dave"


def test_validation_messages_in_vietnamese_and_nothing_saved(client, tree, people, period):
    report = _report(period, tree.school_a)
    client.force_login(people.officer_a)
    response = client.post(
        reverse("reports:report", args=[report.pk]),
        {
            "version": report.version,
            "results": "x",
            "t_STAFF": "50",
            "f_STAFF": "60",
            "r_STAFF": "Sửa",
        },
    )
    assert response.status_code == 422
    assert "Số nữ (60) không được lớn hơn tổng số (50)" in response.content.decode()
    assert UnitReport.objects.get(pk=report.pk).results == ""


def test_school_never_sees_another_schools_report(client, tree, people, period):
    report_b = _report(period, tree.school_b)
    client.force_login(people.officer_a)
    for name in ("reports:report", "reports:report_docx"):
        assert client.get(reverse(name, args=[report_b.pk])).status_code == 404
    board = client.get(reverse("reports:board", args=[period.pk])).content.decode()
    assert "Trường THPT Ngô Quyền" in board and "Lê Quý Đôn" not in board


def test_submit_return_with_field_comment_resubmit_shows_diff_accept(client, tree, people, period):
    report = fill(_report(period, tree.school_a), people.officer_a)
    client.force_login(people.head_a)
    client.post(reverse("reports:report_submit", args=[report.pk]), {"version": report.version})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and not report.is_late
    client.force_login(people.secretariat)
    client.post(
        reverse("reports:report_review", args=[report.pk]),
        {
            "version": report.version,
            "decision": "return",
            "comment": "Đề nghị bổ sung",
            "c_COMMENDATIONS": "Thiếu số khen thưởng",
        },
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    client.force_login(people.officer_a)
    page = client.get(reverse("reports:report", args=[report.pk])).content.decode()
    assert "Đề nghị bổ sung" in page and "Thiếu số khen thưởng" in page
    client.post(
        reverse("reports:report", args=[report.pk]),
        {
            "version": report.version,
            "results": report.results + " Bổ sung số liệu khen thưởng.",
            "t_COMMENDATIONS": "2",
        },
    )
    submit(report, people.head_a)
    client.force_login(people.secretariat)
    page = client.get(reverse("reports:report", args=[report.pk])).content.decode()
    assert "Thay đổi so với lần gửi trước" in page
    assert "Tập thể, cá nhân được khen thưởng" in page
    assert "<td>Kết quả đạt được</td>" in page  # the field's name as a heading, capitalised
    report.refresh_from_db()
    client.post(
        reverse("reports:report_review", args=[report.pk]),
        {"version": report.version, "decision": "accept"},
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
    # Locked: the officer sees no form any more and a save is refused.
    client.force_login(people.officer_a)
    page = client.get(reverse("reports:report", args=[report.pk])).content.decode()
    assert 'name="t_STAFF"' not in page
    response = client.post(
        reverse("reports:report", args=[report.pk]), {"version": report.version, "results": "x"}
    )
    assert response.status_code == 422
    # Downloads: the unit's report and the department's.
    docx = Document(
        io.BytesIO(client.get(reverse("reports:report_docx", args=[report.pk])).content)
    )
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "BÁO CÁO" in text and "KẾT QUẢ ĐẠT ĐƯỢC" in text
    client.force_login(people.secretariat)
    dept = client.get(reverse("reports:department_docx", args=[period.pk]))
    doc = Document(io.BytesIO(dept.content))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO" in body and "SỐ LIỆU TỔNG HỢP" in body
    table_text = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "Cán bộ, giáo viên, nhân viên" in table_text
    book = load_workbook(
        io.BytesIO(client.get(reverse("reports:department_xlsx", args=[period.pk])).content)
    )
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[1][0] == tree.school_a.code and len(rows) == 2  # only the accepted report


def test_remind_missing_button(
    client, tree, people, period, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(people.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:remind", args=[period.pk]), HTTP_HX_REQUEST="true")
    assert "Đã nhắc 2 đơn vị" in response.content.decode()
    assert {to for m in mailoutbox for to in m.to} >= {
        people.officer_a.email,
        people.officer_b.email,
    }
    response = client.post(reverse("reports:remind", args=[period.pk]), HTTP_HX_REQUEST="true")
    assert "Đã nhắc 0 đơn vị" in response.content.decode()  # once a day
    client.force_login(people.officer_a)
    assert "Sắp đến hạn" not in client.get(reverse("reports:notifications")).content.decode()
    assert "cần nộp" in client.get(reverse("reports:notifications")).content.decode()


def test_unread_count_in_the_top_bar(client, tree, people, period):
    from binhdang.reports.models import Notification

    Notification.objects.create(user=people.officer_a, text="Nhắc nộp báo cáo")
    Notification.objects.create(user=people.officer_a, text="Báo cáo bị trả lại")
    client.force_login(people.officer_a)
    page = client.get(reverse("reports:periods")).content.decode()
    assert reverse("reports:unread") in page  # the bar asks for the count after loading
    assert "2 thông báo chưa đọc" in client.get(reverse("reports:unread")).content.decode()
    client.post(reverse("reports:notifications"))
    assert "chưa đọc" not in client.get(reverse("reports:unread")).content.decode()
