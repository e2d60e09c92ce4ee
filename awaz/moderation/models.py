"""What moderators work with: reports, bulk invalidations (and releases), trending sources.

Their decisions themselves go to the append-only audit log (awaz.audit); these tables hold the
work in progress. The lists and live limits they change belong to signing
(`awaz.signatures.models`), which never imports moderation.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awaz.petitions.models import Petition
from awaz.signatures.models import Signature


class ReportReason(models.TextChoices):
    SPAM = "spam", _("spam or advertising")
    OFFENSIVE = "offensive", _("offensive, hateful or threatening")
    FALSE = "false", _("false or misleading")
    PERSONAL = "personal", _("it reveals someone's personal information")
    OTHER = "other", _("something else")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("waiting for a moderator")
    ACTED = "acted", _("acted on")
    DISMISSED = "dismissed", _("dismissed")


class Report(models.Model):
    """A visitor's report about a petition or about one public comment on it.

    Nothing about the person who reported is kept: no account, no address, no network.
    """

    Reason = ReportReason
    Status = ReportStatus

    petition = models.ForeignKey(
        Petition, on_delete=models.CASCADE, related_name="reports", verbose_name=_("petition")
    )
    # Set when the report is about a signer's public comment rather than the petition.
    signature = models.ForeignKey(
        Signature,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("comment"),
    )
    reason = models.CharField(_("reason"), max_length=16, choices=ReportReason.choices)
    text = models.CharField(_("details"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    # When the moderators were e-mailed about it (one message for every report since the last).
    alerted_at = models.DateTimeField(_("moderators told"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(reason__in=ReportReason.values), name="report_reason_known"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="report_status_known"
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="report_queue_idx")]

    def __str__(self) -> str:
        return f"{self.petition_id}:{self.reason}"


class InvalidationStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    DONE = "done", _("done")


class InvalidationAction(models.TextChoices):
    INVALIDATE = "invalidate", _("invalidate")
    RELEASE = "release", _("release held signatures")


class Invalidation(models.Model):
    """A moderator's request to take matching signatures out of the counts (or to release held
    ones into them), run in the background.

    The criteria are kept as they were confirmed, so the audit log and this row say exactly what
    was asked; `invalidated` is how many signatures the run changed.
    """

    Status = InvalidationStatus
    Action = InvalidationAction

    action = models.CharField(
        _("action"),
        max_length=16,
        choices=InvalidationAction.choices,
        default=InvalidationAction.INVALIDATE,
    )
    criteria = models.JSONField(_("criteria"))
    expected = models.PositiveIntegerField(_("matching when confirmed"))
    invalidated = models.PositiveIntegerField(_("invalidated"), default=0)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=InvalidationStatus.choices,
        default=InvalidationStatus.QUEUED,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("invalidation")
        verbose_name_plural = _("invalidations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=InvalidationAction.values), name="invalidation_action_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.pk} ({self.status})"


class TrendKind(models.TextChoices):
    NETWORK = "network", _("network")
    DOMAIN = "domain", _("e-mail domain")


class TrendingSource(models.Model):
    """How many signatures one network or e-mail domain gave one petition in one hour.

    Written by a scheduled job for the last 24 hours, never on a page view. A row at or above
    the threshold is a spike; `alerted_at` makes the moderators' e-mail go once per spike.
    """

    Kind = TrendKind

    petition = models.ForeignKey(
        Petition, on_delete=models.CASCADE, related_name="trends", verbose_name=_("petition")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=TrendKind.choices)
    key = models.CharField(_("network digest or domain"), max_length=255)
    hour = models.DateTimeField(_("hour"))
    signatures = models.PositiveIntegerField(_("signatures"))
    is_spike = models.BooleanField(_("spike"), default=False)
    computed_at = models.DateTimeField(_("computed"), default=timezone.now)
    alerted_at = models.DateTimeField(_("moderators alerted"), null=True, blank=True)

    class Meta:
        verbose_name = _("trending source")
        verbose_name_plural = _("trending sources")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "kind", "key", "hour"], name="trending_source_once"
            ),
        ]
        indexes = [models.Index(fields=["is_spike", "hour"], name="trending_spike_idx")]

    def __str__(self) -> str:
        return f"{self.petition_id} {self.kind} {self.key[:12]} {self.hour:%H}h: {self.signatures}"

    @property
    def hour_end(self) -> datetime.datetime:
        return self.hour + datetime.timedelta(hours=1)
