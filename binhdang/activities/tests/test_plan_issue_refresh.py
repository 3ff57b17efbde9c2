"""Issuing the department plan re-derives the Action Month flags: before the department sets
a campaign of its own, the Action Month starts on the date its issued plan gives."""

from __future__ import annotations

import datetime as dt

import pytest

from binhdang.activities import services
from binhdang.activities.choices import ActivityType
from binhdang.activities.models import Activity
from binhdang.plans import services as plan_services
from binhdang.plans.choices import PlanStatus
from binhdang.plans.models import PlanDeadline
from binhdang.plans.tests.factories import PlanFactory

from .factories import CampaignFactory
from .test_services import fields

pytestmark = pytest.mark.django_db


def log(tree, people, day: dt.date, kind: str = ActivityType.TALK) -> Activity:
    return services.activity_create(
        unit=tree.school_a,
        user=people.officer_a,
        **fields(activity_type=kind, start_date=day, end_date=day),
    )


def issue_plan_with_action_month(tree, people, start: dt.date):
    plan = PlanFactory(unit=tree.department, year=start.year, status=PlanStatus.APPROVED)
    PlanDeadline.objects.create(plan=plan, kind="action_month", date=start)
    return plan_services.plan_issue(plan=plan, user=people.secretariat, date=dt.date(2026, 1, 16))


def flags(*activities: Activity) -> list[bool]:
    return [Activity.objects.get(pk=a.pk).is_action_month for a in activities]


def test_activities_logged_before_the_plan_get_the_flag_when_it_is_issued(tree, people):
    # Without a plan the Action Month runs 1–30 November: a launch on 28 October is not in it.
    launch = log(tree, people, dt.date(2026, 10, 28), ActivityType.LAUNCH)
    talk = log(tree, people, dt.date(2026, 11, 12))
    training = log(tree, people, dt.date(2026, 10, 29), ActivityType.TRAINING)  # never counted
    assert flags(launch, talk, training) == [False, True, False]

    issue_plan_with_action_month(tree, people, dt.date(2026, 10, 26))

    assert flags(launch, talk, training) == [True, True, False]


def test_a_later_start_in_the_plan_takes_the_flag_off_early_activities(tree, people):
    early = log(tree, people, dt.date(2026, 11, 3))
    inside = log(tree, people, dt.date(2026, 11, 12))
    last_year = log(tree, people, dt.date(2025, 11, 3))
    assert flags(early, inside, last_year) == [True, True, True]

    issue_plan_with_action_month(tree, people, dt.date(2026, 11, 9))

    assert flags(early, inside, last_year) == [False, True, True]


def test_a_campaign_the_department_set_keeps_its_dates(tree, people):
    CampaignFactory(department=tree.department, year=2026)  # 05/11 – 25/11
    early = log(tree, people, dt.date(2026, 11, 6))
    assert flags(early) == [True]

    issue_plan_with_action_month(tree, people, dt.date(2026, 11, 9))

    assert flags(early) == [True]


def test_another_departments_plan_leaves_these_activities_alone(tree, people):
    early = log(tree, people, dt.date(2026, 11, 3))
    plan = PlanFactory(unit=tree.other_department, year=2026, status=PlanStatus.APPROVED)
    PlanDeadline.objects.create(plan=plan, kind="action_month", date=dt.date(2026, 11, 9))
    plan_services.plan_issue(plan=plan, user=people.admin, date=dt.date(2026, 1, 16))
    assert flags(early) == [True]
