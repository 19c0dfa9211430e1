"""Access rules for the enrolment URLs, used by the project-wide URL walk (tests/test_url_access.py).

The applications are built lazily on the walk's world: on side A one in review by organisation A
(its intake done), one awaiting a decision and one returned for changes; on side B one in review by
organisation B.
"""

from __future__ import annotations

from viewflow.workflow.models import Task

from regions import access
from workflows.enrolment import services
from workflows.enrolment.flows import EnrolmentFlow
from workflows.enrolment.models import EnrolmentApplication

ANONYMOUS = "anonymous"
LOGIN = "login"
STAFF = {"office", "admin"}
COALITION = {"reviewer_a", "reviewer_b", "connector_a"}
ORG_A = {"reviewer_a", "connector_a"}
ORG_B = {"reviewer_b"}
MAY_START = {"team_a", "team_b", "admin", "knowledge_a", "no_role"}


def _build(world):
    from tests.conftest import make_user
    from tests.workflows.enrolment.conftest import claim_and_run, fill, open_task, open_task_for

    if hasattr(world, "enrolment"):
        return world.enrolment
    apps = {}
    specs = [("review_a", world.org_a), ("decide_a", world.org_a), ("revise_a", world.org_a), ("review_b", world.org_b)]
    for key, organisation in specs:
        person = make_user(f"walk-{key}")
        application = services.application_create(applicant=person, region_name=f"Walk {key}")
        fill(application, person)
        services.application_submit(application=application, user=person)
        task = open_task(application, EnrolmentFlow.intake)
        claim_and_run(
            task, world["office"], services.intake_complete, organisations=[organisation], connector=organisation
        )
        if key != "review_b" and key != "review_a":
            reviewer = world["reviewer_a"]
            claim_and_run(
                open_task_for(application, reviewer),
                reviewer,
                services.review_submit,
                recommendation="accept",
                motivation="Goed.",
            )
        if key == "revise_a":
            claim_and_run(
                open_task(application, EnrolmentFlow.decide),
                world["office"],
                services.decision_make,
                outcome="changes",
                motivation="Meer over de activiteiten graag.",
            )
        apps[key] = EnrolmentApplication.objects.get(pk=application.pk)
    world.enrolment = apps
    # Forget what the walk's users cached about access while the world was built.
    for user in world.users.values():
        access.forget_cached_access(user)
    return apps


def _application(side):
    return lambda world, side_=side: {"pk": _build(world)[f"review_{side_}"].pk}


def _task(key, node_name):
    def kwargs(world, side):
        application = _build(world)[key]
        node = getattr(EnrolmentFlow, node_name)
        task = Task.objects.filter(process_id=application.process_id, flow_task=node).order_by("-pk").first()
        return {"process_pk": application.process_id, "task_pk": task.pk}

    return kwargs


def application_page(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    if user in STAFF or (side == "a" and user in ORG_A) or (side == "b" and user in ORG_B):
        return {200}
    return {404} if user in COALITION else {403}


def application_edit(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    return {404} if user in STAFF | COALITION else {403}


def enrolment_page(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    return {200} if user in STAFF | COALITION else {403}


def start_page(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    return {200} if user in MAY_START else {403}


def invite_page(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    return {200} if user in STAFF else {403}


def task_page(may_act):
    def expected(user, side):
        if user == ANONYMOUS:
            return {LOGIN}
        return {200} if user in may_act else {404}

    return expected


def register_page(user, side):
    return {200} if user == ANONYMOUS else {302}


def rules(Rule):
    """The rules, built with the URL walk's own Rule class."""
    return {
        "enrolment:inbox": Rule(enrolment_page),
        "enrolment:application_list": Rule(enrolment_page),
        "enrolment:application_start": Rule(start_page),
        "enrolment:application_detail": Rule(
            application_page, lambda w, s: {"pk": _build(w)[f"review_{s}"].pk}, ("a", "b")
        ),
        "enrolment:application_edit": Rule(
            application_edit, lambda w, s: {"pk": _build(w)[f"review_{s}"].pk}, ("a", "b")
        ),
        "enrolment:version_detail": Rule(
            application_page, lambda w, s: {"pk": _build(w)[f"review_{s}"].pk, "number": 1}, ("a", "b")
        ),
        "enrolment:invite": Rule(invite_page),
        "enrolment:register": Rule(register_page),
        "enrolment:register_done": Rule(lambda user, side: {200}),
        "enrolment:register_confirm": Rule(lambda user, side: {400}, lambda w, s: {"uidb64": "MQ", "token": "x-y"}),
        "enrolment:enrolment:intake:execute": Rule(task_page(STAFF), _task("review_a", "intake")),
        "enrolment:enrolment:review:execute": Rule(task_page(ORG_A), _task("review_a", "review")),
        "enrolment:enrolment:decide:execute": Rule(task_page(STAFF), _task("decide_a", "decide")),
        "enrolment:enrolment:revise:execute": Rule(task_page(set()), _task("revise_a", "revise")),
    }
