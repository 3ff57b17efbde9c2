"""Action Month coverage against numbers worked out by hand, on the page and the command."""

import datetime as dt
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from binhdang.accounts.choices import UnitType
from binhdang.accounts.tests.factories import OrgUnitFactory
from binhdang.activities.choices import ActivityType, Audience
from binhdang.activities.coverage import campaign_coverage

from .factories import ActivityFactory, CampaignFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def month(tree):
    """Campaign 05/11–25/11/2026 counting launch, talk and contest. Four member units of the
    department: school A, school B, a continuing-education centre C, and an inactive unit."""
    centre = OrgUnitFactory(
        code="HP-GDTX-001",
        name="Trung tâm GDNN-GDTX Thủy Nguyên",
        unit_type=UnitType.CONTINUING_EDUCATION,
        parent=tree.department,
    )
    OrgUnitFactory(
        code="HP-CLOSED", name="Trường đã sáp nhập", parent=tree.department, is_active=False
    )
    CampaignFactory(department=tree.department)

    def act(unit, day, kind, sf=0, sm=0, tf=0, tm=0, month=11, year=2026):
        return ActivityFactory(
            unit=unit,
            activity_type=kind,
            start_date=dt.date(year, month, day),
            staff_female=sf,
            staff_male=sm,
            students_female=tf,
            students_male=tm,
            audiences=[Audience.STAFF, Audience.STUDENTS],
        )

    # Counted: A launch (10 f, 4 m), A talk (30 f, 25 m), B contest (5 f, 5 m + 40 f, 38 m),
    # department's own launch (12 f, 8 m).
    act(tree.school_a, 5, ActivityType.LAUNCH, sf=10, sm=4)
    act(tree.school_a, 12, ActivityType.TALK, tf=30, tm=25)
    act(tree.school_b, 25, ActivityType.CONTEST, sf=5, sm=5, tf=40, tm=38)
    act(tree.department, 6, ActivityType.LAUNCH, sf=12, sm=8)
    # Not counted: outside the dates, a type not counted, another year, another department.
    act(centre, 28, ActivityType.TALK, sf=3, sm=3)
    act(centre, 10, ActivityType.TRAINING, sf=3, sm=3)
    act(centre, 10, ActivityType.TALK, sf=3, sm=3, year=2025)
    act(tree.school_c, 10, ActivityType.TALK, sf=3, sm=3)
    return centre


def test_coverage_numbers_match_the_hand_count(tree, month):
    coverage = campaign_coverage(department=tree.department, year=2026, user=None)

    assert coverage.as_json() == {
        "department": "SGDDT-HP",
        "year": 2026,
        "units_total": 3,
        "units_covered": 2,
        "activities": 4,
        "participants": {"female": 10 + 30 + 45 + 12, "male": 4 + 25 + 43 + 8},
        "by_type": {"launch": 2, "talk": 1, "contest": 1},
        "units_without_activity": ["HP-GDTX-001"],
    }
    rows = {row.key: row for row in coverage.by_unit_type}
    assert (rows["upper_secondary"].units, rows["upper_secondary"].covered) == (2, 2)
    assert rows["upper_secondary"].activities == 3
    assert (rows["continuing_education"].units, rows["continuing_education"].covered) == (1, 0)
    assert (rows["department"].activities, rows["department"].female) == (1, 12)
    assert coverage.rate == 66.7


def test_a_school_sees_the_coverage_of_its_own_unit_only(tree, people, month):
    coverage = campaign_coverage(department=tree.department, year=2026, user=people.officer_b)
    assert (coverage.units_total, coverage.units_covered, coverage.activities) == (1, 1, 1)
    assert (coverage.female, coverage.male) == (45, 43)


