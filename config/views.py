"""Error pages rendered from the project's own templates, and a health check for load balancers."""

import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults
from django.views.decorators.cache import never_cache


def bad_request(request, exception):
    return defaults.bad_request(request, exception, template_name="400.html")


def permission_denied(request, exception):
    return defaults.permission_denied(request, exception, template_name="403.html")


def page_not_found(request, exception):
    return defaults.page_not_found(request, exception, template_name="404.html")


def server_error(request):
    """500, or a friendly 503 when the database is unreachable (it recovers by itself: Django opens
    a fresh connection for the next request)."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return defaults.server_error(request, template_name="500.html")


@never_cache
def healthz(request):
    """200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
