"""Search normalisation: case and keyboard folding, word splitting, stemming, stopwords.

These tests need no database. The random-input tests use a fixed seed, so a
failure repeats.
"""

import gzip
import random
import re

import pytest

from search import build_roots, stemmer
from search.normalise import STOPWORDS, exact_terms, fold, folded_terms, stem, words

EXACT_TERM = re.compile(r"[a-z0-9əıöüşçğ]+")
FOLDED_TERM = re.compile(r"[a-z0-9]+")


def folded_stem(word: str) -> str:
    terms = folded_terms(word)
    assert len(terms) == 1, f"{word!r} gave {terms}"
    return terms[0]


# Case folding


@pytest.mark.parametrize("text", ["İCTİMAİ", "ictimai", "ICTIMAI", "İctimai", "I\u0307CTI\u0307MAI\u0307"])
def test_case_variants_fold_alike(text):
    assert folded_terms(text) == ["ictimai"]


def test_exact_terms_use_azerbaijani_case_rules():
    assert exact_terms("İCTİMAİ İŞTİRAKÇILIQ") == ["ictimai", "iştirakçılıq"]
    assert exact_terms("QIZ") == ["qız"]


def test_exact_terms_drop_combining_dot():
    """Python's "İ".lower() leaves i plus a combining dot; the dot must not split or stay in the word."""
    assert exact_terms("İctimai".lower()) == ["ictimai"]


# Keyboard folding


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("qrant muqavilesi", "qrant müqaviləsi"),
        ("qeyri-hokumet teskilatlari", "qeyri-hökumət təşkilatları"),
        ("seher", "şəhər"),
        ("sheher", "şəhər"),
        ("chox", "çox"),
        ("aghac", "ağac"),
        ("ozunu", "özünü"),
        ("QEYRI-HOKUMET", "Qeyri-hökumət"),
        ("şəhər", "ş\u04d9h\u04d9r"),  # with the Cyrillic schwa ә
        ("cafe", "café"),
    ],
)
def test_keyboard_spelling_matches_printed(typed, printed):
    assert folded_terms(typed) == folded_terms(printed)


def test_fold_keeps_punctuation_in_place():
    assert fold("Maddə 7-1. Qeyri-hökumət (QHT)") == "madde 7-1. qeyri-hokumet (qht)"


def test_fold_folds_digraphs_in_printed_text_too():
    assert fold("Məshəti") == "meseti"


def test_fold_makes_numero_sign_a_space():
    assert fold("№790") == " 790"


# Word splitting


@pytest.mark.parametrize("text", ["№ 790-VIQD", "790 viqd", "790-viqd", "№790-VIQD", "790VIQD", "N 790 - VIQD"])
def test_act_number_variants_give_same_terms(text):
    assert folded_terms(text)[-2:] == ["790", "viqd"]
    assert exact_terms(text)[-2:] == ["790", "viqd"]


def test_roman_numeral_keeps_latin_i():
    assert exact_terms("172-IQ") == ["172", "iq"]
    assert exact_terms("1042-IVQD") == ["1042", "ivqd"]
    assert exact_terms("IV fəsil") == ["iv", "fəsil"]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Maddə 7-1", ["maddə", "7", "1"]),
        ("98-1", ["98", "1"]),
        ("1.2.3.", ["1", "2", "3"]),
        ("7¹", ["7", "1"]),
        ("2.5-1. Ələt", ["2", "5", "1", "ələt"]),
        ("1-ci fəsil", ["1", "ci", "fəsil"]),
    ],
)
def test_article_numbers_split_into_numbers(text, terms):
    assert exact_terms(text) == terms


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("keзirilir", ["keçirilir"]),
        ("Respublikasэnэn", ["respublikasının"]),
        ("ºəxs", ["şəxs"]),
        ("VЦEN", ["vöen"]),
        ("аydаn", ["aydan"]),
        ("qu¬raş¬dırılması", ["quraşdırılması"]),
        ("hüquq\u00adları", ["hüquqları"]),
        ("Äli", ["əli"]),
    ],
)
def test_words_repair_font_and_cyrillic_letters(text, terms):
    assert words(text) == terms


def test_words_split_on_every_other_character():
    assert words('a"b\\c*d:e^f(g)h\'i\x00j😀k—l') == list("abcdefghijkl")


def test_words_of_folded_text_are_folded_words():
    text = "Azərbaycan Respublikasının QANUNU №790-VIQD, maddə 7¹ (şəhər)"

    assert [stem(word) for word in words(fold(text))] == folded_terms(text)


