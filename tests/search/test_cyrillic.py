"""Russian words for the help and news search (search.cyrillic): words, stems, stopwords."""

import pytest

from search.cyrillic import cyrillic_stem, cyrillic_words, highlight_russian, query_words, strip_cyrillic


def test_words_lowercased_with_yo_as_ye():
    assert cyrillic_words("Учётная ЗАПИСЬ, 2FA") == ["учетная", "запись"]


@pytest.mark.parametrize(
    ("word", "stem"),
    [("пароля", "парол"), ("пароль", "парол"), ("организациями", "организац"), ("как", "как"), ("вход", "вход")],
)
def test_stem_removes_one_ending(word, stem):
    assert cyrillic_stem(word) == stem


def test_stem_keeps_three_letters():
    assert cyrillic_stem("она") == "она"


def test_query_words_drop_stopwords_unless_alone():
    assert query_words("Как восстановить пароль?") == ["восстановить", "пароль"]
    assert query_words("как и что") == ["как", "и", "что"]


def test_strip_keeps_latin_words_with_look_alike_letters():
    """The law texts write some Azerbaijani words with Cyrillic letters inside; such words stay whole."""
    assert strip_cyrillic("keзirilir пароль VÖEN").split() == ["keзirilir", "VÖEN"]


def test_highlight_marks_russian_words_and_escapes():
    snippet = highlight_russian("<b>Выберите</b> ссылку «Восстановить пароль» на странице входа.", ["парол", "вход"])

    assert snippet == (
        "&lt;b&gt;Выберите&lt;/b&gt; ссылку «Восстановить <mark>пароль</mark>» на странице <mark>входа</mark>."
    )


def test_highlight_starts_near_first_match():
    text = "Слово " * 100 + "пароль в конце."

    snippet = highlight_russian(text, ["парол"])

    assert snippet.startswith("…")
    assert "<mark>пароль</mark>" in snippet
