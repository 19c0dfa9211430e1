"""Local demo: DEBUG on unless the environment says otherwise, SQLite unless DATABASE_URL is set."""

import os

os.environ.setdefault("DEBUG", "true")
# Demo accounts work without an authenticator app; set TWO_FACTOR_REQUIRED=true to try two-factor sign-in.
os.environ.setdefault("TWO_FACTOR_REQUIRED", "false")

from config.settings.base import *  # noqa: F403
