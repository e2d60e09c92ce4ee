from django.db import models


class UsedOnce(models.Model):
    """A marker that something meant to be used once (a form, a link, a puzzle) was used.

    Kept in the database rather than a per-process cache, so a second web process cannot
    accept it again; rows are deleted once the thing they mark has expired anyway.
    """

    key = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.key


class OutgoingEmail(models.Model):
    """One message the site means to send: recorded before it leaves, kept across retries.

    Its Message-ID is fixed when the message is queued, so every attempt (a retry after a time-out,
    a resend after a crash) carries the same one and a mailbox shows it once. The recipient and,
    for messages rendered when queued, the content are encrypted and erased once the message is
    sent, refused or expired: a finished row says only that a message went, not to whom.
    """

    class State(models.TextChoices):
        PENDING = "pending"
        SENT = "sent"
        REFUSED = "refused"  # the server said the mailbox does not exist: retrying cannot help
        EXPIRED = "expired"  # not delivered before its link would have expired
        CANCELLED = "cancelled"  # what it was about is gone (a withdrawn signature)

    FINISHED = frozenset({State.SENT, State.REFUSED, State.EXPIRED, State.CANCELLED})

    message_id = models.CharField(max_length=200, unique=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    recipient_encrypted = models.TextField(blank=True)
    content_encrypted = models.TextField(blank=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    attempts = models.PositiveIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "created_at"], name="outgoing_email_state_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state="pending")
                | (
                    models.Q(recipient_encrypted="", content_encrypted="")
                    & models.Q(finished_at__isnull=False)
                ),
                name="outgoing_email_finished_is_erased",
            )
        ]

    def __str__(self) -> str:
        return self.message_id


class WorkerHeartbeat(models.Model):
    """A worker says every few seconds that it is alive; the tasks of a silent one are freed."""

    worker_id = models.CharField(max_length=32, primary_key=True)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.worker_id
