"""Questions about the account: forgotten passwords, sign-in links, two-factor sign-in, lost e-mail."""

from .types import QuestionSpec, Text, TopicSpec

FORGOTTEN_PASSWORD = QuestionSpec(
    slug="sifremi-unutmusam",
    featured=True,
    title=Text(
        az="Şifrəmi unutmuşam. Hesaba necə daxil olum?",
        en="I have forgotten my password. How do I sign in?",
        ru="Я забыл пароль. Как войти в учётную запись?",
    ),
    answer=Text(
        az=(
            "<p>İki yol var. Hər ikisi hesabınızın e-poçt ünvanına göndərilən məktubla işləyir.</p>"
            "<h3>Yeni şifrə təyin edin</h3>"
            '<ol><li><a href="{reset}">Şifrənin bərpası</a> səhifəsində hesabınızın e-poçt ünvanını yazın.</li>'
            "<li>Məktubdakı keçidi açın və yeni şifrə təyin edin.</li>"
            '<li>Yeni şifrə ilə <a href="{login}">daxil olun</a>.</li></ol>'
            "<h3>Şifrəsiz daxil olun</h3>"
            '<p>Şifrəni dəyişmək istəmirsinizsə, <a href="{signin_link}">birdəfəlik giriş keçidi</a> istəyin. '
            "Keçid 20 dəqiqə etibarlıdır və yalnız bir dəfə işləyir.</p>"
            "<p>Məktub bir neçə dəqiqə ərzində gəlməsə, «Spam» qovluğunu yoxlayın. Sayt ünvanın hesabı olub-olmadığını "
            "bildirmir: belə olmasa, başqaları kimin saytda hesabı olduğunu yoxlaya bilərdi.</p>"
            "<p>İki faktorlu giriş qoşulubsa, şifrədən və ya keçiddən sonra autentifikator tətbiqindəki kodu və ya "
            "bərpa kodlarından birini daxil edəcəksiniz.</p>"
        ),
        en=(
            "<p>There are two ways. Both work through an e-mail sent to your account’s address.</p>"
            "<h3>Set a new password</h3>"
            '<ol><li>On the <a href="{reset}">password reset</a> page, enter your account’s e-mail address.</li>'
            "<li>Open the link in the e-mail and choose a new password.</li>"
            '<li><a href="{login}">Sign in</a> with the new password.</li></ol>'
            "<h3>Sign in without a password</h3>"
            '<p>If you would rather keep your password, ask for a <a href="{signin_link}">one-time sign-in link</a>. '
            "The link works for 20 minutes and only once.</p>"
            "<p>If no e-mail arrives within a few minutes, look in your spam folder. The site never says whether an "
            "address has an account: otherwise anyone could find out who has one.</p>"
            "<p>If two-factor sign-in is on, you then enter the code from your authenticator app or one of your "
            "recovery codes.</p>"
        ),
        ru=(
            "<p>Есть два способа. Оба работают через письмо на адрес электронной почты вашей учётной записи.</p>"
            "<h3>Задайте новый пароль</h3>"
            '<ol><li>На странице <a href="{reset}">восстановления пароля</a> введите адрес электронной почты '
            "учётной записи.</li>"
            "<li>Откройте ссылку из письма и задайте новый пароль.</li>"
            '<li><a href="{login}">Войдите</a> с новым паролем.</li></ol>'
            "<h3>Войдите без пароля</h3>"
            '<p>Если менять пароль не хотите, запросите <a href="{signin_link}">одноразовую ссылку для входа</a>. '
            "Ссылка действует 20 минут и только один раз.</p>"
            "<p>Если письмо не пришло за несколько минут, проверьте папку «Спам». Сайт не сообщает, есть ли у "
            "адреса учётная запись: иначе любой мог бы узнать, кто зарегистрирован на сайте.</p>"
            "<p>Если включён двухфакторный вход, после пароля или ссылки введите код из приложения-аутентификатора "
            "или один из кодов восстановления.</p>"
        ),
    ),
)

