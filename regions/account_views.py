"""Sign-in extras: setting up and passing the second factor, and recovery codes."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django_otp import login as otp_login
from wagtail.log_actions import log

from regions import two_factor
from regions.audit import real_user


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        help_text=gettext_lazy("The 6-digit code from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next_url(request, default="portal:dashboard"):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return redirect(default).url


class TwoFactorSetupView(LoginRequiredMixin, View):
    """Link an authenticator app: scan the QR code (or type the secret), confirm with a code."""

    template_name = "registration/two_factor_setup.html"

    def _render(self, request, form, status=200):
        device = two_factor.pending_totp_device(request.user)
        context = {
            "form": form,
            "qr_data_uri": two_factor.totp_qr_data_uri(device),
            "secret": two_factor.totp_secret(device),
            "next": _next_url(request),
            "already_enabled": two_factor.has_two_factor(request.user),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        if two_factor.has_two_factor(request.user) and not request.user.is_verified():
            return redirect(f"{redirect('two_factor_verify').url}?next={_next_url(request)}")
        return self._render(request, TokenForm())

    def post(self, request):
        if two_factor.has_two_factor(request.user) and not request.user.is_verified():
            return redirect("two_factor_verify")
        form = TokenForm(request.POST)
        if not form.is_valid():
            return self._render(request, form, status=400)
        device = two_factor.pending_totp_device(request.user)
        codes = two_factor.confirm_totp_device(device=device, token=form.cleaned_data["token"])
        if codes is None:
            form.add_error("token", _("This code is not correct. Check the time on your phone and try again."))
            return self._render(request, form, status=400)
        otp_login(request, device)
        return render(
            request, "registration/two_factor_recovery_codes.html", {"codes": codes, "next": _next_url(request)}
        )


class TwoFactorVerifyView(LoginRequiredMixin, View):
    """The second step of signing in."""

    template_name = "registration/two_factor_verify.html"

    def get(self, request):
        if request.user.is_verified():
            return redirect(_next_url(request))
        return render(request, self.template_name, {"form": TokenForm(), "next": _next_url(request)})

    def post(self, request):
        form = TokenForm(request.POST)
        if form.is_valid():
            device = two_factor.verify_second_factor(request.user, form.cleaned_data["token"])
            if device is not None:
                otp_login(request, device)
                log(real_user(request.user), "regions.2fa_pass", user=request.user)
                return redirect(_next_url(request))
            log(real_user(request.user), "regions.2fa_fail", user=request.user)
            form.add_error("token", _("This code is not correct, or it has already been used."))
        return render(request, self.template_name, {"form": form, "next": _next_url(request)}, status=400)


class RecoveryCodesView(LoginRequiredMixin, View):
    """Make new recovery codes (the old ones stop working); only after passing the second factor."""

    def get(self, request):
        return render(
            request, "registration/two_factor_manage.html", {"enabled": two_factor.has_two_factor(request.user)}
        )

    def post(self, request):
        if not two_factor.has_two_factor(request.user) or not request.user.is_verified():
            messages.error(request, _("Set up two-step verification first."))
            return redirect("two_factor_setup")
        codes = two_factor.regenerate_recovery_codes(request.user)
        return render(
            request,
            "registration/two_factor_recovery_codes.html",
            {"codes": codes, "next": redirect("portal:dashboard").url},
        )
