"""The whole reporting cycle on the demo data, through the pages' requests, as the demo's
people do it: the secretariat imports next year's staff figures from the template and opens
the mid-year period; two schools' reports come pre-filled; one is submitted on time, one
late; one is returned, corrected and resubmitted; both are accepted; the status board, the
aggregates and the department's report count them; reminders go out once."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from binhdang.accounts import demo as accounts_demo
from binhdang.accounts.models import User
from binhdang.reports import demo
from binhdang.reports.models import ReportPeriod, StaffFigures, UnitReport

pytestmark = pytest.mark.django_db
LQD, NQ = "HP-THPT-004", "HP-THPT-002"  # Lê Quý Đôn, Ngô Quyền


@pytest.fixture
def demo_people(db):
    accounts_demo.load()
    demo.load()
    return {name: User.objects.get(username=name) for name in _NAMES}


_NAMES = (
    "thuky.so",
    "canbo.lequydon",
    "hieutruong.lequydon",
    "canbo.ngoquyen",
    "hieutruong.ngoquyen",
)


def _board_row(page: str, school: str) -> str:
    """The status board's table row of the school named `Trường THPT <school>`."""
    return next(row for row in page.split("<tr")[1:] if f"Trường THPT {school}<" in row)


def _as(client, people, name):
    client.force_login(people[name])
    return client


def _staff_upload(client, year: int, edits: dict[str, list]) -> object:
    """Download the template, write `edits` (unit code -> the 11 figures) and upload it."""
    url = reverse("reports:staff")
    template = client.get(reverse("reports:staff_template") + f"?year={year}")
    book = load_workbook(io.BytesIO(template.content))
    sheet = book.active
    for row in sheet.iter_rows(min_row=2):
        if row[0].value in edits:
            for cell, value in zip(row[2:], edits[row[0].value], strict=True):
                cell.value = value
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = f"so-lieu-{year}.xlsx"
    return client.post(f"{url}?year={year}", {"year": year, "file": buffer})


def _submit(client, report: UnitReport):
    report.refresh_from_db()
    url = reverse("reports:report_submit", args=[report.pk])
    return client.post(url, {"version": report.version})


def _save(client, report: UnitReport, **fields):
    report.refresh_from_db()
    url = reverse("reports:report", args=[report.pk])
    return client.post(url, {"version": report.version, **fields})