def test_the_command_prints_the_contract_json(tree, month, capsys):
    call_command("campaign_coverage", "--year", "2026", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["units_total"] == 3
    assert data["units_covered"] == 2
    assert data["activities"] == 4
    assert data["participants"] == {"female": 97, "male": 80}
    assert data["by_type"] == {"launch": 2, "talk": 1, "contest": 1}
    assert data["units_without_activity"] == ["HP-GDTX-001"]

    call_command("campaign_coverage", "--year", "2026", "--department", "SGDDT-QN", "--json")
    other = json.loads(capsys.readouterr().out)
    # Quảng Ninh has no campaign: the default (all of November) counts its talk.
    assert (other["units_total"], other["units_covered"], other["activities"]) == (1, 1, 1)


def test_the_campaign_page_shows_the_numbers_to_the_ministry_viewer(client, tree, people, month):
    client.force_login(people.viewer)
    response = client.get(reverse("activities:campaign"), {"year": 2026, "department": "SGDDT-HP"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "2/3" in page
    assert "05/11/2026 – 25/11/2026" in page
    assert "Trung tâm GDNN-GDTX Thủy Nguyên" in page  # among the units without activity
    # Aggregates only: no activity titles, no links to records.
    assert "Tuyên truyền Luật Bình đẳng giới" not in page
    assert not re.search(r'href="/activities/(\d+/|\?)', page)


def test_the_campaign_export_holds_the_same_numbers(client, tree, people, month):
    from io import BytesIO

    from openpyxl import load_workbook

    client.force_login(people.secretariat)
    response = client.get(reverse("activities:campaign_export", args=[2026]))
    workbook = load_workbook(BytesIO(response.content))
    # Every sheet starts with its column headers; the title is in the file's properties.
    assert next(workbook["Tổng hợp"].iter_rows(values_only=True)) == ("Nội dung", "Số liệu")
    assert next(workbook["Theo loại hoạt động"].iter_rows(values_only=True))[0] == "Loại hoạt động"
    assert workbook.properties.title.startswith("Tháng hành động năm 2026")
    summary = {
        row[0]: row[1] for row in workbook["Tổng hợp"].iter_rows(min_row=2, values_only=True)
    }
    assert summary["Số đơn vị"] == 3
    assert summary["Số đơn vị có hoạt động"] == 2
    assert summary["Số hoạt động"] == 4
    assert summary["Người tham gia nữ"] == 97
    without = list(workbook["Đơn vị chưa có hoạt động"].iter_rows(min_row=2, values_only=True))
    assert without == [("HP-GDTX-001", "Trung tâm GDNN-GDTX Thủy Nguyên")]


def test_the_chart_is_a_png(client, tree, people, month):
    client.force_login(people.leader)
    response = client.get(reverse("activities:campaign_chart", args=[2026, "types"]))
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert client.get(reverse("activities:campaign_chart", args=[2026, "pie"])).status_code == 404


def test_the_department_edits_its_campaign_and_the_coverage_follows(client, tree, people, month):
    client.force_login(people.secretariat)
    url = reverse("activities:campaign_edit", args=[2026])
    assert "05/11/2026" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "title": "Tháng hành động 2026",
            "theme": "Vì một môi trường học đường an toàn",
            "start_date": "01/11/2026",
            "end_date": "30/11/2026",
            "counted_types": ["launch", "talk", "contest"],
            "version": 1,
        },
    )
    assert response.status_code == 302
    coverage = campaign_coverage(department=tree.department, year=2026, user=None)
    # The centre's talk of 28/11 now falls inside the campaign.
    assert (coverage.units_covered, coverage.activities) == (3, 5)


def test_a_campaign_form_with_the_end_before_the_start_says_so(client, tree, people):
    client.force_login(people.leader)
    response = client.post(
        reverse("activities:campaign_edit", args=[2026]),
        {
            "title": "Tháng hành động",
            "start_date": "20/11/2026",
            "end_date": "10/11/2026",
            "counted_types": ["talk"],
        },
    )
    assert response.status_code == 200
    assert "Ngày kết thúc không được trước ngày bắt đầu." in response.content.decode()


def test_the_home_page_announces_the_end_of_the_running_campaign(client, tree, people):
    from binhdang.activities.coverage import due_items

    CampaignFactory(department=tree.department, year=2026)
    items = due_items(people.officer_a, today=dt.date(2026, 11, 10))
    assert [(i.title, i.due) for i in items] == [
        ("Kết thúc Tháng hành động năm 2026", dt.date(2026, 11, 25))
    ]
    before = due_items(people.secretariat, today=dt.date(2026, 10, 1))
    assert [(i.title, i.due) for i in before] == [
        ("Bắt đầu Tháng hành động năm 2026", dt.date(2026, 11, 5))
    ]
    assert due_items(people.outsider, today=dt.date(2026, 10, 1)) == []
