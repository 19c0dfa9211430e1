"""When the database goes away, requests get a friendly 503; when it is back, the site works again."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from tests.factories import PASSWORD


def _database_down(*args, **kwargs):
    raise OperationalError("could not connect to server: Connection refused")


def _outage():
    return mock.patch.multiple(BaseDatabaseWrapper, ensure_connection=_database_down, cursor=_database_down)


@pytest.mark.parametrize(
    ("method", "path", "signed_in"),
    [("get", "/", False), ("get", "/healthz/", False), ("get", "/portal/", True), ("post", "/accounts/login/", False)],
)
def test_outage_gives_503_and_recovers(world, method, path, signed_in):
    client = Client(raise_request_exception=False)
    if signed_in:
        client.force_login(world["team_a"])
    data = {"username": "team_a", "password": PASSWORD} if method == "post" else None
    with _outage():
        response = getattr(client, method)(path, data)
    assert response.status_code == 503
    if path != "/healthz/":
        assert "Even niet beschikbaar" in response.content.decode()
        assert response["Retry-After"] == "30"
    assert getattr(client, method)(path, data).status_code in (200, 302)


def test_other_errors_stay_500(world):
    client = Client(raise_request_exception=False)
    client.force_login(world["team_a"])
    with mock.patch("workflows.core.views.DashboardView.get_context_data", side_effect=ValueError("kapot")):
        response = client.get("/portal/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
