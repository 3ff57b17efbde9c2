"""Demo unit plans for 2025 and 2026: every state of the workflow, and units with none.

2025: the 2024 department plan is carried forward to 2025 and issued as number 9 on
17/01/2025 (unit plans due 14/02/2025); almost every unit's plan was accepted, a few came
late, two were still returned, some units never sent one. 2026: the issued plan 12/KH-SGDĐT
gets the deadline 15/02/2026; the units are spread over draft, submitted on time, submitted
late, returned with a comment, resubmitted, accepted and none. School A (Ngô Quyền) has no
2026 plan, so the tour can build it. Idempotent: a department plan that already has demo
unit plans is left as it is.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from binhdang.accounts.choices import Role
from binhdang.accounts.models import OrgUnit, RoleGrant, User

from . import services
from .choices import PlanKind, PlanStatus
from .models import IssueCounter, Plan, PlanDistribution, PlanEvent
from .services import unit_plans

SCHOOL_A_CODE = "HP-THPT-002"
RETURN_COMMENTS = (
    "Đề nghị bổ sung người phụ trách và thời gian thực hiện cho từng nội dung.",
    "Kế hoạch chưa cụ thể hóa hoạt động Tháng hành động; đề nghị bổ sung.",
    "Căn cứ thứ hai đã hết hiệu lực; đề nghị rà soát lại phần căn cứ.",
)
# 2026: the state of each recipient unit (cycled over the units, school A excluded).
STATES_2026 = (
    "accepted",
    "submitted_on_time",
    "none",
    "submitted_late",
    "draft",
    "returned",
    "accepted",
    "resubmitted",
    "none",
    "submitted_on_time",
    "accepted_late",
)
STATES_2025 = ("accepted",) * 7 + ("accepted_late", "none", "returned")


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _people(unit: OrgUnit, fallback: User) -> tuple[User, User]:
    """(officer, head) of the unit; demo units without accounts act through `fallback`."""
    grants = {g.role: g.user for g in RoleGrant.objects.filter(unit=unit).select_related("user")}
    head = grants.get(Role.UNIT_HEAD) or fallback
    return grants.get(Role.UNIT_OFFICER) or head, head


def _backdate(plan: Plan, actions_at: list[dt.datetime]) -> None:
    """Give the plan's events (in order) the given moments."""
    for event, moment in zip(plan.events.order_by("at", "pk"), actions_at, strict=False):
        PlanEvent.objects.filter(pk=event.pk).update(at=moment)


def _play(parent: Plan, unit: OrgUnit, state: str, due: dt.date, secretariat, fallback, rng):
    if state == "none":
        return None
    officer, head = _people(unit, fallback)
    plan = unit_plans.unit_plan_create(parent=parent, unit=unit, user=officer, is_demo=True)
    created = _at(parent.date + dt.timedelta(days=rng.randint(3, 12)), 8)
    moments = [created]
    if state == "draft":
        _backdate(plan, moments)
        return plan
    late = state in ("submitted_late", "accepted_late")
    offset = rng.randint(1, 20) if late else -rng.randint(0, 10)
    sent = _at(due + dt.timedelta(days=offset), 10)
    sent = max(sent, created + dt.timedelta(days=1))
    plan = unit_plans.unit_plan_submit(plan=plan, user=head)
    Plan.objects.filter(pk=plan.pk).update(submitted_at=sent, approved_at=sent)
    moments.append(sent)
    if state in ("returned", "resubmitted"):
        unit_plans.unit_plan_return(
            plan=plan, user=secretariat, comment=rng.choice(RETURN_COMMENTS), notify=False
        )
        moments.append(sent + dt.timedelta(days=3))
        if state == "resubmitted":
            plan.refresh_from_db()
            unit_plans.unit_plan_submit(plan=plan, user=head)
            moments.append(sent + dt.timedelta(days=6))
    elif state.startswith("accepted"):
        unit_plans.unit_plan_accept(plan=plan, user=secretariat, notify=False)
        moments.append(sent + dt.timedelta(days=rng.randint(2, 7)))
    _backdate(plan, moments)
    return plan


def _year_2025(department: OrgUnit, secretariat: User, leader: User) -> Plan | None:
    existing = Plan.objects.filter(
        unit=department, year=2025, kind=PlanKind.DEPARTMENT, is_demo=True
    ).first()
    if existing is not None:
        return existing
    source = Plan.objects.filter(
        unit=department, year=2024, kind=PlanKind.DEPARTMENT, is_demo=True
    ).first()
    if source is None:
        return None
    plan = services.plan_carry_forward(plan=source, year=2025, user=secretariat)
    Plan.objects.filter(pk=plan.pk).update(is_demo=True, unit_plan_due=dt.date(2025, 2, 14))
    plan.refresh_from_db()
    services.plan_approve(plan=plan, user=leader)
    counter, _created = IssueCounter.objects.get_or_create(
        unit=department, year=2025, symbol=plan.symbol
    )
    if counter.last_number < 8:
        counter.last_number = 8
        counter.save(update_fields=["last_number"])
    plan = services.plan_issue(plan=plan, user=secretariat, date=dt.date(2025, 1, 17))
    issued_at = _at(dt.date(2025, 1, 17), 15)
    Plan.objects.filter(pk=plan.pk).update(issued_at=issued_at, approved_at=_at(plan.date))
    plan.events.update(at=issued_at)
    PlanDistribution.objects.filter(plan=plan).update(
        delivered_at=issued_at, opened_at=issued_at + dt.timedelta(days=2)
    )
    plan.refresh_from_db()
    return plan


def load(stdout=None) -> None:
    department = OrgUnit.objects.filter(code="SGDDT-HP").first()
    secretariat = User.objects.filter(username="thuky.so").first()
    leader = User.objects.filter(username="lanhdao.so").first()
    if department is None or secretariat is None or leader is None:
        return
    plan_2026 = Plan.objects.filter(
        unit=department, year=2026, kind=PlanKind.DEPARTMENT, is_demo=True, status="issued"
    ).first()
    if plan_2026 is not None and plan_2026.unit_plan_due is None:
        plan_2026 = unit_plans.plan_set_unit_plan_due(
            plan=plan_2026, user=secretariat, due=dt.date(2026, 2, 15)
        )
    plan_2025 = _year_2025(department, secretariat, leader)
    for parent, states in ((plan_2025, STATES_2025), (plan_2026, STATES_2026)):
        if parent is None or parent.status != PlanStatus.ISSUED:
            continue
        if Plan.objects.filter(parent_plan=parent, kind=PlanKind.UNIT).exists():
            continue
        rng = random.Random(parent.year * 7)
        units = [
            d.unit
            for d in parent.distributions.select_related("unit").order_by("unit__code")
            if not (d.unit.code == SCHOOL_A_CODE and parent.year == 2026)
        ]
        for index, unit in enumerate(units):
            _play(
                parent,
                unit,
                states[index % len(states)],
                parent.unit_plan_due,
                secretariat,
                leader,
                rng,
            )
        if stdout:
            made = Plan.objects.filter(parent_plan=parent, kind=PlanKind.UNIT)
            counts = {s: made.filter(status=s).count() for s in PlanStatus.values}
            stdout.write(
                f"Kế hoạch đơn vị minh họa {parent.year}: {made.count()}/{len(units)} đơn vị, "
                + ", ".join(f"{k}={v}" for k, v in counts.items() if v)
                + ".\n"
            )
