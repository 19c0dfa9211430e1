"""Indicator values: a region's youth-care use per school type against the national figure."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from learning import services
from learning.models import IndicatorValue, SchoolType
from regions import access
from tests.regions.test_access import ALL_USERS, REGION_MATRIX

VALID = {"school_type": "vo", "year": "2024", "value": "13.5", "source": "Monitor Aansluiting Onderwijs Jeugdhulp"}


def _url(region):
    return reverse("learning:indicators", args=[region.slug])


@pytest.mark.parametrize("username", ALL_USERS)
@pytest.mark.parametrize("side", ["a", "b"])
def test_indicator_page_as_every_role(client, world, login, username, side):
    region = getattr(world, f"region_{side}")
    services.indicator_value_save(region=region, school_type="po", year=2024, value=11, source=f"Bron-{side}")
    login(world[username])
    response = client.get(_url(region))
    may_view = side in REGION_MATRIX[access.REGION_VIEW].get(username, set())
    assert response.status_code == (200 if may_view else (403 if username == "no_role" else 404))
    if may_view:
        assert "11,00" in response.content.decode() or "11.00" in response.content.decode()
    # The form is only offered to those who may work in the region.
    may_work = side in REGION_MATRIX[access.REGION_WORK].get(username, set())
    if may_view:
        assert (b'name="value"' in response.content) is may_work


@pytest.mark.parametrize("username", ["reviewer_a", "connector_a", "office", "knowledge_a", "team_b"])
def test_only_the_team_may_record_values(client, world, login, username):
    login(world[username])
    response = client.post(_url(world.region_a), VALID)
    assert response.status_code in (403, 404)
    assert not IndicatorValue.objects.exists()


def test_team_records_and_corrects_a_value_against_the_national_figure(client, world, login):
    services.indicator_value_save(region=None, school_type="vo", year=2024, value=10.2, source="CBS")
    login(world["team_a"])
    assert client.post(_url(world.region_a), VALID).status_code == 302
    assert client.post(_url(world.region_a), {**VALID, "value": "12.25"}).status_code == 302
    value = IndicatorValue.objects.get(region=world.region_a)
    assert (value.school_type, value.year, str(value.value), value.created_by) == ("vo", 2024, "12.25", world["team_a"])
    page = client.get(_url(world.region_a)).content.decode()
    assert "12,25 / 10,20" in page  # region / national, in the table alternative of the chart
    assert "<svg" in page and "pattern-hatch" in page
    assert ModelLogEntry.objects.filter(action="learning.indicator_save", object_id=str(world.region_a.pk)).count() == 2


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("value", "100.5", "hoogstens 100"),
        ("value", "-1", "minstens 0"),
        ("value", "veel", "getal"),
        ("year", str(timezone.localdate().year + 1), "toekomst"),  # our own message, translated
        ("year", "1999", "minstens 2015"),
        ("school_type", "hbo", "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_keeps_the_rest(client, world, login, field, value, message):
    login(world["team_a"])
    response = client.post(_url(world.region_a), {**VALID, field: value, "source": "Eigen telling gemeente"})
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert 'value="Eigen telling gemeente"' in body  # what was typed is kept
    assert not IndicatorValue.objects.exists()


def test_region_value_can_not_be_out_of_range_in_the_database(world):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValue.objects.create(region=world.region_a, school_type="po", year=2024, value=101, source="x")


def test_indicator_page_queries_do_not_grow_with_values(client, world, login):
    login(world["team_a"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url(world.region_a)).status_code == 200
        return len(queries)

    services.indicator_value_save(region=world.region_a, school_type="po", year=2020, value=9, source="x")
    small = count()
    for year in range(2016, 2025):
        for school_type in SchoolType.values:
            for region, value in ((world.region_a, 9), (None, 8)):
                services.indicator_value_save(region=region, school_type=school_type, year=year, value=value, source="")
    assert count() == small
