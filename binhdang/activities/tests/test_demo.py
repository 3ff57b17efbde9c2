import pytest
from django.utils import timezone

from binhdang.accounts import demo as accounts_demo
from binhdang.accounts.models import OrgUnit
from binhdang.activities import demo
from binhdang.activities.coverage import campaign_coverage
from binhdang.activities.models import Activity, Campaign, Evidence

from .test_plan_tasks import issued_plan

pytestmark = pytest.mark.django_db


def test_the_demo_is_a_living_year_and_loads_once():
    accounts_demo.load()
    this_year = timezone.localdate().year
    department = OrgUnit.objects.get(code=demo.DEPARTMENT_CODE)
    tasks = issued_plan(department, this_year)  # as the plans demo issues it
    demo.load()
    count = Activity.objects.count()
    demo.load()
    assert Activity.objects.count() == count

    for year in (this_year - 1, this_year):
        campaign = Campaign.objects.get(department=department, year=year)
        assert campaign.start_date.month == 11 and campaign.start_date.day <= 14
        coverage = campaign_coverage(department=department, year=year, user=None)
        # Most units took part, some did not: the page has something to show either way.
        assert 0.6 * coverage.units_total < coverage.units_covered < coverage.units_total
        assert coverage.activities > coverage.units_covered
        assert coverage.female > 0 and coverage.male > 0
    # More activities in November (the Action Month) than in any other month.
    per_month = {
        month: Activity.objects.filter(year=this_year - 1, start_date__month=month).count()
        for month in range(1, 13)
    }
    assert max(per_month, key=per_month.get) == 11
    # The demo school officer's school has a log, with evidence photos somewhere.
    assert Activity.objects.filter(unit__code="HP-THPT-002").exists()
    assert Evidence.objects.filter(thumbnail__gt="").count() >= 10
    assert all(a.participants_total > 0 for a in Activity.objects.all()[:200])
    # Tied to the tasks of the issued plan of the year; last year had no plan in the app.
    this_years = Activity.objects.filter(year=this_year)
    assert this_years.filter(plan_task=tasks["2"], is_action_month=True).exists()
    assert this_years.filter(plan_task=tasks["1"], activity_type="communication").exists()
    assert not Activity.objects.filter(year=this_year - 1, plan_task__isnull=False).exists()
