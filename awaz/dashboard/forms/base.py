from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from awaz.i18n import languages


class WebURLFormField(forms.URLField):
    """A link a reader can follow safely: http or https only, as awaz.core.fields.WebURLField."""

    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {
        "invalid": _("Enter a web address that starts with https:// or http://."),
    }

    widget = forms.URLInput(attrs={"dir": "ltr"})  # addresses read left to right everywhere

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)  # type: ignore[arg-type]


def ltr_email(**attrs: str) -> forms.EmailInput:
    """An e-mail input that stays left to right in a right-to-left page."""
    return forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email", **attrs})


def add_service_errors(
    form: forms.BaseForm, error: ValidationError, *, fields: dict[str, str] | None = None
) -> None:
    """Show a service's refusal on the form: on the field it names, else above the form.

    `fields` maps a service's field names to the form's where they differ.
    """
    renamed = fields or {}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        field = renamed.get(name, name)
        if field in form.fields and field != NON_FIELD_ERRORS:
            form.add_error(field, errors)
        else:
            form.add_error(None, errors)


def language_choices(*, exclude: str = "") -> list[tuple[str, str]]:
    """Every language and script, each named in its own language and script."""
    return [
        (language.code, language.name_local)
        for language in languages.LANGUAGES
        if language.code != exclude
    ]


def write_in(form: forms.BaseForm, language: str, *, fields: tuple[str, ...]) -> None:
    """Mark the inputs where text is typed in `language` (not the labels) with its tag and
    direction, so the browser picks the right font, spell checker and cursor movement."""
    shown = languages.get(language)
    for name in fields:
        if name in form.fields:
            form.fields[name].widget.attrs.update(
                {"lang": shown.bcp47, "dir": "rtl" if shown.bidi else "ltr"}
            )
