"""Who may act on a task of any flow: asks the rule the task's flow registered (its access.py)."""

from __future__ import annotations

from regions import access
from workflows.core import registry


def can_act(user, task) -> bool:
    """May ``user`` take and carry out ``task`` (whatever its status)? Cached on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    rule = registry.entry_for_task(task).tasks_for
    return access.remembered(user, ("task", task.pk), lambda: rule(user).filter(pk=task.pk).exists())
