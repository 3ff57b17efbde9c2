"""Reminders: sent once per event, unit and offset; the command's contract."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from binhdang.reports import reminders
from binhdang.reports.models import Notification, ReminderLog

from .factories import fill, open_period, submit

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def test_command_sends_once_and_prints_sent_n_last(tree, people, mailoutbox):
    today = dt.date.today()
    open_period(tree.department, due=today + dt.timedelta(days=1))
    assert _run("--dry-run") == "sent 2"
    assert ReminderLog.objects.count() == 0 and not mailoutbox
    assert _run() == "sent 2"
    assert _run() == "sent 0"
    assert len(mailoutbox) == 2
    assert "Sắp đến hạn" in mailoutbox[0].subject
    assert Notification.objects.filter(user=people.officer_a).count() == 1


def test_submitted_units_get_no_reminder_and_overdue_is_its_own_event(tree, people, mailoutbox):
    today = dt.date.today()
    period = open_period(tree.department, due=today + dt.timedelta(days=7))
    from binhdang.reports.models import UnitReport

    report = fill(UnitReport.objects.get(period=period, unit=tree.school_a), people.officer_a)
    submit(report, people.head_a)
    assert reminders.send_due(today=today) == 1  # school B only, 7 days before
    assert reminders.send_due(today=today + dt.timedelta(days=3)) == 0  # still the d7 slot
    assert reminders.send_due(today=today + dt.timedelta(days=6)) == 1  # d1
    assert reminders.send_due(today=today + dt.timedelta(days=8)) == 1  # overdue
    assert reminders.send_due(today=today + dt.timedelta(days=9)) == 0
    assert "Quá hạn" in mailoutbox[-1].subject


def test_configurable_days(tree, people, settings):
    settings.REPORT_REMINDER_DAYS = (3,)
    today = dt.date.today()
    open_period(tree.department, due=today + dt.timedelta(days=5))
    assert reminders.send_due(today=today) == 0
    assert reminders.send_due(today=today + dt.timedelta(days=2)) == 2


def test_unit_plans_due_are_reminded_until_submitted(tree, people, mailoutbox):
    from django.utils import timezone

    from binhdang.plans.choices import PlanKind, PlanStatus
    from binhdang.plans.models import PlanDistribution
    from binhdang.plans.tests.factories import PlanFactory

    today = dt.date.today()
    plan = PlanFactory(
        unit=tree.department, status=PlanStatus.ISSUED, unit_plan_due=today + dt.timedelta(days=1)
    )
    for unit in (tree.school_a, tree.school_b):
        PlanDistribution.objects.create(plan=plan, unit=unit, delivered_at=timezone.now())
    PlanFactory(
        unit=tree.school_a, kind=PlanKind.UNIT, parent_plan=plan, status=PlanStatus.SUBMITTED
    )
    assert reminders.send_due(today=today) == 1  # school B has no unit plan yet
    assert "kế hoạch năm 2026 của đơn vị" in mailoutbox[0].body
    assert mailoutbox[0].to == [people.officer_b.email]
    assert reminders.send_due(today=today) == 0
