"""What one submission costs the database, and that the cheaper path keeps its behaviour:
the frozen version and its number, lateness, the secretariat's notifications, the refusal
of a stale form."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from binhdang.accounts.choices import Role
from binhdang.accounts.tests.factories import user_with_role
from binhdang.reports import services
from binhdang.reports.choices import ReportStatus
from binhdang.reports.models import Notification, ReportVersion, UnitReport

from .factories import fill, open_period, staff_figures

YEAR = dt.date.today().year
pytestmark = pytest.mark.django_db

# One submit request, all included: the session and the user (2), the user's grants (1), the
# report with its unit and period (1), the figures with the number of earlier versions (1),
# the compare-and-set UPDATE (1) and its audit row (the whole report read back, then the
# history row: 2), the version (1), the secretaries' notifications (1), the session saved in
# its savepoint (3); plus the submission's transaction (2: BEGIN/COMMIT outside tests, a
# savepoint inside). It was 17, without the audit row, before the submission was trimmed.
SUBMIT_QUERIES = 15


@pytest.fixture
def period(tree):
    staff_figures(tree.school_a, YEAR)
    return open_period(tree.department, due=dt.date.today() + dt.timedelta(days=5))


def _post_submit(client, report):
    return client.post(
        reverse("reports:report_submit", args=[report.pk]), {"version": report.version}
    )


def test_a_submission_costs_a_fixed_number_of_queries(
    client, tree, people, period, django_assert_max_num_queries
):
    # More secretaries to notify must not mean more queries; a former secretary (inactive)
    # and the other department's are not notified.
    for name in ("sec2", "sec3", "sec4"):
        user_with_role(Role.SECRETARIAT, tree.department, username=name)
    user_with_role(Role.SECRETARIAT, tree.department, username="former", is_active=False)
    user_with_role(Role.SECRETARIAT, tree.other_department, username="quang_ninh")
    before = timezone.now()
    report = fill(UnitReport.objects.get(period=period, unit=tree.school_a), people.officer_a)
    client.force_login(people.head_a)
    with django_assert_max_num_queries(SUBMIT_QUERIES):
        response = _post_submit(client, report)
    assert response.status_code == 302
    assert response.url == reverse("reports:report", args=[report.pk])
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and not report.is_late
    assert report.approved_by == people.head_a
    audit = report.history.order_by("-history_id").first()
    assert audit.status == ReportStatus.SUBMITTED and audit.history_user == people.head_a
    version = ReportVersion.objects.get(report=report)
    assert version.number == 1 and version.submitted_by == people.head_a
    assert version.snapshot["values"]["STAFF"]["total"] == 80
    assert version.snapshot["narrative"]["results"] == report.results
    notified = Notification.objects.filter(url=reverse("reports:report", args=[report.pk]))
    assert sorted(n.user.username for n in notified) == ["alice", "sec2", "sec3", "sec4"]
    assert all("Trường THPT Ngô Quyền đã gửi" in n.text for n in notified)
    assert all(n.read_at is None and before <= n.created_at <= timezone.now() for n in notified)
    assert Notification.objects.count() == 4


def test_a_resubmission_is_version_two_and_late_after_the_due_date(client, tree, people):
    period = open_period(tree.department, due=dt.date.today() - dt.timedelta(days=1))
    report = fill(UnitReport.objects.get(period=period, unit=tree.school_a), people.officer_a)
    client.force_login(people.head_a)
    assert _post_submit(client, report).status_code == 302
    report.refresh_from_db()
    services.report_return(
        report=report, user=people.secretariat, expected_version=report.version, comment="Sửa"
    )
    report = fill(report, people.officer_a, results="Đã bổ sung.")
    assert _post_submit(client, report).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.is_late
    numbers = list(report.versions.values_list("number", flat=True))
    assert numbers == [1, 2]
    assert report.versions.get(number=2).snapshot["narrative"]["results"] == "Đã bổ sung."


def test_a_stale_submit_form_is_refused_and_the_full_page_shown(client, tree, people, period):
    report = fill(UnitReport.objects.get(period=period, unit=tree.school_a), people.officer_a)
    stale = report.version
    fill(report, people.officer_a, results="Bản mới hơn.")
    client.force_login(people.head_a)
    response = client.post(reverse("reports:report_submit", args=[report.pk]), {"version": stale})
    assert response.status_code == 422
    page = response.content.decode()
    assert "vừa được người khác cập nhật" in page and "Bản mới hơn." in page
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert not ReportVersion.objects.filter(report=report).exists()
    assert not Notification.objects.exists()


def test_an_officer_cannot_submit_and_another_school_gets_a_404(client, tree, people, period):
    report = fill(UnitReport.objects.get(period=period, unit=tree.school_a), people.officer_a)
    client.force_login(people.officer_a)
    assert _post_submit(client, report).status_code == 403
    client.force_login(people.officer_b)
    assert _post_submit(client, report).status_code == 404
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
