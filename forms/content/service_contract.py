"""Registration of a contract for services or work paid for from foreign sources."""

from .common import ACTIVITY_STUDY, DECLARATION, FILE_FORMATS, REVIEW, WHAT_ARE_YOU_REGISTERING, joined
from .types import Choices, FieldSpec, ServiceSpec, Text, section

FIELDS = (
    section(
        "about_contract",
        Text(az="Müqavilə haqqında", en="About the contract", ru="О договоре"),
        Text(
            az="Nəyi qeydiyyata təqdim etdiyinizi və müqavilənin predmetini göstərin.",
            en="Tell us what you are registering and what the contract is for.",
            ru="Укажите, что вы регистрируете, и предмет договора.",
        ),
    ),
    FieldSpec(
        name="filing_kind",
        field_type="radio",
        label=WHAT_ARE_YOU_REGISTERING,
        help_text=Text(
            az="Müqaviləyə əlavə müqavilələr və müqavilədəki hər hansı dəyişiklik də qeydiyyata alınır.",
            en="Addenda to the contract and any change to it are registered too.",
            ru="Дополнительные соглашения к договору и любые его изменения также регистрируются.",
        ),
        choices=Choices(
            az=("Yeni müqavilə", "Müqaviləyə əlavə müqavilə", "Müqavilədə dəyişiklik"),
            en=("A new contract", "An addendum to a contract", "A change to a contract"),
            ru=("Новый договор", "Дополнительное соглашение к договору", "Изменение договора"),
        ),
    ),
    FieldSpec(
        name="earlier_reference",
        field_type="singleline",
        required=False,
        label=Text(
            az="Əsas müqavilənin qeydiyyat nömrəsi",
            en="Reference number of the original contract",
            ru="Регистрационный номер основного договора",
        ),
        help_text=Text(
            az=(
                "Əlavə müqavilə və ya dəyişiklik üçün: əsas müqavilə qeydiyyata alınarkən verilmiş nömrə, "
                "məsələn XM-2026-000123. Yeni müqavilə üçün boş saxlayın."
            ),
            en=(
                "For an addendum or a change: the number the original contract was registered under, for example "
                "XM-2026-000123. Leave empty for a new contract."
            ),
            ru=(
                "Для дополнительного соглашения или изменения: номер, под которым зарегистрирован основной договор, "
                "например XM-2026-000123. Для нового договора оставьте поле пустым."
            ),
        ),
    ),
    FieldSpec(
        name="subject",
        field_type="multiline",
        label=Text(
            az="Xidmətin və ya işin təsviri",
            en="What the services or work are",
            ru="Описание услуг или работ",
        ),
        help_text=Text(
            az="Müqaviləyə görə hansı xidməti göstərir və ya hansı işi görürsünüz, bir-iki cümlə ilə.",
            en="The services you provide or the work you do under the contract, in a sentence or two.",
            ru="Какие услуги вы оказываете или какие работы выполняете по договору, в одном-двух предложениях.",
        ),
    ),
    FieldSpec(
        name="signed_on",
        field_type="date",
        label=Text(
            az="Müqavilənin imzalandığı tarix",
            en="Date the contract was signed",
            ru="Дата подписания договора",
        ),
        help_text=Text(
            az=(
                "Bu tarixdən 15 gün ərzində qeydiyyata təqdim etməlisiniz. Əlavə müqavilə və ya dəyişiklik üçün "
                "onun imzalandığı tarixi yazın."
            ),
            en=(
                "You must register within 15 days of this date. For an addendum or a change, give the date it was "
                "signed."
            ),
            ru=(
                "Зарегистрировать нужно в течение 15 дней с этой даты. Для дополнительного соглашения или изменения "
                "укажите дату его подписания."
            ),
        ),
    ),
    section(
        "customer",
        Text(az="Sifarişçi", en="Customer", ru="Заказчик"),
        Text(
            az="Xidmətin (işin) haqqını kimin və hansı mənbədən ödədiyini göstərin.",
            en="Tell us who pays for the services or work, and from which source.",
            ru="Укажите, кто и из какого источника оплачивает услуги (работы).",
        ),
    ),
    FieldSpec(
        name="customer_name",
        field_type="singleline",
        label=Text(az="Sifarişçinin adı", en="Customer’s name", ru="Наименование заказчика"),
        help_text=Text(
            az="Müqavilədə yazıldığı kimi: təşkilatın tam adı və ya fiziki şəxsin adı və soyadı.",
            en="As in the contract: the organization’s full name, or the individual’s first name and surname.",
            ru="Как в договоре: полное наименование организации или имя и фамилия физического лица.",
        ),
    ),
    FieldSpec(
        name="customer_country",
        field_type="country",
        label=Text(az="Sifarişçinin ölkəsi", en="Customer’s country", ru="Страна заказчика"),
    ),
    FieldSpec(
        name="funding_source",
        field_type="singleline",
        required=False,
        label=Text(az="Maliyyələşmə mənbəyi", en="Source of the funds", ru="Источник финансирования"),
        help_text=Text(
            az="Ödəniş sifarişçidən fərqli xarici mənbədən gəlirsə, o mənbənin adını və ölkəsini yazın.",
            en=(
                "If the payment comes from a foreign source other than the customer, give that source’s name and "
                "country."
            ),
            ru=(
                "Если оплата поступает из иностранного источника, отличного от заказчика, укажите его название и "
                "страну."
            ),
        ),
    ),
    section(
        "money_and_period",
        Text(az="Məbləğ və müddət", en="Money and period", ru="Сумма и срок"),
    ),
    FieldSpec(
        name="amount",
        field_type="money",
        label=Text(
            az="Müqavilənin məbləği və valyutası",
            en="Contract amount and currency",
            ru="Сумма и валюта договора",
        ),
        help_text=Text(
            az="Müqavilədə göstərilən ümumi məbləğ. Məbləğ dəyişirsə, yeni məbləği yazın.",
            en="The total amount in the contract. If the amount is changing, give the new amount.",
            ru="Общая сумма по договору. Если сумма меняется, укажите новую.",
        ),
    ),
    FieldSpec(
        name="contract_period",
        field_type="daterange",
        label=Text(
            az="Xidmətin göstərilməsi (işin görülməsi) müddəti",
            en="Period of the services or work",
            ru="Срок оказания услуг (выполнения работ)",
        ),
    ),
    section(
        "documents",
        Text(az="Sənədlər", en="Documents", ru="Документы"),
    ),
    FieldSpec(
        name="signed_contract",
        field_type="file",
        label=Text(
            az="İmzalanmış müqavilənin surəti",
            en="Copy of the signed contract",
            ru="Копия подписанного договора",
        ),
        help_text=Text(
            az=(
                "Bütün səhifələri, imzaları ilə. Əlavə müqavilə və ya dəyişiklik üçün həmin sənədin surətini əlavə "
                "edin."
            ),
            en="All pages, with the signatures. For an addendum or a change, attach a copy of that document.",
            ru=(
                "Все страницы, с подписями. Для дополнительного соглашения или изменения приложите копию этого "
                "документа."
            ),
        ),
    ),
    FieldSpec(
        name="translation",
        field_type="file",
        required=False,
        label=Text(
            az="Azərbaycan dilinə tərcümə",
            en="Translation into Azerbaijani",
            ru="Перевод на азербайджанский язык",
        ),
        help_text=Text(
            az="Müqavilə başqa dildədirsə, mümkün olduqda onun Azərbaycan dilinə tərcüməsini də əlavə edin.",
            en="If the contract is in another language, attach a translation into Azerbaijani if you can.",
            ru="Если договор составлен на другом языке, по возможности приложите его перевод на азербайджанский язык.",
        ),
    ),
    FieldSpec(
        name="no_bank_operations_before_registration",
        field_type="declaration",
        label=Text(
            az="Bilirəm ki, müqavilə qeydiyyata alınana qədər onun üzrə bank əməliyyatı aparıla bilməz.",
            en="I understand that no bank operation may be carried out under the contract until it is registered.",
            ru="Мне известно, что до регистрации договора по нему нельзя проводить банковские операции.",
        ),
    ),
)

