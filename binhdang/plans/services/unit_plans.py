"""Unit plans: cascaded from the department plan, approved by the unit head, followed up
by the department's secretariat (docs/decisions/0006-unit-plans.md).

Workflow of a unit plan: DRAFT --(head approves and sends)--> SUBMITTED --> ACCEPTED, or
RETURNED (comment required) --(edit, head sends again)--> RESUBMITTED --> ACCEPTED/RETURNED.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts.choices import CommitteePosition, Role, UnitType
from binhdang.accounts.models import CommitteeMember, OrgUnit, RoleGrant, User
from binhdang.legal.citations import parse_basis

from ..choices import EventAction, PlanKind, PlanStatus
from ..convert import plan_from_document, plan_to_document
from ..models import Plan, PlanDistribution, PlanEvent, UnitPlanReminder
from ..structure import LegalBasis, PlanDocument, Signer
from .common import PlanWorkflowError

SUBMITTABLE = (PlanStatus.DRAFT, PlanStatus.RETURNED)
UNDER_REVIEW = (PlanStatus.SUBMITTED, PlanStatus.RESUBMITTED)
SCHOOL_TYPES = (UnitType.UPPER_SECONDARY, UnitType.SPECIALISED_SCHOOL)


# --- the header of a unit's plan ----------------------------------------------------------------


def unit_head(unit: OrgUnit) -> tuple[str, str]:
    """(position, name) of the unit's signer: the head of its committee (the unit head
    chairs it) or else the account holding the unit-head role."""
    if unit.unit_type in SCHOOL_TYPES:
        position = "HIỆU TRƯỞNG"
    elif unit.unit_type == UnitType.CONTINUING_EDUCATION:
        position = "GIÁM ĐỐC"
    else:
        position = "THỦ TRƯỞNG ĐƠN VỊ"
    member = (
        CommitteeMember.objects.filter(
            committee__unit=unit, end_date__isnull=True, position=CommitteePosition.HEAD
        )
        .order_by("-start_date", "pk")
        .first()
    )
    if member is not None:
        return position, member.full_name
    grant = (
        RoleGrant.objects.filter(unit=unit, role=Role.UNIT_HEAD, user__is_active=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return position, (grant.user.get_full_name() if grant else "")


def parent_basis_text(parent: Plan) -> str:
    """ "Căn cứ Kế hoạch số 12/KH-SGDĐT ngày 16/01/2026 của Sở Giáo dục và Đào tạo Hải Phòng
    về ...;" — the department plan as the unit plan's first legal basis."""
    subject = (parent.title or "").strip().rstrip(".;")
    if subject:
        subject = subject[0].lower() + subject[1:]
    text = _("Căn cứ Kế hoạch số %(ref)s ngày %(date)s của %(issuer)s") % {
        "ref": parent.reference,
        "date": parent.date.strftime("%d/%m/%Y") if parent.date else "…",
        "issuer": parent.unit.name,
    }
    if subject:
        text += " " + _("về %(subject)s") % {"subject": subject}
    return text + ";"


def _cascaded_document(parent: Plan, unit: OrgUnit) -> PlanDocument:
    source = plan_to_document(parent)
    department = parent.unit
    basis_text = parent_basis_text(parent)
    position, name = unit_head(unit)
    governing, issuing = unit.document_header()  # "SỞ GDĐT HẢI PHÒNG" / "TRƯỜNG THPT ..."
    return PlanDocument(
        doc_type=source.doc_type or "KẾ HOẠCH",
        governing_body=governing or (department.short_name or department.name).upper(),
        issuing_body=issuing,
        symbol="KH-" + unit.symbol_code(),
        place=source.place or department.district or "",
        year=parent.year,
        title=source.title,
        # The department plan first; its own bases follow (the unit may drop them).
        legal_bases=[
            LegalBasis(text=basis_text, citation=parse_basis(basis_text)),
            *list(source.legal_bases),
        ],
        preamble=[
            _(
                "Thực hiện Kế hoạch số %(ref)s của %(issuer)s, %(unit)s xây dựng kế hoạch "
                "thực hiện tại đơn vị như sau:"
            )
            % {"ref": parent.reference, "issuer": department.name, "unit": unit.name}
        ],
        sections=source.sections,
        deadlines=[],
        recipients=[
            _("%(dept)s (để báo cáo)") % {"dept": department.short_name or department.name},
            _("Ban VSTBPN của đơn vị (để thực hiện)"),
            _("Lưu: VT"),
        ],
        signer=Signer(authority="", position=position, name=name),
    )


def received(parent: Plan, unit: OrgUnit) -> bool:
    return PlanDistribution.objects.filter(plan=parent, unit=unit).exists()


def open_for_unit_plans(parent: Plan, today: dt.date | None = None) -> bool:
    """Whether units are offered to build their plan from `parent`: an issued department
    plan of this year or a later one. A past year's plan stays readable, but a unit plan for
    a year that is over would be paperwork nobody carries out."""
    year = (today or timezone.localdate()).year
    return (
        parent.kind == PlanKind.DEPARTMENT
        and parent.status == PlanStatus.ISSUED
        and (parent.year >= year)
    )


