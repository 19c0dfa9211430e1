"""Walks every URL the project serves, as every role and as an anonymous visitor.

URLs come from the URL resolver, with real object ids from both sides of the `world` fixture
(region A with organisation A, region B with organisation B). Each URL must have a rule in
URL_RULES (or fall under ADMIN_PREFIX or the Wagtail page walk); a new URL without a rule fails
`test_every_url_has_a_rule`. No response to someone who may not see a region's non-public data may
contain that region's secret marker.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.documents.models import Document
from wagtail.models import Page

from regions import access, services
from tests.files import pdf_bytes, upload
from tests.regions.test_access import ALL_USERS, GLOBAL_MATRIX, ORGANISATION_MATRIX, REGION_MATRIX

ANONYMOUS = "anonymous"
USERS = [*ALL_USERS, ANONYMOUS]
SECRET = {"a": "GEHEIM-A-7f3k", "b": "GEHEIM-B-9q2m"}
ADMIN_PREFIX = "admin/"
# Wagtail admin URLs that are not access-controlled on purpose: the public icon sprite and the
# translation catalogue for its scripts (no data), and the
# deliberate error page Wagtail offers administrators to test error reporting.
ADMIN_PUBLIC = {"wagtailadmin_sprite", "wagtailadmin_javascript_catalog"}
ADMIN_SKIP = {"wagtailadmin_error_test"}
LOGIN = "login"  # expected: a redirect to the login page


def walk(patterns=None, prefix="", namespace=None):
    """(route, name) of every URL pattern, following includes."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(n for n in (namespace, pattern.namespace) if n) if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), name


@dataclass
class Rule:
    """How to build the URL for one side ('a' or 'b') and which answers each user may get."""

    expected: Callable[[str, str], set]
    kwargs: Callable[[object, str], dict | list] | None = None
    sides: tuple = ("a",)

    def url(self, name, world, side):
        params = self.kwargs(world, side) if self.kwargs else None
        if isinstance(params, list):
            return reverse(name, args=params)
        return reverse(name, kwargs=params)


def _portal(user: str) -> bool:
    return user in GLOBAL_MATRIX[access.PORTAL_USE]


def signed_in(codes=frozenset({200})):
    return lambda user, side: {LOGIN} if user == ANONYMOUS else set(codes)


def public(codes=frozenset({200})):
    return lambda user, side: set(codes)


