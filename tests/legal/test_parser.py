"""The plain-text parser on the shipped corpus and on hand-made edge cases.

No database: these tests only read the gzipped texts that ship with the site.
The expected counts were established by reading the texts. Where a count
differs from the number of distinct ``Maddə N.`` lines in a file, the comment
next to it gives the reason: tables of contents and old wordings quoted in
notes repeat headings.
"""

import datetime
import functools
import gzip
import random
import re
from pathlib import Path

import pytest

from cms.legal.parsing import (
    ARTICLE,
    CHAPTER,
    PART,
    POINT,
    SECTION,
    ParseError,
    az_lower,
    az_upper,
    parse_text,
    title_case,
)

CORPUS = Path(__file__).resolve().parents[2] / "cms" / "legal" / "corpus" / "acts"
MARKER = re.compile(r"\[\d+\]")
# Anchors of court decisions and constitutional laws printed in e-qanun.az
# texts ("KMQ16", "KMQ 25", "K M 1", "KQ1", "AM 1"), and a bare "KM" or "KMQ"
# whose number was lost.
COURT_ANCHOR = re.compile(r"(?<![A-ZÇƏĞİÖŞÜ])(?:K ?M ?Q?|K ?Q|A ?M) ?\d|(?<!\w)KMQ?(?!\w)")
CAPITAL_INSIDE_WORD = re.compile(r"[a-zçəğıöşü][A-ZÇƏĞİÖŞÜ]")

# Articles in the body of each act with articles, after lost superscripts are
# repaired and tables of contents dropped. "1–618 + 72" means articles 1 to
# 618 plus 72 inserted articles numbered like 81-1.
ARTICLE_COUNTS = {
    "az-code-administrative-offences-2015.txt": 690,  # 1–618 + 72
    "az-code-administrative-procedure-2009.txt": 138,  # 1–132 + 6
    # 1–1325 + 150, without 120–134 and 513–521: repealed, they appear only
    # as old wordings in the notes, which is where most of the 1471 distinct
    # headings of a plain line count come from.
    "az-code-civil-1999.txt": 1451,
    # 1–496 + 55 without 356 (repealed, only in a note); 431-2 is printed "431.2".
    "az-code-civil-procedure-1999.txt": 550,
    "az-code-competition-2023.txt": 84,  # 1–84; the contents list repeats all 84 headings
    "az-code-criminal-1999.txt": 446,  # 1–353 + 93, headings printed "Maddə 1 ." included
    "az-code-criminal-procedure-2000.txt": 574,  # 1–530 + 44
    "az-code-customs-2011.txt": 337,  # 1–334 + 3
    "az-code-election-2003.txt": 250,  # 1–246 + 4
    "az-code-execution-of-sentences-2000.txt": 203,  # 1–190 + 13
    "az-code-family-1999.txt": 205,  # 1–196 + 9
    "az-code-forest-1997.txt": 80,
    "az-code-housing-2009.txt": 147,  # 1–146 + 1
    "az-code-labour-1999.txt": 326,  # 1–317 + 9, "Maddə 298 ləğv edilmişdir." included
    "az-code-land-1999.txt": 113,
    "az-code-merchant-shipping-2001.txt": 337,  # 1–335 + 2
    "az-code-migration-2013.txt": 95,
    "az-code-urban-planning-construction-2012.txt": 108,  # 1–106 + 2
    "az-code-water-1997.txt": 105,
    "az-constitution-1995.txt": 164,  # 1–158 + 98-1, 103-1, 106-1, 108-1, 110-1, 146-1
    "az-law-compulsory-insurance-civil-servants-2002.txt": 13,
    "az-law-compulsory-insurances-2011.txt": 78,  # the contents list at the top repeats all 78
    "az-law-insurance-activity-2007.txt": 135,  # the contents list at the top repeats all 135
    "az-law-medical-insurance-1999.txt": 17,
    "az-law-public-participation-2014-PARTIAL.txt": 16,  # the copy stops after article 16
    "az-law-right-to-obtain-information-2005.txt": 59,  # 1–58 + 1
}

# Points of the acts without articles.
POINT_COUNTS = {
    "az-cabmin-decision-339-2015-foreign-donor-grant-right-rules.txt": 14,  # 1.1–1.5, 2.1–2.4, 3.1–3.5
    "az-cabmin-decision-91-2017-mutual-payments-energy-gas-companies.txt": 26,
    # No numbered point at all: the amendments are kept as one point.
    "az-cabmin-decision-amending-234-2013-electricity-connection-rules.txt": 1,
    "az-law-1042-IVQD-2014-labour-code-amendments.txt": 2,
    "az-law-1059-IVQD-2014-labour-code-amendments-migration.txt": 2,
    "az-mof-collegium-Q-20-2014-kasko-insurance-rules.txt": 137,  # decision 1–5 + rules points
    "az-moj-collegium-11-N-2015-rules-study-of-ngo-activity.txt": 39,  # decision 1–4 + rules 1.1–6.2
    "az-presidential-decree-2018-02-28-amending-decree-1313-electricity-connection.txt": 4,
    "az-presidential-decree-office-work-instruction-state-bodies-PARTIAL.txt": 63,  # decree 1–5 + instruction
}

