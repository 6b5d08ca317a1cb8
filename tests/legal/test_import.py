"""Importing real acts: structure, idempotency, new versions and the command's errors."""

import gzip
import io
import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from cms.legal import importing
from cms.legal.building import PARSER_VERSION
from cms.legal.catalogue import ACTS_DIR, CATALOGUE_PATH, load_catalogue, read_text
from cms.legal.models import ActVersion, AmendmentNote, Division, LegalAct, Provision
from cms.legal.parsing import parse_text

pytestmark = pytest.mark.django_db


def entry_for(file_name):
    _topics, entries = load_catalogue()
    return next(entry for entry in entries if entry.file == file_name)


def test_constitution_articles_loaded():
    act = LegalAct.objects.get(slug="konstitusiya")

    numbers = list(act.current_version.provisions.values_list("number", flat=True))

    assert numbers[0] == "1"
    assert "98-1" in numbers
    assert numbers.index("98-1") == numbers.index("98") + 1
    assert len(numbers) == len(set(numbers))


def test_article_slug_is_stable_form_of_number():
    act = LegalAct.objects.get(slug="konstitusiya")

    provision = act.current_version.provisions.get(number="98-1")

    assert provision.slug == "madde-98-1"


def test_notes_linked_to_articles():
    act = LegalAct.objects.get(slug="aile-mecellesi")

    linked = AmendmentNote.objects.filter(version=act.current_version, provisions__isnull=False).distinct()

    assert linked.count() > 10
    assert all(note.text for note in linked)


def test_points_act_has_point_provisions():
    act = LegalAct.objects.get(slug="nk-qerari-339-2015-xarici-donorlarin-qrant-huququ")

    kinds = set(act.current_version.provisions.values_list("kind", flat=True))

    assert kinds == {"point"}


def test_reimport_changes_nothing():
    entry = entry_for("az-code-family-1999.txt")
    text = read_text(entry.path())
    before = (ActVersion.objects.count(), Provision.objects.count(), AmendmentNote.objects.count())

    outcome = importing.import_entry(entry, text, None)

    assert outcome.action == importing.UNCHANGED
    assert (ActVersion.objects.count(), Provision.objects.count(), AmendmentNote.objects.count()) == before


def test_changed_text_becomes_new_version():
    entry = entry_for("az-cabmin-decision-339-2015-foreign-donor-grant-right-rules.txt")
    act = LegalAct.objects.get(slug=entry.slug)
    old_version = act.current_version
    text = read_text(entry.path()).replace("Ümumimüddəalar", "Ümumi müddəalar", 1)

    outcome = importing.import_entry(entry, text, parse_text(text, source=entry.file))

    act.refresh_from_db()
    assert outcome.action == importing.NEW_VERSION
    assert act.current_version != old_version
    assert act.versions.count() == 2
    assert old_version.provisions.count() == act.current_version.provisions.count()


def test_old_parser_output_is_rebuilt_in_place():
    entry = entry_for("az-moj-collegium-11-N-2015-rules-study-of-ngo-activity.txt")
    act = LegalAct.objects.get(slug=entry.slug)
    ActVersion.objects.filter(pk=act.current_version_id).update(structure_sha256="stale")
    text = read_text(entry.path())

    outcome = importing.import_entry(entry, text, parse_text(text, source=entry.file))

    assert outcome.action == importing.REBUILT
    assert act.versions.count() == 1
    assert ActVersion.objects.get(pk=act.current_version_id).parse_report["parser_version"] == PARSER_VERSION


def test_command_second_run_reports_unchanged():
    stdout = io.StringIO()

    call_command("import_legal_acts", "az-constitution-1995.txt", stdout=stdout)

    assert "1 unchanged" in stdout.getvalue()


