"""Committees for the Advancement of Women: decisions, members, replacements (kiện toàn)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.core.concurrency import save_versioned

from ..choices import CommitteePosition, DecisionKind
from ..models import Committee, CommitteeDecision, CommitteeMember, OrgUnit, User
from .errors import service_error

# Posts that only one person may hold at a time (a committee may have several deputies).
SINGLE_POSTS = (CommitteePosition.HEAD, CommitteePosition.SECRETARY)


def _date(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


@transaction.atomic
def committee_ensure(*, unit: OrgUnit) -> Committee:
    committee, _created = Committee.objects.get_or_create(
        unit=unit,
        defaults={"name": f"Ban Vì sự tiến bộ của phụ nữ {unit.name}"},
    )
    return committee


@transaction.atomic
def committee_decision_record(
    *,
    committee: Committee,
    number: str,
    date: dt.date,
    signer: str,
    kind: str = DecisionKind.ESTABLISH,
    note: str = "",
) -> CommitteeDecision:
    """Record the decision that established or re-formed (kiện toàn) the committee."""
    number = number.strip()
    if date > timezone.localdate():
        raise service_error(_("Ngày ban hành quyết định không được sau ngày hôm nay."), "date")
    if CommitteeDecision.objects.filter(committee=committee, number=number, date=date).exists():
        raise service_error(
            _("Quyết định số %(number)s ngày %(date)s đã được ghi nhận.")
            % {"number": number, "date": _date(date)},
            "number",
        )
    decision = CommitteeDecision(
        committee=committee,
        number=number,
        date=date,
        signer=signer.strip(),
        kind=DecisionKind(kind),
        note=note,
    )
    decision.full_clean()
    decision.save()
    return decision


def _check_single_post(
    committee: Committee, position: str, *, exclude: CommitteeMember | None = None
) -> None:
    if position not in SINGLE_POSTS:
        return
    holders = committee.members.filter(position=position, end_date__isnull=True)
    if exclude is not None:
        holders = holders.exclude(pk=exclude.pk)
    holder = holders.first()
    if holder is not None:
        raise service_error(
            _(
                "Ban đã có %(post)s đương nhiệm: %(name)s. Muốn đổi người, hãy dùng "
                "“Thay thế (kiện toàn)” hoặc kết thúc nhiệm kỳ của người này trước."
            )
            % {"post": CommitteePosition(position).label, "name": holder.full_name},
            "position",
        )


def _check_dates(start: dt.date, end: dt.date | None, *, end_field: str = "end_date") -> None:
    if end is not None and end < start:
        raise service_error(
            _("Ngày kết thúc (%(end)s) không được trước ngày bắt đầu (%(start)s).")
            % {"end": _date(end), "start": _date(start)},
            end_field,
        )


def _lock(committee: Committee) -> Committee:
    # Serialises concurrent changes to one committee's posts (no-op on SQLite, whose
    # writes are serialised anyway).
    return Committee.objects.select_for_update().get(pk=committee.pk)


@transaction.atomic
def member_add(
    *,
    committee: Committee,
    full_name: str,
    position: str,
    sex: str,
    start_date: dt.date,
    job_title: str = "",
    field: str = "",
    decision: CommitteeDecision | None = None,
    user: User | None = None,
    replaces: CommitteeMember | None = None,
) -> CommitteeMember:
    committee = _lock(committee)
    _check_single_post(committee, position)
    if decision is not None and decision.committee_id != committee.pk:
        raise service_error(_("Quyết định không thuộc Ban này."), "decision")
    member = CommitteeMember(
        committee=committee,
        full_name=full_name.strip(),
        position=CommitteePosition(position),
        sex=sex,
        start_date=start_date,
        job_title=job_title.strip(),
        field=field.strip(),
        decision=decision,
        user=user,
        replaces=replaces,
    )
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def member_update(*, member: CommitteeMember, expected_version: int, **fields) -> CommitteeMember:
    """Correct a member's details (name, post, job title, sex, field, start date)."""
    allowed = {"full_name", "position", "job_title", "sex", "field", "start_date", "decision"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"member_update got unknown fields {sorted(unknown)}")
    for name, value in fields.items():
        setattr(member, name, value.strip() if isinstance(value, str) else value)
    if member.is_current:
        _check_single_post(_lock(member.committee), member.position, exclude=member)
    _check_dates(member.start_date, member.end_date, end_field="start_date")
    member.full_clean()
    # Audited there, by the request's user.
    save_versioned(member, expected_version=expected_version, fields=list(fields))
    return member


@transaction.atomic
def member_replace(
    *,
    member: CommitteeMember,
    end_date: dt.date,
    full_name: str,
    sex: str,
    job_title: str = "",
    field: str | None = None,
    decision: CommitteeDecision | None = None,
    user: User | None = None,
) -> CommitteeMember:
    """Kiện toàn: end a member's term and open the successor's, keeping the history."""
    locked = CommitteeMember.objects.select_for_update().get(pk=member.pk)
    if locked.end_date is not None:
        raise service_error(_("Thành viên này đã kết thúc nhiệm kỳ."))
    _check_dates(locked.start_date, end_date)
    locked.end_date = end_date
    locked.full_clean()
    locked.save(update_fields=["end_date", "updated_at"])
    return member_add(
        committee=locked.committee,
        full_name=full_name,
        position=locked.position,
        sex=sex,
        start_date=end_date,
        job_title=job_title,
        field=locked.field if field is None else field,
        decision=decision,
        user=user,
        replaces=locked,
    )


@transaction.atomic
def member_end(*, member: CommitteeMember, end_date: dt.date) -> CommitteeMember:
    """End a member's term without a successor (the post becomes vacant)."""
    locked = CommitteeMember.objects.select_for_update().get(pk=member.pk)
    if locked.end_date is not None:
        raise service_error(_("Thành viên này đã kết thúc nhiệm kỳ."))
    _check_dates(locked.start_date, end_date)
    locked.end_date = end_date
    locked.full_clean()
    locked.save(update_fields=["end_date", "updated_at"])
    return locked
