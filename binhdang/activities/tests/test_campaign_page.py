"""The campaign page: which department it opens on, and its two charts drawn from the
numbers the page computed (once), yet never stale after a new activity."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.urls import reverse

from binhdang.accounts.choices import UnitType
from binhdang.accounts.tests.factories import OrgUnitFactory
from binhdang.activities import services
from binhdang.activities.choices import ActivityType
from binhdang.activities.coverage import default_department
from binhdang.activities.views import campaign as views

from .test_coverage import month  # noqa: F401  (the 2026 campaign fixture)
from .test_services import fields

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 11, 20)


def test_the_ministry_opens_on_the_department_with_the_most_units(client, tree, people):
    empty = OrgUnitFactory(
        code="SGDDT-AA",
        name="Sở GDĐT chưa có đơn vị",
        unit_type=UnitType.DEPARTMENT,
        parent=tree.ministry,
    )
    # Whatever the order by path, the department with schools wins over empty ones.
    ordered = [empty, tree.other_department, tree.department]
    assert default_department(people.viewer, ordered) == tree.department

    client.force_login(people.viewer)
    response = client.get(reverse("activities:campaign"))
    assert response.context["department"] == tree.department
    page = response.content.decode()
    assert f'<option value="{tree.department.code}" selected>' in page
    # The export follows the department on screen.
    assert f"export.xlsx?department={tree.department.code}" in page


def test_a_viewer_working_in_a_department_opens_on_her_own(tree, people):
    people.viewer.home_unit = tree.school_c
    people.viewer.save()
    departments = [tree.department, tree.other_department]
    assert default_department(people.viewer, departments) == tree.other_department


def chart_urls(response) -> list[str]:
    return [html.unescape(url) for url in re.findall(r'class="chart" src="([^"]+)"', response)]


def test_the_charts_reuse_the_pages_numbers_and_follow_a_new_activity(
    client,
    tree,
    people,
    month,  # noqa: F811  (the fixture imported above)
    monkeypatch,
):
    computed, drawn = [], []
    real_coverage, real_chart = views.campaign_coverage, views.bar_chart

    def counting_coverage(**kwargs):
        computed.append(kwargs)
        return real_coverage(**kwargs)

    def recording_chart(labels, series, **kwargs):
        drawn.append({name: sum(values) for name, values in series.items()})
        return real_chart(labels, series, **kwargs)

    monkeypatch.setattr(views, "campaign_coverage", counting_coverage)
    monkeypatch.setattr(views, "bar_chart", recording_chart)
    client.force_login(people.secretariat)

    page = client.get(reverse("activities:campaign"), {"year": 2026}).content.decode()
    urls = chart_urls(page)
    assert len(urls) == 2
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200 and response.content.startswith(b"\x89PNG")
    assert len(computed) == 1  # the page's computation only
    assert drawn == [
        {"Số hoạt động": 4},
        {"Số đơn vị": 3, "Đơn vị có hoạt động": 2},
    ]

    # The centre logs a contest in the Action Month: the next page load shows it, charts too.
    services.activity_create(
        unit=month,
        user=people.secretariat,
        **fields(activity_type=ActivityType.CONTEST, start_date=DAY, end_date=DAY),
    )
    page = client.get(reverse("activities:campaign"), {"year": 2026}).content.decode()
    assert "3/3" in page
    for url in chart_urls(page):
        client.get(url)
    assert drawn[-2:] == [
        {"Số hoạt động": 5},
        {"Số đơn vị": 3, "Đơn vị có hoạt động": 3},
    ]
    assert len(computed) == 2


def test_a_chart_without_the_pages_numbers_computes_them(client, people, month):  # noqa: F811
    client.force_login(people.leader)
    url = reverse("activities:campaign_chart", args=[2026, "unit-types"])
    for query in ({}, {"rows": "forgotten-or-someone-elses"}):
        response = client.get(url, query)
        assert response.status_code == 200 and response.content.startswith(b"\x89PNG")
