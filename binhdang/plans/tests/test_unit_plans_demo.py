"""The unit plans demo: every state this year, a settled mix last year, school A without a
plan this year, and part II assigned on most plans."""

import datetime as dt

import pytest

from binhdang.accounts import demo as accounts_demo
from binhdang.accounts.models import User
from binhdang.plans import demo, selectors_unit
from binhdang.plans.choices import PlanKind
from binhdang.plans.models import Plan
from binhdang.plans.rendering import assignment_rows
from binhdang.plans.services.unit_plans import is_late

pytestmark = pytest.mark.django_db


def test_the_demo_has_unit_plans_in_every_state_and_is_idempotent():
    accounts_demo.load()
    demo.load()
    counts_before = Plan.objects.filter(kind=PlanKind.UNIT).count()
    demo.load()
    assert Plan.objects.filter(kind=PlanKind.UNIT).count() == counts_before

    _previous, current = demo.demo_years()
    parents = {p.year: p for p in Plan.objects.filter(kind=PlanKind.DEPARTMENT, is_demo=True)}
    assert parents[current].unit_plan_due == dt.date(current, 2, 15)
    unit_now = Plan.objects.filter(parent_plan=parents[current], kind=PlanKind.UNIT)
    assert {"draft", "submitted", "returned", "resubmitted", "accepted"} <= set(
        unit_now.values_list("status", flat=True)
    )
    assert not unit_now.filter(unit__code=demo.SCHOOL_A_CODE).exists()
    submitted = [p for p in unit_now.select_related("parent_plan") if p.submitted_at]
    assert {is_late(p) for p in submitted} == {True, False}
    returned = unit_now.filter(status="returned").first()
    assert returned.events.filter(action="returned").exclude(comment="").exists()

    secretariat = User.objects.get(username="thuky.so")
    rows, counts = selectors_unit.follow_up(secretariat, parents[current])
    assert counts["missing"] > 1 and counts["accepted"] > 0 and counts["late"] > 0
    assert counts["total"] == len(rows) == parents[current].distributions.count()


def test_last_year_is_settled_and_most_plans_show_who_does_what():
    accounts_demo.load()
    demo.load()
    previous, current = demo.demo_years()
    parent = Plan.objects.get(kind=PlanKind.DEPARTMENT, is_demo=True, year=previous)
    plans = Plan.objects.filter(parent_plan=parent, kind=PlanKind.UNIT).select_related(
        "parent_plan"
    )
    statuses = [p.status for p in plans]
    assert statuses.count("accepted") > len(statuses) / 2
    assert "returned" in statuses and "draft" not in statuses and "submitted" not in statuses
    accepted = [p for p in plans if p.status == "accepted"]
    assert {is_late(p) for p in accepted} == {True, False}
    after_return = [p for p in accepted if p.events.filter(action="returned").exists()]
    assert after_return  # accepted once fixed
    secretariat = User.objects.get(username="thuky.so")
    _rows, counts = selectors_unit.follow_up(secretariat, parent)
    assert counts["accepted"] > counts["missing"] > 0

    # The assignment table of this year's accepted plans is mostly filled in.
    plans = Plan.objects.filter(kind=PlanKind.UNIT, is_demo=True, parent_plan__year=current)
    filled = total = 0
    for plan in plans.filter(status="accepted"):
        rows = assignment_rows(plan)
        total += len(rows)
        filled += sum(1 for row in rows if row[3] and row[4] and row[5])
    assert total and filled / total > 0.6
    # The Action Month's items are planned for November.
    assert any(
        row[4] == f"Tháng 11/{current}"
        for plan in plans.filter(status="accepted")[:5]
        for row in assignment_rows(plan)
    )
