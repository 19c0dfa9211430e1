"""A region team member records an indicator value in the browser and compares it with the country."""

import re

import pytest

from learning.services import indicator_value_save
from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_team_records_an_indicator_and_sees_chart_and_table(page, sign_in, world):
    indicator_value_save(region=None, school_type="po", year=2024, value=9.6, source="CBS")
    sign_in(world["team_a"])
    page.goto("/portal/regions/regio-a/indicators/")
    assert axe_violations(page) == []

    page.get_by_label(re.compile(r"^Schooltype")).select_option("po")
    page.get_by_label(re.compile(r"^Jaar")).fill("2024")
    page.get_by_label("Jeugdhulpgebruik (%)").fill("140")
    page.get_by_label(re.compile(r"^Bron")).fill("Eigen telling")
    page.get_by_role("button", name="Opslaan").click()
    assert "Corrigeer het volgende" in page.get_by_role("alert").inner_text()
    assert page.get_by_label(re.compile(r"^Bron")).input_value() == "Eigen telling"
    assert axe_violations(page) == []

    page.get_by_label("Jeugdhulpgebruik (%)").fill("11.5")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/indicators/")
    row = page.get_by_role("row", name="Primair onderwijs (po)")
    assert "11,50 / 9,60" in row.inner_text()
    assert page.get_by_role("img", name="Jeugdhulpgebruik in 2024: regio en landelijk").is_visible()
    assert axe_violations(page) == []
