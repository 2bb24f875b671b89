"""Admin login throttling (django-axes): 5 failures lock one username from one IP
for 15 minutes; other editors and other addresses are unaffected."""

from datetime import timedelta
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

PASSWORD = "correct-Horse-battery-9"
ATTACKER_IP = "203.0.113.7"
LOGIN = reverse("admin:login")
pytestmark = pytest.mark.django_db


@pytest.fixture
def editors():
    return [
        get_user_model().objects.create_superuser(name, f"{name}@example.org", PASSWORD)
        for name in ("alice", "bob")
    ]


def attempt(client, username, password, ip=ATTACKER_IP):
    return client.post(
        f"{LOGIN}?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def fail_until_locked(client, username):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, username, "wrong-password")


def test_configuration_matches_the_policy():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_RESET_ON_SUCCESS is True


def test_failures_below_the_limit_still_allow_the_right_password(client, editors):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "alice", "wrong-password")
        assert response.status_code == 200  # the login form again, with an error
    response = attempt(client, "alice", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_five_failures_lock_that_username_from_that_ip(client, editors):
    fail_until_locked(client, "alice")
    response = attempt(client, "alice", PASSWORD)
    assert response.status_code == 429
    content = response.content.decode()
    assert "Too many sign-in attempts" in content
    assert "about 15 minutes" in content
    assert "_auth_user_id" not in client.session


def test_lock_does_not_spread_to_other_editors_or_addresses(client, editors):
    fail_until_locked(client, "alice")
    other_user = attempt(client, "bob", PASSWORD)
    assert other_user.status_code == 302
    client.logout()
    other_ip = attempt(client, "alice", PASSWORD, ip="198.51.100.20")
    assert other_ip.status_code == 302


def test_lock_lifts_by_itself_after_the_cool_off(client, editors):
    fail_until_locked(client, "alice")
    assert attempt(client, "alice", PASSWORD).status_code == 429

    # Move axes' clock (not the records) past the cool-off.
    later = timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(seconds=1)
    with mock.patch("axes.handlers.proxy.now", return_value=later):
        response = attempt(client, "alice", PASSWORD)
    assert response.status_code == 302


def test_lock_holds_just_before_the_cool_off_ends(client, editors):
    fail_until_locked(client, "alice")
    almost = timezone.now() + settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    with mock.patch("axes.handlers.proxy.now", return_value=almost):
        response = attempt(client, "alice", PASSWORD)
    assert response.status_code == 429


def test_success_clears_earlier_failures(client, editors):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "alice", "wrong-password")
    assert attempt(client, "alice", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="alice").exists()


def forwarded_attempt(client, username, password, *, forwarded_for, proxy="10.0.0.2"):
    return client.post(
        f"{LOGIN}?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_behind_a_proxy_the_lock_is_on_the_client_not_the_proxy(client, editors, settings):
    """With DJANGO_PROXY_COUNT=1, an attacker locks alice out from its own address only."""
    settings.PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        forwarded_attempt(client, "alice", "wrong-password", forwarded_for=ATTACKER_IP)
    locked = forwarded_attempt(client, "alice", PASSWORD, forwarded_for=ATTACKER_IP)
    assert locked.status_code == 429
    # The same proxy forwarding alice's own address: she signs in.
    client.logout()
    ok = forwarded_attempt(client, "alice", PASSWORD, forwarded_for="198.51.100.20")
    assert ok.status_code == 302


def test_a_spoofed_forwarded_address_does_not_escape_the_lock(client, editors, settings):
    """Only the address the trusted proxy appended counts; what the client wrote is ignored."""
    settings.PROXY_COUNT = 1
    for n in range(settings.AXES_FAILURE_LIMIT):
        spoof = f"192.0.2.{n}, {ATTACKER_IP}"  # client-written entry, then the proxy's
        forwarded_attempt(client, "alice", "wrong-password", forwarded_for=spoof)
    again = forwarded_attempt(client, "alice", PASSWORD, forwarded_for=f"192.0.2.99, {ATTACKER_IP}")
    assert again.status_code == 429


def test_without_a_configured_proxy_the_header_is_ignored(client, editors):
    for n in range(settings.AXES_FAILURE_LIMIT):
        forwarded_attempt(client, "alice", "wrong-password", forwarded_for=f"192.0.2.{n}")
    # Every attempt came from the socket address 10.0.0.2, so that pair is locked.
    assert (
        forwarded_attempt(client, "alice", PASSWORD, forwarded_for="192.0.2.50").status_code == 429
    )
