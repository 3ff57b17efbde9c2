"""Carry a plan forward to a new year, then review every automatic change and flag."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from binhdang.accounts import policy

from .. import services
from ..forms import CarryForm, FlagForm
from . import citations
from .common import error_text, form_errors, plan_for


@login_required
@require_http_methods(["GET", "POST"])
def plan_carry(request: HttpRequest, pk: int) -> HttpResponse:
    source = plan_for(request, pk, policy.Action.EDIT)
    form = CarryForm(
        request.POST or None, initial={"year": max(source.year + 1, timezone.localdate().year)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_carry_forward(
                plan=source,
                year=form.cleaned_data["year"],
                user=request.user,
                registry=citations.registry(),
            )
        except ValidationError as error:
            form.add_error("year", error)
        else:
            messages.success(
                request,
                _("Đã tạo dự thảo năm %(year)s từ kế hoạch năm %(from)s.")
                % {"year": plan.year, "from": source.year},
            )
            return redirect("plans:carry_review", plan.pk)
    return TemplateResponse(request, "plans/carry.html", {"source": source, "form": form})


def _review_context(request: HttpRequest, plan, *, error: str = "") -> dict:
    report = plan.carry_report or {}
    flags = report.get("flags", [])
    return {
        "plan": plan,
        "report": report,
        "changes": report.get("changes", []),
        "flags": flags,
        "open_count": sum(1 for f in flags if f.get("status") == "open"),
        "can_resolve": plan.is_editable and policy.can(request.user, policy.Action.EDIT, plan.unit),
        "error": error,
    }


@login_required
def carry_review(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    return TemplateResponse(request, "plans/carry_review.html", _review_context(request, plan))


@login_required
@require_POST
def carry_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk, policy.Action.EDIT)
    form = FlagForm(request.POST)
    error = ""
    if not form.is_valid():
        error = form_errors(form)
    else:
        try:
            services.plan_apply_flag(
                plan=plan,
                version=form.cleaned_data["version"],
                user=request.user,
                flag_id=form.cleaned_data["flag_id"],
                action=form.cleaned_data["action"],
                registry=citations.registry(),
            )
        except ValidationError as err:
            error = error_text(err)
    plan.refresh_from_db()
    if request.htmx:
        return TemplateResponse(
            request,
            "plans/carry_review.html#review",
            _review_context(request, plan, error=error),
        )
    if error:
        messages.error(request, error)
    return redirect("plans:carry_review", plan.pk)
