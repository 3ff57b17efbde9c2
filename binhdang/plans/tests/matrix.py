"""Access matrix of the plans app (see binhdang/core/testing/matrix.py).

The plans belong to the department (Hải Phòng). Its staff read them (admin, secretariat,
leader, committee member, case officer); the schools see a department plan only once it is
issued to them, and never its drafts (404). Editing needs EDIT on the department (admin,
secretariat: the leader, member and case officer get 403); approving needs APPROVE (the
leader); issuing and the read receipts need MANAGE (secretariat, leader). The Ministry
viewer has aggregate figures only: no plan pages at all.
"""

import datetime as dt

from binhdang.core.testing import MatrixCase, expect
from binhdang.plans import services
from binhdang.plans.models import Plan

LIST = expect(200, outsider=403, viewer=403)
ENTRY = expect(200, outsider=403, viewer=403, leader=403, member=403, case_officer=403)
SCHOOLS_OUT = {"head_a": 404, "officer_a": 404, "officer_b": 404, "viewer": 404, "outsider": 404}
READ_DRAFT = expect(200, **SCHOOLS_OUT)
READ_ISSUED = expect(200, viewer=404, outsider=404)
NO_EDIT = {"leader": 403, "member": 403, "case_officer": 403}
EDIT_DRAFT = expect(200, **SCHOOLS_OUT, **NO_EDIT)
EDIT_DRAFT_POST = expect(302, **SCHOOLS_OUT, **NO_EDIT)
NO_MANAGE = {"admin": 403, "member": 403, "case_officer": 403}


def with_draft(world) -> None:
    world.plan = services.plan_create(
        unit=world.tree.department, user=world.people.secretariat, year=2026
    )
    world.section = world.plan.sections.get(label="I")


def with_approved(world) -> None:
    with_draft(world)
    services.plan_approve(plan=world.plan, user=world.people.leader)


def with_issued(world) -> None:
    with_approved(world)
    services.plan_issue(plan=world.plan, user=world.people.secretariat, date=dt.date(2026, 1, 12))


def with_carried(world) -> None:
    with_draft(world)
    services.basis_add(
        plan=world.plan,
        version=world.plan.version,
        user=world.people.secretariat,
        text="Căn cứ Kế hoạch số 117/KH-UBND ngày 17/5/2021 của Ủy ban nhân dân thành phố "
        "về phòng ngừa, ứng phó với bạo lực trên cơ sở giới giai đoạn 2021-2025;",
    )
    world.source = world.plan
    world.plan = services.plan_carry_forward(
        plan=world.source, year=2027, user=world.people.secretariat
    )


def with_two_plans(world) -> None:
    with_draft(world)
    world.other = services.plan_create(
        unit=world.tree.department, user=world.people.secretariat, year=2027
    )


def plan_pk(world) -> list:
    return [world.plan.pk]


def version(world) -> int:
    return Plan.objects.get(pk=world.plan.pk).version


def section_args(world) -> list:
    return [world.plan.pk, "section", world.section.pk]


def section_form(world) -> dict:
    return {"version": version(world), "title": "MỤC ĐÍCH, YÊU CẦU", "label": "I"}


def header_form(world) -> dict:
    return {
        "version": version(world),
        "year": 2026,
        "doc_type": "KẾ HOẠCH",
        "symbol": "KH-SGDĐT",
        "title": "Thực hiện công tác bình đẳng giới năm 2026",
    }


def first_flag(world) -> dict:
    plan = Plan.objects.get(pk=world.plan.pk)
    flag = plan.carry_report["flags"][0]
    return {"version": plan.version, "flag_id": flag["id"], "action": "keep"}


def compare_query(world) -> dict:
    return {"old": world.plan.pk, "new": world.other.pk}


