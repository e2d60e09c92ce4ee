from typing import Any

from django.core.exceptions import FieldError
from django.core.validators import MaxLengthValidator, URLValidator
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import lookups
from django.db.models.expressions import Expression
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from awaz.privacy import crypto


class WebURLField(models.URLField):  # type: ignore[type-arg]
    """A URL a reader can follow safely: http or https only (never javascript:, data:, ftp:)."""

    default_validators = [
        URLValidator(
            schemes=["http", "https"],
            message=_("Enter a web address that starts with https:// or http://."),
        )
    ]


class _EmptyOnlyExact(lookups.Exact):
    """`field=""` (is there a value at all?) is the one comparison an encrypted field allows."""

    def get_prep_lookup(self) -> Any:
        if self.rhs != "":
            raise FieldError(
                "An encrypted field can be compared with '' only: it is never searched."
            )
        return super().get_prep_lookup()


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """Text that the database holds only as a Fernet token (`awaz.privacy.crypto`).

    Python code reads and writes plain text; a database dump or backup holds tokens that only
    the keys in AWAZ_ENCRYPTION_KEYS open. The empty string stays empty (so "has a comment"
    needs no key), and nothing else can be searched or compared by design: every encryption of
    one value differs, so `filter(name=...)`, `icontains`, ordering by it and the like raise
    FieldError instead of silently finding nothing. `max_length` limits the plain text.
    `manage.py rotate_encryption_keys` moves every such column to the newest key.
    """

    description = "Text, encrypted at rest"

    @cached_property
    def validators(self) -> list[Any]:
        extra = [MaxLengthValidator(self.max_length)] if self.max_length is not None else []
        return [*super().validators, *extra]

    # No lookup but these two, and no transform: Django then raises FieldError ("Unsupported
    # lookup") for anything else, such as icontains or lower.
    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name == "exact":
            return _EmptyOnlyExact
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        return None

    def get_transform(self, lookup_name: str) -> Any:
        return None

    def from_db_value(
        self, value: str | None, expression: Expression, connection: BaseDatabaseWrapper
    ) -> str | None:
        if not value:
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(str(value))
