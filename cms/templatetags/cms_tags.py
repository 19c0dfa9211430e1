"""Template tags for the public site: the main menu and the tags search engines and social media read."""

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page, Site

register = template.Library()

DESCRIPTION_WORDS = 30


def page_description_text(page) -> str:
    """The page's search description, else the start of its introduction (plain text)."""
    if not isinstance(page, Page):
        return ""
    text = page.search_description or strip_tags(str(getattr(page, "intro", "") or "")).strip()
    return Truncator(" ".join(text.split())).words(DESCRIPTION_WORDS)


@register.simple_tag(takes_context=True)
def page_description(context):
    return page_description_text(context.get("page"))


@register.inclusion_tag("cms/includes/menu.html", takes_context=True)
def public_menu(context):
    """The home page's children marked "show in menus" (two queries: the site, its menu pages)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    items = []
    if site is not None:
        items = list(
            Page.objects.live()
            .child_of(site.root_page)
            .in_menu()
            .filter(view_restrictions__isnull=True)
            .only("pk", "title", "url_path", "path", "depth")
            .order_by("path")
        )
    page = context.get("page")
    current = page.path if isinstance(page, Page) else None
    menu = []
    for item in items:
        state = None
        if current == item.path:
            state = "page"
        elif current and current.startswith(item.path):
            state = "true"
        menu.append({"title": item.title, "url": item.get_url(request), "current": state})
    return {"items": menu}


@register.inclusion_tag("cms/includes/seo.html", takes_context=True)
def seo_tags(context):
    """Canonical URL and Open Graph tags for a Wagtail page (nothing for other views)."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or request is None:
        return {"page": None}
    canonical = page.get_full_url(request)
    image = getattr(page, "image", None)
    image_url = None
    if image is not None:
        image_url = request.build_absolute_uri(image.get_rendition("fill-1200x630").url)
    return {
        "page": page,
        "canonical": canonical,
        "title": page.seo_title or page.title,
        "description": page_description_text(page),
        "og_type": "article" if getattr(page, "date", None) else "website",
        "image_url": image_url,
        "site_name": (Site.find_for_request(request) or page.get_site()).site_name,
    }
