"""Texts and fields that several e-services share."""

from .types import FieldSpec, Text


def joined(*texts: Text) -> Text:
    """Concatenate rich texts language by language."""
    return Text(
        az="".join(text.az for text in texts),
        en="".join(text.en for text in texts),
        ru="".join(text.ru for text in texts),
    )


FILE_FORMATS = Text(
    az="<p>Fayllar PDF, JPG və ya PNG formatında olmalı, hər biri 10 MB-dan böyük olmamalıdır.</p>",
    en="<p>Files must be PDF, JPG or PNG, up to 10 MB each.</p>",
    ru="<p>Файлы принимаются в формате PDF, JPG или PNG, каждый не больше 10 МБ.</p>",
)

REVIEW = Text(
    az=(
        "<p>Müraciətinizə Ədliyyə Nazirliyində baxılır. Nəyinsə çatışmadığı və ya düzəliş tələb etdiyi "
        "aşkarlansa, müraciət qeydlə birlikdə sizə qaytarılır: onu düzəldib yenidən təqdim edirsiniz.</p>"
        "<p>Müraciətin vəziyyətini və nəticəsini hesabınızda görəcəksiniz.</p>"
    ),
    en=(
        "<p>The Ministry of Justice reviews your application. If something is missing or needs correcting, "
        "the application is returned to you with a note: you correct it and submit it again.</p>"
        "<p>You can follow the status and see the result in your account.</p>"
    ),
    ru=(
        "<p>Ваше заявление рассматривает Министерство юстиции. Если чего-то не хватает или что-то нужно "
        "исправить, заявление вернут вам с комментарием: вы исправляете его и подаёте снова.</p>"
        "<p>Статус и результат рассмотрения вы увидите в личном кабинете.</p>"
    ),
)

DECLARATION = Text(
    az="Təsdiq edirəm ki, verdiyim məlumatlar düzgün və tamdır, əlavə etdiyim surətlər əsl sənədlərə uyğundur.",
    en=(
        "I confirm that the information I have given is correct and complete, and that the copies I have "
        "attached match the original documents."
    ),
    ru="Подтверждаю, что предоставленные мной сведения верны и полны, а приложенные копии соответствуют подлинникам.",
)

WHAT_ARE_YOU_REGISTERING = Text(
    az="Nəyi qeydiyyata təqdim edirsiniz?",
    en="What are you registering?",
    ru="Что вы регистрируете?",
)

TRANSLATION = FieldSpec(
    name="translation",
    field_type="file",
    required=False,
    label=Text(
        az="Azərbaycan dilinə tərcümə",
        en="Translation into Azerbaijani",
        ru="Перевод на азербайджанский язык",
    ),
    help_text=Text(
        az="Sənəd başqa dildədirsə, onun Azərbaycan dilinə tərcüməsini əlavə edin.",
        en="If the document is in another language, attach its translation into Azerbaijani.",
        ru="Если документ составлен на другом языке, приложите его перевод на азербайджанский язык.",
    ),
)

# The 11-N rules and the offences of obstructing a study or ignoring a warning,
# cited by the services whose documents the ministry checks in such a study.
ACTIVITY_STUDY = Text(
    az=(
        '<li><a href="{en_11n_2_1}">Ədliyyə Nazirliyi Kollegiyasının 2015-ci il 28 dekabr tarixli 11-N nömrəli '
        "Qərarı ilə təsdiq edilmiş Qaydalar, 2.1-ci bənd</a>: nazirlik təşkilatın fəaliyyətini öyrənərkən bu "
        "tələblərə riayəti yoxlayır.</li>"
        '<li>İnzibati Xətalar Məcəlləsi, <a href="{ixm_580}">maddə 580</a> və <a href="{ixm_581}">maddə 581</a>: '
        "fəaliyyətin öyrənilməsinə maneə yaratmaq və xəbərdarlıqda göstərilən pozuntuları vaxtında aradan "
        "qaldırmamaq.</li>"
    ),
    en=(
        '<li><a href="{en_11n_2_1}">Rules approved by Ministry of Justice Collegium Decision No. 11-N of '
        "28 December 2015, point 2.1</a>: when the ministry studies an organization’s activity, it checks "
        "these requirements.</li>"
        '<li>Code of Administrative Offences, <a href="{ixm_580}">Article 580</a> and '
        '<a href="{ixm_581}">Article 581</a>: obstructing a study of an organization’s activity, and not '
        "putting right in time the breaches named in a warning.</li>"
    ),
    ru=(
        '<li><a href="{en_11n_2_1}">Правила, утверждённые решением Коллегии Министерства юстиции № 11-N '
        "от 28 декабря 2015 года, пункт 2.1</a>: при изучении деятельности организации министерство проверяет "
        "соблюдение этих требований.</li>"
        '<li>Кодекс об административных проступках, <a href="{ixm_580}">статья 580</a> и '
        '<a href="{ixm_581}">статья 581</a>: создание препятствий изучению деятельности и неустранение '
        "в срок нарушений, указанных в предупреждении.</li>"
    ),
)

NGO_LAW = Text(
    az=(
        "<li>«Qeyri-hökumət təşkilatları (ictimai birliklər və fondlar) haqqında» Azərbaycan Respublikasının Qanunu "
        "(2000)</li>"
    ),
    en="<li>Law “On Non-Governmental Organizations (Public Associations and Foundations)” (2000)</li>",
    ru=(
        "<li>Закон Азербайджанской Республики «О неправительственных организациях (общественных объединениях и "
        "фондах)» (2000)</li>"
    ),
)

STATE_REGISTRATION_LAW = Text(
    az=(
        "<li>«Hüquqi şəxslərin dövlət qeydiyyatı və dövlət reyestri haqqında» Azərbaycan Respublikasının Qanunu "
        "(2003-cü il 12 dekabr, № 560-IIQ)</li>"
    ),
    en=(
        "<li>Law “On State Registration and the State Register of Legal Entities” (No. 560-IIQ of 12 December "
        "2003)</li>"
    ),
    ru=(
        "<li>Закон Азербайджанской Республики «О государственной регистрации и государственном реестре "
        "юридических лиц» (№ 560-IIQ от 12 декабря 2003 года)</li>"
    ),
)
