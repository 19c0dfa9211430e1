"""A region team member records progress on a checklist step in the browser."""

import pytest

from learning.models import Advice
from learning.services import region_advices_set
from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_team_records_a_step_and_sees_it_in_the_checklist(page, sign_in, world):
    region_advices_set(region=world.region_a, advices=Advice.objects.filter(is_core=True))
    sign_in(world["team_a"])
    page.goto("/portal/regions/regio-a/")
    page.get_by_role("link", name="Checklists per advies").click()
    page.wait_for_url("**/checklist/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Er is per school een vast aanspreekpunt jeugdhulp").click()

    # First a mistake: an invalid link. The error is announced and the typed text stays.
    page.get_by_label("In gang gezet").check()
    page.get_by_label("Toelichting").fill("Alle scholen hebben een contactpersoon.")
    page.get_by_label("Bewijs (link)").fill("geen link")
    page.get_by_role("button", name="Opslaan").click()
    assert "Corrigeer het volgende" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Toelichting").input_value() == "Alle scholen hebben een contactpersoon."
    assert axe_violations(page) == []

    page.get_by_label("Bewijs (link)").fill("https://example.org/afspraken")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/checklist/")
    row = page.get_by_role("row", name="Er is per school een vast aanspreekpunt jeugdhulp")
    assert "In gang gezet" in row.inner_text()
    assert "Alle scholen hebben een contactpersoon." in row.inner_text()
