"""Changes to legislation: which events record an ActChange, act_changed on commit, the public list and its feeds."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from cms.legal import importing
from cms.legal.catalogue import load_catalogue, read_text
from cms.legal.models import ActChange, ActStatus, ActType, ActVersion, ChangeKind, IssuingBody, LegalAct
from cms.legal.parsing import parse_text
from cms.legal.publishing import copy_as_draft, on_version_published, refresh_current_version
from cms.legal.signals import act_changed
from tests.conftest import SESSION_ACTS, import_files

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
CHANGES_PATH = "/qanunlar/deyisiklikler/"


@pytest.fixture
def received():
    changes = []

    def receiver(sender, change, **kwargs):
        changes.append(change)

    act_changed.connect(receiver, dispatch_uid="test_changes_received")
    yield changes
    act_changed.disconnect(dispatch_uid="test_changes_received")


def publish_new_version(act: LegalAct, effective_date: datetime.date) -> ActVersion:
    """What the admin does: a draft copied from the current version, published with a later date."""
    draft = copy_as_draft(act.current_version)
    draft.effective_date = effective_date
    draft.amendment_note = "28 noyabr 2026-cı il tarixli Qanunla dəyişdirilib."
    draft.save_revision().publish()
    return ActVersion.objects.get(pk=draft.pk)


def entry_for(file_name):
    _topics, entries = load_catalogue()
    return next(entry for entry in entries if entry.file == file_name)


def test_shipped_import_records_nothing():
    # The session database contains five imported acts: their first import is the starting state, not news.
    assert LegalAct.objects.count() == len(SESSION_ACTS)
    assert not ActChange.objects.exists()


def test_first_import_and_unchanged_reimport_record_nothing(received, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = import_files(SESSION_ACTS[:2])
    assert {outcome.action for outcome in outcomes} == {importing.UNCHANGED}

    with django_capture_on_commit_callbacks(execute=True):
        created = import_files(["az-code-labour-1999.txt"])
    assert created[0].action == importing.CREATED
    assert not ActChange.objects.exists()
    assert received == []


def test_importer_new_text_is_new_version(received, django_capture_on_commit_callbacks):
    entry = entry_for("az-law-right-to-obtain-information-2005.txt")
    act = LegalAct.objects.get(slug=entry.slug)
    old_version_id = act.current_version_id
    text = read_text(entry.path()) + "\nƏlavə sətir: yeni redaksiya.\n"

    with django_capture_on_commit_callbacks(execute=True):
        outcome = importing.import_entry(entry, text, parse_text(text, source=entry.file))
    assert outcome.action == importing.NEW_VERSION

    change = ActChange.objects.get()
    act.refresh_from_db()
    assert change.kind == ChangeKind.NEW_VERSION
    assert change.act == act
    assert change.version_id == act.current_version_id
    assert change.version_id != old_version_id
    assert [item.pk for item in received] == [change.pk]


def test_newer_version_recorded_after_commit(received, django_capture_on_commit_callbacks):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    with django_capture_on_commit_callbacks(execute=True):
        version = publish_new_version(act, datetime.date(2026, 11, 28))
        assert received == []

    change = ActChange.objects.get()
    assert (change.kind, change.act_id, change.version_id) == (ChangeKind.NEW_VERSION, act.pk, version.pk)
    assert change.date == datetime.date(2026, 11, 28)
    assert (change.old_status, change.new_status) == ("", "")
    assert len(received) == 1
    assert received[0].pk == change.pk


def test_older_version_records_nothing(received, django_capture_on_commit_callbacks):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    with django_capture_on_commit_callbacks(execute=True):
        older = copy_as_draft(act.current_version)
        older.effective_date = datetime.date(1990, 1, 1)
        older.save_revision().publish()
        on_version_published(ActVersion.objects.get(pk=act.current_version_id))
        act.save_revision().publish()
    assert not ActChange.objects.exists()
    assert received == []


def test_unpublished_version_hides_its_change(client):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    first = act.current_version
    newer = publish_new_version(act, datetime.date(2026, 11, 28))
    assert ActChange.objects.public().count() == 1

    newer.unpublish()
    act.refresh_from_db()
    assert act.current_version_id == first.pk
    assert ActChange.objects.count() == 1
    assert not ActChange.objects.public().exists()
    assert list(client.get(CHANGES_PATH).context["changes_page"].object_list) == []


def test_future_version_recorded_on_its_date():
    act = LegalAct.objects.get(slug="aile-mecellesi")
    future_date = timezone.localdate() + datetime.timedelta(days=30)
    publish_new_version(act, future_date)
    assert not ActChange.objects.exists()

    act.refresh_from_db()
    refresh_current_version(act, today=future_date)
    change = ActChange.objects.get()
    assert change.kind == ChangeKind.NEW_VERSION
    assert change.date == future_date


def test_status_change_recorded_once(received, django_capture_on_commit_callbacks):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    before = act.status
    assert before != ActStatus.REPEALED
    with django_capture_on_commit_callbacks(execute=True):
        act.status = ActStatus.REPEALED
        act.save_revision().publish()
        # Publishing again with the same status changes nothing.
        act = LegalAct.objects.get(pk=act.pk)
        act.title_en = "Family Code"
        act.save_revision().publish()

    change = ActChange.objects.get()
    assert change.kind == ChangeKind.STATUS
    assert (change.old_status, change.new_status) == (before, ActStatus.REPEALED)
    assert change.date == timezone.localdate()
    assert change.version_id == act.current_version_id
    assert [item.pk for item in received] == [change.pk]


def test_draft_status_records_nothing():
    act = LegalAct.objects.get(slug="aile-mecellesi")
    before = act.status
    act.status = ActStatus.REPEALED
    act.save_revision()  # Saved for moderation, not published.
    assert not ActChange.objects.exists()
    assert LegalAct.objects.get(pk=act.pk).status == before


def test_editor_added_act_recorded_as_added():
    act = LegalAct.objects.create(
        act_type=ActType.LAW,
        title="Qeyri-hökumət təşkilatları haqqında",
        issuing_body=IssuingBody.MILLI_MAJLIS,
        live=True,
    )
    version = ActVersion.objects.create(
        act=act,
        effective_date=datetime.date(2026, 12, 1),
        source_text="Maddə 1. Əsas anlayışlar\n\n1.1. Qeyri-hökumət təşkilatı müstəqil təşkilatdır.\n",
        live=False,
    )
    version.save_revision().publish()

    change = ActChange.objects.get()
    assert (change.kind, change.act_id, change.version_id) == (ChangeKind.ADDED, act.pk, version.pk)


def test_public_list_and_links(client):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    version = publish_new_version(act, datetime.date(2026, 11, 28))
    other = LegalAct.objects.get(slug="konstitusiya")
    other.status = ActStatus.REPEALED
    other.save_revision().publish()

    response = client.get(CHANGES_PATH)
    assert response.status_code == 200
    changes = list(response.context["changes_page"].object_list)
    assert [change.act.slug for change in changes] == ["konstitusiya", "aile-mecellesi"]
    html = response.content.decode()
    # The new wording is the current version, so its link is the act's own address.
    assert f'href="/qanunlar/aile-mecellesi/"' in html
    assert 'href="/qanunlar/konstitusiya/"' in html
    assert "28 noyabr 2026" in html
    assert 'type="application/atom+xml"' in html
    assert response.public_cache is True

    # Once a later version is current, the entry leads to its own version's page.
    publish_new_version(act, datetime.date(2026, 12, 3))
    html = client.get(CHANGES_PATH).content.decode()
    assert f'href="/qanunlar/aile-mecellesi/versiya-{version.pk}/"' in html

    english = client.get(f"/en{CHANGES_PATH}")
    assert english.status_code == 200
    assert 'href="/en/qanunlar/konstitusiya/"' in english.content.decode()


def test_public_list_is_paginated(client):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    ActChange.objects.bulk_create(
        [
            ActChange(act=act, kind=ChangeKind.STATUS, date=datetime.date(2026, 1, 1), old_status="in_force", new_status="amended")
            for _ in range(25)
        ]
    )
    first = client.get(CHANGES_PATH)
    assert len(first.context["changes_page"].object_list) == 20
    assert len(client.get(CHANGES_PATH, {"page": 2}).context["changes_page"].object_list) == 5


def test_changes_feed(client):
    act = LegalAct.objects.get(slug="aile-mecellesi")
    publish_new_version(act, datetime.date(2026, 11, 28))

    response = client.get(f"{CHANGES_PATH}atom/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "az"
    (entry,) = root.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text.startswith(act.title)
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/qanunlar/aile-mecellesi/"
    assert "28.11.2026" in entry.find(f"{ATOM}summary").text
    assert datetime.datetime.fromisoformat(entry.find(f"{ATOM}updated").text).tzinfo is not None

    rss = client.get(f"/ru{CHANGES_PATH}rss/")
    channel = ET.fromstring(rss.content).find("channel")
    assert channel.find("language").text == "ru"
    assert channel.find("item/link").text == "http://testserver/ru/qanunlar/aile-mecellesi/"
