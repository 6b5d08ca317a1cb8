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


LANGUAGE_PARAMETER = {
    "in": "query",
    "name": "lang",
    "schema": {"type": "string", "enum": ["az", "en", "ru"]},
    "description": "Language of the response: labels, messages and, for pages, content. "
    "Without it the Accept-Language header decides, else Azerbaijani (az).",
}
BAD_REQUEST = {
    "description": "A query parameter is unknown or invalid, for example an unsupported `lang`.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
UNAUTHENTICATED = {
    "description": "No token or session, or an invalid or revoked token.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
NOT_FOUND = {
    "description": "No such item, one this client may not see, or a page number after the last page.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
TOO_MANY_REQUESTS = {
    "description": "Too many requests from this client; the Retry-After header gives the seconds to wait.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "description": "Messages per request field or query parameter; absent on authentication errors.",
        },
    },
    "required": ["detail"],
}


def add_shared_parameters(result, generator, request, public):
    """drf-spectacular postprocessing hook: add the parameter and responses that every operation shares.

    Every endpoint takes ``lang`` (cms.api.language), returns 400 for a bad
    one or for a null character in a parameter, and 429 when a client goes
    over the throttle rate. An operation that anonymous clients may not call
    (no empty entry in its ``security``) also returns 401, and one with a
    path parameter or a ``page`` number 404.
    """
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR_SCHEMA)
    for path, path_item in result.get("paths", {}).items():
        for operation in path_item.values():
            parameters = operation.setdefault("parameters", [])
            if not any(parameter["name"] == "lang" for parameter in parameters):
                parameters.append(LANGUAGE_PARAMETER)
            operation_responses = operation.setdefault("responses", {})
            operation_responses.setdefault("400", BAD_REQUEST)
            operation_responses.setdefault("429", TOO_MANY_REQUESTS)
            # DRF's page-number pagination returns 404 for a page after the last.
            if "{" in path or any(parameter["name"] == "page" for parameter in parameters):
                operation_responses.setdefault("404", NOT_FOUND)
            if {} not in operation.get("security", [{}]):
                operation_responses.setdefault("401", UNAUTHENTICATED)
    return result
