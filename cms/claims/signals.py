"""A claim document's file leaves private storage with its row, once the deletion commits."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import ClaimDocument


@receiver(post_delete, sender=ClaimDocument)
def delete_stored_file(sender, instance, **kwargs):
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
