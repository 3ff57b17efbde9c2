"""Evidence files: upload, access-checked download and thumbnail, delete.

Files are never linked through MEDIA_URL: each request goes through the access policy, so a
school cannot fetch another school's photos even with the file's address.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from binhdang.accounts import policy

from .. import selectors, services
from ..forms import EvidenceForm
from .activities import _detail_page


@login_required
@require_POST
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_detail(request.user, pk)
    if not policy.can(request.user, policy.Action.EDIT, activity.unit):
        raise PermissionDenied
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            evidence = services.evidence_add(
                activity=activity, user=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("Đã tải lên minh chứng “%(n)s”.") % {"n": evidence})
            return redirect("activities:detail", pk=activity.pk)
    return _detail_page(request, activity, form, status=400)


def _file_response(evidence, field_file, *, content_type: str, attachment: bool) -> FileResponse:
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=attachment,
        filename=evidence.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
@require_GET
def evidence_download(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = selectors.evidence_for(request.user, pk)
    # Images and PDFs open in the browser; Word files download.
    inline = evidence.is_image or evidence.content_type == "application/pdf"
    attachment = not inline or request.GET.get("download") == "1"
    return _file_response(
        evidence, evidence.file, content_type=evidence.content_type, attachment=attachment
    )


@login_required
@require_GET
def evidence_thumbnail(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = selectors.evidence_for(request.user, pk)
    return _file_response(evidence, evidence.thumbnail, content_type="image/jpeg", attachment=False)


@login_required
@require_POST
def evidence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = selectors.evidence_for(request.user, pk)
    activity = evidence.activity
    if not policy.can(request.user, policy.Action.EDIT, activity.unit):
        raise PermissionDenied
    try:
        services.evidence_delete(evidence=evidence, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã xóa minh chứng “%(n)s”.") % {"n": evidence})
    return redirect("activities:detail", pk=activity.pk)
