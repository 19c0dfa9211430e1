"""Writes of the enrolment process: the application, its steps and comments. Every step of a task
runs under the process lock on a freshly read task (workflows.core.services): two people acting on
the same task at once, or a form posted twice, give one transition and a TaskNotAvailable for the
other. Accounts of applicants (registration, invitation) are in workflows.enrolment.registration."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from viewflow.workflow.models import Task
from wagtail.log_actions import log

from cms.region_pages import region_page_ensure
from regions import services as region_services
from regions.access import forget_cached_access
from regions.models import Organisation, Region, RegionDocument, User
from workflows.core.services import TaskNotAvailable, record_submit, task_complete
from workflows.enrolment import notifications
from workflows.enrolment.flows import EnrolmentFlow
from workflows.enrolment.models import (
    MAX_REVIEWERS,
    ApplicationEvent,
    ApplicationVersion,
    Comment,
    EnrolmentApplication,
    Review,
)

Status = EnrolmentApplication.Status


def region_name_check(name: str, *, exclude_region: Region | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"region_name": _("Enter the name of the region.")})
    taken = Region.objects.filter(name__iexact=name)
    if exclude_region is not None:
        taken = taken.exclude(pk=exclude_region.pk)
    if taken.exists():
        raise ValidationError({"region_name": _("A region with this name already exists.")})
    return name


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "regio"
    slug, number = base, 2
    while Region.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


# --- The application -------------------------------------------------------------------------------
@transaction.atomic
def application_create(*, applicant: User, region_name: str) -> EnrolmentApplication:
    """A draft application with its region (status applicant) for ``applicant``."""
    name = region_name_check(region_name)
    region = Region.objects.create(name=name, slug=_unique_slug(name), status=Region.Status.APPLICANT)
    application = EnrolmentApplication.objects.create(region=region, applicant=applicant)
    log(region, "enrolment.application_create", user=applicant, data={"application": application.pk})
    forget_cached_access(applicant)
    return application


def _locked(application: EnrolmentApplication) -> EnrolmentApplication:
    return EnrolmentApplication.objects.select_for_update().select_related("region").get(pk=application.pk)


@transaction.atomic
def application_save(*, application: EnrolmentApplication, user: User, data: dict, files=()) -> EnrolmentApplication:
    """Store the form's values (a draft may be incomplete) and any uploaded documents."""
    application = _locked(application)
    if application.applicant_id != user.pk or not application.is_editable:
        raise ValidationError(_("This application cannot be changed now."))
    region = application.region
    name = region_name_check(data.get("region_name", region.name), exclude_region=region)
    if region.name != name:
        region.name = name
        region.save(update_fields=["name", "updated_at"])
    for field in (
        "partners",
        "development_question",
        "public_summary",
        "ambition",
        "activities",
        "verbinder_1_name",
        "verbinder_1_email",
        "verbinder_2_name",
        "verbinder_2_email",
    ):
        if field in data:
            setattr(application, field, data[field] or "")
    application.save()
    for field in ("municipalities", "samenwerkingsverbanden", "advices"):
        if field in data:
            getattr(application, field).set(data[field])
    for uploaded in files:
        region_services.region_document_add(region=region, uploaded_file=uploaded, user=user)
    return application


@transaction.atomic
def application_document_remove(*, application: EnrolmentApplication, user: User, document_id: int) -> None:
    application = _locked(application)
    if application.applicant_id != user.pk or not application.is_editable:
        raise ValidationError(_("This application cannot be changed now."))
    document = RegionDocument.objects.filter(region=application.region, pk=document_id).first()
    if document is not None:
        document.file.delete(save=False)
        document.delete()
        log(application.region, "enrolment.document_remove", user=user, data={"document": document_id})


def application_missing(application: EnrolmentApplication) -> list[str]:
    """What still has to be filled in before the application can be submitted (translated)."""
    missing = []
    if not application.municipalities.exists():
        missing.append(_("at least one municipality"))
    if not application.development_question.strip():
        missing.append(_("the development question"))
    if not application.advices.exists():
        missing.append(_("at least one advice"))
    if not application.ambition.strip():
        missing.append(_("the ambition"))
    if not application.activities.strip():
        missing.append(_("the planned activities"))
    if not (application.verbinder_1_name.strip() and application.verbinder_1_email.strip()):
        missing.append(_("the name and e-mail address of the first verbinder"))
    return missing


