"""Writes of the accounts domain. Views and commands call these; they hold the rules."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr

from . import policy
from .choices import CommitteePosition, DecisionKind, Role
from .models import Committee, CommitteeDecision, CommitteeMember, OrgUnit, RoleGrant, User


@transaction.atomic
def unit_create(
    *, parent: OrgUnit | None, code: str, name: str, unit_type: str, **fields
) -> OrgUnit:
    unit = OrgUnit(
        parent=parent, code=code.strip(), name=name.strip(), unit_type=unit_type, **fields
    )
    unit.full_clean(exclude=["path"])
    unit.save()
    return unit


@transaction.atomic
def unit_move(*, unit: OrgUnit, new_parent: OrgUnit) -> OrgUnit:
    """Re-hang a unit and its subtree under another parent, rewriting every path at once."""
    if new_parent.path.startswith(unit.path):
        raise ValueError("Không thể chuyển một đơn vị vào chính cây con của nó.")
    old_path = unit.path
    new_path = f"{new_parent.path}{unit.pk}/"
    depth_delta = new_path.count("/") - old_path.count("/")
    OrgUnit.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + depth_delta,
    )
    OrgUnit.objects.filter(pk=unit.pk).update(parent=new_parent)
    unit.refresh_from_db()
    return unit


@transaction.atomic
def role_grant(*, user: User, unit: OrgUnit, role: str) -> RoleGrant:
    grant, _created = RoleGrant.objects.get_or_create(user=user, unit=unit, role=Role(role))
    policy.forget(user)
    return grant


@transaction.atomic
def role_revoke(*, grant: RoleGrant) -> None:
    user = grant.user
    grant.delete()
    policy.forget(user)


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
    return CommitteeDecision.objects.create(
        committee=committee, number=number, date=date, signer=signer, kind=kind, note=note
    )


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
    member = CommitteeMember(
        committee=committee,
        full_name=full_name,
        position=CommitteePosition(position),
        sex=sex,
        start_date=start_date,
        job_title=job_title,
        field=field,
        decision=decision,
        user=user,
        replaces=replaces,
    )
    member.full_clean()
    member.save()
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
        raise ValueError("Thành viên này đã kết thúc nhiệm kỳ.")
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
    locked = CommitteeMember.objects.select_for_update().get(pk=member.pk)
    locked.end_date = end_date
    locked.full_clean()
    locked.save(update_fields=["end_date", "updated_at"])
    return locked
