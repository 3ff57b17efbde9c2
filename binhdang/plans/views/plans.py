"""Plans list, detail, creation, import, inbox and receipts."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from binhdang.accounts import policy

from .. import selectors, services
from ..choices import PlanKind, PlanStatus
from ..convert import plan_to_document
from ..forms import PlanCreateForm, PlanFilterForm, PlanImportForm
from ..importing import DEFAULT_MAX_BYTES, PlanImportError, import_plan_file
from ..importing import errors as import_errors
from ..models import Plan
from ..services import unit_plans
from ..structure import PlanDocument
from . import citations
from .common import permissions, plan_for
from .unit_plans import unit_context

PAGE_SIZE = 30
_IMPORT_SESSION = "plans-import"


def _edit_units(user):
    return policy.units_for(user, policy.Action.EDIT).order_by("depth", "path")


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    policy.require_anywhere(request.user, policy.Action.VIEW)
    form = PlanFilterForm(
        request.GET or None,
        years=selectors.plan_years(request.user),
        units=selectors.plan_units(request.user),
    )
    filters = form.cleaned_data if form.is_valid() else {}
    plans = selectors.plan_list(
        request.user,
        year=filters.get("year"),
        status=filters.get("status") or None,
        unit=filters.get("unit"),
        kind=filters.get("kind") or None,
    )
    page = Paginator(plans, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page,
        "can_create": policy.can_anywhere(request.user, policy.Action.EDIT),
        "query": request.GET.urlencode(),
    }
    template = "plans/list.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return TemplateResponse(request, template, context)


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    if plan.status == PlanStatus.ISSUED:
        services.plan_mark_opened(plan=plan, user=request.user)
    bases = list(plan.bases.order_by("order", "pk"))
    document = plan_to_document(plan)
    flagged_bases = citations.bases_with_flags(plan, bases)
    flags_in_text = citations.text_flags(plan, document)
    context = {
        "plan": plan,
        "bases": flagged_bases,
        "text_flags": flags_in_text,
        "findings": citations.open_findings(plan, flagged_bases, flags_in_text),
        "document": document,
        "deadlines": list(plan.deadlines.order_by("date", "pk")),
        "events": list(plan.events.select_related("by").order_by("at", "pk")),
        "distribution": plan.distributions.filter(
            unit__path__in=policy.paths_for(request.user, policy.Action.VIEW)
        )
        .select_related("opened_by")
        .first(),
        **permissions(request.user, plan),
        **unit_context(request.user, plan),
    }
    return TemplateResponse(request, "plans/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    policy.require_anywhere(request.user, policy.Action.EDIT)
    form = PlanCreateForm(request.POST or None, units=_edit_units(request.user))
    if request.method == "POST" and form.is_valid():
        plan = services.plan_create(
            unit=form.cleaned_data["unit"],
            user=request.user,
            year=form.cleaned_data["year"],
            title=form.cleaned_data["title"],
        )
        messages.success(request, _("Đã tạo dự thảo kế hoạch."))
        return redirect("plans:edit", plan.pk)
    return TemplateResponse(request, "plans/create.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def plan_import(request: HttpRequest) -> HttpResponse:
    """Upload a plan file and preview its structure; nothing is stored until "save"."""
    policy.require_anywhere(request.user, policy.Action.EDIT)
    form = PlanImportForm(
        request.POST or None, request.FILES or None, units=_edit_units(request.user)
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            # The importer's own messages are the most precise (how to remove a password,
            # which legacy encoding); only the size is checked before the file is read.
            if upload.size > DEFAULT_MAX_BYTES:
                raise import_errors.too_large(upload.name, upload.size, DEFAULT_MAX_BYTES)
            document = import_plan_file(upload.read(), upload.name)
        except PlanImportError as error:
            form.add_error("file", error.message)
        else:
            token = secrets.token_urlsafe(12)
            request.session[_IMPORT_SESSION] = {
                "token": token,
                "unit": form.cleaned_data["unit"].pk,
                "filename": upload.name[:255],
                "document": document.to_json(),
            }
            context = {
                "document": document,
                "unit": form.cleaned_data["unit"],
                "filename": upload.name,
                "token": token,
            }
            return TemplateResponse(request, "plans/import_preview.html", context)
    return TemplateResponse(request, "plans/import.html", {"form": form}, status=200)


@login_required
@require_POST
def plan_import_save(request: HttpRequest) -> HttpResponse:
    policy.require_anywhere(request.user, policy.Action.EDIT)
    pending = request.session.get(_IMPORT_SESSION)
    if not pending or pending.get("token") != request.POST.get("token"):
        messages.error(request, _("Phiên nhập đã hết hạn; hãy tải tệp lên lại."))
        return redirect("plans:import")
    unit = policy.units_for(request.user, policy.Action.EDIT).filter(pk=pending["unit"]).first()
    policy.require(request.user, policy.Action.EDIT, unit)
    plan = services.plan_import(
        document=PlanDocument.from_json(pending["document"]),
        unit=unit,
        user=request.user,
        filename=pending["filename"],
    )
    del request.session[_IMPORT_SESSION]
    messages.success(
        request, _("Đã lưu dự thảo từ tệp “%(name)s”.") % {"name": pending["filename"]}
    )
    return redirect("plans:detail", plan.pk)


@login_required
def plan_inbox(request: HttpRequest) -> HttpResponse:
    policy.require_anywhere(request.user, policy.Action.VIEW)
    rows = selectors.inbox(request.user)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    # Each delivered plan with the unit plan the receiving unit built from it, if any.
    built = {
        (p.parent_plan_id, p.unit_id): p
        for p in Plan.objects.filter(
            kind=PlanKind.UNIT,
            parent_plan_id__in=[d.plan_id for d in page],
            unit_id__in=[d.unit_id for d in page],
        )
    }
    for distribution in page:
        distribution.unit_plan = built.get((distribution.plan_id, distribution.unit_id))
        distribution.can_build = unit_plans.open_for_unit_plans(distribution.plan) and policy.can(
            request.user, policy.Action.EDIT, distribution.unit
        )
    return TemplateResponse(request, "plans/inbox.html", {"page_obj": page})


@login_required
def plan_receipts(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk, policy.Action.MANAGE)
    rows = list(selectors.receipts(plan))
    opened = [r for r in rows if r.opened_at]
    context = {
        "plan": plan,
        "rows": rows,
        "total": len(rows),
        "opened": len(opened),
        "unopened": len(rows) - len(opened),
    }
    return TemplateResponse(request, "plans/receipts.html", context)
