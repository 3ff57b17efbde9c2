"""Issuing at the same moment on PostgreSQL: the number register hands out distinct numbers."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from binhdang.plans import services
from binhdang.plans.choices import PlanStatus
from binhdang.plans.models import IssueCounter
from binhdang.plans.tests.factories import PlanFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs real concurrent connections"
    ),
]


def test_plans_issued_at_the_same_moment_get_distinct_numbers(tree, people):
    plans = [
        PlanFactory(unit=tree.department, status=PlanStatus.APPROVED, year=2026) for _ in range(6)
    ]
    # The year's register already exists, as it does after the first number of the year.
    IssueCounter.objects.create(unit=tree.department, year=2026, symbol="KH-SGDĐT")
    start = threading.Barrier(len(plans))
    errors: list[BaseException] = []

    def issue(plan):
        try:
            start.wait()
            services.plan_issue(plan=plan, user=people.secretariat, date=dt.date(2026, 1, 12))
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(plan,)) for plan in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(
        int(p.number) for p in type(plans[0]).objects.filter(pk__in=[p.pk for p in plans])
    )
    assert numbers == [1, 2, 3, 4, 5, 6]
