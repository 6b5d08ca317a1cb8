"""The interactive API reference at ``/api/v1/docs/``: Swagger UI, served from this site.

drf-spectacular-sidecar ships Swagger UI's files as static files, so the page
makes no request to another host. The split view serves the start-up script
as a file of its own instead of inline, so a strict Content-Security-Policy
can still allow it.
"""

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView


class APIDocsView(SpectacularSwaggerSplitView):
    template_name = "api/docs.html"
    title = "Fərdi Elektron Pəncərə API"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if request.GET.get("script") is None:
            # The template links the schema for readers without JavaScript.
            response.data["schema_url"] = self._get_schema_url(request)
        return response

    def _get_schema_url(self, request):
        # JSON, whatever Accept header the browser sends for the schema.
        return reverse("api-schema") + "?format=json"
