"""core.client_ip: which address a request counts as coming from."""

import pytest
from django.test import RequestFactory

from core.client_ip import client_ip


def request(remote="10.0.0.2", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/admin/login/", **extra)


@pytest.mark.parametrize(
    "count, forwarded, expected",
    [
        (0, "203.0.113.7", "10.0.0.2"),  # no proxy configured: the socket address
        (1, None, "10.0.0.2"),  # configured, but this request skipped the proxy
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "1.2.3.4, 203.0.113.7", "203.0.113.7"),  # the client's own claim is ignored
        (2, "1.2.3.4, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
        (2, "203.0.113.7", "10.0.0.2"),  # fewer hops than proxies: not trusted
        (1, "not-an-address", "10.0.0.2"),
        (1, " 2001:db8::1 ", "2001:db8::1"),
        (1, "1.2.3.4,, ", "1.2.3.4"),
    ],
)
def test_client_ip(settings, count, forwarded, expected):
    settings.PROXY_COUNT = count
    assert client_ip(request(forwarded=forwarded)) == expected
