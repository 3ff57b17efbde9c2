"""Totals over unit reports: by indicator, unit type and district; targets compared.

Each total is one grouped query over ReportValue joined to its report and unit, filtered by
the period(s) and a subtree prefix, so a department and the nation cost the same shape.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from .catalogue import METRIC_ACTION_MONTH, METRIC_WOMEN_LEADER
from .choices import PeriodKind, ReportStatus
from .models import ReportPeriod, ReportValue, StaffFigures, Target, TargetResult, UnitReport


def _values(periods, *, accepted_only: bool, path: str | None = None) -> QuerySet[ReportValue]:
    qs = ReportValue.objects.filter(report__period__in=periods)
    if accepted_only:
        qs = qs.filter(report__status=ReportStatus.ACCEPTED)
    else:
        qs = qs.filter(
            report__status__in=[
                ReportStatus.SUBMITTED,
                ReportStatus.RETURNED,
                ReportStatus.ACCEPTED,
            ]
        )
    if path:
        qs = qs.filter(report__unit__path__startswith=path)
    return qs


def totals(
    periods, *, accepted_only: bool = True, path: str | None = None
) -> dict[str, tuple[int, int]]:
    """indicator code -> (total, female)."""
    rows = (
        _values(periods, accepted_only=accepted_only, path=path)
        .values("indicator__code")
        .annotate(t=Coalesce(Sum("total"), 0), f=Coalesce(Sum("female"), 0))
    )
    return {r["indicator__code"]: (r["t"], r["f"]) for r in rows}


def totals_by(
    periods, key: str, *, accepted_only: bool = True, path: str | None = None
) -> dict[str, dict[str, tuple[int, int]]]:
    """group (unit type or district) -> indicator code -> (total, female)."""
    field = {"unit_type": "report__unit__unit_type", "district": "report__unit__district"}[key]
    rows = (
        _values(periods, accepted_only=accepted_only, path=path)
        .values(field, "indicator__code")
        .annotate(t=Coalesce(Sum("total"), 0), f=Coalesce(Sum("female"), 0))
    )
    result: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    for r in rows:
        result[r[field] or ""][r["indicator__code"]] = (r["t"], r["f"])
    return dict(result)


def by_unit(period: ReportPeriod, *, accepted_only: bool = True) -> dict[int, dict[str, tuple]]:
    """unit id -> code -> (total, female)."""
    result: dict[int, dict[str, tuple]] = defaultdict(dict)
    rows = _values([period], accepted_only=accepted_only).values_list(
        "report__unit_id", "indicator__code", "total", "female"
    )
    for unit_id, code, total, female in rows:
        result[unit_id][code] = (total, female)
    return dict(result)


@dataclass
class Rate:
    numerator: int
    denominator: int

    @property
    def percent(self) -> float:
        return round(100 * self.numerator / self.denominator, 1) if self.denominator else 0.0


def women_leader_rate(year: int, path: str) -> Rate:
    """Units whose managers (principal and deputies) include a woman, from staff figures."""
    row = StaffFigures.objects.filter(year=year, unit__path__startswith=path).aggregate(
        n=Count("pk"), w=Count("pk", filter=Q(managers_female__gt=0))
    )
    return Rate(row["w"], row["n"])


def action_month_rate(period: ReportPeriod, path: str | None = None) -> Rate:
    qs = ReportValue.objects.filter(
        report__period=period, indicator__code="ACTION_MONTH", report__status=ReportStatus.ACCEPTED
    )
    if path:
        qs = qs.filter(report__unit__path__startswith=path)
    row = qs.aggregate(n=Count("pk"), w=Count("pk", filter=Q(total__gt=0)))
    return Rate(row["w"], row["n"])


def applicable_target(code: str, year: int) -> Target | None:
    """The latest version of the nearest target year at or after `year`."""
    return (
        Target.objects.filter(code=code, target_year__gte=year)
        .order_by("target_year", "-version")
        .first()
    )


def target_results(period: ReportPeriod, *, record: bool = False) -> list[TargetResult]:
    """Progress against each target for the period. With `record`, the first comparison is
    stored with the target version used, and later calls return it unchanged."""
    path = period.department.path
    rates = {
        METRIC_WOMEN_LEADER: women_leader_rate(period.year, path),
        METRIC_ACTION_MONTH: action_month_rate(period, path),
    }
    stored = {r.target_code: r for r in period.target_results.select_related("target")}
    results = []
    codes = Target.objects.values_list("code", flat=True).distinct()
    for code in sorted(set(codes)):
        if code in stored:
            results.append(stored[code])
            continue
        target = applicable_target(code, period.year)
        if target is None or target.metric not in rates:
            continue
        if target.metric == METRIC_ACTION_MONTH and period.kind != PeriodKind.YEAR_END:
            continue  # the Action Month is in November: only the year-end report counts it
        rate = rates[target.metric]
        result = TargetResult(
            period=period,
            target=target,
            target_code=code,
            target_value=target.value,
            achieved=Decimal(str(rate.percent)),
            numerator=rate.numerator,
            denominator=rate.denominator,
        )
        if record:
            result.save()
        results.append(result)
    return results


def completeness(period_ids: list[int], path: str | None = None) -> dict[int, tuple[int, int, int]]:
    """period id -> (units, submitted, on time)."""
    qs = UnitReport.objects.filter(period_id__in=period_ids)
    if path:
        qs = qs.filter(unit__path__startswith=path)
    rows = qs.values("period_id").annotate(
        n=Count("pk"),
        s=Count("pk", filter=Q(submitted_at__isnull=False)),
        o=Count("pk", filter=Q(submitted_at__isnull=False, is_late=False)),
    )
    return {r["period_id"]: (r["n"], r["s"], r["o"]) for r in rows}
