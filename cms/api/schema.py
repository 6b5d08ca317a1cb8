"""OpenAPI schema hooks."""

API_PREFIX = "/api/v1/"


def only_public_api(endpoints):
    """Describe our ``/api/v1/`` endpoints only, not the Wagtail admin's internal API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]
