"""Queueing the signer's e-mails: the services that enqueue the tasks.

Each writes an outbox row (awaz.jobs.mailer) in the caller's transaction and enqueues a task with
ids only. The tasks (tasks.py) are thin adapters over the delivery functions of emails.py and
mailings.py, which never import the tasks: services -> tasks -> delivery, no circle.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from awaz.accounts.models import User
from awaz.audit.services import audit_record
from awaz.jobs import mailer
from awaz.petitions.models import PetitionUpdate
from awaz.privacy import crypto
from awaz.signatures.emails import EmailKind, confirmation_lifetime
from awaz.signatures.mailings import update_recipients
from awaz.signatures.tasks import send_access_email, send_signature_email, send_update_emails


def signature_email_queue(*, signature_id: int, kind: EmailKind, recipient: str) -> None:
    """Queue a signer's e-mail in the caller's transaction; `recipient` is the encrypted address."""
    outgoing = mailer.outgoing_email_create(
        recipient_encrypted=recipient, valid_for=confirmation_lifetime()
    )
    send_signature_email.enqueue(signature_id=signature_id, kind=kind, email_id=outgoing.pk)


def access_email_queue(*, address: str, language: str) -> None:
    """Queue the link to "my signatures" (or the news that there are none) for `address`."""
    outgoing = mailer.outgoing_email_create(
        recipient_encrypted=crypto.encrypt(address.strip()),
        valid_for=datetime.timedelta(seconds=settings.AWAZ_MAIL_MAX_AGE),
    )
    send_access_email.enqueue(language=language, email_id=outgoing.pk)


def request_access(*, address: str, language: str) -> None:
    """Queue the e-mail with the link (or saying nothing was signed with this address)."""
    access_email_queue(address=address, language=language)


@transaction.atomic
def update_email_start(*, update: PetitionUpdate, by: User | None) -> int:
    """Start e-mailing an update; once per update. Returns how many signers it goes to."""
    update = PetitionUpdate.objects.select_for_update().get(pk=update.pk)
    recipients = update_recipients(update).count()
    if update.emailed_at is not None:
        return recipients
    update.emailed_at = timezone.now()
    update.save(update_fields=["emailed_at"])
    audit_record(actor=by, action="update.email", target=update, details={"recipients": recipients})
    send_update_emails.enqueue(update_id=update.pk)
    return recipients
