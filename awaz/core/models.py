from django.db import models


class UsedOnce(models.Model):
    """A marker that something meant to be used once (a form, a link, a puzzle) was used.

    Kept in the database rather than a per-process cache, so a second web process cannot
    accept it again; rows are deleted once the thing they mark has expired anyway.
    """

    key = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.key
