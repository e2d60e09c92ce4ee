from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from awaz.core.widgets import LanguageSelect
from awaz.dashboard.forms.base import language_choices
from awaz.petitions.validators import validate_markdown


class UpdateForm(forms.Form):
    language = forms.ChoiceField(label=_("Written in"), widget=LanguageSelect)
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 10}),
        validators=[validate_markdown],
        help_text=_("Markdown: paragraphs, lists, links. No images, no HTML."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()  # type: ignore[attr-defined]


class UpdateTextForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 10}),
        validators=[validate_markdown],
        help_text=_("Markdown: paragraphs, lists, links. No images, no HTML."),
    )
