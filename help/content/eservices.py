"""Questions about the e-services: what to register and by when, drafts, reference numbers, returned applications."""

from .types import QuestionSpec, Text, TopicSpec

# Slugs of the shipped e-services (forms.content).
GRANT = "qrant-qeydiyyati"
CONTRACT = "xidmet-muqavilesi-qeydiyyati"
DONATION = "ianelerin-qeydiyyati"
CHARTER = "nizamname-deyisiklikleri"
REGISTRATION = "dovlet-qeydiyyati"
ALL_SERVICES = (GRANT, CONTRACT, DONATION, CHARTER, REGISTRATION)

GRANT_DEADLINE = QuestionSpec(
    slug="qrant-muqavilesinin-qeydiyyati-muddeti",
    featured=True,
    services=(GRANT,),
    title=Text(
        az="Qrant müqaviləsini nə vaxta qədər qeydiyyata aldırmalıyam?",
        en="By when must a grant agreement be registered?",
        ru="В какой срок нужно зарегистрировать договор о гранте?",
    ),
    answer=Text(
        az=(
            "<p>Qrant müqaviləsi imzalandığı, qrant haqqında qərar isə verildiyi gündən <strong>15 gün ərzində</strong> "
            "qeydiyyata təqdim edilməlidir. Bu, aşağıdakılara da aiddir:</p>"
            "<ul><li>sub-qrantlar;</li><li>qrant müqaviləsinə əlavə müqavilələr;</li>"
            "<li>qrantın müddətinin, məqsədinin və ya məbləğinin hər hansı dəyişikliyi.</li></ul>"
            "<p>Ədliyyə Nazirliyində qeyri-kommersiya təşkilatları (ictimai birliklər və fondlar) və fiziki şəxslər "
            "qrantları qeydiyyata aldırır. Kommersiya təşkilatları bunu İqtisadiyyat Nazirliyində edir.</p>"
            '<p>Müraciəti <a linktype="page" id="{grant_id}">«Qrant müqaviləsinin (qərarının) qeydiyyatı»</a> '
            "e-xidməti ilə təqdim edin. Forma imza tarixinə görə son günü göstərir və müddət keçibsə, təqdim "
            "etməzdən əvvəl xəbərdarlıq edir.</p>"
            "<p>Qrant müqaviləsi olmadan pul və ya digər maddi yardım almaq, qeydiyyata alınmamış qrant müqaviləsi üzrə "
            "bank əməliyyatları aparmaq və qrantı müddətində qeydiyyata təqdim etməmək inzibati xətadır "
            '(<a href="{ixm_432}">İnzibati Xətalar Məcəlləsi, maddə 432</a>).</p>'
            "<p>Hüquqi əsas: «Qrant haqqında» Qanun və Nazirlər Kabinetinin 2015-ci il 5 iyun tarixli 216 nömrəli "
            "Qərarı ilə təsdiq edilmiş qrant müqavilələrinin (qərarlarının) qeydiyyatı Qaydaları.</p>"
        ),
        en=(
            "<p>A grant agreement must be filed for registration <strong>within 15 days</strong> of the day it was "
            "signed, and a grant decision within 15 days of the day it was made. The same applies to:</p>"
            "<ul><li>sub-grants;</li><li>addenda to a grant agreement;</li>"
            "<li>any change to a grant’s term, purpose or amount.</li></ul>"
            "<p>Non-commercial organizations (public associations and foundations) and individuals register grants "
            "with the Ministry of Justice. Commercial companies register theirs with the Ministry of Economy.</p>"
            '<p>Apply through the <a linktype="page" id="{grant_id}">“Register a grant agreement or decision”</a> '
            "e-service. The form shows the last day from the date of signing, and warns you before you submit if it "
            "has passed.</p>"
            "<p>Receiving money or other material help without a grant agreement, carrying out bank operations on a "
            "grant agreement that is not registered, and not filing a grant for registration in time are "
            'administrative offences (<a href="{ixm_432}">Code of Administrative Offences, Article 432</a>).</p>'
            "<p>Legal basis: the Law “On Grants” and the Rules on registering grant agreements (decisions) approved by "
            "Cabinet of Ministers Decision No. 216 of 5 June 2015.</p>"
        ),
        ru=(
            "<p>Договор о гранте нужно подать на регистрацию <strong>в течение 15 дней</strong> со дня подписания, "
            "решение о гранте — со дня его принятия. Это касается и:</p>"
            "<ul><li>субгрантов;</li><li>дополнительных соглашений к договору о гранте;</li>"
            "<li>любого изменения срока, цели или суммы гранта.</li></ul>"
            "<p>В Министерстве юстиции гранты регистрируют некоммерческие организации (общественные объединения и "
            "фонды) и физические лица. Коммерческие организации регистрируют их в Министерстве экономики.</p>"
            '<p>Подайте заявление через электронную услугу <a linktype="page" id="{grant_id}">«Регистрация договора '
            "(решения) о гранте»</a>. Форма покажет последний день срока по дате подписания и предупредит перед "
            "подачей, если срок прошёл.</p>"
            "<p>Получение денег или иной материальной помощи без договора о гранте, банковские операции по "
            "незарегистрированному договору о гранте и непредставление гранта на регистрацию в срок — "
            'административные проступки (<a href="{ixm_432}">Кодекс об административных проступках, статья 432</a>).</p>'
            "<p>Правовая основа: Закон «О грантах» и Правила регистрации договоров (решений) о грантах, утверждённые "
            "Постановлением Кабинета Министров № 216 от 5 июня 2015 года.</p>"
        ),
    ),
)

