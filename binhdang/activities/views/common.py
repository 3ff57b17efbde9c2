"""Small helpers shared by the activity views."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.http import urlencode


def add_service_errors(
    form: forms.Form, error: ValidationError, field_map: dict[str, str] | None = None
) -> None:
    """Show a service's ValidationError on the form: on the matching field when the form has
    it, otherwise at the top of the form."""
    field_map = field_map or {}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        target = field_map.get(name, name)
        form.add_error(target if target in form.fields else None, errors)


def query_without(request: HttpRequest, *names: str) -> str:
    """The current query string minus `names` (e.g. the page number for export links)."""
    pairs = [
        (key, value) for key, values in request.GET.lists() if key not in names for value in values
    ]
    return urlencode(pairs)