def test_command_rejects_unparseable_file_and_writes_nothing(tmp_path):
    catalogue = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    good = next(act for act in catalogue["acts"] if act["file"] == "az-law-medical-insurance-1999.txt")
    bad = dict(good, file="broken.txt", slug="broken-act")
    catalogue["acts"] = [good, bad]
    (tmp_path / "acts").mkdir()
    shutil.copy(ACTS_DIR / "az-law-medical-insurance-1999.txt.gz", tmp_path / "acts")
    (tmp_path / "acts" / "broken.txt").write_text("Bu sadəcə bir cümlədir.\n", encoding="utf-8")
    (tmp_path / "catalogue.json").write_text(json.dumps(catalogue, ensure_ascii=False), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        call_command("import_legal_acts", catalogue=tmp_path / "catalogue.json", stdout=io.StringIO())

    assert "broken.txt" in str(error.value)
    assert not LegalAct.objects.filter(slug__in=["broken-act", good["slug"]]).exists()


def test_command_rejects_file_outside_catalogue():
    with pytest.raises(CommandError, match="Not in the catalogue: unknown.txt"):
        call_command("import_legal_acts", "unknown.txt", stdout=io.StringIO())


def test_every_shipped_act_loads():
    stdout = io.StringIO()

    call_command("import_legal_acts", stdout=stdout)

    _topics, entries = load_catalogue()
    public = LegalAct.objects.public()
    assert public.count() == len(entries)
    for act in public.select_related("current_version"):
        assert act.current_version.provisions.exists(), act.slug


def test_catalogue_files_exist_and_are_gzip():
    _topics, entries = load_catalogue()

    for entry in entries:
        path = entry.path()
        assert path.exists(), entry.file
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            assert handle.read(100).strip(), entry.file


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("İCTİMAİ İŞTİRAKÇILIQ HAQQINDA", "ictimai-istirakciliq-haqqinda"),
        ("İnzibati Xətalar Məcəlləsi", "inzibati-xetalar-mecellesi"),
        ("Işıqlandırma qaydaları", "isiqlandirma-qaydalari"),
        ("ƏDLİYYƏ NAZİRLİYİNİN QƏRARI", "edliyye-nazirliyinin-qerari"),
        ("«»", "akt"),
    ],
)
def test_act_slug_made_from_azerbaijani_title(title, slug):
    act = LegalAct.objects.create(title=title, act_type="law", issuing_body="milli_majlis")

    assert act.slug == slug


def test_act_slug_unique_when_titles_repeat():
    first = LegalAct.objects.create(title="Qaydalar", act_type="ministry_act", issuing_body="other")
    second = LegalAct.objects.create(title="QAYDALAR", act_type="ministry_act", issuing_body="other")

    assert (first.slug, second.slug) == ("qaydalar", "qaydalar-2")


def test_shipped_slugs_are_ascii_and_nonempty():
    slugs = list(LegalAct.objects.values_list("slug", flat=True))

    assert all(slug and slug.isascii() for slug in slugs)
    assert not Provision.objects.filter(slug="").exists()
    assert not Division.objects.filter(slug="").exists()


def test_reimport_keeps_editors_later_version_current():
    from cms.legal.publishing import copy_as_draft, on_version_published

    entry = entry_for("az-code-family-1999.txt")
    act = LegalAct.objects.get(slug=entry.slug)
    editors_version = copy_as_draft(act.current_version)
    editors_version.source_text += "\nMaddə 999. Redaktorun əlavə etdiyi maddə\n\n999.1. Mətn.\n"
    editors_version.effective_date = "2024-03-01"
    editors_version.live = True
    editors_version.structure_sha256 = ""
    editors_version.save()
    on_version_published(editors_version)

    outcome = importing.import_entry(entry, read_text(entry.path()), None)

    act.refresh_from_db()
    assert outcome.action == importing.UNCHANGED
    assert act.current_version_id == editors_version.pk
    assert act.versions.count() == 2


def test_trailing_whitespace_is_no_change():
    entry = entry_for("az-code-family-1999.txt")
    text = read_text(entry.path()).rstrip("\n") + "   \n\n\n"

    action = importing.plan(entry, text)

    assert action == importing.UNCHANGED
