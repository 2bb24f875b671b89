"""The site's URLs plus a page whose query takes longer than the statement timeout."""

from django.db.models import CharField, Func, Value
from django.http import HttpResponse
from django.urls import include, path

from careers.models import Role

SLEEP_SECONDS = 3


def slow_query(request):
    # pg_sleep once per role: the test makes exactly one.
    sleep = Func(Value(SLEEP_SECONDS), function="pg_sleep", output_field=CharField())
    list(Role.objects.annotate(slept=sleep).values_list("slept"))
    return HttpResponse("the query finished")


urlpatterns = [
    path("test/slow-query/", slow_query),
    path("", include("careerguide.urls")),
]
