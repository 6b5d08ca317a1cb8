"""Stored documents go with their rows: deleting a filing, or one of its
files, removes the file from private storage once the deletion commits."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import FilingFile


@receiver(post_delete, sender=FilingFile)
def delete_stored_file(sender, instance, **kwargs):
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