SERVICE_CONTRACT = QuestionSpec(
    slug="xidmet-muqavilesinin-qeydiyyati",
    services=(CONTRACT,),
    title=Text(
        az="Xarici mənbədən ödənilən xidmət müqaviləsini necə qeydiyyata aldırım?",
        en="How do I register a service contract paid for from abroad?",
        ru="Как зарегистрировать договор об услугах, оплачиваемых из-за рубежа?",
    ),
    answer=Text(
        az=(
            "<p>Qeyri-hökumət təşkilatı, həmçinin xarici qeyri-hökumət təşkilatının filialı və ya nümayəndəliyi xarici "
            "mənbədən ödənilən xidmət göstərirsə və ya iş görürsə, müqaviləni imzalandığı gündən "
            "<strong>15 gün ərzində</strong> qeydiyyata təqdim edir. Əlavə müqavilələr və müqavilənin hər hansı "
            "dəyişikliyi də eyni qaydada qeydiyyata alınır.</p>"
            "<p>Müraciətə imzalanmış müqavilənin (əlavə müqavilənin və ya dəyişikliyin) surətini əlavə edin və "
            '<a linktype="page" id="{contract_id}">«Xarici mənbələr hesabına xidmət (iş) müqaviləsinin qeydiyyatı»</a> '
            "e-xidməti ilə təqdim edin.</p>"
            "<p>Qeydiyyata alınmamış müqavilə üzrə heç bir bank əməliyyatı aparıla bilməz.</p>"
            "<p>Hüquqi əsas: «Qeyri-hökumət təşkilatları (ictimai birliklər və fondlar) haqqında» Qanunun 24-2.1-ci "
            "maddəsi əsasında Nazirlər Kabinetinin 2015-ci il 21 oktyabr tarixli 337 nömrəli Qərarı ilə təsdiq "
            "edilmiş Qaydalar.</p>"
        ),
        en=(
            "<p>When a non-governmental organization, or a branch or representation of a foreign one, provides "
            "services or does work paid for from abroad, it files the contract for registration <strong>within 15 "
            "days</strong> of signing it. Addenda and any change to the contract are registered the same way.</p>"
            "<p>Attach a copy of the signed contract (or of the addendum or change) and apply through the "
            '<a linktype="page" id="{contract_id}">“Register a service contract funded from abroad”</a> '
            "e-service.</p>"
            "<p>No bank operation may be carried out on a contract that is not registered.</p>"
            "<p>Legal basis: the Rules approved by Cabinet of Ministers Decision No. 337 of 21 October 2015, made under "
            "Article 24-2.1 of the Law “On Non-Governmental Organizations (Public Associations and "
            "Foundations)”.</p>"
        ),
        ru=(
            "<p>Если неправительственная организация, а также филиал или представительство иностранной "
            "неправительственной организации оказывает услуги или выполняет работы, оплачиваемые из иностранных "
            "источников, договор подаётся на регистрацию <strong>в течение 15 дней</strong> со дня подписания. "
            "Дополнительные соглашения и любые изменения договора регистрируются так же.</p>"
            "<p>Приложите копию подписанного договора (дополнительного соглашения или изменения) и подайте заявление "
            'через электронную услугу <a linktype="page" id="{contract_id}">«Регистрация договора об услугах (работах), '
            "оплачиваемых из иностранных источников»</a>.</p>"
            "<p>По незарегистрированному договору нельзя проводить никаких банковских операций.</p>"
            "<p>Правовая основа: Правила, утверждённые Постановлением Кабинета Министров № 337 от 21 октября 2015 "
            "года на основании статьи 24-2.1 Закона «О неправительственных организациях (общественных объединениях и "
            "фондах)».</p>"
        ),
    ),
)

