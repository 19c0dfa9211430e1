"""The enrolment pages through HTTP, as the right and the wrong role: registering and being invited,
the draft form (nothing typed is lost, uploads checked), the comment thread and internal notes,
the timeline and versions, the filtered list and the inbox's due dates."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from viewflow.workflow.models import Task

from regions.models import RegionDocument, User
from tests.files import docx_bytes, odt_bytes, pdf_bytes, upload
from tests.workflows.enrolment.conftest import EnrolmentFlow, claim_and_run, open_task
from workflows.core import services as core_services
from workflows.enrolment import access as enrolment_access
from workflows.enrolment import services
from workflows.enrolment.models import EnrolmentApplication

PASSWORD = "Zeer-Geheim-Wachtwoord-42"


def _sign_in(client, username, password=PASSWORD) -> bool:
    """Sign in through the real login form (django-axes needs the request)."""
    response = client.post(reverse("login"), {"username": username, "password": password})
    return response.status_code == 302


def _link(body):
    return re.search(r"http\S+", body).group(0)


# --- Registration and invitation ---------------------------------------------------------------------
def test_a_new_coordinator_registers_confirms_and_finds_a_draft(db, client, mailoutbox):
    data = {
        "first_name": "Rana",
        "last_name": "Regio",
        "email": "rana@example.org",
        "region_name": "Drechtsteden",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    response = client.post(reverse("enrolment:register"), data)
    assert response.status_code == 302 and response.url == reverse("enrolment:register_done")
    user = User.objects.get(email="rana@example.org")
    assert not user.is_active  # nothing works before the address is confirmed
    assert not _sign_in(client, "rana@example.org")
    [message] = mailoutbox
    assert message.to == ["rana@example.org"] and "Bevestig" in message.subject

    confirm = _link(message.body).split("testserver", 1)[-1]
    # Opening the link (as a mail scanner would) confirms nothing; the button does.
    assert client.get(confirm).status_code == 200
    assert not User.objects.get(email="rana@example.org").is_active
    response = client.post(confirm)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    application = EnrolmentApplication.objects.get(applicant__email="rana@example.org")
    assert application.status == "draft" and application.region.name == "Drechtsteden"
    # The link works once only.
    assert client.get(confirm).status_code == 400
    assert client.post(confirm).status_code == 400
    assert EnrolmentApplication.objects.filter(applicant__email="rana@example.org").count() == 1

    assert _sign_in(client, "rana@example.org")
    assert client.get(reverse("enrolment:application_edit", args=[application.pk])).status_code == 200
    # A new coordinator sees only their own application, nothing of the coalition.
    assert client.get(reverse("portal:region_list")).status_code in (200, 403)
    assert client.get(reverse("enrolment:invite")).status_code == 403


def test_registration_errors_keep_what_was_typed(client, world, mailoutbox):
    data = {
        "first_name": "Rana",
        "last_name": "Regio",
        "email": world["team_a"].email,  # taken
        "region_name": "Regio A",  # taken
        "password1": PASSWORD,
        "password2": PASSWORD + "x",
    }
    response = client.post(reverse("enrolment:register"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "password2" in form.errors
    content = response.content.decode()
    assert 'value="Rana"' in content and 'value="Regio A"' in content
    data["password2"] = PASSWORD
    response = client.post(reverse("enrolment:register"), data)
    assert set(response.context["form"].errors) == {"email", "region_name"}
    assert mailoutbox == [] and not User.objects.filter(first_name="Rana").exists()


def test_a_bad_confirmation_link_is_refused(db, client):
    response = client.get(reverse("enrolment:register_confirm", kwargs={"uidb64": "MTIzNDU", "token": "abc-def"}))
    assert response.status_code == 400


def test_signed_in_people_do_not_register_again(login, world):
    client = login(world["team_a"])
    response = client.get(reverse("enrolment:register"))
    assert response.status_code == 302 and response.url == reverse("enrolment:application_start")


def test_the_office_invites_a_coordinator_who_chooses_a_password(client, login, world, mailoutbox):
    data = {"first_name": "Iris", "last_name": "Uit", "email": "iris@example.org", "region_name": "Hoeksche Waard"}
    for key in ("reviewer_a", "team_a", "connector_a", "editor", "no_role"):
        login(world[key])
        assert client.post(reverse("enrolment:invite"), data).status_code == 403, key
    client.logout()
    assert client.get(reverse("enrolment:invite")).url.startswith(reverse("login"))
    assert not User.objects.filter(email="iris@example.org").exists()

    login(world["office"])
    response = client.post(reverse("enrolment:invite"), data)
    assert response.status_code == 302
    invited = User.objects.get(email="iris@example.org")
    assert invited.is_active and not invited.has_usable_password()
    application = EnrolmentApplication.objects.get(applicant=invited)
    assert application.status == "draft" and application.region.name == "Hoeksche Waard"
    [message] = mailoutbox
    assert message.to == ["iris@example.org"] and "Uitnodiging" in message.subject

    # The same region or address cannot be invited twice; the form keeps what was typed.
    response = client.post(reverse("enrolment:invite"), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"email", "region_name"}
    assert 'value="Iris"' in response.content.decode()

    # The invitation link lets the coordinator choose a password and then fill in the draft.
    client.logout()
    link = _link(message.body).split("testserver", 1)[-1]
    response = client.get(link)
    assert response.status_code == 302
    response = client.post(response.url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302
    assert _sign_in(client, "iris@example.org")
    assert client.get(reverse("enrolment:application_edit", args=[application.pk])).status_code == 200


# --- The draft form ----------------------------------------------------------------------------------
def _form(application, **overrides):
    return {
        "region_name": application.region.name,
        "development_question": "Hoe worden school en jeugdhulp één team?",
        "ambition": "Eén team rond elk kind.",
        "activities": "Werkateliers.",
        "partners": "Stichting Openbaar Onderwijs",
        "verbinder_1_name": "Anna Verbinder",
        "verbinder_1_email": "anna@example.org",
        "action": "save",
        **overrides,
    }


@pytest.fixture
def new_draft(applicant):
    return services.application_create(applicant=applicant, region_name="Drechtsteden")


def test_a_refused_upload_keeps_everything_else(login, applicant, new_draft):
    client = login(applicant)
    url = reverse("enrolment:application_edit", args=[new_draft.pk])
    data = _form(
        new_draft,
        documents=[upload("plan.pdf", pdf_bytes()), upload("virus.pdf", b"MZ\x90\x00" + b"\x00" * 200)],
    )
    response = client.post(url, data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "virus.pdf" in content and "Hoe worden school en jeugdhulp één team?" in content
    assert "Alles wat u verder typte is in uw concept opgeslagen" in content
    new_draft.refresh_from_db()
    # The valid file and every valid field are in the draft; the refused file is not.
    assert new_draft.development_question == "Hoe worden school en jeugdhulp één team?"
    assert new_draft.verbinder_1_email == "anna@example.org"
    assert list(RegionDocument.objects.filter(region=new_draft.region).values_list("name", flat=True)) == ["plan.pdf"]


def test_a_field_error_keeps_the_other_fields_and_the_file(login, applicant, new_draft):
    client = login(applicant)
    url = reverse("enrolment:application_edit", args=[new_draft.pk])
    response = client.post(
        url, _form(new_draft, verbinder_2_email="geen-adres", documents=[upload("notitie.odt", odt_bytes())])
    )
    assert response.status_code == 400
    assert "verbinder_2_email" in response.context["form"].errors
    assert 'value="geen-adres"' in response.content.decode()
    assert response.context["kept_files"] == ["notitie.odt"]
    new_draft.refresh_from_db()
    assert new_draft.ambition == "Eén team rond elk kind." and new_draft.verbinder_2_email == ""
    assert new_draft.region.documents.count() == 1


@pytest.mark.parametrize(
    ("name", "data", "accepted"),
    [
        ("plan.pdf", pdf_bytes(), True),
        ("plan.docx", docx_bytes(), True),
        ("plan.odt", odt_bytes(), True),
        ("plan.txt", b"gewone tekst", False),
        ("plan.pdf", docx_bytes(), False),  # the extension must match the bytes
        ("plan.exe", b"MZ\x90\x00" + b"\x00" * 200, False),
        ("leeg.pdf", b"", False),
    ],
)
def test_document_types_are_checked_from_the_bytes(login, applicant, new_draft, name, data, accepted):
    client = login(applicant)
    url = reverse("enrolment:application_edit", args=[new_draft.pk])
    response = client.post(url, _form(new_draft, documents=[upload(name, data)]))
    assert response.status_code == (302 if accepted else 400)
    assert new_draft.region.documents.count() == (1 if accepted else 0)
    if not accepted:
        assert name in " ".join(response.context["form"].errors["documents"])


def test_documents_above_the_size_limit_are_refused(settings, login, applicant, new_draft):
    settings.UPLOAD_MAX_BYTES = 1024
    client = login(applicant)
    url = reverse("enrolment:application_edit", args=[new_draft.pk])
    big = pdf_bytes() + b"%" + b"x" * 2048
    response = client.post(url, _form(new_draft, documents=[upload("groot.pdf", big)]))
    assert response.status_code == 400
    assert "te groot" in " ".join(response.context["form"].errors["documents"])
    assert not new_draft.region.documents.exists()


def test_others_cannot_open_or_change_a_draft(client, login, world, applicant, new_draft):
    url = reverse("enrolment:application_edit", args=[new_draft.pk])
    detail = reverse("enrolment:application_detail", args=[new_draft.pk])
    for key in ("office", "reviewer_a", "team_a", "admin"):
        login(world[key])
        assert client.get(detail).status_code in (403, 404), key
        assert client.post(url, _form(new_draft, development_question="Overgenomen")).status_code in (403, 404)
    new_draft.refresh_from_db()
    assert new_draft.development_question == ""


def test_submitted_applications_cannot_be_edited_or_submitted_twice(login, applicant, submitted):
    client = login(applicant)
    url = reverse("enrolment:application_edit", args=[submitted.pk])
    assert client.get(url).status_code == 404
    response = client.post(url, _form(submitted, action="submit"))  # a late second click
    assert response.status_code == 302 and response.url == submitted.get_absolute_url()
    assert submitted.versions.count() == 1


# --- Comments and internal notes -------------------------------------------------------------------
NOTE = "Interne-notitie-7Q: nog navragen bij de gemeente."
MESSAGE = "Welke scholen doen mee in het eerste jaar?"


def test_messages_reach_everyone_internal_notes_never_the_region(client, login, world, in_review):
    detail = reverse("enrolment:application_detail", args=[in_review.pk])
    login(world["reviewer_a"])
    assert client.post(detail, {"body": MESSAGE}).status_code == 302
    login(world["office"])
    assert client.post(detail, {"body": NOTE, "internal": "on"}).status_code == 302

    # The region reads the message, never the note, and cannot write one (a forged field is refused).
    login(in_review.applicant)
    content = client.get(detail).content.decode()
    assert MESSAGE in content and NOTE not in content
    assert 'name="internal"' not in content
    assert client.post(detail, {"body": "Ook intern?", "internal": "on"}).status_code == 403
    assert client.post(detail, {"body": "Alle twaalf vo-scholen."}).status_code == 302
    assert not in_review.comments.filter(body="Ook intern?").exists()

    # Both assigned organisations and the office read everything.
    for key in ("reviewer_a", "reviewer_b", "connector_a", "office"):
        login(world[key])
        content = client.get(detail).content.decode()
        assert MESSAGE in content and NOTE in content and "Alle twaalf vo-scholen." in content, key

    # People of other organisations and other regions see nothing at all.
    for key in ("team_a", "team_b", "knowledge_a", "editor", "no_role"):
        login(world[key])
        response = client.get(detail)
        assert response.status_code in (403, 404), key
        assert NOTE not in response.content.decode()
        assert client.post(detail, {"body": "Hallo"}).status_code in (403, 404)


def test_an_empty_message_is_refused_with_a_translated_error(login, world, in_review):
    client = login(world["reviewer_a"])
    detail = reverse("enrolment:application_detail", args=[in_review.pk])
    response = client.post(detail, {"body": "   "})
    assert response.status_code == 400
    assert "Dit is een verplicht veld" in response.content.decode()


# --- Timeline and versions -----------------------------------------------------------------------
def test_the_timeline_shows_every_step_with_who_and_why(client, login, world, awaiting_decision):
    claim_and_run(
        open_task(awaiting_decision, EnrolmentFlow.decide),
        world["office"],
        services.decision_make,
        outcome="changes",
        motivation="Beschrijf hoe u meet.",
    )
    detail = reverse("enrolment:application_detail", args=[awaiting_decision.pk])
    login(world["office"])
    response = client.get(detail)
    kinds = [event.kind for event in response.context["timeline"]]
    assert kinds == ["submitted", "intake_complete", "reviewed", "reviewed", "changes_requested"]
    content = response.content.decode()
    assert "Sterke aanvraag." in content and "Beschrijf hoe u meet." in content
    assert str(world["office"]) in content

    # The region sees its steps and the decision's motivation, not the reviews.
    login(awaiting_decision.applicant)
    response = client.get(detail)
    assert [e.kind for e in response.context["timeline"]] == ["submitted", "intake_complete", "changes_requested"]
    content = response.content.decode()
    assert "Beschrijf hoe u meet." in content and "Sterke aanvraag." not in content


def test_every_version_is_kept_and_readable(client, login, world, awaiting_decision):
    applicant = awaiting_decision.applicant
    claim_and_run(
        open_task(awaiting_decision, EnrolmentFlow.decide),
        world["office"],
        services.decision_make,
        outcome="changes",
        motivation="Scherper graag.",
    )
    awaiting_decision.refresh_from_db()
    services.application_save(application=awaiting_decision, user=applicant, data={"ambition": "Versie twee."})
    services.application_submit(application=awaiting_decision, user=applicant)
    for user in (applicant, world["office"], world["reviewer_b"]):
        login(user)
        one = client.get(reverse("enrolment:version_detail", args=[awaiting_decision.pk, 1]))
        two = client.get(reverse("enrolment:version_detail", args=[awaiting_decision.pk, 2]))
        assert one.status_code == two.status_code == 200
        assert "Elk kind krijgt binnen twee weken" in one.content.decode()
        assert "Versie twee." in two.content.decode()
    login(world["team_b"])
    assert client.get(reverse("enrolment:version_detail", args=[awaiting_decision.pk, 1])).status_code == 403


# --- The list with filters, the inbox with due dates ------------------------------------------------
@pytest.fixture
def several(world, applicant, in_review):
    """Besides ``in_review`` (reviewed by A and B): a submitted one, and one reviewed by B only."""
    from tests.conftest import make_user
    from tests.workflows.enrolment.conftest import fill

    made = {"in_review": in_review}
    for key, reviewers in (("submitted", None), ("only_b", [world.org_b])):
        person = make_user(f"aanvrager-{key}")
        application = services.application_create(applicant=person, region_name=f"Regio {key}")
        fill(application, person)
        services.application_submit(application=application, user=person)
        if reviewers:
            claim_and_run(
                open_task(application, EnrolmentFlow.intake),
                world["office"],
                services.intake_complete,
                organisations=reviewers,
                connector=reviewers[0],
            )
        made[key] = EnrolmentApplication.objects.get(pk=application.pk)
    old = timezone.now() - timedelta(days=40)
    EnrolmentApplication.objects.filter(pk=made["submitted"].pk).update(submitted_at=old)
    return made


def _listed(client, query=""):
    response = client.get(reverse("enrolment:application_list") + query)
    assert response.status_code == 200
    return {a.region.name for a in response.context["applications"]}


def test_the_list_filters_by_status_region_organisation_and_date(login, world, several):
    client = login(world["office"])
    everything = {"Drechtsteden", "Regio submitted", "Regio only_b"}
    assert _listed(client) == everything
    assert _listed(client, "?status=submitted") == {"Regio submitted"}
    assert _listed(client, f"?region={several['only_b'].region_id}") == {"Regio only_b"}
    assert _listed(client, f"?organisation={world.org_a.pk}") == {"Drechtsteden"}
    assert _listed(client, f"?organisation={world.org_b.pk}") == {"Drechtsteden", "Regio only_b"}
    recent = (timezone.now() - timedelta(days=10)).date().isoformat()
    assert _listed(client, f"?submitted_after={recent}") == {"Drechtsteden", "Regio only_b"}
    assert _listed(client, f"?submitted_before={recent}") == {"Regio submitted"}
    # Bad input is a translated error on the form, never a 500.
    response = client.get(reverse("enrolment:application_list") + "?submitted_after=gisteren&status=kapot")
    assert response.status_code == 200
    assert response.context["filter"].form.errors


def test_the_list_and_its_filter_choices_are_scoped(login, world, several):
    client = login(world["reviewer_a"])
    assert _listed(client) == {"Drechtsteden"}
    response = client.get(reverse("enrolment:application_list"))
    choices = {str(r) for r in response.context["filter"].form.fields["region"].queryset}
    assert choices == {"Drechtsteden"}
    # Asking for another organisation's application by its region gives nothing, not its data.
    assert _listed(client, f"?region={several['only_b'].region_id}") == set()
    client = login(several["submitted"].applicant)
    assert _listed(client) == {"Regio submitted"}
    client = login(world["team_a"])
    assert client.get(reverse("enrolment:application_list")).status_code == 403


def test_the_inbox_shows_due_dates_for_the_right_people_only(login, world, several):
    intake = open_task(several["submitted"], EnrolmentFlow.intake)
    Task.objects.filter(pk=intake.pk).update(created=timezone.now() - timedelta(days=20))

    client = login(world["office"])
    response = client.get(reverse("enrolment:inbox"))
    [task] = response.context["tasks"]
    assert task.pk == intake.pk and task.overdue
    assert task.due.date() == (timezone.now() - timedelta(days=6)).date()  # intake: 14 days
    content = response.content.decode()
    assert task.due.date().isoformat() in content and "te laat" in content

    client = login(world["reviewer_b"])
    tasks = client.get(reverse("enrolment:inbox")).context["tasks"]
    assert sorted(t.process.enrolment_application.region.name for t in tasks) == ["Drechtsteden", "Regio only_b"]
    assert all(not t.overdue and t.due > timezone.now() + timedelta(days=20) for t in tasks)  # review: 21 days

    client = login(world["reviewer_a"])
    tasks = client.get(reverse("enrolment:inbox")).context["tasks"]
    assert [t.process.enrolment_application.region.name for t in tasks] == ["Drechtsteden"]
    # A task a colleague took disappears from the others' inbox.
    core_services.task_claim(task=tasks[0], user=world["connector_a"])
    assert client.get(reverse("enrolment:inbox")).context["tasks"] == []
    assert len(login(world["connector_a"]).get(reverse("enrolment:inbox")).context["tasks"]) == 1


def test_mail_goes_out_on_every_assignment_and_decision(login, world, several, mailoutbox):
    del mail.outbox[:]
    claim_and_run(
        open_task(several["submitted"], EnrolmentFlow.intake),
        world["office"],
        services.intake_complete,
        organisations=[world.org_b],
        connector=world.org_b,
    )
    assert [m.to for m in mailoutbox] == [[world["reviewer_b"].email]]
    assert "Nieuwe beoordeling voor Ledenorganisatie B: Regio submitted" in mailoutbox[0].subject
    reviewer = world["reviewer_b"]
    del mail.outbox[:]

    task = enrolment_access.tasks_for(reviewer).filter(process_id=several["submitted"].process_id, status="NEW").get()
    claim_and_run(task, reviewer, services.review_submit, recommendation="reject", motivation="Te vaag.")
    assert [m.to for m in mailoutbox] == [[world["office"].email]]
    assert "klaar voor besluit" in mailoutbox[0].subject
    del mail.outbox[:]
    claim_and_run(
        open_task(several["submitted"], EnrolmentFlow.decide),
        world["office"],
        services.decision_make,
        outcome="reject",
        motivation="Te vaag uitgewerkt.",
    )
    assert {a for m in mailoutbox for a in m.to} == {several["submitted"].applicant.email}
    assert "Besluit" in mailoutbox[0].subject and "Te vaag uitgewerkt." in mailoutbox[0].body


def test_a_second_click_on_submit_shows_the_application_not_an_error(client, login, world, submitted, applicant):
    """The first click was handled already (fixture `submitted`); the second lands on the application."""
    login(applicant)
    url = reverse("enrolment:application_edit", args=[submitted.pk])
    response = client.post(url, {"action": "submit"}, follow=True)
    assert response.redirect_chain == [(submitted.get_absolute_url(), 302)]
    assert "al ingediend" in response.content.decode()
    assert EnrolmentApplication.objects.get(pk=submitted.pk).versions.count() == 1
    # Someone else posting to it still learns nothing.
    login(world["team_b"])
    assert client.post(url, {"action": "submit"}).status_code in (403, 404)
