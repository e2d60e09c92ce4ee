from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awaz.accounts.roles import StaffRole
from awaz.i18n import languages


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username: str | None) -> "User":
        # Addresses are unique whatever their case (see the constraint), so log-in ignores it.
        return self.get(email__iexact=username)

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "User":
        # Made on the command line by whoever runs the site: the address needs no confirming.
        fields.update(
            is_staff=True,
            is_superuser=True,
            staff_role=StaffRole.ADMIN,
            email_verified_at=timezone.now(),
        )
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """An organizer or a member of staff. Signers never have accounts."""

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    is_staff = models.BooleanField(
        _("staff"), default=False, help_text=_("May log in to the admin site.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    staff_role = models.CharField(
        _("staff role"),
        max_length=16,
        choices=StaffRole.choices,
        default=StaffRole.NONE,
        blank=True,
        help_text=_("Moderators review petitions, reports and signatures; admins also the site."),
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    # Set when the owner of the address followed the link we mailed; no log-in before that.
    email_verified_at = models.DateTimeField(_("e-mail address confirmed"), null=True, blank=True)
    # The language of the mail this person gets (and of nothing a signer sees): the one they
    # signed up in, until they choose another on their account page.
    language = models.CharField(
        _("language"),
        max_length=16,
        choices=[(language.code, language.name) for language in languages.LANGUAGES],
        default=languages.DEFAULT,
    )

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.name or self.email

    @property
    def mail_language(self) -> str:
        """The language to write to this person in (a code Awaz still offers)."""
        return self.language if self.language in languages.BY_CODE else languages.DEFAULT

    @property
    def email_confirmed(self) -> bool:
        return self.email_verified_at is not None
