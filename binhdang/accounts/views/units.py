"""The organisation tree: list and search, lazy tree branches, detail, create and edit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from .. import policy, services
from ..forms import UnitFilterForm, UnitForm, apply_service_errors
from ..selectors import committees as committee_selectors
from ..selectors import units as unit_selectors
from .common import PAGE_SIZE, partial, query_without


@login_required
@require_GET
def unit_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.VIEW_AGGREGATE)
    form = UnitFilterForm(request.GET or None, districts=unit_selectors.districts_in_reach(user))
    filters = form.filters()
    parent = None
    if request.GET.get("parent", "").isdigit():
        parent = unit_selectors.unit_detail(user, int(request.GET["parent"]))
    units = unit_selectors.unit_search(user, parent=parent, **filters)
    page = Paginator(units, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page,
        "parent": parent,
        "query": query_without(request, "page"),
        "searching": any(filters.values()) or parent is not None,
        "can_organise": policy.can_anywhere(user, policy.Action.ORGANISE),
    }
    if not (request.htmx and not request.htmx.boosted):
        context["roots"] = [
            (root, unit_selectors.tree_children(user, root))
            for root in unit_selectors.tree_roots(user)
        ]
        context["type_counts"] = unit_selectors.type_counts(user)
    return TemplateResponse(request, partial(request, "units/list.html", "results"), context)


@login_required
@require_GET
def unit_tree(request: HttpRequest, pk: int) -> HttpResponse:
    """One branch of the tree (the children of a unit, by type), loaded when it is opened."""
    unit = unit_selectors.unit_detail(request.user, pk)
    groups = unit_selectors.tree_children(request.user, unit)
    return TemplateResponse(request, "units/_tree_children.html", {"unit": unit, "groups": groups})


@login_required
@require_GET
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    unit = unit_selectors.unit_detail(user, pk)
    access = unit_selectors.unit_access(user, unit)
    context = {
        "unit": unit,
        "access": access,
        "parent_in_reach": unit.parent is not None
        and policy.can(user, policy.Action.VIEW_AGGREGATE, unit.parent),
        "groups": unit_selectors.tree_children(user, unit),
        "committee": committee_selectors.committee_page(unit),
        "people": unit_selectors.unit_people(user, unit) if access.personal else [],
        "history": unit_selectors.unit_history(unit) if access.history else [],
    }
    return TemplateResponse(request, "units/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def unit_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    policy.require_anywhere(user, policy.Action.ORGANISE)
    initial = {}
    if request.GET.get("parent", "").isdigit():
        parent = unit_selectors.unit_detail(user, int(request.GET["parent"]))
        initial["parent"] = parent.code
    form = UnitForm(request.POST or None, initial=initial, user=user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("version", None)
        parent = data.pop("parent")
        try:
            unit = services.unit_create(parent=parent, **data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Đã tạo đơn vị “%(name)s”.") % {"name": unit.name})
            return redirect("units:detail", unit.pk)
    return TemplateResponse(request, "units/form.html", {"form": form, "unit": None})


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    unit = unit_selectors.unit_detail(user, pk)
    policy.require(user, policy.Action.ORGANISE, unit)
    form = UnitForm(request.POST or None, instance=unit, user=user)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in UnitForm.Meta.fields}
        expected = form.cleaned_data.get("version") or unit.version
        current = type(unit).objects.get(pk=unit.pk)  # the form changed `unit` in place
        try:
            services.unit_update(
                unit=current,
                expected_version=expected,
                parent=form.cleaned_data.get("parent"),
                **data,
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thông tin đơn vị."))
            return redirect("units:detail", unit.pk)
    return TemplateResponse(request, "units/form.html", {"form": form, "unit": unit})
