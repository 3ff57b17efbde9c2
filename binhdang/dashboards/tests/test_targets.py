"""The dashboard's targets: every target with achieved, gap and met, within the reach."""

import datetime as dt

import pytest
from django.urls import reverse

from binhdang.reports import services
from binhdang.reports.models import Target, UnitReport
from binhdang.reports.tests.factories import fill, open_period, staff_figures, submit

YEAR = dt.date.today().year
pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(tree, people):
    staff_figures(tree.school_a, YEAR, staff_total=80, staff_female=60, managers_female=1)
    staff_figures(
        tree.school_b,
        YEAR,
        staff_total=20,
        staff_female=5,
        managers_female=0,
        party_total=4,
        party_female=1,
        succession_total=2,
        succession_female=1,
    )
    period = open_period(tree.department, year=YEAR, kind="year_end")
    for unit, officer in ((tree.school_a, people.officer_a), (tree.school_b, people.officer_b)):
        report = fill(UnitReport.objects.get(period=period, unit=unit), officer)
        report = submit(report, people.leader)
        services.report_accept(
            report=report, user=people.secretariat, expected_version=report.version
        )
    Target.objects.create(
        code="KH_CITY_WOMEN_STAFF",
        name="Tỷ lệ nữ cán bộ, giáo viên (kế hoạch của thành phố)",
        scope="city",
        source_reference="Kế hoạch của UBND thành phố",
        metric="women_staff_pct",
        target_year=YEAR + 1,
        value=70,
        valid_from=dt.date(YEAR, 1, 1),
    )
    return period


def test_dashboard_compares_every_target_with_its_metric(client, people, accepted):
    client.force_login(people.leader)
    page = client.get(reverse("dashboards:department") + f"?year={YEAR}").content.decode()
    assert "Tiến độ so với các mục tiêu" in page
    # The city's target on women among staff: 65 of 100 in the accepted reports.
    assert "Kế hoạch của UBND thành phố" in page and "70,00%" in page
    assert "65,0%" in page and "65/100 người" in page and "-5" in page
    # Women in leadership: 1 of 2 units, against NQ 28 (2025: 60%, 2030: 75%).
    assert "đạt được 50,0%, chênh lệch -25 điểm %" in page
    assert '<span class="badge warn">Chưa đạt</span>' in page


def test_a_school_sees_its_own_figures_against_the_targets(client, people, accepted):
    client.force_login(people.officer_a)
    page = client.get(reverse("dashboards:department") + f"?year={YEAR}").content.decode()
    assert "60/80 người" in page and "65/100 người" not in page
    assert "đạt được 100,0%, chênh lệch +25 điểm %" in page