NOTE_COUNTS = {
    "az-constitution-1995.txt": 66,
    "az-code-family-1999.txt": 180,
    "az-code-criminal-1999.txt": 1000,
    "az-code-civil-1999.txt": 824,
    "az-law-right-to-obtain-information-2005.txt": 32,
    "az-law-medical-insurance-1999.txt": 0,
}

CONSTITUTION_REPAIRS = ["98-1", "103-1", "106-1", "108-1", "110-1", "146-1"]


def read_act(name: str) -> str:
    with gzip.open(CORPUS / f"{name}.gz", "rt", encoding="utf-8") as handle:
        return handle.read()


@functools.lru_cache(maxsize=None)
def parsed(name: str):
    return parse_text(read_act(name), source=name)


def numbers(name: str, kind: str = ARTICLE) -> list[str]:
    return [provision.number for provision in parsed(name).provisions if provision.kind == kind]


def provision(name: str, number: str):
    return next(item for item in parsed(name).provisions if item.number == number)


ALL_FILES = sorted(path.name.removesuffix(".gz") for path in CORPUS.glob("*.txt.gz"))


# The corpus as a whole


def test_corpus_has_every_counted_file():
    counted = set(ARTICLE_COUNTS) | set(POINT_COUNTS)

    assert counted == set(ALL_FILES)


@pytest.mark.parametrize("name", sorted(ARTICLE_COUNTS))
def test_article_count(name):
    count = len(numbers(name, ARTICLE))

    assert count == ARTICLE_COUNTS[name]


@pytest.mark.parametrize("name", sorted(ARTICLE_COUNTS))
def test_article_act_has_no_points(name):
    assert numbers(name, POINT) == []


@pytest.mark.parametrize("name", sorted(POINT_COUNTS))
def test_point_count(name):
    count = len(numbers(name, POINT))

    assert count == POINT_COUNTS[name]


@pytest.mark.parametrize("name", sorted(POINT_COUNTS))
def test_point_act_has_no_articles(name):
    assert numbers(name, ARTICLE) == []


@pytest.mark.parametrize("name", ALL_FILES)
def test_provision_numbers_unique(name):
    all_numbers = [item.number for item in parsed(name).provisions]

    assert len(all_numbers) == len(set(all_numbers))


@pytest.mark.parametrize("name", ALL_FILES)
def test_markers_removed_from_titles_and_text(name):
    leftovers = [item.number for item in parsed(name).provisions if MARKER.search(item.title + item.text)]

    assert leftovers == []


@pytest.mark.parametrize("name", ALL_FILES)
def test_paragraphs_separated_by_one_blank_line(name):
    act = parsed(name)

    for item in act.provisions:
        assert "\n\n\n" not in item.text, item.number
        assert item.text == item.text.strip(), item.number
        assert "  " not in item.text, item.number


@pytest.mark.parametrize("name", ALL_FILES)
def test_division_paths_point_at_enclosing_divisions(name):
    act = parsed(name)

    for item in act.provisions:
        path = item.division_path
        for outer, inner in zip(path, path[1:]):
            assert act.divisions[inner].parent == outer, item.number
        if path:
            assert act.divisions[path[0]].parent is None, item.number


@pytest.mark.parametrize("name", ALL_FILES)
def test_division_parent_comes_first(name):
    act = parsed(name)

    for index, division in enumerate(act.divisions):
        assert division.parent is None or division.parent < index


# The Constitution


def test_constitution_article_numbers():
    expected = [str(number) for number in range(1, 159)] + CONSTITUTION_REPAIRS

    assert sorted(numbers("az-constitution-1995.txt")) == sorted(expected)


def test_constitution_repaired_article_follows_base():
    article_numbers = numbers("az-constitution-1995.txt")

    for repaired in CONSTITUTION_REPAIRS:
        base = repaired.split("-")[0]
        assert article_numbers.index(repaired) == article_numbers.index(base) + 1


def test_constitution_repairs_reported():
    messages = [message.message for message in parsed("az-constitution-1995.txt").repairs]

    expected = [
        f"Article {number.replace('-', '')} repaired to {number} (superscript lost in conversion)"
        for number in CONSTITUTION_REPAIRS
    ]
    assert messages == expected


