from unittest import mock

import pytest
from django.db import DatabaseError, OperationalError, connection

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "no-cache" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("error", [OperationalError, DatabaseError])
def test_healthz_is_503_when_the_database_fails(client, error):
    with mock.patch.object(
        connection, "ensure_connection", side_effect=error("connection refused")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert b"database" in response.content
    assert "no-store" in response["Cache-Control"]


def test_healthz_503_when_a_kept_connection_has_died(client):
    with mock.patch.object(connection, "is_usable", return_value=False):
        response = client.get("/healthz")
    assert response.status_code == 503


def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405
