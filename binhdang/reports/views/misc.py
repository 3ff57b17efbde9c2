"""Staff figures, targets, notifications and the department's consolidated report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from binhdang.accounts import policy
from binhdang.accounts.choices import UnitType
from binhdang.activities.coverage import departments_for
from binhdang.core.choosing import department_and_year
from binhdang.core.uploads import validate_upload

from .. import staff_import
from .. import targets as target_service
from ..choices import PeriodKind
from ..documents import department_report, department_xlsx
from ..forms import TargetForm
from ..models import Notification, StaffFigures
from .periods import _period

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    return min(max(year, 2020), timezone.localdate().year + 1)


def _units(user):
    return list(
        policy.units_for(user, policy.Action.EDIT)
        .exclude(unit_type__in=[UnitType.MINISTRY, UnitType.DEPARTMENT])
        .order_by("path")
    )


@login_required
@require_http_methods(["GET", "POST"])
def staff_figures(request: HttpRequest) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.EDIT)
    year = _year(request)
    units = _units(user)
    errors: list = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ValidationError(_("Hãy chọn tệp .xlsx theo mẫu."))
            validate_upload(upload, allowed=["xlsx"])
        except ValidationError as exc:
            errors = [staff_import.CellError(0, "", m) for m in exc.messages]
        else:
            rows, errors = staff_import.parse(upload.read(), {u.code: u for u in units})
            if not errors:
                count = staff_import.save_all(rows, year)
                messages.success(
                    request, _("Đã nhập số liệu cán bộ của %(n)s đơn vị.") % {"n": count}
                )
                return redirect(f"{request.path}?year={year}")
    figures = {f.unit_id: f for f in StaffFigures.objects.filter(unit__in=units, year=year)}
    rows = [(u, figures.get(u.pk)) for u in units]
    return TemplateResponse(
        request,
        "reports/staff.html",
        {"year": year, "rows": rows, "errors": errors, "columns": staff_import.COLUMNS},
        status=422 if errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def staff_edit(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    from binhdang.accounts.models import OrgUnit

    from ..forms import StaffFiguresForm

    unit = policy.get_object_for_user(OrgUnit.objects.all(), request.user, via="", pk=unit_pk)
    policy.require(request.user, policy.Action.EDIT, unit)
    if not 2020 <= year <= timezone.localdate().year + 1:
        raise PermissionDenied
    instance = StaffFigures.objects.filter(unit=unit, year=year).first() or StaffFigures(
        unit=unit, year=year
    )
    form = StaffFiguresForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Đã lưu số liệu cán bộ của %(u)s.") % {"u": unit.name})
        return redirect(f"{reverse('reports:staff')}?year={year}")
    return TemplateResponse(
        request,
        "reports/staff_form.html",
        {"form": form, "unit": unit, "year": year},
        status=422 if form.errors else 200,
    )


@login_required
@require_GET
def staff_template(request: HttpRequest) -> HttpResponse:
    policy.require_anywhere(request.user, policy.Action.EDIT)
    year = _year(request)
    response = HttpResponse(
        staff_import.template_bytes(_units(request.user), year), content_type=XLSX
    )
    response["Content-Disposition"] = f'attachment; filename="mau-so-lieu-can-bo-{year}.xlsx"'
    return response


def _target_scope(request: HttpRequest):
    """(departments, department, year, kind) chosen in the query string; 404 when asked for
    a department out of reach or a year out of range."""
    departments = departments_for(request.user)
    department, year = department_and_year(request, departments)
    kind = request.GET.get("kind") or ""
    if kind not in PeriodKind.values:
        kind = ""
    return departments, department, year, kind


@login_required
@require_http_methods(["GET", "POST"])
def targets(request: HttpRequest) -> HttpResponse:
    """The department's targets against its figures; its secretariat enters new versions
    (the department is the one chosen in the query string, which the form posts back)."""
    user = request.user
    policy.require_anywhere(user, policy.Action.VIEW_AGGREGATE)
    departments, department, year, kind = _target_scope(request)
    can_manage = department is not None and policy.can(user, policy.Action.MANAGE, department)
    form = TargetForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                target_service.target_enter(user=user, department=department, **form.cleaned_data)
            except ValidationError as exc:
                _show_errors(form, exc)
            else:
                messages.success(
                    request, _("Đã lưu mục tiêu (phiên bản mới; kết quả cũ giữ nguyên).")
                )
                return redirect(request.get_full_path())
    period = target_service.best_period(department, year, kind) if department else None
    rows = []
    if department is not None:
        rows = target_service.target_progress(
            department=department,
            year=year,
            period=period,
            paths=target_service.scope_paths(user, department),
        )
    return TemplateResponse(
        request,
        "reports/targets.html",
        {
            "rows": rows,
            "departments": departments,
            "department": department,
            "year": year,
            "kind": kind,
            "kinds": PeriodKind.choices,
            "years": list(range(timezone.localdate().year + 1, 2022, -1)),
            "period": period,
            "history": target_service.superseded_versions(department) if department else [],
            "can_manage": can_manage,
            "form": form,
        },
        status=422 if form.errors else 200,
    )


def _show_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for item in errors:
                form.add_error(field if field in form.fields else None, item)
    else:
        for message in error.messages:
            form.add_error(None, message)


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    items = Notification.objects.filter(user=request.user)
    if request.method == "POST":
        items.filter(read_at__isnull=True).update(read_at=timezone.now())
        return redirect("reports:notifications")
    return TemplateResponse(request, "reports/notifications.html", {"items": items[:200]})


@login_required
@require_GET
def unread(request: HttpRequest) -> HttpResponse:
    """The top bar's count, fetched by htmx after the page loads (no query in every page)."""
    from ..selectors import unread_count

    return TemplateResponse(request, "reports/_unread.html", {"unread": unread_count(request.user)})


@login_required
@require_GET
def department_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    period = _period(request.user, pk, policy.Action.MANAGE)
    name = f"bao-cao-so-{period.year}-{period.kind}"
    if fmt == "xlsx":
        response = HttpResponse(department_xlsx(period), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    data, _facts = department_report(period)
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
    return response
