"""Reads for unit plans: the secretariat's follow-up of one department plan, and the unit
plan a unit has made from a plan it received. Scoped by `accounts.policy`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone

from binhdang.accounts import policy
from binhdang.accounts.models import OrgUnit, User

from .choices import PlanKind, PlanStatus
from .models import Plan, PlanDistribution, UnitPlanReminder

# Follow-up states (the filter of the page): the plan's status, or "missing" (no plan yet).
MISSING = "missing"
DRAFT = "draft"
UNDER_REVIEW = "review"
RETURNED = "returned"
ACCEPTED = "accepted"
LATE = "late"
_STATE_OF = {
    PlanStatus.DRAFT: DRAFT,
    PlanStatus.SUBMITTED: UNDER_REVIEW,
    PlanStatus.RESUBMITTED: UNDER_REVIEW,
    PlanStatus.RETURNED: RETURNED,
    PlanStatus.ACCEPTED: ACCEPTED,
}


@dataclass
class FollowUpRow:
    unit: OrgUnit
    plan: Plan | None
    state: str  # one of the constants above (LATE is a filter, not a state)
    timeliness: str  # "on_time", "late", "overdue" (not submitted, deadline passed), "pending"
    last_reminder: dt.date | None

    @property
    def submitted(self) -> bool:
        return self.plan is not None and self.plan.submitted_at is not None


def _timeliness(plan: Plan | None, due: dt.date | None, today: dt.date) -> str:
    if plan is not None and plan.submitted_at is not None:
        if due is None:
            return "on_time"
        return "late" if timezone.localtime(plan.submitted_at).date() > due else "on_time"
    if due is not None and today > due:
        return "overdue"
    return "pending"


def unit_plan_of(parent: Plan, unit: OrgUnit) -> Plan | None:
    return Plan.objects.filter(parent_plan=parent, unit=unit, kind=PlanKind.UNIT).first()


def own_unit_plans(user: User, parent: Plan) -> list[tuple[OrgUnit, Plan | None]]:
    """For each of the user's own units (EDIT granted on the unit itself, as the inbox
    counts them) that received `parent`: (unit, its unit plan or None). Drives the "build
    our plan" button; the department's staff, whose reach covers every school, get none."""
    paths = policy.paths_for(user, policy.Action.EDIT)
    if not paths:
        return []
    units = [
        d.unit
        for d in PlanDistribution.objects.filter(plan=parent, unit__path__in=paths).select_related(
            "unit"
        )
    ]
    plans = {
        p.unit_id: p
        for p in Plan.objects.filter(parent_plan=parent, kind=PlanKind.UNIT, unit__in=units)
    }
    return [(unit, plans.get(unit.pk)) for unit in units]


def follow_up(
    user: User, parent: Plan, *, state: str = "", today: dt.date | None = None
) -> tuple[list[FollowUpRow], dict[str, int]]:
    """Per recipient unit (in the user's MANAGE reach): its plan, state and timeliness;
    with the counts of every state (before filtering)."""
    today = today or timezone.localdate()
    distributions = policy.restrict(
        PlanDistribution.objects.filter(plan=parent), user, policy.Action.MANAGE
    ).select_related("unit")
    plans = {
        p.unit_id: p
        for p in Plan.objects.filter(parent_plan=parent, kind=PlanKind.UNIT).only(
            "pk", "unit_id", "status", "submitted_at", "version", "parent_plan_id"
        )
    }
    reminders = dict(
        UnitPlanReminder.objects.filter(plan=parent)
        .values("unit_id")
        .annotate(last=Max("day"))
        .values_list("unit_id", "last")
    )
    rows = []
    for distribution in distributions.order_by("unit__path"):
        unit = distribution.unit
        plan = plans.get(unit.pk)
        rows.append(
            FollowUpRow(
                unit=unit,
                plan=plan,
                state=_STATE_OF.get(plan.status, DRAFT) if plan else MISSING,
                timeliness=_timeliness(plan, parent.unit_plan_due, today),
                last_reminder=reminders.get(unit.pk),
            )
        )
    counts = {key: 0 for key in (MISSING, DRAFT, UNDER_REVIEW, RETURNED, ACCEPTED, LATE)}
    for row in rows:
        counts[row.state] += 1
        if row.timeliness in ("late", "overdue"):
            counts[LATE] += 1
    counts["total"] = len(rows)
    counts["submitted"] = sum(1 for row in rows if row.submitted)
    if state == LATE:
        rows = [row for row in rows if row.timeliness in ("late", "overdue")]
    elif state:
        rows = [row for row in rows if row.state == state]
    return rows, counts
