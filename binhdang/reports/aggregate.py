"""Totals over unit reports: by indicator, unit type and district; targets compared.

Each total is one grouped query over ReportValue joined to its report and unit, filtered by
the period(s) and a subtree prefix, so a department and the nation cost the same shape.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from .catalogue import METRIC_WOMEN_LEADER, METRICS_BY_KEY, Metric
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


def accepted_count(period: ReportPeriod | None, *, path: str | None = None) -> int:
    """How many reports of the period the totals are summed from (the accepted ones)."""
    if period is None:
        return 0
    qs = UnitReport.objects.filter(period=period, status=ReportStatus.ACCEPTED)
    if path:
        qs = qs.filter(unit__path__startswith=path)
    return qs.count()


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

    @property
    def known(self) -> bool:
        """False when nothing was counted: no percentage can be stated."""
        return self.denominator > 0


def _paths_q(field: str, paths: Iterable[str]) -> Q:
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def _staff_rates(metrics: list[Metric], year: int, paths: list[str]) -> dict[str, Rate]:
    """Units with staff figures for the year meeting each metric's condition: one query."""
    if not metrics:
        return {}
    row = StaffFigures.objects.filter(_paths_q("unit__path", paths), year=year).aggregate(
        n=Count("pk"),
        **{m.key: Count("pk", filter=Q(m.condition)) for m in metrics},
    )
    return {m.key: Rate(row[m.key], row["n"]) for m in metrics}


def _report_rates(metrics: list[Metric], period: ReportPeriod, paths: list[str]) -> dict:
    """The period's accepted reports, grouped by indicator: one query for every metric."""
    if not metrics:
        return {}
    codes = {code for m in metrics for code in (*m.codes, *m.denominator_codes)}
    rows = (
        _values([period], accepted_only=True)
        .filter(_paths_q("report__unit__path", paths), indicator__code__in=codes)
        .values("indicator__code")
        .annotate(
            n=Count("pk"),
            positive=Count("pk", filter=Q(total__gt=0)),
            t=Coalesce(Sum("total"), 0),
            tf=Coalesce(Sum("total", filter=Q(female__isnull=False)), 0),
            f=Coalesce(Sum("female"), 0),
        )
    )
    by_code = {r["indicator__code"]: r for r in rows}

    def summed(codes: tuple[str, ...], field: str) -> int:
        return sum(by_code.get(code, {}).get(field, 0) for code in codes)

    rates = {}
    for m in metrics:
        if m.kind == "report_units":
            rates[m.key] = Rate(summed(m.codes, "positive"), summed(m.codes, "n"))
        elif m.kind == "report_women":
            rates[m.key] = Rate(summed(m.codes, "f"), summed(m.codes, "tf"))
        else:  # report_ratio
            rates[m.key] = Rate(summed(m.codes, "t"), summed(m.denominator_codes, "t"))
    return rates


def metric_rates(
    keys: Iterable[str], *, year: int, period: ReportPeriod | None, paths: list[str]
) -> dict[str, Rate]:
    """metric key -> Rate over the subtrees `paths` (two queries at most). Metrics from the
    reports need a period; unknown keys and report metrics without a period are left out."""
    metrics = [METRICS_BY_KEY[key] for key in set(keys) if key in METRICS_BY_KEY]
    if not paths:
        return {}
    rates = _staff_rates([m for m in metrics if m.kind == "staff_units"], year, paths)
    if period is not None:
        rates |= _report_rates([m for m in metrics if m.kind != "staff_units"], period, paths)
    return rates


def women_leader_rate(year: int, path: str) -> Rate:
    """Units whose managers (principal and deputies) include a woman, from staff figures."""
    return metric_rates([METRIC_WOMEN_LEADER], year=year, period=None, paths=[path])[
        METRIC_WOMEN_LEADER
    ]


def applicable_target(targets: list[Target], code: str, year: int) -> Target | None:
    """Among `targets` (every version), the latest version of `code` for the nearest target
    year at or after `year`."""
    candidates = [t for t in targets if t.code == code and t.target_year >= year]
    return min(candidates, key=lambda t: (t.target_year, -t.version), default=None)


def not_comparable(target: Target, period: ReportPeriod | None, rate: Rate | None) -> str:
    """Why `target` cannot be compared with the figures (empty when it can)."""
    metric = METRICS_BY_KEY.get(target.metric)
    if metric is None:
        return _("Chỉ số so sánh không có trong danh mục chỉ số tính được.")
    if metric.kind != "staff_units" and period is None:
        return _("Chưa có kỳ báo cáo của năm.")
    if metric.year_end_only and period is not None and period.kind != PeriodKind.YEAR_END:
        return _("Chỉ so sánh ở kỳ báo cáo cuối năm.")
    if rate is None or not rate.known:
        return _("Chưa có số liệu.")
    return ""


def target_results(period: ReportPeriod, *, record: bool = False) -> list[TargetResult]:
    """Progress against each target for the period, over the whole department. With `record`,
    the first comparison is stored with the target version used, and later calls return it
    unchanged. A target that cannot be compared yet (no figures, a mid-year period for a
    year-end metric, a metric outside the registry) is left out and not recorded."""
    stored = {r.target_code: r for r in period.target_results.select_related("target")}
    versions = list(Target.objects.applying_to(period.department))
    codes = sorted({t.code for t in versions} - set(stored))
    targets = [
        t for t in (applicable_target(versions, c, period.year) for c in codes) if t is not None
    ]
    rates = metric_rates(
        [t.metric for t in targets],
        year=period.year,
        period=period,
        paths=[period.department.path],
    )
    results = list(stored.values())
    for target in targets:
        rate = rates.get(target.metric)
        if not_comparable(target, period, rate):
            continue
        result = TargetResult(
            period=period,
            target=target,
            target_code=target.code,
            target_value=target.value,
            achieved=Decimal(str(rate.percent)),
            numerator=rate.numerator,
            denominator=rate.denominator,
        )
        if record:
            result.save()
        results.append(result)
    return sorted(results, key=lambda r: r.target_code)


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
