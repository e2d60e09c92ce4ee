from typing import Any, ClassVar, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """The audit log is written once and never changed or deleted."""


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("audit entries cannot be changed")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("audit entries cannot be deleted")


class AuditEntry(models.Model):
    """Who did what to what, and when: exports, deliveries, moderation decisions.

    Append-only: the code refuses updates and deletes, and on PostgreSQL a trigger refuses them
    too (migration 0002), so not even a bug or a shell session can rewrite history.
    """

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    # What it was about, as "app.model:pk" (kept even if that object is deleted later).
    target = models.CharField(_("about"), max_length=128, blank=True, db_index=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    # The organization it concerns, for its owners' page: an id, not a key, so the entry
    # outlives the organization (like `target`) and the audit app depends on no other app.
    organization_pk = models.PositiveBigIntegerField(
        _("organization"), null=True, blank=True, db_index=True
    )

    objects: ClassVar[AuditQuerySet] = AuditQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("audit entries cannot be deleted")
