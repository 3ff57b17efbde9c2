"""List, detail, create, edit, delete and the month calendar of activities."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from binhdang.accounts import policy

from .. import selectors, services
from ..forms import (
    SERVICE_TO_FORM_FIELD,
    UNIT_SELECT_LIMIT,
    ActivityForm,
    EvidenceForm,
    FilterForm,
)
from ..locks import lock_message
from .common import add_service_errors, query_without

PAGE_SIZE = 25


@login_required
def activity_list(request: HttpRequest) -> HttpResponse:
    policy.require_anywhere(request.user, policy.Action.VIEW)
    form = FilterForm(
        request.GET or None,
        units=selectors.units_for_filter(request.user),
        tasks=selectors.plan_tasks_for(request.user, action=policy.Action.VIEW),
    )
    filters = form.filters()
    page = Paginator(selectors.activity_list(request.user, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "page_obj": page,
        "query": query_without(request, "page"),
        "can_create": policy.can_anywhere(request.user, policy.Action.EDIT),
    }
    template = "activities/list.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return TemplateResponse(request, template, context)


@login_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_detail(request.user, pk)
    return _detail_page(request, activity, EvidenceForm())


def _detail_page(request, activity, evidence_form, status: int = 200) -> HttpResponse:
    can_edit = policy.can(request.user, policy.Action.EDIT, activity.unit)
    context = {
        "activity": activity,
        "evidence": list(activity.evidence.all()),
        "evidence_form": evidence_form,
        "can_edit": can_edit,
        "lock": lock_message(activity.unit, [activity.start_date, activity.end_date]),
    }
    return TemplateResponse(request, "activities/detail.html", context, status=status)


def _form(request, data=None, *, initial=None, unit=None) -> ActivityForm:
    units = selectors.units_for_entry(request.user)
    return ActivityForm(
        data,
        initial=initial,
        units=units,
        tasks=selectors.plan_tasks_for(request.user, unit),
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest) -> HttpResponse:
    policy.require_anywhere(request.user, policy.Action.EDIT)
    if request.method == "POST":
        form = _form(request, request.POST)
        if form.is_valid():
            try:
                activity = services.activity_create(
                    unit=form.cleaned_data["unit"], user=request.user, **form.service_fields()
                )
            except ValidationError as error:
                add_service_errors(form, error, SERVICE_TO_FORM_FIELD)
            else:
                messages.success(request, _("Đã ghi nhận hoạt động “%(t)s”.") % {"t": activity})
                return redirect("activities:detail", pk=activity.pk)
    else:
        initial = {"start_date": timezone.localdate()}
        default_unit = selectors.units_for_entry(request.user).first()
        if default_unit is not None:
            initial["unit"] = default_unit.code
        form = _form(request, initial=initial)
    return TemplateResponse(request, "activities/form.html", {"form": form, "activity": None})


def _editable(request: HttpRequest, pk: int):
    activity = selectors.activity_detail(request.user, pk)
    if not policy.can(request.user, policy.Action.EDIT, activity.unit):
        raise PermissionDenied
    return activity


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _editable(request, pk)
    if request.method == "POST":
        form = _form(request, request.POST, unit=activity.unit)
        # The unit of a recorded activity does not change: it is whose work it was.
        form.fields["unit"].disabled = True
        form.fields["unit"].initial = activity.unit.code
        if form.is_valid():
            version = form.cleaned_data.get("version") or activity.version
            try:
                services.activity_update(
                    activity=activity,
                    user=request.user,
                    expected_version=version,
                    **form.service_fields(),
                )
            except ValidationError as error:
                add_service_errors(form, error, SERVICE_TO_FORM_FIELD)
            else:
                messages.success(request, _("Đã lưu thay đổi."))
                return redirect("activities:detail", pk=activity.pk)
    else:
        form = _form(request, initial=ActivityForm.initial_from(activity), unit=activity.unit)
        form.fields["unit"].disabled = True
    return TemplateResponse(
        request,
        "activities/form.html",
        {
            "form": form,
            "activity": activity,
            "lock": lock_message(activity.unit, [activity.start_date, activity.end_date]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _editable(request, pk)
    error = None
    if request.method == "POST":
        try:
            services.activity_delete(activity=activity, user=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Đã xóa hoạt động “%(t)s”.") % {"t": activity})
            return redirect("activities:list")
    return TemplateResponse(
        request,
        "activities/confirm_delete.html",
        {
            "activity": activity,
            "error": error or lock_message(activity.unit, [activity.start_date, activity.end_date]),
        },
    )


MONTH_NAMES = [
    gettext_lazy("Tháng 1"),
    gettext_lazy("Tháng 2"),
    gettext_lazy("Tháng 3"),
    gettext_lazy("Tháng 4"),
    gettext_lazy("Tháng 5"),
    gettext_lazy("Tháng 6"),
    gettext_lazy("Tháng 7"),
    gettext_lazy("Tháng 8"),
    gettext_lazy("Tháng 9"),
    gettext_lazy("Tháng 10"),
    gettext_lazy("Tháng 11"),
    gettext_lazy("Tháng 12"),
]
WEEKDAYS = [
    gettext_lazy("Thứ Hai"),
    gettext_lazy("Thứ Ba"),
    gettext_lazy("Thứ Tư"),
    gettext_lazy("Thứ Năm"),
    gettext_lazy("Thứ Sáu"),
    gettext_lazy("Thứ Bảy"),
    gettext_lazy("Chủ Nhật"),
]


@login_required
def activity_calendar(request: HttpRequest) -> HttpResponse:
    policy.require_anywhere(request.user, policy.Action.VIEW)
    units = selectors.units_for_filter(request.user)
    unit = None
    if request.GET.get("unit"):
        unit = units.filter(code=request.GET["unit"].strip()).first()
        if unit is None:
            raise Http404
    if unit is None:
        unit = policy.top_units(request.user, policy.Action.VIEW).first()
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in request.GET.get("month", "").split("-"))
        dt.date(year, month, 1)
    except ValueError:
        year, month = today.year, today.month
    subtree = request.GET.get("subtree") == "1"
    grid = selectors.month_grid(request.user, unit=unit, year=year, month=month, subtree=subtree)
    return TemplateResponse(
        request,
        "activities/calendar.html",
        {
            "grid": grid,
            "unit": unit,
            "units": units if units.count() <= UNIT_SELECT_LIMIT else None,
            "subtree": subtree,
            "month_name": MONTH_NAMES[month - 1],
            "today": today,
            "weekdays": WEEKDAYS,
        },
    )
