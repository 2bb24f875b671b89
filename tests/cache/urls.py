"""The site's URLs plus views that answer the way a page the cache must not keep would."""

import itertools

from django.db import IntegrityError, OperationalError
from django.http import HttpResponse, HttpResponseNotFound
from django.urls import include, path

calls = itertools.count()


def counted(request):
    """A page that says how often it was rendered."""
    return HttpResponse(f"rendered {next(calls)}")


def sets_cookie(request):
    response = HttpResponse("a cookie for you")
    response.set_cookie("flavour", "oat")
    return response


def reads_session(request):
    request.session.get("seen")  # marks the response Vary: Cookie
    return HttpResponse("per visitor")


def not_found(request):
    return HttpResponseNotFound("nothing here")


def with_nonce(request):
    return HttpResponse(f"nonce {request.csp_nonce}")


def database_down(request):
    raise OperationalError("could not connect to server: Connection refused")


def database_bug(request):
    raise IntegrityError("duplicate key value violates unique constraint")


urlpatterns = [
    path("test/counted/", counted),
    path("test/cookie/", sets_cookie),
    path("test/session/", reads_session),
    path("test/missing/", not_found),
    path("test/nonce/", with_nonce),
    path("test/database-down/", database_down),
    path("test/database-bug/", database_bug),
    path("", include("careerguide.urls")),
]
