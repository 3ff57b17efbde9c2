"""Picking a plan's basis from the legal registry: search as you type, then one click adds
the usual wording of the chosen document."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from binhdang.accounts import policy
from binhdang.legal.selectors import document_list

from .common import plan_for


def basis_text_for(document) -> str:
    """The usual wording of a basis line for a registry document."""
    parts = [_("Căn cứ"), document.type_name]
    if document.reference:
        parts.append(_("số %(ref)s") % {"ref": document.reference})
    if document.date:
        parts.append(_("ngày %(date)s") % {"date": document.date.strftime("%d/%m/%Y")})
    if document.issuer:
        parts.append(_("của %(issuer)s") % {"issuer": document.issuer})
    if document.subject:
        parts.append(document.subject)
    return " ".join(parts) + ";"


@login_required
def legal_search(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk, policy.Action.EDIT)
    query = request.GET.get("q", "").strip()
    results = []
    if query:
        for document in document_list(request.user, q=query)[:15]:
            results.append(
                {
                    "document": document,
                    "text": basis_text_for(document),
                    "in_force": document.in_force(plan.year),
                }
            )
    context = {"plan": plan, "query": query, "results": results}
    template = "plans/legal_search.html#results" if request.htmx else "plans/legal_search.html"
    return TemplateResponse(request, template, context)
