from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_region_log_actions(actions):
    actions.register_action("regions.pair", _("Pair organisation"), _("Organisation paired with region"))
    actions.register_action("regions.unpair", _("Unpair organisation"), _("Organisation unpaired from region"))
    actions.register_action("regions.connector_set", _("Name coalition connector"), _("Coalition connector named"))
    actions.register_action(
        "regions.connector_unset", _("Remove coalition connector"), _("Coalition connector removed")
    )
    actions.register_action("regions.member_add", _("Add team member"), _("Team member added"))
    actions.register_action("regions.member_remove", _("Remove team member"), _("Team member removed"))
    actions.register_action("regions.status", _("Change region status"), _("Region status changed"))
    actions.register_action("regions.role_grant", _("Grant role"), _("Role granted"))
    actions.register_action("regions.role_revoke", _("Revoke role"), _("Role revoked"))
