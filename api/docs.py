"""The OpenAPI schema and its Swagger UI, shaped so the page cache and the CSP accept them."""

from django.conf import settings
from django.http import HttpResponse
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.exceptions import NotFound

API_VERSION = settings.SPECTACULAR_SETTINGS["VERSION"]


class SchemaView(SpectacularAPIView):
    """OpenAPI 3 as JSON. One renderer: DRF adds `Vary: Accept` for two or more, and the page
    cache keeps no response that varies."""

    renderer_classes = [OpenApiJsonRenderer]

    def initial(self, request, *args, **kwargs):
        """`?version=` names the one version there is, or is left out. drf-spectacular took
        any value into the schema and the Content-Disposition header, where a line break was a
        500; another value is a 404, worded as DRF's own versioning words it."""
        super().initial(request, *args, **kwargs)
        version = request.query_params.get("version")
        if version is not None and version != API_VERSION:
            raise NotFound(
                f"Invalid version in query parameter: this API has version {API_VERSION}."
            )


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from the sidecar's static files; its start-up script is a file of its own
    (`?script`), as the CSP allows no inline script."""

    template_name = "api/swagger_ui.html"
    query_parameters = ("script",)  # `?script` asks for the start-up script (page cache)

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # The API is read-only and has no sign-in: no CSRF token in the script. Reading one
        # would set a cookie and `Vary: Cookie`, and the page cache could not keep the script.
        response.data["csrf_token"] = ""
        return response

    def options(self, request, *args, **kwargs):
        """The allowed methods, as Django's own views answer OPTIONS: DRF's answer is metadata
        rendered with the page's HTML renderer, which has no template for it (a 500)."""
        return HttpResponse(headers={"Allow": ", ".join(self.allowed_methods)})