def test_a_mid_year_cycle_on_the_demo_data(
    client, demo_people, mailoutbox, django_capture_on_commit_callbacks
):
    people = demo_people
    year = timezone.localdate().year + 1
    figures = {
        LQD: [90, 70, 4, 2, "x", 20, 12, 6, 4, 1, 1],
        NQ: [75, 52, 3, 0, "", 15, 8, 5, 2, 0, 0],
    }

    # A bad file first: more women than staff. The row and column are named; nothing saved.
    _as(client, people, "thuky.so")
    bad = _staff_upload(client, year, {LQD: [90, 95, *figures[LQD][2:]]})
    assert bad.status_code == 422
    assert "CB, GV, NV nữ" in bad.content.decode()
    assert not StaffFigures.objects.filter(year=year).exists()
    assert _staff_upload(client, year, figures).status_code == 302
    assert StaffFigures.objects.filter(year=year).count() == 2

    # The secretariat opens next year's mid-year period: due 28/5, every school a draft.
    response = client.post(
        reverse("reports:period_create"),
        {"department": "SGDDT-HP", "year": year, "kind": "mid_year"},
    )
    period = ReportPeriod.objects.get(department__code="SGDDT-HP", year=year, kind="mid_year")
    assert response.url == reverse("reports:board", args=[period.pk])
    client.post(reverse("reports:period_open", args=[period.pk]))
    period.refresh_from_db()
    assert period.due_date == dt.date(year, 5, 28) and period.status == "open"
    reports = {r.unit.code: r for r in UnitReport.objects.filter(period=period)}
    assert len(reports) > 90  # the demo's schools and centres
    lqd, nq = reports[LQD], reports[NQ]

    # Pre-filled from the staff figures just imported.
    _as(client, people, "canbo.lequydon")
    page = client.get(reverse("reports:report", args=[lqd.pk])).content.decode()
    assert 'name="t_STAFF" value="90"' in page and 'name="f_STAFF" value="70"' in page
    assert (
        _save(
            client, lqd, results="Đã triển khai kế hoạch năm của Sở.", t_STAFF="90", f_STAFF="70"
        ).status_code
        == 302
    )
    # The officer cannot submit; the head does, on time.
    assert _submit(client, lqd).status_code == 403
    _as(client, people, "hieutruong.lequydon")
    assert _submit(client, lqd).status_code == 302
    lqd.refresh_from_db()
    assert (lqd.status, lqd.is_late) == ("submitted", False)

    # The due date passes (the secretariat's period moved back to yesterday): Ngô Quyền late.
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    ReportPeriod.objects.filter(pk=period.pk).update(due_date=yesterday)
    _as(client, people, "canbo.ngoquyen")
    assert (
        _save(
            client, nq, results="Tổ chức tọa đàm về bình đẳng giới.", t_STAFF="75", f_STAFF="52"
        ).status_code
        == 302
    )
    _as(client, people, "hieutruong.ngoquyen")
    assert _submit(client, nq).status_code == 302
    nq.refresh_from_db()
    assert (nq.status, nq.is_late) == ("submitted", True)

    # Returned with a field comment; corrected; resubmitted; the reviewer sees what changed.
    _as(client, people, "thuky.so")
    lqd.refresh_from_db()
    client.post(
        reverse("reports:report_review", args=[lqd.pk]),
        {
            "decision": "return",
            "version": lqd.version,
            "comment": "Bổ sung số tập thể, cá nhân được khen thưởng.",
            "c_COMMENDATIONS": "Chưa có số liệu.",
        },
    )
    lqd.refresh_from_db()
    assert lqd.status == "returned"
    _as(client, people, "canbo.lequydon")
    page = client.get(reverse("reports:report", args=[lqd.pk])).content.decode()
    assert "Chưa có số liệu." in page
    assert (
        _save(
            client,
            lqd,
            results="Đã triển khai kế hoạch năm của Sở.",
            t_STAFF="90",
            f_STAFF="70",
            t_COMMENDATIONS="3",
            f_COMMENDATIONS="2",
        ).status_code
        == 302
    )
    _as(client, people, "hieutruong.lequydon")
    assert _submit(client, lqd).status_code == 302
    _as(client, people, "thuky.so")
    page = client.get(reverse("reports:report", args=[lqd.pk])).content.decode()
    assert "Thay đổi so với lần gửi trước" in page and "3 / nữ 2" in page
    for report in (lqd, nq):
        report.refresh_from_db()
        client.post(
            reverse("reports:report_review", args=[report.pk]),
            {"decision": "accept", "version": report.version},
        )
    assert set(
        UnitReport.objects.filter(period=period, status="accepted").values_list(
            "unit__code", flat=True
        )
    ) == {LQD, NQ}

    # The status board: both late (Lê Quý Đôn resubmitted after the due date), the rest
    # missing; the rates count them.
    board = client.get(reverse("reports:board", args=[period.pk])).content.decode()
    rows = {name: _board_row(board, name) for name in ("Lê Quý Đôn", "Ngô Quyền", "Thái Phiên")}
    assert "Muộn" in rows["Lê Quý Đôn"] and "Muộn" in rows["Ngô Quyền"]
    assert "Chưa nộp" in rows["Thái Phiên"]
    # The department's figures: only the two accepted reports, summed.
    rows = list(
        load_workbook(
            io.BytesIO(client.get(reverse("reports:department_xlsx", args=[period.pk])).content)
        ).active.iter_rows(values_only=True)
    )
    assert {row[0] for row in rows[1:]} == {LQD, NQ}
    out = io.StringIO()
    call_command(
        "department_report",
        "--year",
        str(year),
        "--period",
        "mid_year",
        "--out",
        "/dev/null",
        stdout=out,
    )
    assert "2 accepted" in out.getvalue()
    doc = Document(
        io.BytesIO(client.get(reverse("reports:department_docx", args=[period.pk])).content)
    )
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "165" in cells and "122" in cells  # staff 90 + 75, women 70 + 52

    # Reminders: the overdue schools are reminded once; a second run sends nothing.
    first, second = io.StringIO(), io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):  # mail leaves on commit
        call_command("send_reminders", stdout=first)
        call_command("send_reminders", stdout=second)
    assert first.getvalue().strip().splitlines()[-1] != "sent 0"
    assert second.getvalue().strip().splitlines()[-1] == "sent 0"
    overdue = [m for m in mailoutbox if "Quá hạn" in m.subject and str(year) in m.body]
    assert overdue and not any(
        address.startswith(("canbo.lequydon", "canbo.ngoquyen"))
        for m in overdue
        for address in m.to
    )
