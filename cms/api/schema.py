"""OpenAPI schema hooks."""

API_PREFIX = "/api/v1/"


def only_public_api(endpoints):
    """Describe our ``/api/v1/`` endpoints only, not the Wagtail admin's internal API.

    Addresses without their trailing slash are aliases for clients (see
    cms.api.urls), not documented paths.
    """
    return [
        endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX) and endpoint[0].endswith("/")
    ]
