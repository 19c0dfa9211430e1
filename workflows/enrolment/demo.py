"""Demo data for the enrolment workflow: one application in every state, so a new user sees the whole
process at once (draft, awaiting intake, in review with one review given, awaiting a decision,
returned for changes with two versions, accepted, rejected).

Everything is built through the real services (workflows.enrolment.services), as the demo accounts of
regions.demo would do it: the applicants are new demo region coordinators (one per application),
the programme office does intake and decisions, the coalition reviewers review. Afterwards each
application's timestamps are moved back in time, so the inbox shows realistic (and some overdue)
due dates and the date filters have something to filter. Idempotent: an application that exists
already (found by its applicant) is left alone.

Regions are real cities from the municipality reference data, outside the first round; people
are invented (example.org addresses).
"""

from __future__ import annotations

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import F
from viewflow.workflow.models import Process, Task
from viewflow.workflow.status import STATUS

from learning.models import Advice
from regions import demo as regions_demo
from regions.models import Municipality, User
from workflows.core.services import task_claim
from workflows.enrolment import services
from workflows.enrolment.flows import EnrolmentFlow
from workflows.enrolment.models import ApplicationEvent, ApplicationVersion, Comment, EnrolmentApplication, Review

OFFICE = "programmabureau"

# username, first name, last name, region (= municipality), state, days ago it started
APPLICANTS = [
    ("aanvrager-zwolle", "Zara", "Zwiers", "Zwolle", "draft", 3),
    ("aanvrager-groningen", "Gerrit", "Huizinga", "Groningen", "submitted", 20),
    ("aanvrager-eindhoven", "Eva", "van Dijk", "Eindhoven", "in_review", 24),
    ("aanvrager-nijmegen", "Noah", "Peters", "Nijmegen", "awaiting_decision", 35),
    ("aanvrager-rotterdam", "Romano", "Vermeulen", "Rotterdam", "changes_requested", 60),
    ("aanvrager-amsterdam", "Anouk", "de Graaf", "Amsterdam", "accepted", 80),
    ("aanvrager-arnhem", "Arjen", "Hofman", "Arnhem", "rejected", 70),
]

# region -> (reviewers as (username, recommendation, motivation); the first one's organisation is the
# coalitieverbinder). A recommendation of None means the review is not given yet.
REVIEWS = {
    "Eindhoven": [
        ("beoordelaar-poraad", "accept", "Heldere ontwikkelvraag; de schoolbesturen zijn al aangehaakt."),
        ("beoordelaar-vng", None, ""),
    ],
    "Nijmegen": [
        ("beoordelaar-jeugdzorg", "accept_conditions", "Goed plan; betrek de jeugdhulpaanbieders vanaf de start."),
        ("beoordelaar-ouders", "accept", "Ouders en jongeren hebben een vaste plek in de werkgroep. Sterk."),
    ],
    "Rotterdam": [
        ("beoordelaar-vng", "accept_conditions", "Maak de ambitie meetbaar: wat is er over een jaar anders?"),
    ],
    "Amsterdam": [
        ("beoordelaar-vng", "accept", "Brede coalitie van stadsdelen, besturen en jeugdhulp. Van harte aanbevolen."),
        ("beoordelaar-jeugdzorg", "accept", "De aanpak van de ondersteuningsteams sluit aan op advies 1."),
    ],
    "Arnhem": [
        ("beoordelaar-ouders", "reject", "Ouders en kinderen komen in de aanpak nergens voor."),
    ],
}

QUESTIONS = {
    "Zwolle": "Hoe krijgt elke school in Zwolle een vast aanspreekpunt jeugdhulp?",
    "Groningen": "Hoe maken we thuiszitten in de stad Groningen binnen drie maanden zichtbaar en bespreekbaar?",
    "Eindhoven": "Hoe bouwen we vanuit de wijkteams een onderwijs-zorgarrangement op elke vo-school?",
    "Nijmegen": "Hoe betrekken we ouders en jongeren bij de afspraken tussen scholen en het sociaal wijkteam?",
    "Rotterdam": "Hoe verminderen we vrijstellingen 5a door maatwerk tussen onderwijs en zorg?",
    "Amsterdam": "Hoe werken ouder- en kindteams en scholen in elk stadsdeel als één team rond het kind?",
    "Arnhem": "Hoe brengen we de budgetten van gemeente en samenwerkingsverbanden samen?",
}


