from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class WebURLField(models.URLField):  # type: ignore[type-arg]
    """A URL a reader can follow safely: http or https only (never javascript:, data:, ftp:)."""

    default_validators = [
        URLValidator(
            schemes=["http", "https"],
            message=_("Enter a web address that starts with https:// or http://."),
        )
    ]