def test_constitution_repair_line():
    repair = parsed("az-constitution-1995.txt").repairs[0]

    assert read_act("az-constitution-1995.txt").split("\n")[repair.line - 1].startswith("Maddə 981.")


def test_constitution_title():
    assert parsed("az-constitution-1995.txt").title == "Azərbaycan Respublikasının Konstitusiyası"


def test_constitution_division_tree():
    act = parsed("az-constitution-1995.txt")
    first_article = provision("az-constitution-1995.txt", "1")

    part, chapter = (act.divisions[index] for index in first_article.division_path)

    assert (part.kind, part.number, part.title) == (PART, "Birinci", "Ümumi Müddəalar")
    assert (chapter.kind, chapter.number, chapter.title) == (CHAPTER, "I", "Xalq Hakimiyyəti")


def test_constitution_roman_paragraphs_in_text():
    text = provision("az-constitution-1995.txt", "1").text

    assert text.split("\n\n")[1].startswith("II. Azərbaycan xalqı")


def test_constitution_transitional_provisions_closing():
    closing = parsed("az-constitution-1995.txt").closing_text

    assert closing.startswith("KEÇİD MÜDDƏALARI")
    assert closing.endswith("№ 00.")


def test_constitution_last_article_ends_before_transitional():
    assert "KEÇİD" not in provision("az-constitution-1995.txt", "158").text


def test_constitution_sources_list_kept_apart():
    act = parsed("az-constitution-1995.txt")

    assert act.source_documents.startswith("İSTİFADƏ OLUNMUŞ MƏNBƏ SƏNƏDLƏRİNİN SİYAHISI")
    assert "MƏNBƏ" not in act.closing_text


def test_constitution_note_numbers():
    note_numbers = [note.number for note in parsed("az-constitution-1995.txt").notes]

    assert note_numbers == list(range(1, 67))


def test_constitution_note_previous_wording():
    note = next(note for note in parsed("az-constitution-1995.txt").notes if note.number == 29)

    assert note.amending_act_date == datetime.date(2016, 10, 11)
    assert note.amending_act_number == "20/83"
    assert note.previous_wording.startswith("Maddə 60. Hüquq və azadlıqların məhkəmə təminatı")
    assert note.text.startswith("11 oktyabr 2016-cı il 20/83 nömrəli")


def test_constitution_old_wording_not_a_provision():
    assert numbers("az-constitution-1995.txt").count("60") == 1


def test_constitution_marker_on_repaired_heading():
    article = provision("az-constitution-1995.txt", "146-1")

    assert article.title == "Bələdiyyələrin məsuliyyəti"
    assert article.note_numbers == [65]


# Amendment notes


@pytest.mark.parametrize("name", sorted(NOTE_COUNTS))
def test_note_count(name):
    assert len(parsed(name).notes) == NOTE_COUNTS[name]


def test_civil_code_note_fields():
    note = next(note for note in parsed("az-code-civil-1999.txt").notes if note.number == 6)

    assert note.amending_act_date == datetime.date(2005, 6, 24)
    assert note.amending_act_number == "949-IIQD"
    assert note.previous_wording.startswith("Maddə 13. Sahibkarlıq fəaliyyəti")


def test_note_number_with_stray_space():
    note = next(note for note in parsed("az-code-civil-1999.txt").notes if note.number == 431)

    assert note.amending_act_number == "479-IIQD"


def test_note_referring_to_another_takes_its_act():
    notes = {note.number: note for note in parsed("az-code-criminal-procedure-2000.txt").notes}

    assert notes[132].text == "Bax: 22-ci istinad"
    assert notes[132].amending_act_number == notes[22].amending_act_number


def test_numbered_amendment_list_without_brackets():
    notes = parsed("az-law-insurance-activity-2007.txt").notes

    assert [(note.number, note.amending_act_date, note.amending_act_number) for note in notes] == [
        (1, datetime.date(2008, 6, 13), "648-IIIQD"),
        (2, datetime.date(2009, 6, 30), "856-IIIQD"),
    ]


def test_old_wordings_in_notes_not_provisions():
    article_numbers = numbers("az-code-civil-1999.txt")

    assert "120" not in article_numbers
    assert article_numbers.count("13") == 1


# Footnote markers


def test_act_marker_on_title():
    act = parsed("az-code-family-1999.txt")

    assert act.title == "Azərbaycan Respublikasının Ailə Məcəlləsi"
    assert act.act_note_numbers == [1]


def test_marker_before_heading_recorded():
    article = provision("az-code-family-1999.txt", "195")

    assert article.title == "Ölümün dövlət qeydiyyatına alınması qaydası"
    assert article.note_numbers == [179]


def test_marker_in_body_recorded():
    article = provision("az-constitution-1995.txt", "3")

    assert article.note_numbers == [1]
    assert article.text.endswith("təsdiq edilməsi.")


