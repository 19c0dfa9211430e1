"""The inbox and the application list cost the same number of queries with 10 or 200 processes
(with and without filters): every list is one scoped query plus fixed prefetches."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import make_user
from tests.workflows.enrolment.conftest import EnrolmentFlow, claim_and_run, fill, open_task
from workflows.enrolment import services
from workflows.enrolment.models import EnrolmentApplication

SMALL, LARGE = 10, 200


def build_processes(world, applicant, start, stop):
    """Applications ``start``..``stop``: all submitted (an intake task for the office), every other
    one through intake to organisations A and B (a review task for each)."""
    for number in range(start, stop):
        person = applicant if number == 0 else make_user(f"aanvrager-{number}")
        application = services.application_create(applicant=person, region_name=f"Regio {number:03d}")
        fill(application, person)
        services.application_submit(application=application, user=person)
        if number % 2:
            claim_and_run(
                open_task(application, EnrolmentFlow.intake),
                world["office"],
                services.intake_complete,
                organisations=[world.org_a, world.org_b],
                connector=world.org_a,
            )


def count_queries(client, url):
    client.get(url)  # warm up: session, sites, translations
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), response


def pages(world):
    some_region = EnrolmentApplication.objects.order_by("pk").first().region_id
    base = reverse("enrolment:application_list")
    return {
        "office": [
            reverse("enrolment:inbox"),
            base,
            f"{base}?status=in_review",
            f"{base}?status=submitted&organisation={world.org_a.pk}&submitted_after=2000-01-01"
            "&submitted_before=2999-12-31",
            f"{base}?region={some_region}",
        ],
        "reviewer_a": [reverse("enrolment:inbox"), base, f"{base}?organisation={world.org_a.pk}"],
        "applicant": [reverse("enrolment:inbox"), base],
    }


def test_inbox_and_list_queries_do_not_grow_with_processes(client, login, world, applicant):
    people = {"office": world["office"], "reviewer_a": world["reviewer_a"], "applicant": applicant}
    build_processes(world, applicant, 0, SMALL)
    small = {}
    for who, urls in pages(world).items():
        login(people[who])
        small.update({(who, url): count_queries(client, url)[0] for url in urls})

    build_processes(world, applicant, SMALL, LARGE)
    for who, urls in pages(world).items():
        login(people[who])
        for url in urls:
            large, _response = count_queries(client, url)
            assert large == small[who, url], (who, url, small[who, url], large)
            assert large <= 16, (who, url, large)
        # The pages really list what grew: every intake task for the office, A's reviews for A's reviewer.
        inbox = count_queries(client, reverse("enrolment:inbox"))[1]
        assert len(inbox.context["tasks"]) == {"office": LARGE // 2, "reviewer_a": LARGE // 2, "applicant": 0}[who]
    print({f"{who} {url}": n for (who, url), n in small.items()})
