import pytest

from cms.aztext import az_lower, az_upper, slugify, to_ascii


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("İCTİMAİ", "ictimai"),
        ("QIZ", "qız"),
        ("İSTİFADƏ", "istifadə"),
        ("Iğdır", "ığdır"),
    ],
)
def test_az_lower(text, expected):
    assert az_lower(text) == expected


def test_az_lower_keeps_length():
    """Python's own lower() turns İ into two code points; ours keeps one."""
    assert len(az_lower("İİİ")) == 3


def test_az_upper():
    assert az_upper("ictimai iştirakçılıq") == "İCTİMAİ İŞTİRAKÇILIQ"


def test_to_ascii_folds_every_azerbaijani_letter():
    assert to_ascii("Əə Iı İi Öö Üü Şş Çç Ğğ ә") == "Ee Ii Ii Oo Uu Ss Cc Gg e"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Təşkilatın adı", "teskilatin-adi"),
        ("İCTİMAİ İŞTİRAKÇILIQ HAQQINDA", "ictimai-istirakciliq-haqqinda"),
        ("AZƏRBAYCAN RESPUBLİKASININ AİLƏ MƏCƏLLƏSİ", "azerbaycan-respublikasinin-aile-mecellesi"),
        ("İnformasiya əldə etmək haqqında", "informasiya-elde-etmek-haqqinda"),
        ("Şəhər", "seher"),
        ("№ 790-VIQD", "no-790-viqd"),
    ],
)
def test_slugify_azerbaijani_titles(title, slug):
    assert slugify(title) == slug


def test_slugify_cuts_at_word_boundary():
    slug = slugify("Qeyri-hökumət təşkilatlarının fəaliyyətinin öyrənilməsi qaydaları", max_length=30)

    assert len(slug) <= 30
    assert slug == "qeyri-hokumet-teskilatlarinin"


def test_slugify_without_letters_is_empty():
    assert slugify("—") == ""
