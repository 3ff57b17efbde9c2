"""Which plan tasks an activity may serve: the numbered tasks under section II ("Nhiệm vụ
trọng tâm") of the issued department plans that apply to the user's units."""

from __future__ import annotations

from django.db.models import QuerySet

from binhdang.accounts import policy
from binhdang.accounts.choices import UnitType
from binhdang.accounts.models import OrgUnit, User
from binhdang.plans.choices import PlanKind, PlanStatus
from binhdang.plans.models import Plan, PlanSection

from .choices import ActivityType

TASKS_SECTION = "II"

# Where each type of activity belongs among the seed plans' five tasks (II.1–II.5).
TASK_FOR_TYPE: dict[str, str] = {
    ActivityType.COMMUNICATION: "1",
    ActivityType.LAUNCH: "2",
    ActivityType.CONFERENCE: "2",
    ActivityType.SEMINAR: "2",
    ActivityType.TALK: "2",
    ActivityType.EXHIBITION: "2",
    ActivityType.ARTS: "2",
    ActivityType.SPORTS: "2",
    ActivityType.CONTEST: "2",
    ActivityType.EXPERIENTIAL: "2",
    ActivityType.TEACHING: "2",
    ActivityType.VICTIM_SUPPORT: "2",
    ActivityType.TRAINING: "5",
    ActivityType.EXCHANGE: "5",
}


def _department_paths(user: User, action: policy.Action) -> list[str]:
    """Paths of the departments whose plans reach the user's units."""
    paths: set[str] = set()
    for top in policy.top_units(user, action):
        if top.unit_type in (UnitType.DEPARTMENT, UnitType.MINISTRY):
            paths.add(top.path)
        else:
            department = top.department()
            if department is not None:
                paths.add(department.path)
    return sorted(paths)


def tasks_for(
    user: User, action: policy.Action = policy.Action.EDIT, *, unit: OrgUnit | None = None
) -> QuerySet[PlanSection]:
    """Tasks of issued department plans applying to the user's units (or to `unit`)."""
    plans = Plan.objects.filter(kind=PlanKind.DEPARTMENT, status=PlanStatus.ISSUED)
    if unit is not None:
        plans = plans.filter(unit__in=[*unit.ancestors(), unit])
    else:
        paths = _department_paths(user, action)
        if not paths:
            return PlanSection.objects.none()
        condition = None
        for path in paths:
            # The department itself, or every department under a Ministry-level grant.
            term = plans.filter(unit__path__startswith=path)
            condition = term if condition is None else condition | term
        plans = condition
    return (
        PlanSection.objects.filter(plan__in=plans, parent__label=TASKS_SECTION)
        .select_related("plan")
        .order_by("-plan__year", "plan__unit__path", "order", "pk")
    )


def task_choice_label(task: PlanSection) -> str:
    title = task.title if len(task.title) <= 90 else task.title[:89] + "…"
    return f"{task.plan.year} · {TASKS_SECTION}.{task.label}. {title}"


def demo_task_map(department: OrgUnit, year: int) -> dict[str, PlanSection]:
    """Type -> task of the department's issued plan of `year` (empty when there is none)."""
    plan = (
        Plan.objects.filter(
            unit=department, year=year, kind=PlanKind.DEPARTMENT, status=PlanStatus.ISSUED
        )
        .order_by("-pk")
        .first()
    )
    if plan is None:
        return {}
    tasks = {
        section.label: section
        for section in PlanSection.objects.filter(plan=plan, parent__label=TASKS_SECTION)
    }
    return {kind: tasks[label] for kind, label in TASK_FOR_TYPE.items() if label in tasks}
