"""Create notifications. Call inside the transaction that makes the change,
so the change and its notifications are saved together or not at all; the
e-mails are queued only once that transaction commits."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from cms.accounts.adapter import recipient_language

from . import kinds
from .delivery import enqueue
from .models import EmailDelivery, Notification


def notify(recipients, kind: str, target, *, email: bool = True) -> list[Notification]:
    """Notify each person in ``recipients`` once about ``target``; ``email=False`` shows it on the site only."""
    definition = kinds.get(kind)
    target_type = ContentType.objects.get_for_model(target)
    created = []
    for person in {person.pk: person for person in recipients}.values():
        notification = Notification.objects.create(
            recipient=person, kind=kind, target_type=target_type, target_id=target.pk
        )
        created.append(notification)
        if email and definition.email_template and person.email:
            delivery = EmailDelivery.objects.create(
                notification=notification, address=person.email, language=recipient_language(person)
            )
            transaction.on_commit(lambda pk=delivery.pk: enqueue(pk))
    return created
