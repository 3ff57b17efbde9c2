"""Reads of the activity log, always scoped by the access policy."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from binhdang.accounts import policy
from binhdang.accounts.models import OrgUnit, User
from binhdang.core.text import fold

from . import plan_tasks
from .models import Activity, Evidence


@dataclass
class ActivityFilters:
    unit: OrgUnit | None = None  # the unit and its subtree
    activity_type: str = ""
    plan_task_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    action_month: bool = False
    year: int | None = None
    q: str = ""

    def is_empty(self) -> bool:
        return self == ActivityFilters()


def activities_for(
    user: User, action: policy.Action | str = policy.Action.VIEW
) -> QuerySet[Activity]:
    return policy.restrict(Activity.objects.all(), user, action, via="unit")


def apply_filters(qs: QuerySet[Activity], filters: ActivityFilters) -> QuerySet[Activity]:
    if filters.unit is not None:
        qs = qs.filter(unit__path__startswith=filters.unit.path)
    if filters.activity_type:
        qs = qs.filter(activity_type=filters.activity_type)
    if filters.plan_task_id:
        qs = qs.filter(plan_task_id=filters.plan_task_id)
    # A range selects the activities that overlap it, so a three-day contest that began the
    # day before the range is still listed.
    if filters.date_from:
        qs = qs.filter(end_date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(start_date__lte=filters.date_to)
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.action_month:
        qs = qs.filter(is_action_month=True)
    for word in fold(filters.q).split()[:8]:
        qs = qs.filter(search_text__contains=word)
    return qs


def activity_list(user: User, filters: ActivityFilters | None = None) -> QuerySet[Activity]:
    """The activities the user may see, filtered, newest first, ready for a list page."""
    qs = apply_filters(activities_for(user), filters or ActivityFilters())
    return (
        qs.select_related("unit")
        .annotate(evidence_count=_evidence_count())
        .order_by("-start_date", "-pk")
    )


def _evidence_count() -> Coalesce:
    # A correlated subquery, not a JOIN + GROUP BY: the database then counts evidence for
    # the rows of the page only, after ORDER BY ... LIMIT.
    counts = (
        Evidence.objects.filter(activity=OuterRef("pk"))
        .order_by()
        .values("activity")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def activity_export_rows(user: User | None, filters: ActivityFilters) -> QuerySet[Activity]:
    """Rows for .xlsx/.csv export. `user=None` only from management commands, which run with
    the operator's authority over the whole database."""
    base = Activity.objects.all() if user is None else activities_for(user)
    return (
        apply_filters(base, filters)
        .select_related("unit", "created_by", "plan_task")
        .order_by("unit__code", "start_date", "pk")
    )


def activity_detail(user: User, pk: int) -> Activity:
    return policy.get_object_for_user(
        Activity.objects.select_related("unit", "created_by", "plan_task__plan"),
        user,
        policy.Action.VIEW,
        pk=pk,
    )


def evidence_for(user: User, pk: int, action: policy.Action = policy.Action.VIEW) -> Evidence:
    return policy.get_object_for_user(
        Evidence.objects.select_related("activity__unit"), user, action, via="activity__unit", pk=pk
    )


def units_for_filter(user: User) -> QuerySet[OrgUnit]:
    return policy.units_for(user, policy.Action.VIEW).order_by("path")


def units_for_entry(user: User) -> QuerySet[OrgUnit]:
    return policy.units_for(user, policy.Action.EDIT).order_by("path")


CALENDAR_PER_DAY = 4
CALENDAR_LIMIT = 3000


@dataclass
class CalendarDay:
    date: dt.date
    in_month: bool
    activities: list[Activity] = field(default_factory=list)

    @property
    def shown(self) -> list[Activity]:
        return self.activities[:CALENDAR_PER_DAY]

    @property
    def more(self) -> int:
        return max(0, len(self.activities) - CALENDAR_PER_DAY)


@dataclass
class MonthGrid:
    year: int
    month: int
    weeks: list[list[CalendarDay]]
    previous: tuple[int, int]
    next: tuple[int, int]
    truncated: bool = False


def month_grid(
    user: User, *, unit: OrgUnit, year: int, month: int, subtree: bool = False
) -> MonthGrid:
    """The month as weeks (Monday first), each day with the unit's activities on it (and
    its subunits' with `subtree`, up to CALENDAR_LIMIT rows)."""
    cal = calendar.Calendar(firstweekday=0)
    days = list(cal.itermonthdates(year, month))
    first, last = days[0], days[-1]
    qs = activities_for(user).filter(start_date__lte=last, end_date__gte=first)
    qs = qs.filter(unit__path__startswith=unit.path) if subtree else qs.filter(unit=unit)
    activities = list(qs.select_related("unit").order_by("start_date", "pk")[: CALENDAR_LIMIT + 1])
    truncated = len(activities) > CALENDAR_LIMIT
    activities = activities[:CALENDAR_LIMIT]
    cells = [CalendarDay(day, day.month == month) for day in days]
    index = {cell.date: cell for cell in cells}
    for activity in activities:
        day = max(activity.start_date, first)
        while day <= min(activity.end_date, last):
            index[day].activities.append(activity)
            day += dt.timedelta(days=1)
    weeks = [cells[i : i + 7] for i in range(0, len(cells), 7)]
    previous = (year - 1, 12) if month == 1 else (year, month - 1)
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    return MonthGrid(year, month, weeks, previous, following, truncated)


def plan_tasks_for(
    user: User, unit: OrgUnit | None = None, action: policy.Action = policy.Action.EDIT
) -> QuerySet:
    """Plan tasks an activity of `unit` (or of any unit the user enters for) may serve."""
    return plan_tasks.tasks_for(user, action, unit=unit)