CASES = [
    MatrixCase("plans:list", LIST),
    MatrixCase("plans:inbox", LIST),
    MatrixCase("plans:create", ENTRY),
    MatrixCase(
        "plans:create",
        # School staff may create plans, but only for their own unit: the form refuses the
        # department and shows itself again.
        {**ENTRY, "admin": 302, "secretariat": 302},
        method="post",
        data=lambda world: {"unit": world.tree.department.pk, "year": 2026},
    ),
    MatrixCase("plans:import", ENTRY),
    MatrixCase(
        "plans:import_save",
        # No pending import in the session: back to the upload page, nothing saved.
        {**ENTRY, **{k: 302 for k, v in ENTRY.items() if v == 200}},
        method="post",
        data=lambda world: {"token": "none"},
    ),
    MatrixCase("plans:compare", LIST, setup=with_two_plans, data=compare_query),
    MatrixCase(
        "plans:compare_docx",
        # Schools cannot choose the department's drafts: the form is invalid.
        expect(200, outsider=403, viewer=403, head_a=400, officer_a=400, officer_b=400),
        setup=with_two_plans,
        data=compare_query,
    ),
    MatrixCase("plans:detail", READ_DRAFT, args=plan_pk, setup=with_draft),
    MatrixCase("plans:detail", READ_ISSUED, args=plan_pk, setup=with_issued, note="issued"),
    MatrixCase(
        "plans:receipts",
        expect(
            200, **NO_MANAGE, head_a=403, officer_a=403, officer_b=403, viewer=404, outsider=404
        ),
        args=plan_pk,
        setup=with_issued,
    ),
    # editing
    MatrixCase("plans:edit", EDIT_DRAFT, args=plan_pk, setup=with_draft),
    MatrixCase(
        "plans:edit",
        # An issued plan is locked: its editors are sent back to the plan with a message.
        expect(302, **NO_EDIT, head_a=403, officer_a=403, officer_b=403, viewer=404, outsider=404),
        args=plan_pk,
        setup=with_issued,
        note="issued",
    ),
    MatrixCase(
        "plans:header",
        EDIT_DRAFT_POST,
        args=plan_pk,
        setup=with_draft,
        method="post",
        data=header_form,
    ),
    MatrixCase(
        "plans:legal_search",
        EDIT_DRAFT,
        args=plan_pk,
        setup=with_draft,
        data=lambda world: {"q": "383"},
    ),
    MatrixCase(
        "plans:unplaced_dismiss",
        EDIT_DRAFT_POST,
        args=lambda world: [world.plan.pk, 0],
        setup=with_draft,
        method="post",
        data=lambda world: {"version": version(world)},
    ),
    MatrixCase(
        "plans:row_add",
        EDIT_DRAFT_POST,
        args=lambda world: [world.plan.pk, "item"],
        setup=with_draft,
        method="post",
        data=lambda world: {
            "version": version(world),
            "section": world.section.pk,
            "kind": "bullet",
            "text": "Tuyên truyền về bình đẳng giới",
        },
    ),
    MatrixCase("plans:row_edit", EDIT_DRAFT, args=section_args, setup=with_draft),
    MatrixCase(
        "plans:row_edit",
        EDIT_DRAFT_POST,
        args=section_args,
        setup=with_draft,
        method="post",
        data=section_form,
    ),
    MatrixCase(
        "plans:row_move",
        EDIT_DRAFT_POST,
        args=section_args,
        setup=with_draft,
        method="post",
        data=lambda world: {"version": version(world), "direction": "down"},
    ),
    MatrixCase(
        "plans:row_delete",
        # The administrator deletes first; for the secretariat the row no longer exists.
        expect(404, admin=302, **NO_EDIT),
        args=section_args,
        setup=with_draft,
        method="post",
        data=lambda world: {"version": version(world)},
        note="sequence",
    ),
    # workflow
    MatrixCase("plans:submit", EDIT_DRAFT_POST, args=plan_pk, setup=with_draft, method="post"),
    MatrixCase(
        "plans:approve",
        expect(403, leader=302, **SCHOOLS_OUT),
        args=plan_pk,
        setup=with_draft,
        method="post",
    ),
    MatrixCase(
        "plans:return",
        expect(403, secretariat=302, leader=302, **SCHOOLS_OUT),
        args=plan_pk,
        setup=with_approved,
        method="post",
    ),
    MatrixCase(
        "plans:issue",
        expect(200, **NO_MANAGE, **SCHOOLS_OUT),
        args=plan_pk,
        setup=with_approved,
    ),
    MatrixCase(
        "plans:issue",
        # The secretariat issues; the leader then finds it issued already (form error), and
        # the schools, which now see the issued plan, may not issue (403).
        expect(200, **NO_MANAGE, **SCHOOLS_OUT, secretariat=302)
        | {"head_a": 403, "officer_a": 403, "officer_b": 403},
        args=plan_pk,
        setup=with_approved,
        method="post",
        data=lambda world: {
            "date": "12/01/2026",
            "units": [world.tree.school_a.pk, world.tree.school_b.pk],
        },
    ),
    # the official document
    MatrixCase("plans:docx", READ_ISSUED, args=plan_pk, setup=with_issued),
    MatrixCase("plans:pdf", READ_DRAFT, args=plan_pk, setup=with_draft),
    MatrixCase("plans:preview", READ_DRAFT, args=plan_pk, setup=with_draft),
    MatrixCase(
        "plans:preview_page",
        READ_DRAFT,
        args=lambda world: [world.plan.pk, 1],
        setup=with_draft,
    ),
    # carry forward
    MatrixCase("plans:carry", EDIT_DRAFT, args=plan_pk, setup=with_draft),
    MatrixCase(
        "plans:carry",
        EDIT_DRAFT_POST,
        args=plan_pk,
        setup=with_draft,
        method="post",
        data=lambda world: {"year": 2027},
    ),
    MatrixCase("plans:carry_review", READ_DRAFT, args=plan_pk, setup=with_carried),
    MatrixCase(
        "plans:carry_resolve",
        EDIT_DRAFT_POST,
        args=plan_pk,
        setup=with_carried,
        method="post",
        data=first_flag,
    ),
]

# Unit plans (issue 5).
from .matrix_unit import CASES as UNIT_PLAN_CASES  # noqa: E402

CASES += UNIT_PLAN_CASES