def _pdf(text: str) -> bytes:
    """A small valid one-page PDF (the demo's supporting document)."""
    content = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _person(username: str) -> User:
    return User.objects.get(username=username)


def _open_task(application, node, user=None) -> Task:
    tasks = Task.objects.filter(process_id=application.process_id, flow_task=node, status=STATUS.NEW)
    if user is not None and node == EnrolmentFlow.review:
        tasks = tasks.filter(enrolment_review__organisation_id=user.organisation_id)
    return tasks.order_by("pk").first()


def _do(task: Task, user: User, service, **kwargs):
    """Take the task and complete it, as the user would in the portal."""
    task_claim(task=task, user=user)
    task.refresh_from_db()
    return service(task=task, user=user, **kwargs)


def _fill(application, applicant, region_name: str, *, complete: bool = True) -> EnrolmentApplication:
    municipality = Municipality.objects.get(name=region_name)
    advices = list(Advice.objects.filter(is_core=True))
    if region_name in ("Nijmegen", "Amsterdam"):
        advices += list(Advice.objects.filter(number=3))
    data = {
        "region_name": region_name,
        "municipalities": [municipality],
        "partners": f"Gemeente {region_name}\nSchoolbesturen primair en voortgezet onderwijs\n"
        f"Jeugdhulpaanbieders regio {region_name}",
        "development_question": QUESTIONS[region_name],
        "public_summary": f"In {region_name} werken gemeente, scholen en jeugdhulp samen aan één aanpak rond elk "
        "kind, met de twee kernadviezen als vertrekpunt.",
        "advices": advices,
        "ambition": (
            f"Over twee jaar heeft elke school in {region_name} een vast team van onderwijs en jeugdhulp."
            if complete
            else ""
        ),
        "activities": "Werkateliers per wijk, een gezamenlijk ondersteuningsteam en halfjaarlijkse monitoring."
        if complete
        else "",
        "verbinder_1_name": f"{applicant.first_name} {applicant.last_name}",
        "verbinder_1_email": applicant.email,
        "verbinder_2_name": "",
        "verbinder_2_email": "",
    }
    return services.application_save(application=application, user=applicant, data=data)


def _intake(application, office, reviewers):
    organisations = [_person(username).organisation for username, *_rest in reviewers]
    _do(
        _open_task(application, EnrolmentFlow.intake),
        office,
        services.intake_complete,
        organisations=organisations,
        connector=organisations[0],
        motivation="Compleet; beoordeling door " + ", ".join(o.display_name for o in organisations) + ".",
    )


def _reviews(application, reviewers):
    for username, recommendation, motivation in reviewers:
        if recommendation is None:
            continue
        reviewer = _person(username)
        _do(
            _open_task(application, EnrolmentFlow.review, reviewer),
            reviewer,
            services.review_submit,
            recommendation=recommendation,
            motivation=motivation,
        )


def _decide(application, office, outcome, motivation=""):
    _do(
        _open_task(application, EnrolmentFlow.decide),
        office,
        services.decision_make,
        outcome=outcome,
        motivation=motivation,
    )


def _resubmit(application, applicant, **changes):
    application.refresh_from_db()
    services.application_save(application=application, user=applicant, data=changes)
    application.refresh_from_db()  # the revision task is assigned to the applicant from the start
    services.application_submit(application=application, user=applicant)


