"""Vietnamese-first language selection."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class VietnameseFirstMiddleware:
    """Ignore the browser's Accept-Language so the interface is Vietnamese unless the user
    explicitly switched language (the switcher stores a cookie LocaleMiddleware reads).

    Many staff use browsers installed in English; the product's language is Vietnamese.
    Must sit before django.middleware.locale.LocaleMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
