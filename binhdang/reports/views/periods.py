"""Report periods: list, create/open/close, the status board and reminders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from binhdang.accounts import policy
from binhdang.accounts.choices import UnitType

from .. import periods as period_service
from .. import reminders, selectors
from ..choices import PeriodKind
from ..models import ReportPeriod


def _period(user, pk: int, action=policy.Action.VIEW_AGGREGATE) -> ReportPeriod:
    """The period if the user may do `action` on its department; 404 when the user cannot
    even see it, 403 when they can see it but not do `action`."""
    period = ReportPeriod.objects.select_related("department").filter(pk=pk).first()
    if period is None:
        raise Http404
    visible = policy.can(user, policy.Action.VIEW_AGGREGATE, period.department) or (
        selectors.periods_for(user).filter(pk=pk).exists()
    )
    if not visible:
        raise Http404
    if action != policy.Action.VIEW_AGGREGATE and not policy.can(user, action, period.department):
        raise PermissionDenied
    return period


@login_required
@require_GET
def period_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.VIEW_AGGREGATE)
    periods = (
        selectors.periods_for(user).select_related("department").order_by("-year", "-due_date")
    )
    my_reports = (
        selectors.reports_for(user, policy.Action.EDIT)
        .select_related("period", "unit")
        .order_by("-period__year", "-period__due_date", "unit__path")[:50]
    )
    departments = policy.top_units(user, policy.Action.MANAGE).filter(unit_type=UnitType.DEPARTMENT)
    return TemplateResponse(
        request,
        "reports/periods.html",
        {
            "periods": periods,
            "my_reports": my_reports,
            "departments": departments,
            "kinds": PeriodKind.choices,
            "this_year": timezone.localdate().year,
            "manageable": {
                p.pk for p in periods if policy.can(user, policy.Action.MANAGE, p.department)
            },
        },
    )


@login_required
@require_POST
def period_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    department = (
        policy.top_units(user, policy.Action.MANAGE)
        .filter(code=request.POST.get("department", ""), unit_type=UnitType.DEPARTMENT)
        .first()
    )
    if department is None:
        raise PermissionDenied
    try:
        year = int(request.POST.get("year", ""))
        kind = PeriodKind(request.POST.get("kind", ""))
    except ValueError:
        messages.error(request, _("Năm hoặc kỳ báo cáo không hợp lệ."))
        return redirect("reports:periods")
    period = period_service.period_create(department=department, year=year, kind=kind, user=user)
    messages.success(
        request,
        _("Đã tạo %(p)s; hạn nộp %(d)s.")
        % {"p": period, "d": period.due_date.strftime("%d/%m/%Y")},
    )
    return redirect("reports:board", period.pk)


@login_required
@require_POST
def period_open(request: HttpRequest, pk: int) -> HttpResponse:
    period = _period(request.user, pk, policy.Action.MANAGE)
    count = period_service.period_open(period=period, user=request.user)
    messages.success(
        request, _("Đã mở kỳ báo cáo; tạo %(n)s báo cáo nháp cho các đơn vị.") % {"n": count}
    )
    return redirect("reports:board", period.pk)


@login_required
@require_POST
def period_close(request: HttpRequest, pk: int) -> HttpResponse:
    period = _period(request.user, pk, policy.Action.MANAGE)
    period_service.period_close(period=period, user=request.user)
    messages.success(request, _("Đã đóng kỳ báo cáo."))
    return redirect("reports:board", period.pk)


@login_required
@require_GET
def period_board(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    period = _period(user, pk)
    data = selectors.board(period, user)
    can_view_units = policy.can(user, policy.Action.VIEW, period.department)
    return TemplateResponse(
        request,
        "reports/board.html",
        {
            "period": period,
            "board": data,
            "can_manage": policy.can(user, policy.Action.MANAGE, period.department),
            "show_units": can_view_units,
        },
    )


@login_required
@require_POST
def period_remind(request: HttpRequest, pk: int) -> HttpResponse:
    period = _period(request.user, pk, policy.Action.MANAGE)
    count = reminders.remind_missing(period=period, user=request.user)
    text = _("Đã nhắc %(n)s đơn vị chưa nộp.") % {"n": count}
    if request.headers.get("HX-Request"):
        return HttpResponse(f'<span class="badge ok" role="status">{text}</span>')
    messages.success(request, text)
    return redirect("reports:board", period.pk)
