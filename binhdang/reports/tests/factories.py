"""Shared helpers of the reports tests: a period for the conftest department."""

from __future__ import annotations

import datetime as dt

from binhdang.reports import periods, services
from binhdang.reports.choices import PeriodKind
from binhdang.reports.models import ReportPeriod, StaffFigures, UnitReport


def staff_figures(unit, year: int, **overrides) -> StaffFigures:
    values = {
        "staff_total": 80,
        "staff_female": 55,
        "managers_total": 3,
        "managers_female": 1,
        "head_is_female": False,
        "party_total": 30,
        "party_female": 20,
        "succession_total": 6,
        "succession_female": 4,
        "appointments_total": 1,
        "appointments_female": 1,
    }
    values.update(overrides)
    figures, _ = StaffFigures.objects.update_or_create(unit=unit, year=year, defaults=values)
    return figures


def open_period(
    department,
    *,
    year: int | None = None,
    kind: str = PeriodKind.MID_YEAR,
    due: dt.date | None = None,
) -> ReportPeriod:
    year = year or dt.date.today().year
    period = periods.period_create(department=department, year=year, kind=kind)
    if due is not None:
        ReportPeriod.objects.filter(pk=period.pk).update(due_date=due, window_end=due)
        period.refresh_from_db()
    periods.period_open(period=period, user=None)
    return period


def fill(report: UnitReport, user, **narrative) -> UnitReport:
    """Save a valid draft with the results written."""
    report.refresh_from_db()
    services.report_save(
        report=report,
        user=user,
        expected_version=report.version,
        narrative={"results": "Đã tổ chức các hoạt động theo kế hoạch.", **narrative},
        values={},
    )
    report.refresh_from_db()
    return report


def submit(report: UnitReport, head) -> UnitReport:
    report.refresh_from_db()
    services.report_submit(report=report, user=head, expected_version=report.version)
    report.refresh_from_db()
    return report
