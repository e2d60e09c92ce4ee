from typing import ClassVar

from django.conf import settings
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awaz.core.fields import WebURLField
from awaz.organizations.models import Organization
from awaz.petitions import goals
from awaz.petitions.validators import (
    validate_language_codes,
    validate_markdown,
    validate_risky_countries,
)

HTTPS_ONLY = URLValidator(
    schemes=["https"], message=_("Enter a web address that starts with https://.")
)


class PetitionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PENDING = "pending", _("waiting for review")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")
    VICTORY = "victory", _("victory")
    REJECTED = "rejected", _("rejected")
    REMOVED = "removed", _("removed")


class CyrillicSpelling(models.TextChoices):
    """How the generated Cyrillic Uyghur version spells the words Kazakhstan and Xinjiang write
    differently; the values are those of `awaz.scripts.CyrillicSpelling`."""

    KAZAKHSTAN = "kazakhstan", _("As written in Kazakhstan (Uyghur Avazi)")
    STANDARD = "standard", _("Standard (DB65/T 3691, as RFA writes)")


class PrivateSigners(models.TextChoices):
    COUNTRY = "country", _("as “Someone from <country>”")
    HIDDEN = "hidden", _("not at all")


# Named groups of states: who may read a petition, who may sign it.
VISIBLE_STATUSES = frozenset({PetitionStatus.OPEN, PetitionStatus.CLOSED, PetitionStatus.VICTORY})
SIGNABLE_STATUSES = frozenset({PetitionStatus.OPEN})
# Stopped taking signatures for good or for now; `ended_at` is set exactly in these states and
# the retention period of the signers' personal data counts from it.
ENDED_STATUSES = frozenset(
    {PetitionStatus.CLOSED, PetitionStatus.VICTORY, PetitionStatus.REJECTED, PetitionStatus.REMOVED}
)
# Whose text its organization may change (a petition under review or taken down is frozen).
EDITABLE_STATUSES = frozenset(
    {PetitionStatus.DRAFT, PetitionStatus.OPEN, PetitionStatus.CLOSED, PetitionStatus.VICTORY}
)


class PetitionQuerySet(models.QuerySet["Petition"]):
    def visible(self) -> "PetitionQuerySet":
        """Petitions the public may read."""
        return self.filter(status__in=VISIBLE_STATUSES)

    def signable(self) -> "PetitionQuerySet":
        return self.filter(status__in=SIGNABLE_STATUSES)

    def ended(self) -> "PetitionQuerySet":
        """Petitions that stopped taking signatures: closed, won, rejected or taken down."""
        return self.filter(status__in=ENDED_STATUSES)


