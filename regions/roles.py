"""The platform's roles. Machine names are stable (they name Django groups); labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REGION_TEAM = "region_team", _("region team member")
    COALITION_REVIEWER = "coalition_reviewer", _("coalition reviewer")
    COALITION_CONNECTOR = "coalition_connector", _("coalition connector")
    PROGRAMME_OFFICE = "programme_office", _("programme office")
    CONTENT_EDITOR = "content_editor", _("content editor")
    ADMINISTRATOR = "administrator", _("administrator")


# Roles held through membership of a Django group of the same name. Region team membership comes
# from RegionMembership rows and administrator from is_superuser, so they have no group.
GROUP_ROLES = (
    Role.COALITION_REVIEWER,
    Role.COALITION_CONNECTOR,
    Role.PROGRAMME_OFFICE,
    Role.CONTENT_EDITOR,
)

# Roles that act for a coalition member organisation and therefore need one.
ORGANISATION_ROLES = (Role.COALITION_REVIEWER, Role.COALITION_CONNECTOR)

# Roles that must sign in with a second factor (issue: security). Region teams may opt in.
TWO_FACTOR_ROLES = (
    Role.COALITION_REVIEWER,
    Role.COALITION_CONNECTOR,
    Role.PROGRAMME_OFFICE,
    Role.CONTENT_EDITOR,
    Role.ADMINISTRATOR,
)
