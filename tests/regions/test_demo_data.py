"""The demo command builds everything once; running it again changes nothing and duplicates nothing."""

import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page

from cms.models import RegionPage
from regions import access
from regions.demo import DEMO_PASSWORD, PEOPLE, REGIONS
from regions.models import Municipality, Organisation, Region, RegionGroupObjectPermission, RegionMembership, User
from regions.roles import Role


def _counts():
    return {
        "regions": Region.objects.count(),
        "users": User.objects.count(),
        "organisations": Organisation.objects.count(),
        "municipalities": Municipality.objects.count(),
        "memberships": RegionMembership.objects.count(),
        "pairings": RegionGroupObjectPermission.objects.count(),
        "pages": Page.objects.count(),
    }


def test_demo_command_twice_gives_the_same_result(db):
    call_command("load_demo_data", verbosity=0)
    first = _counts()
    call_command("load_demo_data", verbosity=0)
    assert _counts() == first
    # The eleven first-round regions, plus the regions of the demo enrolment applications.
    first_round = {r[0] for r in REGIONS}
    assert len(first_round) == 11
    assert set(Region.objects.values_list("name", flat=True)) >= first_round
    assert Region.objects.filter(status="applicant").exists()
    # Every active region has its public page (the accepted demo application's too).
    active = Region.objects.filter(status="active")
    assert RegionPage.objects.filter(region__in=active).count() == active.count() >= 10


def test_demo_has_every_role_and_working_passwords(db):
    call_command("load_demo_data", verbosity=0)
    roles_seen = set()
    for username, *_rest in PEOPLE:
        user = User.objects.get(username=username)
        assert user.check_password(DEMO_PASSWORD)
        assert user.email.endswith("@example.org")
        roles_seen |= access.roles_of(user)
    assert roles_seen == set(Role.values)
    reviewers = User.objects.filter(groups__name=Role.COALITION_REVIEWER)
    assert reviewers.values("organisation").distinct().count() >= 3
    assert RegionMembership.objects.values("region").distinct().count() >= 3
    # The README's table lists real accounts with the real password, and every demo account.
    readme = (Path(settings.BASE_DIR) / "README.md").read_text().split("### Demo accounts", 1)[1].split("\n## ", 1)[0]
    table = dict(re.findall(r"^\| ([a-z0-9-]+) \| (\S+) \|", readme, flags=re.MULTILINE))
    table.pop("username")  # the header row
    for username, password in table.items():
        user = User.objects.filter(username=username).first()
        assert user is not None and user.check_password(password), f"README lists {username}"
    demo_accounts = User.objects.filter(email__endswith="@example.org", is_active=True).values_list(
        "username", flat=True
    )
    assert set(demo_accounts) <= set(table), set(demo_accounts) - set(table)


def test_demo_regions_have_real_municipalities_and_pairings(db):
    call_command("load_demo_data", verbosity=0)
    twente = Region.objects.get(slug="twente")
    assert twente.municipalities.count() == 14
    assert set(twente.municipalities.values_list("name", flat=True)) >= {"Enschede", "Hengelo", "Almelo"}
    assert twente.samenwerkingsverbanden.exists()
    reviewer = User.objects.get(username="beoordelaar-vng")
    assert set(access.regions_for(reviewer).values_list("slug", flat=True)) == {"twente", "utrecht", "amsterdam"}
