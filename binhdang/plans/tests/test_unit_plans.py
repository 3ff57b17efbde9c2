"""Unit plans: the cascade from the department plan, the workflow, the on-time rule, locking,
access and reminders."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from binhdang.accounts.tests.factories import committee_with_members
from binhdang.plans import selectors_unit, services
from binhdang.plans.choices import PlanKind, PlanStatus
from binhdang.plans.importing import import_plan_file
from binhdang.plans.models import IssueCounter, Plan, PlanItem, UnitPlanReminder
from binhdang.plans.services import unit_plans
from binhdang.plans.services.common import PlanLocked

from .factories import seed_bytes


@pytest.fixture
def department_plan(tree, people):
    """The 2026 seed plan, issued as number 12 on 16/01/2026 with a 15/02/2026 deadline."""
    tree.department.short_name = "Sở GDĐT Hải Phòng"  # as in the demo tree
    tree.department.save()
    data, name = seed_bytes(2026)
    plan = services.plan_import(
        document=import_plan_file(data, name), unit=tree.department, user=people.secretariat
    )
    services.plan_approve(plan=plan, user=people.leader)
    IssueCounter.objects.create(unit=tree.department, year=2026, symbol=plan.symbol, last_number=11)
    plan = services.plan_issue(plan=plan, user=people.secretariat, date=dt.date(2026, 1, 16))
    return unit_plans.plan_set_unit_plan_due(
        plan=plan, user=people.secretariat, due=dt.date(2026, 2, 15)
    )


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def test_each_school_builds_its_plan_from_the_department_plan(tree, people, department_plan):
    committee_with_members(tree.school_a)
    plan_a = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.officer_a
    )
    plan_b = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_b, user=people.officer_b
    )
    for plan, school in ((plan_a, tree.school_a), (plan_b, tree.school_b)):
        assert plan.kind == PlanKind.UNIT
        assert plan.parent_plan == department_plan
        assert plan.year == 2026
        assert plan.status == PlanStatus.DRAFT
        assert plan.unit == school
        assert plan.issuing_body == school.name.upper()
        assert plan.number == ""
        assert plan.governing_body == "SỞ GDĐT HẢI PHÒNG"
    assert plan_a.symbol == "KH-THPTNQ"
    assert plan_b.symbol == "KH-THPTLQĐ"
    first = plan_a.bases.order_by("order").first()
    assert first.text.startswith(
        "Căn cứ Kế hoạch số 12/KH-SGDĐT ngày 16/01/2026 của Sở Giáo dục và Đào tạo Hải Phòng về"
    )
    assert first.reference == "12/KH-SGDĐT"
    # The department plan's tasks and items are there to adapt.
    department_tasks = list(
        department_plan.sections.filter(parent__label="II").values_list("title", flat=True)
    )
    assert department_tasks
    assert (
        list(plan_a.sections.filter(parent__label="II").values_list("title", flat=True))
        == department_tasks
    )
    assert (
        PlanItem.objects.filter(section__plan=plan_a).count()
        == PlanItem.objects.filter(section__plan=department_plan).count()
    )
    # Signer: the head of A's committee; B has no committee, its head account is absent.
    assert (plan_a.signer_position, plan_a.signer_name) == ("HIỆU TRƯỞNG", "Người số 0 HP-THPT-002")
    assert plan_b.signer_position == "HIỆU TRƯỞNG"


def test_the_signer_falls_back_to_the_unit_head_account(tree, people, department_plan):
    plan = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.officer_a
    )
    assert plan.signer_name == "Carol Hiệu Trưởng"


def test_one_unit_plan_per_unit_and_only_for_recipients(tree, people, department_plan):
    first = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.officer_a
    )
    again = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.head_a
    )
    assert again.pk == first.pk
    assert Plan.objects.filter(kind=PlanKind.UNIT, unit=tree.school_a).count() == 1
    with pytest.raises(ValidationError):
        unit_plans.unit_plan_create(parent=department_plan, unit=tree.school_c, user=None)


def test_the_full_workflow_with_a_return_and_a_resubmission(tree, people, department_plan):
    plan = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.officer_a
    )
    with pytest.raises(ValidationError):  # nothing to accept before it is sent
        unit_plans.unit_plan_accept(plan=plan, user=people.secretariat)
    plan = unit_plans.unit_plan_submit(plan=plan, user=people.head_a)
    assert plan.status == PlanStatus.SUBMITTED
    first_submission = plan.submitted_at
    item = PlanItem.objects.filter(section__plan=plan).first()
    with pytest.raises(PlanLocked):  # locked while the department reviews it
        services.item_update(item=item, version=plan.version, user=people.officer_a, text="x")
    with pytest.raises(ValidationError):  # a return needs a comment
        unit_plans.unit_plan_return(plan=plan, user=people.secretariat, comment="  ")
    plan = unit_plans.unit_plan_return(
        plan=plan, user=people.secretariat, comment="Bổ sung người phụ trách từng nội dung."
    )
    assert plan.status == PlanStatus.RETURNED
    services.item_update(
        item=item, version=plan.version, user=people.officer_a, text="Nội dung đã sửa"
    )
    plan.refresh_from_db()
    plan = unit_plans.unit_plan_submit(plan=plan, user=people.head_a)
    assert plan.status == PlanStatus.RESUBMITTED
    assert plan.submitted_at == first_submission  # the first submission counts
    plan = unit_plans.unit_plan_accept(plan=plan, user=people.secretariat)
    assert plan.status == PlanStatus.ACCEPTED
    actions = list(plan.events.order_by("at", "pk").values_list("action", "comment"))
    assert [a for a, _c in actions] == [
        "created",
        "submitted",
        "returned",
        "resubmitted",
        "accepted",
    ]
    assert actions[2][1] == "Bổ sung người phụ trách từng nội dung."
    plan.refresh_from_db()
    with pytest.raises(PlanLocked):
        services.item_update(item=item, version=plan.version, user=people.officer_a, text="y")
    with pytest.raises(ValidationError):
        unit_plans.unit_plan_return(plan=plan, user=people.secretariat, comment="muộn")


def test_on_time_and_late_submissions(tree, people, department_plan):
    on_time = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.officer_a
    )
    late = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_b, user=people.officer_b
    )
    unit_plans.unit_plan_submit(plan=on_time, user=people.head_a)
    unit_plans.unit_plan_submit(plan=late, user=people.head_a)
    Plan.objects.filter(pk=on_time.pk).update(submitted_at=_at(dt.date(2026, 2, 15)))
    Plan.objects.filter(pk=late.pk).update(submitted_at=_at(dt.date(2026, 2, 16)))
    on_time.refresh_from_db()
    late.refresh_from_db()
    assert unit_plans.is_late(on_time) is False
    assert unit_plans.is_late(late) is True
    rows, counts = selectors_unit.follow_up(
        people.secretariat, department_plan, today=dt.date(2026, 3, 1)
    )
    by_unit = {row.unit.code: row for row in rows}
    assert by_unit["HP-THPT-002"].timeliness == "on_time"
    assert by_unit["HP-THPT-004"].timeliness == "late"
    assert counts["submitted"] == 2
    assert counts["late"] == 1


def test_a_unit_without_a_plan_is_overdue_after_the_deadline(tree, people, department_plan):
    rows, counts = selectors_unit.follow_up(
        people.secretariat, department_plan, today=dt.date(2026, 2, 16)
    )
    assert {row.timeliness for row in rows} == {"overdue"}
    assert counts["missing"] == 2
    rows, _counts = selectors_unit.follow_up(
        people.secretariat, department_plan, today=dt.date(2026, 2, 10)
    )
    assert {row.timeliness for row in rows} == {"pending"}


def test_reminders_are_sent_once_a_day_to_units_without_a_submitted_plan(
    tree, people, department_plan, django_capture_on_commit_callbacks
):
    people.officer_a.email = "canbo@ngoquyen.edu.vn"
    people.officer_a.save()
    people.head_a.email = "hieutruong@ngoquyen.edu.vn"
    people.head_a.save()
    people.officer_b.email = "canbo@lequydon.edu.vn"
    people.officer_b.save()
    submitted = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_b, user=people.officer_b
    )
    unit_plans.unit_plan_submit(plan=submitted, user=people.head_a)
    day = dt.date(2026, 2, 20)
    units = [tree.school_a, tree.school_b]
    with django_capture_on_commit_callbacks(execute=True):
        reminded, skipped = unit_plans.unit_plan_remind(
            parent=department_plan, units=units, user=people.secretariat, today=day
        )
    assert reminded == [tree.school_a]
    assert skipped == [tree.school_b]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["canbo@ngoquyen.edu.vn", "hieutruong@ngoquyen.edu.vn"]
    assert "Nhắc nộp kế hoạch năm 2026" in message.subject
    assert "12/KH-SGDĐT" in message.body and "15/02/2026" in message.body
    # The same day again: nothing sent.
    with django_capture_on_commit_callbacks(execute=True):
        reminded, skipped = unit_plans.unit_plan_remind(
            parent=department_plan, units=units, user=people.secretariat, today=day
        )
    assert reminded == [] and len(mail.outbox) == 1
    # The next day: reminded again.
    with django_capture_on_commit_callbacks(execute=True):
        unit_plans.unit_plan_remind(
            parent=department_plan,
            units=units,
            user=people.secretariat,
            today=day + dt.timedelta(days=1),
        )
    assert len(mail.outbox) == 2
    assert UnitPlanReminder.objects.filter(unit=tree.school_a).count() == 2


# --- views ----------------------------------------------------------------------------------


@pytest.fixture
def in_2026(monkeypatch):
    """Today in February 2026, while the department plan fixture's year is running."""
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: dt.date(2026, 2, 1))


