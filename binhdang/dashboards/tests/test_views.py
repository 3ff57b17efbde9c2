"""The department dashboard: totals from accepted reports, targets, no personal data."""

import datetime as dt

import pytest
from django.urls import reverse

from binhdang.reports import services
from binhdang.reports.models import UnitReport
from binhdang.reports.tests.factories import fill, open_period, staff_figures, submit

YEAR = dt.date.today().year
pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(tree, people):
    staff_figures(tree.school_a, YEAR, staff_total=81, staff_female=57, managers_female=1)
    staff_figures(tree.school_b, YEAR, managers_female=0)
    staff_figures(tree.school_a, YEAR - 1, staff_total=70, staff_female=50, managers_female=0)
    last = open_period(tree.department, year=YEAR - 1, kind="year_end")
    period = open_period(tree.department, year=YEAR, kind="year_end")
    for p in (last, period):
        report = fill(UnitReport.objects.get(period=p, unit=tree.school_a), people.officer_a)
        report = submit(report, people.head_a)
        services.report_accept(
            report=report, user=people.secretariat, expected_version=report.version
        )
    return period


def test_dashboard_totals_rates_targets_and_year_on_year(client, tree, people, accepted):
    client.force_login(people.secretariat)
    page = client.get(reverse("dashboards:department") + f"?year={YEAR}").content.decode()
    assert "Tỷ lệ đầy đủ" in page and "50,0%" in page  # 1 of 2 units submitted
    assert '<td class="num">81</td>' in page  # staff total this year
    assert '<td class="num">70</td>' in page  # last year's
    assert "50,0%" in page and "(1/2 đơn vị có nữ trong ban lãnh đạo)" in page
    assert "Nghị quyết số 28/NQ-CP" in page and "75,00%" in page
    assert "Ngô Quyền" in page  # district breakdown
    # One accepted report each year: comparable, said so, the change signed.
    assert "Từ 1 báo cáo đã được tiếp nhận; so sánh với cùng kỳ năm trước (1 báo cáo)." in page
    assert '<td class="num">+11</td>' in page  # 81 against 70
    assert "chưa phản ánh thay đổi thực tế" not in page


def test_year_on_year_warns_when_the_report_counts_differ(client, tree, people, accepted):
    """School B's report is accepted this year only: the change mixes 2 reports with 1."""
    report = fill(UnitReport.objects.get(period=accepted, unit=tree.school_b), people.officer_b)
    report = submit(report, people.leader)
    services.report_accept(report=report, user=people.secretariat, expected_version=report.version)
    client.force_login(people.secretariat)
    page = client.get(reverse("dashboards:department") + f"?year={YEAR}").content.decode()
    assert "Từ 2 báo cáo đã được tiếp nhận; so sánh với cùng kỳ năm trước (1 báo cáo)." in page
    assert (
        "Kỳ này có 2 báo cáo được tiếp nhận, cùng kỳ năm trước có 1: cột tăng/giảm so sánh "
        "tổng của hai số lượng báo cáo khác nhau, chưa phản ánh thay đổi thực tế."
    ) in page


def test_viewer_sees_aggregates_and_never_names(client, tree, people, accepted):
    client.force_login(people.viewer)
    response = client.get(
        reverse("dashboards:department") + f"?department={tree.department.code}&year={YEAR}"
    )
    page = response.content.decode()
    assert response.status_code == 200 and '<td class="num">81</td>' in page
    for name in ("Carol", "Dave", "Alice", "Trường THPT Ngô Quyền"):
        assert name not in page


def test_charts_are_png(client, people, accepted):
    client.force_login(people.leader)
    for kind in ("months", "leaders", "types"):
        response = client.get(reverse("dashboards:chart", args=[kind]) + f"?year={YEAR}")
        assert response["Content-Type"] == "image/png" and response.content[:4] == b"\x89PNG"
    assert client.get(reverse("dashboards:chart", args=["other"])).status_code == 404
