"""The shipped news section: the index in az/en/ru and three demo news items.

The items are demo text, and each one states it in its body. Links to e-services
and acts are given by slug; ``setup.py`` relates the pages that exist.
"""

import datetime
from dataclasses import dataclass

from .categories import NewsCategory

INDEX_SLUG = "xeberler"
INDEX_TITLE = {"az": "Xəbərlər", "en": "News", "ru": "Новости"}
INDEX_INTRO = {
    "az": "<p>Ədliyyə Nazirliyinin vətəndaş cəmiyyəti təşkilatları üçün xəbərləri və elanları.</p>",
    "en": "<p>News and announcements of the Ministry of Justice for civil society organisations.</p>",
    "ru": "<p>Новости и объявления Министерства юстиции для организаций гражданского общества.</p>",
}

DEMO_NOTE = {
    "az": "<p><em>Nümunə mətn: bu xəbər saytın nümayişi üçün yazılıb və rəsmi məlumat deyil.</em></p>",
    "en": "<p><em>Demo text: this news item was written to demonstrate the site and is not an official statement.</em></p>",
    "ru": "<p><em>Демонстрационный текст: эта новость написана для показа сайта и не является официальным сообщением.</em></p>",
}


@dataclass(frozen=True)
class NewsSpec:
    slug: str
    date: datetime.date
    category: NewsCategory
    title: dict
    summary: dict
    body: dict
    services: tuple[str, ...] = ()
    acts: tuple[str, ...] = ()


ESERVICES_LAUNCH = NewsSpec(
    slug="elektron-xidmetler-istifadeye-verildi",
    date=datetime.date(2026, 11, 16),
    category=NewsCategory.ESERVICES,
    services=(
        "dovlet-qeydiyyati",
        "qrant-qeydiyyati",
        "xidmet-muqavilesi-qeydiyyati",
        "ianelerin-qeydiyyati",
        "nizamname-deyisiklikleri",
    ),
    title={
        "az": "Vətəndaş cəmiyyəti təşkilatları üçün elektron xidmətlər istifadəyə verildi",
        "en": "E-services for civil society organisations are open",
        "ru": "Открыты электронные услуги для организаций гражданского общества",
    },
    summary={
        "az": "Qrant, xidmət müqaviləsi, ianə və nizamnamə dəyişikliklərinin qeydiyyatı üçün müraciətləri artıq onlayn vermək olar.",
        "en": "Applications to register grants, service contracts, donations and changes to the charter can now be made online.",
        "ru": "Заявления о регистрации грантов, договоров об услугах, пожертвований и изменений устава теперь можно подать онлайн.",
    },
    body={
        "az": (
            "<p>Ədliyyə Nazirliyi Fərdi Elektron Pəncərədə beş elektron xidməti istifadəyə verdi. Təşkilatın "
            "nümayəndəsi hesab açır, təşkilatını əlavə edir və müraciəti addım-addım doldurur.</p>"
            "<h3>Nə dəyişir</h3>"
            "<ul><li>Sənədləri nazirliyə aparmaq lazım deyil: onlar müraciətə əlavə edilir.</li>"
            "<li>Hər müraciət istinad nömrəsi alır və onun vəziyyəti «Müraciətlərim» bölməsində görünür.</li>"
            "<li>Nazirlik müraciəti düzəliş üçün qaytardıqda yalnız qeyd olunan sahələri dəyişmək kifayətdir.</li></ul>"
        ),
        "en": (
            "<p>The Ministry of Justice has opened five e-services on the Individual Electronic Window. A "
            "representative of the organisation opens an account, adds the organisation and fills in the "
            "application step by step.</p>"
            "<h3>What changes</h3>"
            "<ul><li>Documents no longer have to be taken to the ministry: they are attached to the application.</li>"
            "<li>Every application gets a reference number, and its status shows under “My applications”.</li>"
            "<li>When the ministry returns an application for correction, only the flagged fields need changing.</li></ul>"
        ),
        "ru": (
            "<p>Министерство юстиции открыло пять электронных услуг в Индивидуальном электронном окне. "
            "Представитель организации открывает учётную запись, добавляет организацию и заполняет заявление "
            "шаг за шагом.</p>"
            "<h3>Что меняется</h3>"
            "<ul><li>Документы больше не нужно приносить в министерство: они прикладываются к заявлению.</li>"
            "<li>Каждое заявление получает номер, а его статус виден в разделе «Мои заявления».</li>"
            "<li>Если министерство вернёт заявление на исправление, достаточно изменить только отмеченные поля.</li></ul>"
        ),
    },
)

