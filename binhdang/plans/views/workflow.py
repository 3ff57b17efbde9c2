"""Submit, approve, return to draft and issue (number, date, lock, distribute)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from binhdang.accounts import policy

from .. import services
from ..choices import PlanStatus
from ..forms import CommentForm, IssueForm
from ..tasks import render_plan_preview
from . import citations
from .common import error_text, plan_for


def _comment(request: HttpRequest) -> str:
    form = CommentForm(request.POST)
    return form.cleaned_data["comment"] if form.is_valid() else ""


def _step(request, pk: int, action: str, service, done: str) -> HttpResponse:
    plan = plan_for(request, pk, action)
    try:
        service(plan=plan, user=request.user, comment=_comment(request))
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, done)
    return redirect("plans:detail", plan.pk)


@login_required
@require_POST
def plan_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        policy.Action.EDIT,
        services.plan_submit_for_approval,
        _("Đã trình lãnh đạo duyệt kế hoạch."),
    )


@login_required
@require_POST
def plan_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, policy.Action.APPROVE, services.plan_approve, _("Đã duyệt kế hoạch."))


@login_required
@require_POST
def plan_return(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    if not (
        policy.can(request.user, policy.Action.APPROVE, plan.unit)
        or policy.can(request.user, policy.Action.MANAGE, plan.unit)
    ):
        raise PermissionDenied
    return _step(
        request,
        pk,
        policy.Action.VIEW,
        services.plan_return_to_draft,
        _("Đã trả kế hoạch về dự thảo."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_issue(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk, policy.Action.MANAGE)
    if request.method == "GET" and plan.status != PlanStatus.APPROVED:
        messages.error(
            request,
            _("Chỉ ban hành được kế hoạch đã được lãnh đạo duyệt (hiện: %(status)s).")
            % {"status": plan.get_status_display()},
        )
        return redirect("plans:detail", plan.pk)
    units = services.default_recipient_units(plan)
    form = IssueForm(request.POST or None, units=units, initial={"units": units})
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.plan_issue(
                plan=plan,
                user=request.user,
                date=form.cleaned_data["date"],
                units=form.cleaned_data["units"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            transaction.on_commit(lambda: render_plan_preview.enqueue(issued.pk, issued.version))
            messages.success(
                request,
                _("Đã ban hành kế hoạch số %(ref)s và gửi %(count)s đơn vị.")
                % {"ref": issued.reference, "count": issued.distributions.count()},
            )
            return redirect("plans:receipts", issued.pk)
    context = {"plan": plan, "form": form, "findings": citations.open_findings(plan)}
    return TemplateResponse(request, "plans/issue.html", context)
