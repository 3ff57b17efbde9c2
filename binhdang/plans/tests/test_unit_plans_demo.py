"""The unit plans demo: every state in 2026 and 2025, school A without a 2026 plan."""

import datetime as dt

import pytest

from binhdang.accounts import demo as accounts_demo
from binhdang.plans import demo, selectors_unit
from binhdang.plans.choices import PlanKind
from binhdang.plans.models import Plan
from binhdang.plans.services.unit_plans import is_late

pytestmark = pytest.mark.django_db


def test_the_demo_has_unit_plans_in_every_state_and_is_idempotent():
    accounts_demo.load()
    demo.load()
    counts_before = Plan.objects.filter(kind=PlanKind.UNIT).count()
    demo.load()
    assert Plan.objects.filter(kind=PlanKind.UNIT).count() == counts_before

    parents = {p.year: p for p in Plan.objects.filter(kind=PlanKind.DEPARTMENT, is_demo=True)}
    assert parents[2026].unit_plan_due == dt.date(2026, 2, 15)
    assert parents[2025].reference == "9/KH-SGDĐT"
    assert parents[2025].carried_from == parents[2024]
    unit_2026 = Plan.objects.filter(parent_plan=parents[2026], kind=PlanKind.UNIT)
    assert {"draft", "submitted", "returned", "resubmitted", "accepted"} <= set(
        unit_2026.values_list("status", flat=True)
    )
    assert not unit_2026.filter(unit__code=demo.SCHOOL_A_CODE).exists()
    submitted = [p for p in unit_2026.select_related("parent_plan") if p.submitted_at]
    assert {is_late(p) for p in submitted} == {True, False}
    returned = unit_2026.filter(status="returned").first()
    assert returned.events.filter(action="returned").exclude(comment="").exists()

    from binhdang.accounts.models import User

    secretariat = User.objects.get(username="thuky.so")
    rows, counts = selectors_unit.follow_up(secretariat, parents[2026])
    assert counts["missing"] > 1 and counts["accepted"] > 0 and counts["late"] > 0
    assert counts["total"] == len(rows) == parents[2026].distributions.count()
    _rows, counts_2025 = selectors_unit.follow_up(secretariat, parents[2025])
    assert counts_2025["accepted"] > counts_2025["missing"] > 0
