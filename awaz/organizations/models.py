from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from awaz.core.fields import WebURLField


class Organization(models.Model):
    """A group that starts petitions, such as a diaspora rights organization.

    It may be pseudonymous: nothing about its members is public, only what is written here.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    website = WebURLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="organization_name_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.name
