"""Targets: the secretariat's entry (a new version each time) and progress against them.

Every target names a metric of the registry (reports.catalogue.METRICS); progress is that
metric over the department's subtree, within the viewer's aggregate reach, for a period. A
result recorded in the department's report (TargetResult) is frozen: it keeps the target
version it was compared with, whatever versions come later.

A department sees the sector-wide targets (no owner) and those its own secretariat, or a
unit above it, entered; never another department's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts import policy
from binhdang.accounts.models import OrgUnit, User

from .aggregate import metric_rates, not_comparable
from .catalogue import METRICS_BY_KEY, Metric
from .choices import PeriodKind
from .models import ReportPeriod, Target, TargetResult


@dataclass
class TargetProgress:
    """One target version against the figures: achieved, gap (percentage points) and met."""

    target: Target
    target_value: Decimal
    achieved: Decimal | None = None
    numerator: int = 0
    denominator: int = 0
    note: str = ""
    recorded: bool = False  # frozen in the department's report for the period

    @property
    def metric(self) -> Metric | None:
        return METRICS_BY_KEY.get(self.target.metric)

    @property
    def metric_label(self) -> str:
        return str(self.metric.label) if self.metric else self.target.metric

    @property
    def counted(self) -> str:
        return str(self.metric.counted) if self.metric else ""

    @property
    def gap(self) -> Decimal | None:
        """Achieved minus target, in percentage points, without trailing zeros (-2.3)."""
        if self.achieved is None:
            return None
        gap = (self.achieved - self.target_value).quantize(Decimal("0.01"))
        return gap.quantize(Decimal(1)) if gap == gap.to_integral() else gap.normalize()

    @property
    def gap_sign(self) -> str:
        """ "+" before a positive gap (a negative one carries its own sign)."""
        return "+" if self.gap is not None and self.gap > 0 else ""

    @property
    def met(self) -> bool | None:
        return None if self.achieved is None else self.achieved >= self.target_value


def scope_paths(user: User | None, department: OrgUnit) -> list[str]:
    """Subtrees of the department the user may see in aggregate (all of it for None)."""
    if user is None or policy.can(user, policy.Action.VIEW_AGGREGATE, department):
        return [department.path]
    return [
        path
        for path in policy.paths_for(user, policy.Action.VIEW_AGGREGATE)
        if path.startswith(department.path)
    ]


def best_period(department: OrgUnit, year: int, kind: str = "") -> ReportPeriod | None:
    """The period of `kind`, else the year-end period, else the mid-year one."""
    periods = {p.kind: p for p in ReportPeriod.objects.filter(department=department, year=year)}
    if kind:
        return periods.get(kind)
    return periods.get(PeriodKind.YEAR_END) or periods.get(PeriodKind.MID_YEAR)


def current_targets(department: OrgUnit) -> list[Target]:
    """The latest version of every target (code and target year) of the department."""
    latest: dict[tuple[str, int], Target] = {}
    for target in (
        Target.objects.applying_to(department)
        .select_related("source_document", "owner")
        .order_by("code", "target_year", "-version")
    ):
        latest.setdefault((target.code, target.target_year), target)
    return list(latest.values())


def superseded_versions(department: OrgUnit) -> list[Target]:
    """Earlier versions of the department's targets, kept with the results compared
    against them."""
    latest = {t.pk for t in current_targets(department)}
    return [
        t
        for t in Target.objects.applying_to(department)
        .select_related("entered_by")
        .order_by("code", "target_year", "-version")
        if t.pk not in latest
    ]


def _from_result(result: TargetResult) -> TargetProgress:
    return TargetProgress(
        target=result.target,
        target_value=result.target_value,
        achieved=result.achieved,
        numerator=result.numerator,
        denominator=result.denominator,
        recorded=True,
    )


def target_progress(
    *, department: OrgUnit, year: int, period: ReportPeriod | None, paths: list[str]
) -> list[TargetProgress]:
    """Every current target against the figures of `paths` for the year and period.

    Over the whole department, a result already recorded for the period is shown as
    recorded (with the version it used); otherwise the comparison is computed now.
    """
    targets = current_targets(department)
    rates = metric_rates([t.metric for t in targets], year=year, period=period, paths=paths)
    stored: dict[str, TargetResult] = {}
    if period is not None and paths == [department.path]:
        stored = {r.target_code: r for r in period.target_results.select_related("target__owner")}
    rows = []
    for target in targets:
        result = stored.get(target.code)
        if result is not None and result.target.target_year == target.target_year:
            row = _from_result(result)
            if result.target.version != target.version:
                row.note = _(
                    "Đã chốt theo phiên bản %(old)s; phiên bản %(new)s áp dụng cho các kỳ "
                    "chưa chốt."
                ) % {"old": result.target.version, "new": target.version}
            rows.append(row)
            continue
        rate = rates.get(target.metric)
        reason = not_comparable(target, period, rate)
        if reason:
            rows.append(TargetProgress(target=target, target_value=target.value, note=reason))
            continue
        rows.append(
            TargetProgress(
                target=target,
                target_value=target.value,
                achieved=Decimal(str(rate.percent)),
                numerator=rate.numerator,
                denominator=rate.denominator,
            )
        )
    return rows


def not_in_registry(metric: str) -> str:
    return _(
        "Chỉ số so sánh “%(value)s” không có trong danh mục chỉ số tính được; hãy "
        "chọn một chỉ số trong danh sách."
    ) % {"value": metric}


def target_enter(
    *,
    user: User,
    department: OrgUnit,
    code: str,
    name: str,
    scope: str,
    source_reference: str,
    metric: str,
    target_year: int,
    value: Decimal,
    source_document=None,
    today: dt.date | None = None,
) -> Target:
    """A new version of the department's target `code` for `target_year` (version 1 when
    new). Results already recorded keep the version they used."""
    if not policy.can(user, policy.Action.MANAGE, department):
        raise PermissionDenied
    if metric not in METRICS_BY_KEY:
        raise ValidationError({"metric": not_in_registry(metric)})
    # A code names one target wherever it is seen: the sector's codes, a unit above's or
    # below's are not this unit's to version.
    seen = Target.objects.applying_to(department) | Target.objects.filter(
        owner__path__startswith=department.path
    )
    if seen.filter(code=code).exclude(owner=department).exists():
        raise ValidationError(
            {
                "code": _(
                    "Mã %(code)s là mục tiêu chung của ngành hoặc của cấp trên; hãy dùng mã "
                    "khác cho mục tiêu của Sở."
                )
                % {"code": code}
            }
        )
    other = (
        Target.objects.filter(owner=department, code=code, metric__in=list(METRICS_BY_KEY))
        .exclude(metric=metric)
        .order_by("-target_year", "-version")
        .first()
    )
    if other is not None:
        raise ValidationError(
            {
                "metric": _(
                    "Mã %(code)s đã dùng chỉ số “%(label)s”; phiên bản mới phải giữ chỉ số "
                    "này (mục tiêu khác hãy dùng mã khác)."
                )
                % {"code": code, "label": METRICS_BY_KEY[other.metric].label}
            }
        )
    try:
        with transaction.atomic():
            previous = (
                Target.objects.select_for_update()
                .filter(owner=department, code=code, target_year=target_year)
                .order_by("-version")
                .first()
            )
            return Target.objects.create(
                owner=department,
                code=code,
                version=(previous.version + 1) if previous else 1,
                name=name,
                scope=scope,
                source_reference=source_reference,
                source_document=source_document,
                metric=metric,
                target_year=target_year,
                value=value,
                entered_by=user,
                valid_from=today or timezone.localdate(),
            )
    except IntegrityError as exc:  # another version saved at the same moment
        raise ValidationError(
            _("Mục tiêu này vừa được người khác cập nhật; hãy tải lại trang và nhập lại.")
        ) from exc