def portal_page(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    return {200} if _portal(user) else {403}


def region_page(action, denied_globally=403):
    def expected(user, side):
        if user == ANONYMOUS:
            return {LOGIN}
        if not _portal(user):
            return {403}
        if action in GLOBAL_MATRIX and user not in GLOBAL_MATRIX[action]:
            return {denied_globally}
        return {200} if side in REGION_MATRIX[action].get(user, set()) else {404}

    return expected


def global_page(action):
    def expected(user, side):
        if user == ANONYMOUS:
            return {LOGIN}
        return {200} if user in GLOBAL_MATRIX[action] else {403}

    return expected


def organisation_page(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    if not _portal(user):
        return {403}
    return {200} if f"org_{side}" in ORGANISATION_MATRIX[access.ORGANISATION_VIEW].get(user, set()) else {404}


def document_download(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    return {200} if side in REGION_MATRIX[access.REGION_VIEW].get(user, set()) else {404}


def region_upload_get(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    if not _portal(user):
        return {403}
    # GET on the upload URL sends a team member back to the region page.
    return {302} if side in REGION_MATRIX[access.REGION_WORK].get(user, set()) else {404}


def region_slug(world, side):
    return {"slug": getattr(world, f"region_{side}").slug}


URL_RULES: dict[str, Rule] = {
    "login": Rule(lambda user, side: {200} if user == ANONYMOUS else {302}),
    "logout": Rule(public({405})),
    "two_factor_manage": Rule(signed_in()),
    "two_factor_setup": Rule(signed_in()),
    "two_factor_verify": Rule(signed_in({200, 302})),
    "password_change": Rule(signed_in()),
    "password_change_done": Rule(signed_in()),
    "password_reset": Rule(public()),
    "password_reset_done": Rule(public()),
    "password_reset_confirm": Rule(public(), kwargs=lambda world, side: {"uidb64": "MQ", "token": "set-password"}),
    "password_reset_complete": Rule(public()),
    "healthz": Rule(public()),
    "portal:dashboard": Rule(portal_page),
    "portal:region_list": Rule(portal_page),
    "portal:region_detail": Rule(region_page(access.REGION_VIEW), region_slug, ("a", "b")),
    "portal:region_manage": Rule(region_page(access.REGION_MANAGE), region_slug, ("a", "b")),
    "portal:region_document_upload": Rule(region_upload_get, region_slug, ("a", "b")),
    "portal:audit_log": Rule(global_page(access.AUDIT_VIEW)),
    "portal:my_data": Rule(portal_page),
    "learning:checklist": Rule(region_page(access.REGION_VIEW), region_slug, ("a", "b")),
    "learning:indicators": Rule(region_page(access.REGION_VIEW), region_slug, ("a", "b")),
    "learning:export": Rule(
        portal_page,
        lambda world, side: {"what": {"a": "checklists", "b": "indicators"}[side], "fmt": "csv"},
        ("a", "b"),
    ),
    "learning:checklist_item": Rule(
        region_page(access.REGION_VIEW),
        lambda world, side: {**region_slug(world, side), "item_id": world.checklist_item.pk},
        ("a", "b"),
    ),
    "portal:document_download": Rule(
        document_download, lambda world, side: {"pk": world.documents[side].pk}, ("a", "b")
    ),
    "portal:organisation_detail": Rule(
        organisation_page, lambda world, side: {"slug": getattr(world, f"org_{side}").slug}, ("a", "b")
    ),
    "wagtaildocs_serve": Rule(public(), lambda world, side: [world.public_document.pk, world.public_document.filename]),
    "wagtaildocs_authenticate_with_password": Rule(public({404}), lambda world, side: {"restriction_id": 999999}),
    "wagtailcore_authenticate_with_password": Rule(
        public({404}), lambda world, side: {"page_view_restriction_id": 999999, "page_id": 999999}
    ),
    "wagtailcore_login": Rule(public({200, 302})),
}
# Each area keeps the rules for its own URLs beside its tests, in tests/<area>/url_rules.py, as
# `rules(Rule) -> {url name: Rule}`; a URL without a rule anywhere still fails the test below.
for _area in ("workflows.enrolment", "workflows.reporting", "workflows.sharing", "cms"):
    if importlib.util.find_spec(f"tests.{_area}") and importlib.util.find_spec(f"tests.{_area}.url_rules"):
        URL_RULES.update(importlib.import_module(f"tests.{_area}.url_rules").rules(Rule))
# Wagtail's page server is walked separately (every live page, and a draft that must stay hidden).
PAGE_SERVER = "wagtail_serve"


@pytest.fixture
def walk_world(world):
    world.region_a.development_question = f"Ontwikkelvraag {SECRET['a']}"
    world.region_b.development_question = f"Ontwikkelvraag {SECRET['b']}"
    world.region_a.save()
    world.region_b.save()
    world.documents = {
        side: services.region_document_add(
            region=getattr(world, f"region_{side}"), uploaded_file=upload(f"{SECRET[side]}.pdf", pdf_bytes()), user=None
        )
        for side in ("a", "b")
    }
    from learning.models import Advice, ChecklistItem
    from learning.services import region_advices_set

    for region in (world.region_a, world.region_b):
        region_advices_set(region=region, advices=Advice.objects.filter(is_core=True))
    world.checklist_item = ChecklistItem.objects.filter(advice__number=1).first()
    from learning.services import checklist_item_update, indicator_value_save

    for side in ("a", "b"):
        region = getattr(world, f"region_{side}")
        checklist_item_update(region=region, item=world.checklist_item, status="started", explanation=SECRET[side])
        indicator_value_save(region=region, school_type="po", year=2024, value=12, source=f"Bron {SECRET[side]}")
    document = Document(title="Werkblad")
    document.file.save("werkblad.pdf", upload("werkblad.pdf", pdf_bytes()), save=False)
    document.save()
    world.public_document = document
    return world


def _sign_in(client, login, world, username):
    if username != ANONYMOUS:
        login(world[username])


def _check(response, expected, url, username):
    status = response.status_code
    if LOGIN in expected:
        assert status == 302 and response.url.startswith(reverse("login")), f"{username} {url}: {status}"
    else:
        assert status in expected, f"{username} GET {url}: {status}, expected {sorted(expected)}"


def _body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("latin-1")
    return response.content.decode("utf-8", "replace")


def _assert_no_foreign_secret(body, username, url):
    for side, marker in SECRET.items():
        may_see = username != ANONYMOUS and side in REGION_MATRIX[access.REGION_VIEW].get(username, set())
        if not may_see:
            assert marker not in body, f"{username} saw region {side.upper()}'s data at {url}"


def test_every_url_has_a_rule():
    missing = sorted(
        {
            f"{route} ({name})"
            for route, name in walk()
            if not route.startswith(ADMIN_PREFIX) and name != PAGE_SERVER and name not in URL_RULES
        }
    )
    assert missing == [], "URLs without an access rule in tests/test_url_access.py: " + ", ".join(missing)


@pytest.mark.parametrize("username", USERS)
def test_every_url_as_every_role(client, login, walk_world, username):
    _sign_in(client, login, walk_world, username)
    names = {name for route, name in walk() if name in URL_RULES}
    assert names == set(URL_RULES), f"rules for URLs that no longer exist: {set(URL_RULES) - names}"
    for name, rule in URL_RULES.items():
        for side in rule.sides:
            url = rule.url(name, walk_world, side)
            response = client.get(url)
            _check(response, rule.expected(username, side), url, username)
            _assert_no_foreign_secret(_body(response), username, url)


@pytest.mark.parametrize("username", USERS)
def test_every_wagtail_page_as_every_role(client, login, walk_world, username):
    from cms.models import ContentPage, HomePage

    home = HomePage.objects.first()
    draft = ContentPage(title=f"Concept {SECRET['b']}", slug="concept-pagina", live=False)
    home.add_child(instance=draft)
    _sign_in(client, login, walk_world, username)
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, f"{username} {url}: {response.status_code}"
        _assert_no_foreign_secret(_body(response), username, url)
    response = client.get(draft.get_url() or "/concept-pagina/")
    assert response.status_code == 404
    assert SECRET["b"] not in _body(response)


ADMIN_USERS = [ANONYMOUS, "team_a", "reviewer_a", "editor", "office"]


@pytest.mark.parametrize("username", ADMIN_USERS)
def test_wagtail_admin_urls(client, login, walk_world, username):
    """Every parameterless Wagtail admin URL: closed to everyone without cms.edit, never a 500."""
    _sign_in(client, login, walk_world, username)
    may_edit = username != ANONYMOUS and username in GLOBAL_MATRIX[access.CMS_EDIT]
    for route, name in walk():
        if not route.startswith(ADMIN_PREFIX) or not name or "<" in route or "(" in route or name in ADMIN_SKIP:
            continue
        url = reverse(name)
        response = client.get(url)
        assert response.status_code < 500, f"{username} {url}: {response.status_code}"
        if not may_edit and name not in ADMIN_PUBLIC:
            assert response.status_code in (302, 403, 404, 405), f"{username} reached {url}"
            if response.status_code == 302:
                assert reverse("login") in response.url or response.url.startswith("/admin/login"), url
        _assert_no_foreign_secret(_body(response), username, url)
