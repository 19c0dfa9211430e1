"""Sign-ins, failed sign-ins and sign-outs in the audit log (Wagtail's log entries, on the person).

Failed attempts for usernames that do not exist have no person to hang on; django-axes keeps
those (AccessFailureLog), and the audit page shows both.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from wagtail.log_actions import log


def real_user(user):
    """The user object behind ``request.user``'s lazy wrapper (Wagtail's log needs the real model)."""
    user.pk  # noqa: B018 - evaluates the lazy object
    return getattr(user, "_wrapped", user)


def _address(request):
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def on_logged_in(sender, request, user, **kwargs):
    log(user, "regions.login", user=user, data={"ip": _address(request)})


def on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        log(user, "regions.logout", user=user, data={"ip": _address(request)})


def on_login_failed(sender, credentials, request=None, **kwargs):
    username = (credentials or {}).get("username") or ""
    user = get_user_model().objects.filter(username=username[:150]).first()
    if user is not None:
        log(user, "regions.login_failed", data={"ip": _address(request)})


def connect():
    user_logged_in.connect(on_logged_in, dispatch_uid="regions.audit.logged_in")
    user_logged_out.connect(on_logged_out, dispatch_uid="regions.audit.logged_out")
    user_login_failed.connect(on_login_failed, dispatch_uid="regions.audit.login_failed")
