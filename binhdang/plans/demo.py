"""Demo plans: the department's plans of the previous and the current year, issued and
distributed, as the calendar goes.

The two seed texts (the department's real 2024 and 2026 plans) are copied in `demo_seeds/`
(the app never reads /work/shared at run time). A demo year with a seed imports it; a year
without one is the nearest earlier seed carried forward with the carry-forward service
(e.g. in 2026: the 2024 seed, carried to 2025, and the 2026 seed; in 2027: the 2026 seed and
2027 carried from it), numbered, issued in mid-January and opened by most units over the
following weeks — school A (Ngô Quyền) not yet in the current year, so the tour can show the
read receipt being recorded. Nothing is dated after today. Idempotent: a year already loaded
is left as it is.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone

from binhdang.accounts.models import OrgUnit, User

from . import services
from .choices import PlanKind
from .convert import plan_from_document
from .importing import import_plan_file
from .models import IssueCounter, Plan, PlanDistribution

SEEDS = Path(__file__).resolve().parent / "demo_seeds"
DEPARTMENT_CODE = "SGDDT-HP"
SCHOOL_A_CODE = "HP-THPT-002"
SECRETARIAT = "thuky.so"
LEADER = "lanhdao.so"


@dataclass(frozen=True)
class DemoPlan:
    year: int
    filename: str
    number: int
    issued: dt.date
    opened_share: float


DEMO_PLANS = (
    DemoPlan(2024, "plan_2024.txt", 25, dt.date(2024, 1, 19), 0.9),
    DemoPlan(2026, "plan_2026.md", 12, dt.date(2026, 1, 16), 2 / 3),
)
SEED_PLANS = {spec.year: spec for spec in DEMO_PLANS}
# A year without a seed: the nearest earlier seed carried forward, issued as number 9 on
# 17 January, unit plans due 15 February (as the seeds ask: "trước ngày 15/02").
CARRIED_NUMBER = 9
CARRIED_ISSUE = (1, 17)
CARRIED_OPENED_SHARE = 0.85
UNIT_PLAN_DUE = (2, 15)


def demo_years(today: dt.date | None = None) -> tuple[int, int]:
    """(previous, current) year of the demo, by Vietnam's calendar: the plans, unit plans,
    activities and reports of the demo always show last year and this year."""
    today = today or timezone.localdate()
    return today.year - 1, today.year


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _not_after_now(moment: dt.datetime) -> dt.datetime:
    return min(moment, timezone.now())


def _number_next(department: OrgUnit, year: int, symbol: str, number: int) -> None:
    """Move the register so that the next plan issued in `year` gets `number`."""
    counter, _created = IssueCounter.objects.get_or_create(
        unit=department, year=year, symbol=symbol
    )
    if counter.last_number < number - 1:
        counter.last_number = number - 1
        counter.save(update_fields=["last_number"])


def _issue(
    plan: Plan,
    *,
    number: int,
    issued: dt.date,
    opened_share: float,
    department: OrgUnit,
    secretariat: User,
    leader: User,
) -> Plan:
    """Approve, number and issue the plan on `issued` (not after today), then back-date the
    issue and the deliveries and open a share of the copies, as the units did over the
    following weeks."""
    today = timezone.localdate()
    issued = min(issued, today)
    services.plan_approve(plan=plan, user=leader)
    _number_next(department, issued.year, plan.symbol, number)
    plan = services.plan_issue(plan=plan, user=secretariat, date=issued)
    issued_at = _not_after_now(_at(issued, 15, 30))
    Plan.objects.filter(pk=plan.pk).update(
        issued_at=issued_at, approved_at=_not_after_now(_at(issued, 9))
    )
    plan.events.update(at=issued_at)
    rows = list(plan.distributions.select_related("unit"))
    PlanDistribution.objects.filter(plan=plan).update(delivered_at=issued_at)
    readers = {
        user.home_unit_id: user
        for user in User.objects.filter(is_demo=True, home_unit__isnull=False)
    }
    rng = random.Random(plan.year)
    eligible = [
        row for row in rows if not (row.unit.code == SCHOOL_A_CODE and plan.year == today.year)
    ]
    opened = rng.sample(eligible, min(len(eligible), round(len(rows) * opened_share)))
    for row in opened:
        moment = issued_at + dt.timedelta(days=rng.randint(0, 20), hours=rng.randint(1, 8))
        row.opened_at = _not_after_now(moment)
        row.opened_by = readers.get(row.unit_id)
    PlanDistribution.objects.bulk_update(opened, ["opened_at", "opened_by"])
    plan.refresh_from_db()
    return plan


def _load_one(spec: DemoPlan, department: OrgUnit, secretariat: User, leader: User) -> Plan:
    path = SEEDS / spec.filename
    document = import_plan_file(path.read_bytes(), path.name)
    plan = plan_from_document(
        document,
        unit=department,
        user=secretariat,
        kind=PlanKind.DEPARTMENT,
        source_filename=path.name,
        is_demo=True,
    )
    return _issue(
        plan,
        number=spec.number,
        issued=spec.issued,
        opened_share=spec.opened_share,
        department=department,
        secretariat=secretariat,
        leader=leader,
    )


def _carried(source: Plan, year: int, secretariat: User, leader: User) -> Plan:
    """`source` carried forward to `year` with the carry-forward service, then issued."""
    plan = services.plan_carry_forward(plan=source, year=year, user=secretariat)
    Plan.objects.filter(pk=plan.pk).update(is_demo=True)
    plan.refresh_from_db()
    return _issue(
        plan,
        number=CARRIED_NUMBER,
        issued=dt.date(year, *CARRIED_ISSUE),
        opened_share=CARRIED_OPENED_SHARE,
        department=source.unit,
        secretariat=secretariat,
        leader=leader,
    )


def department_plan(year: int, department: OrgUnit, secretariat: User, leader: User) -> Plan | None:
    """The issued demo plan of `year`: the one already loaded, the seed of that year, or the
    nearest earlier seed carried forward; None before the first seed."""
    existing = Plan.objects.filter(
        unit=department, year=year, kind=PlanKind.DEPARTMENT, is_demo=True
    ).first()
    if existing is not None:
        return existing
    if year in SEED_PLANS:
        return _load_one(SEED_PLANS[year], department, secretariat, leader)
    earlier = [seed for seed in SEED_PLANS if seed < year]
    if not earlier:
        return None
    source = department_plan(max(earlier), department, secretariat, leader)
    return _carried(source, year, secretariat, leader)


def load(stdout=None) -> None:
    department = OrgUnit.objects.filter(code=DEPARTMENT_CODE).first()
    secretariat = User.objects.filter(username=SECRETARIAT).first()
    leader = User.objects.filter(username=LEADER).first()
    if department is None or secretariat is None or leader is None:
        if stdout:
            stdout.write("Kế hoạch minh họa: bỏ qua (chưa có đơn vị và người dùng minh họa).\n")
        return
    for year in demo_years():
        plan = department_plan(year, department, secretariat, leader)
        if plan is None:
            continue
        if plan.unit_plan_due is None:
            due = max(dt.date(year, *UNIT_PLAN_DUE), plan.date + dt.timedelta(days=14))
            Plan.objects.filter(pk=plan.pk).update(unit_plan_due=due)
        if stdout:
            total = plan.distributions.count()
            read = plan.distributions.filter(opened_at__isnull=False).count()
            stdout.write(
                f"Kế hoạch minh họa {plan.year}: số {plan.reference}, gửi {total} đơn vị, "
                f"{read} đơn vị đã mở.\n"
            )
    # Unit plans cascaded from the previous and the current year's plans (issue 5).
    from . import demo_unit

    demo_unit.load(stdout)
