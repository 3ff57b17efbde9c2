"""Targets: every registry metric computed on a small data set, target versions, the entry
form's refusals, and the targets page showing achieved against target."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse
from docx import Document

from binhdang.accounts.choices import Sex
from binhdang.accounts.tests.factories import (
    CommitteeFactory,
    CommitteeMemberFactory,
    OrgUnitFactory,
)
from binhdang.activities.choices import ActivityType
from binhdang.activities.tests.factories import ActivityFactory
from binhdang.reports import aggregate, services
from binhdang.reports.catalogue import METRICS
from binhdang.reports.documents import department_report
from binhdang.reports.models import Target, TargetResult, UnitReport
from binhdang.reports.targets import target_progress

from .factories import open_period, staff_figures

pytestmark = pytest.mark.django_db
YEAR = 2025
NO_STUDENTS = {"students_female": 0, "students_male": 0}


def _report(period, unit, user, approver, *, values: dict, accept: bool = True) -> UnitReport:
    report = UnitReport.objects.get(period=period, unit=unit)
    services.report_save(
        report=report,
        user=user,
        expected_version=report.version,
        narrative={"results": "Đã thực hiện theo kế hoạch."},
        values={code: (total, female, "") for code, (total, female) in values.items()},
    )
    report.refresh_from_db()
    services.report_submit(report=report, user=approver, expected_version=report.version)
    report.refresh_from_db()
    if accept:
        services.report_accept(report=report, user=approver, expected_version=report.version)
    return report


@pytest.fixture
def sector(tree, people):
    """Schools A and B report (accepted); school D has staff figures but its report stays a
    draft; school C belongs to another department and never counts."""
    school_d = OrgUnitFactory(
        code="HP-THPT-009", name="Trường THPT Thái Phiên", parent=tree.department
    )
    staff_figures(
        tree.school_a,
        YEAR,
        staff_total=80,
        staff_female=55,
        managers_total=3,
        managers_female=1,
        head_is_female=True,
        party_total=30,
        party_female=20,
        succession_total=6,
        succession_female=4,
        appointments_total=1,
        appointments_female=1,
    )
    staff_figures(
        tree.school_b,
        YEAR,
        staff_total=40,
        staff_female=20,
        managers_total=2,
        managers_female=0,
        head_is_female=False,
        party_total=10,
        party_female=2,
        succession_total=4,
        succession_female=1,
        appointments_total=2,
        appointments_female=0,
    )
    staff_figures(school_d, YEAR, managers_female=2, head_is_female=True)
    staff_figures(tree.school_c, YEAR, managers_female=3, head_is_female=True)
    day = dt.date(YEAR, 3, 8)
    ActivityFactory(
        unit=tree.school_a,
        start_date=day,
        activity_type=ActivityType.TRAINING,
        staff_female=10,
        staff_male=4,
        **NO_STUDENTS,
    )
    ActivityFactory(unit=tree.school_a, start_date=dt.date(YEAR, 11, 10), is_action_month=True)
    ActivityFactory(unit=tree.school_b, start_date=day, is_action_month=False)
    ActivityFactory(unit=tree.school_c, start_date=day, activity_type=ActivityType.TRAINING)
    committee_a = CommitteeFactory(unit=tree.school_a)
    for sex in (Sex.FEMALE, Sex.MALE):
        CommitteeMemberFactory(committee=committee_a, sex=sex, start_date=dt.date(YEAR - 1, 1, 1))
    CommitteeMemberFactory(
        committee=CommitteeFactory(unit=tree.school_b),
        sex=Sex.MALE,
        start_date=dt.date(YEAR - 1, 1, 1),
    )
    year_end = open_period(tree.department, year=YEAR, kind="year_end")
    mid_year = open_period(tree.department, year=YEAR, kind="mid_year")
    for period in (year_end, mid_year):
        _report(
            period,
            tree.school_a,
            people.officer_a,
            people.leader,
            values={"CASES_VIOLENCE_RECEIVED": (4, None), "CASES_VIOLENCE_HANDLED": (3, None)},
        )
        _report(
            period,
            tree.school_b,
            people.officer_b,
            people.leader,
            values={"CASES_HARASSMENT_RECEIVED": (2, None), "CASES_HARASSMENT_HANDLED": (2, None)},
        )
    return SimpleNamespace(year_end=year_end, mid_year=mid_year, school_d=school_d)


# Known answers: staff metrics count A, B and D's staff figures; report metrics A and B's
# accepted year-end reports (D's is a draft); nothing of school C.
EXPECTED = {
    "units_with_woman_leader_pct": (2, 3, "66.7"),
    "units_with_female_head_pct": (2, 3, "66.7"),
    "units_with_action_month_pct": (1, 2, "50.0"),
    "units_with_activities_pct": (2, 2, "100.0"),
    "units_with_training_pct": (1, 2, "50.0"),
    "units_with_committee_pct": (2, 2, "100.0"),
    "women_staff_pct": (75, 120, "62.5"),
    "women_managers_pct": (1, 5, "20.0"),
    "women_succession_pct": (5, 10, "50.0"),
    "women_appointments_pct": (1, 3, "33.3"),
    "women_party_pct": (22, 40, "55.0"),
    "women_committee_pct": (1, 3, "33.3"),
    "women_trainees_pct": (10, 14, "71.4"),
    "cases_handled_pct": (5, 6, "83.3"),
}


def test_every_registry_metric_has_a_known_answer(tree, sector):
    assert set(EXPECTED) == {metric.key for metric in METRICS}
    rates = aggregate.metric_rates(
        EXPECTED, year=YEAR, period=sector.year_end, paths=[tree.department.path]
    )
    found = {
        key: (rate.numerator, rate.denominator, str(Decimal(str(rate.percent))))
        for key, rate in rates.items()
    }
    assert found == EXPECTED


def test_metrics_count_only_accepted_reports_and_the_viewers_reach(tree, people, sector):
    UnitReport.objects.filter(period=sector.year_end, unit=tree.school_b).update(status="submitted")
    rates = aggregate.metric_rates(
        ["women_staff_pct", "units_with_woman_leader_pct"],
        year=YEAR,
        period=sector.year_end,
        paths=[tree.department.path],
    )
    assert (rates["women_staff_pct"].numerator, rates["women_staff_pct"].denominator) == (55, 80)
    only_a = aggregate.metric_rates(
        ["units_with_woman_leader_pct"], year=YEAR, period=None, paths=[tree.school_a.path]
    )
    assert only_a["units_with_woman_leader_pct"].denominator == 1


def _post_target(client, **overrides):
    data = {
        "code": "KH383_WOMEN_MANAGERS",
        "target_year": YEAR,
        "value": "30",
        "scope": "ministry",
        "metric": "women_managers_pct",
        "name": "Tỷ lệ nữ cán bộ quản lý (số do Thường trực nhập từ văn bản)",
        "source_reference": "Quyết định số 383/QĐ-BGDĐT",
        **overrides,
    }
    return client.post(reverse("reports:targets"), data)


def test_an_entered_target_is_compared_and_a_new_version_keeps_the_recorded_result(
    client, tree, people, sector
):
    client.force_login(people.secretariat)
    assert _post_target(client).status_code == 302
    first = Target.objects.get(code="KH383_WOMEN_MANAGERS")
    assert (first.version, first.value, first.entered_by) == (1, 30, people.secretariat)
    recorded = {r.target_code: r for r in aggregate.target_results(sector.year_end, record=True)}[
        "KH383_WOMEN_MANAGERS"
    ]
    assert (recorded.achieved, recorded.target_value) == (Decimal("20.00"), 30)
    # The secretariat lowers the target: version 2; the year-end result stays as recorded.
    assert _post_target(client, value="15,5").status_code == 302
    assert Target.objects.get(code="KH383_WOMEN_MANAGERS", version=2).value == Decimal("15.50")
    again = {r.target_code: r for r in aggregate.target_results(sector.year_end, record=True)}
    assert again["KH383_WOMEN_MANAGERS"].target.version == 1
    assert again["KH383_WOMEN_MANAGERS"].target_value == 30
    assert TargetResult.objects.filter(target_code="KH383_WOMEN_MANAGERS").count() == 1
    rows = {
        r.target.code: r
        for r in target_progress(
            department=tree.department,
            year=YEAR,
            period=sector.year_end,
            paths=[tree.department.path],
        )
    }
    frozen = rows["KH383_WOMEN_MANAGERS"]
    assert frozen.recorded and frozen.target.version == 1
    assert (frozen.gap, frozen.met) == (Decimal("-10.00"), False)
    assert "phiên bản 2" in frozen.note
    # The mid-year period has no recorded result: it compares with version 2 and meets it.
    mid = {
        r.target.code: r
        for r in target_progress(
            department=tree.department,
            year=YEAR,
            period=sector.mid_year,
            paths=[tree.department.path],
        )
    }
    assert mid["KH383_WOMEN_MANAGERS"].target.version == 2
    assert (mid["KH383_WOMEN_MANAGERS"].gap, mid["KH383_WOMEN_MANAGERS"].met) == (
        Decimal("4.50"),
        True,
    )
    assert not mid["QD1790_ACTION_MONTH"].recorded
    assert mid["QD1790_ACTION_MONTH"].achieved is None
    assert "cuối năm" in mid["QD1790_ACTION_MONTH"].note


def test_the_form_refuses_a_metric_outside_the_registry(client, people, sector):
    client.force_login(people.secretariat)
    response = _post_target(client, metric="entered")
    page = response.content.decode()
    assert response.status_code == 422
    assert "Chỉ số so sánh “entered” không có trong danh mục chỉ số tính được" in page
    assert not Target.objects.filter(code="KH383_WOMEN_MANAGERS").exists()
    # The choices are the registry's, with Vietnamese labels.
    assert '<option value="women_succession_pct"' in page
    assert "Tỷ lệ nữ trong quy hoạch cán bộ" in page


def test_the_form_refuses_a_new_version_on_another_metric_and_bad_values(client, people):
    client.force_login(people.secretariat)
    assert _post_target(client).status_code == 302
    response = _post_target(client, metric="women_party_pct", value="40")
    assert response.status_code == 422
    assert "phiên bản mới phải giữ chỉ số này" in response.content.decode()
    for value in ("120", "abc", "-1"):
        response = _post_target(client, code="KH_OTHER", value=value)
        assert response.status_code == 422
        assert "từ 0 đến 100" in response.content.decode()
    assert Target.objects.filter(code__in=["KH383_WOMEN_MANAGERS", "KH_OTHER"]).count() == 1


def test_only_a_manager_enters_targets(client, people):
    client.force_login(people.officer_a)
    assert _post_target(client).status_code == 403
    assert not Target.objects.filter(code="KH383_WOMEN_MANAGERS").exists()


def test_the_page_shows_achieved_gap_and_met_for_every_target(client, tree, people, sector):
    client.force_login(people.secretariat)
    _post_target(client)
    page = client.get(reverse("reports:targets") + f"?year={YEAR}").content.decode()
    assert "Báo cáo cuối năm 2025" in page
    assert "Quyết định số 383/QĐ-BGDĐT" in page and "30,00%" in page
    assert "20,0%" in page and "1/5 người" in page and "-10" in page  # managers
    assert "66,7%" in page and "2/3 đơn vị" in page  # NQ 28 from the staff figures
    assert '<span class="badge ok">Đạt</span>' in page  # NQ 28, 2025: 66,7% of 60%
    assert '<span class="badge warn">Chưa đạt</span>' in page  # NQ 28, 2030: of 75%
    mid = client.get(reverse("reports:targets") + f"?year={YEAR}&kind=mid_year")
    assert "Chỉ so sánh ở kỳ báo cáo cuối năm." in mid.content.decode()
    # A school sees the figures of its own school only.
    client.force_login(people.officer_a)
    page = client.get(reverse("reports:targets") + f"?year={YEAR}").content.decode()
    assert "0/1 người" not in page and "1/3 người" in page  # A's managers: 1 woman of 3
    assert "Lưu mục tiêu" not in page


def test_the_department_report_lists_every_target_with_gap_and_assessment(
    client, tree, people, sector, tmp_path
):
    client.force_login(people.secretariat)
    _post_target(client)
    data, _facts = department_report(sector.year_end, today=dt.date(YEAR, 12, 5))
    path = tmp_path / "so.docx"
    path.write_bytes(data)
    table = next(t for t in Document(str(path)).tables if t.rows[0].cells[-1].text == "Đánh giá")
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows[1:]}
    managers = rows["Tỷ lệ nữ cán bộ quản lý (số do Thường trực nhập từ văn bản)"]
    assert managers[2:] == ["2025", "30%", "20% (1/5 người)", "-10", "Chưa đạt"]
    month = rows["Tỷ lệ đơn vị tổ chức hoạt động Tháng hành động vì bình đẳng giới hằng năm"]
    assert month[3:] == ["100%", "50% (1/2 đơn vị)", "-50", "Chưa đạt"]
    # One result per target code is recorded: the applicable version of each.
    assert set(
        TargetResult.objects.filter(period=sector.year_end).values_list("target_code", flat=True)
    ) == {"KH383_WOMEN_MANAGERS", "NQ28_WOMEN_LEADER", "QD1790_ACTION_MONTH"}


def test_the_targets_page_costs_the_same_queries_for_more_targets(
    client, people, sector, django_assert_max_num_queries
):
    client.force_login(people.secretariat)
    for index, metric in enumerate(m.key for m in METRICS):
        _post_target(client, code=f"KH_{index}", metric=metric, value=str(10 + index))
    # The registry's metrics in two grouped queries, whatever the number of targets.
    with django_assert_max_num_queries(16):
        response = client.get(reverse("reports:targets") + f"?year={YEAR}")
    assert response.content.decode().count('<span class="badge') >= len(METRICS)
