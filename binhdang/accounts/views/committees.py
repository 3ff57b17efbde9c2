"""Committees (Ban VSTBPN): the department's overview, a unit's committee, and its changes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from .. import policy, services
from ..choices import UnitType
from ..forms import (
    DecisionForm,
    MemberEndForm,
    MemberForm,
    MemberReplaceForm,
    apply_service_errors,
)
from ..models import Committee, CommitteeMember, OrgUnit
from ..selectors import committees as selectors
from .common import PAGE_SIZE, partial, query_without


@login_required
@require_GET
def committee_overview(request: HttpRequest) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.VIEW)
    problems_only = request.GET.get("problems") == "1"
    q = request.GET.get("q", "")
    committees = selectors.committee_overview(user, problems_only=problems_only, q=q)
    page = Paginator(committees, PAGE_SIZE).get_page(request.GET.get("page"))
    for committee in page:
        committee.vacant = selectors.vacancies(committee)
    problems, total = selectors.problem_count(user)
    without = (
        policy.units_for(user, policy.Action.VIEW)
        .exclude(unit_type=UnitType.MINISTRY)
        .filter(committee__isnull=True)
        .count()
    )
    context = {
        "page_obj": page,
        "problems_only": problems_only,
        "q": q,
        "problems": problems,
        "total": total,
        "without_committee": without,
        "query": query_without(request, "page"),
    }
    return TemplateResponse(request, partial(request, "units/committees.html", "results"), context)


def _unit(request: HttpRequest, unit_pk: int) -> OrgUnit:
    """The unit, if it is in the user's reach for VIEW (else 404)."""
    return policy.get_object_for_user(
        OrgUnit.objects.all(), request.user, policy.Action.VIEW, via="", pk=unit_pk
    )


@login_required
@require_GET
def committee_detail(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit = _unit(request, unit_pk)
    context = {
        "unit": unit,
        "page": selectors.committee_page(unit),
        "can_edit": policy.can(request.user, policy.Action.EDIT, unit),
    }
    return TemplateResponse(request, "units/committee.html", context)


def _form_page(request, unit, form, title, submit, *, member=None, intro="") -> HttpResponse:
    context = {
        "unit": unit,
        "form": form,
        "title": title,
        "submit": submit,
        "member": member,
        "intro": intro,
    }
    return TemplateResponse(request, "units/committee_form.html", context)


def _done(request, unit, message) -> HttpResponse:
    messages.success(request, message)
    return redirect("units:committee", unit.pk)


@login_required
@require_http_methods(["GET", "POST"])
def decision_create(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit = _unit(request, unit_pk)
    policy.require(request.user, policy.Action.EDIT, unit)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            committee = services.committee_ensure(unit=unit)
            services.committee_decision_record(committee=committee, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            return _done(request, unit, _("Đã ghi nhận quyết định."))
    return _form_page(
        request,
        unit,
        form,
        gettext_lazy("Ghi nhận quyết định thành lập/kiện toàn Ban"),
        gettext_lazy("Lưu quyết định"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit = _unit(request, unit_pk)
    policy.require(request.user, policy.Action.EDIT, unit)
    committee = Committee.objects.filter(unit=unit).first()
    form = MemberForm(request.POST or None, committee=committee)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("version", None)
        try:
            committee = services.committee_ensure(unit=unit)
            services.member_add(committee=committee, **data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            return _done(request, unit, _("Đã thêm thành viên vào Ban."))
    return _form_page(
        request, unit, form, gettext_lazy("Thêm thành viên Ban"), gettext_lazy("Thêm")
    )


def _member(request: HttpRequest, pk: int):
    """A committee member of a unit in the user's VIEW reach (404 otherwise); the caller
    then requires EDIT on the unit (403)."""
    member = policy.get_object_for_user(
        CommitteeMember.objects.select_related("committee__unit"),
        request.user,
        policy.Action.VIEW,
        via="committee__unit",
        pk=pk,
    )
    policy.require(request.user, policy.Action.EDIT, member.committee.unit)
    return member


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request: HttpRequest, pk: int) -> HttpResponse:
    member = _member(request, pk)
    unit = member.committee.unit
    initial = {
        name: getattr(member, name)
        for name in ("full_name", "position", "job_title", "sex", "field", "start_date")
    }
    initial.update(decision=member.decision_id, version=member.version)
    form = MemberForm(request.POST or None, initial=initial, committee=member.committee)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        expected = data.pop("version") or member.version
        try:
            services.member_update(member=member, expected_version=expected, **data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            return _done(request, unit, _("Đã lưu thông tin thành viên."))
    return _form_page(
        request,
        unit,
        form,
        gettext_lazy("Sửa thông tin thành viên"),
        gettext_lazy("Lưu"),
        member=member,
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_replace(request: HttpRequest, pk: int) -> HttpResponse:
    member = _member(request, pk)
    unit = member.committee.unit
    form = MemberReplaceForm(request.POST or None, committee=member.committee)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not data["field"]:
            data["field"] = None  # keep the outgoing member's field
        try:
            services.member_replace(member=member, **data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            return _done(
                request,
                unit,
                _("Đã kiện toàn: %(old)s được thay bằng %(new)s.")
                % {"old": member.full_name, "new": data["full_name"]},
            )
    return _form_page(
        request,
        unit,
        form,
        gettext_lazy("Thay thế thành viên (kiện toàn)"),
        gettext_lazy("Thay thế"),
        member=member,
        intro=gettext_lazy(
            "Nhiệm kỳ của người cũ kết thúc vào ngày thay thế và người mới giữ cùng chức danh "
            "từ ngày đó; lịch sử được giữ lại. Hãy ghi nhận quyết định kiện toàn trước để "
            "gắn người mới với quyết định."
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_end(request: HttpRequest, pk: int) -> HttpResponse:
    member = _member(request, pk)
    unit = member.committee.unit
    form = MemberEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_end(member=member, end_date=form.cleaned_data["end_date"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            return _done(
                request,
                unit,
                _("Đã kết thúc nhiệm kỳ của %(name)s.") % {"name": member.full_name},
            )
    return _form_page(
        request,
        unit,
        form,
        gettext_lazy("Kết thúc nhiệm kỳ"),
        gettext_lazy("Kết thúc nhiệm kỳ"),
        member=member,
        intro=gettext_lazy(
            "Chức danh sẽ bỏ trống cho đến khi có người thay thế; Sở sẽ thấy Ban cần kiện toàn."
        ),
    )
