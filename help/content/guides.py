"""The video guides the help centre ships with: two short demo videos with captions and transcripts in az, en and ru.

The videos are silent six-second demonstrations made by
``files/make_demo_guide.py``; their titles and descriptions say so. The
ministry's editors replace them with real recordings, or with addresses of
videos on a video site, in the admin.
"""

from dataclasses import dataclass
from pathlib import Path

from .eservices import ALL_SERVICES, GRANT
from .types import Text

FILES_DIR = Path(__file__).resolve().parent / "files"
INDEX_SLUG = "videolar"
INDEX_TITLE = Text(az="Video təlimatlar", en="Video guides", ru="Видеоинструкции")
INDEX_INTRO = Text(
    az=(
        "<p>Elektron müraciətin addımlarını göstərən qısa videolar. Hər videonun Azərbaycan, ingilis və rus dillərində "
        "subtitrləri və mətni var: səs olmadan və zəif internetlə də istifadə edə bilərsiniz.</p>"
    ),
    en=(
        "<p>Short videos that show the steps of an online application. Each video has captions in Azerbaijani, "
        "English and Russian and a transcript, so you can follow it without sound or on a slow connection.</p>"
    ),
    ru=(
        "<p>Короткие видео о шагах электронного заявления. У каждого видео есть субтитры на азербайджанском, "
        "английском и русском языках и текстовая расшифровка: их можно смотреть без звука и при медленном "
        "интернете.</p>"
    ),
)


@dataclass(frozen=True)
class GuideSpec:
    """One video guide. ``stem`` names its files in FILES_DIR: ``<stem>.webm``, ``<stem>-poster.png``, ``<stem>.<language>.vtt``."""

    slug: str
    stem: str
    title: Text
    description: Text
    transcript: Text
    duration: int
    services: tuple[str, ...] = ()

    @property
    def video_path(self) -> Path:
        return FILES_DIR / f"{self.stem}.webm"

    @property
    def poster_path(self) -> Path:
        return FILES_DIR / f"{self.stem}-poster.png"

    def caption_path(self, language: str) -> Path:
        return FILES_DIR / f"{self.stem}.{language}.vtt"


APPLICATION_GUIDE = GuideSpec(
    slug="muracieti-nece-gondermek",
    stem="muraciet-demo",
    duration=6,
    services=ALL_SERVICES,
    title=Text(
        az="Elektron müraciəti necə göndərmək (nümayiş videosu)",
        en="How to send an online application (demonstration video)",
        ru="Как отправить электронное заявление (демонстрационное видео)",
    ),
    description=Text(
        az="Qısa nümayiş videosu: daxil olmaq, formu doldurmaq və müraciəti göndərmək. Əsl video təlimat hazırlanır.",
        en="A short demonstration video: signing in, filling in the form and sending the application. A full video guide is being prepared.",
        ru="Короткое демонстрационное видео: вход, заполнение формы и отправка заявления. Полная видеоинструкция готовится.",
    ),
    transcript=Text(
        az=(
            "<p>Bu, saytın imkanlarını göstərmək üçün hazırlanmış səssiz nümayiş videosudur.</p>"
            "<ol><li>Hesabınıza daxil olun.</li>"
            "<li>E-xidməti seçin, «İndi başla» düyməsini basın və formu doldurun. Cavablarınız hər addımda "
            "saxlanılır.</li>"
            "<li>«Göndərməzdən əvvəl cavablarınızı yoxlayın» səhifəsində məlumatları yoxlayın və müraciəti "
            "göndərin.</li></ol>"
        ),
        en=(
            "<p>This is a silent demonstration video that shows what the site can do.</p>"
            "<ol><li>Sign in to your account.</li>"
            "<li>Choose the e-service, press “Start now” and fill in the form. Your answers are saved at each "
            "step.</li>"
            "<li>On the “Check your answers before submitting” page, check the details and send the "
            "application.</li></ol>"
        ),
        ru=(
            "<p>Это беззвучное демонстрационное видео, которое показывает возможности сайта.</p>"
            "<ol><li>Войдите в свою учётную запись.</li>"
            "<li>Выберите электронную услугу, нажмите «Начать» и заполните форму. Ответы сохраняются на каждом "
            "шаге.</li>"
            "<li>На странице «Проверьте ответы перед отправкой» проверьте данные и отправьте заявление.</li></ol>"
        ),
    ),
)

GRANT_GUIDE = GuideSpec(
    slug="qrant-muqavilesinin-qeydiyyati",
    stem="qrant-demo",
    duration=6,
    services=(GRANT,),
    title=Text(
        az="Qrant müqaviləsinin qeydiyyatı (nümayiş videosu)",
        en="Registering a grant agreement (demonstration video)",
        ru="Регистрация договора о гранте (демонстрационное видео)",
    ),
    description=Text(
        az="Qısa nümayiş videosu: qrant müqaviləsini qeydiyyata aldırmaq üçün hansı məlumatlar və sənədlər lazımdır.",
        en="A short demonstration video: the details and documents you need to register a grant agreement.",
        ru="Короткое демонстрационное видео: какие сведения и документы нужны для регистрации договора о гранте.",
    ),
    transcript=Text(
        az=(
            "<p>Bu, səssiz nümayiş videosudur.</p>"
            "<ol><li>Qrant müqaviləsi imzalandığı gündən 15 gün ərzində qeydiyyata təqdim edilməlidir.</li>"
            "<li>Formda donoru, məbləği, valyutanı və icra müddətini yazın.</li>"
            "<li>İmzalanmış müqavilənin surətini və sənəd başqa dildədirsə, Azərbaycan dilinə tərcüməsini əlavə "
            "edin.</li></ol>"
        ),
        en=(
            "<p>This is a silent demonstration video.</p>"
            "<ol><li>A grant agreement must be filed for registration within 15 days of signing.</li>"
            "<li>In the form, give the donor, the amount, the currency and the period of the grant.</li>"
            "<li>Attach a copy of the signed agreement and, if it is in another language, its translation into "
            "Azerbaijani.</li></ol>"
        ),
        ru=(
            "<p>Это беззвучное демонстрационное видео.</p>"
            "<ol><li>Договор о гранте нужно подать на регистрацию в течение 15 дней со дня подписания.</li>"
            "<li>Укажите в форме донора, сумму, валюту и срок выполнения гранта.</li>"
            "<li>Приложите копию подписанного договора и, если он составлен на другом языке, его перевод на "
            "азербайджанский язык.</li></ol>"
        ),
    ),
)

GUIDES = (APPLICATION_GUIDE, GRANT_GUIDE)