def test_a_past_years_plan_offers_no_unit_plan(client, tree, people, department_plan):
    client.force_login(people.officer_a)
    for today, offered in ((dt.date(2026, 12, 31), True), (dt.date(2027, 1, 2), False)):
        with mock.patch.object(timezone, "localdate", return_value=today):
            inbox = client.get(reverse("plans:inbox")).content.decode()
            page = client.get(reverse("plans:detail", args=[department_plan.pk]))
        assert ("Xây dựng kế hoạch của đơn vị" in inbox) is offered
        assert ("Xây dựng kế hoạch của Trường THPT Ngô Quyền" in page.content.decode()) is offered
    assert "Năm 2026 đã qua" in page.content.decode()


def test_the_school_builds_edits_and_its_head_submits_in_the_browser(
    client, tree, people, department_plan, in_2026
):
    _committee, _decision, members = committee_with_members(tree.school_a)
    client.force_login(people.officer_a)
    inbox = client.get(reverse("plans:inbox")).content.decode()
    assert "Xây dựng kế hoạch của đơn vị" in inbox
    response = client.post(
        reverse("plans:unit_create", args=[department_plan.pk]), {"unit": tree.school_a.pk}
    )
    plan = Plan.objects.get(kind=PlanKind.UNIT, unit=tree.school_a)
    assert response.url == reverse("plans:edit", args=[plan.pk])
    editor = client.get(response.url).content.decode()
    assert members["secretary"].full_name in editor  # the responsible picker
    item = PlanItem.objects.filter(section__plan=plan).first()
    response = client.post(
        reverse("plans:row_edit", args=[plan.pk, "item", item.pk]),
        {
            "version": plan.version,
            "kind": item.kind,
            "text": item.text,
            "responsible": members["secretary"].pk,
            "timeframe": "Quý I/2026",
            "expected_output": "Biên bản",
        },
    )
    item.refresh_from_db()
    assert item.responsible == members["secretary"] and item.timeframe == "Quý I/2026"
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "Phân công thực hiện" in page and members["secretary"].full_name in page
    assert "Thủ trưởng đơn vị" in page  # the officer waits for the head
    # The officer cannot send it; the head can.
    assert client.post(reverse("plans:unit_submit", args=[plan.pk])).status_code == 403
    client.force_login(people.head_a)
    client.post(reverse("plans:unit_submit", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_a_responsible_person_from_another_committee_is_refused(
    client, tree, people, department_plan
):
    committee_with_members(tree.school_a)
    _c, _d, others = committee_with_members(tree.school_b)
    plan = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.officer_a
    )
    item = PlanItem.objects.filter(section__plan=plan).first()
    client.force_login(people.officer_a)
    client.post(
        reverse("plans:row_edit", args=[plan.pk, "item", item.pk]),
        {
            "version": plan.version,
            "kind": item.kind,
            "text": item.text,
            "responsible": others["member"].pk,
        },
    )
    item.refresh_from_db()
    assert item.responsible is None


def test_the_secretariat_returns_with_a_comment_and_the_school_sees_it(
    client, tree, people, department_plan
):
    plan = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.officer_a
    )
    unit_plans.unit_plan_submit(plan=plan, user=people.head_a)
    client.force_login(people.secretariat)
    page = client.get(reverse("plans:unit_plans", args=[department_plan.pk])).content.decode()
    assert "Trường THPT Ngô Quyền" in page and "Trường THPT Lê Quý Đôn" in page
    # Without a comment nothing happens.
    client.post(reverse("plans:unit_return", args=[plan.pk]), {"comment": ""})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    client.post(
        reverse("plans:unit_return", args=[plan.pk]),
        {"comment": "Đề nghị bổ sung thời gian thực hiện.", "next": "follow_up"},
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.RETURNED
    filtered = client.get(
        reverse("plans:unit_plans", args=[department_plan.pk]), {"state": "returned"}
    )
    assert [row.unit for row in filtered.context["rows"]] == [tree.school_a]
    client.force_login(people.officer_a)
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "Đề nghị bổ sung thời gian thực hiện." in page
    assert client.get(reverse("plans:edit", args=[plan.pk])).status_code == 200


def test_a_school_cannot_see_another_schools_unit_plan(client, tree, people, department_plan):
    plan = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.officer_a
    )
    client.force_login(people.officer_b)
    for name in ("plans:detail", "plans:docx", "plans:edit"):
        assert client.get(reverse(name, args=[plan.pk])).status_code == 404
    assert client.post(reverse("plans:unit_submit", args=[plan.pk])).status_code == 404
    client.force_login(people.leader)
    assert client.get(reverse("plans:detail", args=[plan.pk])).status_code == 200
    # The school B officer's inbox offers nothing of school A.
    client.force_login(people.officer_b)
    assert f"/plans/{plan.pk}/" not in client.get(reverse("plans:inbox")).content.decode()


