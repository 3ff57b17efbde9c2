"""One unit's report: fill in, save, submit; review (accept/return); DOCX/PDF."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from binhdang.accounts import policy
from binhdang.core.concurrency import StaleEdit

from .. import selectors, services
from ..documents import unit_report_docx
from ..services import NARRATIVE_FIELDS

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _int(value: str | None) -> int | None:
    value = (value or "").strip().replace(".", "")
    if value == "":
        return None
    return int(value)


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def _errors(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {k: [m for e in v for m in e.messages] for k, v in exc.error_dict.items()}
    return {"__all__": exc.messages}


def _context(request, report, errors=None, posted=None) -> dict:
    user = request.user
    values = list(report.values.select_related("indicator").order_by("indicator__order"))
    comments = list(report.comments.select_related("author"))
    field_comments: dict[str, list] = {}
    for comment in comments:
        field_comments.setdefault(comment.field, []).append(comment)
    rows = []
    for value in values:
        code = value.indicator.code
        rows.append(
            {
                "value": value,
                "code": code,
                "total": posted.get(f"t_{code}") if posted else value.total,
                "female": posted.get(f"f_{code}") if posted else value.female,
                "reason": posted.get(f"r_{code}", "") if posted else value.override_reason,
                "errors": (errors or {}).get(code, []),
                "comments": field_comments.get(code, []),
            }
        )
    editable = (
        report.status in services.EDITABLE
        and report.period.status == "open"
        and policy.can(user, policy.Action.EDIT, report.unit)
    )
    narrative = [
        {
            "name": name,
            "label": report._meta.get_field(name).verbose_name,
            "value": posted.get(name) if posted else getattr(report, name),
            "errors": (errors or {}).get(name, []),
            "comments": field_comments.get(name, []),
        }
        for name in NARRATIVE_FIELDS
    ]
    return {
        "report": report,
        "rows": rows,
        "narrative": narrative,
        "errors": (errors or {}).get("__all__", []),
        "general_comments": field_comments.get("", []),
        "editable": editable,
        "can_submit": editable and policy.can(user, policy.Action.APPROVE, report.unit),
        "can_review": report.status == "submitted"
        and policy.can(user, policy.Action.MANAGE, report.unit),
        "diff": selectors.diff_since_returned(report)
        if policy.can(user, policy.Action.VIEW, report.unit)
        else [],
        "versions": report.versions.all(),
    }


@login_required
@require_http_methods(["GET", "POST"])
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_detail(request.user, pk)
    if request.method == "POST":
        if not policy.can(request.user, policy.Action.EDIT, report.unit):
            raise PermissionDenied
        post = request.POST
        try:
            values = {}
            for value in report.values.select_related("indicator"):
                code = value.indicator.code
                if f"t_{code}" not in post:
                    continue
                values[code] = (
                    _int(post.get(f"t_{code}")),
                    _int(post.get(f"f_{code}")),
                    post.get(f"r_{code}", ""),
                )
        except ValueError:
            error = ValidationError(_("Số liệu phải là số nguyên không âm."))
            return TemplateResponse(
                request,
                "reports/report.html",
                _context(request, report, _errors(error), post),
                status=422,
            )
        try:
            services.report_save(
                report=report,
                user=request.user,
                expected_version=_version(request),
                narrative={name: post.get(name, "") for name in NARRATIVE_FIELDS},
                values=values,
            )
        except StaleEdit as exc:
            return TemplateResponse(
                request,
                "reports/report.html",
                _context(request, report, {"__all__": exc.messages}, post),
                status=409,
            )
        except ValidationError as exc:
            return TemplateResponse(
                request,
                "reports/report.html",
                _context(request, report, _errors(exc), post),
                status=422,
            )
        messages.success(request, _("Đã lưu báo cáo."))
        return redirect("reports:report", report.pk)
    return TemplateResponse(request, "reports/report.html", _context(request, report))


@login_required
@require_POST
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = services.report_for_submit(request.user, pk)
    policy.require(request.user, policy.Action.APPROVE, report.unit)
    try:
        services.report_submit(report=report, user=request.user, expected_version=_version(request))
    except ValidationError as exc:
        # The page shows the whole report: read it again in full (the submission read only
        # the columns it needed).
        report = selectors.report_detail(request.user, pk)
        return TemplateResponse(
            request, "reports/report.html", _context(request, report, _errors(exc)), status=422
        )
    messages.success(request, _("Đã duyệt và gửi báo cáo cho Sở."))
    return redirect("reports:report", report.pk)


@login_required
@require_POST
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_detail(request.user, pk)
    policy.require(request.user, policy.Action.MANAGE, report.unit)
    decision = request.POST.get("decision")
    try:
        if decision == "accept":
            services.report_accept(
                report=report, user=request.user, expected_version=_version(request)
            )
            messages.success(request, _("Đã tiếp nhận báo cáo."))
        else:
            field_comments = {
                key[2:]: value for key, value in request.POST.items() if key.startswith("c_")
            }
            services.report_return(
                report=report,
                user=request.user,
                expected_version=_version(request),
                comment=request.POST.get("comment", ""),
                field_comments=field_comments,
            )
            messages.success(request, _("Đã trả lại báo cáo để đơn vị sửa."))
    except ValidationError as exc:
        return TemplateResponse(
            request, "reports/report.html", _context(request, report, _errors(exc)), status=422
        )
    return redirect("reports:report", report.pk)


@login_required
@require_GET
def report_docx(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_detail(request.user, pk)
    response = HttpResponse(unit_report_docx(report), content_type=DOCX)
    response["Content-Disposition"] = (
        f'attachment; filename="bao-cao-{report.unit.code}-'
        f'{report.period.year}-{report.period.kind}.docx"'
    )
    return response


@login_required
@require_GET
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from binhdang.documents.pdf import DocumentConversionError, convert_to_pdf

    report = selectors.report_detail(request.user, pk)
    try:
        pdf = convert_to_pdf(unit_report_docx(report))
    except DocumentConversionError as exc:
        messages.error(request, str(exc))
        return redirect("reports:report", report.pk)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="bao-cao-{report.unit.code}-{report.period.year}.pdf"'
    )
    return response
