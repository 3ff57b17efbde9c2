"""The department dashboard and its charts (PNG)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from binhdang.accounts import policy
from binhdang.activities.coverage import departments_for
from binhdang.core.choosing import department_and_year
from binhdang.documents.charts import bar_chart, line_chart

from .selectors import department_dashboard

MONTHS = [f"T{m}" for m in range(1, 13)]


def _choose(request: HttpRequest):
    user = request.user
    policy.require_anywhere(user, policy.Action.VIEW_AGGREGATE)
    departments = departments_for(user)
    if not departments:
        raise PermissionDenied
    department, year = department_and_year(request, departments)
    return department, departments, year


@login_required
@require_GET
def department(request: HttpRequest) -> HttpResponse:
    dept, departments, year = _choose(request)
    data = department_dashboard(request.user, dept, year)
    query = urlencode({"department": dept.code, "year": year})
    return TemplateResponse(
        request,
        "dashboards/department.html",
        {
            "d": data,
            "departments": departments,
            "years": list(range(timezone.localdate().year + 1, 2022, -1)),
            "query": query,
        },
    )


@login_required
@require_GET
def chart(request: HttpRequest, kind: str) -> HttpResponse:
    dept, _departments, year = _choose(request)
    data = department_dashboard(request.user, dept, year)
    if kind == "months":
        png = line_chart(
            MONTHS,
            {str(year - 1): data.months_last, str(year): data.months},
            title=f"Hoạt động theo tháng ({year - 1}–{year})",
        )
    elif kind == "leaders":
        rates = [
            data.women_leaders_last.percent if data.women_leaders_last else 0,
            data.women_leaders.percent if data.women_leaders else 0,
        ]
        targets = {t.target_year: float(t.value) for t in data.leader_targets}
        categories = [str(year - 1), str(year)] + [f"Mục tiêu {y}" for y in sorted(targets)]
        png = bar_chart(
            categories,
            rates + [targets[y] for y in sorted(targets)],
            title="Tỷ lệ đơn vị có nữ lãnh đạo chủ chốt (%)",
            percent=True,
        )
    elif kind == "types":
        png = bar_chart(
            [row["label"] for row in data.by_type],
            {
                "Nam": [row["STAFF"][0] - row["STAFF"][1] for row in data.by_type],
                "Nữ": [row["STAFF"][1] for row in data.by_type],
            },
            title="Cán bộ, giáo viên, nhân viên theo loại đơn vị",
            stacked=True,
        )
    else:
        raise Http404
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=300"
    return response
