"""E-mailing an update to the signers who asked for updates: in batches, resumable, paced.

Each signer gets a delivery row before their message leaves and a `sent_at` once it has; a
mailing that stops (a crash, a deploy, a mail server down) resumes with exactly the signers
whose row is not marked sent. Batches are spaced so that no more than
AWAZ_UPDATE_EMAILS_PER_MINUTE leave a minute, whatever the number of workers. The mailing is
started in sending.py (which enqueues the task); nothing here imports the tasks.
"""

import contextlib
import datetime
import smtplib

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from awaz.jobs import mailer
from awaz.petitions.models import PetitionUpdate
from awaz.privacy import crypto
from awaz.signatures.emails import update_message
from awaz.signatures.models import Signature, SignatureStatus, UpdateDelivery


def signers_wanting_updates(petition_id: int) -> QuerySet[Signature]:
    """Confirmed signers of the petition who asked for updates and still have an address."""
    return Signature.objects.filter(
        petition_id=petition_id,
        status=SignatureStatus.CONFIRMED,
        wants_updates=True,
    ).exclude(email_encrypted="")


def update_recipients(update: PetitionUpdate) -> QuerySet[Signature]:
    return signers_wanting_updates(update.petition_id)


def _not_yet_sent(update: PetitionUpdate) -> QuerySet[Signature]:
    sent = UpdateDelivery.objects.filter(update=update, sent_at__isnull=False).values(
        "signature_id"
    )
    return update_recipients(update).exclude(pk__in=sent)


def update_mailing_expiry(update_id: int) -> datetime.datetime:
    """A mailing that the mail server refuses is retried until AWAZ_MAIL_MAX_AGE after its start."""
    started = PetitionUpdate.objects.filter(pk=update_id).values_list("emailed_at", flat=True)
    return (started.first() or timezone.now()) + datetime.timedelta(
        seconds=settings.AWAZ_MAIL_MAX_AGE
    )


def update_send_batch(*, update_id: int, size: int) -> int:
    """Send the next `size` messages of a mailing; return how many are still to send."""
    update = PetitionUpdate.objects.select_related("petition").get(pk=update_id)
    for signature in _not_yet_sent(update).order_by("pk")[:size]:
        delivery, _created = UpdateDelivery.objects.get_or_create(
            update=update, signature=signature
        )
        address = crypto.decrypt(signature.email_encrypted)
        # No such mailbox: done with this signer, retrying would not help.
        with contextlib.suppress(smtplib.SMTPRecipientsRefused):
            mailer.send(update_message(update, signature, address))
        UpdateDelivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now())
    return _not_yet_sent(update).count()


def batch_pause(size: int) -> datetime.timedelta:
    """How long to wait between batches of `size` to keep the configured pace."""
    return datetime.timedelta(seconds=60 * size / settings.AWAZ_UPDATE_EMAILS_PER_MINUTE)


@transaction.atomic
def signature_unsubscribe(*, signature_id: int) -> bool:
    """No more updates for this signature (one-click unsubscribe); False if it is gone."""
    signature = Signature.objects.select_for_update().filter(pk=signature_id).first()
    if signature is None:
        return False
    signature.wants_updates = False
    fields = ["wants_updates"]
    if not signature.contact_consent:
        signature.email_encrypted = ""  # no more mail is due: drop the address
        fields.append("email_encrypted")
    signature.save(update_fields=fields)
    return True