@transaction.atomic
def unit_plan_create(*, parent: Plan, unit: OrgUnit, user: User | None, is_demo: bool = False):
    """The unit's own plan, pre-filled from the department plan it received (one per unit
    and department plan: a second click opens the existing one)."""
    existing = Plan.objects.filter(unit=unit, parent_plan=parent, kind=PlanKind.UNIT).first()
    if existing is not None:
        return existing
    if parent.kind != PlanKind.DEPARTMENT or parent.status != PlanStatus.ISSUED:
        raise PlanWorkflowError(
            _("Chỉ xây dựng kế hoạch của đơn vị từ kế hoạch của Sở đã ban hành."), code="parent"
        )
    if not received(parent, unit):
        raise PlanWorkflowError(
            _("Đơn vị %(unit)s không có trong danh sách nhận kế hoạch này.") % {"unit": unit.name},
            code="not_recipient",
        )
    try:
        with transaction.atomic():
            return plan_from_document(
                _cascaded_document(parent, unit),
                unit=unit,
                user=user,
                kind=PlanKind.UNIT,
                parent=parent,
                year=parent.year,
                action=EventAction.CREATED,
                is_demo=is_demo,
            )
    except IntegrityError:  # created by a colleague a moment ago
        return Plan.objects.get(unit=unit, parent_plan=parent, kind=PlanKind.UNIT)


# --- workflow -------------------------------------------------------------------------------


def _lock(plan: Plan) -> Plan:
    return (
        Plan.objects.select_for_update(of=("self",))
        .select_related("unit", "parent_plan")
        .get(pk=plan.pk)
    )


def _refuse(plan: Plan, wanted: str) -> PlanWorkflowError:
    return PlanWorkflowError(
        _("Không thể %(action)s: kế hoạch đang ở trạng thái “%(status)s”.")
        % {"action": wanted, "status": plan.get_status_display()},
        code="status",
    )


def _step(plan: Plan, *, to: str, user: User, action: str, comment: str = "", **fields) -> Plan:
    plan.status = to
    plan.version += 1
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.save()
    PlanEvent.objects.create(plan=plan, by=user, action=action, comment=comment)
    return plan


def is_late(plan: Plan) -> bool | None:
    """Whether the first submission came after the department's deadline (None: not
    submitted yet, or no deadline set)."""
    due = plan.parent_plan.unit_plan_due if plan.parent_plan_id else None
    if plan.submitted_at is None or due is None:
        return None
    return timezone.localtime(plan.submitted_at).date() > due


@transaction.atomic
def unit_plan_submit(*, plan: Plan, user: User, comment: str = "") -> Plan:
    """The unit head approves the plan and sends it to the department (again, after a
    return). The first submission's time is kept for the on-time rule."""
    locked = _lock(plan)
    if locked.kind != PlanKind.UNIT or locked.status not in SUBMITTABLE:
        raise _refuse(locked, _("gửi Sở"))
    now = timezone.now()
    first = locked.submitted_at is None
    return _step(
        locked,
        to=PlanStatus.SUBMITTED if locked.status == PlanStatus.DRAFT else PlanStatus.RESUBMITTED,
        user=user,
        action=EventAction.SUBMITTED if first else EventAction.RESUBMITTED,
        comment=comment,
        approved_by=user,
        approved_at=now,
        submitted_at=locked.submitted_at or now,
    )


@transaction.atomic
def unit_plan_return(*, plan: Plan, user: User, comment: str, notify: bool = True) -> Plan:
    """The secretariat sends a submitted plan back with what to change."""
    comment = (comment or "").strip()
    if not comment:
        raise PlanWorkflowError(
            _("Hãy ghi ý kiến để đơn vị biết cần sửa gì trước khi trả lại."), code="comment"
        )
    locked = _lock(plan)
    if locked.kind != PlanKind.UNIT or locked.status not in UNDER_REVIEW:
        raise _refuse(locked, _("trả lại"))
    returned = _step(
        locked, to=PlanStatus.RETURNED, user=user, action=EventAction.RETURNED, comment=comment
    )
    _notify(
        notify,
        returned,
        _("Sở trả lại kế hoạch năm %(year)s của đơn vị để chỉnh sửa") % {"year": returned.year},
        _(
            "Kính gửi %(unit)s,\n\nSở đã xem kế hoạch năm %(year)s của đơn vị và trả lại để "
            "chỉnh sửa với ý kiến sau:\n\n%(comment)s\n\nĐề nghị đơn vị đăng nhập BinhDang, "
            "chỉnh sửa kế hoạch và trình Thủ trưởng duyệt, gửi lại Sở.\n\nTrân trọng,\n%(sender)s"
        )
        % {
            "unit": returned.unit.name,
            "year": returned.year,
            "comment": comment,
            "sender": user.get_full_name(),
        },
    )
    return returned


def _notify(notify: bool, plan: Plan, subject: str, body: str) -> None:
    """E-mail the unit's officers and heads once the step is committed (not for demo data)."""
    addresses = reminder_addresses(plan.unit) if notify else []
    if addresses:
        transaction.on_commit(lambda: send_mail(subject, body, None, addresses))


