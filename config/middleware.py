"""The language of a request is the language of its URL: ``/en/...`` is English, every other URL is
Dutch. Never the browser's Accept-Language or a cookie: a Dutch page looks the same for everyone,
so it can be cached, and an English browser sees Dutch until the visitor picks English."""

from django.conf import settings
from django.utils import translation


class LanguageFromPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
