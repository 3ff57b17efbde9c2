"""The Action Month page: dates, theme, coverage, charts, export; editing by the department."""

from __future__ import annotations

import secrets
import textwrap

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from binhdang.accounts import policy
from binhdang.accounts.models import OrgUnit, User
from binhdang.documents.charts import bar_chart

from .. import exports, services
from ..coverage import Coverage, campaign_coverage, default_department, departments_for
from ..forms import CampaignForm
from ..models import campaign_for
from .common import add_service_errors
from .exports import XLSX

FIRST_YEAR = 2020


def _department(request: HttpRequest, user: User) -> tuple[OrgUnit, list[OrgUnit]]:
    policy.require_anywhere(user, policy.Action.VIEW_AGGREGATE)
    departments = departments_for(user)
    if not departments:
        raise PermissionDenied
    code = request.GET.get("department")
    if not code:
        return default_department(user, departments), departments
    for department in departments:
        if department.code == code:
            return department, departments
    raise Http404


def _year(value: str | None) -> int:
    this_year = timezone.localdate().year
    try:
        year = int(value or this_year)
    except ValueError as exc:
        raise Http404 from exc
    if not FIRST_YEAR <= year <= this_year + 1:
        raise Http404
    return year


def _suffix(department: OrgUnit, departments: list[OrgUnit]) -> str:
    # Named whenever there is a choice: the page may have picked the department itself
    # (default_department), and its export, edit and chart links must open the same one.
    return "?" + urlencode({"department": department.code}) if len(departments) > 1 else ""


# The two chart images draw the numbers the page has just computed: the page keeps its chart
# rows in the cache under a one-off token for a few minutes, and each image request reads
# them instead of computing the whole coverage again. A new page load computes afresh (a new
# token), so an activity logged since shows on the next load; an image asked for without a
# token, or after the cache forgot it, computes the coverage itself.
CHART_ROWS_SECONDS = 300


def _chart_rows_key(user: User, token: str) -> str:
    return f"activities:campaign-chart:{user.pk}:{token}"


def _chart_rows(coverage: Coverage) -> dict:
    return {
        "department": coverage.department.pk,
        "year": coverage.campaign.year,
        "types": [(row.label, row.activities) for row in coverage.by_type if row.activities],
        "unit-types": [
            (row.label, row.units, row.covered) for row in coverage.by_unit_type if row.units
        ],
    }


def _remember_chart_rows(request: HttpRequest, coverage: Coverage) -> str:
    token = secrets.token_urlsafe(12)
    cache.set(_chart_rows_key(request.user, token), _chart_rows(coverage), CHART_ROWS_SECONDS)
    return token


@login_required
@require_GET
def campaign(request: HttpRequest) -> HttpResponse:
    department, departments = _department(request, request.user)
    year = _year(request.GET.get("year"))
    coverage = campaign_coverage(department=department, year=year, user=request.user)
    this_year = timezone.localdate().year
    suffix = _suffix(department, departments)
    chart_query = (suffix + "&" if suffix else "?") + urlencode(
        {"rows": _remember_chart_rows(request, coverage)}
    )
    return TemplateResponse(
        request,
        "activities/campaign.html",
        {
            "coverage": coverage,
            "campaign": coverage.campaign,
            "department": department,
            "departments": departments,
            "year": year,
            "years": list(range(this_year + 1, FIRST_YEAR - 1, -1)),
            "can_manage": policy.can(request.user, policy.Action.MANAGE, department),
            "suffix": suffix,
            "chart_query": chart_query,
            "can_list": policy.can_anywhere(request.user, policy.Action.VIEW),
            "list_query": urlencode({"year": year, "action_month": "on"}),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def campaign_edit(request: HttpRequest, year: int) -> HttpResponse:
    department, _departments = _department(request, request.user)
    year = _year(str(year))
    policy.require(request.user, policy.Action.MANAGE, department)
    current = campaign_for(department, year)
    if request.method == "POST":
        form = CampaignForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.campaign_set(
                    department=department,
                    year=year,
                    user=request.user,
                    title=data["title"],
                    theme=data["theme"],
                    start_date=data["start_date"],
                    end_date=data["end_date"],
                    counted_types=data["counted_types"],
                    expected_version=data.get("version") if current.pk else None,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Đã lưu Tháng hành động năm %(y)s.") % {"y": year})
                url = (
                    reverse("activities:campaign")
                    + "?"
                    + urlencode({"year": year, "department": department.code})
                )
                return redirect(url)
    else:
        form = CampaignForm(initial=CampaignForm.initial_from(current))
    return TemplateResponse(
        request,
        "activities/campaign_form.html",
        {"form": form, "department": department, "year": year, "campaign": current},
    )


def _coverage_for(request: HttpRequest, year: int) -> Coverage:
    department, _departments = _department(request, request.user)
    return campaign_coverage(department=department, year=_year(str(year)), user=request.user)


CHARTS = ("types", "unit-types")


@login_required
@require_GET
def campaign_chart(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    if kind not in CHARTS:
        raise Http404
    department, _departments = _department(request, request.user)
    year = _year(str(year))
    token = request.GET.get("rows", "")
    remembered = cache.get(_chart_rows_key(request.user, token)) if token else None
    if remembered is None or (remembered["department"], remembered["year"]) != (
        department.pk,
        year,
    ):
        coverage = campaign_coverage(department=department, year=year, user=request.user)
        remembered = _chart_rows(coverage)
    rows = remembered[kind]
    if kind == "types":
        series = {_("Số hoạt động"): [row[1] for row in rows]}
        title = _("Hoạt động theo loại (%(y)s)") % {"y": year}
    else:
        series = {
            _("Số đơn vị"): [row[1] for row in rows],
            _("Đơn vị có hoạt động"): [row[2] for row in rows],
        }
        title = _("Đơn vị tham gia theo loại đơn vị (%(y)s)") % {"y": year}
    png = bar_chart(
        ["\n".join(textwrap.wrap(row[0], 30)) for row in rows],
        series,
        title=title,
        horizontal=True,
        width_cm=16,
        height_cm=4 + 0.9 * len(rows) * len(series) ** 0.5,
        dpi=110,
    )
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_GET
def campaign_export(request: HttpRequest, year: int) -> HttpResponse:
    coverage = _coverage_for(request, year)
    response = HttpResponse(exports.coverage_xlsx(coverage), content_type=XLSX)
    name = f"thang-hanh-dong-{year}-{coverage.department.code}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
