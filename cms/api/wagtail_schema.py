"""OpenAPI description of Wagtail's content API (pages, images, documents).

drf-spectacular cannot introspect Wagtail's viewsets: their serializer class
is built per request from the ``fields`` and ``type`` parameters, and they
nest meta fields under ``meta``. This postprocessing hook writes their path
items instead, and builds one component per page type from the same
serializer the API uses for that type's detail, so a new page type with
``api_fields`` is described without a change here.

Every field may be left out of a response with the ``fields`` parameter, so
no property is required, and extra properties are allowed (``fields`` can
add a page type's own fields to a listing).
"""

import re

from rest_framework import fields as drf_fields
from rest_framework import relations
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, get_page_models

from .language import language_codes
from .pagination import LimitOffsetPagination
from .wagtail import IMAGE_RENDITIONS, RICH_TEXT_FORMATS, SEARCH_OPERATORS, PublicPagesViewSet, api_router

PREFIX = "/api/v1/"
TAG = "content"
ERROR = {"$ref": "#/components/schemas/Error"}

PRIMITIVE_TYPES = [
    (drf_fields.BooleanField, {"type": "boolean"}),
    (drf_fields.IntegerField, {"type": "integer"}),
    (drf_fields.FloatField, {"type": "number"}),
    (drf_fields.DecimalField, {"type": "string", "format": "decimal"}),
    (drf_fields.DateTimeField, {"type": "string", "format": "date-time"}),
    (drf_fields.DateField, {"type": "string", "format": "date"}),
    (drf_fields.TimeField, {"type": "string", "format": "time"}),
    (drf_fields.UUIDField, {"type": "string", "format": "uuid"}),
    (drf_fields.CharField, {"type": "string"}),
]

NESTED_OBJECT = {
    "type": "object",
    "description": "A related object: its id, `meta.type`, `meta.detail_url` and, for pages, its title.",
    "properties": {
        "id": {"type": "integer"},
        "meta": {"type": "object"},
        "title": {"type": "string"},
    },
}

RENDITION = {
    "oneOf": [
        {
            "type": "object",
            "properties": {
                "url": {"type": "string"},
                "full_url": {"type": "string"},
                "width": {"type": "integer"},
                "height": {"type": "integer"},
                "alt": {"type": "string"},
            },
            "required": ["url", "full_url", "width", "height", "alt"],
        },
        {
            "type": "object",
            "description": "The original file could not be read to make the rendition.",
            "properties": {"error": {"type": "string", "enum": ["SourceImageIOError"]}},
            "required": ["error"],
        },
    ]
}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    return {**schema, "nullable": True}


def field_schema(field) -> dict:
    """Map one field of a Wagtail API serializer to an OpenAPI schema."""
    schema = wagtail_field_schema(field)
    if schema is None:
        schema = next((dict(mapped) for kind, mapped in PRIMITIVE_TYPES if isinstance(field, kind)), {})
    if isinstance(field, drf_fields.ChoiceField) and all(isinstance(key, str) for key in field.choices):
        schema = {"type": "string", "enum": list(field.choices)}
    if getattr(field, "allow_null", False) and schema:
        schema = nullable(schema)
    return schema


def wagtail_field_schema(field) -> dict | None:
    if isinstance(field, ImageRenditionField):
        return ref("ImageRendition")
    if isinstance(field, wagtail_serializers.TagsField):
        return {"type": "array", "items": {"type": "string"}}
    if isinstance(field, wagtail_serializers.StreamField):
        block = {"type": "object", "properties": {"type": {"type": "string"}, "value": {}, "id": {"type": "string"}}}
        return {"type": "array", "items": block}
    if isinstance(field, wagtail_serializers.RichTextFieldSerializer):
        return {"type": "string", "description": "Rich text in the format `rich_text_format` asks for (HTML by default)."}
    if isinstance(field, wagtail_serializers.ChildRelationField):
        return {"type": "array", "items": {"type": "object"}}
    if isinstance(field, relations.ManyRelatedField):
        return {"type": "array", "items": NESTED_OBJECT}
    if isinstance(
        field, (wagtail_serializers.RelatedField, wagtail_serializers.PageParentField, wagtail_serializers.PageAliasOfField)
    ):
        return nullable(NESTED_OBJECT)
    if isinstance(field, DocumentDownloadUrlField):
        return {"type": "string", "format": "uri"}
    if isinstance(field, wagtail_serializers.PageHtmlUrlField):
        return nullable({"type": "string"})
    if isinstance(field, (wagtail_serializers.TypeField, wagtail_serializers.PageTypeField, wagtail_serializers.DetailUrlField)):
        return {"type": "string"}
    if isinstance(field, wagtail_serializers.PageLocaleField):
        return {"type": "string", "enum": language_codes()}
    return None