@transaction.atomic
def unit_plan_accept(*, plan: Plan, user: User, comment: str = "", notify: bool = True) -> Plan:
    """The secretariat accepts the plan; it is locked from then on."""
    locked = _lock(plan)
    if locked.kind != PlanKind.UNIT or locked.status not in UNDER_REVIEW:
        raise _refuse(locked, _("tiếp nhận"))
    accepted = _step(
        locked, to=PlanStatus.ACCEPTED, user=user, action=EventAction.ACCEPTED, comment=comment
    )
    _notify(
        notify,
        accepted,
        _("Sở đã tiếp nhận kế hoạch năm %(year)s của đơn vị") % {"year": accepted.year},
        _("Kính gửi %(unit)s,\n\nSở đã tiếp nhận kế hoạch năm %(year)s của đơn vị.%(comment)s")
        % {
            "unit": accepted.unit.name,
            "year": accepted.year,
            "comment": ("\n\n" + comment) if comment else "",
        },
    )
    return accepted


@transaction.atomic
def unit_plan_comment(*, plan: Plan, user: User, comment: str) -> PlanEvent:
    """A remark of the secretariat kept in the plan's history, without changing its state."""
    comment = (comment or "").strip()
    if not comment:
        raise PlanWorkflowError(_("Ý kiến không được để trống."), code="comment")
    return PlanEvent.objects.create(
        plan=plan, by=user, action=EventAction.COMMENTED, comment=comment
    )


@transaction.atomic
def plan_set_unit_plan_due(*, plan: Plan, user: User, due: dt.date | None) -> Plan:
    """The department plan's deadline for unit plans; may be set after issuing, as it
    belongs to the follow-up rather than to the signed text."""
    locked = _lock(plan)
    if locked.kind != PlanKind.DEPARTMENT:
        raise PlanWorkflowError(_("Chỉ kế hoạch của Sở có hạn nộp kế hoạch đơn vị."), code="kind")
    locked.unit_plan_due = due
    locked.save(update_fields=["unit_plan_due", "updated_at"])
    return locked


# --- reminders ------------------------------------------------------------------------------


def reminder_addresses(unit: OrgUnit) -> list[str]:
    """E-mail addresses of the unit's officers and heads (and the unit's own mailbox)."""
    emails = RoleGrant.objects.filter(
        unit=unit, role__in=(Role.UNIT_OFFICER, Role.UNIT_HEAD), user__is_active=True
    ).values_list("user__email", flat=True)
    found = sorted({e for e in emails if e})
    if unit.email and unit.email not in found:
        found.append(unit.email)
    return found


def unit_plan_remind(
    *, parent: Plan, units: list[OrgUnit], user: User, today: dt.date | None = None
) -> tuple[list[OrgUnit], list[OrgUnit]]:
    """E-mail the units that have not submitted their plan. Returns (reminded, skipped):
    a unit already reminded today, one that has submitted, or one with no address is
    skipped."""
    today = today or timezone.localdate()
    submitted = set(
        Plan.objects.filter(
            parent_plan=parent, kind=PlanKind.UNIT, submitted_at__isnull=False
        ).values_list("unit_id", flat=True)
    )
    reminded, skipped = [], []
    due = parent.unit_plan_due
    for unit in units:
        addresses = reminder_addresses(unit)
        if unit.pk in submitted or not addresses:
            skipped.append(unit)
            continue
        body = _(
            "Kính gửi %(unit)s,\n\n"
            "Theo Kế hoạch số %(ref)s của %(dept)s, đơn vị cần xây dựng và gửi kế hoạch "
            "thực hiện công tác vì sự tiến bộ của phụ nữ và bình đẳng giới năm %(year)s%(due)s. "
            "Đến nay Sở chưa nhận được kế hoạch của đơn vị.\n\n"
            "Đề nghị đơn vị đăng nhập BinhDang, mở kế hoạch của Sở trong mục “Văn bản đến”, "
            "bấm “Xây dựng kế hoạch của đơn vị”, hoàn thiện và trình Thủ trưởng duyệt, gửi Sở.\n\n"
            "Trân trọng,\n%(sender)s"
        ) % {
            "unit": unit.name,
            "ref": parent.reference,
            "dept": parent.unit.name,
            "year": parent.year,
            "due": (_(" trước ngày %(date)s") % {"date": due.strftime("%d/%m/%Y")}) if due else "",
            "sender": user.get_full_name() or parent.unit.name,
        }
        subject = _("Nhắc nộp kế hoạch năm %(year)s của đơn vị") % {"year": parent.year}
        try:
            with transaction.atomic():
                UnitPlanReminder.objects.create(
                    plan=parent,
                    unit=unit,
                    day=today,
                    sent_by=user,
                    recipients=", ".join(addresses),
                )
                # Mailed once the row is committed: nothing leaves for a rolled-back one.
                transaction.on_commit(partial(send_mail, subject, body, None, addresses))
        except IntegrityError:  # already reminded today (by a colleague or the schedule)
            skipped.append(unit)
            continue
        reminded.append(unit)
    return reminded, skipped
