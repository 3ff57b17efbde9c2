"""Compare two plans the user may read: in the browser and as a DOCX."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from binhdang.accounts import policy

from .. import selectors
from ..compare import compare_plans, comparison_docx, comparison_view
from ..convert import plan_to_document
from ..forms import CompareForm
from ..rendering import DOCX_TYPE


def _form(request: HttpRequest) -> CompareForm:
    policy.require_anywhere(request.user, policy.Action.VIEW)
    return CompareForm(
        request.GET if {"old", "new"} <= set(request.GET) else None,
        plans=selectors.comparable_plans(request.user),
    )


@login_required
def plan_compare(request: HttpRequest) -> HttpResponse:
    form = _form(request)
    context = {"form": form}
    if form.is_bound and form.is_valid():
        old_plan, new_plan = form.cleaned_data["old"], form.cleaned_data["new"]
        old, new = plan_to_document(old_plan), plan_to_document(new_plan)
        comparison = compare_plans(old, new)
        context.update(
            old_plan=old_plan,
            new_plan=new_plan,
            view=comparison_view(comparison, old, new),
            query=request.GET.urlencode(),
        )
    return TemplateResponse(request, "plans/compare.html", context)


@login_required
def compare_docx(request: HttpRequest) -> HttpResponse:
    form = _form(request)
    if not (form.is_bound and form.is_valid()):
        return TemplateResponse(request, "plans/compare.html", {"form": form}, status=400)
    old, new = (
        plan_to_document(form.cleaned_data["old"]),
        plan_to_document(form.cleaned_data["new"]),
    )
    data = comparison_docx(compare_plans(old, new), old, new)
    response = HttpResponse(data, content_type=DOCX_TYPE)
    name = f"so-sanh-ke-hoach-{old.year}-{new.year}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
