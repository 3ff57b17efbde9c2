"""Demo unit plans of the previous and the current year (demo.demo_years): every state of the
workflow, and units with none.

The current year's issued plan has its deadline for unit plans (15 February); the units are
spread over draft, submitted on time, submitted late, returned with a comment, resubmitted,
accepted and none. The previous year is settled as a real one ends: most plans accepted, a
few of them late or after a return, one or two still returned, some units never sent one.
School A (Ngô Quyền) has no plan in the current year, so the tour can build it. Most plans
have their part II assigned (responsible member, timing, expected output), as the
secretariat asks; drafts and returned plans less so. Nothing is dated after now. Idempotent:
a department plan that already has demo unit plans is left as it is.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from binhdang.accounts.choices import Role
from binhdang.accounts.models import CommitteeMember, OrgUnit, RoleGrant, User

from .choices import PlanKind, PlanStatus
from .convert import outline_items
from .demo import demo_years
from .models import Plan, PlanDistribution, PlanEvent, PlanItem
from .services import unit_plans

SCHOOL_A_CODE = "HP-THPT-002"
RETURN_COMMENTS = (
    "Đề nghị bổ sung người phụ trách và thời gian thực hiện cho từng nội dung.",
    "Kế hoạch chưa cụ thể hóa hoạt động Tháng hành động; đề nghị bổ sung.",
    "Căn cứ thứ hai đã hết hiệu lực; đề nghị rà soát lại phần căn cứ.",
)
# The state of each recipient unit, cycled over the units (school A excluded this year).
STATES_CURRENT = (
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
STATES_PREVIOUS = (
    "accepted",
    "accepted",
    "accepted_late",
    "accepted_after_return",
    "accepted",
    "none",
    "accepted",
    "accepted_late",
    "accepted",
    "returned",
    "accepted",
    "accepted_after_return",
    "accepted",
    "none",
)
# Share of part II's items a plan in each state has assigned.
ASSIGNED_SHARE = {"draft": 0.3, "returned": 0.2}
ASSIGNED_SHARE_DEFAULT = 0.85
TIMEFRAMES = (
    "Cả năm {year}",
    "Thường xuyên trong năm {year}",
    "Tháng 3/{year}",
    "Quý II/{year}",
    "Tháng 9/{year}",
    "Tháng 5 và tháng 12/{year}",
)
ACTION_MONTH_TIMEFRAME = "Tháng 11/{year}"
OUTPUTS = (
    "Bài tuyên truyền trên trang thông tin điện tử của đơn vị",
    "Kế hoạch chi tiết và ảnh hoạt động",
    "Biên bản sinh hoạt chuyên đề",
    "Báo cáo kết quả gửi Sở",
    "Danh sách học sinh tham gia, ảnh hoạt động",
    "Báo cáo sơ kết, tổng kết",
)


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


def _assign(plan: Plan, unit: OrgUnit, share: float, rng: random.Random) -> None:
    """Who does what, when, with what result, for a share of part II's items (demo data:
    written in one bulk update, before the plan is sent and locked)."""
    members = list(
        CommitteeMember.objects.filter(committee__unit=unit, end_date__isnull=True).order_by(
            "position", "pk"
        )
    )
    if not members:
        return
    chosen = []
    for item, sections, _label, in_tasks in outline_items(plan):
        if not in_tasks or rng.random() >= share:
            continue
        action_month = any("tháng hành động" in s.title.lower() for s in sections)
        template = ACTION_MONTH_TIMEFRAME if action_month else rng.choice(TIMEFRAMES)
        item.responsible = rng.choice(members)
        item.timeframe = template.format(year=plan.year)
        item.expected_output = rng.choice(OUTPUTS)
        chosen.append(item)
    PlanItem.objects.bulk_update(chosen, ["responsible", "timeframe", "expected_output"])


def _possible(state: str, due: dt.date, today: dt.date) -> str:
    """Early in the year nobody can be late yet: a late state becomes its on-time twin."""
    if today > due:
        return state
    return {"submitted_late": "submitted_on_time", "accepted_late": "accepted"}.get(state, state)


def _opened(parent: Plan, unit: OrgUnit, reader: User | None, before: dt.datetime, rng) -> None:
    """The unit's read receipt: a unit that built its plan had opened the department's."""
    delivery = PlanDistribution.objects.filter(plan=parent, unit=unit, opened_at__isnull=True)
    first = delivery.values_list("delivered_at", flat=True).first()
    if first is None:
        return
    at = max(first + dt.timedelta(hours=1), before - dt.timedelta(hours=rng.randint(2, 72)))
    delivery.update(opened_at=min(at, before), opened_by=reader)


def _play(parent: Plan, unit: OrgUnit, state: str, due: dt.date, secretariat, fallback, rng):
    now = timezone.now()
    officer, head = _people(unit, fallback)
    reader = None if officer is fallback else officer  # a unit without demo accounts
    if state == "none":
        if rng.random() < 0.5:  # some units read the plan and never built their own
            _opened(parent, unit, reader, min(_at(due, 16), now), rng)
        return None
    state = _possible(state, due, timezone.localdate())
    created = min(_at(parent.date + dt.timedelta(days=rng.randint(3, 12)), 8), now)
    _opened(parent, unit, reader, created, rng)
    plan = unit_plans.unit_plan_create(parent=parent, unit=unit, user=officer, is_demo=True)
    _assign(plan, unit, ASSIGNED_SHARE.get(state, ASSIGNED_SHARE_DEFAULT), rng)
    moments = [created]
    if state == "draft":
        _backdate(plan, moments)
        return plan
    late = state in ("submitted_late", "accepted_late")
    offset = rng.randint(1, 20) if late else -rng.randint(0, 10)
    sent = _at(due + dt.timedelta(days=offset), 10)
    sent = min(max(sent, created + dt.timedelta(days=1)), now)
    plan = unit_plans.unit_plan_submit(plan=plan, user=head)
    Plan.objects.filter(pk=plan.pk).update(submitted_at=sent, approved_at=sent)
    moments.append(sent)
    if state in ("returned", "resubmitted", "accepted_after_return"):
        unit_plans.unit_plan_return(
            plan=plan, user=secretariat, comment=rng.choice(RETURN_COMMENTS), notify=False
        )
        moments.append(min(sent + dt.timedelta(days=3), now))
        if state != "returned":
            plan.refresh_from_db()
            _assign(plan, unit, ASSIGNED_SHARE_DEFAULT, rng)  # what the comment asked for
            unit_plans.unit_plan_submit(plan=plan, user=head)
            moments.append(min(sent + dt.timedelta(days=6), now))
    if state.startswith("accepted"):
        unit_plans.unit_plan_accept(plan=plan, user=secretariat, notify=False)
        moments.append(min(moments[-1] + dt.timedelta(days=rng.randint(2, 7)), now))
    _backdate(plan, moments)
    return plan


def load(stdout=None) -> None:
    department = OrgUnit.objects.filter(code="SGDDT-HP").first()
    secretariat = User.objects.filter(username="thuky.so").first()
    leader = User.objects.filter(username="lanhdao.so").first()
    if department is None or secretariat is None or leader is None:
        return
    previous, current = demo_years()
    for year, states in ((previous, STATES_PREVIOUS), (current, STATES_CURRENT)):
        parent = Plan.objects.filter(
            unit=department, year=year, kind=PlanKind.DEPARTMENT, is_demo=True
        ).first()
        if parent is None or parent.status != PlanStatus.ISSUED or parent.unit_plan_due is None:
            continue
        if Plan.objects.filter(parent_plan=parent, kind=PlanKind.UNIT).exists():
            continue
        rng = random.Random(parent.year * 7)
        units = [
            d.unit
            for d in parent.distributions.select_related("unit").order_by("unit__code")
            if not (d.unit.code == SCHOOL_A_CODE and year == current)
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