GRANT_RULES = NewsSpec(
    slug="qrant-qaydalarinda-deyisiklik",
    date=datetime.date(2026, 11, 28),
    category=NewsCategory.GRANTS,
    services=("qrant-qeydiyyati",),
    acts=("nk-qerari-339-2015-xarici-donorlarin-qrant-huququ",),
    title={
        "az": "Qrantların qeydiyyatı qaydalarında dəyişiklik",
        "en": "A change to the rules for registering grants",
        "ru": "Изменение правил регистрации грантов",
    },
    summary={
        "az": "Qrant müqaviləsinə əlavə müqavilələr də 15 gün ərzində qeydiyyata təqdim edilməlidir; müraciət onlayn verilir.",
        "en": "Supplementary agreements to a grant agreement must also be submitted for registration within 15 days; the application is made online.",
        "ru": "Дополнительные соглашения к договору о гранте также нужно подать на регистрацию в течение 15 дней; заявление подаётся онлайн.",
    },
    body={
        "az": (
            "<p>Qrant müqaviləsinin müddəti, məqsədi və ya məbləği dəyişdikdə bağlanan əlavə müqavilə də, əsas "
            "müqavilə kimi, imzalandığı gündən 15 gün ərzində qeydiyyata təqdim edilməlidir.</p>"
            "<p>Müraciət «Qrant müqaviləsinin (qərarının) qeydiyyatı» elektron xidməti ilə verilir. Xarici "
            "donorların qrant vermək hüququ barədə qaydalar qanunvericilik bölməsində oxunur.</p>"
        ),
        "en": (
            "<p>A supplementary agreement that changes the term, purpose or amount of a grant agreement must, "
            "like the agreement itself, be submitted for registration within 15 days of its signature.</p>"
            "<p>Apply through the “Registration of a grant agreement (decision)” e-service. The rules on foreign "
            "donors' right to award grants can be read in the legislation section.</p>"
        ),
        "ru": (
            "<p>Дополнительное соглашение, меняющее срок, цель или сумму договора о гранте, как и сам договор, "
            "нужно подать на регистрацию в течение 15 дней со дня подписания.</p>"
            "<p>Заявление подаётся через электронную услугу «Регистрация договора (решения) о гранте». Правила о "
            "праве иностранных доноров выдавать гранты можно прочитать в разделе законодательства.</p>"
        ),
    },
)

HOTLINE = NewsSpec(
    slug="qaynar-xett-fealiyyete-basladi",
    date=datetime.date(2026, 12, 2),
    category=NewsCategory.ANNOUNCEMENTS,
    title={
        "az": "Vətəndaş cəmiyyəti təşkilatları üçün qaynar xətt fəaliyyətə başladı",
        "en": "A hotline for civil society organisations is open",
        "ru": "Заработала горячая линия для организаций гражданского общества",
    },
    summary={
        "az": "Elektron xidmətlər və qeydiyyat barədə suallara iş günləri 09:00-dan 18:00-dək telefonla cavab verilir.",
        "en": "Questions about the e-services and registration are answered by phone on working days from 09:00 to 18:00.",
        "ru": "На вопросы об электронных услугах и регистрации отвечают по телефону в рабочие дни с 09:00 до 18:00.",
    },
    body={
        "az": (
            "<p>Nazirliyin əməkdaşları müraciətin doldurulması, sənədlər və müddətlər barədə suallara cavab verir. "
            "Zəng etmək mümkün olmadıqda «Kömək» bölməsində geri zəng sifariş etmək olar.</p>"
            "<p>Qaynar xəttin nömrələri və iş saatları «Əlaqə» səhifəsindədir.</p>"
        ),
        "en": (
            "<p>Ministry staff answer questions about filling in applications, documents and deadlines. If you "
            "cannot call, ask for a call back in the Help section.</p>"
            "<p>The hotline's numbers and hours are on the Contact page.</p>"
        ),
        "ru": (
            "<p>Сотрудники министерства отвечают на вопросы о заполнении заявлений, документах и сроках. Если "
            "позвонить нет возможности, закажите обратный звонок в разделе «Помощь».</p>"
            "<p>Номера и часы работы горячей линии — на странице «Контакты».</p>"
        ),
    },
)

NEWS = (ESERVICES_LAUNCH, GRANT_RULES, HOTLINE)
