"""Downloads of the filtered activity list."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from binhdang.accounts import policy

from .. import exports, selectors
from ..forms import FilterForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _rows(request: HttpRequest):
    policy.require_anywhere(request.user, policy.Action.VIEW)
    form = FilterForm(
        request.GET or None,
        units=selectors.units_for_filter(request.user),
        tasks=selectors.plan_tasks_for(request.user, action=policy.Action.VIEW),
    )
    return selectors.activity_export_rows(request.user, form.filters())


def _filename(ext: str) -> str:
    return f"hoat-dong-{timezone.localdate():%Y%m%d}.{ext}"


@login_required
@require_GET
def export_xlsx(request: HttpRequest) -> HttpResponse:
    rows = _rows(request)
    buffer = io.BytesIO()
    title = _("Danh sách hoạt động (xuất ngày %(d)s)") % {"d": f"{timezone.localdate():%d/%m/%Y}"}
    exports.write_activities_xlsx(rows, buffer, title=title)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    return response


@login_required
@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    rows = _rows(request)
    response = StreamingHttpResponse(
        exports.iter_activities_csv(rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response
