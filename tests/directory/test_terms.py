"""Search terms and sort keys of cms.directory.terms, without the database."""

from cms.directory.terms import name_sort_key, search_terms


def test_terms_hold_folded_words_and_stems():
    terms = search_terms("“Səhiyyə Maarifi” İctimai Birliyi", "1500286066", "1400212834").split()

    assert {"sehiyye", "sehiyy", "maarifi", "maarif", "ictimai", "birliyi", "birlik"} <= set(terms)
    assert {"1500286066", "1400212834"} <= set(terms)


def test_terms_are_padded_with_spaces():
    terms = search_terms("Fond", "", "")

    assert terms.startswith(" ")
    assert terms.endswith(" ")


def test_terms_join_digits_of_registration_number():
    terms = search_terms("Fond", "", "14-00/200713").split()

    assert "1400200713" in terms
    assert {"14", "00", "200713"} <= set(terms)


def test_terms_contain_only_keyboard_letters_and_digits():
    terms = search_terms("“Ürək Dostları” Xeyriyyə Fondu — Şəki, ÇAĞ", "", "№ 12")

    assert set(terms) <= set(" abcdefghijklmnopqrstuvwxyz0123456789")


def test_sort_key_follows_azerbaijani_alphabet():
    names = ["Zəfər", "Şəfa", "Sağlam", "Çinar", "Cəmiyyət", "Əmək", "Ekologiya", "İnam", "Işıq", "Xəzər", "Həyat", "Qala", "Kənd"]

    ordered = sorted(names, key=name_sort_key)

    assert ordered == ["Cəmiyyət", "Çinar", "Ekologiya", "Əmək", "Həyat", "Xəzər", "Işıq", "İnam", "Kənd", "Qala",
                       "Sağlam", "Şəfa", "Zəfər"]


def test_sort_key_ignores_quotes_and_punctuation():
    assert name_sort_key("“Sağlam Gələcək” İctimai Birliyi") == name_sort_key("Sağlam Gələcək İctimai Birliyi")
    assert name_sort_key("“Bilik”") < name_sort_key("Gənclər İttifaqı") < name_sort_key("“Sağlam”")


def test_sort_key_puts_shorter_name_first():
    assert name_sort_key("Sağlam Gələcək") < name_sort_key("Sağlam Gələcək Naminə")
    assert name_sort_key("Sağlam Gələcək”") < name_sort_key("Sağlam Gələcəkçilər")


def test_sort_key_is_digits_only():
    key = name_sort_key("“Kür Deltası” Ekoloji Fondu 2026 — Ñandú Общество")

    assert key.isdigit()
    assert len(key) % 2 == 0


def test_sort_key_reads_accented_letters_as_base_letter():
    assert name_sort_key("Café") == name_sort_key("Cafe")
