"""Reads of the reports app, always scoped by the access policy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from binhdang.accounts import policy
from binhdang.accounts.models import OrgUnit, User

from .choices import ReportStatus
from .models import Notification, ReportPeriod, UnitReport

SUBMITTED_STATES = frozenset({ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.ACCEPTED})


def periods_for(user: User) -> QuerySet[ReportPeriod]:
    """Periods of the departments in the user's reach, or above the units in it."""
    paths = policy.paths_for(user, policy.Action.VIEW)
    departments = [int(part) for path in paths for part in path.strip("/").split("/") if part]
    scoped = policy.restrict(ReportPeriod.objects.all(), user, via="department")
    return (scoped | ReportPeriod.objects.filter(department_id__in=departments)).distinct()


def reports_for(user: User, action: policy.Action = policy.Action.VIEW) -> QuerySet[UnitReport]:
    return policy.restrict(UnitReport.objects.all(), user, action, via="unit")


def report_detail(user: User, pk: int) -> UnitReport:
    return policy.get_object_for_user(
        UnitReport.objects.select_related("period", "unit", "period__department"), user, pk=pk
    )


@dataclass
class BoardRow:
    report: UnitReport
    state: str  # on_time / late / missing

    @property
    def label(self) -> str:
        from django.utils.translation import gettext as _

        return {"on_time": _("Đúng hạn"), "late": _("Muộn"), "missing": _("Chưa nộp")}[self.state]


@dataclass
class Board:
    period: ReportPeriod
    rows: list[BoardRow] = field(default_factory=list)
    total: int = 0
    submitted: int = 0
    on_time: int = 0
    accepted: int = 0

    @property
    def completeness(self) -> float:
        return round(100 * self.submitted / self.total, 1) if self.total else 0.0

    @property
    def timeliness(self) -> float:
        return round(100 * self.on_time / self.total, 1) if self.total else 0.0

    @property
    def missing(self) -> int:
        return self.total - self.submitted


def report_state(report: UnitReport) -> str:
    if report.submitted_at is None:
        return "missing"
    return "late" if report.is_late else "on_time"


def board(period: ReportPeriod, user: User | None, *, rows: bool = True) -> Board:
    """Every unit's report of the period in the user's reach, with the rates."""
    qs = UnitReport.objects.filter(period=period)
    if user is not None:
        qs = policy.restrict(qs, user, policy.Action.VIEW_AGGREGATE, via="unit")
    result = Board(period=period)
    for report in (
        qs.select_related("unit")
        .order_by("unit__path")
        .only(
            "pk",
            "status",
            "submitted_at",
            "is_late",
            "version",
            "unit__name",
            "unit__code",
            "unit__unit_type",
            "unit__district",
            "unit__path",
        )
    ):
        state = report_state(report)
        result.total += 1
        if state != "missing":
            result.submitted += 1
        if state == "on_time":
            result.on_time += 1
        if report.status == ReportStatus.ACCEPTED:
            result.accepted += 1
        if rows:
            result.rows.append(BoardRow(report=report, state=state))
    return result


def diff_since_returned(report: UnitReport) -> list[dict]:
    """Field by field: what the latest submission changed since the previous one."""
    versions = list(report.versions.order_by("-number")[:2])
    if len(versions) < 2:
        return []
    new, old = versions[0].snapshot, versions[1].snapshot

    from .models import UnitReport as Model
    from .services import NARRATIVE_FIELDS

    changes = []
    for name in NARRATIVE_FIELDS:
        before, after = old["narrative"].get(name, ""), new["narrative"].get(name, "")
        if before != after:
            label = str(Model._meta.get_field(name).verbose_name)
            changes.append({"field": name, "label": label, "before": before, "after": after})
    for code, after in new["values"].items():
        before = old["values"].get(code, {})
        pair_before = (before.get("total"), before.get("female"))
        pair_after = (after.get("total"), after.get("female"))
        if pair_before != pair_after:
            changes.append(
                {
                    "field": code,
                    "label": after["name"],
                    "before": _fmt(pair_before),
                    "after": _fmt(pair_after)
                    + (f" ({after['reason']})" if after.get("reason") else ""),
                }
            )
    return changes


def _fmt(pair: tuple) -> str:
    total, female = pair
    text = "—" if total is None else str(total)
    if female is not None:
        text += f" / nữ {female}"
    return text


def unread_count(user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def due_items(user: User, *, today: dt.date | None = None):
    """Open reports the user's units still have to submit (home page)."""
    from binhdang.core.due import DueItem

    from .services import EDITABLE, report_url

    today = today or timezone.localdate()
    qs = (
        reports_for(user, policy.Action.EDIT)
        .filter(status__in=EDITABLE, period__status="open", period__due_date__gte=today)
        .select_related("period", "unit")[:20]
    )
    return [
        DueItem(title=f"{r.period} — {r.unit.name}", due=r.period.due_date, url=report_url(r))
        for r in qs
    ]


def locked_message(unit: OrgUnit, date: dt.date) -> str | None:
    """Activities lock: a date inside the window of an accepted report of the unit."""
    from django.utils.translation import gettext as _

    report = (
        UnitReport.objects.filter(
            unit=unit,
            status=ReportStatus.ACCEPTED,
            period__window_start__lte=date,
            period__window_end__gte=date,
        )
        .select_related("period")
        .first()
    )
    if report is None:
        return None
    return _(
        "Ngày %(date)s thuộc %(period)s đã được Sở tiếp nhận; không thể thay đổi hoạt động này."
    ) % {"date": date.strftime("%d/%m/%Y"), "period": str(report.period).lower()}
