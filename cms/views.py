"""The public site's views outside Wagtail's page tree: search and robots.txt."""

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cms.models import SEARCH_PER_PAGE
from cms.selectors import search_pages


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)


@require_GET
def search(request):
    """Full-text search over every live public page (Wagtail search), ten results a page."""
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    page_obj = None
    if query:
        page_obj = Paginator(search_pages(query), SEARCH_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"form": form, "query": query, "page_obj": page_obj})


@require_GET
def robots_txt(request):
    """Crawlers may read the public site, not the portal, the admin or the sign-in pages."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /portal/",
        "Disallow: /accounts/",
        f"Disallow: {reverse('search')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