SIGN_IN_LINK = QuestionSpec(
    slug="giris-kecidi",
    title=Text(
        az="E-poçtla göndərilən keçidlə, şifrəsiz necə daxil olum?",
        en="How do I sign in with a link sent by e-mail, without a password?",
        ru="Как войти по ссылке из письма, без пароля?",
    ),
    answer=Text(
        az=(
            '<ol><li><a href="{signin_link}">Giriş keçidi</a> səhifəsində hesabınızın e-poçt ünvanını yazın.</li>'
            "<li>Məktubdakı keçidi açın.</li>"
            "<li>Açılan səhifədə «Daxil ol» düyməsini basın.</li></ol>"
            "<p>Keçid 20 dəqiqə etibarlıdır və yalnız bir dəfə işləyir. Düymə ona görə lazımdır ki, bəzi poçt "
            "proqramları məktubdakı keçidləri özləri açır və keçid sizin yerinizə istifadə olunmasın.</p>"
            "<p>Keçidi heç kimə göndərməyin: onu açan hər kəs sizin hesabınızla daxil ola bilər. Qısa müddətdə çox "
            "keçid istəsəniz, sayt bir neçə dəqiqə gözləməyinizi xahiş edəcək.</p>"
        ),
        en=(
            '<ol><li>On the <a href="{signin_link}">sign-in link</a> page, enter your account’s e-mail address.</li>'
            "<li>Open the link in the e-mail.</li>"
            "<li>On the page that opens, press “Sign in”.</li></ol>"
            "<p>The link works for 20 minutes and only once. The button is there because some e-mail programs open "
            "links by themselves, and the link must not be used up without you.</p>"
            "<p>Never forward the link: anyone who opens it can sign in to your account. If you ask for many links in a "
            "short time, the site asks you to wait a few minutes.</p>"
        ),
        ru=(
            '<ol><li>На странице <a href="{signin_link}">ссылки для входа</a> введите адрес электронной почты '
            "учётной записи.</li>"
            "<li>Откройте ссылку из письма.</li>"
            "<li>На открывшейся странице нажмите «Войти».</li></ol>"
            "<p>Ссылка действует 20 минут и только один раз. Кнопка нужна потому, что некоторые почтовые программы "
            "сами открывают ссылки в письмах, а ссылка не должна быть израсходована без вас.</p>"
            "<p>Никому не пересылайте ссылку: любой, кто её откроет, войдёт в вашу учётную запись. Если запросить много "
            "ссылок за короткое время, сайт попросит подождать несколько минут.</p>"
        ),
    ),
)

TWO_FACTOR = QuestionSpec(
    slug="iki-faktorlu-giris",
    title=Text(
        az="İki faktorlu girişi necə qoşum və telefonumu itirsəm nə edim?",
        en="How do I turn on two-factor sign-in, and what if I lose my phone?",
        ru="Как включить двухфакторный вход и что делать, если я потерял телефон?",
    ),
    answer=Text(
        az=(
            "<p>İki faktorlu giriş könüllüdür, amma hesabınızı daha yaxşı qoruyur: şifrədən sonra telefonunuzdakı "
            "autentifikator tətbiqinin göstərdiyi kod da soruşulur.</p>"
            '<ol><li><a href="{two_factor}">İki faktorlu giriş</a> səhifəsini açın və autentifikator tətbiqi ilə '
            "QR kodu skan edin.</li>"
            "<li>Tətbiqin göstərdiyi kodu daxil edin.</li>"
            "<li>Bərpa kodlarını çap edin və ya etibarlı yerdə saxlayın. Hər kod yalnız bir dəfə işləyir.</li></ol>"
            "<h3>Telefonu itirsəniz</h3>"
            "<p>Kodun yerinə bərpa kodlarından birini daxil edin, sonra yeni telefonda iki faktorlu girişi yenidən "
            "qoşun. Bərpa kodları da itibsə, bu hesaba daxil olmaq mümkün olmayacaq: yeni hesab yaradın və "
            "təşkilatınızın digər sahibindən sizi dəvət etməsini xahiş edin. Təşkilatda heç kim daxil ola bilmirsə, "
            '<a linktype="page" id="{contact_id}">qaynar xəttə</a> zəng edin.</p>'
        ),
        en=(
            "<p>Two-factor sign-in is optional, but it protects your account better: after your password, the site "
            "also asks for a code that an authenticator app on your phone shows.</p>"
            '<ol><li>Open the <a href="{two_factor}">two-factor sign-in</a> page and scan the QR code with an '
            "authenticator app.</li>"
            "<li>Enter the code the app shows.</li>"
            "<li>Print your recovery codes or keep them somewhere safe. Each code works only once.</li></ol>"
            "<h3>If you lose your phone</h3>"
            "<p>Enter one of your recovery codes instead of the code, then turn two-factor sign-in on again with your "
            "new phone. If the recovery codes are lost too, this account cannot be signed in to: create a new account "
            "and ask another owner of your organization to invite you. If nobody in the organization can sign in, "
            '<a linktype="page" id="{contact_id}">call the hotline</a>.</p>'
        ),
        ru=(
            "<p>Двухфакторный вход необязателен, но лучше защищает учётную запись: после пароля сайт спрашивает код, "
            "который показывает приложение-аутентификатор на вашем телефоне.</p>"
            '<ol><li>Откройте страницу <a href="{two_factor}">двухфакторного входа</a> и отсканируйте QR-код '
            "приложением-аутентификатором.</li>"
            "<li>Введите код, который показывает приложение.</li>"
            "<li>Распечатайте коды восстановления или сохраните их в надёжном месте. Каждый код действует один "
            "раз.</li></ol>"
            "<h3>Если вы потеряли телефон</h3>"
            "<p>Вместо кода введите один из кодов восстановления, а затем снова включите двухфакторный вход на новом "
            "телефоне. Если потеряны и коды восстановления, войти в эту учётную запись не получится: создайте новую "
            "и попросите другого владельца организации пригласить вас. Если в организации никто не может войти, "
            '<a linktype="page" id="{contact_id}">позвоните на горячую линию</a>.</p>'
        ),
    ),
)

