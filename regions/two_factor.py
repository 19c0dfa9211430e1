"""Two-factor sign-in (TOTP apps plus single-use recovery codes), built on django-otp.

Required for the programme office, coalition reviewers and connectors, editors and administrators;
optional for region teams (once a person sets it up, it is required for them too).
"""

from __future__ import annotations

import base64

import segno
from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from regions.access import roles_of
from regions.roles import TWO_FACTOR_ROLES

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery"


def has_two_factor(user) -> bool:
    """Has the person a confirmed authenticator app?"""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def requires_two_factor(user) -> bool:
    """Must this person pass a second factor before using the platform?"""
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True):
        return has_two_factor(user)
    return bool(roles_of(user) & set(TWO_FACTOR_ROLES)) or has_two_factor(user)


def pending_totp_device(user) -> TOTPDevice:
    """The person's unconfirmed authenticator device, made when missing (one at a time)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def totp_secret(device: TOTPDevice) -> str:
    """The secret in the base32 form that authenticator apps accept for manual entry."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def totp_qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// address as an SVG data URI (allowed by the CSP's img-src data:)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2, dark="#000", light="#fff")


@transaction.atomic
def confirm_totp_device(*, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the device when the code is right; returns fresh recovery codes, else None."""
    if not device.verify_token(token.strip().replace(" ", "")):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    log(device.user, "regions.2fa_enable", user=device.user)
    return regenerate_recovery_codes(device.user)


@transaction.atomic
def regenerate_recovery_codes(user) -> list[str]:
    """Replace the person's recovery codes with new single-use codes and return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    log(user, "regions.2fa_recovery_codes", user=user)
    return codes


def verify_second_factor(user, token: str):
    """The device that accepts ``token`` (authenticator code or recovery code), or None."""
    token = (token or "").strip().replace(" ", "").lower()
    if not token or len(token) > 16:
        return None
    # Six digits is an app code, anything else a recovery code: asking only the matching kind of
    # device keeps one kind's throttling from locking out the other.
    kind = TOTPDevice if token.isdigit() and len(token) == 6 else StaticDevice
    for device in devices_for_user(user, confirmed=True):
        if isinstance(device, kind) and device.verify_token(token):
            return device
    return None
