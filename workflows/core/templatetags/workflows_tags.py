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
