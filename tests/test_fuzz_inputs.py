"""Property-based tests (hypothesis): arbitrary input to every form and query-string filter gives a
validation message or a 4xx, never a 500, and never half-saves anything."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regions.models import Region, RegionDocument, RegionGroupObjectPermission
from tests.files import upload

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text that includes control characters, NUL, surrogate-free unicode, very long values and markup.
nasty_text = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FFFF, blacklist_categories=["Cs"]), max_size=50),
    st.just("\x00"),
    st.just("<script>alert(1)</script>"),
    st.just("' OR 1=1 --"),
    st.text(min_size=5000, max_size=20000, alphabet="ab€"),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


def params(keys):
    return st.dictionaries(st.sampled_from(keys), nasty_text, max_size=len(keys))


@FUZZ
@given(query=params(["q", "status", "province", "page"]))
def test_region_list_filters(client, world, login, query):
    login(world["office"])
    response = client.get(reverse("portal:region_list"), query)
    assert response.status_code in (200, 400, 404)


@FUZZ
@given(query=params(["action", "user", "date_from", "date_to", "page"]))
def test_audit_log_filters(client, world, login, query):
    login(world["office"])
    response = client.get(reverse("portal:audit_log"), query)
    assert response.status_code in (200, 400, 404)


@FUZZ
@given(data=params(["username", "password", "next"]))
def test_login_form(client, world, data):
    response = client.post(reverse("login"), data)
    assert response.status_code in (200, 302, 400, 429)
    if response.status_code == 302:
        assert not response.url.startswith("http")  # never an open redirect


@FUZZ
@given(data=params(["email"]))
def test_password_reset_form(client, world, data):
    assert client.post(reverse("password_reset"), data).status_code in (200, 302, 400)


@FUZZ
@given(data=params(["token", "next"]))
def test_two_factor_forms(client, world, login, data):
    login(world["team_a"])
    for name in ("two_factor_setup", "two_factor_verify"):
        response = client.post(reverse(name), data)
        assert response.status_code in (200, 302, 400)
        if response.status_code == 302:
            assert not response.url.startswith("http")


@FUZZ
@given(
    action=st.sampled_from(["status", "pair", "unpair", "connector", "unset_connector", "", "x" * 300]),
    data=params(["status-status", "pair-organisation", "organisation", "connector-user", "user"]),
)
def test_region_manage_forms_never_half_save(client, world, login, action, data):
    login(world["office"])
    pairings_before = RegionGroupObjectPermission.objects.count()
    status_before = Region.objects.get(pk=world.region_a.pk).status
    response = client.post(reverse("portal:region_manage", args=[world.region_a.slug]), {"action": action, **data})
    assert response.status_code in (302, 400, 404)
    if response.status_code != 302:
        assert RegionGroupObjectPermission.objects.count() == pairings_before
        assert Region.objects.get(pk=world.region_a.pk).status == status_before


@FUZZ
@given(name=nasty_text, content=st.binary(min_size=0, max_size=4096))
def test_uploads_of_arbitrary_bytes(client, world, login, name, content):
    login(world["team_a"])
    before = RegionDocument.objects.count()
    filename = (name.replace("\x00", "")[:80] or "bestand") + ".pdf"
    response = client.post(
        reverse("portal:region_document_upload", args=[world.region_a.slug]), {"file": upload(filename, content)}
    )
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert RegionDocument.objects.count() == before


@pytest.mark.parametrize("raw", [b"\xff\xfe\xfa", b"%FF%FE", b"q=%00", b"q=" + b"a" * 100_000])
def test_invalid_utf8_and_huge_query_strings(client, world, login, raw):
    login(world["office"])
    response = client.get(reverse("portal:region_list"), QUERY_STRING=raw.decode("latin-1"))
    assert response.status_code in (200, 400)