def test_markers_linked_to_notes():
    act = parsed("az-code-family-1999.txt")
    note_numbers = {note.number for note in act.notes}

    linked = {number for item in act.provisions for number in item.note_numbers}
    linked |= {number for division in act.divisions for number in division.note_numbers}
    linked |= set(act.act_note_numbers)

    assert linked <= note_numbers
    assert len(linked) == 180


def test_court_anchor_removed_from_title():
    assert provision("az-code-civil-1999.txt", "23").title == "Şərəfin, ləyaqətin və işgüzar nüfuzun müdafiəsi"


# Court-decision anchors


@pytest.mark.parametrize("name", ALL_FILES)
def test_no_court_anchor_in_provisions(name):
    leftovers = [item.number for item in parsed(name).provisions if COURT_ANCHOR.search(item.title + "\n" + item.text)]

    assert leftovers == []


@pytest.mark.parametrize("name", ALL_FILES)
def test_no_court_anchor_in_other_text(name):
    act = parsed(name)

    assert not COURT_ANCHOR.search(act.preamble)
    assert not COURT_ANCHOR.search(act.closing_text)
    for division in act.divisions:
        assert not COURT_ANCHOR.search(division.title + "\n" + division.text), division.number


@pytest.mark.parametrize(
    ("name", "number", "excerpt"),
    [
        ("az-code-civil-1999.txt", "109-1", "yaradılır.\n\n109-1.2."),  # "yaradılır.KMQ16"
        ("az-code-labour-1999.txt", "6", "hərbi qulluqçulara;\n\nb)"),  # "qulluqçulara; KMQ12"
        ("az-code-civil-procedure-1999.txt", "305", "şikayətlər üzrə;\n\n305.1.9."),  # "üzrə;AM 1"
        ("az-code-civil-1999.txt", "269", "üsuludur.\n\n269.2."),  # "üsuludur. KMQ 25"
    ],
)
def test_court_anchor_removed_inside_text(name, number, excerpt):
    assert excerpt in provision(name, number).text


@pytest.mark.parametrize(
    ("name", "number", "ending"),
    [
        ("az-code-civil-1999.txt", "339", "etibarsız sayıla bilər."),  # "bilər. KMQ14"
        ("az-code-criminal-1999.txt", "74-1", "cəlb edilir."),  # followed by a line "KM1 KMQ15"
        ("az-constitution-1995.txt", "95", "əlavələr edilə bilər."),  # "bilər.KQ1"
        ("az-code-administrative-offences-2015.txt", "12", "səbəb olmasın."),  # "olmasın.KMQ17"
    ],
)
def test_court_anchor_removed_from_text_end(name, number, ending):
    assert provision(name, number).text.endswith(ending)


def test_line_start_anchor_joins_sentence():
    text = provision("az-code-civil-1999.txt", "340").text

    assert "tərəflərin həmin əqdi bağlayarkən əslində" in text


def test_anchor_before_capital_joins_sentence():
    text = provision("az-code-election-2003.txt", "179").text

    assert "növbədənkənar Prezident seçkiləri təyin edilir." in text


def test_court_anchor_glued_to_point_number():
    text = provision("az-code-family-1999.txt", "182").text

    assert "\n\n182.2. Bu Məcəllənin 17.2-ci maddəsində" in text


def test_court_anchor_before_point_number():
    text = provision("az-code-criminal-1999.txt", "83").text

    assert "\n\n83.4. Məhkum edilmiş şəxs" in text


@pytest.mark.parametrize(
    ("name", "number", "expected"),
    [
        # "...tərəfindən törədilməsiKMQ16"
        (
            "az-code-criminal-1999.txt",
            "34",
            "Cinayətin bir qrup şəxs, qabaqcadan əlbir olan bir qrup şəxs, mütəşəkkil dəstə və ya cinayətkar"
            " birlik (cinayətkar təşkilat) tərəfindən törədilməsi",
        ),
        ("az-code-criminal-1999.txt", "16", "Cinayətlərin təkrar törədilməsi."),  # "törədilməsi KMQ8 KMQ15."
        ("az-code-civil-procedure-1999.txt", "265", "Məhkəmənin xüsusi qərardadları"),  # "qərardadları KM"
        # The second line of the heading, "[588] KM1 ödəməkdən yayınma", is part of the title.
        (
            "az-code-criminal-1999.txt",
            "213",
            "Vergiləri, işsizlikdən sığorta, icbari tibbi sığorta və ya məcburi dövlət sosial sığorta haqlarını"
            " ödəməkdən yayınma",
        ),
    ],
)
def test_article_title_without_court_anchor(name, number, expected):
    assert provision(name, number).title == expected


