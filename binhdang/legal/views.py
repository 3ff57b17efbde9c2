"""Pages of the legal-document registry and the citation check endpoint (thin views)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from binhdang.accounts import policy
from binhdang.core.concurrency import StaleEdit
from binhdang.plans.structure import CitationData

from . import selectors, services
from .choices import DOC_TYPE_BY_NAME
from .citations import check_citations, find_citations
from .citations.checker import reference_key
from .forms import CheckForm, LegalDocumentForm, SearchForm
from .models import LegalDocument

PAGE_SIZE = 50


def _require_reader(request: HttpRequest) -> None:
    policy.require_anywhere(request.user, policy.Action.VIEW)


def _require_writer(request: HttpRequest) -> None:
    if not selectors.can_write(request.user):
        raise PermissionDenied


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    _require_reader(request)
    form = SearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    documents = selectors.document_list(
        request.user,
        q=filters.get("q", ""),
        doc_type=filters.get("doc_type", ""),
        in_force_year=filters.get("year"),
        include_inactive=bool(filters.get("inactive")),
    )
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode([(k, v) for k, v in request.GET.items() if k != "page" and v])
    context = {
        "form": form,
        "page_obj": page,
        "query": query,
        "year": filters.get("year"),
        "can_write": selectors.can_write(request.user),
    }
    template = "legal/list.html#results" if request.htmx else "legal/list.html"
    return TemplateResponse(request, template, context)


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_reader(request)
    document = selectors.document_get(request.user, pk)
    history = document.history.select_related("history_user").order_by("-history_date")[:20]
    return TemplateResponse(
        request,
        "legal/detail.html",
        {
            "document": document,
            "history": history,
            "can_write": selectors.can_write(request.user),
        },
    )


def _prefill(request: HttpRequest) -> dict:
    """Initial values from the query string, e.g. "add to registry" from the check page."""
    fields = ("doc_type", "number", "symbol", "date", "issuer", "subject")
    return {name: request.GET[name] for name in fields if request.GET.get(name)}


@login_required
@require_http_methods(["GET", "POST"])
def document_create(request: HttpRequest) -> HttpResponse:
    _require_writer(request)
    form = LegalDocumentForm(request.POST or None, initial=_prefill(request))
    if request.method == "POST" and form.is_valid():
        try:
            document = services.legal_document_create(user=request.user, **form.document_fields())
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("Đã thêm %(label)s vào danh mục.") % {"label": document})
            return redirect("legal:detail", document.pk)
    return TemplateResponse(request, "legal/form.html", {"form": form, "document": None})


@login_required
@require_http_methods(["GET", "POST"])
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_writer(request)
    document = selectors.document_get(request.user, pk)
    form = LegalDocumentForm(
        request.POST or None, instance=document, initial={"version": document.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.legal_document_update(
                user=request.user,
                document=document,
                expected_version=form.cleaned_data.get("version") or 0,
                **form.document_fields(),
            )
        except StaleEdit as error:
            form.add_error(None, error)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("Đã lưu %(label)s.") % {"label": document})
            return redirect("legal:detail", document.pk)
    return TemplateResponse(request, "legal/form.html", {"form": form, "document": document})


def _show_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


@dataclass
class _Segment:
    text: str
    citation: CitationData | None = None
    index: int = 0


@login_required
@require_http_methods(["GET", "POST"])
def citation_check(request: HttpRequest) -> HttpResponse:
    """Find and check the citations of a text against the registry and the plan's year.

    Contract for other pages (the plan editor posts here with hx-post):

    * POST fields: `text` (the text to scan, at most 200 000 characters), `year` (the plan's
      year; this year when empty) and optionally `bases=1` when the text is the legal-bases
      part (sharper messages for last year's annual documents).
    * Response: an HTML fragment (`templates/legal/_check_result.html`), root
      `<div id="citation-check" class="citation-check">`, listing every citation in text
      order as `<li class="citation" data-reference="383/QĐ-BGDĐT" data-start=".."
      data-end=".." data-flags="code ...">` with its fields, each flag's Vietnamese message
      and suggested fix, and the text with each citation wrapped in `<mark>`.
    * With `format=json` the same findings come as JSON: {"year", "citations": [{type,
      number, symbol, reference, date, issuer, subject, text, start, end, flags}]}.
    * Flag codes: unknown, number_mismatch, date_mismatch, period_ended, old_annual.

    GET shows a page where a person can paste a text and check it.
    Access: anyone who may view records somewhere; the registry holds no personal data.
    """
    _require_reader(request)
    if request.method == "GET":
        return TemplateResponse(request, "legal/check.html", {"form": CheckForm()})
    form = CheckForm(request.POST)
    context: dict = {"form": form, "checked": False}
    if form.is_valid():
        text = form.cleaned_data["text"] or ""
        year = form.plan_year()
        citations = check_citations(
            find_citations(text),
            selectors.registry_entries(),
            plan_year=year,
            bases=form.cleaned_data["bases"],
        )
        if request.POST.get("format") == "json":
            return JsonResponse({"year": year, "citations": [_citation_json(c) for c in citations]})
        context.update(
            checked=True,
            text=text,
            year=year,
            citations=citations,
            segments=_segments(text, citations),
            rows=_rows(citations),
            flagged=sum(1 for c in citations if c.flags),
            can_write=selectors.can_write(request.user),
        )
    elif request.POST.get("format") == "json":
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    template = "legal/_check_result.html" if request.htmx else "legal/check.html"
    return TemplateResponse(request, template, context)


def _citation_json(citation: CitationData) -> dict:
    data = citation.to_json()
    data.update(reference=citation.reference, start=citation.start, end=citation.end)
    return data


def _segments(text: str, citations: list[CitationData]) -> list[_Segment]:
    segments: list[_Segment] = []
    position = 0
    for index, citation in enumerate(citations, start=1):
        if citation.start > position:
            segments.append(_Segment(text[position : citation.start]))
        segments.append(_Segment(text[citation.start : citation.end], citation, index))
        position = citation.end
    if position < len(text):
        segments.append(_Segment(text[position:]))
    return segments


def _rows(citations: list[CitationData]) -> list[dict]:
    """What the result lists per citation: links to the registry, and a prefilled "add"."""
    references = {c.reference for c in citations if c.number}
    references |= {f["entry"] for c in citations for f in c.flags if f.get("entry")}
    keys = {reference_key(*ref.split("/", 1)): ref for ref in references}
    found = LegalDocument.objects.filter(reference_key__in=keys).values_list("reference_key", "pk")
    links = {keys[key]: pk for key, pk in found}
    rows = []
    for index, citation in enumerate(citations, start=1):
        flags = [dict(flag, entry_pk=links.get(flag.get("entry") or "")) for flag in citation.flags]
        prefill = ""
        if any(flag["code"] == "unknown" for flag in flags):
            prefill = urlencode(
                {
                    "doc_type": DOC_TYPE_BY_NAME.get(citation.type, ""),
                    "number": citation.number or "",
                    "symbol": citation.symbol or "",
                    "date": citation.date.strftime("%d/%m/%Y") if citation.date else "",
                    "issuer": citation.issuer or "",
                    "subject": citation.subject or "",
                }
            )
        rows.append(
            {
                "index": index,
                "citation": citation,
                "pk": links.get(citation.reference),
                "flags": flags,
                "codes": " ".join(flag["code"] for flag in flags),
                "prefill": prefill,
            }
        )
    return rows