LOST_EMAIL = QuestionSpec(
    slug="e-poctuma-girisim-yoxdur",
    title=Text(
        az="E-poçt ünvanıma girişim yoxdur. Təşkilatın hesabına necə qayıdım?",
        en="I can no longer use my e-mail address. How do I get back to my organization’s account?",
        ru="У меня больше нет доступа к почте. Как вернуться к учётной записи организации?",
    ),
    answer=Text(
        az=(
            "<p>Təşkilatın hesabı bir şəxsə deyil, təşkilata məxsusdur. E-poçt ünvanını itirsəniz də, təşkilatın "
            "müraciətləri və sənədləri itmir.</p>"
            "<ul><li><strong>Təşkilatın başqa sahibi varsa,</strong> yeni ünvanla "
            '<a href="{signup}">hesab yaradın</a> və həmin sahibdən yeni ünvanınıza dəvət göndərməsini xahiş edin.</li>'
            "<li><strong>Təşkilatda heç kim daxil ola bilmirsə,</strong> Ədliyyə Nazirliyi şəxsiyyətinizi "
            'yoxladıqdan sonra girişi bərpa edir: <a linktype="page" id="{contact_id}">qaynar xəttə</a> zəng edin və ya '
            "şəxsiyyət vəsiqəniz və təşkilatın sənədləri ilə nazirliyə gəlin. Nazirlik yeni ünvanınıza sahib kimi "
            "dəvət göndərir.</li></ul>"
        ),
        en=(
            "<p>An organization’s account belongs to the organization, not to one person. Losing your e-mail address "
            "does not lose the organization’s applications or documents.</p>"
            "<ul><li><strong>If the organization has another owner,</strong> "
            '<a href="{signup}">create an account</a> with your new address and ask that owner to invite it.</li>'
            "<li><strong>If nobody in the organization can sign in,</strong> the Ministry of Justice restores access "
            'after checking your identity: <a linktype="page" id="{contact_id}">call the hotline</a>, or visit the '
            "ministry with your ID card and the organization’s documents. The ministry then sends an owner’s "
            "invitation to your new address.</li></ul>"
        ),
        ru=(
            "<p>Учётная запись организации принадлежит организации, а не одному человеку. Потеря адреса электронной "
            "почты не означает потерю заявлений и документов организации.</p>"
            "<ul><li><strong>Если у организации есть другой владелец,</strong> "
            '<a href="{signup}">создайте учётную запись</a> с новым адресом и попросите этого владельца пригласить '
            "вас.</li>"
            "<li><strong>Если в организации никто не может войти,</strong> Министерство юстиции восстанавливает доступ "
            'после проверки личности: <a linktype="page" id="{contact_id}">позвоните на горячую линию</a> или '
            "придите в министерство с удостоверением личности и документами организации. Министерство отправит "
            "приглашение владельца на ваш новый адрес.</li></ul>"
        ),
    ),
)

TOPIC = TopicSpec(
    slug="hesab-ve-giris",
    title=Text(az="Hesab və giriş", en="Account and signing in", ru="Учётная запись и вход"),
    summary=Text(
        az="Şifrənin bərpası, e-poçtla giriş keçidi, iki faktorlu giriş və itirilmiş e-poçt ünvanı.",
        en="Resetting a password, signing in by e-mailed link, two-factor sign-in and a lost e-mail address.",
        ru="Восстановление пароля, вход по ссылке из письма, двухфакторный вход и утерянный адрес почты.",
    ),
    questions=(FORGOTTEN_PASSWORD, SIGN_IN_LINK, TWO_FACTOR, LOST_EMAIL),
)