class Petition(models.Model):
    """One campaign with one counter, whatever the language or script it is read in."""

    Status = PetitionStatus
    PrivateSigners = PrivateSigners
    CyrillicSpelling = CyrillicSpelling
    VISIBLE: ClassVar[frozenset[str]] = VISIBLE_STATUSES
    SIGNABLE: ClassVar[frozenset[str]] = SIGNABLE_STATUSES
    ENDED: ClassVar[frozenset[str]] = ENDED_STATUSES
    EDITABLE: ClassVar[frozenset[str]] = EDITABLE_STATUSES

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="petitions",
        verbose_name=_("organization"),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    status = models.CharField(
        _("status"), max_length=16, choices=PetitionStatus.choices, default=PetitionStatus.DRAFT
    )
    original_language = models.CharField(_("written in"), max_length=16, choices=settings.LANGUAGES)
    first_goal = models.PositiveIntegerField(
        _("first goal"),
        default=100,
        validators=[MinValueValidator(1)],
        help_text=_("The first number of signatures to reach; later goals follow the ladder."),
    )
    # The published count of confirmed signatures; never counted on a page view.
    signature_count = models.PositiveBigIntegerField(_("signatures"), default=0, editable=False)
    private_signers = models.CharField(
        _("signers who keep their name private"),
        max_length=16,
        choices=PrivateSigners.choices,
        default=PrivateSigners.COUNTRY,
        help_text=_("How “recent signatures” shows a signer who did not choose to be public."),
    )
    challenge_required = models.BooleanField(
        _("proof-of-work challenge"),
        default=False,
        help_text=_("Ask signers' browsers to solve a small puzzle, e.g. under a spam attack."),
    )
    image = models.ImageField(_("image"), upload_to="petitions/", blank=True)
    offered_languages = models.JSONField(
        _("other languages"),
        default=list,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Languages the petition will also be published in."),
    )
    proper_nouns = models.TextField(
        _("names"),
        blank=True,
        help_text=_(
            "Names to write with capitals in the Latin and Cyrillic Uyghur versions, one per "
            "line, e.g. Serikzhan Bilash."
        ),
    )
    # Readers of Cyrillic Uyghur live mostly in Kazakhstan and Kyrgyzstan: their spelling first.
    cyrillic_spelling = models.CharField(
        _("Cyrillic spelling"),
        max_length=16,
        choices=CyrillicSpelling.choices,
        default=CyrillicSpelling.KAZAKHSTAN,
        help_text=_(
            "For Uyghur: how the Cyrillic version made from your text spells words such as "
            "Kazakhstan and year: қазақстан, жил (Kazakhstan) or қазақистан, йил (the "
            "standard). Versions you reviewed keep your spelling."
        ),
    )
    risky_email_countries = models.CharField(
        _("countries whose mail providers are a risk"),
        max_length=100,
        blank=True,
        validators=[validate_risky_countries],
        help_text=_(
            "Country codes such as CN: a signer whose address is at a mail provider of these "
            "countries is warned before the confirmation is sent there."
        ),
    )
    victory_statement = models.CharField(
        _("victory statement"),
        max_length=1000,
        blank=True,
        help_text=_("What was won, shown on the petition's page."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    # When the text of the published petition last changed; the page says "edited on".
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    # When it stopped taking signatures (closed, won, rejected or taken down); set in exactly the
    # ENDED states (a database constraint), so the retention purge can count from it.
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    # A random stamp drawn anew whenever the petition or anything its page shows besides the
    # count changes (texts, links, updates, responses, milestones: petitions/versions.py). The
    # page's rendered parts are cached under it, so no process ever serves an outdated one.
    content_version = models.BigIntegerField(_("content version"), default=0, editable=False)

    objects: ClassVar[PetitionQuerySet] = PetitionQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["organization", "status", "-published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=PetitionStatus.values),
                name="petition_status_known",
            ),
            models.CheckConstraint(
                condition=Q(cyrillic_spelling__in=CyrillicSpelling.values),
                name="petition_cyrillic_spelling_known",
            ),
            models.CheckConstraint(
                condition=Q(first_goal__gte=1), name="petition_first_goal_positive"
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=False) | ~Q(status__in=sorted(VISIBLE_STATUSES)),
                name="petition_visible_has_publication_date",
            ),
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True)
                | Q(published_at__isnull=True)
                | Q(closes_at__gt=models.F("published_at")),
                name="petition_closes_after_publication",
            ),
            models.CheckConstraint(
                condition=~Q(status=PetitionStatus.VICTORY) | ~Q(victory_statement=""),
                name="petition_victory_has_statement",
            ),
            models.CheckConstraint(
                condition=Q(status__in=sorted(ENDED_STATUSES), ended_at__isnull=False)
                | (~Q(status__in=sorted(ENDED_STATUSES)) & Q(ended_at__isnull=True)),
                name="petition_ended_exactly_when_it_has_an_end_date",
            ),
        ]

    def __str__(self) -> str:
        return self.slug

    @property
    def proper_noun_list(self) -> list[str]:
        return [line.strip() for line in self.proper_nouns.splitlines() if line.strip()]

    @property
    def is_visible(self) -> bool:
        return self.status in self.VISIBLE

    @property
    def is_signable(self) -> bool:
        return self.status in self.SIGNABLE

    @property
    def is_ended(self) -> bool:
        return self.status in self.ENDED

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def progress(self) -> goals.Progress:
        return goals.progress(self.signature_count, self.first_goal)


