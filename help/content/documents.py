"""Questions about documents: which files the forms take, who sees them, where the samples are."""

from .eservices import ALL_SERVICES
from .types import QuestionSpec, Text, TopicSpec

FILE_TYPES = QuestionSpec(
    slug="hansi-fayllari-yuklemek-olar",
    featured=True,
    services=ALL_SERVICES,
    title=Text(
        az="Hansı faylları yükləyə bilərəm?",
        en="Which files can I upload?",
        ru="Какие файлы можно загрузить?",
    ),
    answer=Text(
        az=(
            "<p>Əksər sahələr <strong>PDF, JPG və PNG</strong> fayllarını qəbul edir. Nizamnamə kimi bəzi sənədlər "
            "üçün DOCX da qəbul edilir. Hər fayl adətən 10 MB-dan böyük olmamalıdır. Tələblər e-xidmətin səhifəsində, "
            "«Tələb olunan sənədlər» bölməsində yazılıb; fayl uyğun gəlməsə, forma sahənin hansı formatları və "
            "ölçünü qəbul etdiyini bildirir.</p>"
            "<ul><li>Sayt faylın növünü adına görə deyil, məzmununa görə yoxlayır. Adı dəyişdirilmiş fayl (məsələn, "
            "adı «.pdf» ilə bitən şəkil) qəbul edilmir: faylı lazımi formatda yenidən saxlayın.</li>"
            "<li>Hər sahəyə bir fayl yüklənir. Çoxsəhifəli sənədi bir PDF faylı kimi skan edin.</li>"
            "<li>Fayl çox böyükdürsə, sənədi daha aşağı keyfiyyətlə (150–200 dpi) skan edin.</li>"
            "<li>Sənəd başqa dildədirsə və formada tərcümə üçün sahə varsa, onun Azərbaycan dilinə tərcüməsini də "
            "əlavə edin.</li></ul>"
        ),
        en=(
            "<p>Most fields take <strong>PDF, JPG and PNG</strong> files. Some documents, such as the charter, may "
            "also be DOCX. Each file may usually be up to 10 MB. The e-service’s page lists the requirements under "
            "“Documents you need”, and if a file does not fit, the form says which formats and size the field "
            "takes.</p>"
            "<ul><li>The site checks a file’s type by its content, not by its name. A renamed file (for example a "
            "photo whose name ends in “.pdf”) is rejected: save the file again in the right format.</li>"
            "<li>Each field takes one file. Scan a document of several pages into one PDF file.</li>"
            "<li>If a file is too large, scan the document at a lower resolution (150–200 dpi).</li>"
            "<li>If a document is in another language and the form has a field for its translation, attach the "
            "translation into Azerbaijani there.</li></ul>"
        ),
        ru=(
            "<p>Большинство полей принимает файлы <strong>PDF, JPG и PNG</strong>. Для некоторых документов, например "
            "устава, подходит и DOCX. Обычно каждый файл может быть не больше 10 МБ. Требования перечислены на "
            "странице электронной услуги в разделе «Необходимые документы», а если файл не подходит, форма "
            "сообщит, какие форматы и какой размер принимает поле.</p>"
            "<ul><li>Сайт определяет тип файла по содержимому, а не по имени. Переименованный файл (например, "
            "фотография с именем, оканчивающимся на «.pdf») не принимается: сохраните файл заново в нужном "
            "формате.</li>"
            "<li>В каждое поле загружается один файл. Многостраничный документ отсканируйте в один PDF-файл.</li>"
            "<li>Если файл слишком большой, отсканируйте документ с меньшим разрешением (150–200 dpi).</li>"
            "<li>Если документ составлен на другом языке и в форме есть поле для перевода, приложите туда перевод на "
            "азербайджанский язык.</li></ul>"
        ),
    ),
)