CASH_DONATIONS = QuestionSpec(
    slug="ianeni-negd-qebul-etmek",
    services=(DONATION,),
    title=Text(
        az="İanəni nağd pulla qəbul etmək olarmı?",
        en="May we accept a donation in cash?",
        ru="Можно ли принять пожертвование наличными?",
    ),
    answer=Text(
        az=(
            "<p>Bir qayda olaraq, yox. Təşkilata pul ianəsi nağd verilə və qəbul edilə bilməz: ianə bank köçürməsi ilə "
            'ödənilməlidir (<a href="{ixm_466}">İnzibati Xətalar Məcəlləsi, maddə 466</a>).</p>'
            "<p>Yeganə istisna: nizamnaməyə görə əsas məqsədi xeyriyyəçilik olan təşkilat <strong>200 manatadək</strong> "
            "nağd ianə qəbul edə bilər.</p>"
            "<p>Alınmış ianələrin məbləği və ianəçilər təşkilatın maliyyə hesabatında göstərilməlidir. Bunu etməmək "
            'inzibati xətadır (<a href="{ixm_465}">maddə 465</a>).</p>'
            '<p>İanəni <a linktype="page" id="{donation_id}">«İanələrin qeydiyyatı»</a> e-xidməti ilə qeyd edin. '
            "Ödəniş üsulu nağd pul, məbləğ isə 200 manatdan çox olsa, forma müraciəti qəbul etmir və nə etməli "
            "olduğunuzu izah edir.</p>"
        ),
        en=(
            "<p>As a rule, no. A donation of money to an organization may not be given or accepted in cash: it must "
            'be paid by bank transfer (<a href="{ixm_466}">Code of Administrative Offences, Article 466</a>).</p>'
            "<p>The one exception: an organization whose main purpose under its charter is charity may accept cash "
            "donations of <strong>up to 200 manat</strong>.</p>"
            "<p>The organization’s financial report must include the amounts of donations received and who gave them. "
            'Leaving them out is an administrative offence (<a href="{ixm_465}">Article 465</a>).</p>'
            '<p>Record the donation through the <a linktype="page" id="{donation_id}">“Record a donation”</a> '
            "e-service. If the payment method is cash and the amount is more than 200 manat, the form does not accept "
            "it and explains what to do.</p>"
        ),
        ru=(
            "<p>Как правило, нет. Денежное пожертвование организации нельзя передавать и принимать наличными: оно "
            'перечисляется банковским переводом (<a href="{ixm_466}">Кодекс об административных проступках, '
            "статья 466</a>).</p>"
            "<p>Единственное исключение: организация, основная уставная цель которой — благотворительность, может "
            "принимать наличные пожертвования <strong>до 200 манатов</strong>.</p>"
            "<p>В финансовом отчёте организации должны быть указаны суммы полученных пожертвований и жертвователи. "
            'Их отсутствие в отчёте — административный проступок (<a href="{ixm_465}">статья 465</a>).</p>'
            '<p>Внесите пожертвование через электронную услугу <a linktype="page" id="{donation_id}">«Учёт полученных '
            "пожертвований»</a>. Если способ оплаты — наличные, а сумма больше 200 манатов, форма не примет заявление "
            "и объяснит, что делать.</p>"
        ),
    ),
)

