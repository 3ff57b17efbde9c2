"""Report periods: created from the issued plan's deadlines, opened with a pre-filled draft
for every reporting unit, closed by the secretariat."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from binhdang.accounts import policy
from binhdang.accounts.models import OrgUnit, User
from binhdang.plans.choices import DeadlineKind, PlanKind, PlanStatus
from binhdang.plans.models import Plan, PlanDeadline

from .choices import PeriodKind, PeriodStatus
from .models import Indicator, ReportPeriod, ReportValue, UnitReport
from .prefill import prefill_units

DEFAULT_DUE = {PeriodKind.MID_YEAR: (5, 28), PeriodKind.YEAR_END: (12, 1)}
DEADLINE_KIND = {
    PeriodKind.MID_YEAR: DeadlineKind.MID_YEAR_REPORT,
    PeriodKind.YEAR_END: DeadlineKind.YEAR_END_REPORT,
}


def current_indicators(year: int) -> list[Indicator]:
    """The latest version of each indicator valid in `year`."""
    latest: dict[str, Indicator] = {}
    for indicator in Indicator.objects.filter(valid_from_year__lte=year).order_by(
        "order", "code", "version"
    ):
        if indicator.valid_to_year is None or indicator.valid_to_year >= year:
            latest[indicator.code] = indicator
    return sorted(latest.values(), key=lambda i: (i.order, i.code))


def reporting_units(department: OrgUnit):
    """Schools and affiliated units under the department (the department itself reports
    upward, not to itself)."""
    return department.descendants(include_self=False).filter(is_active=True).order_by("path")


def period_create(
    *, department: OrgUnit, year: int, kind: str, user: User | None = None, is_demo: bool = False
) -> ReportPeriod:
    """The period with the due date of the department's issued plan for `year` (or the
    plans' usual 28/5 and 01/12); data from 01/01 to the due date."""
    if user is not None:
        policy.require(user, policy.Action.MANAGE, department)
    existing = ReportPeriod.objects.filter(department=department, year=year, kind=kind).first()
    if existing:
        return existing
    plan = (
        Plan.objects.filter(
            unit=department, year=year, kind=PlanKind.DEPARTMENT, status=PlanStatus.ISSUED
        )
        .order_by("-issued_at")
        .first()
    )
    deadline = (
        PlanDeadline.objects.filter(plan=plan, kind=DEADLINE_KIND[kind]).order_by("date").first()
        if plan
        else None
    )
    month, day = DEFAULT_DUE[PeriodKind(kind)]
    due = deadline.date if deadline else dt.date(year, month, day)
    return ReportPeriod.objects.create(
        department=department,
        year=year,
        kind=kind,
        due_date=due,
        window_start=dt.date(year, 1, 1),
        window_end=due,
        plan=plan,
        is_demo=is_demo,
    )


def _prefill_values(report_ids_by_unit: Mapping[int, int], period: ReportPeriod) -> None:
    indicators = current_indicators(period.year)
    figures = prefill_units(
        report_ids_by_unit.keys(),
        year=period.year,
        start=period.window_start,
        end=period.window_end,
    )
    rows = []
    for unit_id, report_id in report_ids_by_unit.items():
        known = figures.get(unit_id, {})
        for indicator in indicators:
            total, female = known.get(indicator.source_key, (None, None))
            if not indicator.has_female:
                female = None
            rows.append(
                ReportValue(
                    report_id=report_id,
                    indicator=indicator,
                    total=total,
                    female=female,
                    prefilled_total=total,
                    prefilled_female=female,
                )
            )
    ReportValue.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)


@transaction.atomic
def period_open(*, period: ReportPeriod, user: User | None) -> int:
    """Open the period: a draft report, pre-filled, for every unit that has none yet."""
    if user is not None:
        policy.require(user, policy.Action.MANAGE, period.department)
    period = ReportPeriod.objects.select_for_update().get(pk=period.pk)
    units = reporting_units(period.department).exclude(reports__period=period)
    created = UnitReport.objects.bulk_create(
        [UnitReport(period=period, unit=unit, is_demo=period.is_demo) for unit in units],
        batch_size=2000,
    )
    if created and created[0].pk is None:  # backends that do not return ids
        created = list(UnitReport.objects.filter(period=period, values__isnull=True))
    _prefill_values({r.unit_id: r.pk for r in created}, period)
    period.status = PeriodStatus.OPEN
    period.opened_at = period.opened_at or timezone.now()
    period.closed_at = None
    period.save(update_fields=["status", "opened_at", "closed_at", "updated_at"])
    return len(created)


@transaction.atomic
def period_close(*, period: ReportPeriod, user: User | None) -> None:
    if user is not None:
        policy.require(user, policy.Action.MANAGE, period.department)
    period.status = PeriodStatus.CLOSED
    period.closed_at = timezone.now()
    period.save(update_fields=["status", "closed_at", "updated_at"])
