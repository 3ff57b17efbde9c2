import datetime as dt

from binhdang.activities.models import campaign_for
from binhdang.plans.models import Plan, PlanDeadline


def test_the_default_action_month_starts_on_the_date_the_issued_plan_sets(tree):
    assert campaign_for(tree.school_a, 2026).start_date == dt.date(2026, 11, 1)
    plan = Plan.objects.create(
        unit=tree.department, kind="department", year=2026, status="issued", title="Kế hoạch"
    )
    PlanDeadline.objects.create(plan=plan, kind="action_month", date=dt.date(2026, 11, 9))
    campaign = campaign_for(tree.school_a, 2026)
    assert (campaign.start_date, campaign.end_date) == (dt.date(2026, 11, 9), dt.date(2026, 11, 30))
