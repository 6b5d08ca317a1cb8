"""Registration of a grant agreement (decision), a sub-grant, an addendum or a change to a grant."""

from .common import ACTIVITY_STUDY, DECLARATION, FILE_FORMATS, REVIEW, TRANSLATION, WHAT_ARE_YOU_REGISTERING, joined
from .types import Choices, FieldSpec, ServiceSpec, Text, section

FIELDS = (
    section(
        "about_grant",
        Text(az="Qrant haqqında", en="About the grant", ru="О гранте"),
        Text(
            az="Nəyi qeydiyyata təqdim etdiyinizi və qrantın əsas şərtlərini göstərin.",
            en="Tell us what you are registering and the main terms of the grant.",
            ru="Укажите, что вы регистрируете, и основные условия гранта.",
        ),
    ),
    FieldSpec(
        name="filing_kind",
        field_type="radio",
        label=WHAT_ARE_YOU_REGISTERING,
        help_text=Text(
            az=(
                "Sub-qrant, qrant müqaviləsinə əlavə müqavilə və qrantın müddətinin, məqsədinin və ya "
                "məbləğinin hər hansı dəyişikliyi də qeydiyyata alınmalıdır."
            ),
            en=(
                "Sub-grants, addenda to a grant agreement and any change to a grant’s term, purpose or amount must "
                "be registered too."
            ),
            ru=(
                "Регистрировать нужно также субгранты, дополнительные соглашения к договору о гранте и любое "
                "изменение срока, цели или суммы гранта."
            ),
        ),
        choices=Choices(
            az=(
                "Yeni qrant müqaviləsi və ya qərarı",
                "Sub-qrant",
                "Qrant müqaviləsinə əlavə müqavilə",
                "Qrantın müddətinin, məqsədinin və ya məbləğinin dəyişdirilməsi",
            ),
            en=(
                "A new grant agreement or decision",
                "A sub-grant",
                "An addendum to a grant agreement",
                "A change to a grant’s term, purpose or amount",
            ),
            ru=(
                "Новый договор (решение) о гранте",
                "Субгрант",
                "Дополнительное соглашение к договору о гранте",
                "Изменение срока, цели или суммы гранта",
            ),
        ),
    ),
    FieldSpec(
        name="earlier_reference",
        field_type="singleline",
        required=False,
        label=Text(
            az="Əsas qrantın qeydiyyat nömrəsi",
            en="Reference number of the original grant",
            ru="Регистрационный номер основного гранта",
        ),
        help_text=Text(
            az=(
                "Əlavə müqavilə, dəyişiklik və ya sub-qrant üçün: əsas qrant qeydiyyata alınarkən verilmiş nömrə, "
                "məsələn QR-2026-000123. Yeni qrant üçün boş saxlayın."
            ),
            en=(
                "For an addendum, a change or a sub-grant: the number the original grant was registered under, "
                "for example QR-2026-000123. Leave empty for a new grant."
            ),
            ru=(
                "Для дополнительного соглашения, изменения или субгранта: номер, под которым зарегистрирован "
                "основной грант, например QR-2026-000123. Для нового гранта оставьте поле пустым."
            ),
        ),
    ),
    FieldSpec(
        name="organization_role",
        field_type="radio",
        label=Text(
            az="Təşkilatınızın bu qrantda rolu",
            en="Your organization’s role in this grant",
            ru="Роль вашей организации в этом гранте",
        ),
        help_text=Text(
            az=(
                "Azərbaycandakı resipiyent aldığı qrantı, Azərbaycandakı donor isə xaricdəki resipiyentə "
                "verdiyi qrantı qeydiyyata təqdim edir."
            ),
            en=(
                "A recipient in Azerbaijan registers the grants it receives; a donor in Azerbaijan registers the "
                "grants it gives to recipients abroad."
            ),
            ru=(
                "Получатель в Азербайджане регистрирует полученные гранты, донор в Азербайджане — гранты, которые "
                "он предоставляет получателям за рубежом."
            ),
        ),
        choices=Choices(
            az=("Qrantı alırıq (resipiyent)", "Qrantı veririk (donor)"),
            en=("We receive the grant (recipient)", "We give the grant (donor)"),
            ru=("Мы получаем грант (получатель)", "Мы предоставляем грант (донор)"),
        ),
    ),
    FieldSpec(
        name="purpose",
        field_type="multiline",
        label=Text(az="Qrantın məqsədi", en="Purpose of the grant", ru="Цель гранта"),
        help_text=Text(
            az="Müqavilədə (qərarda) göstərildiyi kimi, bir-iki cümlə ilə.",
            en="As stated in the agreement or decision, in a sentence or two.",
            ru="Как указано в договоре (решении), в одном-двух предложениях.",
        ),
    ),
    FieldSpec(
        name="signed_on",
        field_type="date",
        label=Text(
            az="Müqavilənin imzalandığı (qərarın verildiyi) tarix",
            en="Date the agreement was signed or the decision was made",
            ru="Дата подписания договора (принятия решения)",
        ),
        help_text=Text(
            az=(
                "Bu tarixdən 15 gün ərzində qeydiyyata təqdim etməlisiniz. Müddət keçibsə də, müraciəti "
                "gecikdirmədən təqdim edin."
            ),
            en=(
                "You must register within 15 days of this date. If that time has passed, submit your application "
                "without further delay."
            ),
            ru=(
                "Зарегистрировать нужно в течение 15 дней с этой даты. Если срок уже прошёл, подайте заявление без "
                "дальнейшей задержки."
            ),
        ),
        article="ixm_432",
    ),
    section(
        "donor_and_recipient",
        Text(az="Donor və resipiyent", en="Donor and recipient", ru="Донор и получатель"),
        Text(
            az="Qrantı verən (donor) və alan (resipiyent) tərəfləri müqavilədə yazıldığı kimi göstərin.",
            en="Name the party giving the grant (donor) and the party receiving it (recipient) as the agreement does.",
            ru="Укажите донора (кто предоставляет грант) и получателя так, как они названы в договоре.",
        ),
    ),
    FieldSpec(
        name="donor_name",
        field_type="singleline",
        label=Text(az="Donorun adı", en="Donor’s name", ru="Наименование донора"),
        help_text=Text(
            az="Təşkilatın tam adı və ya fiziki şəxsin adı və soyadı.",
            en="The organization’s full name, or the individual’s first name and surname.",
            ru="Полное наименование организации или имя и фамилия физического лица.",
        ),
    ),
    FieldSpec(
        name="donor_country",
        field_type="country",
        label=Text(az="Donorun ölkəsi", en="Donor’s country", ru="Страна донора"),
        help_text=Text(
            az="Təşkilatın qeydiyyatda olduğu, fiziki şəxsin vətəndaşı olduğu ölkə.",
            en="Where the organization is registered, or the individual’s country of citizenship.",
            ru="Страна регистрации организации или гражданства физического лица.",
        ),
    ),
    FieldSpec(
        name="donor_type",
        field_type="dropdown",
        label=Text(az="Donorun növü", en="Type of donor", ru="Тип донора"),
        choices=Choices(
            az=(
                "Beynəlxalq təşkilat və ya onun nümayəndəliyi",
                "Xarici dövlətin hökuməti və ya onun nümayəndəliyi",
                "Xarici qeyri-hökumət təşkilatı, fond və ya assosiasiya",
                "Xarici hüquqi şəxsin Azərbaycandakı filialı və ya nümayəndəliyi",
                "Azərbaycan Respublikasının hüquqi şəxsi",
                "Fiziki şəxs",
                "Digər",
            ),
            en=(
                "International organization or its representation",
                "Foreign government or its representation",
                "Foreign non-governmental organization, foundation or association",
                "Branch or representation in Azerbaijan of a foreign legal entity",
                "Legal entity of the Republic of Azerbaijan",
                "Individual",
                "Other",
            ),
            ru=(
                "Международная организация или её представительство",
                "Правительство иностранного государства или его представительство",
                "Иностранная неправительственная организация, фонд или ассоциация",
                "Филиал или представительство иностранного юридического лица в Азербайджане",
                "Юридическое лицо Азербайджанской Республики",
                "Физическое лицо",
                "Другое",
            ),
        ),
    ),
    FieldSpec(
        name="donor_grant_right",
        field_type="radio",
        label=Text(
            az="Xarici donor Azərbaycanda bu qrantı vermək hüququnu əldə edibmi?",
            en="Has the foreign donor obtained the right to give this grant in Azerbaijan?",
            ru="Получил ли иностранный донор право предоставить этот грант в Азербайджане?",
        ),
        help_text=Text(
            az=(
                "Xarici donor bu hüququ hər qrant müqaviləsi üçün ayrıca əldə edir; bunun üçün Maliyyə "
                "Nazirliyinin rəyi tələb olunur. Bu hüququ olmayan xarici donorla qrant müqaviləsi bağlanıla bilməz."
            ),
            en=(
                "A foreign donor obtains this right separately for each grant agreement, and needs the Ministry "
                "of Finance’s opinion for it. A grant agreement cannot be made with a foreign donor that does not "
                "have the right."
            ),
            ru=(
                "Иностранный донор получает это право отдельно для каждого договора о гранте; для этого нужно "
                "заключение Министерства финансов. С иностранным донором, не получившим это право, договор о "
                "гранте заключать нельзя."
            ),
        ),
        choices=Choices(
            az=("Bəli, Maliyyə Nazirliyinin müsbət rəyi alınıb", "Xeyr, hələ alınmayıb", "Donor xarici deyil"),
            en=("Yes, the Ministry of Finance has given a positive opinion", "No, not yet", "The donor is not foreign"),
            ru=(
                "Да, получено положительное заключение Министерства финансов",
                "Нет, ещё не получено",
                "Донор не иностранный",
            ),
        ),
        article="nk_339_1_4",
    ),
    FieldSpec(
        name="recipient_name",
        field_type="singleline",
        label=Text(az="Resipiyentin adı", en="Recipient’s name", ru="Наименование получателя"),
        help_text=Text(
            az="Qrantı alan təşkilat və ya şəxs. Qrantı siz alırsınızsa, təşkilatınızın adını yazın.",
            en="The organization or person receiving the grant. If you receive it, give your organization’s name.",
            ru="Организация или лицо, получающие грант. Если грант получаете вы, укажите название своей организации.",
        ),
    ),
    FieldSpec(
        name="recipient_country",
        field_type="country",
        label=Text(az="Resipiyentin ölkəsi", en="Recipient’s country", ru="Страна получателя"),
    ),
    section(
        "money_and_period",
        Text(az="Məbləğ və müddət", en="Money and period", ru="Сумма и срок"),
    ),
    FieldSpec(
        name="amount",
        field_type="money",
        label=Text(az="Qrantın məbləği və valyutası", en="Grant amount and currency", ru="Сумма и валюта гранта"),
        help_text=Text(
            az="Müqavilədə göstərilən ümumi məbləğ. Məbləğ dəyişirsə, yeni məbləği yazın.",
            en="The total amount in the agreement. If the amount is changing, give the new amount.",
            ru="Общая сумма по договору. Если сумма меняется, укажите новую.",
        ),
    ),
    FieldSpec(
        name="grant_period",
        field_type="daterange",
        label=Text(az="Qrantın icra müddəti", en="Grant period", ru="Срок исполнения гранта"),
        help_text=Text(
            az="Müqavilədə göstərilən başlama və bitmə tarixləri. Müddət dəyişirsə, yeni tarixləri yazın.",
            en="The start and end dates in the agreement. If the period is changing, give the new dates.",
            ru="Даты начала и окончания по договору. Если срок меняется, укажите новые даты.",
        ),
    ),
    section(
        "documents",
        Text(az="Sənədlər", en="Documents", ru="Документы"),
    ),
    FieldSpec(
        name="signed_agreement",
        field_type="file",
        label=Text(
            az="İmzalanmış müqavilənin (qərarın) surəti",
            en="Copy of the signed agreement or decision",
            ru="Копия подписанного договора (решения)",
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
    TRANSLATION,
    FieldSpec(
        name="no_operations_before_registration",
        field_type="declaration",
        label=Text(
            az=(
                "Bilirəm ki, müqavilə (qərar) qeydiyyata alınana qədər onun üzrə bank və digər əməliyyatlar aparıla "
                "bilməz."
            ),
            en=(
                "I understand that no bank or other operations may be carried out under the agreement or decision "
                "until it is registered."
            ),
            ru=(
                "Мне известно, что до регистрации договора (решения) по нему нельзя проводить банковские и иные "
                "операции."
            ),
        ),
        article="ixm_432",
    ),
)

SERVICE = ServiceSpec(
    slug="qrant-qeydiyyati",
    reference_prefix="QR",
    title=Text(
        az="Qrant müqaviləsinin (qərarının) qeydiyyatı",
        en="Register a grant agreement or decision",
        ru="Регистрация договора (решения) о гранте",
    ),
    summary=Text(
        az=(
            "Qrant müqaviləsini, sub-qrantı, əlavə müqaviləni və ya qrantdakı dəyişikliyi imzalandığı gündən 15 gün "
            "ərzində qeydiyyata təqdim edin."
        ),
        en="Register a grant agreement, a sub-grant, an addendum or a change to a grant within 15 days of signing.",
        ru=(
            "Зарегистрируйте договор о гранте, субгрант, дополнительное соглашение или изменение гранта в течение "
            "15 дней со дня подписания."
        ),
    ),
    who_must_file=Text(
        az=(
            "<p>Qeyri-hökumət təşkilatları (ictimai birliklər və fondlar) və fiziki şəxslər qrant müqavilələrini "
            "(qərarlarını) Ədliyyə Nazirliyində qeydiyyata alır. Bu elektron xidmət təşkilatlar üçündür.</p>"
            "<ul>"
            "<li>Təşkilatınız Azərbaycanda qrant alırsa (resipiyent), onu qeydiyyata təqdim etməlidir.</li>"
            "<li>Təşkilatınız Azərbaycandan xaricdəki resipiyentə qrant verirsə (donor), onu qeydiyyata təqdim "
            "etməlidir. Bu, Azərbaycan hüquqi şəxsinin filial və nümayəndəliklərinə də aiddir.</li>"
            "</ul>"
            "<p>Sub-qrant, qrant müqaviləsinə əlavə müqavilə və qrantın müddətinin, məqsədinin və ya məbləğinin "
            "hər hansı dəyişikliyi də qeydiyyata alınmalıdır.</p>"
            "<p>Kommersiya təşkilatları və publik hüquqi şəxslər qrantlarını İqtisadiyyat Nazirliyində qeydiyyata "
            "alır.</p>"
        ),
        en=(
            "<p>Non-governmental organizations (public associations and foundations) and individuals register "
            "grant agreements and grant decisions with the Ministry of Justice. This e-service is for "
            "organizations.</p>"
            "<ul>"
            "<li>If your organization receives a grant in Azerbaijan (as the recipient), you must register it.</li>"
            "<li>If your organization gives a grant from Azerbaijan to a recipient abroad (as the donor), you must "
            "register it. This applies to branches and representations of Azerbaijani legal entities too.</li>"
            "</ul>"
            "<p>You must also register every sub-grant, every addendum to a grant agreement and any change to a "
            "grant’s term, purpose or amount.</p>"
            "<p>Commercial companies and public legal entities register their grants with the Ministry of Economy.</p>"
        ),
        ru=(
            "<p>Неправительственные организации (общественные объединения и фонды) и физические лица регистрируют "
            "договоры (решения) о грантах в Министерстве юстиции. Эта электронная услуга предназначена для "
            "организаций.</p>"
            "<ul>"
            "<li>Если ваша организация получает грант в Азербайджане (получатель), она должна его "
            "зарегистрировать.</li>"
            "<li>Если ваша организация предоставляет грант из Азербайджана получателю за рубежом (донор), она должна "
            "его зарегистрировать. Это относится и к филиалам и представительствам азербайджанских юридических "
            "лиц.</li>"
            "</ul>"
            "<p>Регистрировать нужно также каждый субгрант, каждое дополнительное соглашение к договору о гранте "
            "и любое изменение срока, цели или суммы гранта.</p>"
            "<p>Коммерческие организации и публичные юридические лица регистрируют гранты в Министерстве экономики.</p>"
        ),
    ),
    deadline=Text(
        az=(
            "<p>Müqaviləni imzalandığı, qərarı isə verildiyi gündən <b>15 gün ərzində</b> qeydiyyata təqdim "
            "etməlisiniz. Əlavə müqavilə və dəyişikliklər üçün də eyni müddət tətbiq olunur.</p>"
            "<p>Müqaviləni müəyyən edilmiş müddətdə qeydiyyata təqdim etməmək inzibati xətadır "
            '(<a href="{ixm_432}">İnzibati Xətalar Məcəlləsinin 432-ci maddəsi</a>). Qeydiyyata alınmamış qrant '
            "müqaviləsi üzrə bank və digər əməliyyatlar aparmaq da inzibati xətadır.</p>"
        ),
        en=(
            "<p>You must submit the agreement for registration <b>within 15 days</b> of the day it was signed, "
            "or of the day the grant decision was made. The same applies to addenda and changes.</p>"
            "<p>Not submitting the agreement in time is an administrative offence "
            '(<a href="{ixm_432}">Article 432 of the Code of Administrative Offences</a>). So is carrying out '
            "bank or other operations under a grant agreement that is not registered.</p>"
        ),
        ru=(
            "<p>Договор нужно представить на регистрацию <b>в течение 15 дней</b> со дня подписания, а решение "
            "о гранте — со дня его принятия. Тот же срок действует для дополнительных соглашений и изменений.</p>"
            "<p>Непредставление договора в установленный срок — административный проступок "
            '(<a href="{ixm_432}">статья 432 Кодекса об административных проступках</a>). Банковские и иные '
            "операции по незарегистрированному договору о гранте — также проступок.</p>"
        ),
    ),
    legal_basis=joined(
        Text(
            az=(
                "<ul>"
                "<li>«Qrant haqqında» Azərbaycan Respublikasının Qanunu (1998-ci il 17 aprel, № 483-IQ)</li>"
                "<li>Qrant müqavilələrinin (qərarlarının) qeydiyyata alınması qaydaları: Nazirlər Kabinetinin "
                "2015-ci il 5 iyun tarixli 216 nömrəli Qərarı ilə təsdiq edilib, 2015-ci il 14 iyundan qüvvədədir</li>"
                '<li><a href="{nk_339}">Xarici donorlar tərəfindən Azərbaycan Respublikasının ərazisində qrant vermək '
                "hüququnun əldə edilməsi Qaydası</a>: Nazirlər Kabinetinin 2015-ci il 22 oktyabr tarixli 339 nömrəli "
                "Qərarı ilə təsdiq edilib</li>"
                '<li><a href="{ixm_432}">İnzibati Xətalar Məcəlləsi, maddə 432</a>: qrant alınması (verilməsi) '
                "haqqında qanunvericiliyin pozulması</li>"
            ),
            en=(
                "<ul>"
                "<li>Law “On Grants” (No. 483-IQ of 17 April 1998)</li>"
                "<li>Rules on registering grant agreements (decisions), approved by Cabinet of Ministers Decision "
                "No. 216 of 5 June 2015, in force since 14 June 2015</li>"
                '<li><a href="{nk_339}">Rules for foreign donors to obtain the right to give grants in the Republic '
                "of Azerbaijan</a>, approved by Cabinet of Ministers Decision No. 339 of 22 October 2015</li>"
                '<li><a href="{ixm_432}">Code of Administrative Offences, Article 432</a>: breaches of the law on '
                "receiving and giving grants</li>"
            ),
            ru=(
                "<ul>"
                "<li>Закон Азербайджанской Республики «О гранте» (№ 483-IQ от 17 апреля 1998 года)</li>"
                "<li>Правила регистрации договоров (решений) о грантах, утверждённые Постановлением Кабинета "
                "Министров № 216 от 5 июня 2015 года, действуют с 14 июня 2015 года</li>"
                '<li><a href="{nk_339}">Правила получения иностранными донорами права на выдачу грантов на '
                "территории Азербайджанской Республики</a>, утверждённые Постановлением Кабинета Министров № 339 "
                "от 22 октября 2015 года</li>"
                '<li><a href="{ixm_432}">Кодекс об административных проступках, статья 432</a>: нарушение '
                "законодательства о получении (предоставлении) грантов</li>"
            ),
        ),
        ACTIVITY_STUDY,
        Text(az="</ul>", en="</ul>", ru="</ul>"),
    ),
    documents_needed=joined(
        Text(
            az=(
                "<ul>"
                "<li>İmzalanmış qrant müqaviləsinin (qərarının) surəti, bütün səhifələri ilə. Əlavə müqavilə və ya "
                "dəyişiklik üçün həmin sənədin surəti.</li>"
                "<li>Sənəd Azərbaycan dilində deyilsə, onun Azərbaycan dilinə tərcüməsi.</li>"
                "</ul>"
            ),
            en=(
                "<ul>"
                "<li>A copy of the signed grant agreement or decision, all pages. For an addendum or a change, a copy "
                "of that document.</li>"
                "<li>A translation into Azerbaijani, if the document is in another language.</li>"
                "</ul>"
            ),
            ru=(
                "<ul>"
                "<li>Копия подписанного договора (решения) о гранте, все страницы. Для дополнительного соглашения "
                "или изменения — копия этого документа.</li>"
                "<li>Перевод на азербайджанский язык, если документ составлен на другом языке.</li>"
                "</ul>"
            ),
        ),
        FILE_FORMATS,
        Text(
            az=(
                '<p>Məlumatları əvvəlcədən toplamaq üçün <a linktype="document" id="{doc_grant_sheet}">qrant '
                "qeydiyyatı üçün məlumat vərəqəsindən (DOCX)</a> istifadə edə bilərsiniz.</p>"
            ),
            en=(
                '<p>To gather the details before you start, you can use the <a linktype="document" '
                'id="{doc_grant_sheet}">grant registration information sheet (DOCX, in Azerbaijani)</a>.</p>'
            ),
            ru=(
                '<p>Чтобы заранее собрать сведения, воспользуйтесь <a linktype="document" id="{doc_grant_sheet}">'
                "информационным листом для регистрации гранта (DOCX, на азербайджанском языке)</a>.</p>"
            ),
        ),
    ),
    what_happens_next=joined(
        REVIEW,
        Text(
            az="<p>Müqavilə qeydiyyata alınana qədər onun üzrə bank əməliyyatları aparmayın.</p>",
            en="<p>Do not carry out bank operations under the agreement until it is registered.</p>",
            ru="<p>Не проводите банковские операции по договору, пока он не зарегистрирован.</p>",
        ),
    ),
    declaration_text=DECLARATION,
    fields=FIELDS,
)
