"""Settings for an e-mail worker that a test starts as a separate process (tests/config/test_task_worker.py):
the test settings, with every message written to a file in WORKER_MAIL_DIR so the test can count them."""

import os

from config.settings.test import *  # noqa: F403

EMAIL_BACKEND = "tests.config.worker_mail.GatedFileBackend"
EMAIL_FILE_PATH = os.environ["WORKER_MAIL_DIR"]