CHARTER_CHANGES = QuestionSpec(
    slug="nizamname-deyisiklikleri-ne-vaxt",
    services=(CHARTER,),
    title=Text(
        az="Nizamnaməyə dəyişiklikləri nə vaxt bildirməliyik?",
        en="When must we report changes to our charter?",
        ru="Когда нужно сообщать об изменениях в уставе?",
    ),
    answer=Text(
        az=(
            "<p>Təsis sənədlərinə və ya dövlət reyestrindəki məlumatlara edilmiş dəyişikliklər əsasında fəaliyyət "
            "göstərməzdən <strong>əvvəl</strong>. Qeydiyyata alınmamış dəyişikliklər əsasında fəaliyyət göstərmək "
            'inzibati xətadır (<a href="{ixm_579}">İnzibati Xətalar Məcəlləsi, maddə 579</a>).</p>'
            '<p>Müraciəti <a linktype="page" id="{charter_id}">«Nizamnamədə dəyişikliklər barədə bildiriş»</a> '
            "e-xidməti ilə təqdim edin. Nəyin dəyişdiyini (ad, ünvan, məqsəd, idarəetmə orqanları, nümayəndə) "
            "göstərin, səlahiyyətli orqanın qərarını və nizamnamənin yeni mətnini əlavə edin.</p>"
        ),
        en=(
            "<p><strong>Before</strong> the organization acts on changes to its founding documents or to the facts in "
            "the state register. Acting on changes that are not registered is an administrative offence "
            '(<a href="{ixm_579}">Code of Administrative Offences, Article 579</a>).</p>'
            '<p>Apply through the <a linktype="page" id="{charter_id}">“Report changes to your charter”</a> '
            "e-service. Say what changed (name, address, purpose, governing bodies, representative) and attach the "
            "decision of the competent body and the new text of the charter.</p>"
        ),
        ru=(
            "<p><strong>До того</strong>, как организация начнёт действовать на основании изменений в учредительных "
            "документах или в сведениях государственного реестра. Деятельность на основании незарегистрированных "
            'изменений — административный проступок (<a href="{ixm_579}">Кодекс об административных проступках, '
            "статья 579</a>).</p>"
            '<p>Подайте заявление через электронную услугу <a linktype="page" id="{charter_id}">«Уведомление об '
            "изменениях в уставе»</a>. Укажите, что изменилось (название, адрес, цель, органы управления, "
            "представитель), и приложите решение уполномоченного органа и новый текст устава.</p>"
        ),
    ),
)

DRAFTS = QuestionSpec(
    slug="muracieti-sonra-bitirmek",
    featured=True,
    services=ALL_SERVICES,
    title=Text(
        az="Müraciəti yarımçıq saxlayıb sonra davam edə bilərəmmi?",
        en="Can I save an application and finish it later?",
        ru="Можно ли сохранить заявление и закончить его позже?",
    ),
    answer=Text(
        az=(
            "<p>Bəli. Forma addım-addım doldurulur və «Yadda saxla və davam et» düyməsini basdıqda hər addım "
            "saxlanılır. «Yadda saxla və sonra qayıt» düyməsi isə cavabları saxlayıb formadan çıxır.</p>"
            "<ul><li>Davam etmək üçün e-xidmətin səhifəsini açın: yarımçıq müraciətlər «Hələ təqdim etmədiyiniz "
            'müraciətlər» siyahısındadır. Onlar <a href="{applications}">Müraciətlərim</a> səhifəsində də '
            "görünür.</li>"
            "<li>Təşkilatın digər üzvləri də qaralamanı görür və dayandığınız yerdən davam edə bilər.</li>"
            "<li>Lazım olmayan qaralamanı müraciətin səhifəsindəki «Bu qaralamanı sil» keçidi ilə silmək olar.</li></ul>"
            "<p>Nazirlik qaralamaları görmür. Müraciət yalnız cavabları yoxladıqdan sonra «Göndər» düyməsini "
            "basdıqda nazirliyə göndərilir.</p>"
        ),
        en=(
            "<p>Yes. The form goes step by step, and each step is saved when you press “Save and continue”. "
            "“Save and come back later” saves your answers and leaves the form.</p>"
            "<ul><li>To carry on, open the e-service’s page: unfinished applications are listed under “Applications "
            'you have not submitted yet”. They are also on the <a href="{applications}">My applications</a> '
            "page.</li>"
            "<li>Other members of your organization see the draft too and can continue where you stopped.</li>"
            "<li>You can delete a draft you no longer need with the “Delete this draft” link on the "
            "application’s page.</li></ul>"
            "<p>The ministry does not see drafts. An application reaches the ministry only when you press “Submit” "
            "after checking your answers.</p>"
        ),
        ru=(
            "<p>Да. Форма заполняется по шагам, и каждый шаг сохраняется, когда вы нажимаете «Сохранить и "
            "продолжить». Кнопка «Сохранить и вернуться позже» сохраняет ответы и закрывает форму.</p>"
            "<ul><li>Чтобы продолжить, откройте страницу электронной услуги: незаконченные заявления перечислены в "
            "разделе «Заявления, которые вы ещё не подали». Они есть и на странице "
            '<a href="{applications}">«Мои заявления»</a>.</li>'
            "<li>Другие участники вашей организации тоже видят черновик и могут продолжить с того места, где вы "
            "остановились.</li>"
            "<li>Ненужный черновик можно удалить ссылкой «Удалить этот черновик» на странице заявления.</li></ul>"
            "<p>Министерство черновиков не видит. Заявление попадает в министерство только после того, как вы "
            "проверите ответы и нажмёте «Отправить».</p>"
        ),
    ),
)