def test_a_unit_plan_is_not_carried_forward(client, tree, people, department_plan):
    plan = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.officer_a
    )
    with pytest.raises(ValidationError):
        services.plan_carry_forward(plan=plan, year=2027, user=people.officer_a)
    client.force_login(people.officer_a)
    response = client.post(reverse("plans:carry", args=[plan.pk]), {"year": 2027}, follow=True)
    assert response.status_code == 200
    assert "không chuyển tiếp sang năm mới" in response.content.decode()
    assert Plan.objects.filter(unit=tree.school_a).count() == 1


def test_the_school_is_told_by_email_when_its_plan_is_returned_or_accepted(
    tree, people, department_plan, django_capture_on_commit_callbacks
):
    people.officer_a.email = "canbo@ngoquyen.edu.vn"
    people.officer_a.save()
    plan = unit_plans.unit_plan_create(
        parent=department_plan, unit=tree.school_a, user=people.officer_a
    )
    unit_plans.unit_plan_submit(plan=plan, user=people.head_a)
    with django_capture_on_commit_callbacks(execute=True):
        unit_plans.unit_plan_return(plan=plan, user=people.secretariat, comment="Bổ sung mục 2.")
    assert len(mail.outbox) == 1
    assert "canbo@ngoquyen.edu.vn" in mail.outbox[0].to
    assert "trả lại" in mail.outbox[0].subject and "Bổ sung mục 2." in mail.outbox[0].body
    plan.refresh_from_db()
    unit_plans.unit_plan_submit(plan=plan, user=people.head_a)
    with django_capture_on_commit_callbacks(execute=True):
        unit_plans.unit_plan_accept(plan=plan, user=people.secretariat)
    assert len(mail.outbox) == 2 and "tiếp nhận" in mail.outbox[1].subject
