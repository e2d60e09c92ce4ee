"""The decision maker's response and the victory statement: one text box per written version."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.validators import URLValidator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from awaz.core.widgets import own_name
from awaz.dashboard.forms.base import write_in
from awaz.petitions.validators import validate_markdown


def text_field_name(language: str) -> str:
    return f"text_{language.replace('-', '_')}"


class _PerLanguage(forms.Form):
    """Adds a text box per language in `written` (the first required): the organizer writes the
    versions a person writes; the other Uyghur scripts are converted."""

    first_name = ""  # the first box's name, if not text_<language>

    def field_name(self, index: int, code: str) -> str:
        return self.first_name if index == 0 and self.first_name else text_field_name(code)

    def add_texts(self, written: Sequence[str], *, label: str, **field: Any) -> None:
        self.languages = list(written)
        for index, code in enumerate(self.languages):
            name = self.field_name(index, code)
            self.fields[name] = forms.CharField(
                label=format_html("{} ({})", label, own_name(code)),
                required=index == 0,
                **field,
            )
            write_in(self, code, fields=(name,))

    def texts(self) -> dict[str, str]:
        """`{language: text}` of the boxes filled in, the first language first."""
        texts = {
            code: self.cleaned_data.get(self.field_name(index, code), "")
            for index, code in enumerate(self.languages)
        }
        return {code: text for code, text in texts.items() if text.strip()}


class ResponseForm(_PerLanguage):
    responded_on = forms.DateField(
        label=_("Date of the response"), widget=forms.DateInput(attrs={"type": "date"})
    )
    document_url = forms.URLField(
        label=_("The response as a document (optional)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["https"])],
        error_messages={"invalid": _("Enter a web address that starts with https://.")},
        widget=forms.URLInput(attrs={"dir": "ltr"}),
        help_text=_("A web address starting with https:// where the answer is published."),
    )

    def __init__(self, *args: Any, written: Sequence[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_texts(
            written,
            label=str(_("What they answered")),
            widget=forms.Textarea(attrs={"rows": 8}),
            validators=[validate_markdown],
            help_text=_("Markdown: paragraphs, lists, links. No images, no HTML."),
        )
        texts = [self.field_name(index, code) for index, code in enumerate(self.languages)]
        self.order_fields(["responded_on", *texts, "document_url"])


class VictoryStatementsForm(_PerLanguage):
    first_name = "statement"

    def __init__(self, *args: Any, written: Sequence[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_texts(
            written,
            label=str(_("What was won")),
            max_length=1000,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text=_("A sentence or two, shown on the petition's page."),
        )
