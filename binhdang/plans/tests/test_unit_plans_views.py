"""The secretariat's follow-up page: deadline, reminders from the browser, accepting locks
the plan, and a fixed query budget."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.urls import reverse

from binhdang.accounts.choices import Role
from binhdang.accounts.tests.factories import OrgUnitFactory, user_with_role
from binhdang.plans.choices import PlanStatus
from binhdang.plans.models import Plan, UnitPlanReminder
from binhdang.plans.services import unit_plans

from .test_unit_plans import department_plan  # noqa: F401 - the shared fixture


def test_the_secretariat_sets_the_deadline_and_reminds_once_a_day(
    client,
    tree,
    people,
    department_plan,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    people.officer_a.email = "canbo@ngoquyen.edu.vn"
    people.officer_a.save()
    for school in (tree.school_a, tree.school_b):  # only the officer's address
        school.email = ""
        school.save()
    people.head_a.email = people.officer_b.email = ""
    people.head_a.save()
    people.officer_b.save()
    client.force_login(people.secretariat)
    url = reverse("plans:unit_plans", args=[department_plan.pk])
    client.post(reverse("plans:unit_due", args=[department_plan.pk]), {"unit_plan_due": "20/02"})
    department_plan.refresh_from_db()
    assert department_plan.unit_plan_due == dt.date(2026, 2, 15)  # bad input changes nothing
    client.post(
        reverse("plans:unit_due", args=[department_plan.pk]), {"unit_plan_due": "28/02/2026"}
    )
    department_plan.refresh_from_db()
    assert department_plan.unit_plan_due == dt.date(2026, 2, 28)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("plans:unit_remind", args=[department_plan.pk]), follow=True)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["canbo@ngoquyen.edu.vn"]
    page = response.content.decode()
    assert "Đã gửi thư nhắc tới 1 đơn vị." in page
    assert "1 đơn vị không được nhắc" in page  # school B: no address
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("plans:unit_remind", args=[department_plan.pk]), follow=True)
    assert len(mail.outbox) == 1
    assert UnitPlanReminder.objects.count() == 1
    assert client.get(url).context["rows"][0].last_reminder is not None


def test_accepting_locks_the_plan_for_the_school(client, tree, people, department_plan):  # noqa: F811
    plan = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.officer_a
    )
    unit_plans.unit_plan_submit(plan=plan, user=people.head_a)
    client.force_login(people.secretariat)
    client.post(reverse("plans:unit_accept", args=[plan.pk]), {"next": "follow_up"})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACCEPTED
    client.force_login(people.officer_a)
    response = client.get(reverse("plans:edit", args=[plan.pk]))
    assert response.status_code == 302 and response.url == reverse("plans:detail", args=[plan.pk])
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "Sở đã tiếp nhận; kế hoạch không thể sửa nữa." in page


def test_the_follow_up_page_has_a_fixed_query_budget(
    client,
    tree,
    people,
    department_plan,  # noqa: F811
    django_assert_max_num_queries,
):
    # More recipients with plans in several states cost no more queries.
    for index in range(12):
        school = OrgUnitFactory(parent=tree.department, name=f"Trường THPT Thử {index}")
        head = user_with_role(Role.UNIT_HEAD, school, username=f"head{index}")
        department_plan.distributions.create(unit=school, delivered_at=department_plan.issued_at)
        plan = unit_plans.unit_plan_create(parent=department_plan, unit=school, user=head)
        if index % 2:
            unit_plans.unit_plan_submit(plan=plan, user=head)
    client.force_login(people.secretariat)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("plans:unit_plans", args=[department_plan.pk]))
    assert response.context["counts"]["total"] == 14
    assert response.context["counts"]["submitted"] == 6
    assert Plan.objects.filter(parent_plan=department_plan).count() == 12


def test_the_plans_list_filters_unit_plans_apart(client, tree, people, department_plan):  # noqa: F811
    unit_plans.unit_plan_create(parent=department_plan, unit=tree.school_a, user=people.officer_a)
    client.force_login(people.secretariat)
    url = reverse("plans:list")
    units = [p.unit for p in client.get(url, {"kind": "unit"}).context["page_obj"]]
    assert units == [tree.school_a]
    departments = client.get(url, {"kind": "department"}).context["page_obj"]
    assert [p.pk for p in departments] == [department_plan.pk]


def test_a_second_click_opens_the_existing_plan_and_says_so(
    client,
    tree,
    people,
    department_plan,  # noqa: F811
):
    client.force_login(people.officer_a)
    url = reverse("plans:unit_create", args=[department_plan.pk])
    first = client.post(url, follow=True).content.decode()
    assert "Kế hoạch của Trường THPT Ngô Quyền đã được tạo từ kế hoạch 12/KH-SGDĐT" in first
    plan = Plan.objects.get(parent_plan=department_plan, unit=tree.school_a)

    response = client.post(url, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("plans:edit", args=[plan.pk])
    assert "Kế hoạch của Trường THPT Ngô Quyền đã có; mở bản hiện có." in page
    assert "đã được tạo" not in page
    assert Plan.objects.filter(parent_plan=department_plan, unit=tree.school_a).count() == 1
