"""Field names made from Azerbaijani, English and Russian labels: readable,
bounded, unique within a form, and never renamed once answers exist."""

import pytest

from forms.clean_names import MAX_LENGTH, base_name, unique_name
from forms.models import ServiceFormField, ServicePage

from .conftest import make_service_page


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Təşkilatın adı", "teskilatin_adi"),
        ("Donorun ölkəsi", "donorun_olkesi"),
        ("İCTİMAİ BİRLİYİN ÜNVANI", "ictimai_birliyin_unvani"),
        ("Grant amount", "grant_amount"),
        ("Дата подписания договора", "data_podpisaniya_dogovora"),
        ("Şəhər", "seher"),
        ("FİN kodu", "fin_kodu"),
        ("Ad:", "ad"),
        ("1. Layihənin adı", "field_1_layihenin_adi"),
        ("???", "field"),
    ],
)
def test_names_are_readable_ascii(label, name):
    assert base_name(label) == name


def test_long_label_gives_a_bounded_name_cut_at_a_word():
    label = "Qrant müqaviləsinin bağlandığı tarixdən etibarən on beş gün ərzində " * 3

    name = base_name(label)

    assert len(name) <= MAX_LENGTH
    assert not name.endswith("_")
    assert name.startswith("qrant_muqavilesinin_baglandigi")


@pytest.mark.parametrize(
    "labels",
    [("Şəhər", "Səhər"), ("FİN kodu", "FIN kodu"), ("Ad", "Ad:"), ("Ad", "Ad:", "ad", "AD")],
)
def test_colliding_labels_get_distinct_names(labels):
    taken: set = set()
    names = []
    for label in labels:
        names.append(unique_name(label, taken))
        taken.add(names[-1])

    assert len(set(names)) == len(labels)
    assert names[0] == base_name(labels[0])


def test_suffix_stays_within_the_length_limit():
    label = "ə" * 179
    taken = {base_name(label)}

    assert len(unique_name(label, taken)) <= MAX_LENGTH


FIELDS = [
    {"label": "Şəhər", "field_type": "singleline"},
    {"label": "Səhər", "field_type": "singleline"},
    {"label": "FİN kodu", "field_type": "singleline"},
    {"label": "FIN kodu", "field_type": "singleline"},
    {"label": "Ad", "field_type": "singleline"},
    {"label": "Ad:", "field_type": "singleline"},
    {"label": "Bəli, razıyam", "field_type": "radio", "choices": "Bəli, razıyam\nXeyr"},
    {"label": "ə" * 103 + " " + "Təşkilatın hüquqi ünvanı " * 3, "field_type": "multiline"},
]


@pytest.mark.django_db
def test_page_saves_unique_names_on_this_database():
    # A 179-character Azerbaijani label once overflowed the name column on PostgreSQL.
    assert len(FIELDS[-1]["label"]) == 179

    page = make_service_page(slug="adlar", prefix="AD", fields=FIELDS)

    names = list(ServiceFormField.objects.filter(page=page).order_by("sort_order").values_list("clean_name", flat=True))
    assert names[:6] == ["seher", "seher_2", "fin_kodu", "fin_kodu_2", "ad", "ad_2"]
    assert len(set(names)) == len(names)
    assert all(len(name) <= MAX_LENGTH for name in names)


@pytest.mark.django_db
def test_names_never_change_when_labels_do():
    page = make_service_page(slug="adlar", prefix="AD", fields=FIELDS[:2])
    field = page.form_fields.get(clean_name="seher_2")

    field.label = "Gecə"
    page.form_fields = [page.form_fields.get(clean_name="seher"), field]
    page.save()

    assert set(ServiceFormField.objects.filter(page=page).values_list("clean_name", flat=True)) == {"seher", "seher_2"}


@pytest.mark.django_db
def test_choices_keep_their_commas():
    page = make_service_page(slug="adlar", prefix="AD", fields=FIELDS)
    form_class = page.form_builder(page.get_form_fields()).get_form_class()

    choices = form_class().fields["beli_raziyam"].choices

    assert choices == [("Bəli, razıyam", "Bəli, razıyam"), ("Xeyr", "Xeyr")]
    assert ServicePage.objects.filter(pk=page.pk).exists()
