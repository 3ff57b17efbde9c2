"""Unit plans: build from the department plan, the head's approval and submission, the
secretariat's follow-up (accept, return with a comment, comment, remind, deadline)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from binhdang.accounts import policy

from .. import selectors_unit
from ..choices import PlanKind, PlanStatus
from ..forms import date_field
from ..models import Plan
from ..rendering import assignment_rows
from ..services import unit_plans as services
from .common import error_text, plan_for


class RequiredCommentForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Ý kiến"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Hãy ghi ý kiến để đơn vị biết cần sửa gì.")},
    )


class DueForm(forms.Form):
    unit_plan_due = date_field(gettext_lazy("Hạn nộp kế hoạch của đơn vị"), required=False)


STATE_LABELS = {
    selectors_unit.MISSING: gettext_lazy("Chưa có kế hoạch"),
    selectors_unit.DRAFT: gettext_lazy("Đang soạn"),
    selectors_unit.UNDER_REVIEW: gettext_lazy("Chờ Sở xem xét"),
    selectors_unit.RETURNED: gettext_lazy("Đã trả lại"),
    selectors_unit.ACCEPTED: gettext_lazy("Đã tiếp nhận"),
    selectors_unit.LATE: gettext_lazy("Nộp muộn / quá hạn"),
}


def _unit_plan(request: HttpRequest, pk: int, action: str) -> Plan:
    plan = plan_for(request, pk, action)
    if plan.kind != PlanKind.UNIT:
        raise PermissionDenied
    return plan


def _department_plan(request: HttpRequest, pk: int, action: str | None) -> Plan:
    plan = plan_for(request, pk, action)
    if plan.kind != PlanKind.DEPARTMENT:
        raise PermissionDenied
    return plan


# --- the page context of plans:detail --------------------------------------------------------


def unit_context(user, plan: Plan) -> dict:
    """What plans:detail shows about unit plans: on a department plan, the user's units'
    own plans (create/open) and the follow-up link; on a unit plan, its workflow buttons,
    its parent and deadline, and the table of who does what."""
    if plan.kind == PlanKind.DEPARTMENT:
        own = []
        if plan.status == PlanStatus.ISSUED:
            own = selectors_unit.own_unit_plans(user, plan)
        return {
            "own_unit_plans": own,
            "can_build": services.open_for_unit_plans(plan),
            "can_follow_up": plan.status == PlanStatus.ISSUED
            and policy.can(user, policy.Action.MANAGE, plan.unit),
        }
    unit = plan.unit
    can_manage = policy.can(user, policy.Action.MANAGE, unit)
    return {
        "is_unit_plan": True,
        "parent": plan.parent_plan,
        "timeliness": services.is_late(plan),
        "can_unit_submit": policy.can(user, policy.Action.APPROVE, unit)
        and not can_manage
        and plan.status in services.SUBMITTABLE,
        "waits_for_head": policy.can(user, policy.Action.EDIT, unit)
        and not policy.can(user, policy.Action.APPROVE, unit)
        and plan.status in services.SUBMITTABLE,
        "can_review": can_manage and plan.status in services.UNDER_REVIEW,
        "can_comment": can_manage,
        # The same rows as the appendix of the printed plan.
        "assignments": assignment_rows(plan),
        "last_return": plan.events.filter(action="returned").order_by("-at", "-pk").first()
        if plan.status == PlanStatus.RETURNED
        else None,
    }


# --- the unit's side --------------------------------------------------------------------------


@login_required
@require_POST
def unit_plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    """One click from the department plan (or the inbox): the unit's own draft."""
    parent = _department_plan(request, pk, None)
    own = selectors_unit.own_unit_plans(request.user, parent)
    wanted = request.POST.get("unit")
    choices = [(unit, plan) for unit, plan in own if not wanted or str(unit.pk) == wanted]
    if not choices:
        raise PermissionDenied
    unit, existing = choices[0]
    try:
        plan = services.unit_plan_create(parent=parent, unit=unit, user=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("plans:detail", parent.pk)
    if existing is not None:
        # A second click (or a colleague's earlier one) opens the plan; say so rather than
        # claim a new one was made over the unit's edits.
        messages.info(
            request,
            _("Kế hoạch của %(unit)s đã có; mở bản hiện có.") % {"unit": plan.unit.name},
        )
    else:
        messages.success(
            request,
            _("Kế hoạch của %(unit)s đã được tạo từ kế hoạch %(ref)s; hãy chỉnh sửa cho phù hợp.")
            % {"unit": plan.unit.name, "ref": parent.reference},
        )
    return redirect("plans:edit" if plan.is_editable else "plans:detail", plan.pk)


@login_required
@require_POST
def unit_plan_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """The unit head approves the plan and sends it to the department."""
    plan = _unit_plan(request, pk, policy.Action.APPROVE)
    if policy.can(request.user, policy.Action.MANAGE, plan.unit):
        # The department's leaders approve from above; the unit's own head sends its plan.
        raise PermissionDenied
    try:
        plan = services.unit_plan_submit(
            plan=plan, user=request.user, comment=request.POST.get("comment", "")
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        late = services.is_late(plan)
        message = _("Đã duyệt và gửi kế hoạch lên Sở.")
        if late:
            message += " " + _("Lưu ý: kế hoạch được nộp sau hạn %(date)s.") % {
                "date": plan.parent_plan.unit_plan_due.strftime("%d/%m/%Y")
            }
        messages.success(request, message)
    return redirect("plans:detail", plan.pk)


# --- the department's side --------------------------------------------------------------------


def _back(request: HttpRequest, plan: Plan) -> HttpResponse:
    """Back to the follow-up page when the action was taken there, else to the plan."""
    if request.POST.get("next") == "follow_up" and plan.parent_plan_id:
        return redirect("plans:unit_plans", plan.parent_plan_id)
    return redirect("plans:detail", plan.pk)


@login_required
@require_POST
def unit_plan_return(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _unit_plan(request, pk, policy.Action.MANAGE)
    form = RequiredCommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["comment"]))
        return redirect("plans:detail", plan.pk)
    try:
        services.unit_plan_return(
            plan=plan, user=request.user, comment=form.cleaned_data["comment"]
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã trả lại kế hoạch cho %(unit)s.") % {"unit": plan.unit.name})
    return _back(request, plan)


@login_required
@require_POST
def unit_plan_accept(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _unit_plan(request, pk, policy.Action.MANAGE)
    try:
        services.unit_plan_accept(
            plan=plan, user=request.user, comment=request.POST.get("comment", "").strip()
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("Đã tiếp nhận kế hoạch của %(unit)s.") % {"unit": plan.unit.name}
        )
    return _back(request, plan)


@login_required
@require_POST
def unit_plan_comment(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _unit_plan(request, pk, policy.Action.MANAGE)
    try:
        services.unit_plan_comment(
            plan=plan, user=request.user, comment=request.POST.get("comment", "")
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã ghi ý kiến vào quá trình xử lý."))
    return redirect("plans:detail", plan.pk)


@login_required
def unit_plans(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat's follow-up of the unit plans of one department plan."""
    parent = _department_plan(request, pk, policy.Action.MANAGE)
    state = request.GET.get("state", "")
    if state not in STATE_LABELS:
        state = ""
    rows, counts = selectors_unit.follow_up(request.user, parent, state=state)
    context = {
        "plan": parent,
        "rows": rows,
        "counts": counts,
        "state": state,
        "states": [(key, label, counts.get(key, 0)) for key, label in STATE_LABELS.items()],
        "due_form": DueForm(initial={"unit_plan_due": parent.unit_plan_due}),
    }
    return TemplateResponse(request, "plans/unit_plans.html", context)


@login_required
@require_POST
def unit_plans_remind(request: HttpRequest, pk: int) -> HttpResponse:
    parent = _department_plan(request, pk, policy.Action.MANAGE)
    rows, _counts = selectors_unit.follow_up(request.user, parent)
    wanted = set(request.POST.getlist("unit"))
    units = [
        row.unit for row in rows if not row.submitted and (not wanted or str(row.unit.pk) in wanted)
    ]
    reminded, skipped = services.unit_plan_remind(parent=parent, units=units, user=request.user)
    if reminded:
        messages.success(
            request,
            _("Đã gửi thư nhắc tới %(count)s đơn vị.") % {"count": len(reminded)},
        )
    if skipped:
        messages.warning(
            request,
            _(
                "%(count)s đơn vị không được nhắc: đã nhắc hôm nay, đã nộp hoặc chưa có địa chỉ "
                "thư điện tử."
            )
            % {"count": len(skipped)},
        )
    if not reminded and not skipped:
        messages.info(request, _("Không có đơn vị nào cần nhắc."))
    return redirect("plans:unit_plans", parent.pk)


@login_required
@require_POST
def unit_plans_due(request: HttpRequest, pk: int) -> HttpResponse:
    parent = _department_plan(request, pk, policy.Action.MANAGE)
    form = DueForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["unit_plan_due"]))
    else:
        services.plan_set_unit_plan_due(
            plan=parent, user=request.user, due=form.cleaned_data["unit_plan_due"]
        )
        messages.success(request, _("Đã lưu hạn nộp kế hoạch của đơn vị."))
    return redirect("plans:unit_plans", parent.pk)
