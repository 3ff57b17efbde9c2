"""The department plan's workflow: submit, approve, return, issue; distribution and receipts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts import policy
from binhdang.accounts.models import OrgUnit, User

from ..choices import EventAction, PlanStatus
from ..models import IssueCounter, Plan, PlanDistribution, PlanEvent
from ..signals import plan_issued
from .common import PlanWorkflowError

_DISTRIBUTION_BATCH = 1000


def _lock(plan: Plan) -> Plan:
    """The plan row, locked for this transaction (PostgreSQL; SQLite serialises writers)."""
    return Plan.objects.select_for_update(of=("self",)).select_related("unit").get(pk=plan.pk)


def _refuse(plan: Plan, wanted: str) -> PlanWorkflowError:
    return PlanWorkflowError(
        _("Không thể %(action)s: kế hoạch đang ở trạng thái “%(status)s”.")
        % {"action": wanted, "status": plan.get_status_display()},
        code="status",
    )


def _step(plan: Plan, *, to: str, user: User, action: str, comment: str = "", **fields) -> Plan:
    plan.status = to
    plan.version += 1  # the row is locked (see _lock), so no lost update
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.save()
    PlanEvent.objects.create(plan=plan, by=user, action=action, comment=comment)
    return plan


@transaction.atomic
def plan_submit_for_approval(*, plan: Plan, user: User, comment: str = "") -> Plan:
    """The secretariat hands the draft to the leader."""
    locked = _lock(plan)
    if locked.status != PlanStatus.DRAFT:
        raise _refuse(locked, _("trình duyệt"))
    return _step(
        locked,
        to=PlanStatus.SUBMITTED_FOR_APPROVAL,
        user=user,
        action=EventAction.SUBMITTED_FOR_APPROVAL,
        comment=comment,
    )


@transaction.atomic
def plan_approve(*, plan: Plan, user: User, comment: str = "") -> Plan:
    """The leader approves a draft (submitted or not); the content is frozen from here on."""
    locked = _lock(plan)
    if locked.status not in (PlanStatus.DRAFT, PlanStatus.SUBMITTED_FOR_APPROVAL):
        raise _refuse(locked, _("duyệt"))
    return _step(
        locked,
        to=PlanStatus.APPROVED,
        user=user,
        action=EventAction.APPROVED,
        comment=comment,
        approved_by=user,
        approved_at=timezone.now(),
    )


@transaction.atomic
def plan_return_to_draft(*, plan: Plan, user: User, comment: str = "") -> Plan:
    """Back to draft for more edits (before issuing only)."""
    locked = _lock(plan)
    if locked.status not in (PlanStatus.SUBMITTED_FOR_APPROVAL, PlanStatus.APPROVED):
        raise _refuse(locked, _("trả về dự thảo"))
    return _step(
        locked,
        to=PlanStatus.DRAFT,
        user=user,
        action=EventAction.RETURNED_TO_DRAFT,
        comment=comment,
        approved_by=None,
        approved_at=None,
    )


def default_recipient_units(plan: Plan) -> QuerySet[OrgUnit]:
    """Every active unit below the issuing unit: the schools and affiliated units."""
    return plan.unit.descendants(include_self=False).filter(is_active=True).order_by("path")


def _next_number(unit: OrgUnit, year: int, symbol: str) -> int:
    """Take the next number of the unit's register for `symbol` in `year`.

    The counter row is locked until the transaction ends, so concurrent issues queue here;
    get_or_create handles the first number of a year (a lost race re-reads the row).
    """
    counter, _created = IssueCounter.objects.select_for_update().get_or_create(
        unit=unit, year=year, symbol=symbol
    )
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


@transaction.atomic
def plan_issue(
    *,
    plan: Plan,
    user: User,
    date: dt.date | None = None,
    units: Iterable[OrgUnit] | None = None,
) -> Plan:
    """Number, date, lock and distribute an approved plan.

    The number is the next of the issuing unit's register for the plan's symbol in the year
    of the issue date (Decree 30 restarts numbering each calendar year). `units` (default:
    every unit below the issuing unit) receive it in their inbox; units outside the issuing
    unit's subtree are ignored.
    """
    locked = _lock(plan)
    if locked.status != PlanStatus.APPROVED:
        if locked.status == PlanStatus.ISSUED:
            raise PlanWorkflowError(
                _("Kế hoạch đã được ban hành (số %(ref)s), không ban hành lại.")
                % {"ref": locked.reference},
                code="issued",
            )
        raise PlanWorkflowError(
            _("Chỉ ban hành được kế hoạch đã được lãnh đạo duyệt."), code="not_approved"
        )
    if not locked.symbol.strip():
        raise PlanWorkflowError(
            _("Kế hoạch chưa có ký hiệu (ví dụ KH-SGDĐT) nên chưa thể cấp số."), code="symbol"
        )
    date = date or timezone.localdate()
    candidates = default_recipient_units(locked)
    if units is not None:
        candidates = candidates.filter(pk__in=[u.pk for u in units])
    recipients = list(candidates)
    if not recipients:
        raise PlanWorkflowError(_("Chưa chọn đơn vị nhận nào."), code="no_recipients")
    serial = _next_number(locked.unit, date.year, locked.symbol)
    now = timezone.now()
    _step(
        locked,
        to=PlanStatus.ISSUED,
        user=user,
        action=EventAction.ISSUED,
        comment=_("Gửi %(count)s đơn vị.") % {"count": len(recipients)},
        number=str(serial),
        serial=serial,
        date=date,
        issued_by=user,
        issued_at=now,
    )
    PlanDistribution.objects.bulk_create(
        (PlanDistribution(plan=locked, unit=unit, delivered_at=now) for unit in recipients),
        batch_size=_DISTRIBUTION_BATCH,
    )
    # Apps that depend on an issued plan (the Action Month dates) follow in this transaction.
    plan_issued.send(sender=Plan, plan=locked, user=user)
    return locked


def plan_mark_opened(*, plan: Plan, user: User) -> int:
    """Record the read receipt of the user's own unit(s), the first time only.

    Only the units the user belongs to count (the roots of their reach), so a department
    officer browsing a plan does not mark the schools' copies as read. One conditional
    UPDATE, so two people opening at once record one receipt.
    """
    paths = policy.paths_for(user, policy.Action.VIEW)
    if not paths:
        return 0
    return PlanDistribution.objects.filter(
        plan=plan, unit__path__in=paths, opened_at__isnull=True
    ).update(opened_at=timezone.now(), opened_by=user)