class PetitionText(models.Model):
    """The petition in one language or script: what a reader of that version sees."""

    class Origin(models.TextChoices):
        WRITTEN = "written", _("written by a person")
        CONVERTED = "converted", _("converted automatically")
        REVIEWED = "reviewed", _("converted, then reviewed by a person")

    petition = models.ForeignKey(
        Petition, on_delete=models.CASCADE, related_name="texts", verbose_name=_("petition")
    )
    language = models.CharField(_("language"), max_length=16, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    target = models.CharField(
        _("decision maker"),
        max_length=200,
        help_text=_("Who the petition is addressed to, e.g. “the Government of Kazakhstan”."),
    )
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    body = models.TextField(
        _("text"),
        validators=[validate_markdown],
        help_text=_("Markdown: paragraphs, lists, links."),
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the petition's image shows, for people who cannot see it."),
    )
    origin = models.CharField(
        _("origin"), max_length=16, choices=Origin.choices, default=Origin.WRITTEN
    )
    converted_from = models.CharField(
        _("converted from"), max_length=16, choices=settings.LANGUAGES, blank=True
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )

    class Meta:
        verbose_name = _("petition text")
        verbose_name_plural = _("petition texts")
        ordering = ["petition", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "language"], name="petition_text_one_per_language"
            ),
            models.CheckConstraint(
                condition=Q(origin="written", converted_from="")
                | (~Q(origin="written") & ~Q(converted_from="")),
                name="petition_text_conversion_has_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.petition.slug} [{self.language}]"


class PetitionRevision(models.Model):
    """What one version of a published petition said before someone changed it."""

    petition = models.ForeignKey(
        Petition, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("petition")
    )
    language = models.CharField(_("language"), max_length=16, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    target = models.CharField(_("decision maker"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    body = models.TextField(_("text"))
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    edited_at = models.DateTimeField(_("changed"))

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-edited_at", "-id"]
        indexes = [models.Index(fields=["petition", "-edited_at"])]

    def __str__(self) -> str:
        return f"{self.petition.slug} [{self.language}] {self.edited_at:%Y-%m-%d %H:%M}"


class PetitionLink(models.Model):
    """A "more information" link shown under one version of the petition."""

    text = models.ForeignKey(
        PetitionText, on_delete=models.CASCADE, related_name="links", verbose_name=_("text")
    )
    title = models.CharField(_("title"), max_length=200)
    url = WebURLField(
        _("address"),
        max_length=500,
        help_text=_("A web address starting with https:// or http://."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(url__startswith="https://") | Q(url__startswith="http://"),
                name="petition_link_is_web_address",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    """A goal of the ladder the count reached, and when."""

    petition = models.ForeignKey(
        Petition, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("petition")
    )
    goal = models.PositiveBigIntegerField(_("goal"))
    reached_at = models.DateTimeField(_("reached"))

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["petition", "goal"]
        constraints = [
            models.UniqueConstraint(fields=["petition", "goal"], name="milestone_once_per_goal"),
        ]

    def __str__(self) -> str:
        return f"{self.petition.slug}: {self.goal}"


class UpdateKind(models.TextChoices):
    NEWS = "news", _("news")
    RESPONSE = "response", _("the decision maker's response")
    VICTORY = "victory", _("victory")


class PetitionUpdate(models.Model):
    """News from the organizer: shown on the petition's page and, on request, e-mailed to the
    signers who asked for updates (see awaz.signatures.mailings).

    The decision maker's response and the victory statement are updates of their own kind: they
    take the same road to the signers and the feed, and the page shows them in their own place.
    """

    Kind = UpdateKind

    petition = models.ForeignKey(
        Petition, on_delete=models.CASCADE, related_name="updates", verbose_name=_("petition")
    )
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("posted by"),
    )
    original_language = models.CharField(_("written in"), max_length=16, choices=settings.LANGUAGES)
    kind = models.CharField(
        _("kind"), max_length=16, choices=UpdateKind.choices, default=UpdateKind.NEWS
    )
    # When e-mailing was asked for; None: shown on the page only (so far).
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=UpdateKind.values), name="petition_update_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.petition.slug} @ {self.created_at:%Y-%m-%d}"


class PetitionResponse(models.Model):
    """What the decision maker answered: its texts are those of the update that announces it."""

    update = models.OneToOneField(
        PetitionUpdate,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="response",
        verbose_name=_("update"),
    )
    responded_on = models.DateField(_("date of the response"))
    document_url = models.URLField(
        _("the response as a document"),
        max_length=500,
        blank=True,
        validators=[HTTPS_ONLY],
        help_text=_("Optional: a web address starting with https:// where it is published."),
    )

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.CheckConstraint(
                condition=Q(document_url="") | Q(document_url__startswith="https://"),
                name="petition_response_document_is_https",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.update} ({self.responded_on})"


class PetitionUpdateText(models.Model):
    """An update in one language or script."""

    update = models.ForeignKey(
        PetitionUpdate, on_delete=models.CASCADE, related_name="texts", verbose_name=_("update")
    )
    language = models.CharField(_("language"), max_length=16, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        validators=[validate_markdown],
        help_text=_("Markdown: paragraphs, lists, links."),
    )
    converted = models.BooleanField(_("converted automatically"), default=False)

    class Meta:
        verbose_name = _("update text")
        verbose_name_plural = _("update texts")
        constraints = [
            models.UniqueConstraint(fields=["update", "language"], name="update_text_per_language"),
        ]

    def __str__(self) -> str:
        return self.title
