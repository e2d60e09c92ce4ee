"""Background work about signatures: the signer's e-mails and folding the counts.

Thin adapters: each calls the delivery function it stands for (emails.py, mailings.py), and
those never import this module; the services that enqueue these tasks are in sending.py.
"""

import smtplib

from django.tasks import task

from awaz.jobs.retry import RetryLaterError


@task
def send_signature_email(
    *, signature_id: int, kind: str, email_id: int | None = None, recipient: str = ""
) -> str:
    """Send a signer the confirmation link, or the note that they signed already.

    The arguments are ids; `recipient` (an encrypted address) is read only from tasks queued
    before the outbox existed.
    """
    from awaz.signatures.emails import EmailKind, signature_email_deliver

    return signature_email_deliver(
        signature_id=signature_id, kind=EmailKind(kind), email_id=email_id, recipient=recipient
    )


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
def send_access_email(*, language: str, email_id: int | None = None, recipient: str = "") -> str:
    """Send the link to "my signatures", or say that nothing was signed with the address."""
    from awaz.signatures.emails import access_email_deliver

    return access_email_deliver(language=language, email_id=email_id, recipient=recipient)


@task
def send_update_emails(*, update_id: int) -> str:
    """Send the next batch of an update's e-mails, then queue the next batch at the set pace."""
    import datetime

    from django.conf import settings
    from django.utils import timezone

    from awaz.signatures.mailings import batch_pause, update_mailing_expiry, update_send_batch

    size = settings.AWAZ_UPDATE_BATCH
    try:
        remaining = update_send_batch(update_id=update_id, size=size)
    except (smtplib.SMTPException, OSError) as error:
        raise RetryLaterError("mail not sent", until=update_mailing_expiry(update_id)) from error
    if remaining:
        pause: datetime.timedelta = batch_pause(size)
        send_update_emails.using(run_after=timezone.now() + pause).enqueue(update_id=update_id)
    return f"{remaining} to go"
