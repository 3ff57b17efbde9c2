"""Editing a draft plan's closing parts: its deadlines and its recipients ("Nơi nhận").

Same rules as editing.py: each service claims the plan at the editor's `version` first.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from binhdang.accounts.models import User

from ..choices import DeadlineKind
from ..models import Plan, PlanDeadline, PlanRecipient
from .common import claim, move_in


@transaction.atomic
def deadline_add(
    *, plan: Plan, version: int, user: User, kind: str, date: dt.date, text: str = ""
) -> PlanDeadline:
    claim(plan, version)
    deadline = PlanDeadline.objects.create(plan=plan, kind=kind, date=date, text=text)
    _sync_unit_plan_due(plan)
    return deadline


@transaction.atomic
def deadline_update(
    *, deadline: PlanDeadline, version: int, user: User, kind: str, date: dt.date, text: str = ""
) -> PlanDeadline:
    claim(deadline.plan, version)
    deadline.kind, deadline.date, deadline.text = kind, date, text
    deadline.save()
    _sync_unit_plan_due(deadline.plan)
    return deadline


@transaction.atomic
def deadline_delete(*, deadline: PlanDeadline, version: int, user: User) -> None:
    claim(deadline.plan, version)
    plan = deadline.plan
    deadline.delete()
    _sync_unit_plan_due(plan)


def _sync_unit_plan_due(plan: Plan) -> None:
    """`unit_plan_due` mirrors the plan's "unit plans due" deadline (used by issue 5)."""
    due = (
        plan.deadlines.filter(kind=DeadlineKind.UNIT_PLAN)
        .order_by("date")
        .values_list("date", flat=True)
        .first()
    )
    if plan.unit_plan_due != due:
        plan.unit_plan_due = due
        Plan.objects.filter(pk=plan.pk).update(unit_plan_due=due)


@transaction.atomic
def recipient_add(*, plan: Plan, version: int, user: User, text: str) -> PlanRecipient:
    claim(plan, version)
    return PlanRecipient.objects.create(plan=plan, order=plan.recipients.count(), text=text.strip())


@transaction.atomic
def recipient_update(
    *, recipient: PlanRecipient, version: int, user: User, text: str
) -> PlanRecipient:
    claim(recipient.plan, version)
    recipient.text = text.strip()
    recipient.save()
    return recipient


@transaction.atomic
def recipient_delete(*, recipient: PlanRecipient, version: int, user: User) -> None:
    claim(recipient.plan, version)
    recipient.delete()


@transaction.atomic
def recipient_move(*, recipient: PlanRecipient, version: int, user: User, direction: str) -> None:
    claim(recipient.plan, version)
    move_in(list(recipient.plan.recipients.order_by("order", "pk")), recipient, direction)
