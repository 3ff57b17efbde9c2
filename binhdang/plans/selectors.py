"""Reads of the plans app, always scoped by `accounts.policy`.

A user sees the plans of the units in their reach (their own unit and its subtree) and the
issued plans distributed to those units — so a school reads the department's plan it
received, never another school's drafts.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts import policy
from binhdang.accounts.models import OrgUnit, User
from binhdang.core.due import DueItem

from .choices import DeadlineKind, PlanStatus
from .models import Plan, PlanDeadline, PlanDistribution, PlanSection


def plans_for(user: User) -> QuerySet[Plan]:
    """Every plan the user may read."""
    if not policy.can_anywhere(user, policy.Action.VIEW):
        return Plan.objects.none()
    own = policy.restrict(Plan.objects.all(), user, policy.Action.VIEW)
    received = policy.restrict(
        PlanDistribution.objects.filter(plan=OuterRef("pk")), user, policy.Action.VIEW
    )
    return Plan.objects.filter(
        Q(pk__in=own.values("pk")) | Q(Exists(received), status=PlanStatus.ISSUED)
    )


def plan_list(
    user: User,
    *,
    year: int | None = None,
    status: str | None = None,
    unit: OrgUnit | None = None,
    kind: str | None = None,
) -> QuerySet[Plan]:
    """The plans list: newest year first, with the distribution counts of issued plans."""
    qs = plans_for(user)
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    if unit is not None:
        qs = qs.filter(unit=unit)
    return (
        qs.select_related("unit")
        .annotate(
            sent_count=Count("distributions", distinct=True),
            opened_count=Count(
                "distributions", filter=Q(distributions__opened_at__isnull=False), distinct=True
            ),
        )
        .order_by("-year", "unit__path", "-pk")
    )


def plan_years(user: User) -> list[int]:
    return sorted(set(plans_for(user).values_list("year", flat=True)), reverse=True)


def plan_units(user: User) -> QuerySet[OrgUnit]:
    """Units that have plans the user may read (for the list's unit filter)."""
    return OrgUnit.objects.filter(pk__in=plans_for(user).values("unit_id")).order_by("path")


def get_plan(user: User, pk: int) -> Plan:
    """A plan the user may read, or 404 (missing and out of reach look the same)."""
    try:
        return plans_for(user).select_related("unit", "approved_by", "issued_by").get(pk=pk)
    except Plan.DoesNotExist as exc:
        raise Http404 from exc


def get_owned_plan(user: User, pk: int) -> Plan:
    """A plan of a unit in the user's reach (not merely received), or 404."""
    return policy.get_object_for_user(
        Plan.objects.select_related("unit"), user, policy.Action.VIEW, pk=pk
    )


def inbox(user: User) -> QuerySet[PlanDistribution]:
    """Issued plans delivered to the user's own unit(s), newest first."""
    paths = policy.paths_for(user, policy.Action.VIEW)
    return (
        PlanDistribution.objects.filter(unit__path__in=paths)
        .select_related("plan", "plan__unit", "unit", "opened_by")
        .order_by("-delivered_at", "-pk")
    )


def receipts(plan: Plan) -> QuerySet[PlanDistribution]:
    return plan.distributions.select_related("unit", "opened_by").order_by("unit__path")


def comparable_plans(user: User) -> QuerySet[Plan]:
    return plans_for(user).select_related("unit").order_by("-year", "unit__path", "-pk")


def plan_tasks_for(user: User, unit: OrgUnit | None = None) -> QuerySet[PlanSection]:
    """Plan tasks (the numbered headings under a Roman section) of readable plans, for
    linking activities; a unit's own plans and the plans it received come first."""
    plans = plans_for(user)
    if unit is not None:
        received = PlanDistribution.objects.filter(plan=OuterRef("pk"), unit=unit)
        plans = plans.filter(Q(unit=unit) | Q(Exists(received)) | Q(unit__in=unit.ancestors()))
    return (
        PlanSection.objects.filter(
            plan__in=plans, parent__isnull=False, parent__parent__isnull=True
        )
        .select_related("plan", "parent")
        .order_by("-plan__year", "plan_id", "parent__order", "order")
    )


# --- "what is due next" on the home page -------------------------------------------------------

_DUE_KINDS = (DeadlineKind.MID_YEAR_REPORT, DeadlineKind.YEAR_END_REPORT, DeadlineKind.UNIT_PLAN)


def due_items(user: User, *, today: dt.date | None = None) -> list:
    """Deadlines of the issued plans the user reads (mid-year 28/5, year-end 01/12, unit
    plans due) of this year and last; `core.due.upcoming` keeps those still ahead."""
    today = today or timezone.localdate()
    plans = plans_for(user).filter(status=PlanStatus.ISSUED, year__gte=today.year - 1)
    items = []
    deadlines = (
        PlanDeadline.objects.filter(plan__in=plans, kind__in=_DUE_KINDS)
        .select_related("plan")
        .order_by("date")[:60]
    )
    seen = set()
    for deadline in deadlines:
        seen.add((deadline.plan_id, DeadlineKind.UNIT_PLAN, deadline.date))
        items.append(
            DueItem(
                title=_("%(what)s (kế hoạch %(ref)s)")
                % {"what": deadline.get_kind_display(), "ref": deadline.plan.reference},
                due=deadline.date,
                url=reverse("plans:detail", args=[deadline.plan_id]),
            )
        )
    for plan in plans.filter(unit_plan_due__isnull=False).only(
        "pk", "number", "symbol", "unit_plan_due"
    ):
        if (plan.pk, DeadlineKind.UNIT_PLAN, plan.unit_plan_due) in seen:
            continue
        items.append(
            DueItem(
                title=_("Nộp kế hoạch của đơn vị (theo kế hoạch %(ref)s)")
                % {"ref": plan.reference},
                due=plan.unit_plan_due,
                url=reverse("plans:detail", args=[plan.pk]),
            )
        )
    return items
