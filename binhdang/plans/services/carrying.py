"""Carry-forward of a stored plan, and the one-click resolution of its flags."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.accounts.models import User

from ..carry import Flag, apply_flag, carry_forward
from ..choices import EventAction, PlanKind
from ..convert import plan_from_document, plan_to_document, sync_document
from ..models import Plan
from .common import claim

FLAG_ACTIONS = ("remove", "replace", "keep")
# What a resolved flag says in the review list.
RESOLVED = {"remove": "removed", "replace": "replaced", "keep": "kept"}


def plan_carry_forward(*, plan: Plan, year: int, user: User, registry=None) -> Plan:
    """A new draft of the same unit for `year`, with the review list stored on it."""
    if plan.kind == PlanKind.UNIT and plan.parent_plan_id:
        # A unit's plan for a new year is built from that year's department plan.
        raise ValidationError(
            _(
                "Kế hoạch của đơn vị không chuyển tiếp sang năm mới: hãy xây dựng từ kế hoạch "
                "năm mới của Sở khi Sở ban hành."
            ),
            code="unit_plan",
        )
    if year <= plan.year:
        raise ValidationError(
            _("Năm chuyển tiếp phải sau năm của kế hoạch gốc (%(year)s).") % {"year": plan.year},
            code="year",
        )
    result = carry_forward(plan_to_document(plan), year=year, registry=registry)
    with transaction.atomic():
        new = plan_from_document(
            result.plan,
            unit=plan.unit,
            user=user,
            kind=plan.kind,
            parent=plan.parent_plan,
            year=year,
            action=EventAction.CARRIED,
        )
        new.carried_from = plan
        new.carry_report = {
            "from_year": result.from_year,
            "changes": [change.to_json() for change in result.changes],
            "flags": [{**flag.to_json(), "status": "open"} for flag in result.flags],
        }
        new.save(update_fields=["carried_from", "carry_report", "updated_at"])
    return new


def open_flags(plan: Plan) -> list[dict]:
    return [f for f in plan.carry_report.get("flags", []) if f.get("status") == "open"]


@transaction.atomic
def plan_apply_flag(
    *, plan: Plan, version: int, user: User, flag_id: str, action: str, registry=None
) -> dict:
    """Resolve one carry-forward flag on the stored draft: remove the cited basis or clause,
    replace it with the suggested text, or keep it as it is. Returns the updated flag."""
    if action not in FLAG_ACTIONS:
        raise ValidationError(_("Thao tác không hợp lệ."), code="action")
    claim(plan, version)
    report = dict(plan.carry_report or {})
    flags = [dict(f) for f in report.get("flags", [])]
    entry = next((f for f in flags if f["id"] == flag_id), None)
    if entry is None:
        raise ValidationError(_("Không tìm thấy cảnh báo này."), code="missing")
    if entry.get("status") != "open":
        raise ValidationError(_("Cảnh báo này đã được xử lý."), code="resolved")
    if action != "keep":
        if action == "replace" and not entry.get("replacement"):
            raise ValidationError(
                _("Không có nội dung thay thế cho trích dẫn này."), code="replacement"
            )
        before = plan_to_document(plan)
        after = apply_flag(before, Flag.from_json(entry), action, registry=registry)
        sync_document(plan, before, after)
    entry["status"] = RESOLVED[action]
    report["flags"] = flags
    plan.carry_report = report
    plan.save(update_fields=["carry_report", "updated_at"])
    return entry
