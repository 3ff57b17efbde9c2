"""People: accounts, role grants and password resets (docs/decisions/0002-...)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import policy, services
from ..forms import (
    GrantForm,
    PersonCreateForm,
    PersonEditForm,
    PersonFilterForm,
    apply_service_errors,
)
from ..models import RoleGrant
from ..selectors import people as people_selectors
from ..services.people import USER_FIELDS
from .common import PAGE_SIZE, partial, query_without


@login_required
@require_GET
def people_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.ORGANISE)
    form = PersonFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    people = people_selectors.people_list(
        user, q=filters.get("q", ""), active=filters.get("active", "")
    )
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page, "query": query_without(request, "page")}
    return TemplateResponse(request, partial(request, "accounts/people.html", "results"), context)


def _send_reset(request: HttpRequest, person) -> bool:
    try:
        services.password_reset_send(
            user=person, domain=request.get_host(), use_https=request.is_secure()
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.ORGANISE)
    form = PersonCreateForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        password = data.pop("password1") or None
        data.pop("password2")
        try:
            person = services.user_create(password=password, **data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request, _("Đã tạo tài khoản “%(username)s”.") % {"username": person.username}
            )
            if password is None and _send_reset(request, person):
                messages.info(
                    request,
                    _("Đã gửi thư đến %(email)s để người dùng tự đặt mật khẩu.")
                    % {"email": person.email},
                )
            return redirect("units:person_edit", person.pk)
    return TemplateResponse(request, "accounts/person_form.html", {"form": form})


def _edit_page(request, person, form, grant_form, status=200) -> HttpResponse:
    grants = [
        {"grant": grant, "revocable": policy.can_grant(request.user, grant.unit, grant.role)}
        for grant in person.grants.select_related("unit").order_by("unit__path", "role")
    ]
    context = {"person": person, "form": form, "grant_form": grant_form, "grants": grants}
    return TemplateResponse(request, "accounts/person_edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.ORGANISE)
    person = people_selectors.person_for_edit(user, pk)
    form = PersonEditForm(request.POST or None, instance=person, user=user)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in USER_FIELDS}
        expected = form.cleaned_data.get("version") or person.version
        current = people_selectors.person_for_edit(user, pk)
        try:
            services.user_update(user=current, expected_version=expected, actor=user, **data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thông tin tài khoản."))
            return redirect("units:person_edit", pk)
    return _edit_page(request, person, form, GrantForm(user=user))


@login_required
@require_POST
def person_grant(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.ORGANISE)
    person = people_selectors.person_for_edit(user, pk)
    grant_form = GrantForm(request.POST, user=user)
    if grant_form.is_valid():
        unit, role = grant_form.cleaned_data["unit"], grant_form.cleaned_data["role"]
        services.role_grant(user=person, unit=unit, role=role, granted_by=user)
        messages.success(request, _("Đã cấp quyền."))
        return redirect("units:person_edit", pk)
    return _edit_page(request, person, PersonEditForm(instance=person, user=user), grant_form)


@login_required
@require_POST
def grant_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.ORGANISE)
    try:
        grant = RoleGrant.objects.select_related("unit", "user").get(
            pk=pk, user__in=policy.people_for(user)
        )
    except RoleGrant.DoesNotExist as exc:
        raise Http404 from exc
    try:
        services.role_revoke(grant=grant, revoked_by=user)
    except PermissionDenied:
        raise
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã thu hồi quyền."))
    return redirect("units:person_edit", grant.user_id)


@login_required
@require_POST
def person_reset(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.ORGANISE)
    person = people_selectors.person_for_edit(user, pk)
    if _send_reset(request, person):
        messages.success(
            request,
            _("Đã gửi thư đặt lại mật khẩu đến %(email)s.") % {"email": person.email},
        )
    return redirect("units:person_edit", pk)
