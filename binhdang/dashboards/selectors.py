"""The department dashboard: totals and rates only (no personal data), scoped by policy.

Every figure is an aggregate over the department's subtree limited to the user's
VIEW_AGGREGATE reach, so the Ministry viewer sees the same totals as the department and a
school officer sees their own school's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import ExtractMonth

from binhdang.accounts.choices import UnitType
from binhdang.accounts.models import OrgUnit, User
from binhdang.activities.coverage import campaign_coverage
from binhdang.activities.models import Activity
from binhdang.reports import aggregate
from binhdang.reports.catalogue import METRIC_WOMEN_LEADER
from binhdang.reports.models import ReportPeriod, Target
from binhdang.reports.periods import current_indicators
from binhdang.reports.targets import TargetProgress, best_period, scope_paths, target_progress

KEY_CODES = ("STAFF", "MANAGERS", "COMMITTEE", "ACTIVITIES", "PARTICIPANTS", "ACTION_MONTH")
TYPE_LABELS = dict(UnitType.choices)


@dataclass
class PeriodRates:
    period: ReportPeriod
    units: int
    submitted: int
    on_time: int

    @property
    def completeness(self) -> float:
        return round(100 * self.submitted / self.units, 1) if self.units else 0.0

    @property
    def timeliness(self) -> float:
        return round(100 * self.on_time / self.units, 1) if self.units else 0.0


@dataclass
class Dashboard:
    department: OrgUnit
    year: int
    rates: list[PeriodRates] = field(default_factory=list)
    period: ReportPeriod | None = None
    indicators: list[dict] = field(default_factory=list)
    # Reports the totals come from, this year and the same period last year: totals of
    # different numbers of reports do not compare, and the page says so.
    accepted: int = 0
    accepted_last: int = 0
    by_type: list[dict] = field(default_factory=list)
    by_district: list[dict] = field(default_factory=list)
    women_leaders: aggregate.Rate | None = None
    women_leaders_last: aggregate.Rate | None = None
    leader_targets: list[Target] = field(default_factory=list)
    # Every current target against the year's figures (the leaders' ones first in the page).
    targets: list[TargetProgress] = field(default_factory=list)
    months: list[int] = field(default_factory=list)
    months_last: list[int] = field(default_factory=list)
    action_month_rate: float = 0.0
    action_month_units: tuple[int, int] = (0, 0)

    @property
    def comparable(self) -> bool:
        """Whether this year's totals and last year's come from as many reports."""
        return self.accepted == self.accepted_last

    @property
    def leader_progress(self) -> list[TargetProgress]:
        return [row for row in self.targets if row.target.metric == METRIC_WOMEN_LEADER]


def _group_rows(groups: dict, label) -> list[dict]:
    rows = []
    for key in sorted(groups):
        data = groups[key]
        rows.append({"label": label(key), **{c: data.get(c, (0, 0)) for c in KEY_CODES}})
    return rows


def months_of(paths: list[str], year: int) -> list[int]:
    counts = [0] * 12
    for path in paths:
        rows = (
            Activity.objects.filter(unit__path__startswith=path, year=year)
            .annotate(m=ExtractMonth("start_date"))
            .values("m")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for row in rows:
            counts[row["m"] - 1] += row["n"]
    return counts


def department_dashboard(user: User, department: OrgUnit, year: int) -> Dashboard:
    paths = scope_paths(user, department)
    result = Dashboard(department=department, year=year)
    periods = list(
        ReportPeriod.objects.filter(department=department, year__in=[year, year - 1]).order_by(
            "-year", "due_date"
        )
    )
    for path in paths[:1]:
        counts = aggregate.completeness([p.pk for p in periods], path)
        for p in periods:
            n, s, o = counts.get(p.pk, (0, 0, 0))
            result.rates.append(PeriodRates(p, n, s, o))
    result.period = best_period(department, year)
    last = (
        ReportPeriod.objects.filter(
            department=department, year=year - 1, kind=result.period.kind
        ).first()
        if result.period
        else None
    )
    path = paths[0] if paths else None
    if result.period and path:
        now = aggregate.totals([result.period], path=path)
        before = aggregate.totals([last], path=path) if last else {}
        result.accepted = aggregate.accepted_count(result.period, path=path)
        result.accepted_last = aggregate.accepted_count(last, path=path)
        for ind in current_indicators(year):
            t, f = now.get(ind.code, (0, 0))
            bt, bf = before.get(ind.code, (0, 0))
            result.indicators.append(
                {
                    "indicator": ind,
                    "total": t,
                    "female": f,
                    "last_total": bt,
                    "last_female": bf,
                    "change": t - bt,
                }
            )
        result.by_type = _group_rows(
            aggregate.totals_by([result.period], "unit_type", path=path),
            lambda k: str(TYPE_LABELS.get(k, k)),
        )
        result.by_district = _group_rows(
            aggregate.totals_by([result.period], "district", path=path), lambda k: k or "—"
        )
    if path:
        result.women_leaders = aggregate.women_leader_rate(year, path)
        result.women_leaders_last = aggregate.women_leader_rate(year - 1, path)
    result.targets = target_progress(
        department=department, year=year, period=result.period, paths=paths
    )
    result.leader_targets = [row.target for row in result.leader_progress]
    result.months = months_of(paths[:1], year)
    result.months_last = months_of(paths[:1], year - 1)
    coverage = campaign_coverage(department=department, year=year, user=user)
    result.action_month_rate = coverage.rate
    result.action_month_units = (coverage.units_covered, coverage.units_total)
    return result
