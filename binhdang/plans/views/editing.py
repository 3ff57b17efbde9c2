"""The plan editor: header, bases, outline, items, deadlines and recipients of a draft.

One page; every change is a small POST (htmx when available) that returns the whole editor
again, so every form on the page always carries the plan's current `version`. A change made
from an outdated page is refused by the service (optimistic lock) and nothing is written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from binhdang.accounts import policy
from binhdang.accounts.models import CommitteeMember

from .. import services
from ..convert import section_tree
from ..forms import (
    BasisForm,
    DeadlineForm,
    HeaderForm,
    ItemAddForm,
    ItemForm,
    MoveForm,
    RecipientForm,
    SectionAddForm,
    SectionForm,
)
from ..models import Plan, PlanBasis, PlanDeadline, PlanItem, PlanRecipient, PlanSection
from ..services.common import locked_error
from . import citations
from .common import error_text, form_errors, plan_for


@dataclass(frozen=True)
class RowKind:
    """How the editor handles one kind of row."""

    model: type[models.Model]
    plan_lookup: str
    form: type
    add_form: type
    add: Callable[..., Any]
    update: Callable[..., Any]
    delete: Callable[..., Any]
    move: Callable[..., Any] | None
    arg: str  # the keyword the row services take the row by


def _add_section(plan, form, **kw):
    parent = None
    if form.cleaned_data.get("parent"):
        parent = get_object_or_404(PlanSection, pk=form.cleaned_data["parent"], plan=plan)
    return services.section_add(
        plan=plan,
        title=form.cleaned_data["title"],
        label=form.cleaned_data["label"],
        parent=parent,
        **kw,
    )


def _add_item(plan, form, **kw):
    section = get_object_or_404(PlanSection, pk=form.cleaned_data["section"], plan=plan)
    data = form.cleaned_data
    return services.item_add(
        section=section,
        text=data["text"],
        kind=data["kind"],
        timeframe=data.get("timeframe") or "",
        expected_output=data.get("expected_output") or "",
        responsible=data.get("responsible"),
        **kw,
    )


def _fields(*names):
    """Pass the named cleaned fields to a service."""

    def call(service):
        return lambda target, form, **kw: service(
            **{name: form.cleaned_data[name] for name in names if name in form.cleaned_data},
            **target,
            **kw,
        )

    return call


ROWS: dict[str, RowKind] = {
    "basis": RowKind(
        PlanBasis,
        "plan",
        BasisForm,
        BasisForm,
        lambda plan, form, **kw: services.basis_add(
            plan=plan, text=form.cleaned_data["text"], **kw
        ),
        _fields("text")(services.basis_update),
        services.basis_delete,
        services.basis_move,
        "basis",
    ),
    "section": RowKind(
        PlanSection,
        "plan",
        SectionForm,
        SectionAddForm,
        _add_section,
        _fields("title", "label")(services.section_update),
        services.section_delete,
        services.section_move,
        "section",
    ),
    "item": RowKind(
        PlanItem,
        "section__plan",
        ItemForm,
        ItemAddForm,
        _add_item,
        _fields("text", "kind", "timeframe", "expected_output", "responsible")(
            services.item_update
        ),
        services.item_delete,
        services.item_move,
        "item",
    ),
    "deadline": RowKind(
        PlanDeadline,
        "plan",
        DeadlineForm,
        DeadlineForm,
        lambda plan, form, **kw: services.deadline_add(
            plan=plan,
            kind=form.cleaned_data["kind"],
            date=form.cleaned_data["date"],
            text=form.cleaned_data["text"],
            **kw,
        ),
        _fields("kind", "date", "text")(services.deadline_update),
        services.deadline_delete,
        None,
        "deadline",
    ),
    "recipient": RowKind(
        PlanRecipient,
        "plan",
        RecipientForm,
        RecipientForm,
        lambda plan, form, **kw: services.recipient_add(
            plan=plan, text=form.cleaned_data["text"], **kw
        ),
        _fields("text")(services.recipient_update),
        services.recipient_delete,
        services.recipient_move,
        "recipient",
    ),
}


def _kind(kind: str) -> RowKind:
    if kind not in ROWS:
        raise Http404
    return ROWS[kind]


def _row(plan: Plan, kind: RowKind, row_pk: int) -> models.Model:
    return get_object_or_404(kind.model, pk=row_pk, **{kind.plan_lookup: plan})


UNIT_PLAN_FIELDS = ("timeframe", "expected_output", "responsible")


def make_form(form_class, plan: Plan, data=None, *, initial=None, key: str = ""):
    """A row form fitted to the plan: unit-plan columns only on unit plans, and the
    citation check (legal:check, as you type) on texts that cite documents. `key` makes
    the field ids unique among the many forms of the editor page."""
    form = form_class(data, initial=initial, auto_id=f"id_{key}_%s" if key else "id_%s")
    if plan.kind != "unit":
        for name in UNIT_PLAN_FIELDS:
            form.fields.pop(name, None)
    elif "responsible" in form.fields:
        form.fields["responsible"].queryset = CommitteeMember.objects.filter(
            committee__unit_id=plan.unit_id, end_date__isnull=True
        ).order_by("position", "full_name")
    if "text" in form.fields and form_class in (BasisForm, ItemForm, ItemAddForm):
        try:
            url = reverse("legal:check")
        except NoReverseMatch:  # the legal app is not installed
            url = ""
        if url:
            values = {"year": plan.year, "bases": "1" if form_class is BasisForm else ""}
            form.fields["text"].widget.attrs.update(
                {
                    "hx-post": url,
                    "hx-trigger": "keyup changed delay:500ms",
                    "hx-target": "next .citation-check-slot",
                    "hx-swap": "innerHTML",
                    "hx-vals": json.dumps(values),
                    "hx-sync": "closest form:abort",
                }
            )
    return form


def _editable_plan(request: HttpRequest, pk: int) -> Plan:
    return plan_for(request, pk, policy.Action.EDIT)


def editor_context(plan: Plan, *, error: str = "") -> dict[str, Any]:
    version = {"version": plan.version}
    bases = list(plan.bases.order_by("order", "pk"))
    tree = section_tree(plan)
    for section, _kids in _walk(tree):
        section.add_item_form = make_form(
            ItemAddForm, plan, initial=version, key=f"item_in_{section.pk}"
        )
        if not section.parent_id:
            section.add_task_form = make_form(
                SectionAddForm, plan, initial=version, key=f"task_in_{section.pk}"
            )
    return {
        "plan": plan,
        "error": error,
        "header_form": HeaderForm(instance=plan, initial=version, auto_id="id_header_%s"),
        "bases": citations.bases_with_flags(plan, bases),
        "tree": tree,
        "deadlines": list(plan.deadlines.order_by("date", "pk")),
        "recipients": list(plan.recipients.order_by("order", "pk")),
        "basis_form": make_form(BasisForm, plan, initial=version, key="new_basis"),
        "section_form": make_form(SectionAddForm, plan, initial=version, key="new_part"),
        "deadline_form": make_form(DeadlineForm, plan, initial=version, key="new_deadline"),
        "recipient_form": make_form(RecipientForm, plan, initial=version, key="new_recipient"),
        "is_unit_plan": plan.kind == "unit",
    }


def _walk(tree: list):
    for node in tree:
        yield node
        yield from _walk(node[1])


def _editor(request: HttpRequest, plan: Plan, *, error: str = "") -> HttpResponse:
    """After a change: the editor again (htmx), or a redirect to it."""
    if request.htmx:
        plan.refresh_from_db()
        response = TemplateResponse(
            request, "plans/edit.html#editor", editor_context(plan, error=error)
        )
        return reswap(retarget(response, "#editor"), "outerHTML")
    if error:
        messages.error(request, error)
    return redirect("plans:edit", plan.pk)


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _editable_plan(request, pk)
    if not plan.is_editable:
        messages.error(request, error_text(locked_error(plan)))
        return redirect("plans:detail", plan.pk)
    template = "plans/edit.html#editor" if request.htmx else "plans/edit.html"
    return TemplateResponse(request, template, editor_context(plan))


@login_required
@require_POST
def header_update(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _editable_plan(request, pk)
    form = HeaderForm(request.POST, instance=Plan.objects.get(pk=plan.pk))
    if not form.is_valid():
        return _editor(request, plan, error=form_errors(form))
    values = {name: form.cleaned_data[name] for name in HeaderForm.Meta.fields}
    try:
        services.plan_update_header(
            plan=plan, version=form.cleaned_data["version"], user=request.user, **values
        )
    except ValidationError as error:
        return _editor(request, plan, error=error_text(error))
    if not request.htmx:
        messages.success(request, _("Đã lưu phần đầu văn bản."))
    return _editor(request, plan)


@login_required
@require_POST
def row_add(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    handler = _kind(kind)
    plan = _editable_plan(request, pk)
    form = make_form(handler.add_form, plan, request.POST)
    if not form.is_valid():
        return _editor(request, plan, error=form_errors(form))
    try:
        handler.add(plan, form, version=form.cleaned_data["version"], user=request.user)
    except ValidationError as error:
        return _editor(request, plan, error=error_text(error))
    return _editor(request, plan)


@login_required
@require_http_methods(["GET", "POST"])
def row_edit(request: HttpRequest, pk: int, kind: str, row: int) -> HttpResponse:
    handler = _kind(kind)
    plan = _editable_plan(request, pk)
    obj = _row(plan, handler, row)
    if request.method == "GET":
        if not plan.is_editable:
            return _editor(request, plan, error=error_text(locked_error(plan)))
        initial = {"version": plan.version, **_initial(obj)}
        form = make_form(handler.form, plan, initial=initial, key=f"{kind}_{obj.pk}")
        return _row_form(request, plan, kind, obj, form)
    form = make_form(handler.form, plan, request.POST, key=f"{kind}_{obj.pk}")
    if not form.is_valid():
        response = _row_form(request, plan, kind, obj, form)
        return reswap(retarget(response, f"#row-{kind}-{obj.pk}"), "outerHTML")
    try:
        handler.update(
            {handler.arg: obj}, form, version=form.cleaned_data["version"], user=request.user
        )
    except ValidationError as error:
        return _editor(request, plan, error=error_text(error))
    return _editor(request, plan)


def _initial(obj: models.Model) -> dict[str, Any]:
    fields = ("text", "title", "label", "kind", "date", "timeframe", "expected_output")
    initial = {name: getattr(obj, name) for name in fields if hasattr(obj, name)}
    if isinstance(obj, PlanItem):
        initial["responsible"] = obj.responsible_id
    return initial


def _row_form(request, plan: Plan, kind: str, obj, form) -> HttpResponse:
    context = {"plan": plan, "kind": kind, "obj": obj, "form": form}
    template = "plans/row_form.html#row_form" if request.htmx else "plans/row_form.html"
    return TemplateResponse(request, template, context)


@login_required
@require_POST
def row_delete(request: HttpRequest, pk: int, kind: str, row: int) -> HttpResponse:
    handler = _kind(kind)
    plan = _editable_plan(request, pk)
    obj = _row(plan, handler, row)
    try:
        handler.delete(**{handler.arg: obj}, version=request.POST.get("version"), user=request.user)
    except ValidationError as error:
        return _editor(request, plan, error=error_text(error))
    return _editor(request, plan)


@login_required
@require_POST
def row_move(request: HttpRequest, pk: int, kind: str, row: int) -> HttpResponse:
    handler = _kind(kind)
    if handler.move is None:
        raise Http404
    plan = _editable_plan(request, pk)
    obj = _row(plan, handler, row)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _editor(request, plan, error=form_errors(form))
    try:
        handler.move(
            **{handler.arg: obj},
            version=form.cleaned_data["version"],
            user=request.user,
            direction=form.cleaned_data["direction"],
        )
    except ValidationError as error:
        return _editor(request, plan, error=error_text(error))
    return _editor(request, plan)


@login_required
@require_POST
def unplaced_dismiss(request: HttpRequest, pk: int, index: int) -> HttpResponse:
    plan = _editable_plan(request, pk)
    try:
        services.plan_dismiss_unplaced(
            plan=plan, version=request.POST.get("version"), user=request.user, index=index
        )
    except ValidationError as error:
        return _editor(request, plan, error=error_text(error))
    return _editor(request, plan)
