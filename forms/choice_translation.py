"""Choice answers across languages.

An answer to a radio, drop-down or checkbox field is stored as the text of
the choice in the language the applicant used. The translations of a service
list the same choices in the same order, so an answer given on the
Azerbaijani page is read on the English page as the English choice at the
same position: switching language mid-filing keeps every answer.
"""

from .field_types import CHOICE_TYPES

CACHE_ATTRIBUTE = "_choice_tables"


def _choice_tables(page) -> dict[str, list[list[str]]]:
    """For each choice field of ``page``: its own choices first, then each translation's."""
    tables = getattr(page, CACHE_ATTRIBUTE, None)
    if tables is not None:
        return tables

    tables = {}
    pages = [page] + [other.specific for other in page.get_translations()]
    for number, version in enumerate(pages):
        for definition in version.get_form_fields():
            if definition.field_type in CHOICE_TYPES:
                if number == 0:
                    tables[definition.clean_name] = [definition.choice_list]
                elif definition.clean_name in tables:
                    tables[definition.clean_name].append(definition.choice_list)
    setattr(page, CACHE_ATTRIBUTE, tables)
    return tables


def _in_own_words(value: str, lists: list[list[str]]) -> str:
    own = lists[0]
    if value in own:
        return value
    for other in lists[1:]:
        if value in other and other.index(value) < len(own):
            return own[other.index(value)]
    return value


def in_page_language(page, form_data: dict) -> dict:
    """Return ``form_data`` with every choice answer worded as on ``page``."""
    tables = _choice_tables(page)
    if not tables:
        return form_data

    answers = dict(form_data)
    for name, lists in tables.items():
        value = answers.get(name)
        if isinstance(value, str):
            answers[name] = _in_own_words(value, lists)
        elif isinstance(value, list):
            answers[name] = [_in_own_words(item, lists) if isinstance(item, str) else item for item in value]
    return answers
