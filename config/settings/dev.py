"""Local demo: DEBUG on unless the environment says otherwise, SQLite unless DATABASE_URL is set."""

import os

os.environ.setdefault("DEBUG", "true")

from config.settings.base import *  # noqa: F403