WHO_SEES_DOCUMENTS = QuestionSpec(
    slug="senedleri-kim-gorur",
    services=ALL_SERVICES,
    title=Text(
        az="Yüklədiyim sənədləri kim görür və nümunələri harada tapım?",
        en="Who sees the documents I upload, and where do I find samples?",
        ru="Кто видит загруженные мной документы и где найти образцы?",
    ),
    answer=Text(
        az=(
            "<p>Yüklədiyiniz sənədlər açıq internetdə yerləşdirilmir. Onlar qapalı saxlanılır və hər dəfə icazə "
            "yoxlanıldıqdan sonra açılır. Onları yalnız bunlar görür:</p>"
            "<ul><li>təşkilatınızın üzvləri (sahiblər və üzvlər);</li>"
            "<li>həmin e-xidmət üzrə müraciətlərə baxmaq səlahiyyəti olan Ədliyyə Nazirliyi əməkdaşları, və yalnız "
            "müraciət təqdim edildikdən sonra.</li></ul>"
            "<p>Başqa təşkilatlar sizin müraciətlərinizi və sənədlərinizi görmür.</p>"
            "<h3>Nümunələr</h3>"
            "<p>Doldurulmalı sənədlərin nümunələri hər e-xidmətin səhifəsində, «Tələb olunan sənədlər» bölməsindədir, "
            'məsələn <a linktype="document" id="{doc_grant_sheet}">qrant müqaviləsinin qeydiyyatı üçün məlumat '
            'vərəqəsi</a> və <a linktype="document" id="{doc_charter_decision}">ümumi yığıncağın nizamnaməyə '
            "dəyişikliklər haqqında qərarı</a>.</p>"
        ),
        en=(
            "<p>The documents you upload are not published on the internet. They are stored privately and opened "
            "only after a permission check each time. Only these people see them:</p>"
            "<ul><li>the members of your organization (owners and members);</li>"
            "<li>Ministry of Justice staff who review applications for that e-service, and only once the application "
            "has been submitted.</li></ul>"
            "<p>Other organizations do not see your applications or documents.</p>"
            "<h3>Samples</h3>"
            "<p>Samples of the documents to fill in are on each e-service’s page under “Documents you need”, for "
            'example the <a linktype="document" id="{doc_grant_sheet}">information sheet for registering a grant '
            'agreement</a> and the <a linktype="document" id="{doc_charter_decision}">general meeting’s decision on '
            "changes to the charter</a>. The samples are in Azerbaijani.</p>"
        ),
        ru=(
            "<p>Загруженные вами документы не публикуются в интернете. Они хранятся в закрытом хранилище и "
            "открываются только после проверки прав доступа. Их видят только:</p>"
            "<ul><li>участники вашей организации (владельцы и участники);</li>"
            "<li>сотрудники Министерства юстиции, которые рассматривают заявления по этой электронной услуге, и "
            "только после подачи заявления.</li></ul>"
            "<p>Другие организации ваших заявлений и документов не видят.</p>"
            "<h3>Образцы</h3>"
            "<p>Образцы документов, которые нужно заполнить, есть на странице каждой электронной услуги в разделе "
            '«Необходимые документы», например <a linktype="document" id="{doc_grant_sheet}">информационный лист для '
            'регистрации договора о гранте</a> и <a linktype="document" id="{doc_charter_decision}">решение общего '
            "собрания об изменениях в уставе</a>. Образцы составлены на азербайджанском языке.</p>"
        ),
    ),
)

TOPIC = TopicSpec(
    slug="senedler-ve-fayllar",
    title=Text(az="Sənədlər və fayllar", en="Documents and uploads", ru="Документы и файлы"),
    summary=Text(
        az="Hansı faylları yükləmək olar, sənədlərinizi kim görür və nümunələr harada yerləşir.",
        en="Which files you can upload, who sees your documents and where the samples are.",
        ru="Какие файлы можно загрузить, кто видит ваши документы и где найти образцы.",
    ),
    questions=(FILE_TYPES, WHO_SEES_DOCUMENTS),
)