REFERENCE_NUMBERS = QuestionSpec(
    slug="istinad-nomresi-ve-veziyyet",
    services=ALL_SERVICES,
    title=Text(
        az="İstinad nömrəsi nədir və müraciətimin vəziyyətini harada görüm?",
        en="What is the reference number, and where do I see my application’s status?",
        ru="Что такое номер заявления и где посмотреть его статус?",
    ),
    answer=Text(
        az=(
            "<p>Müraciəti təqdim etdikdə sayt ona istinad nömrəsi verir, məsələn <strong>QR-2026-000123</strong>. "
            "Əvvəldəki hərflər e-xidməti göstərir: QR — qrant, XM — xidmət müqaviləsi, IA — ianə, ND — nizamnamə "
            "dəyişiklikləri, DQ — dövlət qeydiyyatı. Sonra il və sıra nömrəsi gəlir.</p>"
            "<p>Nömrə təsdiq səhifəsində və e-poçtunuza göndərilən məktubda göstərilir. Bu müraciətlə bağlı "
            "nazirliyə yazanda və ya zəng edəndə nömrəni deyin.</p>"
            '<p>Təşkilatlarınızın bütün müraciətləri və onların vəziyyəti <a href="{applications}">Müraciətlərim</a> '
            "səhifəsindədir: «Təqdim edilib», «Baxılır», «Düzəliş üçün qaytarılıb», «Qəbul edilib» və ya «Rədd "
            "edilib». Vəziyyət dəyişəndə təşkilatın bütün üzvləri saytda "
            '<a href="{notifications}">bildiriş</a> və e-poçt məktubu alır.</p>'
        ),
        en=(
            "<p>When you submit an application, the site gives it a reference number such as "
            "<strong>QR-2026-000123</strong>. The letters at the start show the e-service: QR for grants, XM for "
            "service contracts, IA for donations, ND for charter changes and DQ for state registration. The year and "
            "a sequence number follow.</p>"
            "<p>The number is on the confirmation page and in the e-mail we send you. Quote it whenever you write to "
            "or call the ministry about the application.</p>"
            '<p>Every application of your organizations and its status is on the <a href="{applications}">My '
            "applications</a> page: “Submitted”, “Under review”, “Returned for correction”, “Accepted” or “Rejected”. "
            "When the status changes, every member of the organization gets a "
            '<a href="{notifications}">notification</a> on the site and an e-mail.</p>'
        ),
        ru=(
            "<p>При подаче заявления сайт присваивает ему номер, например <strong>QR-2026-000123</strong>. Буквы в "
            "начале обозначают электронную услугу: QR — гранты, XM — договоры об услугах, IA — пожертвования, "
            "ND — изменения в уставе, DQ — государственная регистрация. Затем идут год и порядковый номер.</p>"
            "<p>Номер показан на странице подтверждения и в письме, которое мы отправляем вам. Называйте его, когда "
            "пишете или звоните в министерство по этому заявлению.</p>"
            "<p>Все заявления ваших организаций и их статусы — на странице "
            '<a href="{applications}">«Мои заявления»</a>: «Подано», «На рассмотрении», «Возвращено на доработку», '
            "«Принято» или «Отклонено». Когда статус меняется, каждый участник организации получает "
            '<a href="{notifications}">уведомление</a> на сайте и письмо.</p>'
        ),
    ),
)

