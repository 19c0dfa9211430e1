"""The enrolment demo: one application in every state, built by the real services; loading the demo
twice duplicates nothing."""

from django.core.management import call_command
from django.urls import reverse
from viewflow.workflow.models import Task

from cms.models import RegionPage
from learning.models import ChecklistChange
from regions.models import Region, RegionDocument, RegionMembership, User
from regions.services import region_paired_organisations
from workflows.enrolment.demo import APPLICANTS
from workflows.enrolment.models import ApplicationEvent, ApplicationVersion, Comment, EnrolmentApplication, Review


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            EnrolmentApplication,
            ApplicationVersion,
            ApplicationEvent,
            Review,
            Comment,
            Task,
            Region,
            RegionPage,
            RegionDocument,
            RegionMembership,
            User,
            ChecklistChange,
        )
    }


def test_demo_twice_gives_no_duplicates_and_every_state(db, login):
    call_command("load_demo_data", verbosity=0)
    first = _counts()
    call_command("load_demo_data", verbosity=0)
    assert _counts() == first

    statuses = dict(EnrolmentApplication.objects.values_list("region__name", "status"))
    assert set(statuses.values()) == set(EnrolmentApplication.Status.values)
    assert len(statuses) == len(APPLICANTS)

    in_review = EnrolmentApplication.objects.get(status="in_review")
    reviews = list(in_review.reviews.all())
    assert len(reviews) == 2 and sum(1 for r in reviews if r.submitted_at) == 1

    returned = EnrolmentApplication.objects.get(status="changes_requested")
    assert list(returned.versions.values_list("number", flat=True)) == [2, 1]

    accepted = EnrolmentApplication.objects.get(status="accepted")
    assert accepted.region.status == Region.Status.ACTIVE
    assert RegionPage.objects.get(region=accepted.region).live
    assert [o.slug for o in region_paired_organisations(accepted.region)] == ["vng"]
    assert RegionMembership.objects.filter(region=accepted.region, user=accepted.applicant).exists()
    # The accepted region got its workspace history from the learning demo in the same run.
    assert ChecklistChange.objects.filter(state__region=accepted.region).exists()

    # Both kinds of message exist, and internal notes only for the coalition and the office.
    assert Comment.objects.filter(internal=True).exists() and Comment.objects.filter(internal=False).exists()

    # The demo is backdated: the office's inbox shows due dates, some of them passed.
    response = login(User.objects.get(username="programmabureau")).get(reverse("enrolment:inbox"))
    tasks = response.context["tasks"]
    assert {t.flow_task.name for t in tasks} == {"intake", "decide"}
    assert any(t.overdue for t in tasks)
    assert "te laat" in response.content.decode()
