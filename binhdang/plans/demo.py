"""Demo plans: the department's real 2024 and 2026 plans, imported, issued and distributed.

The two seed texts are copied in `demo_seeds/` (the app never reads /work/shared at run
time). The 2024 plan was issued in January 2024 and most units opened it; the 2026 plan was
issued in January 2026 and about two thirds of the units have opened it — school A
(Ngô Quyền) not yet, so the tour can show the read receipt being recorded. Idempotent: a
year already loaded is left as it is.
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


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


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
    services.plan_approve(plan=plan, user=leader)
    counter, _created = IssueCounter.objects.get_or_create(
        unit=department, year=spec.issued.year, symbol=plan.symbol
    )
    if counter.last_number < spec.number - 1:
        counter.last_number = spec.number - 1
        counter.save(update_fields=["last_number"])
    plan = services.plan_issue(plan=plan, user=secretariat, date=spec.issued)

    # Back-date the issue and the deliveries, and open a share of the copies, as the units
    # did over the following weeks.
    issued_at = _at(spec.issued, 15, 30)
    Plan.objects.filter(pk=plan.pk).update(issued_at=issued_at, approved_at=_at(spec.issued, 9))
    plan.events.update(at=issued_at)
    rows = list(plan.distributions.select_related("unit"))
    PlanDistribution.objects.filter(plan=plan).update(delivered_at=issued_at)
    readers = {
        user.home_unit_id: user
        for user in User.objects.filter(is_demo=True, home_unit__isnull=False)
    }
    rng = random.Random(spec.year)
    eligible = [row for row in rows if not (row.unit.code == SCHOOL_A_CODE and spec.year == 2026)]
    opened = rng.sample(eligible, round(len(rows) * spec.opened_share))
    for row in opened:
        row.opened_at = issued_at + dt.timedelta(days=rng.randint(0, 20), hours=rng.randint(1, 8))
        row.opened_by = readers.get(row.unit_id)
    PlanDistribution.objects.bulk_update(opened, ["opened_at", "opened_by"])
    return plan


def load(stdout=None) -> None:
    department = OrgUnit.objects.filter(code=DEPARTMENT_CODE).first()
    secretariat = User.objects.filter(username=SECRETARIAT).first()
    leader = User.objects.filter(username=LEADER).first()
    if department is None or secretariat is None or leader is None:
        if stdout:
            stdout.write("Kế hoạch minh họa: bỏ qua (chưa có đơn vị và người dùng minh họa).\n")
        return
    for spec in DEMO_PLANS:
        existing = Plan.objects.filter(
            unit=department, year=spec.year, kind=PlanKind.DEPARTMENT, is_demo=True
        ).first()
        plan = existing or _load_one(spec, department, secretariat, leader)
        if stdout:
            total = plan.distributions.count()
            read = plan.distributions.filter(opened_at__isnull=False).count()
            stdout.write(
                f"Kế hoạch minh họa {plan.year}: số {plan.reference}, gửi {total} đơn vị, "
                f"{read} đơn vị đã mở.\n"
            )
    # Unit plans cascaded from the 2025 (carried from 2024) and 2026 plans (issue 5).
    from . import demo_unit

    demo_unit.load(stdout)
