"""Access matrix of the unit plans (issue 5), added to the plans matrix.

A unit plan belongs to its school: the school's staff read it, the department's staff
(subtree) read it, school B and the Ministry viewer get 404. Only the school's own head
sends it (APPROVE without MANAGE: the leader gets 403); the secretariat and the leader
(MANAGE) accept, return, comment, follow up and remind; the administrator has no MANAGE.
"""

import datetime as dt

from binhdang.core.testing import MatrixCase, expect
from binhdang.plans import services
from binhdang.plans.services import unit_plans

OUT = {"outsider": 404, "officer_b": 404, "viewer": 404}
# POSTs on a unit plan of school A by department managers.
REVIEW = expect(
    403, secretariat=302, leader=302, **OUT, admin=403, member=403, head_a=403, officer_a=403
)
FOLLOW_UP = expect(403, secretariat=200, leader=200, outsider=404, viewer=404)
FOLLOW_UP_POST = expect(403, secretariat=302, leader=302, outsider=404, viewer=404)


def with_issued(world) -> None:
    world.plan = services.plan_create(
        unit=world.tree.department, user=world.people.secretariat, year=2026
    )
    services.plan_approve(plan=world.plan, user=world.people.leader)
    world.plan = services.plan_issue(
        plan=world.plan, user=world.people.secretariat, date=dt.date(2026, 1, 12)
    )


def with_unit_plan(world) -> None:
    with_issued(world)
    world.unit_plan = unit_plans.unit_plan_create(
        parent=world.plan, unit=world.tree.school_a, user=world.people.officer_a
    )


def with_submitted(world) -> None:
    with_unit_plan(world)
    unit_plans.unit_plan_submit(plan=world.unit_plan, user=world.people.head_a)


def plan_pk(world) -> list:
    return [world.plan.pk]


def unit_plan_pk(world) -> list:
    return [world.unit_plan.pk]


def comment(world) -> dict:
    return {"comment": "Đề nghị bổ sung người phụ trách."}


CASES = [
    MatrixCase(
        "plans:unit_create",
        # The staff of a recipient unit (EDIT granted on the unit itself) build or re-open
        # its plan; the department's staff are not recipients (403); the plan is out of
        # reach of outsiders and the viewer.
        expect(
            302,
            outsider=404,
            viewer=404,
            admin=403,
            secretariat=403,
            leader=403,
            member=403,
            case_officer=403,
        ),
        args=plan_pk,
        setup=with_issued,
        method="post",
    ),
    MatrixCase(
        "plans:detail",
        expect(200, **OUT),
        args=unit_plan_pk,
        setup=with_unit_plan,
        note="unit-plan",
    ),
    MatrixCase(
        "plans:unit_submit",
        expect(403, head_a=302, **OUT, admin=403, secretariat=403, leader=403, officer_a=403),
        args=unit_plan_pk,
        setup=with_unit_plan,
        method="post",
    ),
    MatrixCase(
        "plans:unit_return",
        REVIEW,
        args=unit_plan_pk,
        setup=with_submitted,
        method="post",
        data=comment,
    ),
    MatrixCase(
        "plans:unit_accept",
        REVIEW,
        args=unit_plan_pk,
        setup=with_submitted,
        method="post",
    ),
    MatrixCase(
        "plans:unit_comment",
        REVIEW,
        args=unit_plan_pk,
        setup=with_submitted,
        method="post",
        data=comment,
    ),
    MatrixCase("plans:unit_plans", FOLLOW_UP, args=plan_pk, setup=with_unit_plan),
    MatrixCase(
        "plans:unit_remind", FOLLOW_UP_POST, args=plan_pk, setup=with_unit_plan, method="post"
    ),
    MatrixCase(
        "plans:unit_due",
        FOLLOW_UP_POST,
        args=plan_pk,
        setup=with_issued,
        method="post",
        data=lambda world: {"unit_plan_due": "15/02/2026"},
    ),
]
