"""Two people submitting the same report at the same moment: exactly one wins."""

import threading

import pytest
from django.db import connection, connections

from binhdang.core.concurrency import StaleEdit
from binhdang.reports import services
from binhdang.reports.models import ReportVersion, UnitReport

from .factories import fill, open_period


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers on one file lock; the race needs PostgreSQL",
)
def test_two_threads_submitting_one_report(tree, people):
    period = open_period(tree.department)
    report = fill(UnitReport.objects.get(period=period, unit=tree.school_a), people.officer_a)
    version = report.version
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit(user):
        try:
            barrier.wait()
            services.report_submit(
                report=UnitReport.objects.get(pk=report.pk), user=user, expected_version=version
            )
            outcomes.append("ok")
        except StaleEdit:
            outcomes.append("stale")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(u,)) for u in (people.head_a, people.leader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "stale"]
    assert ReportVersion.objects.filter(report=report).count() == 1
