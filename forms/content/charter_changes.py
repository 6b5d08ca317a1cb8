"""Notice of changes to the charter or to the facts in the state register."""

from .common import ACTIVITY_STUDY, DECLARATION, NGO_LAW, REVIEW, STATE_REGISTRATION_LAW, joined
from .types import Choices, FieldSpec, ServiceSpec, Text, section

FIELDS = (
    section(
        "what_changed",
        Text(az="Nə dəyişib", en="What has changed", ru="Что изменилось"),
    ),
    FieldSpec(
        name="changed_items",
        field_type="checkboxes",
        label=Text(az="Nə dəyişib?", en="What has changed?", ru="Что изменилось?"),
        help_text=Text(
            az="Uyğun olanların hamısını seçin.",
            en="Select all that apply.",
            ru="Отметьте все подходящие варианты.",
        ),
        choices=Choices(
            az=("Təşkilatın adı", "Hüquqi ünvan", "Məqsədlər", "İdarəetmə orqanları", "Qanuni təmsilçi", "Digər"),
            en=("Name", "Legal address", "Purposes", "Governing bodies", "Legal representative", "Other"),
            ru=("Название", "Юридический адрес", "Цели", "Органы управления", "Законный представитель", "Другое"),
        ),
        article="ixm_579",
    ),
    FieldSpec(
        name="change_description",
        field_type="multiline",
        label=Text(az="Dəyişikliklərin təsviri", en="Describe the changes", ru="Описание изменений"),
        help_text=Text(
            az=(
                "Hər dəyişiklik üçün əvvəlki və yeni məlumatı yazın. Məsələn: «Hüquqi ünvan: Bakı şəhəri, "
                "Nizami küçəsi 10; yeni ünvan: Bakı şəhəri, Füzuli küçəsi 5»."
            ),
            en=(
                "For each change, give the old and the new details. For example: “Legal address: 10 Nizami Street, "
                "Baku; new address: 5 Fuzuli Street, Baku”."
            ),
            ru=(
                "Для каждого изменения укажите прежние и новые сведения. Например: «Юридический адрес: г. Баку, "
                "ул. Низами, 10; новый адрес: г. Баку, ул. Физули, 5»."
            ),
        ),
    ),
    section(
        "decision",
        Text(az="Qərar", en="Decision", ru="Решение"),
        Text(
            az="Dəyişiklikləri nizamnaməyə görə səlahiyyətli orqan qəbul etməlidir.",
            en="The changes must be decided by the body your charter empowers to make them.",
            ru="Изменения должен принять орган, который по уставу вправе это делать.",
        ),
    ),
    FieldSpec(
        name="decision_body",
        field_type="singleline",
        label=Text(az="Qərarı qəbul edən orqan", en="Body that made the decision", ru="Орган, принявший решение"),
        help_text=Text(
            az="Məsələn: ümumi yığıncaq, konfrans və ya fondun idarə heyəti.",
            en="For example: the general meeting, the conference or the foundation’s board.",
            ru="Например: общее собрание, конференция или правление фонда.",
        ),
    ),
    FieldSpec(
        name="decision_date",
        field_type="date",
        label=Text(az="Qərarın tarixi", en="Date of the decision", ru="Дата решения"),
    ),
    FieldSpec(
        name="decision_document",
        field_type="file",
        label=Text(
            az="Qərar və ya yığıncağın protokolu",
            en="Decision or minutes of the meeting",
            ru="Решение или протокол собрания",
        ),
        help_text=Text(
            az="İmzalanmış qərarın və ya protokolun surəti.",
            en="A copy of the signed decision or minutes.",
            ru="Копия подписанного решения или протокола.",
        ),
        sample="charter_decision",
    ),
    section(
        "new_charter",
        Text(az="Yeni nizamnamə", en="New charter", ru="Новый устав"),
    ),
    FieldSpec(
        name="new_charter",
        field_type="file",
        required=False,
        label=Text(az="Nizamnamənin yeni mətni", en="New text of the charter", ru="Новая редакция устава"),
        help_text=Text(
            az=(
                "Nizamnamə dəyişibsə, dəyişikliklər nəzərə alınmaqla onun tam mətnini əlavə edin. Yalnız "
                "reyestrdəki məlumat dəyişibsə (məsələn, qanuni təmsilçi), boş saxlayın."
            ),
            en=(
                "If the charter has changed, attach its full text with the changes made. If only a fact in the "
                "register has changed (for example the legal representative), leave this empty."
            ),
            ru=(
                "Если изменился устав, приложите его полный текст с внесёнными изменениями. Если изменились только "
                "сведения в реестре (например, законный представитель), оставьте поле пустым."
            ),
        ),
        article="mm_47",
        file_types="pdf,docx",
    ),
    FieldSpec(
        name="no_activity_before_registration",
        field_type="declaration",
        label=Text(
            az=(
                "Təsdiq edirəm ki, dəyişikliklər dövlət qeydiyyatına alınana qədər təşkilat onlara əsasən fəaliyyət "
                "göstərməyəcək."
            ),
            en="I confirm that the organization will not act on the changes until they are registered.",
            ru=(
                "Подтверждаю, что до государственной регистрации изменений организация не будет действовать на их "
                "основании."
            ),
        ),
        article="ixm_579",
    ),
)

