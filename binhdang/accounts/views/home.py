from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from binhdang.core import due

from .. import selectors


@login_required
def home(request: HttpRequest) -> HttpResponse:
    summary = selectors.home_summary(request.user)
    return TemplateResponse(
        request, "accounts/home.html", {"summary": summary, "due_items": due.upcoming(request.user)}
    )