def test_title_continuation_leaves_article_text():
    text = provision("az-code-criminal-1999.txt", "213").text

    assert text.startswith("213.1. Xeyli miqdarda vergiləri")


def test_court_decision_list_keeps_labels():
    sources = parsed("az-code-civil-1999.txt").source_documents

    assert "KMQ1 Azərbaycan Respublikası Konstitusiya Məhkəməsinin 27 iyul 2001-ci il" in sources
    assert "KMQ 25 1. Azərbaycan Respublikası Mülki Məcəlləsinin 1306-cı maddəsinə" in sources


def test_court_abbreviation_in_notes_kept():
    notes = {note.number: note for note in parsed("az-code-civil-1999.txt").notes}

    assert "\n\nKM (Azərbaycan Respublikası Konstitusiya Məhkəməsi" in notes[268].text


@pytest.mark.parametrize(
    "line",
    [
        "KM 15 fevral 2008-ci il tarixli qərar qüvvədədir.",
        "Konstitusiya Məhkəməsi (KM) qərar qəbul edir.",
        "Bu qayda AM1 markalı avtomobillərə aiddir.",
    ],
)
def test_text_like_anchor_kept(line):
    act = parse_text(f"Maddə 1. Ad\n\n{line}\n", source="synthetic.txt")

    assert act.provisions[0].text == line


# Tables of contents


def test_bare_contents_list_skipped():
    article = provision("az-law-compulsory-insurances-2011.txt", "1")

    assert article.text.startswith("1.1. Ayrı-ayrı icbari sığorta növlərinə")


def test_bare_contents_list_divisions_once():
    titles = [division.title for division in parsed("az-law-compulsory-insurances-2011.txt").divisions]

    assert titles.count("Ümumi Hissə") == 1
    assert titles.count("Keçid Müddəaları") == 1


def test_contents_list_preamble_kept():
    paragraphs = parsed("az-code-competition-2023.txt").preamble.split("\n\n")

    assert len(paragraphs) == 2
    assert paragraphs[1].startswith("Bu Məcəllə Azərbaycan Respublikası Konstitusiyasının 94-cü")
    assert paragraphs[1].endswith("hüquqi zəmin yaradır.")


def test_contents_list_divisions_once():
    titles = [division.title for division in parsed("az-code-competition-2023.txt").divisions]

    assert titles.count("Ümumi Müddəalar") == 1


def test_chapter_list_contents_skipped():
    act = parsed("az-code-criminal-1999.txt")

    hisse_titles = [division.title for division in act.divisions if division.number == ""]

    assert hisse_titles == ["Ümumi Hissə", "Xüsusi Hissə"]
    assert act.preamble == ""


def test_contents_at_end_skipped():
    act = parsed("az-code-customs-2011.txt")
    keys = [(division.kind, division.number, division.title) for division in act.divisions]

    assert len(keys) == len(set(keys))
    assert "MÜNDƏRİCAT" not in provision("az-code-customs-2011.txt", "334").text


def test_sources_list_before_body_kept_apart():
    text = (
        "AZƏRBAYCAN RESPUBLİKASININ SINAQ QANUNU\n\n"
        "İSTİFADƏ OLUNMUŞ MƏNBƏ SƏNƏDLƏRİNİN SİYAHISI\n\n"
        "1. 1 may 2000-ci il tarixli 1-IQ nömrəli Azərbaycan Respublikasının Qanunu\n\n"
        "I fəsil\nÜmumi müddəalar\n\nMaddə 1. Məqsəd\n\nBu Qanun sınaq üçündür.\n"
    )

    act = parse_text(text, source="synthetic.txt")

    assert act.title == "Azərbaycan Respublikasının Sınaq Qanunu"
    assert act.preamble == ""
    assert act.source_documents.endswith("1-IQ nömrəli Azərbaycan Respublikasının Qanunu")
    assert [division.title for division in act.divisions] == ["Ümumi müddəalar"]


# Lost superscripts and article numbers


def test_sequential_numbers_not_repaired():
    text = "\n".join(f"Maddə {number}. Başlıq {number}\n\nMətn {number}." for number in (9, 10, 11, 99, 100, 101))

    act = parse_text(text, source="synthetic.txt")

    assert [item.number for item in act.provisions] == ["9", "10", "11", "99", "100", "101"]
    assert act.repairs == []


def test_superscript_after_hundred_repaired():
    text = "\n".join(f"Maddə {number}. Başlıq\n\nMətn." for number in (99, 100, 1001, 1002, 101))

    act = parse_text(text, source="synthetic.txt")

    assert [item.number for item in act.provisions] == ["99", "100", "100-1", "100-2", "101"]
    assert len(act.repairs) == 2


