"""The plans demo: both seed plans issued, distributed, partly opened; loading twice is safe."""

import datetime as dt

import pytest

from binhdang.accounts import demo as accounts_demo
from binhdang.accounts.models import OrgUnit
from binhdang.plans import demo
from binhdang.plans.models import Plan, PlanDistribution

pytestmark = pytest.mark.django_db


def test_the_demo_issues_both_seed_plans_and_is_idempotent():
    accounts_demo.load()
    demo.load()
    demo.load()

    plans = {p.year: p for p in Plan.objects.filter(is_demo=True, kind="department")}
    # 2025 is the 2024 plan carried forward, for the previous year's unit plans.
    assert sorted(plans) == [2024, 2025, 2026]
    assert plans[2024].reference == "25/KH-SGDĐT"
    assert plans[2024].date == dt.date(2024, 1, 19)
    assert plans[2026].date.year == 2026 and plans[2026].date.month == 1
    assert plans[2026].signer_name == "Phí Thị Thùy Vân"

    department = OrgUnit.objects.get(code=demo.DEPARTMENT_CODE)
    below = department.descendants(include_self=False).filter(is_active=True).count()
    sent = PlanDistribution.objects.filter(plan=plans[2026])
    assert sent.count() == below
    share = sent.filter(opened_at__isnull=False).count() / below
    assert 0.5 < share < 0.8
    assert not sent.get(unit__code=demo.SCHOOL_A_CODE).opened_at
    opened_2024 = PlanDistribution.objects.filter(plan=plans[2024], opened_at__isnull=False)
    assert 0 < opened_2024.count() < below
