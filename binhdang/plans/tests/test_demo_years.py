"""The demo follows the calendar: in 2027 it shows the 2027 plan (the 2026 seed carried
forward) and the 2026 plan, with their unit plans, and nothing dated after today."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from binhdang.accounts import demo as accounts_demo
from binhdang.plans import demo
from binhdang.plans.choices import PlanKind, PlanStatus
from binhdang.plans.models import Plan, PlanDistribution, PlanEvent

# 10/03/2027 03:00 UTC, 10:00 in Hà Nội.
IN_2027 = dt.datetime(2027, 3, 10, 3, 0, tzinfo=dt.UTC)


def test_the_demo_years_are_last_year_and_this_year_in_vietnam(monkeypatch):
    assert demo.demo_years(dt.date(2027, 1, 1)) == (2026, 2027)
    # 31/12/2026 17:30 UTC is already New Year's Day in Hà Nội.
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 12, 31, 17, 30, tzinfo=dt.UTC))
    assert demo.demo_years() == (2026, 2027)


@pytest.mark.django_db
def test_in_2027_the_demo_has_the_2027_and_2026_plans_and_their_unit_plans(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: IN_2027)
    accounts_demo.load()
    demo.load()
    demo.load()  # idempotent

    plans = {p.year: p for p in Plan.objects.filter(is_demo=True, kind=PlanKind.DEPARTMENT)}
    assert sorted(plans) == [2026, 2027]
    assert all(p.status == PlanStatus.ISSUED for p in plans.values())
    assert plans[2026].reference == "12/KH-SGDĐT"
    # No 2027 seed: the 2026 one carried forward, issued in January, unit plans due 15/02.
    assert plans[2027].carried_from == plans[2026]
    assert plans[2027].reference == "9/KH-SGDĐT"
    assert plans[2027].date == dt.date(2027, 1, 17)
    assert plans[2027].unit_plan_due == dt.date(2027, 2, 15)
    assert "2027" in plans[2027].title

    unit_2027 = Plan.objects.filter(parent_plan=plans[2027], kind=PlanKind.UNIT)
    assert {"draft", "submitted", "returned", "resubmitted", "accepted"} <= set(
        unit_2027.values_list("status", flat=True)
    )
    assert not unit_2027.filter(unit__code=demo.SCHOOL_A_CODE).exists()
    unit_2026 = Plan.objects.filter(parent_plan=plans[2026], kind=PlanKind.UNIT)
    assert unit_2026.filter(status="accepted").count() > unit_2026.count() / 2
    # The current year's copy is still unread at school A, for the tour.
    assert not PlanDistribution.objects.get(
        plan=plans[2027], unit__code=demo.SCHOOL_A_CODE
    ).opened_at
    # Nothing happened after "now".
    assert not PlanEvent.objects.filter(at__gt=IN_2027).exists()
    assert not PlanDistribution.objects.filter(opened_at__gt=IN_2027).exists()
    assert not Plan.objects.filter(submitted_at__gt=IN_2027).exists()