def test_repeated_article_warned_and_kept_once():
    text = "Maddə 1. Bir\n\nMətn bir.\n\nMaddə 2. İki\n\nMətn iki.\n\nMaddə 2. İki\n\nTəkrar mətn."

    act = parse_text(text, source="synthetic.txt")

    assert [item.number for item in act.provisions] == ["1", "2"]
    assert "Təkrar mətn." in act.provisions[1].text
    assert act.warnings[0].line == 9
    assert "Article 2 appears again" in act.warnings[0].message


def test_overlong_article_number_is_text():
    text = "Bu mətn sınaq üçündür. " * 400 + "\n\nMaddə 1. Ad\n\nMətn.\n\nMaddə " + "9" * 5000 + ". Ad\n\nMətn."

    act = parse_text(text, source="synthetic.txt")

    assert [item.number for item in act.provisions] == ["1"]


def test_sentence_starting_with_article_word_is_text():
    text = "Maddə 1. Ad\n\nMətn.\n\nMaddə 5 2020-ci il yanvarın 1-dən tətbiq edilir."

    act = parse_text(text, source="synthetic.txt")

    assert [item.number for item in act.provisions] == ["1"]


def test_letter_spaced_article_number():
    assert provision("az-code-criminal-1999.txt", "108-1").title == "Məcburi hamiləlik"


def test_dot_for_hyphen_repaired():
    repairs = [message.message for message in parsed("az-code-civil-procedure-1999.txt").repairs]

    assert "Article 431.2 repaired to 431-2 (dot printed for the hyphen)" in repairs


def test_wrapped_article_title_joined():
    article = provision("az-code-administrative-offences-2015.txt", "2")

    assert "\n\nalmaqdan" not in article.text


# Divisions


def test_family_code_tree():
    act = parsed("az-code-family-1999.txt")

    part, chapter = (act.divisions[index] for index in provision("az-code-family-1999.txt", "7-1").division_path)

    assert (part.number, part.title) == ("Birinci", "Ümumi müddəalar")
    assert (chapter.number, chapter.title) == ("2", "Ailə hüquqlarının həyata keçirilməsi və müdafiəsi")


def test_wrapped_division_title_joined():
    act = parsed("az-code-family-1999.txt")

    part = next(division for division in act.divisions if division.number == "Yeddinci")

    assert part.title.endswith("iştirakı ilə ailə münasibətlərinə tətbiqi")
    assert part.text == ""


def test_sub_part_and_paragraph_divisions():
    kinds = {(division.kind, division.number) for division in parsed("az-code-civil-procedure-1999.txt").divisions}

    assert (PART, "Birinci") in kinds
    assert (CHAPTER, "47") in kinds


def test_civil_code_paragraph_sections():
    act = parsed("az-code-civil-1999.txt")

    section = act.divisions[provision("az-code-civil-1999.txt", "135").division_path[-1]]

    assert (section.kind, section.number, section.title) == (SECTION, "§ 1", "Əşya hüququnun əsas anlayışları")


def test_civil_code_roman_sub_heading():
    act = parsed("az-code-civil-1999.txt")

    heading = act.divisions[provision("az-code-civil-1999.txt", "255").division_path[-1]]

    assert (heading.number, heading.title) == ("I", "Servitut")


# Annexes and signatures


def test_annexes_in_closing_text():
    act = parsed("az-code-labour-1999.txt")

    assert act.closing_text.startswith("Azərbaycan Respublikasının Əmək Məcəlləsinə\n\nƏLAVƏLƏR")
    assert "ƏLAVƏLƏR" not in provision("az-code-labour-1999.txt", "317").text


def test_signature_in_closing_text():
    act = parsed("az-law-right-to-obtain-information-2005.txt")

    assert act.closing_text == (
        "İlham ƏLİYEV,\n\nAzərbaycan Respublikasının Prezidenti\n\nBakı şəhəri, 30 sentyabr 2005-ci il\n\n№ 1024-IIQ"
    )
    assert provision("az-law-right-to-obtain-information-2005.txt", "58").text.endswith("qüvvəyə minir.")


# Acts made of points


def test_rules_sections_and_points():
    name = "az-cabmin-decision-339-2015-foreign-donor-grant-right-rules.txt"
    act = parsed(name)

    sections = [(division.kind, division.number) for division in act.divisions]
    first_section = [item.number for item in act.provisions if item.division_path == (0,)]

    assert sections == [(SECTION, "1"), (SECTION, "2"), (SECTION, "3")]
    assert first_section == ["1.1", "1.2", "1.3", "1.4", "1.5"]


def test_sub_points_stay_in_point_text():
    text = provision("az-cabmin-decision-339-2015-foreign-donor-grant-right-rules.txt", "2.3").text

    assert "\n\n2.3.4. xarici donorun" in text


