"""Background work about signatures: the signer's e-mails and folding the counts."""

import enum
import smtplib

from django.tasks import task

from awaz.core import crypto, mailer
from awaz.core.worker import RetryLaterError


class EmailKind(enum.StrEnum):
    CONFIRM = "confirm"
    ALREADY_SIGNED = "already_signed"


@task
def send_signature_email(*, signature_id: int, kind: str, recipient: str) -> str:
    """Send a signer the confirmation link, or the note that they signed already."""
    from awaz.signatures.emails import signature_message
    from awaz.signatures.models import Signature

    signature = Signature.objects.select_related("petition").filter(pk=signature_id).first()
    if signature is None:
        return "withdrawn"  # removed since: nothing to confirm, nobody to write to
    message = signature_message(signature, EmailKind(kind), crypto.decrypt(recipient))
    try:
        mailer.send(message)
    except smtplib.SMTPRecipientsRefused:
        return "refused"  # a permanent "no such mailbox": retrying will not help
    except (smtplib.SMTPException, OSError) as error:
        raise RetryLaterError("mail not sent") from error
    return "sent"


def fold_signature_counts() -> None:
    """Periodic: publish the confirmations of the last interval (see counting.py)."""
    from awaz.signatures.counting import signature_counts_fold_all

    signature_counts_fold_all()


def purge_network_digests() -> None:
    """Periodic: forget which network a signature came from once the fraud window is over."""
    import datetime

    from django.conf import settings
    from django.utils import timezone

    from awaz.signatures.models import Signature

    cutoff = timezone.now() - datetime.timedelta(hours=settings.AWAZ_NETWORK_DIGEST_HOURS)
    Signature.objects.filter(created_at__lt=cutoff).exclude(network_digest="").update(
        network_digest=""
    )


@task
def send_access_email(*, recipient: str, language: str) -> str:
    """Send the link to "my signatures", or say that nothing was signed with the address."""
    from awaz.signatures.access import access_token, signatures_of
    from awaz.signatures.emails import access_message
    from awaz.signatures.identity import email_digest

    address = crypto.decrypt(recipient)
    digest = email_digest(address)
    token = access_token(digest) if signatures_of(digest) else None
    try:
        mailer.send(access_message(address=address, language=language, token=token))
    except smtplib.SMTPRecipientsRefused:
        return "refused"
    except (smtplib.SMTPException, OSError) as error:
        raise RetryLaterError("mail not sent") from error
    return "sent" if token else "sent: nothing signed"


@task
def send_update_emails(*, update_id: int) -> str:
    """Send the next batch of an update's e-mails, then queue the next batch at the set pace."""
    import datetime

    from django.conf import settings
    from django.utils import timezone

    from awaz.signatures.mailings import batch_pause, update_send_batch

    size = settings.AWAZ_UPDATE_BATCH
    try:
        remaining = update_send_batch(update_id=update_id, size=size)
    except (smtplib.SMTPException, OSError) as error:
        raise RetryLaterError("mail not sent") from error
    if remaining:
        pause: datetime.timedelta = batch_pause(size)
        send_update_emails.using(run_after=timezone.now() + pause).enqueue(update_id=update_id)
    return f"{remaining} to go"
