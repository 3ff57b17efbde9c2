"""Helpers shared by the plan views: access to a plan for an action, error messages."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest

from binhdang.accounts import policy

from .. import selectors
from ..models import Plan


def plan_for(request: HttpRequest, pk: int, action: str | None = None) -> Plan:
    """The plan if the user may read it (else 404) and, when given, perform `action` on its
    unit (else 403)."""
    plan = selectors.get_plan(request.user, pk)
    if action is not None:
        policy.require(request.user, action, plan.unit)
    return plan


def error_text(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


def form_errors(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def permissions(user, plan: Plan) -> dict[str, bool]:
    """What the page may offer: each flag is the policy check and the plan's state."""
    unit = plan.unit
    can_edit_unit = policy.can(user, policy.Action.EDIT, unit)
    can_approve = policy.can(user, policy.Action.APPROVE, unit)
    can_manage = policy.can(user, policy.Action.MANAGE, unit)
    status = plan.status
    if plan.kind == "unit":
        # A unit plan follows its own workflow (views/unit_plans.py): no leader approval,
        # no numbering or distribution, no carrying forward from the unit's page.
        return {
            "can_edit": can_edit_unit and plan.is_editable,
            "can_edit_unit": can_edit_unit,
            "can_submit": False,
            "can_approve": False,
            "can_return": False,
            "can_issue": False,
            "can_receipts": False,
            "can_carry": False,
            "is_owner_side": policy.can(user, policy.Action.VIEW, unit),
        }
    return {
        "can_edit": can_edit_unit and plan.is_editable,
        "can_edit_unit": can_edit_unit,
        "can_submit": can_edit_unit and status == "draft",
        "can_approve": can_approve and status in ("draft", "submitted_for_approval"),
        "can_return": (can_approve or can_manage)
        and status in ("submitted_for_approval", "approved"),
        "can_issue": can_manage and status == "approved",
        "can_receipts": can_manage and status == "issued",
        "can_carry": can_edit_unit,
        "is_owner_side": policy.can(user, policy.Action.VIEW, unit),
    }
