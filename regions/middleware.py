from urllib.parse import quote

from django.shortcuts import redirect
from django.urls import reverse

from regions.two_factor import has_two_factor, requires_two_factor

# Reachable while the second factor is still pending: the 2FA pages themselves, signing out,
# switching language, static files and the health check.
OPEN_PREFIXES = ("/accounts/2fa/", "/accounts/logout/", "/i18n/", "/static/", "/healthz/")


class TwoFactorMiddleware:
    """Sends signed-in people who must use a second factor, and have not yet, to set it up or enter it.

    Runs after django_otp's OTPMiddleware, which tells whether this session passed the second factor.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(OPEN_PREFIXES)
            and not user.is_verified()
            and requires_two_factor(user)
        ):
            target = "two_factor_verify" if has_two_factor(user) else "two_factor_setup"
            return redirect(f"{reverse(target)}?next={quote(request.get_full_path())}")
        return self.get_response(request)