def _snapshot(application: EnrolmentApplication) -> dict:
    return {
        "region_name": application.region.name,
        "municipalities": [str(m) for m in application.municipalities.all()],
        "samenwerkingsverbanden": [str(s) for s in application.samenwerkingsverbanden.all()],
        "partners": application.partners,
        "development_question": application.development_question,
        "public_summary": application.public_summary,
        "advices": [str(a) for a in application.advices.all()],
        "ambition": application.ambition,
        "activities": application.activities,
        "verbinders": [
            {"name": name, "email": email}
            for name, email in (
                (application.verbinder_1_name, application.verbinder_1_email),
                (application.verbinder_2_name, application.verbinder_2_email),
            )
            if name or email
        ],
        "documents": [{"id": d.pk, "name": d.name} for d in application.region.documents.all()],
    }


def application_submit(*, application: EnrolmentApplication, user: User) -> EnrolmentApplication:
    """Submit a draft (starts the process) or resubmit a returned application (completes the
    revision task). The submitted data is kept as a new version."""
    if application.process_id is None:
        with transaction.atomic():
            application = _locked(application)
            _submit_checks(application, user, Status.DRAFT)
            _new_version(application, user, ApplicationEvent.Kind.SUBMITTED)
            EnrolmentFlow.start.run(record=application)
        return application

    def do(task, application, activation):
        _submit_checks(application, user, Status.CHANGES_REQUESTED)
        _new_version(application, user, ApplicationEvent.Kind.RESUBMITTED)
        return application

    return record_submit(record=application, user=user, node=EnrolmentFlow.revise, do=do)


def _submit_checks(application, user, status):
    if application.applicant_id != user.pk:
        raise TaskNotAvailable
    if application.status != status:
        raise TaskNotAvailable
    missing = application_missing(application)
    if missing:
        raise ValidationError(_("Before you submit, fill in: %(missing)s.") % {"missing": ", ".join(missing)})


def _new_version(application, user, kind):
    application.round += 1
    application.status = Status.SUBMITTED
    application.submitted_at = timezone.now()
    application.save(update_fields=["round", "status", "submitted_at", "updated_at"])
    ApplicationVersion.objects.create(
        application=application, number=application.round, data=_snapshot(application), submitted_by=user
    )
    ApplicationEvent.objects.create(application=application, kind=kind, actor=user, round=application.round)
    log(application.region, f"enrolment.{kind}", user=user, data={"application": application.pk})


# --- Tasks -------------------------------------------------------------------------------------------
def intake_complete(*, task: Task, user: User, organisations, connector: Organisation, motivation: str = ""):
    """The application is complete: assign 1 to 3 coalition member organisations, one as coalitieverbinder."""
    organisations = list(dict.fromkeys(organisations))
    if not 1 <= len(organisations) <= MAX_REVIEWERS:
        raise ValidationError(_("Assign one to three coalition member organisations."))
    if any(o.kind != Organisation.Kind.COALITION_MEMBER for o in organisations):
        raise ValidationError(_("Only coalition member organisations can review."))
    if connector not in organisations:
        raise ValidationError(_("The coalitieverbinder must be one of the assigned organisations."))

    def do(task, application, activation):
        for organisation in organisations:
            Review.objects.create(
                application=application,
                round=application.round,
                organisation=organisation,
                is_connector=organisation == connector,
            )
        application.status = Status.IN_REVIEW
        application.save(update_fields=["status", "updated_at"])
        ApplicationEvent.objects.create(
            application=application,
            kind=ApplicationEvent.Kind.INTAKE_COMPLETE,
            actor=user,
            round=application.round,
            detail=", ".join(o.display_name for o in organisations),
            motivation=motivation,
        )
        activation.process.intake_outcome = "complete"
        activation.process.save()
        log(application.region, "enrolment.intake", user=user, data={"outcome": "complete"})

    return task_complete(task=task, user=user, node=EnrolmentFlow.intake, do=do)


def intake_incomplete(*, task: Task, user: User, motivation: str):
    """The application is not complete: back to the region with a message."""
    if not (motivation or "").strip():
        raise ValidationError(_("Tell the region what is missing."))

    def do(task, application, activation):
        ApplicationEvent.objects.create(
            application=application,
            kind=ApplicationEvent.Kind.INTAKE_INCOMPLETE,
            actor=user,
            round=application.round,
            motivation=motivation,
        )
        activation.process.intake_outcome = "incomplete"
        activation.process.save()
        log(application.region, "enrolment.intake", user=user, data={"outcome": "incomplete"})

    return task_complete(task=task, user=user, node=EnrolmentFlow.intake, do=do)


def _review_link_task(task: Task) -> Review:
    """Link a new review task to the next review of the round that has no task yet."""
    application = EnrolmentApplication.objects.get(process_id=task.process_id)
    review = (
        Review.objects.select_for_update()
        .filter(application=application, round=application.round, task__isnull=True)
        .order_by("-is_connector", "pk")
        .first()
    )
    review.task = task
    review.save(update_fields=["task"])
    return review


