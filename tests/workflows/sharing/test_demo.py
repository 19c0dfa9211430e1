"""The demo lessons: 30+ published lessons over the regions, advices and themes, built through the
real flow, and idempotent."""

import pytest

from learning.library.models import LessonPage
from regions import demo as regions_demo
from workflows.sharing import demo as lessons_demo
from workflows.sharing.models import LessonSubmission

pytestmark = pytest.mark.django_db


def test_demo_lessons_are_spread_and_idempotent(client):
    regions_demo.build()
    result = lessons_demo.build()
    published = LessonPage.objects.live()
    assert published.count() >= 30
    assert result["published"] == published.count()
    assert published.values("region").distinct().count() >= 10
    assert len({a for page in published.prefetch_related("advices") for a in page.advices.all()}) == 7
    assert len({t for page in published.prefetch_related("themes") for t in page.themes.all()}) >= 10
    years = {page.lesson_date.year for page in published}
    assert len(years) >= 4
    states = set(LessonSubmission.objects.values_list("state", flat=True))
    assert {"published", "submitted", "changes", "draft"} <= states
    # Names only with consent.
    for submission in LessonSubmission.objects.filter(state="published", contact_consent=False):
        assert submission.page.contact_name == ""
    before = LessonSubmission.objects.count()
    assert lessons_demo.build()["lessons"] == 0
    assert LessonSubmission.objects.count() == before
    index = published.first().get_parent()
    response = client.get(index.url, {"q": "thuiszitters"})
    assert response.status_code == 200 and response.context["page_obj"].paginator.count >= 3
