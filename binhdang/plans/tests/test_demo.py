"""The plans demo: the previous and the current year's plans issued, distributed, partly
opened; loading twice is safe."""

import pytest

from binhdang.accounts import demo as accounts_demo
from binhdang.accounts.models import OrgUnit
from binhdang.plans import demo
from binhdang.plans.models import Plan, PlanDistribution

pytestmark = pytest.mark.django_db


def test_the_demo_issues_last_and_this_years_plans_and_is_idempotent():
    accounts_demo.load()
    demo.load()
    demo.load()

    previous, current = demo.demo_years()
    plans = {p.year: p for p in Plan.objects.filter(is_demo=True, kind="department")}
    assert {previous, current} <= set(plans)
    for year in (previous, current):
        plan = plans[year]
        assert plan.status == "issued" and plan.date.year == year and plan.date.month == 1
        if year in demo.SEED_PLANS:  # a seed keeps its real number
            assert plan.reference == f"{demo.SEED_PLANS[year].number}/KH-SGDĐT"
        else:  # the nearest earlier seed, carried forward
            assert plan.carried_from.year in demo.SEED_PLANS
            assert plan.carried_from.year < year
    if 2026 in plans:
        assert plans[2026].signer_name == "Phí Thị Thùy Vân"

    department = OrgUnit.objects.get(code=demo.DEPARTMENT_CODE)
    below = department.descendants(include_self=False).filter(is_active=True).count()
    sent = PlanDistribution.objects.filter(plan=plans[current])
    assert sent.count() == below
    share = sent.filter(opened_at__isnull=False).count() / below
    assert 0.5 < share < 1  # most units have read it, not all
    builders = Plan.objects.filter(parent_plan=plans[current]).values("unit")
    assert not sent.filter(unit__in=builders, opened_at__isnull=True).exists()
    assert not sent.get(unit__code=demo.SCHOOL_A_CODE).opened_at
    opened_before = PlanDistribution.objects.filter(plan=plans[previous], opened_at__isnull=False)
    assert 0 < opened_before.count() < below
