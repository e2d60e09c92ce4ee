from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awaz.core.fields import EncryptedTextField
from awaz.petitions.models import Petition


class SignatureStatus(models.TextChoices):
    PENDING = "pending", _("waiting for confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    FRAUDULENT = "fraudulent", _("refused as fraud")
    INVALIDATED = "invalidated", _("invalidated by a moderator")


class SignatureQuerySet(models.QuerySet["Signature"]):
    def counted(self) -> "SignatureQuerySet":
        """The signatures the published count is made of."""
        return self.filter(status=SignatureStatus.CONFIRMED)


class Signature(models.Model):
    """One person's support of one petition.

    The name and comment are encrypted at rest. The address is kept only as a keyed digest (to
    refuse a second signature) and, while mail must still reach the signer, encrypted. No IP
    address is stored: only a keyed digest of the network, erased after the fraud window.
    Withdrawal deletes the row.
    """

    Status = SignatureStatus

    petition = models.ForeignKey(
        Petition, on_delete=models.CASCADE, related_name="signatures", verbose_name=_("petition")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SignatureStatus.choices, default=SignatureStatus.PENDING
    )
    # Encrypted at rest, never searchable: a database backup does not say who signed.
    name = EncryptedTextField(_("name"), max_length=100)
    country = models.CharField(_("country"), max_length=2)
    comment = EncryptedTextField(_("why I am signing"), max_length=1000, blank=True)
    is_public = models.BooleanField(_("name shown publicly"), default=False)
    # A moderator hid the comment from public pages (after a report); it stays the signer's data.
    comment_hidden = models.BooleanField(_("comment hidden by a moderator"), default=False)
    wants_updates = models.BooleanField(_("wants updates"), default=False)
    # May the petition's organization itself write to this signer (the address goes in exports)?
    contact_consent = models.BooleanField(_("may be contacted by the organization"), default=False)
    language = models.CharField(_("language"), max_length=16, choices=settings.LANGUAGES)
    email_digest = models.CharField(_("e-mail digest"), max_length=64)
    email_domain = models.CharField(_("e-mail domain"), max_length=255, blank=True)
    # Fernet token of the address; emptied as soon as no more mail is due.
    email_encrypted = models.TextField(_("e-mail, encrypted"), blank=True)
    network_digest = models.CharField(_("network digest"), max_length=64, blank=True)
    emails_sent = models.PositiveSmallIntegerField(_("e-mails sent"), default=0)
    consent = models.CharField(_("consent text version"), max_length=16)
    created_at = models.DateTimeField(_("signed"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    objects: ClassVar[SignatureQuerySet] = SignatureQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "email_digest"], name="signature_one_per_signer"
            ),
            models.CheckConstraint(
                condition=Q(status__in=SignatureStatus.values), name="signature_status_known"
            ),
            models.CheckConstraint(
                condition=~Q(status=SignatureStatus.CONFIRMED) | Q(confirmed_at__isnull=False),
                name="signature_confirmed_has_time",
            ),
        ]
        indexes = [
            models.Index(
                fields=["petition", "network_digest", "created_at"], name="signature_rate_idx"
            ),
            models.Index(
                fields=["petition", "status", "-confirmed_at"], name="signature_recent_idx"
            ),
            # The k rule: does a country have k confirmed signatures yet (bounded, never a count)?
            models.Index(fields=["petition", "status", "country"], name="signature_country_idx"),
            models.Index(
                fields=["created_at"],
                condition=~Q(network_digest=""),
                name="signature_network_purge_idx",
            ),
            # A signer's own signatures across petitions ("my signatures").
            models.Index(fields=["email_digest"], name="signature_signer_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.petition_id}:{self.pk}"


class CountShard(models.Model):
    """Confirmations not yet folded into the petition's published count.

    Confirming adds +1 to one of several rows chosen at random, so a viral petition's
    confirmations never queue behind one hot row; a periodic job folds the rows into
    `Petition.signature_count`. Published count + shards = confirmed signatures, always.
    """

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="count_shards")
    shard = models.PositiveSmallIntegerField()
    delta = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["petition", "shard"], name="count_shard_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.petition_id}/{self.shard}: {self.delta:+d}"


class UpdateDelivery(models.Model):
    """One signer's copy of an update e-mail: written before the message leaves, marked after.

    A mailing that stops half-way (a crash, a deploy) resumes with the signers who have no row
    marked sent; the Message-ID is the same on a second attempt, so mail programs show the
    message once even in the rare case where it left just before the crash.
    """

    update = models.ForeignKey(
        "petitions.PetitionUpdate", on_delete=models.CASCADE, related_name="deliveries"
    )
    signature = models.ForeignKey(Signature, on_delete=models.CASCADE, related_name="deliveries")
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["update", "signature"], name="delivery_once"),
        ]

    def __str__(self) -> str:
        return f"{self.update_id}/{self.signature_id}"
