"""How people find petitions: the search index, the staff's picks and the trend of counts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from awaz.petitions.models import Petition


class SearchDocument(models.Model):
    """What search reads of one petition: every version's words, normalized (awaz.discovery.text).

    The full-text index over it is the database's own and invisible to Django: SQLite's FTS5
    table `discovery_fts` (migration `fulltext_index`), or PostgreSQL's GIN index over the
    expression of the words and the generated `title_tsv` column that ranks (migration
    `postgresql_index_by_expression`). Who may see a petition is decided when searching.
    """

    petition = models.OneToOneField(
        Petition, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    title = models.TextField()
    body = models.TextField()
    refreshed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"search document of petition {self.petition_id}"


class Feature(models.Model):
    """A petition the staff put on the home page."""

    petition = models.OneToOneField(
        Petition,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("petition"),
    )
    featured_at = models.DateTimeField(_("featured"), auto_now_add=True)
    featured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("featured by"),
    )

    class Meta:
        verbose_name = _("featured petition")
        verbose_name_plural = _("featured petitions")
        ordering = ["-featured_at"]

    def __str__(self) -> str:
        return str(self.petition)


class CountSnapshot(models.Model):
    """A petition's published count at one moment: trending compares now with a day ago."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="+")
    taken_at = models.DateTimeField()
    count = models.PositiveBigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["petition", "taken_at"])]

    def __str__(self) -> str:
        return f"{self.petition_id}: {self.count} at {self.taken_at:%Y-%m-%d %H:%M}"


class Trend(models.Model):
    """Signatures a petition gained in the last day, as the scheduled job last computed it."""

    petition = models.OneToOneField(
        Petition, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    gained = models.PositiveBigIntegerField()
    computed_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["-gained"])]

    def __str__(self) -> str:
        return f"{self.petition_id}: +{self.gained}"
