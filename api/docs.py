"""The OpenAPI schema and its Swagger UI, shaped so the page cache and the CSP accept them."""

from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView


class SchemaView(SpectacularAPIView):
    """OpenAPI 3 as JSON. One renderer: DRF adds `Vary: Accept` for two or more, and the page
    cache keeps no response that varies."""

    renderer_classes = [OpenApiJsonRenderer]


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