RETURNED = QuestionSpec(
    slug="duzelis-ucun-qaytarilib",
    featured=True,
    services=ALL_SERVICES,
    title=Text(
        az="Müraciətim düzəliş üçün qaytarılıb. Nə etməliyəm?",
        en="My application was returned for correction. What do I do?",
        ru="Моё заявление вернули на доработку. Что делать?",
    ),
    answer=Text(
        az=(
            "<p>Müraciətdə nəsə çatışmırsa və ya səhvdirsə, nazirlik onu düzəliş üçün qaytarır. Düzəldilməli olan "
            "cavabları və sənədləri işarələyir, hər birinə şərh və bunu tələb edən qanun maddəsini əlavə edir.</p>"
            '<ol><li><a href="{applications}">Müraciətlərim</a> səhifəsində «Qaytarılıb — düzəldin» qeydi olan '
            "müraciəti açın.</li>"
            "<li>Nazirliyin şərhlərini oxuyun və işarələnmiş cavabları və sənədləri dəyişin. Digər cavablar "
            "təqdim etdiyiniz kimi qalır və dəyişdirilə bilməz.</li>"
            "<li>Cavabları yoxlayın və müraciəti yenidən göndərin.</li></ol>"
            "<p>İstinad nömrəsi eyni qalır. Nazirlik nəyin dəyişdiyini görür və qərar üçün müddət yenidən "
            "başlayır.</p>"
        ),
        en=(
            "<p>If something in an application is missing or wrong, the ministry returns it for correction. It marks "
            "the answers and documents to correct, each with a comment and the article of law that requires it.</p>"
            '<ol><li>On the <a href="{applications}">My applications</a> page, open the application marked '
            "“Returned — correct it”.</li>"
            "<li>Read the ministry’s comments and change the marked answers and documents. Your other answers stay as "
            "you submitted them and cannot be changed.</li>"
            "<li>Check your answers and submit the application again.</li></ol>"
            "<p>The reference number stays the same. The ministry sees what you changed, and the time for its "
            "decision starts again.</p>"
        ),
        ru=(
            "<p>Если в заявлении чего-то не хватает или что-то указано неверно, министерство возвращает его на "
            "доработку. Оно отмечает ответы и документы, которые нужно исправить, и к каждому добавляет комментарий и "
            "статью закона, которая этого требует.</p>"
            '<ol><li>На странице <a href="{applications}">«Мои заявления»</a> откройте заявление с отметкой '
            "«Возвращено — исправьте».</li>"
            "<li>Прочитайте комментарии министерства и измените отмеченные ответы и документы. Остальные ответы "
            "остаются такими, как вы их подали, и изменить их нельзя.</li>"
            "<li>Проверьте ответы и отправьте заявление снова.</li></ol>"
            "<p>Номер заявления остаётся прежним. Министерство видит, что вы изменили, и срок для решения начинается "
            "заново.</p>"
        ),
    ),
)

TOPIC = TopicSpec(
    slug="elektron-xidmetler",
    title=Text(
        az="Elektron xidmətlər: qrantlar, xidmət müqavilələri, ianələr",
        en="E-services: grants, service contracts, donations",
        ru="Электронные услуги: гранты, договоры об услугах, пожертвования",
    ),
    summary=Text(
        az="Nəyi və nə vaxta qədər qeydiyyata aldırmaq lazımdır, qaralamalar, istinad nömrələri və qaytarılmış müraciətlər.",
        en="What to register and by when, drafts, reference numbers and returned applications.",
        ru="Что и в какой срок регистрировать, черновики, номера заявлений и возвращённые заявления.",
    ),
    questions=(GRANT_DEADLINE, SERVICE_CONTRACT, CASH_DONATIONS, CHARTER_CHANGES, DRAFTS, REFERENCE_NUMBERS, RETURNED),
)
