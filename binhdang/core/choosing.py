"""What a department-wide page is asked for in its query string: ?department=<code>&year=."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils import timezone

FIRST_YEAR = 2020


def department_and_year(request: HttpRequest, departments: list) -> tuple[object | None, int]:
    """The department chosen among `departments` (the first by default, None when there are
    none) and the year (this year in Vietnam by default). A department out of reach or a
    year out of range is a 404, as a hand-edited address would be."""
    department = departments[0] if departments else None
    code = request.GET.get("department")
    if code:
        department = next((d for d in departments if d.code == code), None)
        if department is None:
            raise Http404
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year") or this_year)
    except ValueError as exc:
        raise Http404 from exc
    if not FIRST_YEAR <= year <= this_year + 1:
        raise Http404
    return department, year
