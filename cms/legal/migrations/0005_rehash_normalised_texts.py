"""Recompute text hashes after trailing whitespace stopped counting as a change.

The normalisation is copied here, frozen, so that later changes to
``cms.legal.hashing`` do not change what this migration did.
"""

import hashlib
import unicodedata

from django.db import migrations

PARSER_VERSIONS_SEEN = ["1", "2", "3", "4"]


def _old_normalise(text):
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("ә", "ə").replace("Ә", "Ə")


def _new_normalise(text):
    text = _old_normalise(text)
    return "\n".join(line.rstrip() for line in text.strip().split("\n")) + "\n"


def _sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _structure_key(text_hash, parser_version):
    return hashlib.sha256(f"{text_hash}:{parser_version}".encode()).hexdigest()


def rehash(apps, schema_editor):
    ActVersion = apps.get_model("legal", "ActVersion")
    for version in ActVersion.objects.only("pk", "source_text", "text_sha256", "structure_sha256").iterator():
        old_hash = version.text_sha256
        text = _new_normalise(version.source_text)
        new_hash = _sha(text)

        # Keep a structure marked current only if it was built from this text.
        structure = ""
        for parser_version in PARSER_VERSIONS_SEEN:
            if version.structure_sha256 == _structure_key(old_hash, parser_version):
                structure = _structure_key(new_hash, parser_version)
        ActVersion.objects.filter(pk=version.pk).update(
            source_text=text, text_sha256=new_hash, text_length=len(text), structure_sha256=structure
        )


class Migration(migrations.Migration):
    dependencies = [
        ("legal", "0004_version_text_length"),
    ]

    operations = [
        migrations.RunPython(rehash, migrations.RunPython.noop),
    ]
