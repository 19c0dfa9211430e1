"""The whole enrolment process through HTTP, as the people who do it: from a draft to a public
region page, with a round of requested changes in between (every version kept)."""

import pytest
from django.urls import reverse
from viewflow.workflow.status import PROCESS

from cms.models import RegionPage
from learning.models import Advice
from regions.models import Municipality, Region, RegionMembership
from regions.services import region_paired_organisations
from tests.factories import MunicipalityFactory
from tests.files import pdf_bytes, upload
from tests.workflows.enrolment.conftest import EnrolmentFlow, open_task, open_task_for, task_url
from workflows.enrolment.models import ApplicationEvent, EnrolmentApplication, Review


def form_data(application, **overrides):
    municipality = Municipality.objects.filter(name="Dordrecht").first() or MunicipalityFactory(name="Dordrecht")
    data = {
        "region_name": "Drechtsteden",
        "municipalities": [municipality.pk],
        "partners": "Onderwijsgroep Drechtsteden",
        "development_question": "Hoe werken school en jeugdhulp samen rond elk kind?",
        "advices": [a.pk for a in Advice.objects.filter(is_core=True)],
        "ambition": "Eén team rond elk kind.",
        "activities": "Werkateliers en een ondersteuningsteam per school.",
        "public_summary": "De Drechtsteden organiseren onderwijs en jeugdhulp samen.",
        "verbinder_1_name": "Anna Verbinder",
        "verbinder_1_email": application.applicant.email,
        "verbinder_2_name": "",
        "verbinder_2_email": "",
    }
    data.update(overrides)
    return data


def go(client, url, data=None, status=302):
    response = client.post(url, data) if data is not None else client.get(url)
    assert response.status_code == status, (url, response.status_code, getattr(response, "url", ""))
    return response


def take_and_do(login, user, task, data):
    client = login(user)
    url = task_url(task)
    go(client, url, {"action": "claim"})
    go(client, url, data)


def test_whole_process_from_application_to_public_region_page(client, login, world, applicant, mailoutbox):
    # The applicant starts a draft and saves it half-way, with a document.
    client = login(applicant)
    response = go(client, reverse("enrolment:application_start"), {"region_name": "Drechtsteden"})
    application = EnrolmentApplication.objects.get(applicant=applicant)
    assert response.url == reverse("enrolment:application_edit", args=[application.pk])
    edit = response.url
    half = form_data(application, ambition="", activities="")
    go(client, edit, {**half, "action": "save", "documents": [upload("plan.pdf", pdf_bytes())]})
    application.refresh_from_db()
    assert application.status == "draft" and application.region.documents.count() == 1

    # Submitting an incomplete application is refused and nothing typed is lost.
    response = go(client, edit, {**half, "action": "submit"}, status=400)
    assert "de ambitie" in response.content.decode()
    assert "Hoe werken school en jeugdhulp samen" in response.content.decode()

    go(client, edit, {**form_data(application), "action": "submit"})
    application.refresh_from_db()
    assert application.status == "submitted" and application.round == 1

    # Intake by the programme office: complete, two organisations, A as coalitieverbinder.
    intake = open_task(application, EnrolmentFlow.intake)
    take_and_do(
        login,
        world["office"],
        intake,
        {"outcome": "complete", "organisations": [world.org_a.pk, world.org_b.pk], "connector": world.org_a.pk},
    )
    application.refresh_from_db()
    assert application.status == "in_review"
    assert set(application.reviews.values_list("organisation__slug", flat=True)) == {"lid-a", "lid-b"}

    # Parallel reviews; the first asks for conditions.
    take_and_do(
        login,
        world["reviewer_a"],
        open_task_for(application, world["reviewer_a"]),
        {"recommendation": "accept_conditions", "motivation": "Maak de monitoring concreter."},
    )
    application.refresh_from_db()
    assert application.status == "in_review"
    take_and_do(
        login,
        world["reviewer_b"],
        open_task_for(application, world["reviewer_b"]),
        {"recommendation": "accept", "motivation": "Sterk plan."},
    )
    application.refresh_from_db()
    assert application.status == "awaiting_decision"

    # The programme office asks for changes: back to the region.
    take_and_do(
        login,
        world["office"],
        open_task(application, EnrolmentFlow.decide),
        {"outcome": "changes", "motivation": "Beschrijf hoe u de resultaten meet."},
    )
    application.refresh_from_db()
    assert application.status == "changes_requested"
    assert any("teruggestuurd" in m.subject for m in mailoutbox)

    # The region changes and resubmits through its revision task; version 1 stays.
    client = login(applicant)
    revise = open_task(application, EnrolmentFlow.revise)
    assert revise.owner_id == applicant.pk
    response = go(client, reverse("enrolment:application_edit", args=[application.pk]))
    assert response.url == task_url(revise)
    go(
        client,
        task_url(revise),
        {**form_data(application, ambition="Eén team, gemeten per kwartaal."), "action": "submit"},
    )
    application.refresh_from_db()
    assert application.status == "submitted" and application.round == 2
    assert [v.number for v in application.versions.all()] == [2, 1]
    assert application.versions.get(number=1).data["ambition"] == "Eén team rond elk kind."

    # Second round: intake with one organisation, review, accept.
    take_and_do(
        login,
        world["office"],
        open_task(application, EnrolmentFlow.intake),
        {"outcome": "complete", "organisations": [world.org_a.pk], "connector": world.org_a.pk},
    )
    take_and_do(
        login,
        world["connector_a"],
        open_task_for(application, world["connector_a"]),
        {"recommendation": "accept", "motivation": "De monitoring is nu helder."},
    )
    take_and_do(
        login, world["office"], open_task(application, EnrolmentFlow.decide), {"outcome": "accept", "motivation": ""}
    )

    application.refresh_from_db()
    region = Region.objects.get(pk=application.region_id)
    assert application.status == "accepted"
    assert application.process.status == PROCESS.DONE
    assert region.status == Region.Status.ACTIVE
    assert RegionMembership.objects.filter(region=region, user=applicant, is_verbinder=True).exists()
    assert list(region_paired_organisations(region)) == [world.org_a]
    assert Review.objects.filter(application=application).count() == 3

    # The public region page is published.
    page = RegionPage.objects.get(region=region)
    assert page.live
    public = client.get(page.url)
    assert public.status_code == 200 and "Drechtsteden" in public.content.decode()

    # The timeline tells every step, in order.
    kinds = list(application.events.values_list("kind", flat=True))
    assert kinds == [
        "submitted",
        "intake_complete",
        "reviewed",
        "reviewed",
        "changes_requested",
        "resubmitted",
        "intake_complete",
        "reviewed",
        "accepted",
    ]
    assert any("Besluit" in m.subject for m in mailoutbox)

    # The accepted region's team now works on the region in the portal.
    response = login(applicant).get(region.get_absolute_url())
    assert response.status_code == 200


