import pytest

from cms.aztext import az_lower, az_upper, ordinal_to_number, slugify, to_ascii


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


@pytest.mark.parametrize(
    ("words", "number"),
    [("Birinci", 1), ("İKİNCİ", 2), ("Altıncı", 6), ("Doqquzuncu", 9), ("On birinci", 11), ("İyirminci", 20)],
)
def test_ordinal_to_number(words, number):
    assert ordinal_to_number(words) == number


@pytest.mark.parametrize("words", ["ÜMUMİ HİSSƏ", "I", "", "birlik"])
def test_ordinal_to_number_rejects_other_words(words):
    assert ordinal_to_number(words) is None
