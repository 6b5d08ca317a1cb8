"""The interface speaks Azerbaijani, English and Russian: catalogues complete, compiled and used."""

import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "cms" / "locale"
LANGUAGES = ["az", "ru"]


def read_po(path: Path) -> dict[str, dict]:
    """Return {msgid: {"msgstr": [...], "context": str, "fuzzy": bool}} for every entry but the header."""
    entries = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = block.strip().splitlines()
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields: dict[str, list[str]] = {}
        current = None
        for line in lines:
            match = re.match(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) (\".*\")$", line)
            if match:
                current = match[1]
                fields[current] = [match[2]]
            elif line.startswith('"') and current:
                fields[current].append(line)
        if "msgid" not in fields:
            continue
        msgid = "".join(eval(part) for part in fields["msgid"])  # PO strings are C-style literals
        if not msgid:
            continue
        msgstrs = ["".join(eval(part) for part in value) for key, value in fields.items() if key.startswith("msgstr")]
        context = "".join(eval(part) for part in fields.get("msgctxt", []))
        entries[f"{context}\x04{msgid}" if context else msgid] = {
            "msgid": msgid, "msgstr": msgstrs, "context": context, "fuzzy": fuzzy
        }
    return entries


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_fully_translated(language):
    entries = read_po(LOCALE / language / "LC_MESSAGES" / "django.po")

    untranslated = [msgid for msgid, entry in entries.items() if not all(entry["msgstr"])]
    fuzzy = [msgid for msgid, entry in entries.items() if entry["fuzzy"]]

    assert len(entries) > 150
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_source(language):
    entries = read_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    def compiled_text(entry):
        if entry["context"]:
            return compiled.pgettext(entry["context"], entry["msgid"])
        return compiled.gettext(entry["msgid"])

    stale = [key for key, entry in entries.items() if compiled_text(entry) != entry["msgstr"][0]]

    assert stale == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (Debian package gettext)")
def test_catalogue_covers_every_string(tmp_path):
    """Extract the messages from a copy of the source; nothing may be missing from the catalogues."""
    for folder in ("cms", "site", "search", "forms", "help"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__", "corpus"))
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")

    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "az", "-l", "ru", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.test", "PATH": "/usr/bin:/bin"},
    )

    for language in LANGUAGES:
        extracted = read_po(tmp_path / "cms" / "locale" / language / "LC_MESSAGES" / "django.po")
        missing = [msgid for msgid, entry in extracted.items() if not all(entry["msgstr"]) or entry["fuzzy"]]
        assert missing == [], language


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "heading", "status"),
    [("", "Qanunvericilik", "Konstitusiya"), ("/en", "Legislation", "Constitution"), ("/ru", "Законодательство", "Конституция")],
)
def test_pages_speak_the_language(client, prefix, heading, status):
    response = client.get(f"{prefix}/qanunlar/")

    content = response.content.decode()
    assert heading in content
    assert status in content


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "date"), [("", "28 dekabr 1999"), ("/en", "28 December 1999"), ("/ru", "28 декабря 1999")])
def test_dates_written_as_each_language_writes_them(client, prefix, date):
    response = client.get(f"{prefix}/qanunlar/aile-mecellesi/")

    assert date in response.content.decode()