def test_incomplete_intake_returns_the_application_to_the_region(client, login, world, submitted, mailoutbox):
    take_and_do(
        login,
        world["office"],
        open_task(submitted, EnrolmentFlow.intake),
        {"outcome": "incomplete", "motivation": "De samenwerkingsverbanden ontbreken."},
    )
    submitted.refresh_from_db()
    assert submitted.status == "changes_requested"
    event = submitted.events.last()
    assert event.kind == ApplicationEvent.Kind.INTAKE_INCOMPLETE and "ontbreken" in event.motivation
    message = [m for m in mailoutbox if "teruggestuurd" in m.subject][-1]
    assert "De samenwerkingsverbanden ontbreken." in message.body
    # The region sees the message on its revision page.
    response = login(submitted.applicant).get(task_url(open_task(submitted, EnrolmentFlow.revise)))
    assert "De samenwerkingsverbanden ontbreken." in response.content.decode()


def test_reject_ends_the_process_and_keeps_the_region_an_applicant(login, world, awaiting_decision, mailoutbox):
    take_and_do(
        login,
        world["office"],
        open_task(awaiting_decision, EnrolmentFlow.decide),
        {"outcome": "reject", "motivation": "Past niet in deze ronde."},
    )
    awaiting_decision.refresh_from_db()
    assert awaiting_decision.status == "rejected"
    assert awaiting_decision.process.status == PROCESS.DONE
    assert awaiting_decision.region.status == Region.Status.APPLICANT
    assert not RegionPage.objects.filter(region=awaiting_decision.region).exists()
    assert "Past niet in deze ronde." in mailoutbox[-1].body


@pytest.mark.parametrize(
    ("outcome", "motivation", "field"),
    [("reject", "", "motivation"), ("changes", " ", "motivation"), ("", "x", "outcome")],
)
def test_decision_needs_a_motivation_when_not_accepting(login, world, awaiting_decision, outcome, motivation, field):
    client = login(world["office"])
    task = open_task(awaiting_decision, EnrolmentFlow.decide)
    go(client, task_url(task), {"action": "claim"})
    response = go(client, task_url(task), {"outcome": outcome, "motivation": motivation}, status=400)
    assert response.context["form"].errors[field]
    awaiting_decision.refresh_from_db()
    assert awaiting_decision.status == "awaiting_decision"


def test_intake_checks_the_assignment(login, world, submitted):
    client = login(world["office"])
    task = open_task(submitted, EnrolmentFlow.intake)
    go(client, task_url(task), {"action": "claim"})
    response = go(client, task_url(task), {"outcome": "complete", "organisations": [], "connector": ""}, status=400)
    assert set(response.context["form"].errors) == {"organisations", "connector"}
    response = go(
        client,
        task_url(task),
        {"outcome": "complete", "organisations": [world.org_a.pk], "connector": world.org_b.pk},
        status=400,
    )
    assert "connector" in response.context["form"].errors


@pytest.mark.parametrize("username", ["office", "reviewer_a", "reviewer_b", "applicant"])
def test_application_page_while_one_of_two_reviews_is_in(client, login, world, in_review, applicant, username):
    """The join of the parallel reviews is open then; it is the flow's own step and has no page."""
    from tests.workflows.enrolment.conftest import claim_and_run
    from workflows.enrolment import services

    reviewer = world["reviewer_a"]
    claim_and_run(
        open_task_for(in_review, reviewer),
        reviewer,
        services.review_submit,
        recommendation="accept",
        motivation="Goed.",
    )
    login(applicant if username == "applicant" else world[username])
    response = client.get(in_review.get_absolute_url())
    assert response.status_code == 200
    steps = [task.flow_task.name for task in response.context["open_steps"]]
    assert "join_reviews" not in steps and "review" in steps