def test_point_title_empty_and_text_numbered():
    point = provision("az-cabmin-decision-339-2015-foreign-donor-grant-right-rules.txt", "1.4")

    assert point.title == ""
    assert point.text == "1.4. Qrant vermək hüququnu əldə etməmiş xarici donorlarla qrant müqaviləsi bağlanıla bilməz."


def test_decision_points_then_rules():
    name = "az-moj-collegium-11-N-2015-rules-study-of-ngo-activity.txt"

    point_numbers = numbers(name, POINT)

    assert point_numbers[:5] == ["1", "2", "3", "4", "1.1"]
    assert point_numbers[-1] == "6.2"


def test_annexed_rules_become_division():
    name = "az-moj-collegium-11-N-2015-rules-study-of-ngo-activity.txt"
    act = parsed(name)

    annex = act.divisions[0]

    assert (annex.kind, annex.number, annex.parent) == (PART, "", None)
    assert annex.title.endswith("Qaydaları")
    assert annex.text.endswith("təsdiq edilmişdir.")
    assert provision(name, "4").text == "4.Qərar aidiyyəti ədliyyə orqanlarına göndərilsin."
    assert "Fikrət Məmmədov" in act.closing_text


def test_quoted_points_stay_text():
    name = "az-presidential-decree-2018-02-28-amending-decree-1313-electricity-connection.txt"

    point_numbers = numbers(name, POINT)

    assert point_numbers == ["1", "2", "3", "4"]
    assert "\n\n2.16. Texniki şərtlər" in provision(name, "1").text


def test_decree_signature_in_closing_text():
    name = "az-presidential-decree-2018-02-28-amending-decree-1313-electricity-connection.txt"

    assert parsed(name).closing_text.startswith("İlham Əliyev")


def test_repeated_point_numbers_suffixed():
    name = "az-presidential-decree-office-work-instruction-state-bodies-PARTIAL.txt"
    act = parsed(name)

    assert numbers(name, POINT)[:7] == ["1", "2", "3", "4", "5", "1 (2)", "2 (2)"]
    assert act.warnings[0].message == "Number 1 is used again; this unit is numbered 1 (2)"


def test_missing_section_heading_inferred():
    name = "az-mof-collegium-Q-20-2014-kasko-insurance-rules.txt"
    act = parsed(name)

    section = act.divisions[provision(name, "16.1").division_path[-1]]

    assert (section.number, section.title) == ("16", "Azadolma məbləği")
    assert "section inferred from point 16.x" in act.warnings[0].message


def test_section_text_without_points_becomes_point():
    name = "az-mof-collegium-Q-20-2014-kasko-insurance-rules.txt"

    point = provision(name, "10")

    assert point.text.startswith("Bu Qaydaların Xüsusi hissəsinin II və III Bölmələri")


def test_act_without_numbered_points_is_one_point():
    name = "az-cabmin-decision-amending-234-2013-electricity-connection-rules.txt"
    act = parsed(name)

    assert act.provisions[0].text.startswith("Azərbaycan Respublikası Nazirlər Kabinetinin 2013-cü il 27 avqust")
    assert act.provisions[0].text.endswith("2.6-1-ci bəndinə uyğun edilə bilər.”.")
    assert act.preamble.endswith("qərara alır:")
    assert act.warnings[0].message == "No numbered points found; the operative text is kept as point 1"


def test_amending_law_points_and_signature():
    name = "az-law-1042-IVQD-2014-labour-code-amendments.txt"
    act = parsed(name)

    assert act.title == (
        "Azərbaycan Respublikasının Əmək Məcəlləsində dəyişikliklər edilməsi barədə Azərbaycan Respublikasının Qanunu"
    )
    assert "\n\n1.2. 6-cı hissədən" in provision(name, "1").text
    assert act.closing_text.endswith("№ 1042-IVQD")


