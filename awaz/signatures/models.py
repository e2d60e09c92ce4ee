from typing import ClassVar

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from awaz.core.fields import EncryptedTextField
from awaz.petitions.models import Petition


class SignatureStatus(models.TextChoices):
    PENDING = "pending", _("waiting for confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    # Held for a moderator: not counted (even once confirmed) until released, never dropped.
    SUSPECT = "suspect", _("held for review")
    # Only what a moderator's block list refuses: stored, never counted.
    FRAUDULENT = "fraudulent", _("refused as fraud")
    INVALIDATED = "invalidated", _("invalidated by a moderator")


class HoldReason(models.TextChoices):
    """Why a signature is held as suspect; moderators see it, the signer never does."""

    BURST = "burst", _("more signatures from one network than the burst limit")
    SUSTAINED = "sustained", _("more signatures from one network than the sustained limit")
    NOSCRIPT = "noscript", _("no puzzle answer (no JavaScript), over its network's limit")
    FAST = "fast", _("form sent seconds after the page was served")
    STAMP = "stamp", _("form stamp missing or forged")
    HONEYPOT = "honeypot", _("hidden field filled in")
    PUZZLE = "puzzle", _("puzzle answer wrong, expired or used before")


class SignatureQuerySet(models.QuerySet["Signature"]):
    def counted(self) -> "SignatureQuerySet":
        """The signatures the published count is made of."""
        return self.filter(status=SignatureStatus.CONFIRMED)

    def held(self) -> "SignatureQuerySet":
        """The signatures waiting for a moderator to release or invalidate them."""
        return self.filter(status=SignatureStatus.SUSPECT)


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
    # Where it was collected when not on Awaz's own form: a partner site's tag, through the API.
    source = models.CharField(_("collected through"), max_length=40, blank=True)
    # Set exactly while the signature is held as suspect.
    hold_reason = models.CharField(
        _("held because"), max_length=16, choices=HoldReason.choices, blank=True
    )
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
            models.CheckConstraint(
                condition=(Q(status=SignatureStatus.SUSPECT) & ~Q(hold_reason=""))
                | (~Q(status=SignatureStatus.SUSPECT) & Q(hold_reason="")),
                name="signature_held_has_reason",
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
            # The hourly caps on stored rows and mail per network and per e-mail domain.
            models.Index(fields=["network_digest", "created_at"], name="signature_network_cap_idx"),
            models.Index(fields=["email_domain", "created_at"], name="signature_domain_cap_idx"),
            # Each petition's held signatures, for the moderators.
            models.Index(
                fields=["petition", "created_at"],
                condition=Q(status=SignatureStatus.SUSPECT),
                name="signature_held_idx",
            ),
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


# The signing policy's lists and live limits. They moved here from `moderation` (which changes
# them through its services) with their tables, so signing never imports moderation.


class ListKind(models.TextChoices):
    BLOCKED_DOMAIN = "blocked_domain", _("blocked e-mail domain")
    BLOCKED_NETWORK = "blocked_network", _("blocked network")
    ALLOWED_NETWORK = "allowed_network", _("allowed network (no rate limits)")


class ListEntry(models.Model):
    """One e-mail domain (`example.com`, `*.example.com`) or network digest on a list."""

    Kind = ListKind

    kind = models.CharField(_("list"), max_length=16, choices=ListKind.choices)
    value = models.CharField(_("value"), max_length=255)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("added by"),
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        db_table = "moderation_listentry"
        verbose_name = _("list entry")
        verbose_name_plural = _("list entries")
        ordering = ["kind", "value"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "value"], name="list_entry_once"),
            models.CheckConstraint(condition=Q(kind__in=ListKind.values), name="list_kind_known"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.value}"


def _limit(label: StrPromise) -> models.PositiveIntegerField[int | None, int | None]:
    return models.PositiveIntegerField(
        label, null=True, blank=True, validators=[MinValueValidator(1)]
    )


class SiteSettings(models.Model):
    """Limits and switches admins change live; an empty field keeps the environment's default."""

    challenge_everywhere = models.BooleanField(
        _("proof-of-work challenge on every petition"), null=True, blank=True
    )
    sign_burst_limit = _limit(_("signatures per network per petition in a burst"))
    sign_burst_seconds = _limit(_("burst window, seconds"))
    sign_sustained_limit = _limit(_("signatures per network per petition, sustained"))
    sign_sustained_seconds = _limit(_("sustained window, seconds"))
    trending_network_per_hour = _limit(_("spike: signatures from one network in an hour"))
    trending_domain_per_hour = _limit(_("spike: signatures from one e-mail domain in an hour"))
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects: ClassVar[models.Manager["SiteSettings"]] = models.Manager()

    class Meta:
        db_table = "moderation_sitesettings"
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self) -> str:
        return "site settings"


class PaperBatchQuerySet(models.QuerySet["PaperBatch"]):
    def counted(self) -> "PaperBatchQuerySet":
        """The batches the published count includes: every batch not undone."""
        return self.filter(undone_at__isnull=True)


class PaperBatch(models.Model):
    """Valid signatures an organizer collected on paper and counted by hand, as one number.

    Only the number is stored (the sheets stay with the organization): no signer's name is in
    Awaz. Recording or undoing a batch moves the count through the shards, like a confirmation,
    so published count + shards = confirmed rows + paper batches not undone.
    """

    petition = models.ForeignKey(
        Petition, on_delete=models.CASCADE, related_name="paper_batches", verbose_name=_("petition")
    )
    count = models.PositiveIntegerField(_("signatures"), validators=[MinValueValidator(1)])
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("undone by"),
    )

    objects: ClassVar[PaperBatchQuerySet] = PaperBatchQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("paper batch")
        verbose_name_plural = _("paper batches")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(count__gte=1), name="paper_batch_count_positive"),
            models.CheckConstraint(
                condition=Q(undone_at__isnull=True, undone_by__isnull=True)
                | Q(undone_at__isnull=False),
                name="paper_batch_undone_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.petition_id}: {self.count} on paper"
