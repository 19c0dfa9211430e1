from django import template

register = template.Library()


@register.filter
def minutes(value):
    """A timedelta as whole minutes (rounded up), for messages such as the lock-out page."""
    try:
        seconds = value.total_seconds()
    except AttributeError:
        return ""
    return int(-(-seconds // 60))