# Stemming


SAME_STEM = [
    ("birliklər", "birlik"),
    ("birliklərin", "birlik"),
    ("birliyi", "birlik"),
    ("birlikləri", "birlik"),
    ("birliyə", "birlik"),
    ("təşkilatlarının", "təşkilat"),
    ("təşkilatları", "təşkilat"),
    ("təşkilatın", "təşkilat"),
    ("müqaviləsi", "müqavilə"),
    ("müqavilənin", "müqavilə"),
    ("müqavilələr", "müqavilə"),
    ("müqaviləyə", "müqavilə"),
    ("qrantlar", "qrant"),
    ("qrantın", "qrant"),
    ("qranta", "qrant"),
    ("hüququ", "hüquq"),
    ("hüquqları", "hüquq"),
    ("hüquqlarına", "hüquq"),
    ("ayağı", "ayaq"),
    ("torpağın", "torpaq"),
    ("uşağın", "uşaq"),
    ("öhdəliyi", "öhdəlik"),
    ("qanunvericiliyi", "qanunvericilik"),
    ("qanunvericiliyə", "qanunvericilik"),
    ("maddə", "madde"),
    ("maddəsinin", "maddə"),
    ("maddələrində", "maddə"),
    ("ailəsi", "ailə"),
    ("ailənin", "ailə"),
    ("qanunu", "qanun"),
    ("qanununda", "qanun"),
    ("qanunla", "qanun"),
    ("qeydə", "qeyd"),
    ("sənədi", "sənəd"),
    ("sənədə", "sənəd"),
    ("vətəndaşı", "vətəndaş"),
    ("ödənişin", "ödəniş"),
    ("insanın", "insan"),
    ("informasiyanın", "informasiya"),
    ("komissiyaya", "komissiya"),
    ("manatadək", "manat"),
    ("şəhərdə", "şəhər"),
    ("dövlətin", "dövlət"),
    ("şəxslərin", "şəxs"),
    ("hökumətin", "hökumət"),
    ("məhkəməsinin", "məhkəmə"),
    ("vergisi", "vergi"),
    ("cərimələr", "cərimə"),
    ("mülkiyyətə", "mülkiyyət"),
    ("fəaliyyətinin", "fəaliyyət"),
    ("cinayətlərə", "cinayət"),
    ("müddətində", "müddət"),
    ("bəndində", "bənd"),
    ("qaydada", "qayda"),
    ("səhmdarlar", "səhmdar"),
    ("sığortaçının", "sığortaçı"),
    ("əmlakı", "əmlak"),
    ("zərərin", "zərər"),
    ("tələbləri", "tələb"),
    ("qərarı", "qərar"),
    ("ərazisində", "ərazi"),
    ("işi", "iş"),
    ("ildə", "il"),
    ("əri", "ər"),
    # typed without Azerbaijani letters, or in capitals
    ("muqavilesi", "müqavilə"),
    ("teskilatlarinin", "təşkilat"),
    ("huquqlari", "hüquq"),
    ("sheherde", "şəhər"),
    ("MÜQAVİLƏSİ", "müqavilə"),
]

DIFFERENT_STEM = [
    ("qanun", "qanunvericilik"),
    ("qanun", "qanuni"),
    ("qanun", "qan"),
    ("ailə", "ail"),
    ("insan", "inşa"),
    ("qadın", "qadağan"),
    ("mal", "malik"),
    ("ayaq", "ay"),
    ("iş", "işıq"),
    ("iş", "isə"),
    ("il", "ilə"),
    ("hüquq", "hüquqi"),
    ("birlik", "bir"),
    ("ər", "ərizə"),
    ("dövlət", "dövr"),
    ("vergi", "ver"),
]


@pytest.mark.parametrize(("form", "base"), SAME_STEM)
def test_inflected_form_has_base_stem(form, base):
    assert folded_stem(form) == folded_stem(base)


@pytest.mark.parametrize(("first", "second"), DIFFERENT_STEM)
def test_distinct_words_keep_distinct_stems(first, second):
    assert folded_stem(first) != folded_stem(second)


@pytest.mark.parametrize(
    ("root", "expected"),
    [
        ("qanun", "qanun"),
        ("hüquq", "huquq"),
        ("birlik", "birlik"),
        ("təşkilat", "teskilat"),
        ("müqavilə", "muqavile"),
        ("ailə", "aile"),
        ("ər", "er"),
        ("iş", "is"),
    ],
)
def test_frequent_roots_stem_to_themselves(root, expected):
    assert folded_stem(root) == expected