def object_schema(serializer_class, description: str = "") -> dict:
    """Build the schema of one object as the serializer writes it: meta fields nested under ``meta``."""
    serializer = serializer_class(context={})
    body, meta = {}, {}
    for name, field in serializer.fields.items():
        (meta if name in serializer.meta_fields else body)[name] = field_schema(field)
    schema = {"type": "object", "properties": {}}
    if description:
        schema["description"] = description
    if "id" in body:
        schema["properties"]["id"] = body.pop("id")
    if meta:
        schema["properties"]["meta"] = {"type": "object", "properties": meta}
    schema["properties"].update(body)
    return schema


def detail_serializer(viewset, model):
    return viewset._get_serializer_class(api_router, model, [], show_details=True)


def listing_serializer(viewset, model):
    return viewset._get_serializer_class(api_router, model, [])


def component_name(model, taken: set[str]) -> str:
    name = f"{model.__name__}Detail"
    if name in taken:
        name = f"{model._meta.app_label.title()}{name}"
    return re.sub(r"[^A-Za-z0-9_.-]", "", name)


def page_components(taken: set[str]) -> dict[str, dict]:
    """Return one component per page type, named so as not to clash with ``taken`` names."""
    components = {}
    for model in get_page_models():
        if model is Page:
            continue
        name = component_name(model, taken | set(components))
        description = f"A page of type `{model._meta.app_label}.{model.__name__}`."
        components[name] = object_schema(detail_serializer(PublicPagesViewSet, model), description)
    return components


def listing_response(item: str) -> dict:
    return {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {"total_count": {"type": "integer", "description": "Items matching, on every page."}},
                "required": ["total_count"],
            },
            "items": {"type": "array", "items": ref(item)},
        },
        "required": ["meta", "items"],
    }


def query(name: str, schema: dict, description: str) -> dict:
    return {"in": "query", "name": name, "schema": schema, "description": description}


def pagination_parameters() -> list[dict]:
    maximum = LimitOffsetPagination.max_limit
    return [
        query("limit", {"type": "integer", "minimum": 0, "maximum": maximum, "default": 20}, "Items per response."),
        query("offset", {"type": "integer", "minimum": 0, "maximum": 999999999, "default": 0}, "Items to skip."),
    ]


def common_parameters() -> list[dict]:
    return [
        query(
            "fields",
            {"type": "string"},
            "Fields to add or, with a leading `-`, remove, separated by commas: `title,-html_url`. "
            "`*` selects every field and `_` none; `parent(title)` chooses a related object's fields.",
        ),
        query(
            "rich_text_format",
            {"type": "string", "enum": list(RICH_TEXT_FORMATS), "default": "html"},
            "How rich-text fields are written.",
        ),
    ]


def listing_parameters(filters: dict[str, dict]) -> list[dict]:
    filter_parameters = [query(name, schema, "Exact value of this field.") for name, schema in filters.items()]
    return [
        *pagination_parameters(),
        *common_parameters(),
        query("order", {"type": "string"}, "Field names separated by commas, `-` for descending, or `random`."),
        query("search", {"type": "string"}, "Words to search for."),
        query("search_operator", {"type": "string", "enum": sorted(SEARCH_OPERATORS)}, "How search words combine."),
        *filter_parameters,
    ]


def page_parameters() -> list[dict]:
    page_id = {"type": "string", "pattern": r"^(root|[0-9]{1,9})$"}
    return [
        query(
            "type",
            {"type": "string"},
            "Page types as `app_label.ModelName`, separated by commas. With one type, its own fields "
            "can be filtered, ordered and added with `fields`.",
        ),
        query("child_of", page_id, "Pages directly below this page id, or below the site's home page (`root`)."),
        query("descendant_of", page_id, "Pages anywhere below this page id, or `root`."),
        query("ancestor_of", {"type": "string", "pattern": r"^[0-9]{1,9}$"}, "Pages above this page id."),
        query(
            "translation_of",
            page_id,
            "Translations of this page id: all of them, or with `lang` or `locale` the one in that language.",
        ),
        query("locale", {"type": "string", "enum": language_codes()}, "Same as `lang`."),
        query("site", {"type": "string"}, "Hostname of the site, with `:port` where needed."),
        query("slug", {"type": "string"}, "Exact slug."),
        query("title", {"type": "string"}, "Exact title."),
        query("id", {"type": "integer", "minimum": 1, "maximum": 2147483647}, "Page id."),
    ]


def responses(ok: dict, ok_description: str, not_found: bool = False) -> dict:
    result = {
        "200": {"description": ok_description, "content": {"application/json": {"schema": ok}}},
        "400": {"description": "A query parameter is unknown or invalid.", "content": {"application/json": {"schema": ERROR}}},
    }
    if not_found:
        result["404"] = {"description": "No such item, or not public.", "content": {"application/json": {"schema": ERROR}}}
    return result


def operation(operation_id: str, summary: str, description: str, parameters: list[dict], operation_responses: dict) -> dict:
    return {
        "operationId": operation_id,
        "summary": summary,
        "description": description,
        "tags": [TAG],
        "parameters": parameters,
        "responses": operation_responses,
        "security": [{}],
    }


