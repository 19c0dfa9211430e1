"""The portal's dashboard leads each person to the enrolment pages they may use, and only those."""

import pytest
from django.urls import reverse

INBOX = reverse("enrolment:inbox")
LIST = reverse("enrolment:application_list")
START = reverse("enrolment:application_start")
INVITE = reverse("enrolment:invite")


@pytest.mark.parametrize(
    ("who", "links"),
    [
        ("office", {INBOX, LIST, INVITE}),
        ("admin", {INBOX, LIST, START, INVITE}),
        ("reviewer_a", {INBOX, LIST}),
        ("connector_a", {INBOX, LIST}),
        ("team_a", {START}),
        ("editor", set()),
        ("applicant", {INBOX, LIST, START}),
    ],
)
def test_dashboard_links_follow_the_access_rules(client, login, world, who, links, request):
    user = request.getfixturevalue("submitted").applicant if who == "applicant" else world[who]
    login(user)
    response = client.get(reverse("portal:dashboard"))
    assert response.status_code == 200
    content = response.content.decode()
    shown = {url for url in (INBOX, LIST, START, INVITE) if f'href="{url}"' in content}
    assert shown == links
    for url in shown:  # every link shown works for this person
        assert client.get(url).status_code == 200, url


def test_the_dashboard_counts_the_waiting_tasks(client, login, world, submitted):
    login(world["office"])
    assert "1 taak wacht" in client.get(reverse("portal:dashboard")).content.decode()
    login(world["reviewer_a"])
    assert "0 taken wachten" in client.get(reverse("portal:dashboard")).content.decode()