@pytest.mark.parametrize(
    "root",
    ["qanun", "hüquq", "müqavilə", "təşkilat", "birlik", "qrant", "maddə", "ailə", "şəhər", "məhkəmə",
     "vətəndaş", "ödəniş", "sənəd", "qeyd", "qanunvericilik", "torpaq", "insan", "qadın", "informasiya",
     "öhdəlik", "bənd", "qayda", "manat", "gün", "ər"],
)
def test_every_generated_noun_form_has_root_stem(root):
    for form in sorted(build_roots.noun_forms(root)):
        assert folded_stem(form) == folded_stem(root), form


@pytest.mark.parametrize("word", ["790", "7", "2023", "1a2"])
def test_stem_leaves_digits_alone(word):
    assert stem(word) == word


@pytest.mark.parametrize("word", ["er", "on", "ana", "ata", "ile", "ise"])
def test_stem_keeps_short_words(word):
    assert stem(word) == word


def test_stem_stops_on_long_suffix_chains():
    assert stem("lar" * 3000)


def test_every_root_stems_to_itself():
    assert all(stem(root) == root for root in stemmer.ROOTS)


def test_shipped_roots_match_build():
    """The root list must be rebuilt (python -m search.build_roots) whenever the rules change."""
    shipped = {
        line for line in build_roots.OUTPUT.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }

    assert shipped == build_roots.choose_roots(build_roots.count_words())


# Stopwords


def test_stopwords_are_folded():
    assert all(FOLDED_TERM.fullmatch(word) for word in STOPWORDS)


@pytest.mark.parametrize("word", ["və", "üçün", "haqqında", "ilə", "bu", "olan"])
def test_stopwords_contain_function_words(word):
    assert fold(word) in STOPWORDS


@pytest.mark.parametrize("word", ["qanun", "maddə", "faiz", "tərəf", "yeni", "il", "əlavə", "qeyri"])
def test_stopwords_leave_out_legal_terms(word):
    assert fold(word) not in STOPWORDS


# Robustness: any string gives aligned, FTS-safe terms


NASTY_INPUTS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "😀🇦🇿👍🏽",
    "...!!!???---",
    '"',
    "'\"\\",
    "\\\\\\",
    "qanun AND hüquq OR NOT NEAR(a b, 3) * : ^ \" ( )",
    "title:qanun^2 NEAR/3",
    "'; DROP TABLE search_entry; --",
    "1' OR '1'='1",
    "a & b | !c <-> d:*",
    "\ud800\udfff",
    "İ" * 10_000,
    "qanunlarının " * 1_000,
    "ﬁ ＡＢＣ １２３ ǅ",
    "Москва әлифба ҝүн",
    "\u0301\u0307\u0308",
]


def _check_terms(text: str) -> None:
    exact, folded = exact_terms(text), folded_terms(text)

    assert len(exact) == len(folded), text[:80]
    assert all(EXACT_TERM.fullmatch(term) for term in exact), exact[:20]
    assert all(FOLDED_TERM.fullmatch(term) for term in folded), folded[:20]
    assert isinstance(fold(text), str)


@pytest.mark.parametrize("text", NASTY_INPUTS)
def test_hostile_input_gives_safe_terms(text):
    _check_terms(text)


def _random_text(generator: random.Random) -> str:
    pools = [
        "abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ",
        "0123456789 -.,;:!?\"'()[]{}*^~\\/|&<>@#$%№§¹²ºª¬\u00ad\u200b\t\n\x00",
        "әӘеєзэьцЦюаоср",
        "\u0301\u0307\u0308\u0327",
    ]
    length = generator.randint(0, 60)
    characters = []
    for _ in range(length):
        if generator.random() < 0.15:
            characters.append(chr(generator.randint(0, 0x10FFFF)))
        else:
            characters.append(generator.choice(generator.choice(pools)))
    return "".join(characters)


def test_random_input_gives_safe_terms():
    generator = random.Random(20240601)
    for _ in range(3_000):
        _check_terms(_random_text(generator))


def test_random_input_folds_like_words():
    generator = random.Random(7)
    for _ in range(3_000):
        text = _random_text(generator)

        assert [stem(word) for word in words(fold(text))] == folded_terms(text), repr(text)


def test_corpus_act_terms_align():
    path = build_roots.CORPUS / "az-constitution-1995.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        text = stream.read()

    exact, folded = exact_terms(text), folded_terms(text)

    assert len(exact) == len(folded) > 10_000
    assert [stem(word) for word in words(fold(text))] == folded
