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
