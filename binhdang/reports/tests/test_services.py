"""The report cycle through the services: open, pre-fill, save, submit, return, accept."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from binhdang.accounts.choices import Role, Sex
from binhdang.accounts.tests.factories import (
    CommitteeFactory,
    CommitteeMemberFactory,
    user_with_role,
)
from binhdang.activities.locks import lock_message
from binhdang.activities.tests.factories import ActivityFactory
from binhdang.core.concurrency import StaleEdit
from binhdang.reports import aggregate, periods, services
from binhdang.reports.choices import ReportStatus
from binhdang.reports.models import Indicator, Target, TargetResult, UnitReport
from binhdang.reports.selectors import board, diff_since_returned

from .factories import fill, open_period, staff_figures, submit

YEAR = dt.date.today().year
pytestmark = pytest.mark.django_db


def test_catalogue_and_targets_are_seeded():
    codes = set(Indicator.objects.values_list("code", flat=True))
    assert {"STAFF", "MANAGERS", "COMMITTEE", "PARTY", "SUCCESSION", "APPOINTMENTS"} <= codes
    assert {"ACTIVITIES", "PARTICIPANTS", "TRAININGS", "TRAINEES", "ACTION_MONTH"} <= codes
    assert {"CASES_VIOLENCE_RECEIVED", "CASES_VIOLENCE_HANDLED", "COMMENDATIONS"} <= codes
    values = dict(
        Target.objects.filter(code="NQ28_WOMEN_LEADER").values_list("target_year", "value")
    )
    assert values == {2025: 60, 2030: 75}
    assert Target.objects.get(code="QD1790_ACTION_MONTH").value == 100
    assert Target.objects.get(code="NQ28_WOMEN_LEADER", target_year=2025).source_document


def test_opening_creates_prefilled_drafts_for_every_unit(tree, people):
    staff_figures(tree.school_a, YEAR, staff_total=90, staff_female=60)
    ActivityFactory(
        unit=tree.school_a,
        start_date=dt.date(YEAR, 3, 8),
        end_date=dt.date(YEAR, 3, 8),
        activity_type="training",
        staff_female=10,
        staff_male=4,
        students_female=0,
        students_male=0,
        others_female=0,
        others_male=0,
    )
    ActivityFactory(
        unit=tree.school_a, start_date=dt.date(YEAR, 7, 1), end_date=dt.date(YEAR, 7, 1)
    )
    committee = CommitteeFactory(unit=tree.school_a)
    CommitteeMemberFactory(committee=committee, sex=Sex.FEMALE, start_date=dt.date(YEAR - 1, 1, 1))
    CommitteeMemberFactory(committee=committee, sex=Sex.MALE, start_date=dt.date(YEAR - 1, 1, 1))
    period = open_period(tree.department, due=dt.date(YEAR, 5, 28))
    reports = UnitReport.objects.filter(period=period)
    assert set(reports.values_list("unit", flat=True)) == {tree.school_a.pk, tree.school_b.pk}
    values = {v.indicator.code: v for v in reports.get(unit=tree.school_a).values.all()}
    assert (values["STAFF"].total, values["STAFF"].female) == (90, 60)
    # Only the activity in the window (01/01 - 28/05) counts.
    assert values["ACTIVITIES"].total == 1
    assert (values["TRAININGS"].total, values["TRAINEES"].total, values["TRAINEES"].female) == (
        1,
        14,
        10,
    )
    assert (values["COMMITTEE"].total, values["COMMITTEE"].female) == (2, 1)
    assert values["COMMENDATIONS"].total is None
    b_values = {v.indicator.code: v for v in reports.get(unit=tree.school_b).values.all()}
    assert b_values["STAFF"].total is None  # no staff figures yet
    # Opening again creates nothing twice.
    assert periods.period_open(period=period, user=None) == 0


def test_period_dates_come_from_the_issued_plan_or_the_usual_dates(tree):
    period = periods.period_create(department=tree.department, year=YEAR, kind="year_end")
    assert period.due_date == dt.date(YEAR, 12, 1)
    assert period.window_start == dt.date(YEAR, 1, 1)
    assert period.window_end == dt.date(YEAR, 12, 1)


def test_override_needs_a_reason_and_rules_hold(tree, people):
    staff_figures(tree.school_a, YEAR)
    period = open_period(tree.department)
    report = UnitReport.objects.get(period=period, unit=tree.school_a)
    with pytest.raises(ValidationError) as info:
        services.report_save(
            report=report,
            user=people.officer_a,
            expected_version=report.version,
            narrative={},
            values={"STAFF": (85, 55, "")},
        )
    assert "Hãy ghi lý do" in str(info.value)
    with pytest.raises(ValidationError) as info:
        services.report_save(
            report=report,
            user=people.officer_a,
            expected_version=report.version,
            narrative={},
            values={"STAFF": (85, 90, "Số liệu tháng 5"), "MANAGERS": (100, 1, "sai")},
        )
    text = str(info.value)
    assert "Số nữ (90) không được lớn hơn tổng số (85)" in text
    assert "không được lớn hơn “Cán bộ, giáo viên, nhân viên” (85)" in text
    report.refresh_from_db()
    assert report.version == 1
    assert report.values.get(indicator__code="STAFF").total == 80  # nothing written
    services.report_save(
        report=report,
        user=people.officer_a,
        expected_version=report.version,
        narrative={"results": "Kết quả"},
        values={"STAFF": (85, 57, "Tuyển thêm 5 giáo viên"), "COMMENDATIONS": (3, 2, "")},
    )
    value = report.values.get(indicator__code="STAFF")
    assert (value.total, value.female, value.prefilled_total) == (85, 57, 80)
    assert value.is_overridden and value.override_reason == "Tuyển thêm 5 giáo viên"


def test_stale_version_is_refused(tree, people):
    period = open_period(tree.department)
    report = UnitReport.objects.get(period=period, unit=tree.school_a)
    loaded = report.version
    services.report_save(
        report=report,
        user=people.officer_a,
        expected_version=loaded,
        narrative={"results": "Bản của Dave"},
        values={},
    )
    other = UnitReport.objects.get(pk=report.pk)
    with pytest.raises(StaleEdit):
        services.report_save(
            report=other,
            user=people.head_a,
            expected_version=loaded,
            narrative={"results": "Bản của Carol"},
            values={},
        )
    assert UnitReport.objects.get(pk=report.pk).results == "Bản của Dave"


def test_whole_cycle_on_time_late_return_resubmit_accept_lock_aggregate(tree, people):
    staff_figures(tree.school_a, YEAR, managers_female=1)
    staff_figures(tree.school_b, YEAR, managers_female=0)
    today = dt.date.today()
    period = open_period(tree.department, due=today + dt.timedelta(days=3))
    a = UnitReport.objects.get(period=period, unit=tree.school_a)
    b = UnitReport.objects.get(period=period, unit=tree.school_b)
    # An officer cannot submit; the head approves and submits.
    fill(a, people.officer_a)
    with pytest.raises(PermissionDenied):
        services.report_submit(report=a, user=people.officer_a, expected_version=a.version)
    a = submit(a, people.head_a)
    assert a.status == ReportStatus.SUBMITTED and not a.is_late
    # B is late: the due date passed.
    from binhdang.reports.models import ReportPeriod

    ReportPeriod.objects.filter(pk=period.pk).update(due_date=today - dt.timedelta(days=1))
    fill(b, people.officer_b)
    with pytest.raises(PermissionDenied):
        services.report_submit(report=b, user=people.officer_b, expected_version=b.version)
    head_b = user_with_role(Role.UNIT_HEAD, tree.school_b, username="head_b")
    b = submit(b, head_b)
    assert b.status == ReportStatus.SUBMITTED and b.is_late
    # Return A with a general and a field comment.
    services.report_return(
        report=a,
        user=people.secretariat,
        expected_version=a.version,
        comment="Bổ sung số liệu khen thưởng.",
        field_comments={"COMMENDATIONS": "Chưa có số liệu"},
    )
    a.refresh_from_db()
    assert a.status == ReportStatus.RETURNED
    assert a.comments.filter(field="COMMENDATIONS").exists()
    services.report_save(
        report=a,
        user=people.officer_a,
        expected_version=a.version,
        narrative={"results": "Đã tổ chức các hoạt động theo kế hoạch; thêm khen thưởng."},
        values={"COMMENDATIONS": (4, 3, "")},
    )
    a = submit(a, people.head_a)
    assert a.is_late  # resubmitted after the due date
    assert a.versions.count() == 2
    changes = {c["field"]: c for c in diff_since_returned(a)}
    assert set(changes) == {"results", "COMMENDATIONS"}
    assert changes["COMMENDATIONS"]["before"] == "—" and changes["COMMENDATIONS"][
        "after"
    ].startswith("4 / nữ 3")
    # Accept: locked for edits and for the activities in its window.
    services.report_accept(report=a, user=people.secretariat, expected_version=a.version)
    a.refresh_from_db()
    with pytest.raises(ValidationError):
        services.report_save(
            report=a, user=people.officer_a, expected_version=a.version, narrative={}, values={}
        )
    assert lock_message(tree.school_a, [period.window_start]) is not None
    assert lock_message(tree.school_b, [period.window_start]) is None
    # Board and aggregates.
    data = board(period, people.secretariat)
    assert (data.total, data.submitted, data.on_time) == (2, 2, 0)
    assert data.completeness == 100.0 and data.timeliness == 0.0
    assert {row.report.unit_id: row.state for row in data.rows} == {
        tree.school_a.pk: "late",
        tree.school_b.pk: "late",
    }
    totals = aggregate.totals([period])
    assert totals["COMMENDATIONS"] == (4, 3)
    assert totals["STAFF"] == (80, 55)  # only the accepted report counts
    results = {r.target_code: r for r in aggregate.target_results(period, record=True)}
    assert results["NQ28_WOMEN_LEADER"].numerator == 1
    assert results["NQ28_WOMEN_LEADER"].denominator == 2


def test_new_target_version_does_not_rewrite_a_past_result(tree, people):
    staff_figures(tree.school_a, 2025, managers_female=1)
    period = open_period(tree.department, year=2025)
    first = {r.target_code: r for r in aggregate.target_results(period, record=True)}
    old = first["NQ28_WOMEN_LEADER"]
    assert old.target_value == 60
    current = Target.objects.get(code="NQ28_WOMEN_LEADER", target_year=2025)
    Target.objects.create(
        code=current.code,
        version=2,
        name=current.name,
        scope=current.scope,
        source_reference=current.source_reference,
        metric=current.metric,
        target_year=2025,
        value=65,
        valid_from=dt.date(2025, 6, 1),
    )
    again = {r.target_code: r for r in aggregate.target_results(period, record=True)}
    assert again["NQ28_WOMEN_LEADER"].target_value == 60
    assert again["NQ28_WOMEN_LEADER"].target.version == 1
    assert TargetResult.objects.count() == 1  # the Action Month counts at year end only
