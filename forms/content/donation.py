"""A record of a donation an organization received, for its financial report."""

from .common import DECLARATION, FILE_FORMATS, NGO_LAW, REVIEW, joined
from .types import Choices, FieldSpec, ServiceSpec, Text, section

# Article 466 of the Code of Administrative Offences, in plain words.
CASH_RULE = Text(
    az=(
        "Pul ianələri nağd verilə və qəbul edilə bilməz. İstisna: nizamnaməsinə görə başlıca məqsədi "
        "xeyriyyəçilik olan təşkilat 200 manatadək nağd ianə qəbul edə bilər."
    ),
    en=(
        "Donations of money must not be given or accepted in cash. The exception: an organization whose main "
        "purpose under its charter is charity may accept cash donations of up to 200 manat."
    ),
    ru=(
        "Денежные пожертвования нельзя передавать и принимать наличными. Исключение: организация, основная "
        "уставная цель которой — благотворительность, может принимать наличные пожертвования до 200 манатов."
    ),
)

FIELDS = (
    section(
        "donor",
        Text(az="İanəçi", en="Donor", ru="Жертвователь"),
        Text(
            az="İanəni kimin verdiyini göstərin: bu məlumat maliyyə hesabatına daxil edilməlidir.",
            en="Tell us who gave the donation: your financial report must include it.",
            ru="Укажите, кто сделал пожертвование: эти сведения должны войти в финансовый отчёт.",
        ),
    ),
    FieldSpec(
        name="donor_kind",
        field_type="radio",
        label=Text(az="İanəçi kimdir?", en="Who gave the donation?", ru="Кто сделал пожертвование?"),
        choices=Choices(
            az=("Fiziki şəxs", "Hüquqi şəxs"),
            en=("An individual", "A legal entity"),
            ru=("Физическое лицо", "Юридическое лицо"),
        ),
        article="ixm_465",
    ),
    FieldSpec(
        name="donor_name",
        field_type="singleline",
        label=Text(az="İanəçinin adı", en="Donor’s name", ru="Имя или наименование жертвователя"),
        help_text=Text(
            az="Fiziki şəxsin adı, soyadı və ata adı, yaxud hüquqi şəxsin tam adı.",
            en="The individual’s full name, or the legal entity’s full name.",
            ru="Фамилия, имя и отчество физического лица или полное наименование юридического лица.",
        ),
    ),
    FieldSpec(
        name="donor_country",
        field_type="country",
        label=Text(az="İanəçinin ölkəsi", en="Donor’s country", ru="Страна жертвователя"),
        help_text=Text(
            az="Fiziki şəxsin vətəndaşı olduğu, hüquqi şəxsin qeydiyyatda olduğu ölkə.",
            en="The individual’s country of citizenship, or where the legal entity is registered.",
            ru="Страна гражданства физического лица или регистрации юридического лица.",
        ),
    ),
    FieldSpec(
        name="donor_voen",
        field_type="voen",
        required=False,
        label=Text(az="İanəçinin VÖEN-i", en="Donor’s tax number (VÖEN)", ru="ИНН (VÖEN) жертвователя"),
        help_text=Text(
            az="Azərbaycanda vergi ödəyicisi kimi uçotda olan hüquqi şəxs üçün. Digər hallarda boş saxlayın.",
            en="For a legal entity registered as a taxpayer in Azerbaijan. Otherwise leave it empty.",
            ru=(
                "Для юридического лица, состоящего на налоговом учёте в Азербайджане. В остальных случаях оставьте "
                "пустым."
            ),
        ),
    ),
    section(
        "donation",
        Text(az="İanə", en="The donation", ru="Пожертвование"),
    ),
    FieldSpec(
        name="amount",
        field_type="money",
        label=Text(az="İanənin məbləği və valyutası", en="Amount and currency", ru="Сумма и валюта пожертвования"),
    ),
    FieldSpec(
        name="received_on",
        field_type="date",
        label=Text(az="İanənin alındığı tarix", en="Date you received it", ru="Дата получения"),
        help_text=Text(
            az="Pulun hesaba daxil olduğu və ya nağd qəbul edildiyi gün.",
            en="The day the money reached your account or was accepted in cash.",
            ru="День, когда деньги поступили на счёт или были приняты наличными.",
        ),
    ),
    FieldSpec(
        name="payment_method",
        field_type="radio",
        label=Text(az="İanə necə ödənilib?", en="How was it paid?", ru="Как было внесено пожертвование?"),
        help_text=Text(
            az=CASH_RULE.az + " Bundan böyük nağd ianəni qəbul etməyin.",
            en=CASH_RULE.en + " Do not accept larger cash donations.",
            ru=CASH_RULE.ru + " Не принимайте наличные пожертвования большего размера.",
        ),
        choices=Choices(
            az=(
                "Bank köçürməsi ilə",
                "Nağd, 200 manatadək (yalnız başlıca məqsədi xeyriyyəçilik olan təşkilatlar)",
            ),
            en=(
                "By bank transfer",
                "In cash, up to 200 manat (only organizations whose main purpose is charity)",
            ),
            ru=(
                "Банковским переводом",
                "Наличными, до 200 манатов (только организации, основная цель которых — благотворительность)",
            ),
        ),
        article="ixm_466",
    ),
    section(
        "evidence",
        Text(az="Sənəd və təsdiq", en="Evidence and confirmation", ru="Документ и подтверждение"),
    ),
    FieldSpec(
        name="bank_document",
        field_type="file",
        required=False,
        label=Text(az="Bank sənədi", en="Bank document", ru="Банковский документ"),
        help_text=Text(
            az="Varsa, ianənin daxil olduğunu göstərən bank çıxarışı və ya ödəniş tapşırığı.",
            en="If you have one, a bank statement or payment order showing the donation.",
            ru="Если есть, банковская выписка или платёжное поручение, подтверждающие поступление пожертвования.",
        ),
    ),
    FieldSpec(
        name="included_in_financial_report",
        field_type="declaration",
        label=Text(
            az=(
                "Təsdiq edirəm ki, bu ianənin məbləği və ianəçi barədə məlumat təşkilatın maliyyə hesabatına daxil "
                "ediləcək."
            ),
            en=(
                "I confirm that the amount of this donation and the donor’s details will be included in the "
                "organization’s financial report."
            ),
            ru=(
                "Подтверждаю, что сумма этого пожертвования и сведения о жертвователе будут включены в финансовый "
                "отчёт организации."
            ),
        ),
        article="ixm_465",
    ),
)

