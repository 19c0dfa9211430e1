"""Shared fixtures: a small world of two regions, two member organisations and a person per role."""

from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.urls import get_resolver

from regions import services
from regions.models import Organisation, Region, User
from regions.roles import Role
from tests.factories import OrganisationFactory, RegionFactory, UserFactory


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    where = db["NAME"] if db["ENGINE"].endswith("sqlite3") else f"{db.get('HOST')}:{db.get('PORT')}/{db['NAME']}"
    return f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {where}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep serialized rollback working for every connection object.

    Django restores the migration-created rows (home page, groups, advices) after a transactional
    test from ``connection._test_serialized_contents``, which lives on the connection object made
    when the test database was created. Playwright's greenlets can make Django open a new connection
    object for the same thread, which lacks it; putting it on the class keeps the restore working.
    """
    from django.db import connections

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents:
            type(connections[alias])._test_serialized_contents = contents


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test has flushed the database, put back what the migrations made.

    Django only restores it at the start of the next serialized-rollback test; ordinary tests that
    a worker runs afterwards would otherwise find no home page, groups or permissions.
    """
    yield
    marker = item.get_closest_marker("django_db")
    if nextitem is None or marker is None or not marker.kwargs.get("transaction"):
        return  # (after the last test the test database is already gone)
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="session", autouse=True)
def _load_urlconf():
    # viewflow's node URLs can only be reversed once the root URLconf is loaded.
    get_resolver().url_patterns  # noqa: B018


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@dataclass
class World:
    """Two regions (A paired with org A, B with org B) and one person per role on each side."""

    region_a: Region
    region_b: Region
    org_a: Organisation
    org_b: Organisation
    office: Organisation
    users: dict[str, User] = field(default_factory=dict)

    def __getitem__(self, key):
        return self.users[key]


def make_user(username, *, organisation=None, roles=(), superuser=False):
    user = UserFactory(username=username, is_superuser=superuser, is_staff=superuser)
    if organisation is not None:
        services.user_set_organisation(user=user, organisation=organisation)
    if roles:
        services.user_set_roles(user=user, roles=set(roles))
    return User.objects.get(pk=user.pk)


@pytest.fixture
def world(db):
    org_a = OrganisationFactory(name="Ledenorganisatie A", slug="lid-a")
    org_b = OrganisationFactory(name="Ledenorganisatie B", slug="lid-b")
    office = OrganisationFactory(
        name="Programmabureau", slug="programmabureau", kind=Organisation.Kind.PROGRAMME_OFFICE
    )
    knowledge = OrganisationFactory(name="NJi", slug="nji", kind=Organisation.Kind.KNOWLEDGE_PARTNER)
    municipality_a = OrganisationFactory(name="Gemeente A", slug="gemeente-a", kind=Organisation.Kind.MUNICIPALITY)
    municipality_b = OrganisationFactory(name="Gemeente B", slug="gemeente-b", kind=Organisation.Kind.MUNICIPALITY)
    region_a = RegionFactory(name="Regio A", slug="regio-a")
    region_b = RegionFactory(name="Regio B", slug="regio-b")
    services.region_pair_organisation(region=region_a, organisation=org_a)
    services.region_pair_organisation(region=region_b, organisation=org_b)

    w = World(region_a=region_a, region_b=region_b, org_a=org_a, org_b=org_b, office=office)
    w.users["team_a"] = make_user("team_a", organisation=municipality_a)
    w.users["team_b"] = make_user("team_b", organisation=municipality_b)
    services.region_add_member(region=region_a, user=w.users["team_a"], is_verbinder=True)
    services.region_add_member(region=region_b, user=w.users["team_b"], is_verbinder=True)
    w.users["reviewer_a"] = make_user("reviewer_a", organisation=org_a, roles=[Role.COALITION_REVIEWER])
    w.users["reviewer_b"] = make_user("reviewer_b", organisation=org_b, roles=[Role.COALITION_REVIEWER])
    w.users["connector_a"] = make_user("connector_a", organisation=org_a, roles=[Role.COALITION_CONNECTOR])
    services.region_set_connector(region=region_a, user=w.users["connector_a"])
    w.users["office"] = make_user("office", organisation=office, roles=[Role.PROGRAMME_OFFICE])
    w.users["editor"] = make_user("editor", organisation=office, roles=[Role.CONTENT_EDITOR])
    w.users["admin"] = make_user("admin", organisation=office, superuser=True)
    w.users["knowledge_a"] = make_user("knowledge_a", organisation=knowledge)
    region_a.knowledge_contact = w.users["knowledge_a"]
    region_a.save()
    w.users["no_role"] = make_user("no_role")
    # Re-read so that no test profits from caches filled while building the world.
    w.users = {key: User.objects.get(pk=user.pk) for key, user in w.users.items()}
    return w


def give_two_factor_device(user):
    """A confirmed authenticator device for ``user`` (replacing earlier ones)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def current_totp(device) -> str:
    from django_otp.oath import totp

    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


@pytest.fixture
def login(client):
    """Sign a user in on the test client, second factor passed (the forms themselves are tested in
    tests/regions/test_auth.py and tests/regions/test_two_factor.py)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    def _login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        device = give_two_factor_device(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    return _login
