"""Reads for the accounts domain, always scoped by the access policy."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from .. import policy
from ..choices import Role, Sex, UnitType
from ..models import Committee, CommitteeMember, OrgUnit, User
from .committees import committee_overview, problem_count
from .units import type_counts

PROBLEM_PANEL_SIZE = 5


@dataclass
class Aggregates:
    committees: int
    members: int
    women: int

    @property
    def women_percent(self) -> int | None:
        return round(100 * self.women / self.members) if self.members else None


@dataclass
class HomeSummary:
    roles: list[str]
    top_units: list[OrgUnit]
    units_in_scope: int
    committees: list[Committee] = field(default_factory=list)
    aggregate_only: bool = False
    type_counts: list[tuple[str, str, int]] = field(default_factory=list)
    aggregates: Aggregates | None = None
    follows_department: bool = False
    problem_committees: list[Committee] = field(default_factory=list)
    problems: int = 0
    committees_followed: int = 0


def _aggregates(user: User) -> Aggregates:
    committees = policy.restrict(Committee.objects.all(), user, policy.Action.VIEW_AGGREGATE)
    members = policy.restrict(
        CommitteeMember.objects.filter(end_date__isnull=True),
        user,
        policy.Action.VIEW_AGGREGATE,
        via="committee__unit",
    ).aggregate(total=Count("pk"), women=Count("pk", filter=Q(sex=Sex.FEMALE)))
    return Aggregates(committees.count(), members["total"], members["women"])


def home_summary(user: User) -> HomeSummary:
    roles = sorted(policy.roles_of(user))
    aggregate_only = not policy.can_anywhere(user, policy.Action.VIEW)
    action = policy.Action.VIEW_AGGREGATE if aggregate_only else policy.Action.VIEW
    tops = list(policy.top_units(user, action))
    units_in_scope = policy.units_for(user, action).count()
    summary = HomeSummary(
        roles=[Role(role).label for role in roles],
        top_units=tops,
        units_in_scope=units_in_scope,
        aggregate_only=aggregate_only,
    )
    if aggregate_only:
        if tops:
            summary.type_counts = type_counts(user)
            summary.aggregates = _aggregates(user)
        return summary
    summary.committees = list(
        Committee.objects.filter(unit__in=tops).select_related("unit").order_by("unit__path")
    )
    # The department's view: whoever reaches a department (or above) follows its committees.
    summary.follows_department = any(
        unit.unit_type in {UnitType.MINISTRY, UnitType.DEPARTMENT} for unit in tops
    )
    if summary.follows_department:
        summary.type_counts = type_counts(user)
        summary.problems, summary.committees_followed = problem_count(user)
        summary.problem_committees = list(
            committee_overview(user, problems_only=True)[:PROBLEM_PANEL_SIZE]
        )
    return summary


def units_visible(user: User, action: policy.Action = policy.Action.VIEW) -> QuerySet[OrgUnit]:
    return policy.units_for(user, action)
