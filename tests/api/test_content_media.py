"""``/api/v1/images/`` and ``/api/v1/documents/``: public collections only, images as renditions."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db


def png_file(name: str) -> ContentFile:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 480), (20, 120, 60)).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)


@pytest.fixture
def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Daxili sənədlər")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return collection


@pytest.fixture
def images(private_collection):
    image_model = get_image_model()
    public = image_model.objects.create(title="Şəki xanının sarayı", file=png_file("saray.png"))
    private = image_model.objects.create(
        title="Gizli şəkil", file=png_file("gizli.png"), collection=private_collection
    )
    return public, private


@pytest.fixture
def documents(private_collection):
    document_model = get_document_model()
    public = document_model.objects.create(
        title="Müqavilə nümunəsi", file=ContentFile("Nümunə mətn".encode(), name="muqavile.txt")
    )
    private = document_model.objects.create(
        title="Daxili qeyd", file=ContentFile(b"Gizli", name="qeyd.txt"), collection=private_collection
    )
    return public, private


def test_images_list_only_public_collections(client, images):
    public, _private = images

    response = client.get("/api/v1/images/")

    body = response.json()
    assert response.status_code == 200
    assert [item["id"] for item in body["items"]] == [public.pk]
    assert body["meta"]["total_count"] == 1


def test_image_is_rendition_not_original(client, images):
    public, _private = images

    response = client.get(f"/api/v1/images/{public.pk}/")

    body = response.json()
    assert body["title"] == "Şəki xanının sarayı"
    assert body["thumbnail"]["width"] == 320
    assert body["large"]["width"] == 640
    assert "download_url" not in body["meta"]
    assert public.file.url not in response.content.decode()


def test_private_image_detail_is_404(client, images):
    _public, private = images

    response = client.get(f"/api/v1/images/{private.pk}/")

    assert response.status_code == 404


def test_documents_list_only_public_collections(client, documents):
    public, _private = documents

    response = client.get("/api/v1/documents/")

    items = response.json()["items"]
    assert [item["id"] for item in items] == [public.pk]
    assert items[0]["title"] == "Müqavilə nümunəsi"
    assert f"/documents/{public.pk}/muqavile" in items[0]["meta"]["download_url"]


def test_private_document_detail_is_404(client, documents):
    _public, private = documents

    response = client.get(f"/api/v1/documents/{private.pk}/")

    assert response.status_code == 404


def test_document_search_ignores_private(client, documents):
    response = client.get("/api/v1/documents/", {"search": "Daxili"})

    assert response.json()["items"] == []
