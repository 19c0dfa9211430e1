from django import template

register = template.Library()


@register.filter
def split(value):
    """Split a space-separated string into a list (for naming form fields in a template)."""
    return str(value).split()


@register.filter
def field(form, name):
    """The bound field ``name`` of ``form``."""
    return form[name]


@register.simple_tag
def enrolment_links(user) -> dict:
    """What the enrolment pages offer ``user`` (for the portal's dashboard): the rights come from
    regions.access; ``open_tasks`` is the number of tasks in the user's inbox (one query)."""
    from regions import access
    from workflows import selectors

    may_view = access.can_application(user, access.APPLICATION_VIEW)
    return {
        "inbox": may_view,
        "open_tasks": selectors.inbox_count(user=user) if may_view else 0,
        "start": access.can_application(user, access.APPLICATION_START),
        "invite": access.can_application(user, access.APPLICATION_MANAGE),
    }
