"""Access rules for the public site's own URLs (sitemap, robots.txt, search), used by the project-wide
URL walk (tests/test_url_access.py). Wagtail's pages are walked there separately."""

from __future__ import annotations


def rules(Rule) -> dict:
    everyone = lambda user, side: {200}  # noqa: E731
    return {
        "sitemap": Rule(everyone),
        "robots_txt": Rule(everyone),
        "search": Rule(everyone),
    }