def id_parameter() -> dict:
    return {"in": "path", "name": "id", "required": True, "schema": {"type": "integer", "minimum": 1, "maximum": 2147483647}}


def find_operation(endpoint: str, extra: list[dict]) -> dict:
    return operation(
        f"{endpoint}_find",
        f"Find one of the {endpoint} and redirect to it",
        "Redirects (302) to the detail address, keeping the other query parameters.",
        [query("id", {"type": "integer", "minimum": 1, "maximum": 2147483647}, "Id of the item."), *extra],
        {
            "302": {"description": "Found; the Location header gives the detail address."},
            "400": {"description": "A query parameter is unknown or invalid.", "content": {"application/json": {"schema": ERROR}}},
            "404": {"description": "Nothing found.", "content": {"application/json": {"schema": ERROR}}},
        },
    )


def page_paths(page_schemas: list[str]) -> dict:
    detail_parameters = [
        id_parameter(),
        *common_parameters(),
        query("locale", {"type": "string", "enum": language_codes()}, "Same as `lang`."),
        query("site", {"type": "string"}, "Hostname of the site, with `:port` where needed."),
    ]
    return {
        f"{PREFIX}pages/": {
            "get": operation(
                "pages_list",
                "List published pages in one language",
                "Live pages without view restrictions, in the language of `lang` (or `locale`, or "
                "Accept-Language, else Azerbaijani), in tree order. Each item has `id`, `meta`, `title` "
                "and the fields that `fields` adds.",
                [*listing_parameters({}), *page_parameters()],
                responses(listing_response("PageListItem"), "One page of results."),
            )
        },
        f"{PREFIX}pages/{{id}}/": {
            "get": operation(
                "pages_retrieve",
                "One page with all its fields",
                "When the request names a language (`lang`, `locale` or Accept-Language), the response is "
                "the page's translation in that language, else its Azerbaijani version, else the page "
                "itself; `meta.locale` and the Content-Language header say which.",
                detail_parameters,
                responses({"anyOf": [ref(name) for name in page_schemas]}, "The page.", not_found=True),
            )
        },
        f"{PREFIX}pages/find/": {
            "get": find_operation("pages", [query("html_path", {"type": "string"}, "Path of the page on the site, such as `/en/qanunlar/`.")])
        },
    }


def media_paths(endpoint: str, listing: str, detail: str, filters: dict[str, dict], description: str) -> dict:
    return {
        f"{PREFIX}{endpoint}/": {
            "get": operation(
                f"{endpoint}_list",
                f"List {endpoint}",
                description,
                listing_parameters(filters),
                responses(listing_response(listing), "One page of results."),
            )
        },
        f"{PREFIX}{endpoint}/{{id}}/": {
            "get": operation(
                f"{endpoint}_retrieve",
                f"One of the {endpoint}",
                description,
                [id_parameter(), *common_parameters()],
                responses(ref(detail), "The item.", not_found=True),
            )
        },
        f"{PREFIX}{endpoint}/find/": {"get": find_operation(endpoint, [])},
    }


def add_wagtail_paths(result, generator, request, public):
    """drf-spectacular postprocessing hook: add the content API's paths and components."""
    from .wagtail import PublicDocumentsViewSet, PublicImagesViewSet

    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    pages = page_components(set(schemas))
    schemas.update(pages)
    schemas["PageListItem"] = object_schema(
        listing_serializer(PublicPagesViewSet, Page), "A page in a listing. `fields` adds or removes fields."
    )
    schemas["ImageRendition"] = RENDITION
    schemas["Image"] = object_schema(
        detail_serializer(PublicImagesViewSet, PublicImagesViewSet.model),
        "An image. `thumbnail` and `large` are resized copies; the original file is not published.",
    )
    schemas["ImageListItem"] = object_schema(listing_serializer(PublicImagesViewSet, PublicImagesViewSet.model))
    schemas["Document"] = object_schema(detail_serializer(PublicDocumentsViewSet, PublicDocumentsViewSet.model))
    schemas["DocumentListItem"] = object_schema(listing_serializer(PublicDocumentsViewSet, PublicDocumentsViewSet.model))

    text = {"type": "string"}
    number = {"type": "integer", "minimum": 0, "maximum": 2147483647}
    paths = result.setdefault("paths", {})
    paths.update(page_paths(sorted(pages)))
    paths.update(
        media_paths(
            "images",
            "ImageListItem",
            "Image",
            {"title": text, "width": number, "height": number, "tags": text},
            "Images outside restricted collections, as resized copies (renditions).",
        )
    )
    paths.update(
        media_paths(
            "documents",
            "DocumentListItem",
            "Document",
            {"title": text, "tags": text},
            "Documents outside restricted collections. `meta.download_url` is the file's address.",
        )
    )
    result.setdefault("tags", []).append(
        {"name": TAG, "description": "Wagtail's content API: pages, images and documents, read-only and public."}
    )
    return result
