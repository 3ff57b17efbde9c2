"""Automatic reminders to units that have not submitted their plan (`send_reminders`):
before the department plan's deadline, then weekly once it has passed; never twice a day for
a unit, whether the secretariat's button or the schedule reminded it first; mail leaves only
when the reminder is committed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from binhdang.plans.choices import PlanStatus
from binhdang.plans.models import PlanDistribution, UnitPlanReminder
from binhdang.plans.services import unit_plans
from binhdang.plans.tests.factories import PlanFactory
from binhdang.reports import reminders
from binhdang.reports.models import ReminderLog

pytestmark = pytest.mark.django_db

DUE = dt.date(2026, 2, 15)


@pytest.fixture
def department_plan(tree, people, settings):
    """The issued 2026 plan, sent to schools A and B, unit plans due 15/02/2026; reminders
    3 days and 1 day before."""
    settings.REPORT_REMINDER_DAYS = (3, 1)
    plan = PlanFactory(unit=tree.department, status=PlanStatus.ISSUED, unit_plan_due=DUE)
    for unit in (tree.school_a, tree.school_b):
        PlanDistribution.objects.create(plan=plan, unit=unit, delivered_at=timezone.now())
    people.officer_a.email = "canbo@ngoquyen.edu.vn"
    people.officer_a.save()
    return plan


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """One scheduled run on `day`, committed; returns how many reminders went out."""

    def run(day: dt.date) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return reminders.send_due(today=day)

    return run


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def test_a_unit_without_a_plan_is_reminded_near_the_deadline_then_weekly(
    tree, people, department_plan, send
):
    address = "canbo@ngoquyen.edu.vn"
    sent_on = []
    day = DUE - dt.timedelta(days=10)
    while day <= DUE + dt.timedelta(days=29):
        before = len(mails_to(address))
        send(day)
        if len(mails_to(address)) > before:
            sent_on.append(day)
        day += dt.timedelta(days=1)
    assert sent_on == [
        dt.date(2026, 2, 12),  # 3 days before
        dt.date(2026, 2, 14),  # the day before
        dt.date(2026, 2, 15),  # the day itself
        dt.date(2026, 2, 16),  # overdue, then once a week
        dt.date(2026, 2, 23),
        dt.date(2026, 3, 2),
        dt.date(2026, 3, 9),
        dt.date(2026, 3, 16),
    ]
    subjects = [message.subject for message in mails_to(address)]
    assert subjects[0] == "[BinhDang] Sắp đến hạn: kế hoạch năm 2026 của đơn vị"
    assert subjects[-1] == "[BinhDang] Quá hạn: kế hoạch năm 2026 của đơn vị"
    # The secretariat's follow-up page sees the schedule's reminders as its own.
    recorded = UnitPlanReminder.objects.filter(unit=tree.school_a).values_list("day", flat=True)
    assert sorted(recorded) == sent_on


def test_a_submitted_plan_stops_the_reminders_even_if_returned_later(
    tree, people, department_plan, send
):
    plan = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.officer_a
    )
    unit_plans.unit_plan_submit(plan=plan, user=people.head_a)
    unit_plans.unit_plan_return(
        plan=plan, user=people.secretariat, comment="Bổ sung.", notify=False
    )
    send(DUE + dt.timedelta(days=1))
    assert not mails_to("canbo@ngoquyen.edu.vn")
    assert not UnitPlanReminder.objects.filter(unit=tree.school_a).exists()


def test_the_button_and_the_schedule_remind_a_unit_once_a_day_between_them(
    tree, people, department_plan, send, django_capture_on_commit_callbacks
):
    day = DUE - dt.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        reminded, _skipped = unit_plans.unit_plan_remind(
            parent=department_plan, units=[tree.school_a], user=people.secretariat, today=day
        )
    assert reminded == [tree.school_a]
    assert reminders.send_due(today=day, dry_run=True) == 1  # school B only
    send(day)
    assert len(mails_to("canbo@ngoquyen.edu.vn")) == 1
    # The schedule's slot was not used up: the deadline day still brings its reminder.
    send(DUE)
    assert len(mails_to("canbo@ngoquyen.edu.vn")) == 2
    # And once the schedule has reminded, the button skips the unit that day.
    with django_capture_on_commit_callbacks(execute=True):
        reminded, skipped = unit_plans.unit_plan_remind(
            parent=department_plan, units=[tree.school_a], user=people.secretariat, today=DUE
        )
    assert (reminded, skipped) == ([], [tree.school_a])
    assert len(mails_to("canbo@ngoquyen.edu.vn")) == 2


def test_nothing_is_mailed_when_the_run_is_rolled_back(
    tree, people, department_plan, django_capture_on_commit_callbacks
):
    class Abort(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Abort):
        with transaction.atomic():
            assert reminders.send_due(today=DUE) == 2
            raise Abort
    assert not mail.outbox
    assert not ReminderLog.objects.exists() and not UnitPlanReminder.objects.exists()
    # The same run, committed, mails the unit.
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_due(today=DUE) == 2
    assert len(mails_to("canbo@ngoquyen.edu.vn")) == 1
