import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from binhdang.activities import services
from binhdang.activities.choices import ActivityType
from binhdang.activities.plan_tasks import demo_task_map
from binhdang.plans.choices import PlanStatus
from binhdang.plans.tests.factories import PlanFactory, PlanSectionFactory

from .factories import ActivityFactory
from .test_services import fields

pytestmark = pytest.mark.django_db

TASK_TITLES = {
    "1": "Đẩy mạnh triển khai các hoạt động tuyên truyền, phổ biến, giáo dục pháp luật",
    "2": "Tổ chức triển khai Tháng hành động vì bình đẳng giới",
    "5": "Thực hiện các nhiệm vụ thường xuyên",
}


def issued_plan(unit, year, status=PlanStatus.ISSUED):
    plan = PlanFactory(unit=unit, year=year, status=status)
    PlanSectionFactory(plan=plan, label="I", title="MỤC ĐÍCH, YÊU CẦU", order=0)
    tasks_section = PlanSectionFactory(plan=plan, label="II", title="NHIỆM VỤ TRỌNG TÂM", order=1)
    return {
        label: PlanSectionFactory(plan=plan, parent=tasks_section, label=label, title=title)
        for label, title in TASK_TITLES.items()
    }


@pytest.fixture
def plans(tree):
    return {
        "hp2026": issued_plan(tree.department, 2026),
        "hp2025": issued_plan(tree.department, 2025),
        "qn2026": issued_plan(tree.other_department, 2026),
        "draft": issued_plan(tree.department, 2027, status=PlanStatus.DRAFT),
    }


def test_the_form_offers_the_tasks_of_the_issued_plans_of_the_schools_department(
    client, people, plans
):
    client.force_login(people.officer_a)
    form = client.get(reverse("activities:create")).context["form"]
    offered = set(form.fields["plan_task"].queryset)
    assert offered == {*plans["hp2026"].values(), *plans["hp2025"].values()}
    page = client.get(reverse("activities:create")).content.decode()
    assert "2026 · II.2. Tổ chức triển khai Tháng hành động vì bình đẳng giới" in page


def test_an_activity_serves_a_task_of_its_year_and_its_department(tree, people, plans):
    task = plans["hp2026"]["2"]
    activity = services.activity_create(
        unit=tree.school_a, user=people.officer_a, plan_task=task, **fields()
    )
    assert activity.plan_task == task

    with pytest.raises(ValidationError) as caught:
        services.activity_create(
            unit=tree.school_a, user=people.officer_a, plan_task=plans["hp2025"]["2"], **fields()
        )
    assert caught.value.message_dict["plan_task"] == [
        "Nhiệm vụ đã chọn thuộc kế hoạch năm 2025, nhưng hoạt động diễn ra năm 2026."
    ]
    with pytest.raises(ValidationError) as caught:
        services.activity_create(
            unit=tree.school_a, user=people.officer_a, plan_task=plans["qn2026"]["2"], **fields()
        )
    assert "không áp dụng cho đơn vị này" in caught.value.message_dict["plan_task"][0]


def test_the_list_filters_by_task_and_the_export_names_it(client, tree, people, plans):
    task = plans["hp2026"]["1"]
    tied = ActivityFactory(unit=tree.school_b, plan_task=task, title="Phổ biến Nghị định 125")
    ActivityFactory(unit=tree.school_b, title="Không gắn nhiệm vụ")
    client.force_login(people.secretariat)
    response = client.get(reverse("activities:list"), {"task": task.pk})
    assert [a.title for a in response.context["page_obj"]] == [tied.title]

    export = client.get(reverse("activities:export_xlsx"), {"task": task.pk})
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[1][5] == f"1. {TASK_TITLES['1']}"


def test_the_demo_maps_types_to_the_tasks_of_the_issued_plan(tree, plans):
    mapping = demo_task_map(tree.department, 2026)
    assert mapping[ActivityType.COMMUNICATION] == plans["hp2026"]["1"]
    assert mapping[ActivityType.LAUNCH] == plans["hp2026"]["2"]
    assert mapping[ActivityType.TRAINING] == plans["hp2026"]["5"]
    assert demo_task_map(tree.department, 2027) == {}  # the 2027 plan is only a draft
    assert demo_task_map(tree.department, 2024) == {}


def test_editing_keeps_or_clears_the_task(client, tree, people, plans):
    activity = ActivityFactory(
        unit=tree.school_a, plan_task=plans["hp2026"]["2"], start_date=dt.date(2026, 11, 12)
    )
    client.force_login(people.officer_a)
    form = client.get(reverse("activities:edit", args=[activity.pk])).context["form"]
    assert form.initial["plan_task"] == plans["hp2026"]["2"].pk
    assert set(form.fields["plan_task"].queryset) == {
        *plans["hp2026"].values(),
        *plans["hp2025"].values(),
    }
