"""Application for state registration of a new public association or foundation."""

from cms.organizations.choices import REGIONS

from .common import DECLARATION, NGO_LAW, REVIEW, STATE_REGISTRATION_LAW, joined
from .types import Choices, FieldSpec, ServiceSpec, Text, section

# Names of cities and districts are proper nouns and stay in Azerbaijani in every language.
REGION_NAMES = tuple(name for _code, name in REGIONS)

FIELDS = (
    section(
        "organization",
        Text(az="Təşkilat", en="The organization", ru="Организация"),
        Text(
            az="Təşkilatın adını, formasını və məqsədlərini nizamnamədə yazıldığı kimi göstərin.",
            en="Give the organization’s name, legal form and purposes as the charter states them.",
            ru="Укажите название, организационно-правовую форму и цели организации так, как они записаны в уставе.",
        ),
    ),
    FieldSpec(
        name="proposed_name",
        field_type="singleline",
        label=Text(az="Təşkilatın adı", en="Name of the organization", ru="Название организации"),
        help_text=Text(
            az=(
                "Ad təşkilati-hüquqi formanı və fəaliyyətin xarakterini göstərməlidir. Adda dövlət orqanlarının "
                "adlarından, habelə Azərbaycanın görkəmli şəxsiyyətlərinin adlarından (yaxın qohumlarının və ya "
                "vərəsələrinin icazəsi olmadan) istifadə etmək olmaz."
            ),
            en=(
                "The name must show the legal form and the nature of the organization’s activity. It may not use "
                "the names of state bodies, or the names of eminent people of Azerbaijan without the permission of "
                "their close relatives or heirs."
            ),
            ru=(
                "Название должно указывать организационно-правовую форму и характер деятельности. В нём нельзя "
                "использовать названия государственных органов, а также имена выдающихся личностей Азербайджана "
                "без разрешения их близких родственников или наследников."
            ),
        ),
        article="mm_50",
    ),
    FieldSpec(
        name="legal_form",
        field_type="radio",
        label=Text(az="Təşkilati-hüquqi forma", en="Legal form", ru="Организационно-правовая форма"),
        help_text=Text(
            az=(
                "Fondun üzvləri olmur; o, təsisçilərin əmlak haqları əsasında yaradılır və nizamnamə kapitalı on "
                "min manatdan az olmamalıdır."
            ),
            en=(
                "A foundation has no members: it is set up with its founders’ property contributions, and its "
                "charter capital must be at least 10,000 manat."
            ),
            ru=(
                "У фонда нет членов: он создаётся на основе имущественных взносов учредителей, и его уставный "
                "капитал должен быть не меньше 10 000 манатов."
            ),
        ),
        choices=Choices(
            az=("İctimai birlik", "Fond"),
            en=("Public association", "Foundation"),
            ru=("Общественное объединение", "Фонд"),
        ),
        article="mm_115",
    ),
    FieldSpec(
        name="purposes",
        field_type="multiline",
        label=Text(
            az="Təşkilatın məqsədləri və fəaliyyətinin predmeti",
            en="Purposes and subject of the organization’s activity",
            ru="Цели и предмет деятельности организации",
        ),
        help_text=Text(
            az="Nizamnamədə yazıldığı kimi, qısa.",
            en="As stated in the charter, briefly.",
            ru="Как указано в уставе, кратко.",
        ),
        article="mm_47",
    ),
    section(
        "founders_and_address",
        Text(az="Təsisçilər və ünvan", en="Founders and address", ru="Учредители и адрес"),
    ),
    FieldSpec(
        name="founders",
        field_type="multiline",
        label=Text(az="Təsisçilər", en="Founders", ru="Учредители"),
        help_text=Text(
            az="Hər sətirdə bir təsisçi: fiziki şəxsin adı, soyadı və ata adı, yaxud hüquqi şəxsin tam adı və VÖEN-i.",
            en="One founder per line: an individual’s full name, or a legal entity’s full name and tax number (VÖEN).",
            ru=(
                "По одному учредителю в строке: фамилия, имя и отчество физического лица или полное наименование и "
                "ИНН (VÖEN) юридического лица."
            ),
        ),
    ),
    FieldSpec(
        name="head_of_organization",
        field_type="singleline",
        label=Text(
            az="Təşkilatın rəhbəri (qanuni təmsilçisi)",
            en="Head of the organization (legal representative)",
            ru="Руководитель организации (законный представитель)",
        ),
        help_text=Text(
            az="Adı, soyadı, ata adı və vəzifəsi, məsələn: «İdarə heyətinin sədri».",
            en="Full name and position, for example: “Chair of the board”.",
            ru="Фамилия, имя, отчество и должность, например: «председатель правления».",
        ),
    ),
    FieldSpec(
        name="legal_address",
        field_type="singleline",
        label=Text(az="Hüquqi ünvan", en="Legal address", ru="Юридический адрес"),
        help_text=Text(
            az="Təşkilatın daimi fəaliyyət göstərən orqanının yerləşdiyi ünvan.",
            en="The address of the organization’s permanent governing body.",
            ru="Адрес постоянно действующего органа организации.",
        ),
        article="mm_51",
    ),
    FieldSpec(
        name="region",
        field_type="dropdown",
        label=Text(az="Şəhər və ya rayon", en="City or district", ru="Город или район"),
        choices=Choices(az=REGION_NAMES, en=REGION_NAMES, ru=REGION_NAMES),
    ),
    section(
        "documents",
        Text(az="Sənədlər", en="Documents", ru="Документы"),
    ),
    FieldSpec(
        name="charter",
        field_type="file",
        label=Text(az="Nizamnamə", en="Charter", ru="Устав"),
        help_text=Text(
            az=(
                "Təsisçilərin təsdiq etdiyi nizamnamə. Onda təşkilatın adı, olduğu yer, idarə edilməsi və ləğvi "
                "qaydası, fəaliyyətinin predmeti və məqsədləri göstərilməlidir."
            ),
            en=(
                "The charter approved by the founders. It must state the organization’s name, location, how it is "
                "managed and wound up, and the subject and purposes of its activity."
            ),
            ru=(
                "Устав, утверждённый учредителями. В нём должны быть указаны название, место нахождения, порядок "
                "управления и ликвидации, предмет и цели деятельности организации."
            ),
        ),
        article="mm_47",
        file_types="pdf,docx",
    ),
    FieldSpec(
        name="founders_decision",
        field_type="file",
        label=Text(
            az="Təsis yığıncağının protokolu və ya təsisçinin qərarı",
            en="Minutes of the founding meeting, or the founder’s decision",
            ru="Протокол учредительного собрания или решение учредителя",
        ),
        help_text=Text(
            az="Təşkilatın yaradılması və nizamnamənin təsdiq edilməsi haqqında qərar, imzalarla.",
            en="The decision to set up the organization and approve its charter, with the signatures.",
            ru="Решение о создании организации и утверждении устава, с подписями.",
        ),
        sample="founders_minutes",
    ),
    FieldSpec(
        name="state_duty_receipt",
        field_type="file",
        label=Text(
            az="Dövlət rüsumunun ödənilməsi barədə qəbz",
            en="Receipt for the state duty",
            ru="Квитанция об уплате государственной пошлины",
        ),
        help_text=Text(
            az="Ödənişi təsdiq edən bank qəbzi və ya elektron ödəniş sənədi.",
            en="A bank receipt or electronic payment record showing the payment.",
            ru="Банковская квитанция или электронный платёжный документ, подтверждающие оплату.",
        ),
    ),
    FieldSpec(
        name="founders_approved_charter",
        field_type="declaration",
        label=Text(
            az=(
                "Təsdiq edirəm ki, nizamnamə təsisçilər tərəfindən təsdiq edilib və bu ərizəni onların adından "
                "vermək səlahiyyətim var."
            ),
            en=(
                "I confirm that the founders have approved the charter and that I am authorized to apply on their "
                "behalf."
            ),
            ru="Подтверждаю, что устав утверждён учредителями и что я уполномочен(а) подать это заявление от их имени.",
        ),
        article="mm_47",
    ),
)

