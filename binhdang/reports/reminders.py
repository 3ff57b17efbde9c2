"""Reminders before and after due dates, for report periods and unit plans.

Idempotent: every reminder is keyed by event + unit + day offset in ReminderLog (unique),
so the command can run every hour and never sends the same reminder twice. A unit that has
not submitted its plan is reminded before the department plan's deadline (the configured
offsets) and, once it has passed, every week until it submits; those reminders also take the
unit's UnitPlanReminder row of the day, the secretariat's button's once-a-day rule, so a unit
never gets two unit-plan reminders on the same day. E-mail leaves only when the reminder's
rows are committed (transaction.on_commit): a rolled-back run mails nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts.models import OrgUnit, User
from binhdang.plans.choices import PlanKind, PlanStatus
from binhdang.plans.models import Plan, PlanDistribution, UnitPlanReminder

from .choices import PeriodStatus
from .models import Notification, ReminderLog, ReportPeriod, UnitReport
from .services import EDITABLE, report_url, unit_users


@dataclass(frozen=True)
class Reminder:
    key: str
    unit: OrgUnit
    subject: str
    body: str
    url: str
    # For a unit-plan reminder: the department plan, whose daily reminder row it takes.
    unit_plan_parent_id: int | None = None


# After a unit plan's deadline, the overdue reminder is repeated every this many days.
UNIT_PLAN_OVERDUE_EVERY_DAYS = 7


def reminder_days() -> list[int]:
    return sorted(int(d) for d in getattr(settings, "REPORT_REMINDER_DAYS", (7, 1)))


def _offset(due: dt.date, today: dt.date) -> str | None:
    """The reminder slot for today: "d7", "d1" (the smallest configured offset that has
    started), "overdue" after the due date, or None."""
    left = (due - today).days
    if left < 0:
        return "overdue"
    if left == 0:
        return "d0"
    started = [d for d in reminder_days() if left <= d]
    return f"d{min(started)}" if started else None


def _text(kind: str, due: dt.date, what: str, unit: OrgUnit) -> tuple[str, str]:
    date = due.strftime("%d/%m/%Y")
    if kind == "overdue":
        subject = _("[BinhDang] Quá hạn: %(what)s") % {"what": what}
        body = _("%(unit)s chưa nộp %(what)s; hạn nộp là ngày %(date)s. Đề nghị hoàn thành sớm.")
    else:
        subject = _("[BinhDang] Sắp đến hạn: %(what)s") % {"what": what}
        body = _("%(unit)s cần nộp %(what)s trước ngày %(date)s.")
    return subject, body % {"unit": unit.name, "what": what, "date": date}


def due_reminders(today: dt.date) -> list[Reminder]:
    result: list[Reminder] = []
    reports = UnitReport.objects.filter(
        period__status=PeriodStatus.OPEN, status__in=EDITABLE
    ).select_related("period", "unit")
    for report in reports:
        slot = _offset(report.period.due_date, today)
        if slot is None:
            continue
        what = str(report.period).lower()
        subject, body = _text(slot, report.period.due_date, what, report.unit)
        key = f"period:{report.period_id}:unit:{report.unit_id}:{slot}"
        result.append(Reminder(key, report.unit, subject, body, report_url(report)))
    plans = Plan.objects.filter(
        kind=PlanKind.DEPARTMENT, status=PlanStatus.ISSUED, unit_plan_due__isnull=False
    )
    for plan in plans:
        slot = _offset(plan.unit_plan_due, today)
        if slot is None:
            continue
        key_slot = slot
        if slot == "overdue":
            # One reminder per week after the deadline (the first the day after it): the
            # week is in the key, so a run on any day of the week sends that week's one.
            late_by = (today - plan.unit_plan_due).days - 1
            key_slot = f"overdue-w{late_by // UNIT_PLAN_OVERDUE_EVERY_DAYS}"
        # Submitted once is enough (as for the button): a plan returned for changes waits
        # on the secretariat's comment, not on a deadline reminder.
        done = Plan.objects.filter(
            parent_plan=plan, kind=PlanKind.UNIT, submitted_at__isnull=False
        ).values("unit_id")
        waiting = (
            PlanDistribution.objects.filter(plan=plan)
            .exclude(unit_id__in=done)
            .select_related("unit")
        )
        what = _("kế hoạch năm %(year)s của đơn vị") % {"year": plan.year}
        for row in waiting:
            subject, body = _text(slot, plan.unit_plan_due, what, row.unit)
            key = f"unitplan:{plan.pk}:unit:{row.unit_id}:{key_slot}"
            result.append(
                Reminder(
                    key,
                    row.unit,
                    subject,
                    body,
                    reverse("plans:inbox"),
                    unit_plan_parent_id=plan.pk,
                )
            )
    return result


def deliver(reminder: Reminder, *, today: dt.date | None = None) -> bool:
    """Send one reminder unless its key was already sent (or, for a unit plan, the unit was
    already reminded of it today). True if sent now."""
    users = unit_users(reminder.unit)
    emails = [u.email for u in users if u.email] or (
        [reminder.unit.email] if reminder.unit.email else []
    )
    try:
        with transaction.atomic():
            ReminderLog.objects.create(
                key=reminder.key,
                unit=reminder.unit,
                subject=reminder.subject,
                recipients=", ".join(emails),
            )
            if reminder.unit_plan_parent_id is not None:
                UnitPlanReminder.objects.create(
                    plan_id=reminder.unit_plan_parent_id,
                    unit=reminder.unit,
                    day=today or timezone.localdate(),
                    sent_by=None,  # the scheduled command, not a person
                    recipients=", ".join(emails),
                )
            Notification.objects.bulk_create(
                [Notification(user=u, text=reminder.body, url=reminder.url) for u in users]
            )
            if emails:
                # Registered inside the savepoint: dropped if these rows roll back.
                transaction.on_commit(
                    partial(
                        send_mail,
                        reminder.subject,
                        reminder.body,
                        None,
                        emails,
                        fail_silently=True,
                    )
                )
    except IntegrityError:
        return False
    return True


def _reminded_today(reminders: list[Reminder], today: dt.date) -> set[tuple[int, int]]:
    """(department plan, unit) pairs already reminded of their unit plan today."""
    parents = {r.unit_plan_parent_id for r in reminders if r.unit_plan_parent_id is not None}
    if not parents:
        return set()
    return set(
        UnitPlanReminder.objects.filter(plan_id__in=parents, day=today).values_list(
            "plan_id", "unit_id"
        )
    )


def send_due(*, today: dt.date | None = None, dry_run: bool = False) -> int:
    today = today or timezone.localdate()
    reminders = due_reminders(today)
    if dry_run:
        sent_keys = set(
            ReminderLog.objects.filter(key__in=[r.key for r in reminders]).values_list(
                "key", flat=True
            )
        )
        busy = _reminded_today(reminders, today)
        return sum(
            1
            for r in reminders
            if r.key not in sent_keys and (r.unit_plan_parent_id, r.unit.pk) not in busy
        )
    return sum(1 for r in reminders if deliver(r, today=today))


def remind_missing(*, period: ReportPeriod, user: User, today: dt.date | None = None) -> int:
    """The board's button: remind every unit that has not submitted, at most once a day."""
    from binhdang.accounts import policy

    policy.require(user, policy.Action.MANAGE, period.department)
    today = today or timezone.localdate()
    count = 0
    for report in period.reports.filter(status__in=EDITABLE).select_related("unit"):
        what = str(period).lower()
        kind = "overdue" if today > period.due_date else "due"
        subject, body = _text(kind, period.due_date, what, report.unit)
        key = f"period:{period.pk}:unit:{report.unit_id}:manual:{today.isoformat()}"
        if deliver(Reminder(key, report.unit, subject, body, report_url(report))):
            count += 1
    return count
