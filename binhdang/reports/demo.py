"""Demo data: staff figures for every demo unit (previous and current year) and the report
periods of the previous and current year with unit reports in every state (on time, late,
returned, accepted, missing). Idempotent: a period that already exists is left alone.

Everything is placed relative to today, so the demo reads the same whatever day it is loaded:
a period stays open until its late submissions have had time to come in (GRACE_DAYS after the
due date) and the latest period is always open, as a secretariat would leave it; the tour's
school (SCHOOL_A_CODE) never has an accepted report, so the activities it logs in the tour
are never locked by one."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from binhdang.accounts.demo import SCHOOL_A_CODE
from binhdang.accounts.models import OrgUnit, User

from . import periods, services
from .choices import PeriodKind, PeriodStatus, ReportStatus
from .models import ReportComment, ReportPeriod, ReportVersion, StaffFigures, UnitReport

DEPARTMENT_CODE = "SGDDT-HP"
# Days after the due date the demo secretariat keeps a period open for late reports.
GRACE_DAYS = 20
RESULTS = (
    "Đơn vị đã quán triệt kế hoạch của Sở; tổ chức tuyên truyền về bình đẳng giới trong các "
    "buổi chào cờ, sinh hoạt chuyên môn; lồng ghép nội dung giới trong giảng dạy."
)
LIMITS = "Một số hoạt động còn hình thức; kinh phí hạn chế."
DIFFICULTIES = "Cán bộ phụ trách kiêm nhiệm nhiều việc."
RECOMMENDATIONS = "Đề nghị Sở tổ chức tập huấn cho thành viên Ban Vì sự tiến bộ của phụ nữ."


def load_staff_figures(units: list[OrgUnit], year: int, *, improved: bool = False) -> int:
    """`improved`: more women among managers, so the year-on-year comparison shows progress."""
    existing = set(
        StaffFigures.objects.filter(unit__in=units, year=year).values_list("unit_id", flat=True)
    )
    rows = []
    for unit in units:
        if unit.pk in existing:
            continue
        rng = random.Random(f"staff-{unit.code}-{year}")
        staff = rng.randint(45, 140)
        managers = rng.choice([3, 3, 4, 4, 5])
        managers_female = (
            rng.choice([0, 1, 1, 2, 2, 3]) if improved else rng.choice([0, 0, 1, 1, 2])
        )
        managers_female = min(managers_female, managers)
        party = rng.randint(staff // 4, staff // 2)
        succession = rng.randint(4, 12)
        appointments = rng.randint(0, 2)
        rows.append(
            StaffFigures(
                unit=unit,
                year=year,
                staff_total=staff,
                staff_female=int(staff * rng.uniform(0.55, 0.75)),
                managers_total=managers,
                managers_female=managers_female,
                head_is_female=managers_female > 0 and rng.random() < 0.4,
                party_total=party,
                party_female=int(party * rng.uniform(0.5, 0.7)),
                succession_total=succession,
                succession_female=rng.randint(1, succession),
                appointments_total=appointments,
                appointments_female=rng.randint(0, appointments),
            )
        )
    StaffFigures.objects.bulk_create(rows)
    return len(rows)


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _state(index: int, is_open: bool) -> str:
    if is_open:  # most still drafting
        return ["draft", "draft", "submitted", "on_time_accepted", "returned", "draft"][index % 6]
    return [
        "on_time_accepted",
        "on_time_accepted",
        "on_time_accepted",
        "on_time_accepted",
        "late_accepted",
        "returned",
        "submitted",
        "late_submitted",
        "on_time_accepted",
        "missing",
    ][index % 10]


def load_period(
    department: OrgUnit, year: int, kind: str, today: dt.date, reviewer, head, *, latest: bool
) -> bool:
    if ReportPeriod.objects.filter(department=department, year=year, kind=kind).exists():
        return False
    period = periods.period_create(department=department, year=year, kind=kind, is_demo=True)
    periods.period_open(period=period, user=None)
    is_open = latest or period.due_date + dt.timedelta(days=GRACE_DAYS) >= today
    reports = list(
        UnitReport.objects.filter(period=period).select_related("unit").order_by("unit__code")
    )
    for index, report in enumerate(reports):
        state = _state(index, is_open)
        if report.unit.code == SCHOOL_A_CODE:
            # The tour's school: still drafting an open report, awaiting review of a closed
            # one; never accepted, since an accepted report locks the period's activities.
            state = "draft" if is_open else "submitted"
        if state in {"draft", "missing"}:
            if state == "draft" and index % 2:
                UnitReport.objects.filter(pk=report.pk).update(results=RESULTS)
            continue
        late = state.startswith("late")
        submitted = (
            period.due_date + dt.timedelta(days=3)
            if late
            else period.due_date - dt.timedelta(days=1 + index % 9)
        )
        submitted = min(submitted, today)
        report.results, report.limitations = RESULTS, LIMITS
        report.difficulties, report.recommendations = DIFFICULTIES, RECOMMENDATIONS
        report.submitted_at = report.approved_at = _at(submitted)
        report.approved_by = head
        report.is_late = late
        report.status = ReportStatus.SUBMITTED
        if state.endswith("accepted"):
            report.status = ReportStatus.ACCEPTED
            report.reviewed_by = reviewer
            report.accepted_at = _at(min(submitted + dt.timedelta(days=2), today), 15)
        elif state == "returned":
            report.status = ReportStatus.RETURNED
            report.reviewed_by = reviewer
        report.save()
        ReportVersion.objects.create(
            report=report,
            number=1,
            snapshot=services.snapshot(report),
            submitted_at=report.submitted_at,
            submitted_by=head,
        )
        if state == "returned":
            ReportComment.objects.create(
                report=report,
                author=reviewer,
                text="Đề nghị bổ sung số liệu khen thưởng và làm rõ hạn chế.",
                version_number=1,
            )
            ReportComment.objects.create(
                report=report,
                author=reviewer,
                field="COMMENDATIONS",
                text="Chưa nhập số tập thể, cá nhân được khen thưởng.",
                version_number=1,
            )
    if not is_open:
        ReportPeriod.objects.filter(pk=period.pk).update(
            status=PeriodStatus.CLOSED,
            closed_at=_at(period.due_date + dt.timedelta(days=GRACE_DAYS)),
        )
    return True


@transaction.atomic
def load(stdout=None) -> None:
    department = OrgUnit.objects.filter(code=DEPARTMENT_CODE).first()
    if department is None:
        return
    today = timezone.localdate()
    units = list(periods.reporting_units(department))
    years = (today.year - 1, today.year)
    figures = sum(load_staff_figures(units, year, improved=year == today.year) for year in years)
    reviewer = User.objects.filter(username="thuky.so").first()
    head = User.objects.filter(username="lanhdao.so").first() or reviewer
    made = 0
    chosen = [(year, kind) for year in years for kind in (PeriodKind.MID_YEAR, PeriodKind.YEAR_END)]
    for year, kind in chosen:
        latest = (year, kind) == chosen[-1]
        made += load_period(department, year, kind, today, reviewer, head, latest=latest)
    if stdout is not None:
        stdout.write(
            f"Báo cáo minh họa: {figures} bộ số liệu cán bộ mới, {made} kỳ báo cáo mới "
            f"({UnitReport.objects.filter(is_demo=True).count()} báo cáo đơn vị)"
        )
