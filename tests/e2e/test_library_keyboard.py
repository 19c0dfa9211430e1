"""The public library of lessons with the keyboard only: tab to a filter, choose, submit, read."""

import pytest

from learning.library.services import library_index
from learning.models import Advice
from tests.e2e.axe import axe_violations
from tests.workflows.sharing.conftest import make_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _tab_to(page, selector: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement && document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


def test_filter_the_library_with_the_keyboard_only(page, world):
    index = library_index()
    make_page(index, world.region_a, title="Les over verbreden", advices=[Advice.objects.get(number=1)])
    make_page(index, world.region_b, title="Les over thuiszitters", advices=[Advice.objects.get(number=4)])
    page.goto(index.url)
    _tab_to(page, "select[name=advice]")
    page.keyboard.press("ArrowDown")  # the first advice, after "all advices"
    _tab_to(page, "form[role=search] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**advice=1**")
    results = page.locator("#main").inner_text()
    assert "Les over verbreden" in results
    assert "Les over thuiszitters" not in results
    assert axe_violations(page) == []