def _build_one(username, region_name, state, office) -> EnrolmentApplication:
    applicant = _person(username)
    application = services.application_create(applicant=applicant, region_name=region_name)
    _fill(application, applicant, region_name, complete=state != "draft")
    if state in ("draft", "rejected", "accepted"):
        services.application_save(
            application=application,
            user=applicant,
            data={},
            files=[
                SimpleUploadedFile(
                    f"plan-van-aanpak-{application.region.slug}.pdf",
                    _pdf(f"Plan van aanpak {region_name}"),
                    content_type="application/pdf",
                )
            ],
        )
    if state == "draft":
        return application
    application.refresh_from_db()
    services.application_submit(application=application, user=applicant)
    application.refresh_from_db()
    if state == "submitted":
        return application
    reviewers = REVIEWS[region_name]

    if state == "changes_requested":
        # Round 1: the intake finds it incomplete; round 2: reviewed, and the office asks for changes.
        _do(
            _open_task(application, EnrolmentFlow.intake),
            office,
            services.intake_incomplete,
            motivation="De samenwerkingsverbanden passend onderwijs ontbreken nog. Vult u die aan?",
        )
        _resubmit(
            application,
            applicant,
            partners="Gemeente Rotterdam\nSamenwerkingsverband Passend Onderwijs Rotterdam\n"
            "Koers VO\nJeugdhulpaanbieders Rijnmond",
        )
        _intake(application, office, reviewers)
        _reviews(application, reviewers)
        _decide(application, office, "changes", "Maak de ambitie meetbaar, zoals de beoordelaar vraagt.")
        return application

    _intake(application, office, reviewers)
    _reviews(application, reviewers)
    if state == "in_review":
        return application
    if state == "accepted":
        _decide(application, office, "accept", "Toegelaten op advies van beide beoordelaars.")
    elif state == "rejected":
        _decide(application, office, "reject", "De aanvraag past niet bij de adviezen waar deze ronde om vraagt.")
    return application


def _conversation(application, state, office):
    """A message the region can read, and an internal note it never sees."""
    if state == "in_review":
        reviewer = _person("beoordelaar-poraad")
        services.comment_add(
            application=application,
            user=reviewer,
            body="Welke scholen doen in het eerste jaar mee? Een lijst helpt ons bij het advies.",
            internal=False,
        )
        services.comment_add(
            application=application,
            user=_person(application.applicant.username),
            body="In het eerste jaar doen de twaalf vo-scholen van het samenwerkingsverband mee.",
            internal=False,
        )
        services.comment_add(
            application=application,
            user=office,
            body="Interne notitie: de gemeente heeft ook bij een ander programma aangevraagd; navragen.",
            internal=True,
        )
    elif state == "awaiting_decision":
        services.comment_add(
            application=application,
            user=office,
            body="Interne notitie: besluit in het coalitieoverleg van volgende maand.",
            internal=True,
        )


def _backdate(application, days: int) -> None:
    """Move every timestamp of one application ``days`` back, keeping their order."""
    shift = timedelta(days=days)
    EnrolmentApplication.objects.filter(pk=application.pk).update(
        created_at=F("created_at") - shift,
        updated_at=F("updated_at") - shift,
        submitted_at=F("submitted_at") - shift,
        decided_at=F("decided_at") - shift,
    )
    ApplicationVersion.objects.filter(application=application).update(submitted_at=F("submitted_at") - shift)
    ApplicationEvent.objects.filter(application=application).update(created_at=F("created_at") - shift)
    Comment.objects.filter(application=application).update(created_at=F("created_at") - shift)
    Review.objects.filter(application=application).update(submitted_at=F("submitted_at") - shift)
    if application.process_id:
        Process.objects.filter(pk=application.process_id).update(
            created=F("created") - shift, finished=F("finished") - shift
        )
        Task.objects.filter(process_id=application.process_id).update(
            created=F("created") - shift,
            assigned=F("assigned") - shift,
            started=F("started") - shift,
            finished=F("finished") - shift,
        )


@transaction.atomic
def build() -> dict[str, int]:
    office = _person(OFFICE)
    created = 0
    for username, first, last, region_name, state, days_ago in APPLICANTS:
        organisation = regions_demo.municipality_organisation(region_name)
        applicant = regions_demo.person(username, first, last, organisation)
        if EnrolmentApplication.objects.filter(applicant=applicant).exists():
            continue  # idempotent: built before
        application = _build_one(username, region_name, state, office)
        application.refresh_from_db()
        if application.status != state:
            raise RuntimeError(f"Demo application {region_name} ended as {application.status}, not {state}.")
        _conversation(application, state, office)
        _backdate(application, days_ago)
        created += 1
    return {
        "applications": EnrolmentApplication.objects.count(),
        "new_applications": created,
        "open_tasks": Task.objects.filter(
            process__flow_class=EnrolmentFlow, status__in=[STATUS.NEW, STATUS.ASSIGNED]
        ).count(),
        "versions": ApplicationVersion.objects.count(),
    }
