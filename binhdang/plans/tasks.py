"""Background work of the plans app."""

from __future__ import annotations

from django_tasks import task

from .models import Plan
from .rendering import RenderUnavailable, page_count


@task()
def render_plan_preview(plan_id: int, version: int) -> int:
    """Render the PDF and page images of an issued plan ahead of the first reader.

    A hundred schools open the plan in the days after it is issued; rendering once in the
    background keeps LibreOffice out of their requests. Returns the page count (0 when the
    plan changed since, or the server cannot render).
    """
    plan = Plan.objects.filter(pk=plan_id, version=version).first()
    if plan is None:
        return 0
    try:
        return page_count(plan)
    except RenderUnavailable:
        return 0
