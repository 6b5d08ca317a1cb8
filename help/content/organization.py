"""Questions about the organization's account: adding the organization, inviting members, roles."""

from .types import QuestionSpec, Text, TopicSpec

ADD_ORGANIZATION = QuestionSpec(
    slug="teskilati-elave-etmek",
    title=Text(
        az="Təşkilatımı sayta necə əlavə edim?",
        en="How do I add my organization to the site?",
        ru="Как добавить свою организацию на сайт?",
    ),
    answer=Text(
        az=(
            '<ol><li><a href="{signup}">Hesab yaradın</a> və e-poçt ünvanınızı məktubdakı keçidlə təsdiqləyin.</li>'
            '<li><a href="{new_org}">Təşkilatı əlavə et</a> səhifəsində məlumatları dövlət reyestrində yazıldığı kimi '
            "daxil edin: adı, təşkilati-hüquqi forması, VÖEN, qeydiyyat nömrəsi və tarixi, hüquqi ünvanı, telefon "
            "və e-poçt.</li>"
            "<li>Təşkilatı əlavə edən şəxs onun sahibi olur və digər əməkdaşları dəvət edə bilər.</li></ol>"
            "<p>Nazirlik məlumatları reyestrlə tutuşdurur. Yoxlamadan sonra təşkilatın səhifəsində «Nazirlik "
            "tərəfindən yoxlanılıb» qeydi görünür.</p>"
            "<p>Eyni VÖEN ilə ikinci təşkilat əlavə etmək olmaz. Sayt təşkilatın artıq hesabı olduğunu bildirirsə, "
            "onun sahibindən sizi dəvət etməsini xahiş edin.</p>"
        ),
        en=(
            '<ol><li><a href="{signup}">Create an account</a> and confirm your e-mail address with the link in the '
            "e-mail.</li>"
            '<li>On the <a href="{new_org}">Add your organization</a> page, enter the details as they appear in the '
            "state register: name, legal form, VÖEN (taxpayer number), registration number and date, legal address, "
            "phone and e-mail.</li>"
            "<li>The person who adds the organization becomes its owner and can invite colleagues.</li></ol>"
            "<p>The ministry checks the details against the register. Once it has, the organization’s page says "
            "“Verified by the ministry”.</p>"
            "<p>An organization cannot be added twice with the same VÖEN. If the site says that the organization "
            "already has an account, ask its owner to invite you.</p>"
        ),
        ru=(
            '<ol><li><a href="{signup}">Создайте учётную запись</a> и подтвердите адрес электронной почты по ссылке '
            "из письма.</li>"
            '<li>На странице <a href="{new_org}">добавления организации</a> введите сведения так, как они записаны в '
            "государственном реестре: название, организационно-правовую форму, VÖEN (идентификационный номер "
            "налогоплательщика), регистрационный номер и дату, юридический адрес, телефон и e-mail.</li>"
            "<li>Тот, кто добавил организацию, становится её владельцем и может приглашать коллег.</li></ol>"
            "<p>Министерство сверяет сведения с реестром. После проверки на странице организации появляется отметка "
            "«Проверена министерством».</p>"
            "<p>Организацию с тем же VÖEN нельзя добавить второй раз. Если сайт сообщает, что у организации уже есть "
            "учётная запись, попросите её владельца пригласить вас.</p>"
        ),
    ),
)

INVITE_MEMBERS = QuestionSpec(
    slug="uzvleri-devet-etmek",
    featured=True,
    title=Text(
        az="Təşkilatın digər əməkdaşlarını necə dəvət edim?",
        en="How do I invite colleagues to act for my organization?",
        ru="Как пригласить коллег действовать от имени организации?",
    ),
    answer=Text(
        az=(
            "<p>Dəvəti təşkilatın sahibi göndərir.</p>"
            '<ol><li><a href="{account}">Hesabınızda</a> təşkilatın adını seçin və «Üzv dəvət et» düyməsini '
            "basın.</li>"
            "<li>Əməkdaşın e-poçt ünvanını yazın və rolunu seçin: <strong>sahib</strong> və ya "
            "<strong>üzv</strong>.</li>"
            "<li>Əməkdaş məktubdakı keçidi açır, həmin ünvanla daxil olur (hesabı yoxdursa, bu ünvanla hesab yaradır) "
            "və «Dəvəti qəbul et» düyməsini basır.</li></ol>"
            "<p>Dəvət 14 gün etibarlıdır və yalnız dəvət olunan ünvan üçün işləyir. Cavab gözləyən dəvəti təşkilatın "
            "səhifəsində ləğv etmək olar.</p>"
            "<h3>Sahib və üzv</h3>"
            "<p>Hər ikisi təşkilatın adından müraciət edir və onun bütün müraciətlərini görür. Sahib bundan əlavə "
            "təşkilatın məlumatlarını dəyişir, üzvləri dəvət edir və çıxarır, sahibliyi başqasına verir. Təşkilatın "
            "həmişə ən azı bir sahibi olur.</p>"
        ),
        en=(
            "<p>Owners of the organization send invitations.</p>"
            '<ol><li>In <a href="{account}">your account</a>, choose the organization and press “Invite a '
            "member”.</li>"
            "<li>Enter your colleague’s e-mail address and choose a role: <strong>owner</strong> or "
            "<strong>member</strong>.</li>"
            "<li>Your colleague opens the link in the e-mail, signs in with that address (or creates an account with "
            "it) and presses “Accept the invitation”.</li></ol>"
            "<p>An invitation works for 14 days and only for the address it was sent to. You can cancel an "
            "invitation that is still waiting on the organization’s page.</p>"
            "<h3>Owners and members</h3>"
            "<p>Both apply on behalf of the organization and see all its applications. Owners also change the "
            "organization’s details, invite and remove members, and hand ownership over. An organization always has "
            "at least one owner.</p>"
        ),
        ru=(
            "<p>Приглашения отправляют владельцы организации.</p>"
            '<ol><li>В <a href="{account}">учётной записи</a> выберите организацию и нажмите «Пригласить '
            "участника».</li>"
            "<li>Введите адрес электронной почты коллеги и выберите роль: <strong>владелец</strong> или "
            "<strong>участник</strong>.</li>"
            "<li>Коллега открывает ссылку из письма, входит с этим адресом (или создаёт с ним учётную запись) и "
            "нажимает «Принять приглашение».</li></ol>"
            "<p>Приглашение действует 14 дней и только для того адреса, на который отправлено. Ожидающее ответа "
            "приглашение можно отменить на странице организации.</p>"
            "<h3>Владельцы и участники</h3>"
            "<p>И те и другие подают заявления от имени организации и видят все её заявления. Владельцы, кроме того, "
            "меняют сведения об организации, приглашают и исключают участников и передают права владельца. У "
            "организации всегда есть хотя бы один владелец.</p>"
        ),
    ),
)

TOPIC = TopicSpec(
    slug="teskilat-ve-uzvler",
    title=Text(az="Təşkilat və üzvlər", en="Your organization and its members", ru="Организация и её участники"),
    summary=Text(
        az="Təşkilatı sayta əlavə etmək, əməkdaşları dəvət etmək, sahib və üzv rolları.",
        en="Adding your organization, inviting colleagues, and the roles of owner and member.",
        ru="Как добавить организацию, пригласить коллег, роли владельца и участника.",
    ),
    questions=(ADD_ORGANIZATION, INVITE_MEMBERS),
)
