"""The contact form (a Wagtail form page): spam protection by honeypot and time check, without any
outside service; what the visitor typed is kept on every error; a good message is stored and mailed."""

import time

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from cms.forms import HONEYPOT_FIELD, MAX_SECONDS, STARTED_FIELD, form_token, form_token_age

GOOD = {"naam": "Sanne de Vries", "e_mailadres": "sanne@example.org", "bericht": "Hoe kan onze regio meedoen?"}


def post(client, page, token=None, **extra):
    data = {**GOOD, STARTED_FIELD: form_token(time.time() - 10) if token is None else token, **extra}
    return client.post(page.url, data)


def test_form_shows_labelled_fields_and_a_hidden_honeypot(client, public_site):
    body = client.get(public_site["form"].url).content.decode()
    assert '<label for="id_naam">Naam' in body
    assert 'type="email" name="e_mailadres"' in body
    assert f'name="{STARTED_FIELD}"' in body and 'type="hidden"' in body
    assert f'<div class="form-honeypot"><label for="id_{HONEYPOT_FIELD}">Laat dit veld leeg' in body


def test_a_good_message_is_stored_and_mailed_without_the_spam_fields(client, public_site):
    response = post(client, public_site["form"])
    assert response.status_code == 200
    assert "Bedankt voor uw bericht." in response.content.decode()
    submission = FormSubmission.objects.get(page=public_site["form"])
    assert submission.form_data == GOOD
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["programmabureau@example.org"]
    assert "Hoe kan onze regio meedoen?" in mail.outbox[0].body
    assert HONEYPOT_FIELD not in mail.outbox[0].body and STARTED_FIELD not in mail.outbox[0].body


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("honeypot", "Uw bericht kon niet worden verstuurd."),
        ("too_fast", "Het formulier werd erg snel verstuurd."),
        ("forged", "Dit formulier stond te lang open."),
        ("missing", "Dit formulier stond te lang open."),
        ("expired", "Dit formulier stond te lang open."),
    ],
)
def test_spam_is_refused_and_what_was_typed_is_kept(client, public_site, case, message):
    extra, token = {}, None
    if case == "honeypot":
        extra = {HONEYPOT_FIELD: "https://spam.example.com"}
    elif case == "too_fast":
        token = form_token()
    elif case == "forged":
        token = form_token(time.time() - 10)[:-2] + "xx"
    elif case == "missing":
        token = ""
    elif case == "expired":
        token = form_token(time.time() - MAX_SECONDS - 60)
    response = post(client, public_site["form"], token=token, **extra)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="error-summary" role="alert"' in body
    assert message in body
    assert 'value="Sanne de Vries"' in body and "Hoe kan onze regio meedoen?</textarea>" in body
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []


def test_a_stale_form_gets_a_fresh_token_so_sending_again_works(client, public_site):
    response = post(client, public_site["form"], token="")
    fresh = response.context["form"].data[STARTED_FIELD]
    age = form_token_age(fresh)
    assert age is not None and age < 5


def test_missing_fields_are_listed_in_the_error_summary_and_the_rest_is_kept(client, public_site):
    response = post(client, public_site["form"], e_mailadres="geen-adres", naam="")
    body = response.content.decode()
    assert '<a href="#id_naam">Naam: Dit is een verplicht veld.</a>' in body
    assert 'href="#id_e_mailadres">E-mailadres: Voer een geldig e-mailadres in.' in body
    assert 'value="geen-adres"' in body and "Hoe kan onze regio meedoen?</textarea>" in body
    assert 'aria-invalid="true"' in body
    assert not FormSubmission.objects.exists()


def test_token_age_is_none_for_rubbish():
    for rubbish in ["", "abc", None, "eyJ0IjoxfQ:1:2"]:
        assert form_token_age(rubbish) is None