SERVICE = ServiceSpec(
    slug="dovlet-qeydiyyati",
    reference_prefix="DQ",
    title=Text(
        az="Qeyri-hökumət təşkilatının dövlət qeydiyyatı",
        en="Apply to register a new non-governmental organization",
        ru="Государственная регистрация неправительственной организации",
    ),
    summary=Text(
        az=(
            "Yeni ictimai birliyin və ya fondun dövlət qeydiyyatı üçün ərizə verin: ad, təsisçilər, ünvan və təsis "
            "sənədləri."
        ),
        en=(
            "Apply for state registration of a new public association or foundation: name, founders, address and "
            "founding documents."
        ),
        ru=(
            "Подайте заявление о государственной регистрации нового общественного объединения или фонда: название, "
            "учредители, адрес и учредительные документы."
        ),
    ),
    who_must_file=Text(
        az=(
            "<p>Yeni ictimai birlik və ya fond yaradan təsisçilər, yaxud onların səlahiyyət verdiyi şəxs.</p>"
            "<p>Hüquqi şəxs müvafiq icra hakimiyyəti orqanında dövlət qeydiyyatına alınmalıdır "
            '(<a href="{mm_48}">Mülki Məcəllənin 48-ci maddəsi</a>); qeyri-hökumət təşkilatlarını Ədliyyə '
            "Nazirliyi qeydiyyata alır.</p>"
            "<p>Fond yaradılarkən onun nizamnamə kapitalı on min manatdan az olmamalıdır "
            '(<a href="{mm_115}">Mülki Məcəllənin 115-ci maddəsi</a>).</p>'
        ),
        en=(
            "<p>The founders of a new public association or foundation, or the person they have authorized.</p>"
            "<p>A legal entity must be registered with the relevant state body "
            '(<a href="{mm_48}">Article 48 of the Civil Code</a>); non-governmental organizations are registered '
            "by the Ministry of Justice.</p>"
            "<p>A foundation’s charter capital must be at least 10,000 manat when it is set up "
            '(<a href="{mm_115}">Article 115 of the Civil Code</a>).</p>'
        ),
        ru=(
            "<p>Учредители нового общественного объединения или фонда либо уполномоченное ими лицо.</p>"
            "<p>Юридическое лицо подлежит государственной регистрации в соответствующем органе исполнительной "
            'власти (<a href="{mm_48}">статья 48 Гражданского кодекса</a>); неправительственные организации '
            "регистрирует Министерство юстиции.</p>"
            "<p>Уставный капитал фонда при создании должен быть не меньше 10 000 манатов "
            '(<a href="{mm_115}">статья 115 Гражданского кодекса</a>).</p>'
        ),
    ),
    deadline=Text(
        az=(
            "<p>Təsisçilər nizamnaməni təsdiq etdikdən sonra müraciət edin. Təşkilat dövlət qeydiyyatına alındığı "
            "andan mülki hüquqlara malik olur və mülki vəzifələr daşıyır "
            '(<a href="{mm_44}">Mülki Məcəllənin 44-cü maddəsi</a>).</p>'
        ),
        en=(
            "<p>Apply once the founders have approved the charter. The organization has civil rights and duties "
            'from the moment it is registered (<a href="{mm_44}">Article 44 of the Civil Code</a>).</p>'
        ),
        ru=(
            "<p>Подайте заявление после того, как учредители утвердят устав. Организация обладает гражданскими "
            "правами и несёт гражданские обязанности с момента государственной регистрации "
            '(<a href="{mm_44}">статья 44 Гражданского кодекса</a>).</p>'
        ),
    ),
    legal_basis=joined(
        Text(az="<ul>", en="<ul>", ru="<ul>"),
        STATE_REGISTRATION_LAW,
        NGO_LAW,
        Text(
            az=(
                "<li>Mülki Məcəllə: "
                '<a href="{mm_47}">maddə 47</a> (nizamnamə), <a href="{mm_48}">maddə 48</a> (dövlət qeydiyyatı), '
                '<a href="{mm_50}">maddə 50</a> (ad), <a href="{mm_51}">maddə 51</a> (olduğu yer), '
                '<a href="{mm_115}">maddə 115</a> (fondlar)</li>'
                '<li><a href="{ixm_403}">İnzibati Xətalar Məcəlləsi, maddə 403</a>: dövlət qeydiyyatı zamanı yanlış '
                "məlumat verilməsi</li>"
                "</ul>"
            ),
            en=(
                "<li>Civil Code: "
                '<a href="{mm_47}">Article 47</a> (charter), <a href="{mm_48}">Article 48</a> (state registration), '
                '<a href="{mm_50}">Article 50</a> (name), <a href="{mm_51}">Article 51</a> (location), '
                '<a href="{mm_115}">Article 115</a> (foundations)</li>'
                '<li><a href="{ixm_403}">Code of Administrative Offences, Article 403</a>: giving false information '
                "at state registration</li>"
                "</ul>"
            ),
            ru=(
                "<li>Гражданский кодекс: "
                '<a href="{mm_47}">статья 47</a> (устав), <a href="{mm_48}">статья 48</a> (государственная '
                'регистрация), <a href="{mm_50}">статья 50</a> (наименование), <a href="{mm_51}">статья 51</a> '
                '(место нахождения), <a href="{mm_115}">статья 115</a> (фонды)</li>'
                '<li><a href="{ixm_403}">Кодекс об административных проступках, статья 403</a>: предоставление '
                "ложных сведений при государственной регистрации</li>"
                "</ul>"
            ),
        ),
    ),
    documents_needed=Text(
        az=(
            "<ul>"
            "<li>Təsisçilərin təsdiq etdiyi nizamnamə.</li>"
            "<li>Təsis yığıncağının protokolu və ya təsisçinin qərarı: "
            '<a linktype="document" id="{doc_founders_minutes}">protokol nümunəsi (DOCX)</a>.</li>'
            "<li>Dövlət rüsumunun ödənilməsi barədə qəbz.</li>"
            "</ul>"
            "<p>Nizamnamə PDF və ya DOCX, digər sənədlər PDF, JPG və ya PNG formatında olmalıdır; hər fayl 10 MB-dan "
            "böyük olmamalıdır.</p>"
        ),
        en=(
            "<ul>"
            "<li>The charter approved by the founders.</li>"
            "<li>Minutes of the founding meeting, or the founder’s decision: "
            '<a linktype="document" id="{doc_founders_minutes}">sample minutes (DOCX, in Azerbaijani)</a>.</li>'
            "<li>A receipt for the state duty.</li>"
            "</ul>"
            "<p>The charter must be PDF or DOCX and the other documents PDF, JPG or PNG, up to 10 MB each.</p>"
        ),
        ru=(
            "<ul>"
            "<li>Устав, утверждённый учредителями.</li>"
            "<li>Протокол учредительного собрания или решение учредителя: "
            '<a linktype="document" id="{doc_founders_minutes}">образец протокола (DOCX, на азербайджанском '
            'языке)</a>.</li>'
            "<li>Квитанция об уплате государственной пошлины.</li>"
            "</ul>"
            "<p>Устав принимается в формате PDF или DOCX, остальные документы — в PDF, JPG или PNG, каждый файл не "
            "больше 10 МБ.</p>"
        ),
    ),
    what_happens_next=REVIEW,
    declaration_text=DECLARATION,
    fields=FIELDS,
)
