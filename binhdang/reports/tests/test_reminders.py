"""Reminders: sent once per event, unit and offset; the command's contract."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from binhdang.reports import reminders
from binhdang.reports.models import Notification, ReminderLog

from .factories import fill, open_period, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block as if its transaction committed: reminders mail only on commit."""

    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run


def _run(*args) -> str:
    out = io.StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def test_command_sends_once_and_prints_sent_n_last(tree, people, mailoutbox, committed):
    today = dt.date.today()
    open_period(tree.department, due=today + dt.timedelta(days=1))
    assert committed(_run, "--dry-run") == "sent 2"
    assert ReminderLog.objects.count() == 0 and not mailoutbox
    assert committed(_run) == "sent 2"
    assert committed(_run) == "sent 0"
    assert len(mailoutbox) == 2
    assert "Sắp đến hạn" in mailoutbox[0].subject
    assert Notification.objects.filter(user=people.officer_a).count() == 1


def test_submitted_units_get_no_reminder_and_overdue_is_its_own_event(
    tree, people, mailoutbox, committed
):
    today = dt.date.today()
    period = open_period(tree.department, due=today + dt.timedelta(days=7))
    from binhdang.reports.models import UnitReport

    report = fill(UnitReport.objects.get(period=period, unit=tree.school_a), people.officer_a)
    submit(report, people.head_a)

    def send(days: int) -> int:
        return committed(reminders.send_due, today=today + dt.timedelta(days=days))

    assert send(0) == 1  # school B only, 7 days before
    assert send(3) == 0  # still the d7 slot
    assert send(6) == 1  # d1
    assert send(8) == 1  # overdue
    assert send(9) == 0
    assert send(30) == 0  # a report period's overdue reminder is sent once
    assert "Quá hạn" in mailoutbox[-1].subject


def test_configurable_days(tree, people, settings):
    settings.REPORT_REMINDER_DAYS = (3,)
    today = dt.date.today()
    open_period(tree.department, due=today + dt.timedelta(days=5))
    assert reminders.send_due(today=today) == 0
    assert reminders.send_due(today=today + dt.timedelta(days=2)) == 2


def test_unit_plans_due_are_reminded_until_submitted(tree, people, mailoutbox, committed):
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
        unit=tree.school_a,
        kind=PlanKind.UNIT,
        parent_plan=plan,
        status=PlanStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
    assert committed(reminders.send_due, today=today) == 1  # school B has no unit plan yet
    assert f"kế hoạch năm {plan.year} của đơn vị" in mailoutbox[0].body
    assert mailoutbox[0].to == [people.officer_b.email]
    assert committed(reminders.send_due, today=today) == 0
