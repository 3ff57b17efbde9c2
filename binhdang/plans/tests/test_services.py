"""Plan services: editing drafts with optimistic locking, approval, issuing, receipts."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from binhdang.core.concurrency import StaleEdit
from binhdang.plans import services
from binhdang.plans.choices import PlanStatus
from binhdang.plans.convert import plan_to_document
from binhdang.plans.importing import import_plan_file
from binhdang.plans.models import IssueCounter, PlanDistribution, PlanItem, PlanSection
from binhdang.plans.services import PlanLocked, PlanWorkflowError
from binhdang.plans.tests.factories import (
    PlanFactory,
    PlanItemFactory,
    PlanSectionFactory,
    seed_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(tree, people):
    return services.plan_create(unit=tree.department, user=people.secretariat, year=2026)


def current(plan) -> int:
    """The version an editor who just loaded the page would send."""
    plan.refresh_from_db(fields=["version"])
    return plan.version


def approved(plan, people):
    return services.plan_approve(plan=plan, user=people.leader)


# --- creating and editing -------------------------------------------------------------------


def test_a_blank_plan_starts_with_the_three_part_outline(draft):
    assert [(s.label, s.title) for s in draft.sections.order_by("order")] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "CÁC NHIỆM VỤ CHỦ YẾU"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ]
    assert draft.status == PlanStatus.DRAFT
    assert draft.symbol == "KH-SGDĐT"


def test_every_edit_bumps_the_plan_version(draft, people):
    version = draft.version
    services.plan_update_header(
        plan=draft, version=version, user=people.secretariat, place="Hải Phòng"
    )
    assert draft.version == version + 1
    tasks = draft.sections.get(label="II")
    services.section_add(
        plan=draft, version=current(draft), user=people.secretariat, title="A", parent=tasks
    )
    draft.refresh_from_db()
    assert draft.version == version + 2


def test_a_stale_edit_is_refused_and_changes_nothing(draft, people):
    loaded_version = draft.version
    services.plan_update_header(
        plan=draft, version=loaded_version, user=people.secretariat, title="Bản của Alice"
    )
    with pytest.raises(StaleEdit) as error:
        services.plan_update_header(
            plan=draft, version=loaded_version, user=people.secretariat, title="Bản cũ của Bob"
        )
    assert "vừa được người khác cập nhật" in error.value.messages[0]
    draft.refresh_from_db()
    assert draft.title == "Bản của Alice"

    section = draft.sections.get(label="I")
    with pytest.raises(StaleEdit):
        services.section_update(
            section=section, version=loaded_version, user=people.secretariat, title="X", label="I"
        )
    section.refresh_from_db()
    assert section.title == "MỤC ĐÍCH, YÊU CẦU"


def test_tasks_are_numbered_and_renumbered_when_moved_or_deleted(draft, people):
    tasks = draft.sections.get(label="II")
    user = people.secretariat
    for title in ("Tuyên truyền", "Tháng hành động", "Chương trình thành phố"):
        services.section_add(
            plan=draft, version=current(draft), user=user, title=title, parent=tasks
        )
    third = PlanSection.objects.get(title="Chương trình thành phố")
    assert third.label == "3"

    services.section_move(section=third, version=current(draft), user=user, direction="up")
    assert [(s.label, s.title) for s in tasks.children.order_by("order")] == [
        ("1", "Tuyên truyền"),
        ("2", "Chương trình thành phố"),
        ("3", "Tháng hành động"),
    ]
    services.section_delete(
        section=PlanSection.objects.get(title="Tuyên truyền"), version=current(draft), user=user
    )
    assert [(s.label, s.title) for s in tasks.children.order_by("order")] == [
        ("1", "Chương trình thành phố"),
        ("2", "Tháng hành động"),
    ]


def test_items_are_added_moved_and_deleted_in_order(draft, people):
    user = people.secretariat
    section = draft.sections.get(label="III")
    first = services.item_add(section=section, version=current(draft), user=user, text="Một")
    second = services.item_add(section=section, version=current(draft), user=user, text="Hai")
    services.item_move(item=second, version=current(draft), user=user, direction="up")
    assert [i.text for i in section.items.order_by("order")] == ["Hai", "Một"]
    services.item_delete(item=first, version=current(draft), user=user)
    assert [i.text for i in section.items.order_by("order")] == ["Hai"]
    assert first.label == "-"


def test_lettered_points_are_relabelled(draft, people):
    user = people.secretariat
    section = draft.sections.get(label="III")
    a = services.item_add(
        section=section, version=current(draft), user=user, text="A", kind="letter"
    )
    b = services.item_add(
        section=section, version=current(draft), user=user, text="B", kind="letter"
    )
    assert (a.label, b.label) == ("a)", "b)")
    services.item_move(item=b, version=current(draft), user=user, direction="up")
    assert list(section.items.order_by("order").values_list("text", "label")) == [
        ("B", "a)"),
        ("A", "b)"),
    ]


def test_a_basis_is_read_by_the_citation_engine(draft, people):
    basis = services.basis_add(
        plan=draft,
        version=current(draft),
        user=people.secretariat,
        text="Căn cứ Quyết định số 383/QĐ-BGDĐT ngày 26/01/2022 của Bộ Giáo dục và Đào tạo;",
    )
    assert basis.reference == "383/QĐ-BGDĐT"
    assert basis.citation["date"] == "2022-01-26"


def test_the_unit_plan_deadline_is_mirrored_on_the_plan(draft, people):
    services.deadline_add(
        plan=draft,
        version=current(draft),
        user=people.secretariat,
        kind="unit_plan",
        date=dt.date(2026, 2, 15),
        text="Các đơn vị nộp kế hoạch",
    )
    draft.refresh_from_db()
    assert draft.unit_plan_due == dt.date(2026, 2, 15)


# --- workflow ---------------------------------------------------------------------------------


def test_an_approved_plan_can_no_longer_be_edited(draft, people):
    plan = approved(draft, people)
    assert plan.approved_by == people.leader
    with pytest.raises(PlanLocked) as error:
        services.plan_update_header(
            plan=plan, version=plan.version, user=people.secretariat, title="X"
        )
    assert "Lãnh đạo cần trả về dự thảo" in error.value.messages[0]

    services.plan_return_to_draft(plan=plan, user=people.leader, comment="Sửa căn cứ")
    plan.refresh_from_db()
    services.plan_update_header(plan=plan, version=plan.version, user=people.secretariat, title="X")
    assert list(plan.events.values_list("action", flat=True)) == [
        "created",
        "approved",
        "returned_to_draft",
    ]


def test_only_an_approved_plan_is_issued(draft, people):
    with pytest.raises(PlanWorkflowError):
        services.plan_issue(plan=draft, user=people.secretariat)
    draft.refresh_from_db()
    assert draft.status == PlanStatus.DRAFT
    assert not PlanDistribution.objects.exists()


def test_issuing_numbers_dates_locks_and_distributes(draft, people, tree):
    plan = approved(draft, people)
    section = plan.sections.get(label="I")
    plan = services.plan_issue(plan=plan, user=people.secretariat, date=dt.date(2026, 1, 12))

    assert plan.status == PlanStatus.ISSUED
    assert plan.reference == "1/KH-SGDĐT"
    assert plan.date == dt.date(2026, 1, 12)
    assert set(plan.distributions.values_list("unit__code", flat=True)) == {
        tree.school_a.code,
        tree.school_b.code,
    }
    with pytest.raises(PlanLocked) as error:
        services.section_update(
            section=section, version=plan.version, user=people.secretariat, title="X", label="I"
        )
    assert "đã được ban hành ngày 12/01/2026" in error.value.messages[0]
    with pytest.raises(PlanWorkflowError):
        services.plan_issue(plan=plan, user=people.secretariat)


def test_issue_numbers_follow_the_register_per_symbol_and_year(tree, people):
    IssueCounter.objects.create(unit=tree.department, year=2026, symbol="KH-SGDĐT", last_number=14)
    numbers = []
    for symbol, date in [
        ("KH-SGDĐT", dt.date(2026, 1, 5)),
        ("KH-SGDĐT", dt.date(2026, 1, 6)),
        ("KH-TCCB", dt.date(2026, 1, 7)),
        ("KH-SGDĐT", dt.date(2027, 1, 4)),
    ]:
        plan = PlanFactory(unit=tree.department, symbol=symbol, status=PlanStatus.APPROVED)
        numbers.append(services.plan_issue(plan=plan, user=people.secretariat, date=date).reference)
    assert numbers == ["15/KH-SGDĐT", "16/KH-SGDĐT", "1/KH-TCCB", "1/KH-SGDĐT"]


def test_recipients_can_be_chosen_but_never_outside_the_issuing_unit(draft, people, tree):
    plan = approved(draft, people)
    services.plan_issue(plan=plan, user=people.secretariat, units=[tree.school_a, tree.school_c])
    assert list(plan.distributions.values_list("unit__code", flat=True)) == [tree.school_a.code]


def test_a_read_receipt_is_recorded_once_for_the_readers_own_unit(draft, people, tree):
    plan = services.plan_issue(plan=approved(draft, people), user=people.secretariat)

    assert services.plan_mark_opened(plan=plan, user=people.secretariat) == 0
    assert services.plan_mark_opened(plan=plan, user=people.officer_a) == 1
    first = PlanDistribution.objects.get(plan=plan, unit=tree.school_a)
    assert services.plan_mark_opened(plan=plan, user=people.head_a) == 0
    again = PlanDistribution.objects.get(plan=plan, unit=tree.school_a)
    assert (again.opened_at, again.opened_by) == (first.opened_at, people.officer_a)
    assert PlanDistribution.objects.get(plan=plan, unit=tree.school_b).opened_at is None


# --- carry-forward ----------------------------------------------------------------------------


def test_carry_forward_refuses_an_earlier_year(draft, people):
    with pytest.raises(ValidationError):
        services.plan_carry_forward(plan=draft, year=2025, user=people.secretariat)


def test_deleting_a_section_takes_its_items(draft, people):
    section = PlanSectionFactory(plan=draft, parent=draft.sections.get(label="II"))
    PlanItemFactory(section=section)
    services.section_delete(section=section, version=current(draft), user=people.secretariat)
    assert not PlanItem.objects.filter(section_id=section.pk).exists()


@pytest.fixture
def plan_2024(tree, people):
    data, name = seed_bytes(2024)
    return services.plan_import(
        document=import_plan_file(data, name), unit=tree.department, user=people.secretariat
    )


def test_carrying_the_2024_plan_to_2026_flags_plans_117_and_131(plan_2024, people):
    new = services.plan_carry_forward(plan=plan_2024, year=2026, user=people.secretariat)

    assert (new.year, new.status, new.carried_from) == (2026, PlanStatus.DRAFT, plan_2024)
    assert "2026" in new.title
    assert {(d.kind, d.date) for d in new.deadlines.all()} >= {
        ("mid_year_report", dt.date(2026, 5, 28)),
        ("year_end_report", dt.date(2026, 12, 1)),
    }
    flagged = {f["reference"] for f in new.carry_report["flags"]}
    assert {"117/KH-UBND", "131/KH-UBND"} <= flagged
    assert new.carry_report["changes"]
    assert plan_2024.bases.count() == 5  # the source is untouched


def test_one_click_removal_of_every_flagged_citation_clears_117_and_131(plan_2024, people):
    new = services.plan_carry_forward(plan=plan_2024, year=2026, user=people.secretariat)
    task_ids = set(PlanSection.objects.filter(plan=new).values_list("pk", flat=True))
    for flag in new.carry_report["flags"]:
        if flag["reference"] in {"117/KH-UBND", "131/KH-UBND"} and flag["action"] == "remove":
            new.refresh_from_db()
            if (
                next(f for f in new.carry_report["flags"] if f["id"] == flag["id"])["status"]
                != "open"
            ):
                continue
            services.plan_apply_flag(
                plan=new,
                version=current(new),
                user=people.secretariat,
                flag_id=flag["id"],
                action="remove",
            )
    new.refresh_from_db()
    document = plan_to_document(new)
    text = " ".join(
        [b.text for b in document.legal_bases]
        + [block.text for s in document.walk() for block in s.blocks]
        + [s.title for s in document.walk()]
    )
    assert "117/KH-UBND" not in text
    assert "131/KH-UBND" not in text
    assert len(document.legal_bases) == 3
    # the outline rows (what activities point at) were kept, not recreated
    assert set(PlanSection.objects.filter(plan=new).values_list("pk", flat=True)) == task_ids


def test_a_resolved_flag_cannot_be_applied_twice(plan_2024, people):
    new = services.plan_carry_forward(plan=plan_2024, year=2026, user=people.secretariat)
    flag = new.carry_report["flags"][0]
    services.plan_apply_flag(
        plan=new, version=current(new), user=people.secretariat, flag_id=flag["id"], action="keep"
    )
    with pytest.raises(ValidationError):
        services.plan_apply_flag(
            plan=new,
            version=current(new),
            user=people.secretariat,
            flag_id=flag["id"],
            action="remove",
        )
