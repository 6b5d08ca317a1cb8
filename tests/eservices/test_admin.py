"""Editors build e-services in the Wagtail admin without developers."""

import pytest
from django.contrib.auth import get_user_model

from forms.models import ServicePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    admin = get_user_model().objects.create_superuser("baş-redaktor", "redaktor@example.az", "Parol-2026-uzun")
    client.force_login(admin)
    return client


def test_service_page_edit_form_shows_every_field_option(editor_client, service_page):
    response = editor_client.get(f"/admin/pages/{service_page.pk}/edit/")

    content = response.content.decode()
    assert response.status_code == 200
    for option in ("allowed_file_types", "max_file_size_mb", "sample_document", "article_link", "reference_prefix"):
        assert option in content
    assert 'value="section"' in content
    assert 'value="money"' in content


def test_new_service_page_form_opens_under_the_list(editor_client, service_page):
    index = service_page.get_parent()

    response = editor_client.get(f"/admin/pages/add/eservices/servicepage/{index.pk}/")

    assert response.status_code == 200


def test_editor_renames_a_label_and_the_answer_key_stays(editor_client, service_page):
    # Publishing through the admin form keeps every stored field name.
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    fields = list(service_page.form_fields.all())
    rows = []
    for field in fields:
        rows.append(
            {
                "id": field.pk,
                "label": "Təşkilatın tam adı" if field.clean_name == "teskilatin_adi" else field.label,
                "field_type": field.field_type,
                "required": "on" if field.required else "",
                "help_text": field.help_text,
                "choices": field.choices,
                "default_value": field.default_value,
                "allowed_file_types": field.allowed_file_types,
                "max_file_size_mb": field.max_file_size_mb,
                "sample_document": "",
                "article_link": field.article_link,
                "article_label": field.article_label,
            }
        )
    data = nested_form_data(
        {
            "title": service_page.title,
            "slug": service_page.slug,
            "summary": service_page.summary,
            "who_must_file": rich_text(service_page.who_must_file),
            "deadline": rich_text(service_page.deadline),
            "legal_basis": rich_text(service_page.legal_basis),
            "documents_needed": rich_text(service_page.documents_needed),
            "what_happens_next": rich_text(service_page.what_happens_next),
            "declaration_text": service_page.declaration_text,
            "reference_prefix": service_page.reference_prefix,
            "decision_days": service_page.decision_days,
            "form_fields": inline_formset(rows, initial=len(rows)),
            "action-publish": "publish",
        }
    )

    response = editor_client.post(f"/admin/pages/{service_page.pk}/edit/", data)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = ServicePage.objects.get(pk=service_page.pk)
    renamed = page.form_fields.get(label="Təşkilatın tam adı")
    assert renamed.clean_name == "teskilatin_adi"
    assert sorted(page.form_fields.values_list("clean_name", flat=True)) == sorted(f.clean_name for f in fields)


def test_editor_adds_a_field_whose_label_collides(editor_client, service_page):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    rows = [
        {"id": field.pk, "label": field.label, "field_type": field.field_type, "required": "on" if field.required else "",
         "help_text": field.help_text, "choices": field.choices, "default_value": field.default_value,
         "allowed_file_types": field.allowed_file_types, "max_file_size_mb": field.max_file_size_mb,
         "sample_document": "", "article_link": field.article_link, "article_label": field.article_label}
        for field in service_page.form_fields.all()
    ]
    new = {"label": "Təşkilatın adı:", "field_type": "singleline", "required": "", "help_text": "<b>qalın</b>",
           "choices": "", "default_value": "", "allowed_file_types": "pdf", "max_file_size_mb": 10,
           "sample_document": "", "article_link": "", "article_label": ""}
    data = nested_form_data(
        {
            "title": service_page.title, "slug": service_page.slug, "summary": service_page.summary,
            "who_must_file": rich_text(service_page.who_must_file), "deadline": rich_text(service_page.deadline),
            "legal_basis": rich_text(service_page.legal_basis),
            "documents_needed": rich_text(service_page.documents_needed),
            "what_happens_next": rich_text(service_page.what_happens_next),
            "declaration_text": service_page.declaration_text, "reference_prefix": service_page.reference_prefix,
            "decision_days": service_page.decision_days,
            "form_fields": inline_formset(rows + [new], initial=len(rows)),
            "action-publish": "publish",
        }
    )

    response = editor_client.post(f"/admin/pages/{service_page.pk}/edit/", data)

    assert response.status_code == 302
    names = list(ServicePage.objects.get(pk=service_page.pk).form_fields.values_list("clean_name", flat=True))
    assert "teskilatin_adi" in names
    assert "teskilatin_adi_2" in names
    assert len(names) == len(set(names)) == len(rows) + 1


def test_forms_list_leaves_services_out(editor_client, service_page):
    response = editor_client.get("/admin/forms/")

    assert response.status_code == 200
    assert service_page.title not in response.content.decode()