SERVICE = ServiceSpec(
    slug="ianelerin-qeydiyyati",
    reference_prefix="IA",
    title=Text(
        az="İanələrin qeydiyyatı",
        en="Record a donation",
        ru="Учёт полученных пожертвований",
    ),
    summary=Text(
        az=(
            "Təşkilatınızın aldığı ianəni qeydə alın: ianəçi, məbləğ və ödəniş üsulu maliyyə hesabatında "
            "göstərilməlidir."
        ),
        en=(
            "Record a donation your organization received: the donor, the amount and how it was paid must appear in "
            "your financial report."
        ),
        ru=(
            "Внесите сведения о полученном пожертвовании: жертвователь, сумма и способ оплаты должны быть отражены "
            "в финансовом отчёте."
        ),
    ),
    who_must_file=Text(
        az=(
            "<p>İanə alan qeyri-hökumət təşkilatları (ictimai birliklər və fondlar), habelə xarici qeyri-hökumət "
            "təşkilatlarının filial və nümayəndəlikləri.</p>"
            "<p>Təşkilatın maliyyə hesabatında alınmış ianələrin məbləği və ianəni vermiş şəxslər göstərilməlidir. "
            "Bu məlumatı hesabata daxil etməmək inzibati xətadır "
            '(<a href="{ixm_465}">İnzibati Xətalar Məcəlləsinin 465-ci maddəsi</a>).</p>'
            f"<p>{CASH_RULE.az} "
            'Bax: <a href="{ixm_466}">İnzibati Xətalar Məcəlləsinin 466-cı maddəsi</a>.</p>'
        ),
        en=(
            "<p>Non-governmental organizations (public associations and foundations), and branches and "
            "representations of foreign non-governmental organizations, that receive donations.</p>"
            "<p>Your financial report must show the amount of each donation received and who gave it. Leaving "
            'this out is an administrative offence (<a href="{ixm_465}">Article 465 of the Code of Administrative '
            "Offences</a>).</p>"
            f"<p>{CASH_RULE.en} "
            'See <a href="{ixm_466}">Article 466 of the Code of Administrative Offences</a>.</p>'
        ),
        ru=(
            "<p>Неправительственные организации (общественные объединения и фонды), а также филиалы и "
            "представительства иностранных неправительственных организаций, получившие пожертвования.</p>"
            "<p>В финансовом отчёте организации должны быть указаны суммы полученных пожертвований и лица, которые "
            'их сделали. Невключение этих сведений — административный проступок (<a href="{ixm_465}">статья 465 '
            "Кодекса об административных проступках</a>).</p>"
            f"<p>{CASH_RULE.ru} "
            'См. <a href="{ixm_466}">статью 466 Кодекса об административных проступках</a>.</p>'
        ),
    ),
    deadline=Text(
        az=(
            "<p>İanəni aldıqdan sonra qeydə alın ki, maliyyə hesabatını hazırlayarkən məlumat hazır olsun. İanə ən "
            "gec alındığı dövrün maliyyə hesabatında göstərilməlidir.</p>"
        ),
        en=(
            "<p>Record each donation when you receive it, so the details are ready for your financial report. The "
            "donation must appear, at the latest, in the financial report for the period in which you received it.</p>"
        ),
        ru=(
            "<p>Вносите сведения о каждом пожертвовании сразу после получения, чтобы они были готовы к финансовому "
            "отчёту. Пожертвование должно быть отражено не позднее чем в финансовом отчёте за период, в котором оно "
            "получено.</p>"
        ),
    ),
    legal_basis=joined(
        Text(az="<ul>", en="<ul>", ru="<ul>"),
        NGO_LAW,
        Text(
            az=(
                '<li><a href="{ixm_465}">İnzibati Xətalar Məcəlləsi, maddə 465</a>: ianələr barədə məlumatın maliyyə '
                "hesabatına daxil edilməməsi</li>"
                '<li><a href="{ixm_466}">İnzibati Xətalar Məcəlləsi, maddə 466</a>: ianə edilən pul vəsaitlərinin '
                "nağd şəkildə verilməsi və qəbul edilməsi</li>"
                "</ul>"
            ),
            en=(
                '<li><a href="{ixm_465}">Code of Administrative Offences, Article 465</a>: leaving donations out of '
                "the financial report</li>"
                '<li><a href="{ixm_466}">Code of Administrative Offences, Article 466</a>: giving and accepting '
                "donated money in cash</li>"
                "</ul>"
            ),
            ru=(
                '<li><a href="{ixm_465}">Кодекс об административных проступках, статья 465</a>: невключение '
                "сведений о пожертвованиях в финансовый отчёт</li>"
                '<li><a href="{ixm_466}">Кодекс об административных проступках, статья 466</a>: передача и приём '
                "пожертвованных денежных средств наличными</li>"
                "</ul>"
            ),
        ),
    ),
    documents_needed=joined(
        Text(
            az=(
                "<p>Bu xidmət üçün sənəd məcburi deyil. Əlinizdə varsa, ianənin daxil olduğunu göstərən bank "
                "çıxarışını və ya ödəniş tapşırığını əlavə edin.</p>"
            ),
            en=(
                "<p>No document is required for this service. If you have one, attach a bank statement or payment "
                "order showing the donation.</p>"
            ),
            ru=(
                "<p>Для этой услуги документ не обязателен. Если есть, приложите банковскую выписку или платёжное "
                "поручение, подтверждающие поступление пожертвования.</p>"
            ),
        ),
        FILE_FORMATS,
    ),
    what_happens_next=REVIEW,
    declaration_text=DECLARATION,
    fields=FIELDS,
)
