"""Reads of the committees (Ban VSTBPN), scoped by the access policy."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from .. import policy
from ..choices import REQUIRED_POSITIONS, CommitteePosition, Sex
from ..models import Committee, CommitteeDecision, CommitteeMember, OrgUnit, User


def _latest(field: str) -> Subquery:
    return Subquery(
        CommitteeDecision.objects.filter(committee=OuterRef("pk"))
        .order_by("-date", "-pk")
        .values(field)[:1]
    )


def _holds(position: str) -> Exists:
    return Exists(
        CommitteeMember.objects.filter(
            committee=OuterRef("pk"), position=position, end_date__isnull=True
        )
    )


PROBLEMS = (
    Q(has_head=False)
    | Q(has_deputy=False)
    | Q(has_secretary=False)
    | Q(not_reformed=True)
    | Q(latest_date__isnull=True)
)


def committee_overview(
    user: User, *, problems_only: bool = False, q: str = ""
) -> QuerySet[Committee]:
    """Every committee in the user's reach with its latest decision, current members, women
    among them, and the flags the department follows:

    - vacant required posts (head, deputy, secretary);
    - not re-formed: a member left after the latest decision and no newer decision exists;
    - no decision recorded at all.
    """
    from binhdang.core.text import fold

    committees = policy.restrict(Committee.objects.all(), user, policy.Action.VIEW)
    for word in fold(q).split():
        committees = committees.filter(unit__search_text__contains=word)
    committees = committees.annotate(
        latest_number=_latest("number"),
        latest_date=_latest("date"),
        latest_kind=_latest("kind"),
        has_head=_holds(CommitteePosition.HEAD),
        has_deputy=_holds(CommitteePosition.DEPUTY),
        has_secretary=_holds(CommitteePosition.SECRETARY),
    ).annotate(
        not_reformed=Exists(
            CommitteeMember.objects.filter(
                committee=OuterRef("pk"), end_date__gt=OuterRef("latest_date")
            )
        ),
        current_count=Count("members", filter=Q(members__end_date__isnull=True)),
        women_count=Count(
            "members", filter=Q(members__end_date__isnull=True, members__sex=Sex.FEMALE)
        ),
    )
    if problems_only:
        committees = committees.filter(PROBLEMS)
    return committees.select_related("unit").order_by("unit__path")


def vacancies(committee: Committee) -> list[str]:
    """Labels of the required posts nobody holds (on an overview-annotated committee)."""
    held = {
        CommitteePosition.HEAD: committee.has_head,
        CommitteePosition.DEPUTY: committee.has_deputy,
        CommitteePosition.SECRETARY: committee.has_secretary,
    }
    return [str(position.label) for position in REQUIRED_POSITIONS if not held[position]]


def problem_count(user: User) -> tuple[int, int]:
    """(committees with a problem, committees) in the user's reach."""
    overview = committee_overview(user)
    return overview.filter(PROBLEMS).count(), overview.count()


@dataclass
class CommitteePage:
    unit: OrgUnit
    committee: Committee | None
    decisions: list[CommitteeDecision]
    current: list[CommitteeMember]
    past: list[CommitteeMember]
    vacant: list[str]
    not_reformed: list[CommitteeMember]  # members who left after the latest decision

    @property
    def women(self) -> int:
        return sum(1 for member in self.current if member.sex == Sex.FEMALE)


POSITION_ORDER = {position.value: index for index, position in enumerate(CommitteePosition)}


def committee_page(unit: OrgUnit) -> CommitteePage:
    """Everything the committee page shows (the caller has checked VIEW on the unit)."""
    committee = Committee.objects.filter(unit=unit).first()
    if committee is None:
        return CommitteePage(unit, None, [], [], [], [], [])
    decisions = list(committee.decisions.order_by("-date", "-pk"))
    members = list(
        committee.members.select_related("decision", "replaces", "replaced_by").order_by(
            "start_date", "pk"
        )
    )
    current = sorted(
        (m for m in members if m.is_current),
        key=lambda m: (POSITION_ORDER[m.position], m.full_name),
    )
    past = sorted(
        (m for m in members if not m.is_current), key=lambda m: (m.end_date, m.pk), reverse=True
    )
    held = {m.position for m in current}
    vacant = [str(p.label) for p in REQUIRED_POSITIONS if p not in held]
    latest = decisions[0].date if decisions else None
    not_reformed = [m for m in past if latest is not None and m.end_date > latest]
    return CommitteePage(unit, committee, decisions, current, past, vacant, not_reformed)
