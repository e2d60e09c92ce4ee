from django import forms
from django.utils.translation import gettext_lazy as _


class PaperBatchForm(forms.Form):
    """A batch of paper signatures: the limits are the service's (signatures/paper.py)."""

    count = forms.IntegerField(
        label=_("Valid signatures in this batch"),
        widget=forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
        help_text=_("Count only complete lines: a name, a signature and a country."),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        help_text=_("Where and when they were collected, and by whom (up to 500 characters)."),
    )
