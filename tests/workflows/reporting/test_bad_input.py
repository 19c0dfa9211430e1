"""Bad input is refused with a Dutch message and everything else typed stays on the page: percentages
outside 0-100, future years, wrong or oversized files, impossible round dates."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from learning.models import Advice
from tests.files import upload
from tests.workflows.reporting.conftest import open_task
from workflows.core.nodes import task_url
from workflows.reporting.flows import ReportingFlow
from workflows.reporting.models import ReportingRound

KEPT = "Scholen en wijkteams overleggen nu elke week."


def _data(**overrides):
    data = {
        "action": "save",
        "next_steps": "Uitbreiden.",
        "indicators-TOTAL_FORMS": "1",
        "indicators-INITIAL_FORMS": "0",
        "indicators-0-school_type": "po",
        "indicators-0-year": "2024",
        "indicators-0-value": "12",
        "indicators-0-source": "Monitor AOJ",
    }
    for advice in Advice.objects.filter(is_core=True):
        data[f"advice-{advice.pk}-changed"] = KEPT
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"indicators-0-value": "101"}, "Zorg ervoor dat deze waarde hoogstens 100 is."),
        ({"indicators-0-value": "-1"}, "Zorg ervoor dat deze waarde minstens 0 is."),
        ({"indicators-0-year": str(datetime.date.today().year + 1)}, "toekomst"),
        ({"indicators-0-source": ""}, "Vul dit veld ook in, of laat de hele regel leeg."),
    ],
)
def test_bad_indicator_values_are_refused_and_the_rest_kept(client, login, opened, overrides, message):
    login(opened["team_a"])
    url = task_url(open_task(opened.report_a, ReportingFlow.fill))
    response = client.post(url, _data(**overrides))
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert KEPT in body and "Uitbreiden." in body
    assert 'class="error-summary"' in body
    opened.report_a.refresh_from_db()
    assert opened.report_a.next_steps == "" and not opened.report_a.indicators.exists()


def test_the_same_school_type_and_year_twice_is_refused(client, login, opened):
    login(opened["team_a"])
    url = task_url(open_task(opened.report_a, ReportingFlow.fill))
    data = _data(
        **{
            "indicators-TOTAL_FORMS": "2",
            "indicators-1-school_type": "po",
            "indicators-1-year": "2024",
            "indicators-1-value": "13",
            "indicators-1-source": "Eigen telling",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Elk schooltype en jaar kan één keer worden gerapporteerd." in response.content.decode()
    assert KEPT in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content"),
    [("bijlage.exe", b"MZ\x90\x00 not a document"), ("bijlage.pdf", b"this is not really a pdf")],
)
def test_wrong_files_are_refused(client, login, opened, name, content):
    login(opened["team_a"])
    url = task_url(open_task(opened.report_a, ReportingFlow.fill))
    response = client.post(url, {**_data(), "appendix": upload(name, content)})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Bijlage (document)" in body and KEPT in body
    assert not opened.report_a.documents.exists()


def test_oversized_files_are_refused(client, login, opened, settings):
    from tests.files import pdf_bytes

    settings.UPLOAD_MAX_BYTES = 1000
    login(opened["team_a"])
    url = task_url(open_task(opened.report_a, ReportingFlow.fill))
    response = client.post(url, {**_data(), "appendix": upload("groot.pdf", pdf_bytes() + b"0" * 2000)})
    assert response.status_code == 400
    assert KEPT in response.content.decode()


def test_a_good_appendix_is_kept_with_the_report(client, login, opened):
    from tests.files import pdf_bytes

    login(opened["team_a"])
    url = task_url(open_task(opened.report_a, ReportingFlow.fill))
    response = client.post(url, {**_data(), "appendix": upload("verslag.pdf", pdf_bytes())})
    assert response.status_code == 302
    assert [d.name for d in opened.report_a.documents.all()] == ["verslag.pdf"]


@pytest.mark.parametrize(
    ("dates", "field", "message"),
    [
        ({"period_end": 40}, "period_end", "De periode kan niet na de uiterste datum eindigen"),
        ({"period_start": 5, "period_end": 1}, "period_end", "De periode kan niet eindigen voordat zij begint."),
        ({"opens_on": 40}, "due_on", "De uiterste datum kan niet vóór de opening van de ronde liggen."),
    ],
)
def test_impossible_round_dates_are_refused(client, login, world, dates, field, message):
    today = timezone.localdate()
    base = {"period_start": -200, "period_end": -10, "opens_on": 0, "due_on": 30}
    base.update(dates)
    login(world["office"])
    data = {
        "name": "Ronde met fouten",
        **{k: (today + datetime.timedelta(days=v)).isoformat() for k, v in base.items()},
    }
    response = client.post(reverse("reports:round_create"), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert 'value="Ronde met fouten"' in body
    assert not ReportingRound.objects.exists()
