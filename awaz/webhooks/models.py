"""An organization's webhook endpoints and the deliveries made to them.

The secret signs every payload (signing.py); it is shown to the owner once and kept encrypted
at rest. A delivery holds no signer's data: a petition, its count, a goal, a state.
"""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awaz.core.fields import EncryptedTextField
from awaz.organizations.models import Organization
from awaz.petitions.models import Petition


class Event(models.TextChoices):
    SIGNATURE_CONFIRMED = "signature.confirmed", _("the count grew (at most once a minute)")
    GOAL_REACHED = "petition.goal_reached", _("a petition reached a goal")
    CLOSED = "petition.closed", _("a petition closed")
    VICTORY = "petition.victory", _("a petition was declared won")


class EndpointQuerySet(models.QuerySet["Endpoint"]):
    def active(self) -> "EndpointQuerySet":
        return self.filter(disabled_at__isnull=True)


class Endpoint(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    url = models.URLField(_("address"), max_length=500)
    events = models.JSONField(_("events"), default=list)
    secret = EncryptedTextField(_("signing secret"), max_length=100)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Switched off after AWAZ_WEBHOOK_FAILURES failures in a row (AWAZ_WEBHOOK_FAILING_SECONDS).
    disabled_at = models.DateTimeField(_("switched off"), null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    failing_since = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[EndpointQuerySet] = EndpointQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(consecutive_failures=0, failing_since__isnull=True)
                | Q(consecutive_failures__gt=0, failing_since__isnull=False),
                name="webhook_failing_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.url

    @property
    def is_active(self) -> bool:
        return self.disabled_at is None


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=32, choices=Event.choices)
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="+")
    # What the event says besides the petition (a goal); the count is read when it is sent.
    data = models.JSONField(default=dict)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # Coalescing: the pending count delivery of an endpoint and petition, if any.
            models.Index(
                fields=["endpoint", "petition", "event", "status"], name="webhook_coalesce_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint_id}"


class Attempt(models.Model):
    """One try of a delivery: what the receiver answered (or why nothing did), and when."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="tries")
    at = models.DateTimeField(default=timezone.now)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=200, blank=True)
    milliseconds = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.delivery_id}: {self.status_code or self.error}"

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