SERVICE = ServiceSpec(
    slug="xidmet-muqavilesi-qeydiyyati",
    reference_prefix="XM",
    title=Text(
        az="Xarici mənbələr hesabına xidmət (iş) müqaviləsinin qeydiyyatı",
        en="Register a service contract funded from abroad",
        ru="Регистрация договора об услугах (работах), оплачиваемых из иностранных источников",
    ),
    summary=Text(
        az=(
            "Xarici mənbələr hesabına ödənilən xidmət və ya iş müqaviləsini, ona əlavəni və ya dəyişikliyi "
            "imzalandığı gündən 15 gün ərzində qeydiyyata təqdim edin."
        ),
        en=(
            "Register a contract for services or work paid for from foreign sources, or an addendum or change to "
            "it, within 15 days of signing."
        ),
        ru=(
            "Зарегистрируйте договор об оказании услуг или выполнении работ за счёт иностранных источников, "
            "дополнение или изменение к нему в течение 15 дней со дня подписания."
        ),
    ),
    who_must_file=Text(
        az=(
            "<p>Qeyri-hökumət təşkilatları (ictimai birliklər və fondlar), habelə xarici qeyri-hökumət "
            "təşkilatlarının filial və nümayəndəlikləri xarici mənbələr hesabına xidmət göstərmək və ya iş görmək "
            "üçün bağladıqları müqavilələri Ədliyyə Nazirliyində qeydiyyata alır.</p>"
            "<p>Müqaviləni xidməti göstərən (işi görən) təşkilat təqdim edir. Müqaviləyə əlavə müqavilələr və "
            "müqavilədəki hər hansı dəyişiklik də eyni qaydada qeydiyyata alınır.</p>"
        ),
        en=(
            "<p>Non-governmental organizations (public associations and foundations), and branches and "
            "representations of foreign non-governmental organizations, must register with the Ministry of Justice "
            "the contracts under which they provide services or do work paid for from foreign sources.</p>"
            "<p>The organization that provides the services or does the work files the contract. Addenda and any "
            "change to the contract are registered the same way.</p>"
        ),
        ru=(
            "<p>Неправительственные организации (общественные объединения и фонды), а также филиалы и "
            "представительства иностранных неправительственных организаций регистрируют в Министерстве юстиции "
            "договоры, по которым они оказывают услуги или выполняют работы за счёт иностранных источников.</p>"
            "<p>Договор подаёт организация, которая оказывает услуги (выполняет работы). Дополнительные соглашения "
            "и любые изменения договора регистрируются так же.</p>"
        ),
    ),
    deadline=Text(
        az=(
            "<p>Müqaviləni imzalandığı gündən <b>15 gün ərzində</b> qeydiyyata təqdim etməlisiniz. Əlavə müqavilə "
            "və ya dəyişiklik üçün 15 gün onun imzalandığı gündən hesablanır.</p>"
            "<p>Qeydiyyata alınmamış müqavilə üzrə heç bir bank əməliyyatı aparıla bilməz.</p>"
        ),
        en=(
            "<p>You must submit the contract for registration <b>within 15 days</b> of signing it. For an addendum "
            "or a change, the 15 days run from the day it was signed.</p>"
            "<p>No bank operation may be carried out under a contract that is not registered.</p>"
        ),
        ru=(
            "<p>Договор нужно представить на регистрацию <b>в течение 15 дней</b> со дня подписания. Для "
            "дополнительного соглашения или изменения 15 дней отсчитываются со дня его подписания.</p>"
            "<p>По незарегистрированному договору нельзя проводить никакие банковские операции.</p>"
        ),
    ),
    legal_basis=joined(
        Text(az="<ul>", en="<ul>", ru="<ul>"),
        Text(
            az=(
                "<li>«Qeyri-hökumət təşkilatları (ictimai birliklər və fondlar) haqqında» Azərbaycan Respublikasının "
                "Qanunu (2000), 24-2.1-ci maddə</li>"
            ),
            en=(
                "<li>Law “On Non-Governmental Organizations (Public Associations and Foundations)” (2000), Article "
                "24-2.1</li>"
            ),
            ru=(
                "<li>Закон Азербайджанской Республики «О неправительственных организациях (общественных объединениях "
                "и фондах)» (2000), статья 24-2.1</li>"
            ),
        ),
        Text(
            az=(
                "<li>Xarici mənbələr hesabına xidmət göstərilməsi (iş görülməsi) barədə müqavilələrin qeydiyyata "
                "alınması qaydaları: Nazirlər Kabinetinin 2015-ci il 21 oktyabr tarixli 337 nömrəli Qərarı ilə "
                "təsdiq edilib</li>"
                '<li><a href="{en_11n_2_3}">Ədliyyə Nazirliyi Kollegiyasının 11-N nömrəli Qərarı ilə təsdiq edilmiş '
                "Qaydalar, 2.3-cü bənd</a>: təşkilat bağladığı müqavilələrin təsdiq olunmuş surətlərini ayrıca "
                "qovluqda saxlamalıdır.</li>"
            ),
            en=(
                "<li>Rules on registering contracts for services or work paid for from foreign sources, approved by "
                "Cabinet of Ministers Decision No. 337 of 21 October 2015</li>"
                '<li><a href="{en_11n_2_3}">Rules approved by Ministry of Justice Collegium Decision No. 11-N, '
                "point 2.3</a>: an organization must keep certified copies of the contracts it signs in a separate "
                "file.</li>"
            ),
            ru=(
                "<li>Правила регистрации договоров об оказании услуг (выполнении работ) за счёт иностранных "
                "источников, утверждённые Постановлением Кабинета Министров № 337 от 21 октября 2015 года</li>"
                '<li><a href="{en_11n_2_3}">Правила, утверждённые решением Коллегии Министерства юстиции № 11-N, '
                "пункт 2.3</a>: организация хранит заверенные копии заключённых договоров в отдельной папке.</li>"
            ),
        ),
        ACTIVITY_STUDY,
        Text(az="</ul>", en="</ul>", ru="</ul>"),
    ),
    documents_needed=joined(
        Text(
            az=(
                "<ul>"
                "<li>İmzalanmış müqavilənin surəti, bütün səhifələri ilə. Əlavə müqavilə və ya dəyişiklik üçün "
                "həmin sənədin surəti.</li>"
                "<li>Müqavilə başqa dildədirsə, mümkün olduqda onun Azərbaycan dilinə tərcüməsi.</li>"
                "</ul>"
            ),
            en=(
                "<ul>"
                "<li>A copy of the signed contract, all pages. For an addendum or a change, a copy of that "
                "document.</li>"
                "<li>If the contract is in another language, a translation into Azerbaijani if you can.</li>"
                "</ul>"
            ),
            ru=(
                "<ul>"
                "<li>Копия подписанного договора, все страницы. Для дополнительного соглашения или изменения — "
                "копия этого документа.</li>"
                "<li>Если договор составлен на другом языке — по возможности его перевод на азербайджанский язык.</li>"
                "</ul>"
            ),
        ),
        FILE_FORMATS,
    ),
    what_happens_next=joined(
        REVIEW,
        Text(
            az="<p>Müqavilə qeydiyyata alınana qədər onun üzrə bank əməliyyatları aparmayın.</p>",
            en="<p>Do not carry out bank operations under the contract until it is registered.</p>",
            ru="<p>Не проводите банковские операции по договору, пока он не зарегистрирован.</p>",
        ),
    ),
    declaration_text=DECLARATION,
    fields=FIELDS,
)
