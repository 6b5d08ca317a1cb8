"""The document samples the help centre ships with: one page per sample file of the e-services, in az, en and ru.

The files are the e-services' samples (``forms.content.samples``), which
``forms.setup`` loads into Wagtail documents. The grant information sheet
also has a filled-in version, ``files/qrant-qeydiyyati-melumat-vereqesi-doldurulmus.docx``
(made by ``files/make_filled_samples.py``), so the e-services' file is its
blank form. The other two files are sample wording with blanks to fill in,
so they have no separate blank form. The documents are in Azerbaijani, like
the papers filed with the ministry, and the English and Russian pages say so.
"""

from dataclasses import dataclass
from pathlib import Path

from .eservices import CHARTER, GRANT, REGISTRATION
from .types import Text

FILES_DIR = Path(__file__).resolve().parent / "files"
INDEX_SLUG = "numuneler"
INDEX_TITLE = Text(az="Sənəd nümunələri", en="Document samples", ru="Образцы документов")
INDEX_INTRO = Text(
    az=(
        "<p>E-xidmətlərin tələb etdiyi sənədlərin nümunələri. Nümunə məcburi forma deyil: mətni təşkilatınızın "
        "nizamnaməsinə və faktiki vəziyyətə uyğunlaşdırın.</p>"
    ),
    en=(
        "<p>Samples of the documents the e-services ask for. A sample is not a required form: adapt its wording to "
        "your organization’s charter and the facts. The samples are in Azerbaijani, the language of the documents "
        "filed with the ministry.</p>"
    ),
    ru=(
        "<p>Образцы документов, которые требуются для электронных услуг. Образец не является обязательной формой: "
        "приведите текст в соответствие с уставом вашей организации и фактическими обстоятельствами. Образцы "
        "составлены на азербайджанском языке — на нём подаются документы в министерство.</p>"
    ),
)
# The title of the Wagtail document made from a filled-in file of FILES_DIR.
FILLED_TITLE_SUFFIX = " (doldurulmuş)"


@dataclass(frozen=True)
class SampleSpec:
    """One sample page. ``document`` is a key of forms.content.samples.SAMPLES.

    When ``filled_file`` names a file in FILES_DIR, that file is the filled-in
    version and the e-services' document is the blank form. Without it, the
    e-services' document is the only one.
    """

    slug: str
    document: str
    title: Text
    description: Text
    services: tuple[str, ...] = ()
    filled_file: str = ""

    @property
    def filled_path(self) -> Path | None:
        return FILES_DIR / self.filled_file if self.filled_file else None


GRANT_SHEET = SampleSpec(
    slug="qrant-melumat-vereqesi",
    document="grant_sheet",
    filled_file="qrant-qeydiyyati-melumat-vereqesi-doldurulmus.docx",
    services=(GRANT,),
    title=Text(
        az="Qrant müqaviləsinin qeydiyyatı üçün məlumat vərəqəsi",
        en="Information sheet for registering a grant agreement",
        ru="Информационный лист для регистрации договора о гранте",
    ),
    description=Text(
        az=(
            "<p>Qrant müqaviləsini və ya qrant haqqında qərarı qeydiyyata aldırmazdan əvvəl elektron müraciətdə "
            "soruşulan məlumatları bir yerə toplamaq üçündür. Vərəqəni təqdim etmək məcburi deyil.</p>"
            "<ul><li>Doldurulmuş nümunədə təşkilatın, donorun adları və məbləğlər uydurmadır.</li>"
            "<li>Boş formanı doldurun və müraciəti göndərdikdən sonra müqavilə ilə birlikdə saxlayın.</li></ul>"
        ),
        en=(
            "<p>Use it to gather the details the online application asks for before you register a grant agreement "
            "or a grant decision. You do not have to file the sheet.</p>"
            "<ul><li>In the filled-in sample, the organization, the donor and the amounts are invented.</li>"
            "<li>Fill in the blank form and keep it with the agreement after you send the application.</li>"
            "<li>The sheet is in Azerbaijani.</li></ul>"
        ),
        ru=(
            "<p>Помогает заранее собрать сведения, которые спрашивает электронное заявление о регистрации договора "
            "или решения о гранте. Подавать лист не обязательно.</p>"
            "<ul><li>В заполненном образце названия организации, донора и суммы вымышлены.</li>"
            "<li>Заполните пустую форму и после отправки заявления храните её вместе с договором.</li>"
            "<li>Лист составлен на азербайджанском языке.</li></ul>"
        ),
    ),
)

FOUNDERS_MINUTES = SampleSpec(
    slug="tesis-yigincagi-protokolu",
    document="founders_minutes",
    services=(REGISTRATION,),
    title=Text(
        az="İctimai birliyin təsis yığıncağının protokolu",
        en="Minutes of a public association’s founding meeting",
        ru="Протокол учредительного собрания общественного объединения",
    ),
    description=Text(
        az=(
            "<p>İctimai birliyin dövlət qeydiyyatı üçün lazımdır: təsisçilər birliyi yaratdıqlarını, nizamnaməni "
            "təsdiq etdiklərini və idarə heyətini seçdiklərini bu protokolla təsdiqləyir. Boş yerləri doldurun və "
            "mətni öz qərarlarınıza uyğunlaşdırın.</p>"
        ),
        en=(
            "<p>Needed for the state registration of a public association: with these minutes the founders record "
            "that they created the association, approved its charter and elected its board. Fill in the blanks and "
            "adapt the wording to your own decisions. The sample is in Azerbaijani.</p>"
        ),
        ru=(
            "<p>Нужен для государственной регистрации общественного объединения: этим протоколом учредители "
            "подтверждают, что создали объединение, утвердили устав и избрали правление. Заполните пропуски и "
            "приведите текст в соответствие со своими решениями. Образец составлен на азербайджанском языке.</p>"
        ),
    ),
)

CHARTER_DECISION = SampleSpec(
    slug="nizamname-deyisikliyi-qerari",
    document="charter_decision",
    services=(CHARTER,),
    title=Text(
        az="Ümumi yığıncağın nizamnaməyə dəyişikliklər haqqında qərarı",
        en="General meeting’s decision to amend the charter",
        ru="Решение общего собрания об изменениях в устав",
    ),
    description=Text(
        az=(
            "<p>Nizamnaməyə dəyişikliklərin dövlət qeydiyyatı üçün lazımdır. Dəyişdirilən hər bəndi və onun yeni "
            "redaksiyasını cədvəldə yazın, səsvermənin nəticəsini göstərin.</p>"
        ),
        en=(
            "<p>Needed to register changes to the charter. List each changed clause and its new wording in the "
            "table, and give the result of the vote. The sample is in Azerbaijani.</p>"
        ),
        ru=(
            "<p>Нужно для регистрации изменений в устав. Перечислите в таблице каждый изменённый пункт и его новую "
            "редакцию, укажите итоги голосования. Образец составлен на азербайджанском языке.</p>"
        ),
    ),
)

SAMPLES = (GRANT_SHEET, FOUNDERS_MINUTES, CHARTER_DECISION)
