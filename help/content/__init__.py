"""The help centre the site ships with: the index, four topics, their questions and the contact page, in az, en and ru.

``help.setup.ensure_help_centre`` turns these into Wagtail pages. Editors
change them in the admin afterwards, and running the set-up again leaves
their edits alone. The answers describe the site as it behaves; keep them
true when that behaviour changes.
"""

from . import account, documents, eservices, organization
from .types import LANGUAGES, PhoneSpec, Text

INDEX_SLUG = "komek"
INDEX_TITLE = Text(az="Kömək", en="Help", ru="Помощь")
INDEX_INTRO = Text(
    az=(
        "<p>Saytdan istifadə, təşkilatınızın hesabı və elektron xidmətlər barədə tez-tez verilən sualların cavabları. "
        "Cavab tapmasanız, qaynar xəttə zəng edin və ya sizə zəng etməyimizi xahiş edin.</p>"
    ),
    en=(
        "<p>Answers to frequent questions about using the site, your organization’s account and the e-services. "
        "If you cannot find an answer, call the hotline or ask us to call you back.</p>"
    ),
    ru=(
        "<p>Ответы на частые вопросы о работе с сайтом, учётной записи организации и электронных услугах. Если не "
        "нашли ответа, позвоните на горячую линию или попросите нас перезвонить вам.</p>"
    ),
)

# In the order the help centre lists them.
TOPICS = (account.TOPIC, organization.TOPIC, eservices.TOPIC, documents.TOPIC)

CONTACT_SLUG = "elaqe"
CONTACT_TITLE = Text(az="Əlaqə və qaynar xətt", en="Contact and hotline", ru="Контакты и горячая линия")
CONTACT_INTRO = Text(
    az=(
        "<p>Saytdan istifadə, təşkilatınızın hesabı və elektron müraciətlərlə bağlı suallarınız üçün qaynar xəttə "
        "zəng edin. Zəng edə bilmirsinizsə, nömrənizi yazın: sizə biz zəng edəcəyik.</p>"
    ),
    en=(
        "<p>Call the hotline with questions about using the site, your organization’s account and applications "
        "through the e-services. If you cannot call, leave your number and we will call you.</p>"
    ),
    ru=(
        "<p>Звоните на горячую линию с вопросами о работе с сайтом, учётной записи организации и электронных "
        "заявлениях. Если не можете позвонить, оставьте номер — мы перезвоним вам.</p>"
    ),
)
# NOTE: demo values. The ministry's editors replace the numbers and hours before the site goes live.
CONTACT_PHONES = (
    PhoneSpec(
        label=Text(az="Qaynar xətt (demo nömrə)", en="Hotline (demo number)", ru="Горячая линия (демо-номер)"),
        number="+994120000000",
        note=Text(
            az="Nümunə nömrədir, hələ işləmir.",
            en="An example number: it does not work yet.",
            ru="Номер-пример, пока не работает.",
        ),
    ),
    PhoneSpec(
        label=Text(
            az="Elektron xidmətlər üzrə məsləhət (demo nömrə)",
            en="Advice on the e-services (demo number)",
            ru="Консультации по электронным услугам (демо-номер)",
        ),
        number="+994120000001",
        note=Text(
            az="Nümunə nömrədir, hələ işləmir.",
            en="An example number: it does not work yet.",
            ru="Номер-пример, пока не работает.",
        ),
    ),
)
CONTACT_HOURS = Text(
    az="Bazar ertəsi – cümə: 09:00–18:00\nNahar fasiləsi: 13:00–14:00\nŞənbə, bazar və bayram günləri işləmir",
    en="Monday to Friday: 09:00–18:00\nLunch break: 13:00–14:00\nClosed on Saturdays, Sundays and public holidays",
    ru="Понедельник – пятница: 09:00–18:00\nОбеденный перерыв: 13:00–14:00\nСуббота, воскресенье и праздничные дни — выходные",
)
CALLBACK_INTRO = Text(
    az="<p>Adınızı və telefon nömrənizi yazın. Qaynar xəttin əməkdaşı iş vaxtı sizə zəng edəcək.</p>",
    en="<p>Leave your name and phone number. A member of the hotline’s staff will call you during working hours.</p>",
    ru="<p>Оставьте имя и номер телефона. Сотрудник горячей линии позвонит вам в рабочее время.</p>",
)
CONFIRMATION_TEXT = Text(
    az=(
        "<p>Qaynar xəttin əməkdaşı iş vaxtı göstərdiyiniz nömrəyə zəng edəcək. Sualınız təcilidirsə, qaynar xəttə "
        "özünüz zəng edin.</p>"
    ),
    en=(
        "<p>A member of the hotline’s staff will call the number you gave during working hours. If your question is "
        "urgent, call the hotline yourself.</p>"
    ),
    ru=(
        "<p>Сотрудник горячей линии позвонит по указанному номеру в рабочее время. Если вопрос срочный, позвоните на "
        "горячую линию сами.</p>"
    ),
)

__all__ = ["LANGUAGES", "TOPICS"]
