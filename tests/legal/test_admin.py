"""Editors in the Wagtail admin: add an act by uploading its text, preview it, amend through a draft version."""

import io

import docx
import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from cms.legal.models import ActVersion, LegalAct, Provision

pytestmark = pytest.mark.django_db

NGO_LAW_TEXT = """QEYRİ-HÖKUMƏT TƏŞKİLATLARI (İCTİMAİ BİRLİKLƏR VƏ FONDLAR) HAQQINDA AZƏRBAYCAN RESPUBLİKASININ QANUNU

1-ci fəsil
Ümumi müddəalar

Maddə 1. Bu Qanunun predmeti

1.1. Bu Qanun qeyri-hökumət təşkilatlarının yaradılması və fəaliyyəti ilə bağlı münasibətləri tənzimləyir.

Maddə 2. Qeyri-hökumət təşkilatı

2.1. Qeyri-hökumət təşkilatı ictimai birlik və ya fond formasında yaradılır.

2-ci fəsil
Qeydiyyat

Maddə 2-1. Dövlət qeydiyyatı

Qeyri-hökumət təşkilatları Ədliyyə Nazirliyində dövlət qeydiyyatına alınır.
"""


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(username="moderator-test", password="x")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(username="editor-test", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def draft_act():
    return LegalAct.objects.create(
        slug="qht-haqqinda",
        act_type="law",
        number="13-IQ",
        title="Qeyri-hökumət təşkilatları (ictimai birliklər və fondlar) haqqında Azərbaycan Respublikasının Qanunu",
        issuing_body="milli_majlis",
        live=False,
    )


def docx_upload(text: str) -> SimpleUploadedFile:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile("qht-qanunu.docx", buffer.getvalue())


def version_form(act, **extra):
    return {"act": act.pk, "effective_date": "2000-10-01", "amendment_note": "", "source_text": "", **extra}


def test_upload_docx_creates_draft_version(client, moderator, draft_act):
    client.force_login(moderator)

    response = client.post(
        reverse("wagtailsnippets_legal_actversion:add"),
        version_form(draft_act, text_file=docx_upload(NGO_LAW_TEXT)),
    )

    version = ActVersion.objects.get(act=draft_act)
    assert response.status_code == 302
    assert version.live is False
    assert "Maddə 2-1. Dövlət qeydiyyatı" in version.source_text


def test_preview_shows_parsed_structure(client, moderator, draft_act):
    client.force_login(moderator)
    url = reverse("wagtailsnippets_legal_actversion:preview_on_add")

    client.post(url, version_form(draft_act, source_text=NGO_LAW_TEXT))
    response = client.get(url)

    content = response.content.decode()
    assert response.status_code == 200
    assert "2-1" in content
    assert "Dövlət qeydiyyatı" in content


def test_upload_that_is_not_a_document_is_rejected(client, moderator, draft_act):
    client.force_login(moderator)
    fake = SimpleUploadedFile("qanun.docx", b"PK\x03\x04 this is not a zip archive")

    response = client.post(reverse("wagtailsnippets_legal_actversion:add"), version_form(draft_act, text_file=fake))

    assert response.status_code == 200
    assert not ActVersion.objects.filter(act=draft_act).exists()
    assert "damaged" in response.content.decode() or "zədələnib" in response.content.decode()


def test_upload_of_binary_text_is_rejected(client, moderator, draft_act):
    client.force_login(moderator)
    binary = SimpleUploadedFile("qanun.txt", bytes(range(256)) * 4)

    response = client.post(reverse("wagtailsnippets_legal_actversion:add"), version_form(draft_act, text_file=binary))

    assert response.status_code == 200
    assert not ActVersion.objects.filter(act=draft_act).exists()


def test_text_without_articles_is_rejected_with_line(client, moderator, draft_act):
    client.force_login(moderator)

    response = client.post(
        reverse("wagtailsnippets_legal_actversion:add"),
        version_form(draft_act, source_text="Bu, sadəcə bir cümlədir."),
    )

    assert response.status_code == 200
    assert not ActVersion.objects.filter(act=draft_act).exists()


def test_publish_builds_structure_and_goes_public(client, moderator, draft_act):
    client.force_login(moderator)

    client.post(
        reverse("wagtailsnippets_legal_actversion:add"),
        version_form(draft_act, source_text=NGO_LAW_TEXT, **{"action-publish": "1"}),
    )
    client.post(
        reverse("wagtailsnippets_legal_legalact:edit", args=[draft_act.pk]),
        {
            "title": draft_act.title,
            "act_type": "law",
            "number": "13-IQ",
            "issuing_body": "milli_majlis",
            "status": "in_force",
            "slug": "qht-haqqinda",
            "sort_order": "5",
            "action-publish": "1",
        },
    )

    draft_act.refresh_from_db()
    numbers = list(draft_act.current_version.provisions.values_list("number", flat=True))
    assert draft_act.live
    assert numbers == ["1", "2", "2-1"]
    assert client.get("/qanunlar/qht-haqqinda/madde-2-1/").status_code == 200


def test_new_version_copies_articles_into_draft(client, moderator):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    client.force_login(moderator)

    response = client.post(reverse("legal_new_version", args=[act.current_version_id]))

    draft = act.versions.get(live=False)
    assert response.status_code == 302
    assert draft.provisions.count() == act.current_version.provisions.count()
    assert draft.notes.count() == act.current_version.notes.count()


def test_amending_article_in_draft_leaves_public_text(client, moderator):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    client.force_login(moderator)
    client.post(reverse("legal_new_version", args=[act.current_version_id]))
    draft_article = act.versions.get(live=False).provisions.get(number="1")

    client.post(
        reverse("wagtailsnippets_legal_provision:edit", args=[draft_article.pk]),
        {"title": draft_article.title, "text": "1.1. Yeni mətn."},
    )

    draft_article.refresh_from_db()
    public_article = act.current_version.provisions.get(number="1")
    assert draft_article.text == "1.1. Yeni mətn."
    assert public_article.text != "1.1. Yeni mətn."


def test_published_article_cannot_be_edited_in_place(client, moderator):
    article = LegalAct.objects.get(slug="aile-mecellesi").current_version.provisions.get(number="1")
    client.force_login(moderator)

    response = client.post(
        reverse("wagtailsnippets_legal_provision:edit", args=[article.pk]),
        {"title": article.title, "text": "Silinmiş mətn"},
    )

    article.refresh_from_db()
    assert response.status_code == 302
    assert article.text != "Silinmiş mətn"


def test_editor_cannot_publish(client, editor, draft_act):
    client.force_login(editor)

    client.post(
        reverse("wagtailsnippets_legal_actversion:add"),
        version_form(draft_act, source_text=NGO_LAW_TEXT, **{"action-publish": "1"}),
    )

    assert not ActVersion.objects.filter(act=draft_act, live=True).exists()


def test_editor_cannot_start_version_without_permission(client, django_user_model):
    user = django_user_model.objects.create_user(username="reader", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    Group.objects.get(name="Editors").permissions.filter(codename="add_actversion").delete()
    act = LegalAct.objects.get(slug="aile-mecellesi")
    client.force_login(user)

    response = client.post(reverse("legal_new_version", args=[act.current_version_id]))

    assert response.status_code in (302, 403)
    assert not act.versions.filter(live=False).exists()


def test_admin_listings_open(client, moderator):
    client.force_login(moderator)

    for name in ("legalact", "actversion", "provision", "topic"):
        response = client.get(reverse(f"wagtailsnippets_legal_{name}:list"))

        assert response.status_code == 200, name


def test_editor_submits_version_to_moderation_and_moderator_approves(client, editor, moderator):
    from wagtail.models import WorkflowState

    act = LegalAct.objects.get(slug="aile-mecellesi")
    public_version = act.current_version
    client.force_login(editor)
    client.post(reverse("legal_new_version", args=[public_version.pk]))
    draft = act.versions.get(live=False)
    edit_url = reverse("wagtailsnippets_legal_actversion:edit", args=[draft.pk])

    client.post(
        edit_url,
        {
            "act": act.pk,
            "effective_date": "2024-01-15",
            "amendment_note": "28 dekabr 2029-cu il tarixli 1-VIIQD nömrəli Qanunla dəyişdirilib.",
            "source_text": draft.source_text,
            "action-submit": "1",
        },
    )
    state = WorkflowState.objects.get(object_id=str(draft.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    task_state = state.current_task_state
    client.force_login(moderator)
    client.post(
        reverse("wagtailsnippets_legal_actversion:workflow_action", args=[draft.pk, "approve", task_state.pk]),
        {"comment": ""},
    )

    act.refresh_from_db()
    draft.refresh_from_db()
    assert draft.live
    assert act.current_version_id == draft.pk
    assert act.versions.get(pk=public_version.pk).live


def approve_latest_task(client, moderator, version):
    from wagtail.models import WorkflowState

    state = WorkflowState.objects.get(object_id=str(version.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    client.force_login(moderator)
    client.post(
        reverse(
            "wagtailsnippets_legal_actversion:workflow_action",
            args=[version.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )


def test_article_amended_in_draft_is_public_after_approval(client, editor, moderator):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    client.force_login(editor)
    client.post(reverse("legal_new_version", args=[act.current_version_id]))
    draft = act.versions.get(live=False)
    article = draft.provisions.get(number="2")
    client.post(
        reverse("wagtailsnippets_legal_provision:edit", args=[article.pk]),
        {"title": article.title, "text": "2.1. Düzəliş edilmiş mətn."},
    )
    client.post(
        reverse("wagtailsnippets_legal_actversion:edit", args=[draft.pk]),
        {"act": act.pk, "effective_date": "2024-02-01", "amendment_note": "", "source_text": draft.source_text,
         "action-submit": "1"},
    )

    approve_latest_task(client, moderator, draft)
    response = client.get("/qanunlar/aile-mecellesi/madde-2/")

    assert "2.1. Düzəliş edilmiş mətn." in response.content.decode()


def test_new_act_approved_after_its_version_is_public(client, moderator, draft_act):
    client.force_login(moderator)
    client.post(
        reverse("wagtailsnippets_legal_actversion:add"),
        version_form(draft_act, source_text=NGO_LAW_TEXT, **{"action-publish": "1"}),
    )
    act_form = {
        "title": draft_act.title, "act_type": "law", "number": "13-IQ", "issuing_body": "milli_majlis",
        "status": "in_force", "slug": "qht-haqqinda", "sort_order": "5",
    }

    client.post(reverse("wagtailsnippets_legal_legalact:edit", args=[draft_act.pk]), act_form)
    client.post(reverse("wagtailsnippets_legal_legalact:edit", args=[draft_act.pk]), {**act_form, "action-publish": "1"})

    draft_act.refresh_from_db()
    assert draft_act.live
    assert draft_act.current_version is not None
    assert client.get("/qanunlar/qht-haqqinda/").status_code == 200


def test_deleting_current_version_falls_back_to_previous(client, moderator):
    from cms.legal.publishing import copy_as_draft, on_version_published

    act = LegalAct.objects.get(slug="aile-mecellesi")
    first = act.current_version
    second = copy_as_draft(first)
    ActVersion.objects.filter(pk=second.pk).update(live=True, effective_date="2024-03-01")
    on_version_published(second)

    ActVersion.objects.get(pk=second.pk).delete()

    act.refresh_from_db()
    assert act.current_version_id == first.pk
    assert client.get("/qanunlar/aile-mecellesi/madde-1/").status_code == 200


def test_version_needs_effective_date_to_publish(client, moderator, draft_act):
    """Wagtail lets a draft miss required fields; publishing it may not."""
    client.force_login(moderator)

    response = client.post(
        reverse("wagtailsnippets_legal_actversion:add"),
        version_form(draft_act, effective_date="", source_text=NGO_LAW_TEXT, **{"action-publish": "1"}),
    )

    assert response.status_code == 200
    assert not ActVersion.objects.filter(act=draft_act, live=True).exists()


def test_published_text_cannot_be_replaced(client, moderator):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    version = act.current_version
    client.force_login(moderator)

    client.post(
        reverse("wagtailsnippets_legal_actversion:edit", args=[version.pk]),
        {"act": act.pk, "effective_date": "2023-05-30", "amendment_note": "",
         "source_text": NGO_LAW_TEXT, "action-publish": "1"},
    )

    version.refresh_from_db()
    assert "Qeyri-hökumət təşkilatı ictimai birlik" not in version.source_text
    assert version.provisions.count() > 200


@pytest.mark.parametrize("slug", ["Sinaq_AKT", "akt--iki", "-akt", "akt ", "aktı"])
def test_act_slug_must_be_servable(slug):
    from django.core.exceptions import ValidationError

    act = LegalAct(title="Sınaq", slug=slug, act_type="law", issuing_body="milli_majlis")

    with pytest.raises(ValidationError) as error:
        act.full_clean()

    assert "slug" in error.value.message_dict


def test_published_act_slug_cannot_change():
    from django.core.exceptions import ValidationError

    act = LegalAct.objects.get(slug="aile-mecellesi")
    act.slug = "aile"

    with pytest.raises(ValidationError):
        act.full_clean()


def test_docx_tables_are_read(client, moderator, draft_act):
    document = docx.Document()
    document.add_paragraph("Maddə 1. Məqsəd")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "1.1. Cədvəldəki mətn"
    table.rows[0].cells[1].text = "ikinci xana"
    buffer = io.BytesIO()
    document.save(buffer)
    client.force_login(moderator)

    client.post(
        reverse("wagtailsnippets_legal_actversion:add"),
        version_form(draft_act, text_file=SimpleUploadedFile("cedvel.docx", buffer.getvalue())),
    )

    version = ActVersion.objects.get(act=draft_act)
    assert "1.1. Cədvəldəki mətn ikinci xana" in version.source_text


def start_draft(client, user, act_slug="aile-mecellesi"):
    act = LegalAct.objects.get(slug=act_slug)
    client.force_login(user)
    client.post(reverse("legal_new_version", args=[act.current_version_id]))
    return act, act.versions.get(live=False)


def test_editor_adds_article_to_draft_in_number_order(client, editor):
    act, draft = start_draft(client, editor)

    response = client.post(
        reverse("wagtailsnippets_legal_provision:add"),
        {"draft_version": draft.pk, "new_number": "6-1", "title": "Yeni maddə", "text": "6-1.1. Yeni qayda."},
    )

    numbers = list(draft.provisions.order_by("position").values_list("number", flat=True))
    added = draft.provisions.get(number="6-1")
    six = draft.provisions.get(number="6")
    assert response.status_code == 302
    assert numbers[numbers.index("6") + 1] == "6-1"
    assert numbers[numbers.index("6-1") + 1] == "7"
    assert added.slug == "madde-6-1"
    assert added.division_id == six.division_id


def test_added_number_must_be_new(client, editor):
    act, draft = start_draft(client, editor)

    response = client.post(
        reverse("wagtailsnippets_legal_provision:add"),
        {"draft_version": draft.pk, "new_number": "7", "title": "İkinci yeddi", "text": "Mətn."},
    )

    assert response.status_code == 200
    assert draft.provisions.filter(number="7").count() == 1


def test_articles_cannot_be_added_to_published_version(client, editor):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    client.force_login(editor)

    client.post(
        reverse("wagtailsnippets_legal_provision:add"),
        {"draft_version": act.current_version_id, "new_number": "6-1", "title": "X", "text": "Y"},
    )

    assert not act.current_version.provisions.filter(number="6-1").exists()


def test_published_article_cannot_be_deleted(client, moderator):
    article = LegalAct.objects.get(slug="aile-mecellesi").current_version.provisions.get(number="1")
    client.force_login(moderator)

    client.post(reverse("wagtailsnippets_legal_provision:delete", args=[article.pk]))

    assert Provision.objects.filter(pk=article.pk).exists()


def test_editor_deletes_own_draft_but_not_published_version(client, editor):
    act, draft = start_draft(client, editor)

    client.post(reverse("wagtailsnippets_legal_actversion:delete", args=[draft.pk]))
    client.post(reverse("wagtailsnippets_legal_actversion:delete", args=[act.current_version_id]))

    assert not ActVersion.objects.filter(pk=draft.pk).exists()
    assert ActVersion.objects.filter(pk=act.current_version_id).exists()


def test_preview_flags_gaps_and_disorder(client, moderator, draft_act):
    text = NGO_LAW_TEXT.replace("Maddə 2. Qeyri-hökumət təşkilatı", "Maddə 5. Qeyri-hökumət təşkilatı")
    text += "\nMaddə 3. Sonra gələn maddə\n\nMətn.\n"
    client.force_login(moderator)
    url = reverse("wagtailsnippets_legal_actversion:preview_on_add")

    client.post(url, version_form(draft_act, source_text=text))
    response = client.get(url)

    messages = [warning.message for warning in response.context["parsed"].warnings]
    assert any("2–4" in message for message in messages)
    assert any("2-1" in message and "5" in message for message in messages)


def test_preview_speaks_azerbaijani(client, moderator, draft_act):
    text = NGO_LAW_TEXT.replace("Maddə 2-1. Dövlət qeydiyyatı", "Maddə 21. Dövlət qeydiyyatı")
    client.force_login(moderator)
    url = reverse("wagtailsnippets_legal_actversion:preview_on_add")

    with translation.override("az"):
        client.post(url, version_form(draft_act, source_text=text))
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="az")

    content = response.content.decode()
    assert "Maddə 21 Maddə 2-1 kimi oxundu" in content


def test_parse_error_in_form_is_translated(client, moderator, draft_act):
    client.force_login(moderator)
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "az"
    profile.save()

    response = client.post(
        reverse("wagtailsnippets_legal_actversion:add"),
        version_form(draft_act, source_text="Bu, sadəcə bir cümlədir. Maddə yoxdur."),
    )

    assert "nömrəli bənd tapılmadı" in response.content.decode()


def test_version_cannot_move_to_another_act(client, moderator):
    family = LegalAct.objects.get(slug="aile-mecellesi")
    constitution = LegalAct.objects.get(slug="konstitusiya")
    version = family.current_version
    client.force_login(moderator)

    client.post(
        reverse("wagtailsnippets_legal_actversion:edit", args=[version.pk]),
        {"act": constitution.pk, "effective_date": "2023-05-30", "amendment_note": "", "action-publish": "1"},
    )

    version.refresh_from_db()
    constitution.refresh_from_db()
    assert version.act_id == family.pk
    assert constitution.current_version.act_id == constitution.pk


def test_future_version_waits_for_its_date():
    import datetime

    from cms.legal.publishing import copy_as_draft, on_version_published, refresh_current_version

    act = LegalAct.objects.get(slug="aile-mecellesi")
    in_force = act.current_version
    future = copy_as_draft(in_force)
    future.effective_date = datetime.date.today() + datetime.timedelta(days=30)
    future.live = True
    future.save()

    on_version_published(future)
    act.refresh_from_db()
    current_now = act.current_version_id
    refresh_current_version(act, today=future.effective_date)

    assert current_now == in_force.pk
    assert act.current_version_id == future.pk
