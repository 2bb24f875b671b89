"""Anonymous throttling: a 429 with Retry-After past settings.API_ANON_RATE requests per client.

Only requests that reach the view count: answers from the page cache cost no database work.
"""

import logging

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

from core.client_ip import client_ip

logger = logging.getLogger(__name__)


class AnonymousThrottle(AnonRateThrottle):
    def get_rate(self):
        # Read per request (not at import, as DRF's class attribute is), so tests and
        # deployments can change it through settings.
        return settings.API_ANON_RATE

    def get_ident(self, request):
        # The same client address as the admin's sign-in lock: DJANGO_PROXY_COUNT decides.
        return client_ip(request)

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception as error:  # the shared cache is down: serve, as the page cache does
            logger.warning("API throttle: the cache failed (%s); request allowed.", error)
            return True
