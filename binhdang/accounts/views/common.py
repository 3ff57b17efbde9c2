"""Small helpers shared by the accounts views."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import urlencode

PAGE_SIZE = 50


def query_without(request: HttpRequest, *names: str) -> str:
    """The current query string minus `names` (the page number, for pagination links)."""
    pairs = [
        (key, value) for key, values in request.GET.lists() if key not in names for value in values
    ]
    return urlencode(pairs)


def partial(request: HttpRequest, template: str, name: str) -> str:
    """The template, or only its `name` partial for an htmx request (not a boosted page)."""
    if getattr(request, "htmx", False) and not request.htmx.boosted:
        return f"{template}#{name}"
    return template