SERVICE = ServiceSpec(
    slug="nizamname-deyisiklikleri",
    reference_prefix="ND",
    title=Text(
        az="Nizamnamədə dəyişikliklər barədə bildiriş",
        en="Report changes to your charter",
        ru="Уведомление об изменениях в уставе",
    ),
    summary=Text(
        az=(
            "Nizamnaməyə və ya dövlət reyestrindəki məlumatlara edilən dəyişiklikləri onlara əsasən fəaliyyət "
            "göstərməzdən əvvəl qeydiyyata təqdim edin."
        ),
        en="Register changes to your charter or to the facts in the state register before you act on them.",
        ru=(
            "Представьте изменения в уставе или в сведениях государственного реестра на регистрацию до того, как "
            "начнёте действовать на их основании."
        ),
    ),
    who_must_file=Text(
        az=(
            "<p>Nizamnaməsini və ya hüquqi şəxslərin dövlət reyestrində qeydə alınmış məlumatlarını dəyişən "
            "qeyri-hökumət təşkilatları (ictimai birliklər və fondlar), habelə xarici qeyri-hökumət təşkilatlarının "
            "filial və nümayəndəlikləri.</p>"
            "<p>Məsələn, təşkilatın adı, hüquqi ünvanı, məqsədləri, idarəetmə orqanları və ya qanuni təmsilçisi "
            "dəyişdikdə.</p>"
        ),
        en=(
            "<p>Non-governmental organizations (public associations and foundations), and branches and "
            "representations of foreign non-governmental organizations, that change their charter or the facts "
            "recorded about them in the state register of legal entities.</p>"
            "<p>For example, when the organization’s name, legal address, purposes, governing bodies or legal "
            "representative change.</p>"
        ),
        ru=(
            "<p>Неправительственные организации (общественные объединения и фонды), а также филиалы и "
            "представительства иностранных неправительственных организаций, которые меняют устав или сведения о "
            "себе в государственном реестре юридических лиц.</p>"
            "<p>Например, когда меняются название организации, юридический адрес, цели, органы управления или "
            "законный представитель.</p>"
        ),
    ),
    deadline=Text(
        az=(
            "<p>Dəyişikliyi ona əsasən fəaliyyət göstərməzdən <b>əvvəl</b> qeydiyyata təqdim edin. Dövlət "
            "qeydiyyatına alınmamış dəyişikliklər əsasında fəaliyyət göstərmək inzibati xətadır "
            '(<a href="{ixm_579}">İnzibati Xətalar Məcəlləsinin 579-cu maddəsi</a>).</p>'
            "<p>Nizamnamədəki dəyişikliklər üçüncü şəxslər üçün dövlət qeydiyyatına alındığı andan hüquqi qüvvəyə "
            'minir (<a href="{mm_47}">Mülki Məcəllənin 47-ci maddəsi</a>).</p>'
        ),
        en=(
            "<p>Submit the change <b>before</b> you act on it. Carrying out any activity on the basis of changes "
            'that are not registered is an administrative offence (<a href="{ixm_579}">Article 579 of the Code of '
            "Administrative Offences</a>).</p>"
            "<p>Changes to the charter take legal effect for third parties from the moment they are registered "
            '(<a href="{mm_47}">Article 47 of the Civil Code</a>).</p>'
        ),
        ru=(
            "<p>Подайте изменение <b>до того</b>, как начнёте действовать на его основании. Любая деятельность на "
            "основании незарегистрированных изменений — административный проступок "
            '(<a href="{ixm_579}">статья 579 Кодекса об административных проступках</a>).</p>'
            "<p>Изменения устава вступают в силу для третьих лиц с момента их государственной регистрации "
            '(<a href="{mm_47}">статья 47 Гражданского кодекса</a>).</p>'
        ),
    ),
    legal_basis=joined(
        Text(az="<ul>", en="<ul>", ru="<ul>"),
        STATE_REGISTRATION_LAW,
        NGO_LAW,
        Text(
            az=(
                '<li><a href="{mm_47}">Mülki Məcəllə, maddə 47</a>: hüquqi şəxsin nizamnaməsi</li>'
                '<li><a href="{ixm_579}">İnzibati Xətalar Məcəlləsi, maddə 579</a>: qeydiyyata alınmamış '
                "dəyişikliklər əsasında fəaliyyət</li>"
                '<li><a href="{ixm_403}">İnzibati Xətalar Məcəlləsi, maddə 403</a>: dəyişikliklərin dövlət '
                "qeydiyyatı zamanı yanlış məlumat verilməsi</li>"
            ),
            en=(
                '<li><a href="{mm_47}">Civil Code, Article 47</a>: the charter of a legal entity</li>'
                '<li><a href="{ixm_579}">Code of Administrative Offences, Article 579</a>: acting on changes that '
                "are not registered</li>"
                '<li><a href="{ixm_403}">Code of Administrative Offences, Article 403</a>: giving false information '
                "when changes are registered</li>"
            ),
            ru=(
                '<li><a href="{mm_47}">Гражданский кодекс, статья 47</a>: устав юридического лица</li>'
                '<li><a href="{ixm_579}">Кодекс об административных проступках, статья 579</a>: деятельность на '
                "основании незарегистрированных изменений</li>"
                '<li><a href="{ixm_403}">Кодекс об административных проступках, статья 403</a>: предоставление '
                "ложных сведений при регистрации изменений</li>"
            ),
        ),
        ACTIVITY_STUDY,
        Text(az="</ul>", en="</ul>", ru="</ul>"),
    ),
    documents_needed=Text(
        az=(
            "<ul>"
            "<li>Səlahiyyətli orqanın dəyişikliklər haqqında qərarı və ya yığıncağın protokolu: "
            '<a linktype="document" id="{doc_charter_decision}">qərar nümunəsi (DOCX)</a>.</li>'
            "<li>Nizamnamə dəyişibsə, onun yeni mətni.</li>"
            "</ul>"
            "<p>Qərar PDF, JPG və ya PNG, nizamnamənin mətni PDF və ya DOCX formatında olmalıdır; hər fayl 10 MB-dan "
            "böyük olmamalıdır.</p>"
        ),
        en=(
            "<ul>"
            "<li>The decision of the competent body on the changes, or the minutes of the meeting: "
            '<a linktype="document" id="{doc_charter_decision}">sample decision (DOCX, in Azerbaijani)</a>.</li>'
            "<li>If the charter has changed, its new text.</li>"
            "</ul>"
            "<p>The decision must be PDF, JPG or PNG and the charter PDF or DOCX, up to 10 MB each.</p>"
        ),
        ru=(
            "<ul>"
            "<li>Решение уполномоченного органа об изменениях или протокол собрания: "
            '<a linktype="document" id="{doc_charter_decision}">образец решения (DOCX, на азербайджанском '
            'языке)</a>.</li>'
            "<li>Если изменился устав, его новая редакция.</li>"
            "</ul>"
            "<p>Решение принимается в формате PDF, JPG или PNG, устав — в PDF или DOCX, каждый файл не больше 10 "
            "МБ.</p>"
        ),
    ),
    what_happens_next=joined(
        REVIEW,
        Text(
            az="<p>Dəyişikliklər qeydiyyata alındıqdan sonra onlara əsasən fəaliyyət göstərə bilərsiniz.</p>",
            en="<p>Once the changes are registered, you may act on them.</p>",
            ru="<p>После регистрации изменений вы можете действовать на их основании.</p>",
        ),
    ),
    declaration_text=DECLARATION,
    fields=FIELDS,
)
