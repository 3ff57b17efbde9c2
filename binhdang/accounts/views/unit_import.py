"""Import units from .xlsx/.csv: upload, check and preview, then confirm (all or nothing)."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from binhdang.core.uploads import validate_upload

from .. import policy
from ..choices import UnitType
from ..forms import ImportForm
from ..importing.columns import COLUMNS
from ..importing.reader import ReadError, read_table
from ..importing.template import build_template
from ..services import unit_import

SESSION_KEY = "accounts.unit_import"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_PARENTS_LIMIT = 5000


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.ORGANISE)
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "problems": [], "plan": None}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            ext = validate_upload(upload, allowed=["xlsx", "csv"])
            upload.seek(0)
            table = read_table(upload.read(), ext)
        except ValidationError as exc:
            context["problems"] = exc.messages
        except ReadError as exc:
            context["problems"] = unit_import.read_issue_messages(exc.issues)
        else:
            plan = unit_import.units_import_plan(user=user, table=table)
            context["plan"] = plan
            context["problems"] = plan.errors
            if plan.is_valid:
                token = secrets.token_urlsafe(16)
                request.session[SESSION_KEY] = {"token": token, "data": plan.as_data()}
                context["token"] = token
    return TemplateResponse(request, "units/import.html", context)


@login_required
@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.ORGANISE)
    stored = request.session.get(SESSION_KEY)
    if not stored or stored.get("token") != request.POST.get("token"):
        messages.error(
            request, _("Bản xem trước đã hết hạn hoặc đã được nhập. Hãy tải tệp lên lại.")
        )
        return redirect("units:import")
    table = unit_import.table_from_data(stored["data"])
    try:
        plan = unit_import.units_import_apply(user=user, table=table)
    except ValidationError as exc:
        del request.session[SESSION_KEY]
        context = {"form": ImportForm(), "problems": exc.messages, "plan": None}
        return TemplateResponse(request, "units/import.html", context)
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _("Đã nhập xong: %(created)s đơn vị mới, %(updated)s đơn vị được cập nhật.")
        % {"created": plan.count("create"), "updated": plan.count("update")},
    )
    return redirect("units:list")


@login_required
@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.ORGANISE)
    parents = (
        policy.units_for(user, policy.Action.ORGANISE)
        .order_by("path")
        .values_list("code", "name")[:TEMPLATE_PARENTS_LIMIT]
    )
    school = UnitType.UPPER_SECONDARY
    department = (
        policy.units_for(user, policy.Action.ORGANISE)
        .filter(unit_type=UnitType.DEPARTMENT)
        .order_by("path")
        .first()
    )
    example_parent = department.code if department else (parents[0][0] if parents else "")
    content = build_template(
        type_labels=[str(choice.label) for choice in UnitType],
        parents=list(parents),
        instructions=[
            _("Mẫu nhập danh sách đơn vị — BinhDang"),
            _("Điền mỗi đơn vị trên một dòng của trang “Đơn vị”; giữ nguyên dòng tiêu đề."),
            _("Các cột tô màu là bắt buộc: %(columns)s.")
            % {"columns": ", ".join(header for _f, header in COLUMNS[:4])},
            _("Mã đơn vị đã có trong hệ thống thì đơn vị đó được cập nhật; mã mới thì tạo mới."),
            _("Mã đơn vị cấp trên: một mã trong danh sách dưới đây, hoặc mã của một dòng khác."),
            _("Xóa dòng ví dụ trước khi tải lên. Nếu có lỗi, không dòng nào được ghi."),
        ],
        example=[
            "HP-THPT-999",
            "Trường THPT Ví Dụ",
            str(school.label),
            example_parent,
            "Ngô Quyền",
            "Phường Gia Viên",
            "Số 1 đường Ví Dụ, Hải Phòng",
            "0225.3999999",
            "thptvidu@haiphong.edu.vn",
        ],
    )
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-don-vi.xlsx"'
    return response