# Title case and case mapping


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AZƏRBAYCAN RESPUBLİKASININ AİLƏ MƏCƏLLƏSİ", "Azərbaycan Respublikasının Ailə Məcəlləsi"),
        ("İCTİMAİ", "İctimai"),
        ("QIZ", "Qız"),
        ("IRQI", "Irqı"),
        ("ƏSAS HÜQUQLAR, AZADLIQLAR VƏ VƏZİFƏLƏR", "Əsas Hüquqlar, Azadlıqlar və Vəzifələr"),
        (
            "AZƏRBAYCAN RESPUBLİKASININ CİNAYƏT-PROSESSUAL MƏCƏLLƏSİ",
            "Azərbaycan Respublikasının Cinayət-Prosessual Məcəlləsi",
        ),
        ("QHT-LƏRİN FƏALİYYƏTİ", "QHT-lərin Fəaliyyəti"),
        ("“DÖVLƏT QULLUĞU HAQQINDA” QANUN", "“Dövlət Qulluğu haqqında” Qanun"),
        ("AMNİSTİYA. ƏFV ETMƏ", "Amnistiya. Əfv Etmə"),
        ("XII FƏSİL", "XII Fəsil"),
        ("Ümumi müddəalar", "Ümumi müddəalar"),
        ("Icbari sığortalar haqqında", "Icbari sığortalar haqqında"),
        ("İcbari sığorta İran", "İcbari sığorta İran"),
        ("Mülkİyyət hüququnun əldə edİlməsİ və İtİrİlməsİ", "Mülkiyyət hüququnun əldə edilməsi və itirilməsi"),
        ("İstİrahət vaxtı", "İstirahət vaxtı"),
        ("pozulması İlə bağlı yenİ hallar üzrə İcraat", "pozulması ilə bağlı yeni hallar üzrə icraat"),
    ],
)
def test_title_case(text, expected):
    assert title_case(text) == expected


@pytest.mark.parametrize("name", ALL_FILES)
def test_titles_have_no_capital_inside_word(name):
    act = parsed(name)
    titles = [act.title] + [division.title for division in act.divisions] + [item.title for item in act.provisions]

    assert [title for title in titles if CAPITAL_INSIDE_WORD.search(title)] == []


@pytest.mark.parametrize(
    ("name", "number", "expected"),
    [
        # "Mülkİyyət hüququnun əldə edİlməsİ və İtİrİlməsİ" in the source
        ("az-code-civil-1999.txt", "9", "Mülkiyyət hüququnun əldə edilməsi və itirilməsi"),
        # "Hüquq və azadlıqların pozulması İlə bağlı yenİ hallar üzrə İcraat"
        (
            "az-code-civil-procedure-1999.txt",
            "44-1",
            "Hüquq və azadlıqların pozulması ilə bağlı yeni hallar üzrə icraat",
        ),
        ("az-code-labour-1999.txt", "On beşinci", "İstirahət vaxtı"),  # "İstİrahət vaxtı"
    ],
)
def test_stray_dotted_capital_in_chapter_title(name, number, expected):
    chapter = next(item for item in parsed(name).divisions if item.kind == CHAPTER and item.number == number)

    assert chapter.title == expected


def test_stray_dotted_capital_in_wrapped_title():
    chapter = next(item for item in parsed("az-code-civil-procedure-1999.txt").divisions if item.number == "27")

    assert "onların vəzifəli şəxslərinin qərarları və hərəkətləri (hərəkətsizliyi) ilə əlaqədar" in chapter.title


def test_az_lower_dotted_capital():
    assert az_lower("İSTİFADƏ") == "istifadə"


def test_az_lower_dotless_capital():
    assert az_lower("QIZ") == "qız"


def test_az_upper_dotted_small():
    assert az_upper("istifadə") == "İSTİFADƏ"


# Errors and robustness


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("", "the text is empty", 1),
        ("  \n\n \t\n", "the text is empty", 1),
        ("Maddə 1. Ad\n\nMətn\x00\x01\x02", "binary data", 3),
        ("#### 12345 ;;;; ==== 67890 ----\n%%%% 1111", "visible characters are letters", 1),
        ("\n\nBu sadəcə bir cümlədir.\n", "no articles (Maddə N.) or numbered points found", 3),
    ],
)
def test_parse_error_names_problem_and_line(text, problem, line):
    with pytest.raises(ParseError) as raised:
        parse_text(text, source="broken.txt")

    assert problem in str(raised.value)
    assert raised.value.line == line
    assert str(raised.value).startswith(f"broken.txt:{line}: ")


def _random_text(generator: random.Random) -> str:
    alphabet = "Maddə 1234567890.-[]\n əıİIöüçşğ“”\"ABCÇ§fəsil bölmə QƏRARA ALIR:\t"
    pieces = [generator.choice(alphabet) for _ in range(generator.randint(0, 400))]
    if generator.random() < 0.5:
        pieces.insert(0, "Maddə 1. Ad\n")
    return "".join(pieces)


def test_random_text_parses_or_raises_parse_error():
    generator = random.Random(20240601)

    for _ in range(400):
        text = _random_text(generator)
        try:
            parse_text(text, source="random.txt")
        except ParseError:
            pass


@pytest.mark.parametrize("name", ALL_FILES)
def test_truncated_text_parses_or_raises_parse_error(name):
    text = read_act(name)
    generator = random.Random(name)

    for _ in range(5):
        start = generator.randrange(len(text))
        piece = text[start : start + generator.randint(1, 20_000)]
        try:
            parse_text(piece, source=name)
        except ParseError:
            pass
