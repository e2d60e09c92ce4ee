from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awaz.core.fields import WebURLField
from awaz.i18n import languages


class Role(models.TextChoices):
    OWNER = "owner", _("owner")
    EDITOR = "editor", _("editor")
    VIEWER = "viewer", _("viewer")


# Named groups of roles: who may manage members and settings, who may write and publish.
MANAGING_ROLES = frozenset({Role.OWNER})
EDITING_ROLES = frozenset({Role.OWNER, Role.EDITOR})


class Organization(models.Model):
    """A group that starts petitions, such as a diaspora rights organization.

    It may be pseudonymous: nothing about its members is public, only what is written here, and
    the contact address is for the site's staff, never shown.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=80,
        unique=True,
        help_text=_("Part of the organization's public address: letters, digits and hyphens."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Shown when there is no description in the reader's language."),
    )
    website = WebURLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="organizations/", blank=True)
    # Kept beside the logo so that pages give its size without opening the file.
    logo_width = models.PositiveIntegerField(_("logo width"), null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(
        _("logo height"), null=True, blank=True, editable=False
    )
    contact_email = models.EmailField(
        _("contact e-mail address"),
        blank=True,
        help_text=_("For the site's staff only; never shown on a public page."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="organization_name_unique_ci",
                violation_error_message=_("Another organization already has this name."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class OrganizationDescription(models.Model):
    """The organization's description in one language, beside the default one.

    A row per language rather than a JSON map: the database holds one per language and only
    known codes, and each version remembers who changed it last, as petition texts do.
    """

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="descriptions",
        verbose_name=_("organization"),
    )
    language = models.CharField(_("language"), max_length=16, choices=settings.LANGUAGES)
    text = models.TextField(_("description"))
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
        verbose_name = _("description")
        verbose_name_plural = _("descriptions")
        ordering = ["organization", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "language"], name="organization_description_per_language"
            ),
            models.CheckConstraint(
                condition=Q(language__in=languages.CODES),
                name="organization_description_language_known",
            ),
            models.CheckConstraint(
                condition=~Q(text=""), name="organization_description_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization.slug} [{self.language}]"


class Membership(models.Model):
    """A person's role in an organization. Never shown on a public page."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organization"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organization", "role", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="membership_once"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_known"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role}) in {self.organization}"

    @property
    def can_manage(self) -> bool:
        """Members, invitations and the organization's settings."""
        return self.role in MANAGING_ROLES

    @property
    def can_edit(self) -> bool:
        """Write, submit, edit, close and reopen petitions."""
        return self.role in EDITING_ROLES


class Invitation(models.Model):
    """An e-mailed, single-use, expiring invitation to join an organization in a role.

    Only a digest of the token is kept: a copy of the database cannot accept invitations.
    """

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organization"),
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(role__in=Role.values), name="invitation_role_known"),
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="invitation_expires_after_sending",
            ),
            models.CheckConstraint(
                condition=Q(accepted_by__isnull=True) | Q(accepted_at__isnull=False),
                name="invitation_acceptance_has_date",
            ),
            # One open invitation per address and organization; a new one replaces it.
            models.UniqueConstraint(
                Lower("email"),
                "organization",
                condition=Q(accepted_at__isnull=True),
                name="invitation_one_open_per_address",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.role}) to {self.organization}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class ApiKeyScope(models.TextChoices):
    READ = "read", _("read")
    WRITE = "write", _("read and write")


class ApiKeyQuerySet(models.QuerySet["ApiKey"]):
    def active(self) -> "ApiKeyQuerySet":
        return self.filter(revoked_at=None)


class ApiKey(models.Model):
    """A key an organization's own tools use for the API (awaz.organizations.keys).

    Only the SHA-256 of the secret is kept: the secret has 256 bits of entropy, so a plain digest
    is enough (no salt or slow hash needed) and a lookup is one indexed query. The prefix (the
    first characters of the key, never a secret on its own) lets owners tell their keys apart.
    """

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="api_keys",
        verbose_name=_("organization"),
    )
    name = models.CharField(_("name"), max_length=100)
    scope = models.CharField(
        _("scope"), max_length=8, choices=ApiKeyScope.choices, default=ApiKeyScope.READ
    )
    prefix = models.CharField(_("prefix"), max_length=16)
    digest = models.CharField(_("digest"), max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects: ClassVar[ApiKeyQuerySet] = ApiKeyQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scope__in=ApiKeyScope.values), name="api_key_scope_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def can_write(self) -> bool:
        return self.scope == ApiKeyScope.WRITE
