"""The e-services the site ships with: texts, form fields and samples in az, en and ru.

``forms.setup.ensure_services`` turns these into Wagtail pages. Editors change
them in the admin afterwards, and running the set-up again leaves their edits alone.
"""

from . import charter_changes, donation, grant, service_contract, state_registration
from .types import LANGUAGES, Text

INDEX_SLUG = "e-xidmetler"

INDEX_TITLE = Text(az="Elektron xidmətlər", en="E-services", ru="Электронные услуги")

INDEX_INTRO = Text(
    az=(
        "<p>Qeyri-hökumət təşkilatlarının Ədliyyə Nazirliyinə müraciətləri: qrant və xidmət müqavilələrinin "
        "qeydiyyatı, ianələr, nizamnamə dəyişiklikləri və dövlət qeydiyyatı. Müraciət etmək üçün hesabınıza daxil "
        "olun: müraciəti təşkilatınızın adından təqdim edirsiniz.</p>"
        "<p>Ədliyyə orqanı ilə təşkilatlar arasında məlumat və sənəd mübadiləsi «Fərdi elektron pəncərə» vasitəsilə "
        'aparıla bilər (<a href="{en_11n_1_9}">11-N nömrəli Qərarla təsdiq edilmiş Qaydalar, 1.9-cu bənd</a>).</p>'
    ),
    en=(
        "<p>Applications that non-governmental organizations make to the Ministry of Justice: registering grant and "
        "service contracts, donations, changes to the charter and state registration. Sign in to apply: you apply "
        "on behalf of your organization.</p>"
        "<p>Organizations and the justice authorities may exchange information and documents through the "
        'Individual Electronic Window (<a href="{en_11n_1_9}">Rules approved by Decision No. 11-N, point 1.9</a>).</p>'
    ),
    ru=(
        "<p>Заявления неправительственных организаций в Министерство юстиции: регистрация договоров о грантах и "
        "об оказании услуг, пожертвования, изменения в уставе и государственная регистрация. Чтобы подать "
        "заявление, войдите в личный кабинет: вы подаёте его от имени своей организации.</p>"
        "<p>Организации и органы юстиции могут обмениваться сведениями и документами через «Индивидуальное "
        'электронное окно» (<a href="{en_11n_1_9}">Правила, утверждённые решением № 11-N, пункт 1.9</a>).</p>'
    ),
)

# In the order the list of e-services shows them.
SERVICES = (
    grant.SERVICE,
    service_contract.SERVICE,
    donation.SERVICE,
    charter_changes.SERVICE,
    state_registration.SERVICE,
)

__all__ = ["INDEX_INTRO", "INDEX_SLUG", "INDEX_TITLE", "LANGUAGES", "SERVICES"]
