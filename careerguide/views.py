"""Site-wide plain-text endpoints: the health check and robots.txt; in development, previews
of the site's own error pages."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from . import database
from .cache import service_unavailable

logger = logging.getLogger(__name__)


@never_cache
# HEAD as well as GET: load balancers and uptime checks often probe with HEAD.
@require_safe
def healthz(request):
    """200 "ok" while the database answers; 503 so a load balancer stops sending traffic.

    Within settings.HEALTHZ_DEADLINE on PostgreSQL, however silent the database."""
    try:
        with database.deadline(settings.HEALTHZ_DEADLINE):
            connection.ensure_connection()
            # A kept-alive connection may have died since (the database restarted): drop it
            # and connect again, so the check answers for the database, not a stale socket.
            if not connection.is_usable():
                connection.close()
                connection.ensure_connection()
                if not connection.is_usable():
                    raise DatabaseError("the database connection is not usable")
    except DatabaseError:  # OperationalError and InterfaceError are subclasses.
        logger.exception("Health check: the database did not answer")
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain; charset=utf-8"
        )
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


class RobotsView(TemplateView):
    template_name = "robots.txt"
    query_parameters = ()  # reads no query parameter (careerguide/cache.py)
    content_type = "text/plain; charset=utf-8"


# Development only (careerguide/urls_dev.py): with DEBUG on, Django answers a missing page or an
# error with its technical pages, so the site's own are previewed here, each rendered by the
# handler that renders it in production, with that handler's context and status.


@never_cache
def preview_not_found(request):
    return defaults.page_not_found(request, Http404("Preview of the site's 404 page."))


@never_cache
def preview_server_error(request):
    return defaults.server_error(request)


def preview_unavailable(request):
    return service_unavailable()
