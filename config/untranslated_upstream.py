"""Strings that Django 5.2 shows to users but whose Dutch translation its own catalog lacks.

Marked here only so that `makemessages` puts them in locale/, where we translate them.
"""

from django.utils.translation import ngettext_lazy

UPSTREAM_STRINGS = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        0,
    ),
]
