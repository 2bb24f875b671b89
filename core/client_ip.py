"""The address a request came from, for admin sign-in throttling (django-axes).

Behind a TLS-terminating proxy every request arrives from the proxy, so locking "this username
from this address" would lock that editor out for everyone. With DJANGO_PROXY_COUNT=N (the
number of proxies in front of the app, each appending to X-Forwarded-For), the client is the
N-th address from the right of that header: the one the nearest trusted proxy saw. Addresses
further left are whatever the client claimed and are never used, so a client cannot pick its
own address to dodge the lock. With no proxies (the default) the socket's address is used.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    count = getattr(settings, "PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote  # did not come through the configured proxies
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