def review_submit(*, task: Task, user: User, recommendation: str, motivation: str) -> Review:
    """An assigned organisation's recommendation with its motivation."""
    if recommendation not in Review.Recommendation.values:
        raise ValidationError(_("Choose a recommendation."))
    if not (motivation or "").strip():
        raise ValidationError(_("Give a motivation."))

    def do(task, application, activation):
        review = Review.objects.select_for_update().get(task=task)
        review.reviewer = user
        review.recommendation = recommendation
        review.motivation = motivation
        review.submitted_at = timezone.now()
        review.save()
        ApplicationEvent.objects.create(
            application=application,
            kind=ApplicationEvent.Kind.REVIEWED,
            actor=user,
            organisation=review.organisation,
            round=application.round,
            detail=recommendation,
            motivation=motivation,
        )
        log(application.region, "enrolment.review", user=user, data={"recommendation": recommendation})
        return review

    return task_complete(task=task, user=user, node=EnrolmentFlow.review, do=do)


DECISIONS = ("accept", "reject", "changes")


def decision_make(*, task: Task, user: User, outcome: str, motivation: str) -> EnrolmentApplication:
    """The programme office decides. On accept the region becomes active, its applicant joins the
    team, the coalitieverbinder's organisation is paired and the public region page is published."""
    if outcome not in DECISIONS:
        raise ValidationError(_("Choose a decision."))
    if outcome in ("reject", "changes") and not (motivation or "").strip():
        raise ValidationError(_("Give a motivation."))

    def do(task, application, activation):
        activation.process.decision_outcome = outcome
        activation.process.save()
        log(application.region, "enrolment.decision", user=user, data={"outcome": outcome})
        kind = {
            "accept": ApplicationEvent.Kind.ACCEPTED,
            "reject": ApplicationEvent.Kind.REJECTED,
            "changes": ApplicationEvent.Kind.CHANGES_REQUESTED,
        }[outcome]
        ApplicationEvent.objects.create(
            application=application, kind=kind, actor=user, round=application.round, motivation=motivation
        )
        if outcome == "accept":
            _accept(application, user)
        if outcome in ("accept", "reject"):
            application.status = Status.ACCEPTED if outcome == "accept" else Status.REJECTED
            application.decided_at = timezone.now()
            application.save(update_fields=["status", "decided_at", "updated_at"])
            notifications.decision_made(application=application, outcome=outcome, motivation=motivation)
        return application

    return task_complete(task=task, user=user, node=EnrolmentFlow.decide, do=do)


def _accept(application: EnrolmentApplication, user: User) -> None:
    region = application.region
    region.development_question = application.development_question
    region.summary = application.public_summary
    region.save(update_fields=["development_question", "summary", "updated_at"])
    region.municipalities.set(application.municipalities.all())
    region.samenwerkingsverbanden.set(application.samenwerkingsverbanden.all())
    region_services.region_set_status(region=region, status=Region.Status.ACTIVE, by=user)
    verbinder_emails = {e.lower() for e in (application.verbinder_1_email, application.verbinder_2_email) if e}
    applicant = application.applicant
    region_services.region_add_member(
        region=region, user=applicant, is_verbinder=applicant.email.lower() in verbinder_emails, by=user
    )
    for person in User.objects.filter(email__in=verbinder_emails, is_active=True).exclude(pk=applicant.pk)[:2]:
        region_services.region_add_member(region=region, user=person, is_verbinder=True, by=user)
    connector_review = application.reviews.filter(round=application.round, is_connector=True).first()
    if connector_review is not None:
        region_services.region_pair_organisation(region=region, organisation=connector_review.organisation, by=user)
    region_page_ensure(region=region, publish=True, user=user)


def task_created(task: Task) -> None:
    """A new human task: a review task is linked to its organisation's review, the application now
    waits for the task, and the people who can take it hear so."""
    if task.flow_task == EnrolmentFlow.review:
        _review_link_task(task)
    application = EnrolmentApplication.objects.select_related("region", "applicant").get(process_id=task.process_id)
    waiting = {
        EnrolmentFlow.intake: Status.SUBMITTED,
        EnrolmentFlow.decide: Status.AWAITING_DECISION,
        EnrolmentFlow.revise: Status.CHANGES_REQUESTED,
    }.get(task.flow_task)
    if waiting is not None and application.status != waiting:
        application.status = waiting
        application.save(update_fields=["status", "updated_at"])
    notifications.task_created(task=task, application=application)


# --- Comments ---------------------------------------------------------------------------------------
@transaction.atomic
def comment_add(*, application: EnrolmentApplication, user: User, body: str, internal: bool) -> Comment:
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write a message."))
    comment = Comment.objects.create(application=application, author=user, body=body, internal=internal)
    log(application.region, "enrolment.comment", user=user, data={"comment": comment.pk, "internal": internal})
    return comment
