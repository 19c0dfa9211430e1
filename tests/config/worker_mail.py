"""An e-mail backend for worker processes started by the tests: Django's file backend (one file per
connection, and ``send_mail`` opens one connection per message), optionally with a gate.

With WORKER_GATE set to a directory, a worker that is about to send its first message registers
itself there and waits until WORKER_GATE_SIZE workers have done so: the workers are then certainly
running side by side, each holding a claimed task, before any message goes out.
"""

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend

_registered = False


def _wait_at_gate() -> None:
    global _registered  # one registration per worker process
    gate = os.environ.get("WORKER_GATE")
    if not gate or _registered:
        return
    _registered = True
    Path(gate, str(os.getpid())).touch()
    size = int(os.environ.get("WORKER_GATE_SIZE", "2"))
    deadline = time.monotonic() + 180  # the other worker may still be starting on a busy machine
    while len(os.listdir(gate)) < size:
        if time.monotonic() > deadline:
            raise TimeoutError(f"only {len(os.listdir(gate))} of {size} workers reached the gate")
        time.sleep(0.05)


class GatedFileBackend(EmailBackend):
    def send_messages(self, email_messages):
        _wait_at_gate()
        delay = float(os.environ.get("WORKER_SEND_DELAY", "0"))
        if delay:
            time.sleep(delay)
        return super().send_messages(email_messages)
