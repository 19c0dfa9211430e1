"""View mixins that ask regions.access; they hold no rules of their own."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied

from regions import access


class ActionRequiredMixin(LoginRequiredMixin):
    """Anonymous visitors go to the login page; signed-in users without ``required_action`` get 403.

    Object-level checks happen where the object is fetched: views load it from an access-scoped
    queryset, so an object the user may not see answers 404.
    """

    required_action = access.PORTAL_USE

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not access.can(request.user, self.required_action):
            raise PermissionDenied
        self.load_objects(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load_objects(self, **kwargs):
        """Fetch the view's objects from access-scoped querysets (404 when out of scope)."""
