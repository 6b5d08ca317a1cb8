"""Articles of the legal-acts library that the e-services cite, and their permanent addresses.

An article's address has no version in it, so it stays the same when the act
is amended: ``/qanunlar/inzibati-xetalar-mecellesi/madde-466/``. The English
and Russian libraries keep the same slugs under ``/en/`` and ``/ru/``.
"""

from dataclasses import dataclass

from cms.home.setup import LIBRARY_SLUG

from .types import Text

ADMINISTRATIVE_OFFENCES = "inzibati-xetalar-mecellesi"
CIVIL_CODE = "mulki-mecelle"
DECISION_339 = "nk-qerari-339-2015-xarici-donorlarin-qrant-huququ"
RULES_11_N = "edliyye-kollegiya-11-n-2015-qht-fealiyyetinin-oyrenilmesi"

# Label templates of the provisions that fields link to, where {number} is the article or point number.
PROVISION_LABELS = {
    ADMINISTRATIVE_OFFENCES: Text(
        az="İnzibati Xətalar Məcəlləsi, maddə {number}",
        en="Code of Administrative Offences, Article {number}",
        ru="Кодекс об административных проступках, статья {number}",
    ),
    CIVIL_CODE: Text(
        az="Mülki Məcəllə, maddə {number}",
        en="Civil Code, Article {number}",
        ru="Гражданский кодекс, статья {number}",
    ),
    DECISION_339: Text(
        az="Nazirlər Kabinetinin 339 nömrəli Qərarı ilə təsdiq edilmiş Qayda, bənd {number}",
        en="Rules approved by Cabinet of Ministers Decision No. 339, point {number}",
        ru="Правила, утверждённые Постановлением Кабинета Министров № 339, пункт {number}",
    ),
    RULES_11_N: Text(
        az="Ədliyyə Nazirliyi Kollegiyasının 11-N nömrəli Qərarı ilə təsdiq edilmiş Qaydalar, bənd {number}",
        en="Rules approved by Ministry of Justice Collegium Decision No. 11-N, point {number}",
        ru="Правила, утверждённые решением Коллегии Министерства юстиции № 11-N, пункт {number}",
    ),
}


@dataclass(frozen=True)
class Article:
    """An article or point of an act in the library, or the whole act when ``provision`` is empty."""

    act: str
    provision: str = ""
    number: str = ""

    def url(self, language: str) -> str:
        prefix = "" if language == "az" else f"/{language}"
        address = f"{prefix}/{LIBRARY_SLUG}/{self.act}/"
        return f"{address}{self.provision}/" if self.provision else address

    def label(self, language: str) -> str:
        return PROVISION_LABELS[self.act][language].format(number=self.number)


def _article(number: str) -> Article:
    return Article(ADMINISTRATIVE_OFFENCES, f"madde-{number}", number)


def _civil(number: str) -> Article:
    return Article(CIVIL_CODE, f"madde-{number}", number)


def _point(act: str, number: str) -> Article:
    return Article(act, "bend-" + number.replace(".", "-"), number)


ARTICLES = {
    "ixm_403": _article("403"),
    "ixm_432": _article("432"),
    "ixm_465": _article("465"),
    "ixm_466": _article("466"),
    "ixm_579": _article("579"),
    "ixm_580": _article("580"),
    "ixm_581": _article("581"),
    "mm_44": _civil("44"),
    "mm_47": _civil("47"),
    "mm_48": _civil("48"),
    "mm_50": _civil("50"),
    "mm_51": _civil("51"),
    "mm_115": _civil("115"),
    "nk_339": Article(DECISION_339),
    "nk_339_1_4": _point(DECISION_339, "1.4"),
    "en_11n_1_9": _point(RULES_11_N, "1.9"),
    "en_11n_2_1": _point(RULES_11_N, "2.1"),
    "en_11n_2_3": _point(RULES_11_N, "2.3"),
}


def article_urls(language: str) -> dict[str, str]:
    """Map each article key to its address in ``language``, for the rich texts' placeholders."""
    return {key: article.url(language) for key, article in ARTICLES.items()}
